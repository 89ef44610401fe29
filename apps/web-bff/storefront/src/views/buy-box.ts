import { ok, web } from '../api.js';
import { h, link } from '../dom.js';
import { explain, MAX_QUANTITY } from '../errors.js';
import type { Shell } from './shell.js';
import { stepper } from './stepper.js';

/**
 * Quantity and "Add to cart". Adding puts that many on top of what the cart holds (POST
 * /api/cart/items/:id), and the confirmation says what the cart holds now, right under the
 * button, scrolled into view.
 */
export function buyBox(
  shell: Shell,
  product: { id: number; name: string },
  inStock: boolean,
): HTMLElement {
  let quantity = 1;
  const status = h('p', { class: 'status', id: 'add-status', role: 'status' });
  const button = h(
    'button',
    { id: 'add-to-cart', type: 'button', disabled: !inStock },
    'Add to cart',
  ) as HTMLButtonElement;
  const say = (...parts: Array<Node | string>) => {
    status.replaceChildren(...parts);
    status.scrollIntoView({ block: 'nearest' });
  };
  button.addEventListener('click', () => {
    if (!shell.session) return shell.go(`/sign-in?next=/product/${product.id}`);
    button.disabled = true;
    void ok(
      web.POST('/api/cart/items/{productId}', {
        params: { path: { productId: product.id } },
        body: { quantity },
      }),
    )
      .then((cart) => {
        const holds = cart.lines.find((l) => l.productId === product.id)?.quantity ?? quantity;
        status.className = 'status ok';
        say(
          `Added ${quantity}. Your cart now holds ${holds} × ${product.name}. `,
          link('/cart', `Go to cart (${cart.itemCount})`),
        );
      })
      .catch((error: unknown) => {
        status.className = 'status error';
        say(explain(error));
      })
      .finally(() => (button.disabled = !inStock));
  });
  return h(
    'div',
    { class: 'buy-box' },
    h(
      'div',
      { class: 'buy' },
      stepper({
        value: quantity,
        min: 1,
        max: MAX_QUANTITY,
        label: `Quantity of ${product.name}`,
        onChange: (next) => void (quantity = next),
      }),
      button,
    ),
    status,
  );
}
