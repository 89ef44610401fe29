import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { useMobileBff } from '../testing/test-app';

/** A raw GET (fetch would decompress for us): status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    bytes: Buffer;
  }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('ETag/304 and compression on screens (real HTTP)', () => {
  const mobile = useMobileBff();
  const screen = () => `${mobile.url}/v2/screens/search?q=kettle&limit=20&dpr=3`;

  it('tags every GET screen with a weak ETag and answers If-None-Match with 304 and no body', async () => {
    for (const path of [
      '/v2/screens/product/5',
      '/v1/screens/home',
      '/v2/screens/search?q=kettle',
      '/v2/screens/category/kitchen',
    ]) {
      const first = await rawGet(`${mobile.url}${path}`);
      expect(first.status).toBe(200);
      const etag = String(first.headers['etag']);
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      const again = await rawGet(`${mobile.url}${path}`, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.headers['etag']).toBe(etag);
      const other = await rawGet(`${mobile.url}${path}`, { 'if-none-match': 'W/"something-else"' });
      expect(other.status).toBe(200);
      expect(other.bytes.length).toBeGreaterThan(0);
    }
  });

  it('changes the ETag when the screen changes', async () => {
    const a = await rawGet(`${mobile.url}/v2/screens/product/5`);
    const b = await rawGet(`${mobile.url}/v2/screens/product/6`);
    const c = await rawGet(`${mobile.url}/v2/screens/product/5?dpr=1`);
    expect(new Set([a.headers['etag'], b.headers['etag'], c.headers['etag']]).size).toBe(3);
  });

  it('sends no ETag on errors or on non-screen routes', async () => {
    expect(
      (await rawGet(`${mobile.url}/v2/screens/product/99999`)).headers['etag'],
    ).toBeUndefined();
    expect((await rawGet(`${mobile.url}/health/live`)).headers['etag']).toBeUndefined();
  });

  it('compresses with br or gzip as the client asks, to the same JSON and the same ETag as identity', async () => {
    const identity = await rawGet(screen(), { 'accept-encoding': 'identity' });
    expect(identity.bytes.length).toBeGreaterThan(1024);
    expect(identity.headers['content-encoding']).toBeUndefined();
    const gzip = await rawGet(screen(), { 'accept-encoding': 'gzip' });
    const br = await rawGet(screen(), { 'accept-encoding': 'br' });
    const either = await rawGet(screen(), { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(either.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gzip.bytes).toString()).toBe(identity.bytes.toString());
    expect(brotliDecompressSync(br.bytes).toString()).toBe(identity.bytes.toString());
    expect(gzip.bytes.length).toBeLessThan(identity.bytes.length);
    expect(br.bytes.length).toBeLessThan(identity.bytes.length);
    expect(new Set([identity, gzip, br].map((r) => r.headers['etag'])).size).toBe(1);
    const notModified = await rawGet(screen(), {
      'accept-encoding': 'br',
      'if-none-match': String(identity.headers['etag']),
    });
    expect(notModified.status).toBe(304);
    expect(notModified.bytes.length).toBe(0);
  });

  it('leaves answers under 1 kB uncompressed', async () => {
    const small = await rawGet(`${mobile.url}/v2/screens/category/kitchen?limit=1`, {
      'accept-encoding': 'br, gzip',
    });
    expect(small.status).toBe(200);
    expect(small.bytes.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
