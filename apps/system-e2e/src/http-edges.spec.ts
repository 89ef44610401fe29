import { send } from './support/clients';
import { Service, useThreeServices } from './support/three-services';

/**
 * The HTTP edge every service gets from createApp, checked on the three built apps: what bodies
 * are parsed, how deep JSON may go, wrong methods, over-long path parameters and prototype keys
 * in the query. Each request carries what its route needs (CSRF header and session, bearer
 * token, service token), so the answer comes from the edge and not from a missing credential.
 */
describe('the HTTP edge of every service (built apps as real processes)', () => {
  const started = useThreeServices();
  const { services, coreFetch } = started;

  /** A request with the credentials each service's routes ask for. */
  const call = (
    service: Service,
    method: string,
    path: string,
    init: { body?: string | FormData; type?: string } = {},
  ) => {
    const headers: Record<string, string> = init.type ? { 'content-type': init.type } : {};
    if (service === 'core-api')
      return coreFetch(path, { method, body: init.body, headers, customerId: 1 });
    if (service === 'web-bff') Object.assign(headers, { 'x-csrf': '1', cookie: started.webCookie });
    else Object.assign(headers, { authorization: `Bearer ${started.mobileToken}` });
    return fetch(`${services[service].url}${path}`, { method, body: init.body, headers });
  };

  const expectProblem = async (res: Response, status: number, code: string) => {
    const body = (await res.json()) as Record<string, unknown>;
    expect({ status: res.status, code: body['code'] }).toEqual({ status, code });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body['requestId']).toBe(res.headers.get('x-request-id'));
    return body;
  };

  const bodyRoutes: Array<[Service, string, string]> = [
    ['web-bff', 'POST', '/bff/logout'],
    ['web-bff', 'POST', '/%62ff/sign-out-everywhere'],
    ['web-bff', 'PUT', '/api/cart/items/2'],
    ['web-bff', 'PUT', '/%61pi/cart/items/2'],
    ['web-bff', 'POST', '/api/checkout'],
    ['mobile-bff', 'PUT', '/v2/screens/cart/items/2'],
    ['mobile-bff', 'POST', '/v1/screens/checkout'],
    ['core-api', 'POST', '/customers/link'],
    ['core-api', 'PUT', '/carts/me/items/2'],
    ['core-api', 'POST', '/orders'],
  ];

  describe('only application/json bodies are parsed', () => {
    const form = () => {
      const data = new FormData();
      data.set('email', 'ada@example.com');
      data.set('password', 'storefront-demo-ada');
      return data;
    };
    it.each(bodyRoutes)(
      '%s %s %s refuses a form, multipart or text/plain body with 415',
      async (service, method, path) => {
        const credentials = 'email=ada%40example.com&password=storefront-demo-ada&quantity=1';
        await expectProblem(
          await call(service, method, path, {
            body: credentials,
            type: 'application/x-www-form-urlencoded',
          }),
          415,
          'json_body_required',
        );
        await expectProblem(
          await call(service, method, path, { body: form() }),
          415,
          'json_body_required',
        );
        await expectProblem(
          await call(service, method, path, { body: '{"quantity":1}', type: 'text/plain' }),
          415,
          'json_body_required',
        );
      },
    );
  });

  describe('JSON bodies are bounded before validation', () => {
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    const deepObject = '{"a":'.repeat(4_000) + '1' + '}'.repeat(4_000);
    it.each(bodyRoutes)(
      '%s %s %s answers a body nested 10,000 levels deep with 400 body_too_complex',
      async (service, method, path) => {
        for (const body of [deepArray, deepObject]) {
          await expectProblem(
            await call(service, method, path, { body, type: 'application/json' }),
            400,
            'body_too_complex',
          );
        }
      },
    );

    it('logs no stack trace for them', () => {
      for (const service of Object.values(services)) {
        expect(service.output()).not.toMatch(/RangeError|Maximum call stack|"status":500/);
      }
    });
  });

  describe('a wrong method on an existing path is 405 with Allow', () => {
    const cases: Array<[Service, string, string, string]> = [
      ['web-bff', 'TRACE', '/bff/logout', 'POST'],
      ['web-bff', 'PATCH', '/bff/user', 'GET, HEAD'],
      ['web-bff', 'GET', '/bff/backchannel-logout', 'POST'],
      ['web-bff', 'GET', '/api/checkout', 'POST'],
      ['web-bff', 'TRACE', '/api/pages/home', 'GET, HEAD'],
      ['mobile-bff', 'GET', '/v1/auth/token', 'POST'],
      ['mobile-bff', 'TRACE', '/v2/screens/home', 'GET, HEAD'],
      ['mobile-bff', 'PATCH', '/v2/screens/cart/items/2', 'DELETE, PUT'],
      ['core-api', 'GET', '/customers/link', 'POST'],
      ['core-api', 'PATCH', '/carts/me/items/2', 'DELETE, PUT'],
      ['core-api', 'TRACE', '/products', 'GET, HEAD'],
    ];
    it.each(cases)(
      '%s answers %s %s with 405 and Allow: %s',
      async (service, method, path, allow) => {
        const res = await send(`${services[service].url}${path}`, {
          method,
          headers: { 'x-csrf': '1' },
        });
        expect(res.headers.get('allow')).toBe(allow);
        await expectProblem(res, 405, 'method_not_allowed');
      },
    );

    it('answers a CORS preflight to web-bff with 405, approving nothing', async () => {
      const res = await send(`${services['web-bff'].url}/api/cart/items/2`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'x-csrf, content-type',
        },
      });
      expect(res.headers.get('allow')).toBe('DELETE, PUT, POST');
      await expectProblem(res, 405, 'method_not_allowed');
      expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
        [],
      );
    });

    it('still serves HEAD on a GET route', async () => {
      expect((await call('web-bff', 'HEAD', '/api/pages/home')).status).toBe(200);
      expect((await call('mobile-bff', 'HEAD', '/v2/screens/home')).status).toBe(200);
      expect((await call('core-api', 'HEAD', '/products?limit=1')).status).toBe(200);
    });
  });

  describe('what the router refuses is problem+json with a request id', () => {
    it.each([
      ['web-bff', '/api/pages/product/'],
      ['mobile-bff', '/v2/screens/product/'],
      ['core-api', '/products/'],
    ] as Array<[Service, string]>)(
      '%s answers a 201-character path parameter (%s…) with 414 problem+json',
      async (service, prefix) => {
        const res = await call(service, 'GET', `${prefix}${'1'.repeat(201)}`);
        await expectProblem(res, 414, 'path_parameter_too_long');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      },
    );
  });

  describe('prototype keys in the query are unknown parameters', () => {
    it.each([
      ['web-bff', '/api/pages/home'],
      ['mobile-bff', '/v2/screens/home'],
      ['core-api', '/products'],
    ] as Array<[Service, string]>)(
      '%s %s answers ?__proto__=1 and ?constructor=1 with 400 like ?zzz=1',
      async (service, path) => {
        for (const name of ['zzz', '__proto__', 'constructor', 'prototype']) {
          const body = await expectProblem(
            await call(service, 'GET', `${path}?${name}=1`),
            400,
            'validation_failed',
          );
          expect(body['errors']).toEqual([expect.objectContaining({ field: name })]);
        }
      },
    );
  });
});
