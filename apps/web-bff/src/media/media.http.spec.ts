import { FakeCoreApi } from '@bff/core-client/testing';
import { body, startWebBff, WebTestApp } from '../testing/web-test-app';

describe('web-bff product pictures (real app over HTTP, core-api stubbed)', () => {
  const core = new FakeCoreApi();
  let web: WebTestApp;

  beforeAll(async () => {
    await core.start();
    web = await startWebBff(core.url);
  });
  afterAll(async () => {
    await web?.close();
    await core.stop();
  });
  beforeEach(() => core.reset());

  // What an <img> sends: no X-CSRF header, no cookie.
  const img = (path: string) => fetch(`${web.url}${path}`, { headers: { accept: 'image/*' } });

  it('serves every image URL of a product as a generated SVG that shared caches may keep', async () => {
    const product = await body(
      await fetch(`${web.url}/api/pages/product/3`, { headers: { 'x-csrf': '1' } }),
    );
    const urls: string[] = product.product.images.map((i: { url: string }) => i.url);
    expect(urls).toContain('/media/products/3/640.svg');
    for (const url of urls) {
      const res = await img(url);
      expect([url, res.status, res.headers.get('content-type')]).toEqual([
        url,
        200,
        'image/svg+xml; charset=utf-8',
      ]);
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      const svg = await res.text();
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="\1"/,
      );
      expect(svg).not.toMatch(/<script|style=|on\w+=/i);
    }
  });

  it('draws the same picture every time: initials on the tile colour, the name as its label', async () => {
    const [a, b] = await Promise.all([
      img('/media/products/3/160.svg'),
      img('/media/products/3/160.svg'),
    ]);
    const svg = await a.text();
    expect(await b.text()).toBe(svg);
    expect(svg).toContain('aria-label="Product 3"');
    expect(svg).toContain('>P3</text>');
  });

  it.each([
    ['an unknown product', '/media/products/999/640.svg', 404, 'product_not_found'],
    ['a width the product does not have', '/media/products/3/641.svg', 404, 'image_not_found'],
    ['a file that is not <width>.svg', '/media/products/3/640.png', 400, 'validation_failed'],
    ['a product id that is not one', '/media/products/abc/640.svg', 400, 'validation_failed'],
  ])('answers %s with problem+json', async (_case, path, status, code) => {
    const res = await img(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await body(res)).toMatchObject({ status, code });
  });
});
