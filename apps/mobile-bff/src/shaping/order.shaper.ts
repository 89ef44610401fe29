import { OrderDto } from '@bff/core-contracts';
import { OrderScreenDto } from './order.dto';

/** One order as the order screen draws it, and checkout confirms it: minor units of `currency`. */
export const toOrderScreen = (order: OrderDto): OrderScreenDto => ({
  id: order.id,
  status: order.status,
  createdAt: order.createdAt,
  shipping: order.shipping,
  lines: order.lines.map(({ productId, name, quantity, lineTotal }) => ({
    productId,
    name,
    quantity,
    lineTotal: lineTotal.amountMinor,
  })),
  subtotal: order.subtotal.amountMinor,
  shippingCost: order.shippingCost.amountMinor,
  total: order.total.amountMinor,
  currency: order.total.currency,
});
