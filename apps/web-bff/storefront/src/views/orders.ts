import { ok, web } from '../api.js';
import { h, link } from '../dom.js';
import { when } from './shell.js';

export async function orders(): Promise<Node[]> {
  const history = await ok(web.GET('/api/pages/orders'));
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
    h(
      'p',
      { class: 'muted' },
      'Signed in on a computer that is not yours any more? ',
      h(
        'button',
        { class: 'link', id: 'sign-out-everywhere', type: 'button', onclick: signOutEverywhere },
        'Sign out everywhere',
      ),
    ),
  ];
}

/** Ends every session of this customer, in every browser; this one reloads as a visitor. */
function signOutEverywhere(): void {
  void ok(web.POST('/bff/sign-out-everywhere'))
    .catch(() => undefined)
    .then(() => window.location.assign('/'));
}

export async function order(id: string, params: URLSearchParams): Promise<Node[]> {
  const { order: o } = await ok(
    web.GET('/api/pages/orders/{id}', { params: { path: { id: Number(id) } } }),
  );
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
