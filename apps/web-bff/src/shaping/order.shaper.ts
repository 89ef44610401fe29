import { OrderDto } from '@bff/core-contracts';
import { toPrice } from './money.shaper';
import { OrderViewDto } from './order.dto';

/** One order with its lines linked and every amount priced: the order page and checkout's answer. */
export function toOrderView(order: OrderDto): OrderViewDto {
  return {
    id: order.id,
    href: `/orders/${order.id}`,
    status: order.status,
    shipping: order.shipping,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      href: `/product/${line.productId}`,
      unitPrice: toPrice(line.unitPrice),
      quantity: line.quantity,
      lineTotal: toPrice(line.lineTotal),
    })),
    subtotal: toPrice(order.subtotal),
    shippingCost: toPrice(order.shippingCost),
    total: toPrice(order.total),
    createdAt: order.createdAt,
  };
}
