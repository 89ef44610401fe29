import { isIP } from 'node:net';

/**
 * Whom a rate limit counts a request against: an IPv4 address as it is, an IPv6 address by its
 * /64 — one subscriber's network, from which a client can use as many addresses as it likes —
 * and an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) as the IPv4 address it is. Every spelling
 * of one network (compressed or not, any case, with a zone id) gives the same key.
 */
export function clientNetwork(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const bare = ip.replace(/%.*$/, '');
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) !== 6) return ip;
  const groups = hextets(bare.toLowerCase());
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (checked by `isIP` first). */
function hextets(address: string): number[] {
  let head = address;
  const tail: number[] = [];
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    head = address.slice(0, -v4[0].length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => parseInt(group, 16)) : [];
  const [left, right] = head.split('::');
  const before = parse(left);
  const after = [...parse(right), ...tail];
  const zeros = head.includes('::') ? 8 - before.length - after.length : 0;
  return [...before, ...new Array<number>(zeros).fill(0), ...after];
}
