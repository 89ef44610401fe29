import fc from 'fast-check';
import { baseOf, CoreRequest, QueryValue, targetOf } from './core-request';

const base = baseOf('http://127.0.0.1:3000/base/');

describe('targetOf: where a core-api call goes', () => {
  // What axios's getUri, read by a WHATWG URL, sent for these before core-client had its own
  // transport: the bytes core-api receives have not changed.
  it.each<[CoreRequest['path'], CoreRequest['query'], string]>([
    [
      '/products',
      { q: 'a b', brand: "O'Neill & Sons", cursor: 'eyJ0Ijo+MX0=', minPrice: 100 },
      '/base/products?q=a+b&brand=O%27Neill+%26+Sons&cursor=eyJ0Ijo%2BMX0%3D&minPrice=100',
    ],
    ['/products', { ids: '1,2,3' }, '/base/products?ids=1,2,3'],
    [
      '/products',
      { q: 'ümlaut/ä?#', sort: 'price_asc', limit: 24 },
      '/base/products?q=%C3%BCmlaut%2F%C3%A4%3F%23&sort=price_asc&limit=24',
    ],
    ['/products', { q: '!*()~-_.:$@;=+' }, '/base/products?q=!*()~-_.:$%40%3B%3D%2B'],
    ['/products/7/reviews', { limit: 5, cursor: undefined }, '/base/products/7/reviews?limit=5'],
    ['/categories/home%20garden/facets', undefined, '/base/categories/home%20garden/facets'],
    ['/categories/../facets', undefined, '/base/facets'],
  ])('sends %s with %j as %s', (path, query, expected) => {
    expect(targetOf(base, { path, query })).toBe(expected);
  });

  const value = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constant(undefined),
  );
  const query = fc.dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,7}$/), value, {
    maxKeys: 4,
  });
  const bases = fc.constantFrom(
    'http://127.0.0.1:3000',
    'http://core-api:3000/',
    'http://core:3000/v1',
  );

  it('sends what a URL parser leaves as it is, and core-api reads back every value given (property)', () => {
    const segment = fc.stringMatching(/^[\w\-~]{1,8}$/);
    fc.assert(
      fc.property(
        bases,
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        query,
        (url, segments, q) => {
          const b = baseOf(url);
          const target = targetOf(b, { path: `/${segments.join('/')}`, query: q });
          const parsed = new URL(target, b.origin);
          expect(parsed.pathname + parsed.search).toBe(target);
          expect(parsed.pathname).toBe(`${b.path}/${segments.join('/')}`);
          const sent = Object.entries<QueryValue>(q).filter(([, v]) => v !== undefined);
          expect([...parsed.searchParams]).toEqual(sent.map(([k, v]) => [k, String(v)]));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('sends a path of encoded segments (a slug, any text) so that core-api reads each back (property)', () => {
    // encodeURIComponent leaves `.` as it is: a segment of only dots is a URL's dot segment.
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^\.{1,2}$/.test(s));
    fc.assert(
      fc.property(bases, fc.array(text, { minLength: 1, maxLength: 3 }), query, (url, texts, q) => {
        const b = baseOf(url);
        const target = targetOf(b, {
          path: `/categories/${texts.map(encodeURIComponent).join('/')}/facets`,
          query: q,
        });
        const parsed = new URL(target, b.origin);
        expect(parsed.pathname + parsed.search).toBe(target);
        const segments = parsed.pathname.slice(b.path.length).split('/').slice(2, -1);
        expect(segments.map(decodeURIComponent)).toEqual(texts);
      }),
      { numRuns: 1000 },
    );
  });
});
