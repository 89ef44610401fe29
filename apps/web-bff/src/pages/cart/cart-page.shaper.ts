import { MoneyDto, ShippingMethod, ShippingQuoteDto } from '@bff/core-contracts';
import { toPrice } from '../pages/product/product-page.shaper';
import { ShippingEstimateDto } from './cart-view.dto';

const LABELS: Record<ShippingMethod, string> = { standard: 'Standard', express: 'Express' };

/**
 * core-api's shipping quotes for the cart, worded for the cart page. The costs are core-api's
 * (the rule orders are charged with); this only adds them up and says how far "free" is.
 */
export function toShippingEstimates(
  subtotal: MoneyDto,
  quotes: ShippingQuoteDto[],
): ShippingEstimateDto[] {
  const money = (amountMinor: number): MoneyDto => ({ amountMinor, currency: subtotal.currency });
  return quotes.map(({ method, cost, freeFrom }) => ({
    method,
    label: LABELS[method],
    cost: toPrice(cost),
    total: toPrice(money(subtotal.amountMinor + cost.amountMinor)),
    freeAfter:
      freeFrom && cost.amountMinor > 0 && freeFrom.amountMinor > subtotal.amountMinor
        ? toPrice(money(freeFrom.amountMinor - subtotal.amountMinor))
        : null,
  }));
}
