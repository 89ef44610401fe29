import { MoneyDto, SHIPPING_METHODS, ShippingMethod, ShippingQuoteDto } from '@bff/core-contracts';

/** What each method costs (minor units), unless the subtotal makes it free. */
export const SHIPPING_RATES: Record<ShippingMethod, number> = { standard: 495, express: 1495 };
/** Standard shipping is free from this subtotal (minor units); express never is. */
export const FREE_STANDARD_SHIPPING_FROM = 5000;

const FREE_FROM: Record<ShippingMethod, number | null> = {
  standard: FREE_STANDARD_SHIPPING_FROM,
  express: null,
};

/**
 * The one shipping rule: what `method` costs for goods worth `subtotalMinor`. Orders are charged
 * with it (order-totals.ts) and carts quote it (carts.service.ts), so the estimate a shopper sees
 * before checkout is the amount the order charges.
 */
export function shippingCostMinor(method: ShippingMethod, subtotalMinor: number): number {
  const freeFrom = FREE_FROM[method];
  return freeFrom !== null && subtotalMinor >= freeFrom ? 0 : SHIPPING_RATES[method];
}

/** Every method's cost for this subtotal, in `SHIPPING_METHODS` order. */
export function shippingQuotes(subtotal: MoneyDto): ShippingQuoteDto[] {
  const money = (amountMinor: number): MoneyDto => ({ amountMinor, currency: subtotal.currency });
  return SHIPPING_METHODS.map((method) => {
    const freeFrom = FREE_FROM[method];
    return {
      method,
      cost: money(shippingCostMinor(method, subtotal.amountMinor)),
      freeFrom: freeFrom === null ? null : money(freeFrom),
    };
  });
}
