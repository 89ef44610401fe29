import { etagCache, REVALIDATED_HEADER } from './etag-cache';

// The middleware on its own, with the answers mobile-bff really sends: its 304 carries
// `Content-Length: 0` (fastify), which openapi-fetch reads as "no body" if it reaches the copy.
const call = (m: ReturnType<typeof etagCache>, request: Request, response: Response) =>
  Promise.resolve(m.onRequest?.({ request } as never)).then(
    async (sent) =>
      (await m.onResponse?.({ request: sent as Request, response } as never)) ?? response,
  );

describe('etagCache', () => {
  it("serves its copy on a 304 with the 304's metadata but the copy's own length", async () => {
    const cache = etagCache();
    const url = 'http://mobile.test/v2/screens/home';
    const body = JSON.stringify({ categories: [] });
    await call(
      cache,
      new Request(url),
      new Response(body, {
        status: 200,
        headers: {
          etag: 'W/"a"',
          'content-length': String(body.length),
          'cache-control': 'no-cache',
        },
      }),
    );
    const request = new Request(url);
    const answer = await call(
      cache,
      request,
      new Response(null, {
        status: 304,
        headers: { etag: 'W/"a"', 'content-length': '0', 'cache-control': 'private, no-cache' },
      }),
    );
    expect(request.headers.get('if-none-match')).toBe('W/"a"');
    expect(answer.status).toBe(200);
    expect(answer.headers.get(REVALIDATED_HEADER)).toBe('304');
    expect(answer.headers.get('content-length')).toBe(String(body.length));
    expect(answer.headers.get('cache-control')).toBe('private, no-cache');
    expect(await answer.text()).toBe(body);
  });

  it('leaves a request that sets If-None-Match itself, and a 304 it has no copy of, alone', async () => {
    const cache = etagCache();
    const own = new Request('http://mobile.test/x', { headers: { 'if-none-match': 'W/"z"' } });
    const notModified = new Response(null, { status: 304 });
    expect(await call(cache, own, notModified)).toBe(notModified);
  });
});
