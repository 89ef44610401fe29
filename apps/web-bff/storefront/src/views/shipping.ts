import { h } from '../dom.js';
import type { CartView } from '../api.js';

/** The subtotal, every shipping method priced by core-api's rule, and what checkout charges. */
export function shippingEstimate(view: CartView): HTMLElement {
  const [cheapest] = [...view.shipping].sort((a, b) => a.total.amountMinor - b.total.amountMinor);
  const standard = view.shipping.find((s) => s.method === 'standard');
  return h(
    'section',
    { class: 'summary', id: 'shipping-estimate', 'aria-label': 'Order summary' },
    h('dl', {}, [
      h('dt', {}, 'Subtotal'),
      h('dd', {}, view.subtotal.formatted),
      ...view.shipping.flatMap((s) => [
        h('dt', {}, `${s.label} shipping`),
        h(
          'dd',
          { 'data-shipping': s.method },
          s.cost.amountMinor === 0 ? 'Free' : s.cost.formatted,
        ),
      ]),
      ...(cheapest
        ? [
            h('dt', { class: 'grand' }, `Total (${cheapest.label.toLowerCase()})`),
            h('dd', { class: 'grand', id: 'estimated-total' }, cheapest.total.formatted),
          ]
        : []),
    ]),
    standard?.freeAfter
      ? h(
          'p',
          { class: 'muted' },
          `Add ${standard.freeAfter.formatted} more for free standard shipping.`,
        )
      : null,
  );
}
