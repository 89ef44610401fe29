import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startEdgeApp } from '../testing/edge-app';

describe("Swagger UI's assets and the documents, compressed (createApp over real HTTP)", () => {
  let edge: Awaited<ReturnType<typeof startEdgeApp>>;

  beforeAll(async () => {
    edge = await startEdgeApp();
  });
  afterAll(() => edge.close());

  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
  let bundle: Buffer;

  beforeAll(async () => {
    // What a client that asks for no encoding gets: Swagger UI's bundle as it is on disk.
    bundle = await bytesOf(await edge.call('GET', '/docs/swagger-ui-bundle.js'));
    expect(bundle.length).toBeGreaterThan(1_000_000);
  });

  it('sends the 1.6 MB bundle with brotli to a client that accepts it, a fraction of its size', async () => {
    const res = await edge.call('GET', '/docs/swagger-ui-bundle.js', { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const sent = await bytesOf(res);
    expect(sent.length).toBeLessThan(bundle.length / 3);
    expect(brotliDecompressSync(sent).equals(bundle)).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await edge.call('GET', '/docs/swagger-ui-bundle.js', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const sent = await bytesOf(res);
    expect(sent.length).toBeLessThan(bundle.length / 3);
    expect(gunzipSync(sent).equals(bundle)).toBe(true);
  });

  it('sends the bundle as it is to a client that asks for no encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Array<
      Record<string, string>
    >) {
      const res = await edge.call('GET', '/docs/swagger-ui-bundle.js', headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(Number(res.headers.get('content-length'))).toBe(bundle.length);
      expect((await bytesOf(res)).equals(bundle)).toBe(true);
    }
  });

  it('compresses the OpenAPI document too', async () => {
    const plain = await bytesOf(await edge.call('GET', '/docs-json'));
    expect(plain.length).toBeGreaterThan(1024); // above the threshold below which nothing is compressed
    const res = await edge.call('GET', '/docs-json', { 'accept-encoding': 'gzip, br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bytesOf(res)).equals(plain)).toBe(true);
  });
});
