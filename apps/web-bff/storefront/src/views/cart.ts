import { ok, web, type CartView } from '../api.js';
import { h, link } from '../dom.js';
import { explain } from '../errors.js';
import { cartLine } from './cart-line.js';
import { shippingEstimate } from './shipping.js';

/** The cart: lines with steppers, the shipping estimate, checkout. Redraws from each answer. */
export async function cart(): Promise<Node[]> {
  const root = h('div', { class: 'cart', id: 'cart' });
  const alert = h('p', { class: 'error', role: 'alert' });
  const change = async (request: Promise<CartView>) => {
    try {
      draw(await request);
    } catch (error) {
      alert.textContent = explain(error);
      throw error;
    }
  };
  const actions = {
    setQuantity: (productId: number, quantity: number) =>
      change(
        ok(
          web.PUT('/api/cart/items/{productId}', {
            params: { path: { productId } },
            body: { quantity },
          }),
        ),
      ),
    // A failed removal is said in the alert, and the line stays.
    remove: (productId: number) =>
      change(
        ok(web.DELETE('/api/cart/items/{productId}', { params: { path: { productId } } })),
      ).catch(() => undefined),
  };
  function draw(view: CartView): void {
    alert.textContent = '';
    if (!view.lines.length) {
      root.replaceChildren(h('p', {}, 'Your cart is empty. ', link('/', 'Start shopping')));
      return;
    }
    root.replaceChildren(
      alert,
      h(
        'div',
        { class: 'cart-body' },
        h(
          'ul',
          { class: 'cart-lines' },
          view.lines.map((line) => cartLine(line, actions)),
        ),
        h(
          'aside',
          { class: 'cart-side' },
          shippingEstimate(view),
          view.canCheckout
            ? link('/checkout', h('span', { class: 'button wide', id: 'to-checkout' }, 'Checkout'))
            : h(
                'p',
                { class: 'error' },
                'Some items are short of stock: lower the quantity first.',
              ),
        ),
      ),
    );
  }
  draw(await ok(web.GET('/api/pages/cart')));
  return [h('h1', {}, 'Your cart'), root];
}
