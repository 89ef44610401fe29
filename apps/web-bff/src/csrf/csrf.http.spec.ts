import { Browser, expectProblem, useWebBff } from '../testing/web-test-app';

describe('web-bff CSRF defence (real app over HTTP, core-api stubbed)', () => {
  const web = useWebBff();
  const { core } = web;
  const signedIn = new Browser(() => web.url);
  beforeAll(() => signedIn.signInAs(web.app));

  const requests: Array<[string, string, string | undefined]> = [
    ['GET', '/api/pages/home', undefined],
    ['GET', '/api/pages/product/1', undefined],
    ['GET', '/api/pages/category/kitchen', undefined],
    ['GET', '/api/pages/cart', undefined],
    ['GET', '/api/pages/orders', undefined],
    ['GET', '/bff/user', undefined],
    ['POST', '/bff/logout', undefined],
    ['POST', '/bff/sign-out-everywhere', undefined],
    ['PUT', '/api/cart/items/2', '{"quantity":1}'],
    ['DELETE', '/api/cart/items/2', undefined],
    ['POST', '/api/checkout', '{}'],
  ];

  it.each(requests)(
    'answers 403 to %s %s without X-CSRF, and core-api is never called',
    async (method, path, payload) => {
      for (const csrf of [undefined, '0', 'true']) {
        const res = await fetch(`${web.url}${path}`, {
          method,
          body: payload,
          headers: {
            cookie: `__Host-session=${signedIn.cookie}`,
            'idempotency-key': 'k-1',
            ...(payload ? { 'content-type': 'application/json' } : {}),
            ...(csrf ? { 'x-csrf': csrf } : {}),
          },
        });
        await expectProblem(res, 403, 'csrf_header_missing');
      }
      expect(core.calls).toEqual([]);
    },
  );

  it('rejects a plain HTML form post (form-urlencoded) to logout or checkout, even with the header, without calling core-api', async () => {
    for (const path of ['/bff/logout', '/bff/sign-out-everywhere', '/api/checkout']) {
      for (const headers of [{}, { 'x-csrf': '1' }]) {
        const res = await fetch(`${web.url}${path}`, {
          method: 'POST',
          body: 'logout_token=x&quantity=1',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: `__Host-session=${signedIn.cookie}`,
            ...headers,
          },
        });
        expect([403, 415]).toContain(res.status);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
    expect(core.calls).toEqual([]);
    expect(await signedIn.signedIn()).toBe(true);
  });

  it('refuses a text/plain body (what a form with enctype=text/plain sends) with 415', async () => {
    const res = await signedIn.fetch('/api/cart/items/2', {
      method: 'PUT',
      body: '{"quantity":1}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(core.calls).toEqual([]);
  });

  it('answers with the header: the same requests go through', async () => {
    expect((await signedIn.fetch('/api/pages/home')).status).toBe(200);
    expect(
      (await signedIn.fetch('/api/cart/items/2', { method: 'PUT', json: { quantity: 1 } })).status,
    ).toBe(200);
    expect(core.calls.length).toBeGreaterThan(0);
  });

  it('approves no cross-origin request: a preflight gets no Access-Control-Allow-* headers', async () => {
    const preflight = await fetch(`${web.url}/api/cart/items/2`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-csrf, content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    const get = await signedIn.fetch('/api/pages/home', {
      headers: { origin: 'https://evil.example' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves operational endpoints outside /api alone', async () => {
    expect((await fetch(`${web.url}/health/live`)).status).toBe(200);
  });
});
