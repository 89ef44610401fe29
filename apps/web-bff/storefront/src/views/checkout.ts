import { ok, web, type ShippingEstimate } from '../api.js';
import { h, link } from '../dom.js';
import { explain } from '../errors.js';
import type { Shell } from './shell.js';

export async function checkout(shell: Shell): Promise<Node[]> {
  const view = await ok(web.GET('/api/pages/cart'));
  if (!view.lines.length)
    return [
      h('h1', {}, 'Checkout'),
      h('p', {}, 'Your cart is empty. ', link('/', 'Start shopping')),
    ];
  let chosen: ShippingEstimate = view.shipping[0] as ShippingEstimate;
  // One key per request: a double click or a retry sends the same key, so one order at most; a
  // different shipping method is a different request, with a key of its own.
  let key = crypto.randomUUID();
  const error = h('p', { class: 'error', role: 'alert' });
  const button = h('button', {
    id: 'place-order',
    type: 'button',
    class: 'wide',
  }) as HTMLButtonElement;
  const label = () => (button.textContent = `Place order — ${chosen.total.formatted}`);
  const options = view.shipping.map((s) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        type: 'radio',
        name: 'shipping',
        value: s.method,
        checked: s === chosen,
        onchange: () => {
          chosen = s;
          key = crypto.randomUUID();
          label();
        },
      }),
      h('span', {}, `${s.label} shipping`),
      h('strong', {}, s.cost.amountMinor === 0 ? 'Free' : s.cost.formatted),
    ),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    void ok(
      web.POST('/api/checkout', {
        params: { header: { 'Idempotency-Key': key } },
        body: { shipping: chosen.method },
      }),
    )
      .then((order) => shell.go(`${order.href}?placed=1`))
      .catch((e: unknown) => {
        error.textContent = explain(e);
        button.disabled = false;
      });
  });
  label();
  return [
    h('h1', {}, 'Checkout'),
    h(
      'ul',
      { class: 'plain' },
      view.lines.map((l) => h('li', {}, `${l.quantity} × ${l.name} — ${l.lineTotal.formatted}`)),
    ),
    h('fieldset', { class: 'panel-inline' }, h('legend', {}, 'Shipping'), options),
    h('p', {}, `Subtotal ${view.subtotal.formatted}`),
    h('p', {}, button),
    error,
    h('p', {}, link('/cart', '← Back to the cart')),
  ];
}
