import { expectPicture, PICTURE_PROBLEMS } from '@bff/bff-kit/testing';
import { body, expectProblem, useMobileBff } from '../testing/test-app';

/** The cards of a screen, each with its picture. */
type Cards = { image: string }[];

describe('mobile-bff product pictures (real app over HTTP, core-api stubbed)', () => {
  const mobile = useMobileBff({ env: { MIN_APP_VERSION: '2.3.0' } });

  // What an image view sends: no bearer token, no X-App-Version.
  const img = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${mobile.url}${path}`, { headers: { accept: 'image/*', ...headers } });

  /** Every picture URL the screens hand out, at every pixel density the app asks for. */
  async function screenImageUrls(): Promise<string[]> {
    const urls = new Set<string>();
    for (const dpr of [1, 2, 3]) {
      for (const version of ['v1', 'v2']) {
        const product = await body<{ image: string; related: Cards }>(
          fetch(`${mobile.url}/${version}/screens/product/3?dpr=${dpr}`),
        );
        urls.add(product.image);
        for (const card of product.related) urls.add(card.image);
      }
      const home = await body<{ featured: Cards }>(
        fetch(`${mobile.url}/v2/screens/home?dpr=${dpr}`),
      );
      for (const card of home.featured) urls.add(card.image);
      const category = await body<{ items: Cards }>(
        fetch(`${mobile.url}/v2/screens/category/kitchen?dpr=${dpr}`),
      );
      for (const card of category.items) urls.add(card.image);
    }
    return [...urls];
  }

  it('serves every image URL of the product, home and category screens as an SVG any cache may keep a day, with an ETag', async () => {
    const urls = await screenImageUrls();
    expect(urls).toContain('/media/products/3/640.svg');
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const res = await img(url);
      expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
      expect(res.headers.get('deprecation')).toBeNull();
      await expectPicture(url, res);
    }
  });

  it('answers If-None-Match with the picture’s ETag with 304 and no body; another picture has another tag', async () => {
    const first = await img('/media/products/3/160.svg');
    const etag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    const again = await img('/media/products/3/160.svg', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await img('/media/products/3/320.svg');
    expect(other.headers.get('etag')).not.toBe(etag);
    expect((await img('/media/products/4/160.svg')).headers.get('etag')).not.toBe(etag);
  });

  it('is bound to no app version: an app below the minimum still gets its pictures (no 426)', async () => {
    const old = await img('/media/products/3/160.svg', { 'x-app-version': '1.0.0' });
    expect(old.status).toBe(200);
    expect(old.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    // The same app on a versioned screen is told to update: the rule is in force here.
    expect(
      (await fetch(`${mobile.url}/v2/screens/home`, { headers: { 'x-app-version': '1.0.0' } }))
        .status,
    ).toBe(426);
  });

  it.each([
    ...PICTURE_PROBLEMS,
    ['an unexpected query', '/media/products/3/640.svg?size=big', 400, 'validation_failed'],
  ] as const)('answers %s with problem+json and no ETag', async (_case, path, status, code) => {
    const res = await img(path);
    expect(res.headers.get('etag')).toBeNull();
    await expectProblem(res, status, code);
  });
});
