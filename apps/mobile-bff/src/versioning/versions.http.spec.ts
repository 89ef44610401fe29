import { body, expectProblem, Phone, useMobileBff, VERSION_RULES_ENV } from '../testing/test-app';

/** What the tests read of a screen's JSON. */
type Screen = Record<string, unknown>;
/** What the tests read of the OpenAPI document. */
type Operation = { deprecated?: boolean; responses: object; parameters: { name: string }[] };

describe('v1 and v2 side by side, and the minimum app version (real HTTP)', () => {
  const mobile = useMobileBff({ env: VERSION_RULES_ENV });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${mobile.url}${path}`, { headers });

  it('answers v1 with price as a number beside currency and v2 with money and rating objects', async () => {
    const v1 = await body<Screen>(get('/v1/screens/product/5'));
    const v2 = await body<Screen>(get('/v2/screens/product/5'));
    expect(v1).toMatchObject({ id: 5, price: 1005, currency: 'EUR', rating: 4.8, ratingCount: 4 });
    expect(v2).toMatchObject({
      id: 5,
      price: { amountMinor: 1005, currency: 'EUR' },
      rating: { average: 4.8, count: 4 },
    });
    expect(v2).not.toHaveProperty('currency');
    expect(v2).not.toHaveProperty('ratingCount');
    expect(v2.related).toEqual(v1.related);
  });

  it('marks every v1 answer deprecated, with its sunset and its v2 successor', async () => {
    for (const path of [
      '/v1/screens/product/5?dpr=3',
      '/v1/screens/home',
      '/v1/screens/product/99999',
    ]) {
      const res = await get(path);
      expect(res.headers.get('deprecation')).toBe('@1793491200');
      expect(res.headers.get('sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
      expect(res.headers.get('link')).toBe(
        `<${path.replace('/v1/', '/v2/')}>; rel="successor-version"`,
      );
    }
  });

  it('sends no deprecation headers on v2 or on unversioned routes', async () => {
    for (const path of ['/v2/screens/product/5', '/v2/screens/home', '/health/live']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('deprecation')).toBeNull();
      expect(res.headers.get('sunset')).toBeNull();
      expect(res.headers.get('link')).toBeNull();
    }
  });

  it('answers 426 problem+json telling an app below the minimum version to update', async () => {
    for (const version of ['2.2.9', '1', '0.9.0']) {
      const res = get('/v2/screens/product/5', { 'x-app-version': version });
      expect(await expectProblem(res, 426, 'app_update_required')).toMatchObject({
        type: 'https://bff-platform.dev/problems/app-update-required',
        title: 'Update the app',
        code: 'app_update_required',
        minimumVersion: '2.3.0',
      });
    }
    // The token endpoint too, before it checks any credentials.
    const token = await new Phone(mobile.url).post(
      '/v1/auth/token',
      { email: 'ada@example.com', password: 'storefront-demo-ada' },
      { 'x-app-version': '2.0.0' },
    );
    expect(token.status).toBe(426);
  });

  it('serves apps at or above the minimum version, and requests without X-App-Version', async () => {
    for (const headers of [
      { 'x-app-version': '2.3.0' },
      { 'x-app-version': '2.10' },
      { 'x-app-version': '3.0.1' },
      {},
    ] as Record<string, string>[]) {
      expect((await get('/v2/screens/product/5', headers)).status).toBe(200);
    }
  });

  it('answers 400 for an X-App-Version that is not a version', async () => {
    const res = await get('/v2/screens/product/5', { 'x-app-version': 'latest' });
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'x-app-version' }],
    });
  });

  it('serves a v1 client and a v2 client interleaved on one process', async () => {
    const calls = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'v1' : 'v2'));
    const answers = await Promise.all(
      calls.map(async (version, i) => {
        const res = await get(`/${version}/screens/product/${(i % 5) + 1}`, {
          'x-app-version': version === 'v1' ? '2.3.0' : '3.1.0',
        });
        return { version, status: res.status, body: await body<Screen>(res) };
      }),
    );
    for (const { version, status, body } of answers) {
      expect(status).toBe(200);
      expect(typeof body.price).toBe(version === 'v1' ? 'number' : 'object');
    }
  });

  it('documents v1 and v2 in one OpenAPI document, v1 marked deprecated', async () => {
    const doc = await body<{ paths: Record<string, Record<string, Operation>> }>(get('/docs-json'));
    expect(doc.paths['/v1/screens/product/{id}']?.['get']?.deprecated).toBe(true);
    expect(doc.paths['/v2/screens/product/{id}']?.['get']).toBeDefined();
    expect(doc.paths['/v2/screens/product/{id}']?.['get']?.deprecated).toBeUndefined();
    const operations = Object.entries(doc.paths)
      .filter(([path]) => /^\/v\d\//.test(path))
      .flatMap(([path, item]) => Object.values(item).map((op) => ({ path, op })));
    expect(operations.length).toBeGreaterThan(20);
    for (const { path, op } of operations) {
      expect({ path, deprecated: op.deprecated === true }).toEqual({
        path,
        // v1, and the removed password routes of every version.
        deprecated: path.startsWith('/v1/') || path.includes('/auth/'),
      });
      expect({ path, has426: '426' in op.responses }).toEqual({ path, has426: true });
      expect(op.parameters.map((p) => p.name)).toContain('X-App-Version');
    }
    for (const path of [
      '/v1/auth/token',
      '/v2/auth/token',
      '/v1/screens/home',
      '/v2/screens/cart',
      '/v2/screens/orders/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
