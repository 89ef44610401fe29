// What every BFF's picture specs check: the SVGs drawn by core-client's ProductImages at the URLs
// core-api lists, and the problems for a picture that is not there.

/** Picture requests that must fail: what is wrong, the path, and the problem's status and code. */
export const PICTURE_PROBLEMS: [what: string, path: string, status: number, code: string][] = [
  ['an unknown product', '/media/products/999/640.svg', 404, 'product_not_found'],
  ['a width the product does not have', '/media/products/3/641.svg', 404, 'image_not_found'],
  ['a file that is not <width>.svg', '/media/products/3/640.png', 400, 'validation_failed'],
  ['a product id that is not one', '/media/products/abc/640.svg', 400, 'validation_failed'],
];

/**
 * Asserts that `res` is the picture at `url` (`/media/products/<id>/<width>.svg`): an SVG of that
 * width, without script or inline style, that shared caches may keep a day. Returns its text.
 */
export async function expectPicture(url: string, res: Response): Promise<string> {
  expect([url, res.status, res.headers.get('content-type')]).toEqual([
    url,
    200,
    'image/svg+xml; charset=utf-8',
  ]);
  expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
  const svg = await res.text();
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="\1"/);
  expect(svg).toContain(`width="${/\/(\d+)\.svg$/.exec(url)?.[1]}"`);
  expect(svg).not.toMatch(/<script|style=|on\w+=/i);
  return svg;
}
