import { h, link } from '../dom.js';
import { MAX_QUANTITY } from '../errors.js';
import type { CartLine } from '../api.js';
import { stepper } from './stepper.js';

export interface LineActions {
  setQuantity(productId: number, quantity: number): Promise<void>;
  remove(productId: number): Promise<void>;
}

/** One cart line: a row on a wide screen, a card on a phone (styles.css), same markup. */
export function cartLine(line: CartLine, actions: LineActions): HTMLElement {
  const remove = h(
    'button',
    { type: 'button', class: 'link remove', 'aria-label': `Remove ${line.name}` },
    'Remove',
  ) as HTMLButtonElement;
  remove.addEventListener('click', () => {
    remove.disabled = true;
    void actions.remove(line.productId).finally(() => (remove.disabled = false));
  });
  return h(
    'li',
    { class: 'cart-line', 'data-product': line.productId },
    h(
      'div',
      { class: 'line-main' },
      link(line.href, h('span', { class: 'line-name' }, line.name)),
      h('span', { class: 'muted' }, `${line.unitPrice.formatted} each`),
      h('span', { class: line.enoughStock ? 'muted' : 'error' }, line.stockLabel),
    ),
    h(
      'div',
      { class: 'line-qty' },
      stepper({
        value: line.quantity,
        min: 1,
        max: MAX_QUANTITY,
        label: `Quantity of ${line.name}`,
        onChange: (quantity) => actions.setQuantity(line.productId, quantity),
      }),
    ),
    h('strong', { class: 'line-total' }, line.lineTotal.formatted),
    h('div', { class: 'line-remove' }, remove),
  );
}
