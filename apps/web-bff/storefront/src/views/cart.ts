import { api } from '../api.js';
import { h, link } from '../dom.js';
import type { CartView, OrderView } from '../types.js';
import type { Shell } from './shell.js';

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
