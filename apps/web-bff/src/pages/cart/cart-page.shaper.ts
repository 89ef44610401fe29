import {
  CartDto,
  CartLineDto,
  MoneyDto,
  ProductSummaryDto,
  ShippingMethod,
  ShippingQuoteDto,
} from '@bff/core-contracts';
import { toPrice } from '../../shaping/money.shaper';
import { stockLabel } from '../../shaping/stock.shaper';
import { CartLineViewDto, CartViewDto, ShippingEstimateDto } from './cart-page.dto';

const THUMBNAIL_WIDTH = 160;

/**
 * core-api's cart (live prices and stock) as the cart page shows it. `products` are the cart's
 * products from one batch read, for thumbnails; `undefined` when that read failed, and the cart
 * is shown without them (`degraded: ['images']`).
 */
export function toCartView(
  cart: CartDto,
  products: Map<number, ProductSummaryDto> | undefined,
): CartViewDto {
  const lines = cart.items.map((line) => toCartLine(line, products?.get(line.productId)));
  return {
    lines,
    itemCount: cart.itemCount,
    subtotal: toPrice(cart.subtotal),
    shipping: toShippingEstimates(cart.subtotal, cart.shipping),
    canCheckout: lines.length > 0 && lines.every((line) => line.enoughStock),
    degraded: products ? [] : ['images'],
  };
}

function toCartLine(line: CartLineDto, product: ProductSummaryDto | undefined): CartLineViewDto {
  const image = product?.images.find((i) => i.width >= THUMBNAIL_WIDTH)?.url;
  return {
    productId: line.productId,
    name: line.name,
    href: `/product/${line.productId}`,
    ...(image ? { image } : {}),
    unitPrice: toPrice(line.unitPrice),
    quantity: line.quantity,
    lineTotal: toPrice(line.lineTotal),
    available: line.available,
    stockLabel: stockLabel(line.available),
    enoughStock: line.available >= line.quantity,
  };
}

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
