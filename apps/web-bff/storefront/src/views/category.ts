import { ok, web } from '../api.js';
import { h, link } from '../dom.js';
import { cards } from './shell.js';
import type { Shell } from './shell.js';

export async function category(
  shell: Shell,
  slug: string,
  params: URLSearchParams,
): Promise<Node[]> {
  const query = new URLSearchParams();
  for (const key of ['sort', 'brand', 'cursor']) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const page = await ok(
    web.GET('/api/pages/category/{slug}', {
      params: {
        path: { slug },
        // The address's own words, passed on as they are: web-bff answers 400 to a bad one.
        query: Object.fromEntries(query) as { sort?: 'newest'; brand?: string; cursor?: string },
      },
    }),
  );
  const base = `/category/${slug}`;
  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(query);
    next.delete('cursor');
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const sortSelect = h(
    'select',
    {
      id: 'sort',
      'aria-label': 'Sort',
      onchange: (e: Event) => shell.go(withParam('sort', (e.target as HTMLSelectElement).value)),
    },
    [
      ['newest', 'Newest'],
      ['price_asc', 'Price: low to high'],
      ['price_desc', 'Price: high to low'],
      ['name', 'Name'],
    ].map(([value, label]) => h('option', { value, selected: page.sort === value }, label)),
  );
  const facets = page.facets
    ? h(
        'aside',
        { class: 'facets' },
        h('h3', {}, 'Brands'),
        h(
          'ul',
          { class: 'facet-list' },
          page.facets.brands.map((b) =>
            h(
              'li',
              { class: b.selected ? 'selected' : '' },
              link(
                withParam('brand', b.selected ? null : b.brand),
                b.brand,
                h('span', { class: 'count' }, b.count),
              ),
            ),
          ),
        ),
        page.facets.priceRange
          ? h(
              'p',
              { class: 'muted' },
              `Prices from ${page.facets.priceRange.min.formatted} to ${page.facets.priceRange.max.formatted}`,
            )
          : null,
      )
    : h(
        'aside',
        { class: 'facets' },
        h('p', { class: 'muted' }, 'Filters are unavailable right now.'),
      );
  const next = page.nextCursor
    ? link(
        `${base}?${new URLSearchParams({ ...Object.fromEntries(query), cursor: page.nextCursor }).toString()}`,
        'Next page →',
      )
    : null;
  return [
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, page.category.name),
      h('label', { class: 'sort' }, 'Sort ', sortSelect),
    ),
    h(
      'div',
      { class: 'with-facets' },
      facets,
      h('div', {}, cards(page.products), h('p', { class: 'pager' }, next)),
    ),
  ];
}
