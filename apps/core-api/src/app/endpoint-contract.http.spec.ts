import { generateServiceKeyPair, parsePrivateKey } from '@bff/platform-auth';
import { SignJWT } from 'jose';
import { protectedOperations } from '../testing/operations';
import { startTestApp, TestApp } from '../testing/test-app';

const operations = protectedOperations();
const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: 'web-bff',
  aud: 'core-api',
  sub: 'customer:1',
  iat: now(),
  exp: now() + 30,
  ...overrides,
});
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const strangerKey = parsePrivateKey(generateServiceKeyPair().privateKey);

describe('core-api endpoint contract (every protected operation, over HTTP)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  it('covers every operation in the OpenAPI document', () => {
    expect(operations.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'GET /products',
        'GET /products/{id}',
        'POST /customers/link',
        'PUT /carts/me/items/{productId}',
        'POST /orders',
        'GET /orders/{id}',
      ]),
    );
  });

  const send = (
    op: (typeof operations)[number],
    authorization: string | undefined,
    overrides: { path?: string; body?: unknown } = {},
  ) =>
    fetch(`${api.url}${overrides.path ?? op.path}`, {
      method: op.method,
      headers: {
        ...op.headers,
        ...(authorization ? { authorization } : {}),
        ...(op.body !== undefined || overrides.body !== undefined
          ? { 'content-type': 'application/json' }
          : {}),
      },
      body:
        overrides.body !== undefined
          ? JSON.stringify(overrides.body)
          : op.body !== undefined
            ? JSON.stringify(op.body)
            : undefined,
    });

  const refused = (reason: string) =>
    `Bearer realm="core-api", error="invalid_token", error_description="${reason}"`;

  describe.each(operations.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    // The reason a token was refused is in the challenge (RFC 6750), for the calling service's log.
    const badTokens: [string, () => Promise<string | undefined>, string][] = [
      ['no token', async () => undefined, 'Bearer realm="core-api"'],
      [
        'a non-bearer scheme',
        async () => `Basic ${Buffer.from('web-bff:secret').toString('base64')}`,
        'Bearer realm="core-api"',
      ],
      ['a malformed token', async () => 'Bearer not.a.jwt', refused('malformed')],
      [
        'an expired token',
        async () => `Bearer ${await api.signRaw(claims({ iat: now() - 120, exp: now() - 61 }))}`,
        refused('expired'),
      ],
      [
        'a wrong-audience token',
        async () => `Bearer ${await api.signRaw(claims({ aud: 'web-bff' }))}`,
        refused('claim aud invalid'),
      ],
      [
        'an alg:none token',
        async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`,
        refused('bad signature or algorithm'),
      ],
      [
        'a token signed with an unknown key',
        async () =>
          `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA' }).sign(strangerKey)}`,
        refused('bad signature or algorithm'),
      ],
      [
        'a token from an unknown caller',
        async () => `Bearer ${await api.signRaw(claims({ iss: 'tv-bff' }))}`,
        refused('unknown caller'),
      ],
    ];

    it.each(badTokens)('answers 401 problem+json to %s', async (_case, make, challenge) => {
      const res = await send(op, await make());
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('www-authenticate')).toBe(challenge);
      expect(await res.json()).toMatchObject({ status: 401, code: 'service_token_required' });
    });

    it('lets a valid token through', async () => {
      const res = await send(op, `Bearer ${await api.token(1)}`);
      expect(res.status).not.toBe(401);
      expect(res.status).toBeLessThan(500);
    });

    it('rejects an unknown query parameter with 400', async () => {
      const path = `${op.path}${op.path.includes('?') ? '&' : '?'}debug=1`;
      const res = await send(op, `Bearer ${await api.token(1)}`, { path });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ field: 'debug' })],
      });
    });

    if (op.pathParameters.length) {
      // Ids are positive 32-bit integers; a slug is lower-case letters, digits and dashes.
      const badValues = op.pathParameters.includes('slug')
        ? ['Kitchen', 'a%20b', 'x'.repeat(65)]
        : ['abc', '0', '-1', '1.5', '99999999999'];
      it.each(badValues)('rejects the path parameter %j with 400', async (bad) => {
        const path = op.path.replace(/\/1(?=\/|\?|$)/, `/${bad}`);
        const res = await send(op, `Bearer ${await api.token(1)}`, { path });
        expect(res.status).toBe(400);
      });
    }

    if (op.body !== undefined) {
      it('rejects an unknown body property with 400', async () => {
        const res = await send(op, `Bearer ${await api.token(1)}`, {
          body: { ...(op.body as object), isAdmin: true },
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          errors: [expect.objectContaining({ field: 'isAdmin' })],
        });
      });

      it('rejects a body of the wrong type with 400', async () => {
        const res = await send(op, `Bearer ${await api.token(1)}`, {
          body: ['not', 'an', 'object'],
        });
        expect(res.status).toBe(400);
      });
    }
  });

  it.each([
    ['PUT', '/carts/me/items/1', { quantity: -1 }],
    ['PUT', '/carts/me/items/1', { quantity: 0 }],
    ['PUT', '/carts/me/items/1', { quantity: 100 }],
    ['PUT', '/carts/me/items/1', { quantity: '2' }],
    ['PUT', '/carts/me/items/1', { quantity: 1.5 }],
    [
      'POST',
      '/customers/link',
      { subject: 's', email: 'not-an-email', displayName: 'A', emailVerified: true },
    ],
    [
      'POST',
      '/customers/link',
      { subject: 'has space', email: 'a@example.com', displayName: 'A', emailVerified: true },
    ],
    [
      'POST',
      '/customers/link',
      { subject: 's', email: 'a@example.com', displayName: 'A', emailVerified: 'yes' },
    ],
    [
      'POST',
      '/customers/link',
      {
        subject: 's',
        email: 'a@example.com',
        displayName: 'A',
        password: 'x',
        emailVerified: true,
      },
    ],
    ['POST', '/orders', { shipping: 'teleport' }],
  ])('rejects %s %s with %j as 400', async (method, path, body) => {
    const res = await api.call(path, {
      method,
      json: body,
      customerId: 1,
      headers: { 'idempotency-key': 'bad-body-test' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    '/products?limit=49',
    '/products?limit=0',
    '/products?sort=popularity',
    '/products?minPrice=-5',
    '/products?ids=1,1',
    '/products?ids=1&sort=name',
    `/products?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`,
    '/products?minPrice=500&maxPrice=100',
    // What the document forbids (minLength, pattern, maxLength), the service refuses.
    '/products?brand=',
    `/products?brand=${'b'.repeat(65)}`,
    '/products?category=Kitchen',
    `/products?category=${'k'.repeat(65)}`,
    '/products?q=k',
    '/products/1/reviews?limit=51',
    '/orders?limit=51',
    '/inventory?productIds=',
    '/inventory?productIds=1,abc',
    '/reviews/summaries?productIds=0',
  ])('rejects %s with 400', async (path) => {
    const res = await api.call(path, { customerId: 1 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 403 when an anonymous token reaches a customer’s cart or orders', async () => {
    for (const path of ['/carts/me', '/orders', '/orders/1', '/customers/me']) {
      const res = await api.call(path, { customerId: null });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'customer_required' });
    }
  });
});
