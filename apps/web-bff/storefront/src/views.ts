import { api, ApiError } from './api.js';
import { h, link, stars, tile } from './dom.js';
import type {
  Card,
  CartView,
  CategoryPage,
  HomePage,
  OrderHistory,
  OrderView,
  ProductPage,
  Session,
} from './types.js';

/** What a view needs from the app shell. */
export interface Shell {
  go(path: string): void;
  session: Session | null;
  setSession(session: Session | null): void;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-IE', { dateStyle: 'medium', timeStyle: 'short' });

function cards(items: Card[]): HTMLElement {
  return h(
    'ul',
    { class: 'cards' },
    items.map((p) =>
      h(
        'li',
        { class: 'card', 'data-product': p.id },
        link(p.href, tile(p.id, p.name), h('span', { class: 'card-name' }, p.name)),
        h('span', { class: 'muted' }, p.brand),
        h('strong', { class: 'price' }, p.price.formatted),
      ),
    ),
  );
}

function degradedNote(degraded: string[]): HTMLElement | null {
  return degraded.length
    ? h('p', { class: 'note' }, `Some parts could not be loaded right now: ${degraded.join(', ')}.`)
    : null;
}

export async function home(): Promise<Node[]> {
  const page = await api<HomePage>('/pages/home');
  return [
    h(
      'section',
      { class: 'hero' },
      h('h1', {}, 'Everything for home, kitchen and outdoors'),
      h(
        'p',
        { class: 'muted' },
        'Browse a category, or pick from the newest arrivals and the best prices.',
      ),
    ),
    h('h2', {}, 'Categories'),
    h(
      'ul',
      { class: 'chips' },
      page.categories.map((c) =>
        h('li', {}, link(c.href, c.name, h('span', { class: 'count' }, c.productCount))),
      ),
    ),
    degradedNote(page.degraded),
    page.featured ? h('section', {}, h('h2', {}, 'New arrivals'), cards(page.featured)) : null,
    page.deals
      ? h('section', {}, h('h2', {}, 'Deals — our lowest prices'), cards(page.deals))
      : null,
  ].filter((n): n is HTMLElement => n !== null);
}

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
  const page = await api<CategoryPage>(
    `/pages/category/${encodeURIComponent(slug)}?${query.toString()}`,
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

export function signIn(shell: Shell, params: URLSearchParams): Node[] {
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const session = await api<Session>('/session', {
        method: 'POST',
        body: { email: data.get('email'), password: data.get('password') },
      });
      shell.setSession(session);
      shell.go(params.get('next')?.startsWith('/') ? (params.get('next') as string) : '/');
    } catch (e) {
      error.textContent =
        e instanceof ApiError && e.problem.status === 401
          ? 'The e-mail address or the password is wrong.'
          : (e as Error).message;
    }
  };
  return [
    h(
      'form',
      { class: 'panel', id: 'sign-in', onsubmit: (e: Event) => void submit(e) },
      h('h1', {}, 'Sign in'),
      h(
        'label',
        {},
        'E-mail',
        h('input', { name: 'email', type: 'email', required: true, autocomplete: 'username' }),
      ),
      h(
        'label',
        {},
        'Password',
        h('input', {
          name: 'password',
          type: 'password',
          required: true,
          autocomplete: 'current-password',
        }),
      ),
      h('button', { type: 'submit' }, 'Sign in'),
      error,
      h('p', { class: 'muted' }, 'Demo: ada@example.com / storefront-demo-ada'),
    ),
  ];
}

export async function cart(shell: Shell): Promise<Node[]> {
  const view = await api<CartView>('/pages/cart');
  if (!view.lines.length)
    return [
      h('h1', {}, 'Your cart'),
      h('p', {}, 'Your cart is empty. ', link('/', 'Start shopping')),
    ];
  const remove = async (productId: number) => {
    await api(`/cart/items/${productId}`, { method: 'DELETE' });
    shell.go('/cart');
  };
  return [
    h('h1', {}, 'Your cart'),
    h(
      'table',
      { class: 'lines' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Product'),
          h('th', {}, 'Price'),
          h('th', {}, 'Qty'),
          h('th', {}, 'Total'),
          h('th', {}, ''),
        ),
      ),
      h(
        'tbody',
        {},
        view.lines.map((l) =>
          h(
            'tr',
            {},
            h(
              'td',
              {},
              link(l.href, l.name),
              h('div', { class: l.enoughStock ? 'muted' : 'error' }, l.stockLabel),
            ),
            h('td', {}, l.unitPrice.formatted),
            h('td', {}, l.quantity),
            h('td', {}, l.lineTotal.formatted),
            h(
              'td',
              {},
              h('button', { class: 'link', onclick: () => void remove(l.productId) }, 'Remove'),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'total' }, 'Subtotal: ', h('strong', {}, view.subtotal.formatted)),
    view.canCheckout
      ? h('p', {}, link('/checkout', h('span', { class: 'button', id: 'to-checkout' }, 'Checkout')))
      : h('p', { class: 'error' }, 'Some items are short of stock.'),
  ];
}

export async function checkout(shell: Shell): Promise<Node[]> {
  const view = await api<CartView>('/pages/cart');
  if (!view.lines.length) return [h('h1', {}, 'Checkout'), h('p', {}, 'Your cart is empty.')];
  // One key per checkout page: a double click or a retry sends the same key, so one order at most.
  const key = crypto.randomUUID();
  const error = h('p', { class: 'error', role: 'alert' });
  const shipping = h(
    'select',
    { name: 'shipping', 'aria-label': 'Shipping' },
    h('option', { value: 'standard' }, 'Standard'),
    h('option', { value: 'express' }, 'Express'),
  ) as HTMLSelectElement;
  const place = async (button: HTMLButtonElement) => {
    button.disabled = true;
    try {
      const order = await api<OrderView>('/checkout', {
        method: 'POST',
        body: { shipping: shipping.value },
        headers: { 'Idempotency-Key': key },
      });
      shell.go(`${order.href}?placed=1`);
    } catch (e) {
      error.textContent = (e as Error).message;
      button.disabled = false;
    }
  };
  const button = h(
    'button',
    { id: 'place-order' },
    `Place order (${view.subtotal.formatted} + shipping)`,
  ) as HTMLButtonElement;
  button.addEventListener('click', () => void place(button));
  return [
    h('h1', {}, 'Checkout'),
    h(
      'ul',
      { class: 'plain' },
      view.lines.map((l) => h('li', {}, `${l.quantity} × ${l.name} — ${l.lineTotal.formatted}`)),
    ),
    h('label', { class: 'panel-inline' }, 'Shipping ', shipping),
    h('p', {}, button),
    error,
  ];
}

export async function orders(): Promise<Node[]> {
  const history = await api<OrderHistory>('/pages/orders');
  return [
    h('h1', {}, 'Your orders'),
    history.orders.length
      ? h(
          'ul',
          { class: 'orders' },
          history.orders.map((o) =>
            h(
              'li',
              { 'data-order': o.id },
              link(o.href, `Order #${o.id}`),
              ` — ${o.title}, ${o.itemCount} item(s), `,
              h('strong', {}, o.total.formatted),
              h('span', { class: 'muted' }, ` · ${when(o.createdAt)}`),
            ),
          ),
        )
      : h('p', {}, 'No orders yet.'),
  ];
}

export async function order(id: string, params: URLSearchParams): Promise<Node[]> {
  const { order: o } = await api<{ order: OrderView }>(`/pages/orders/${encodeURIComponent(id)}`);
  return [
    params.get('placed')
      ? h('p', { class: 'success', id: 'order-placed' }, `Thank you! Order #${o.id} is placed.`)
      : null,
    h('h1', {}, `Order #${o.id}`),
    h('p', { class: 'muted' }, `${when(o.createdAt)} · ${o.shipping} shipping`),
    h(
      'ul',
      { class: 'plain' },
      o.lines.map((l) =>
        h('li', {}, `${l.quantity} × `, link(l.href, l.name), ` — ${l.lineTotal.formatted}`),
      ),
    ),
    h(
      'p',
      {},
      `Subtotal ${o.subtotal.formatted} · Shipping ${o.shippingCost.formatted} · `,
      h('strong', {}, `Total ${o.total.formatted}`),
    ),
    h('p', {}, link('/orders', '← All orders')),
  ].filter((n): n is HTMLElement => n !== null);
}
