import { ok, web } from '../api.js';
import { h, link, stars, tile } from '../dom.js';
import { buyBox } from './buy-box.js';
import { when, cards, degradedNote } from './shell.js';
import type { Shell } from './shell.js';

export async function product(shell: Shell, id: string): Promise<Node[]> {
  const page = await ok(
    web.GET('/api/pages/product/{id}', { params: { path: { id: Number(id) } } }),
  );
  const { product: p } = page;
  return [
    h('p', { class: 'crumbs' }, link('/', 'Home'), ' / ', link(p.category.href, p.category.name)),
    h(
      'article',
      { class: 'product' },
      tile(p.id, p.name, 'large'),
      h(
        'div',
        {},
        h('h1', {}, p.name),
        h('p', { class: 'muted' }, p.brand),
        h('p', { class: 'price big' }, p.price.formatted),
        page.rating
          ? h(
              'p',
              {},
              stars(page.rating.average),
              h('span', { class: 'muted' }, ` (${page.rating.count} reviews)`),
            )
          : null,
        page.availability
          ? h(
              'p',
              { class: page.availability.inStock ? 'stock ok' : 'stock out' },
              page.availability.label,
            )
          : null,
        buyBox(shell, p, page.availability ? page.availability.inStock : true),
        h('p', { class: 'description' }, p.description),
        h(
          'dl',
          { class: 'attributes' },
          p.attributes.map((a) => [h('dt', {}, a.name), h('dd', {}, a.value)]).flat(),
        ),
      ),
    ),
    degradedNote(page.degraded),
    page.availability
      ? h(
          'section',
          {},
          h('h2', {}, 'Stock by warehouse'),
          h(
            'ul',
            { class: 'plain' },
            page.availability.warehouses.map((w) => h('li', {}, `${w.warehouse}: ${w.quantity}`)),
          ),
        )
      : null,
    page.rating
      ? h(
          'section',
          {},
          h('h2', {}, 'Ratings'),
          h(
            'ul',
            { class: 'histogram' },
            page.rating.histogram.map((b) =>
              h(
                'li',
                {},
                `${b.stars}★`,
                h('progress', { max: 100, value: b.percent }),
                `${b.count}`,
              ),
            ),
          ),
        )
      : null,
    page.reviews
      ? h(
          'section',
          {},
          h('h2', {}, 'Reviews'),
          h(
            'ul',
            { class: 'reviews' },
            page.reviews.items.map((r) =>
              h(
                'li',
                {},
                h('strong', {}, `${'★'.repeat(r.rating)} ${r.title}`),
                h('p', {}, r.body),
                h('p', { class: 'muted' }, `${r.author}, ${when(r.createdAt)}`),
              ),
            ),
          ),
        )
      : null,
    page.related?.length
      ? h('section', {}, h('h2', {}, 'You may also like'), cards(page.related))
      : null,
  ].filter((n): n is HTMLElement => n !== null);
}
