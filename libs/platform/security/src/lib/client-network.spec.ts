import { clientNetwork } from './client-network';

describe('clientNetwork (whom a rate limit counts)', () => {
  it('gives every spelling of one IPv6 /64 the same key, so rotating the host half escapes nothing', () => {
    const spellings = [
      '2001:db8:85a3:42::1',
      '2001:0db8:85a3:0042:0000:0000:0000:0001',
      '2001:DB8:85A3:42:0:0:0:FFFF',
      '2001:db8:85a3:42:dead:beef:cafe:1',
      '2001:db8:85a3:42::',
      '2001:db8:85a3:42::7%eth0',
      '2001:db8:85a3:42:1:2:192.0.2.1',
    ];
    expect(new Set(spellings.map(clientNetwork))).toEqual(new Set(['2001:db8:85a3:42::/64']));
  });

  it('keeps neighbouring /64s apart', () => {
    expect(clientNetwork('2001:db8:85a3:43::1')).not.toBe(clientNetwork('2001:db8:85a3:42::1'));
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address, however it is written', () => {
    for (const mapped of ['::ffff:192.0.2.1', '::FFFF:c000:201', '0:0:0:0:0:ffff:192.0.2.1'])
      expect(clientNetwork(mapped)).toBe('192.0.2.1');
    expect(clientNetwork('192.0.2.1')).toBe('192.0.2.1');
  });

  it('leaves anything that is not an address as it is', () => {
    expect(clientNetwork(undefined)).toBe('unknown');
    expect(clientNetwork('not-an-ip')).toBe('not-an-ip');
  });
});
