import { ADA } from '@bff/core-client/testing';
import { body, Browser, expectProblem, useWebBff } from '../testing/web-test-app';

describe('web-bff at its edges (real app over HTTP, core-api stubbed)', () => {
  const web = useWebBff();
  const { core } = web;

  it("never forwards the browser's Cookie, Authorization, X-User-* or X-Forwarded-* to core-api", async () => {
    const browser = new Browser(web.url);
    await browser.signInAs(web.app);
    core.shop.setItem(ADA.customer.id, 2, 1); // something to check out
    const hostile = {
      authorization: 'Bearer browser-supplied-token',
      'x-user-id': '2',
      'x-user-email': 'grace@example.com',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
    };
    for (const path of [
      '/api/pages/product/1',
      '/api/pages/cart',
      '/api/pages/orders',
      '/api/pages/home',
    ]) {
      expect((await browser.fetch(path, { headers: hostile })).status).toBe(200);
    }
    expect(
      (
        await browser.fetch('/api/checkout', {
          method: 'POST',
          json: {},
          headers: { ...hostile, 'idempotency-key': 'hygiene-1' },
        })
      ).status,
    ).toBe(201);
    expect(core.calls.length).toBeGreaterThan(8);
    for (const call of core.calls) {
      const names = Object.keys(call.headers);
      expect(names).not.toContain('cookie');
      expect(names.filter((n) => n.startsWith('x-user') || n.startsWith('x-forwarded'))).toEqual(
        [],
      );
      // Only web-bff's own service token (an EdDSA JWT), never what the browser sent.
      expect(call.headers.authorization).toMatch(/^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(JSON.stringify(call.headers)).not.toContain('browser-supplied-token');
    }
  });

  it('never lets a core-api token reach the browser: no JWT in any answer body or header', async () => {
    const browser = new Browser(web.url);
    core.shop.setItem(ADA.customer.id, 2, 1);
    core.shop.placeOrder(ADA.customer.id, 'seed'); // order 1
    await browser.signInAs(web.app);
    const answers: Response[] = [];
    for (const path of [
      '/bff/user',
      '/api/pages/home',
      '/api/pages/product/1',
      '/api/pages/category/kitchen',
      '/api/pages/cart',
      '/api/pages/orders',
      '/api/pages/orders/1',
    ]) {
      answers.push(await browser.fetch(path));
    }
    for (const res of answers) {
      expect(res.status).toBeLessThan(300);
      expect(await res.text()).not.toContain('eyJ');
      expect(JSON.stringify([...res.headers])).not.toContain('eyJ');
    }
  });

  it('sends the security headers on API answers and errors alike', async () => {
    for (const res of [
      await new Browser(web.url).fetch('/api/pages/home'),
      await fetch(`${web.url}/api/pages/home`),
    ]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers 413 problem+json to a body over the limit, before core-api is asked', async () => {
    const res = await new Browser(web.url).fetch('/api/cart/items/1', {
      method: 'PUT',
      json: { quantity: 1, padding: 'x'.repeat(200 * 1024) },
    });
    await expectProblem(res, 413);
    expect(core.calls).toEqual([]);
  });

  it('documents the session cookie as the security of personal operations, and only of those', async () => {
    const doc = await body<{
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown }>>;
    }>(fetch(`${web.url}/docs-json`));
    expect(doc.components.securitySchemes['session']).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-session',
    });
    expect(doc.paths['/api/pages/cart']?.['get']?.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/checkout']?.['post']?.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/pages/product/{id}']?.['get']).toBeDefined();
    expect(doc.paths['/api/pages/product/{id}']?.['get']?.security).toBeUndefined();
    expect(doc.paths['/bff/login']?.['get']).toBeDefined();
    expect(doc.paths['/bff/login']?.['get']?.security).toBeUndefined();
    expect(doc.paths['/api/session']).toBeUndefined();
  });
});
