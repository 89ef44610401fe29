import { ADA, concretePath } from '@bff/core-client/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useMobileBff } from '../testing/test-app';

type Operation = {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { headers?: Record<string, unknown>; content?: object }>;
};
const document = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', 'openapi', 'mobile-bff.json'), 'utf8'),
) as { paths: Record<string, { get?: Operation }> };
const gets = Object.entries(document.paths).flatMap(([path, item]) =>
  item.get ? [[path, item.get] as const] : [],
);
const revalidated = gets.filter(([path]) => /^\/(v\d+\/screens|media)\//.test(path));

/** A request the route answers with 200: a search needs its words, a picture a real size. */
const urlOf = (template: string, orderId: number) =>
  concretePath(
    template.replace('{image}', '320.svg').replace('/orders/{id}', `/orders/${orderId}`),
  ) + (template.endsWith('/search') ? '?q=kettle' : '');

/**
 * mobile-bff's document says what its screens and pictures answer besides their bodies: the
 * `ETag`, the `If-None-Match` an app sends back and the 304 it then gets. Checked both ways: the
 * committed document declares it exactly on those operations, and each of them answers it.
 */
describe('ETag, If-None-Match and 304 in the OpenAPI document, as the routes answer them', () => {
  const mobile = useMobileBff();
  let token = '';
  beforeAll(async () => {
    token = (await mobile.signedInPhone()).accessToken ?? '';
  });

  it('declares them on every GET screen and picture, and on no other operation', () => {
    expect(revalidated.length).toBeGreaterThanOrEqual(15);
    for (const [path, get] of gets) {
      const declares = {
        path,
        ifNoneMatch: !!get.parameters?.some((p) => p.in === 'header' && p.name === 'If-None-Match'),
        etag: !!get.responses['200']?.headers?.['ETag'],
        notModified: !!get.responses['304']?.headers?.['ETag'] && !get.responses['304']?.content,
      };
      const expected = revalidated.some(([p]) => p === path);
      expect(declares).toEqual({
        path,
        ifNoneMatch: expected,
        etag: expected,
        notModified: expected,
      });
    }
  });

  it.each(revalidated.map(([path]) => path))(
    '%s answers an ETag, and 304 without a body to it',
    async (path) => {
      const headers = { authorization: `Bearer ${token}`, 'x-app-version': '2.0.0' };
      // Ada (the phone's customer) has one order to show.
      mobile.core.shop.setItem(ADA.customer.id, 1, 1);
      const order = mobile.core.shop.placeOrder(ADA.customer.id, 'etag-spec');
      const url = urlOf(path, order.id);
      const first = await fetch(`${mobile.url}${url}`, { headers });
      expect(first.status).toBe(200);
      await first.arrayBuffer();
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      const again = await fetch(`${mobile.url}${url}`, {
        headers: { ...headers, 'if-none-match': etag },
      });
      const body = await again.text();
      expect([again.status, body.length, again.headers.get('etag')]).toEqual([304, 0, etag]);
    },
  );
});
