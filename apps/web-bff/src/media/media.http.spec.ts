import { expectPicture, PICTURE_PROBLEMS } from '@bff/bff-kit/testing';
import { body, expectProblem, useWebBff } from '../testing/web-test-app';

describe('web-bff product pictures (real app over HTTP, core-api stubbed)', () => {
  const web = useWebBff();

  // What an <img> sends: no X-CSRF header, no cookie.
  const img = (path: string) => fetch(`${web.url}${path}`, { headers: { accept: 'image/*' } });

  it('serves every image URL of a product as a generated SVG that shared caches may keep', async () => {
    const page = await body<{ product: { images: { url: string }[] } }>(
      fetch(`${web.url}/api/pages/product/3`, { headers: { 'x-csrf': '1' } }),
    );
    const urls = page.product.images.map((i) => i.url);
    expect(urls).toContain('/media/products/3/640.svg');
    for (const url of urls) await expectPicture(url, await img(url));
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

  it.each(PICTURE_PROBLEMS)('answers %s with problem+json', async (_case, path, status, code) => {
    await expectProblem(img(path), status, code);
  });
});
