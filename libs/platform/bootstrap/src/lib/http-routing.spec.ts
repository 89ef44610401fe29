import { expectProblem as problem, handled, startEdgeApp } from '../testing/edge-app';

describe('methods, URLs and queries at the edge of every service (createApp over real HTTP)', () => {
  let edge: Awaited<ReturnType<typeof startEdgeApp>>;
  let base = '';
  const call = (method: string, path: string) => edge.call(method, path);

  beforeAll(async () => {
    edge = await startEdgeApp();
    base = edge.base;
  });
  afterAll(() => edge.close());
  beforeEach(() => edge.resetHandled());

  describe('a wrong method on an existing path is 405 with Allow', () => {
    it.each([
      ['TRACE', '/edge/things', 'GET, HEAD, POST'],
      ['PATCH', '/edge/things/x', 'GET, HEAD, DELETE, PUT'],
      ['GET', '/edge/actions/sign-in', 'POST'],
      ['PUT', '/edge/actions/sign-in/', 'POST'],
      ['DELETE', '/edge/things', 'GET, HEAD, POST'],
    ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
      const res = await call(method, path);
      expect(res.headers.get('allow')).toBe(allow);
      await problem(res, 405, 'method_not_allowed');
      expect(handled).toBe(0);
    });

    it('answers a CORS preflight with 405 and Allow, approving nothing', async () => {
      const res = await fetch(`${base}/edge/things/x`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'x-csrf, content-type',
        },
      });
      expect(res.headers.get('allow')).toBe('GET, HEAD, DELETE, PUT');
      await problem(res, 405);
      expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
        [],
      );
    });

    it('keeps HEAD on a GET route, and 404 for a path no method has', async () => {
      const head = await fetch(`${base}/edge/things`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      await problem(await call('TRACE', '/edge/nowhere'), 404);
      await problem(await fetch(`${base}/edge/nowhere`), 404);
    });
  });

  describe('what the router refuses is problem+json too', () => {
    it('answers a path parameter over 200 characters with 414 problem+json, request id and security headers', async () => {
      const res = await fetch(`${base}/edge/things/${'a'.repeat(201)}`);
      const body = await problem(res, 414, 'path_parameter_too_long');
      expect(body.title).toBe('URI Too Long');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(`${base}/edge/things/${'a'.repeat(200)}`)).status).toBe(200);
    });

    it('answers a malformed percent-encoding in the path with 400 problem+json', async () => {
      await problem(await fetch(`${base}/edge/things/%E0%A4%A`), 400, 'bad_url');
    });
  });

  describe('prototype keys in the query are unknown parameters', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'answers ?%s=1 with 400 validation_failed like any unknown parameter',
      async (name) => {
        const body = await problem(
          await fetch(`${base}/edge/things?${encodeURIComponent(name)}=1`),
          400,
          'validation_failed',
        );
        expect(body.errors[0]?.messages[0]).toMatch(/should not exist/);
        expect(handled).toBe(0);
      },
    );

    it('still serves the known parameters', async () => {
      expect(await (await fetch(`${base}/edge/things?limit=5`)).json()).toEqual({ limit: 5 });
    });
  });
});
