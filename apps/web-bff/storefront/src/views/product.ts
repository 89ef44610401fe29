import { api } from '../api.js';
import { h, link, stars, tile } from '../dom.js';
import type { CartView, ProductPage } from '../types.js';
import { when, cards, degradedNote } from './shell.js';
import type { Shell } from './shell.js';

export async function product(shell: Shell, id: string): Promise<Node[]> {
  const page = await api<ProductPage>(`/pages/product/${encodeURIComponent(id)}`);
  const { product: p } = page;
  const quantity = h('input', {
    type: 'number',
    min: 1,
    max: 99,
    value: 1,
    id: 'quantity',
    'aria-label': 'Quantity',
  }) as HTMLInputElement;
  const status = h('p', { class: 'status', role: 'status' });
  const add = async () => {
    if (!shell.session) return shell.go(`/sign-in?next=/product/${p.id}`);
    try {
      const cart = await api<CartView>(`/cart/items/${p.id}`, {
        method: 'PUT',
        body: { quantity: Number(quantity.value) },
      });
      status.textContent = `Added. Your cart holds ${cart.itemCount} item(s).`;
      status.append(' ', link('/cart', 'Go to cart'));
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  };
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
        h(
          'div',
          { class: 'buy' },
          quantity,
          h(
            'button',
            {
              id: 'add-to-cart',
              onclick: () => void add(),
              disabled: page.availability ? !page.availability.inStock : false,
            },
            'Add to cart',
          ),
        ),
        status,
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
