import { OrderDto } from '@bff/core-contracts';
import { toPrice } from '../pages/product/product-page.shaper';
import { OrderSummaryDto, OrderViewDto } from './order-view.dto';

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

export function toOrderSummary(order: OrderDto): OrderSummaryDto {
  const [first, ...rest] = order.lines;
  return {
    id: order.id,
    href: `/orders/${order.id}`,
    status: order.status,
    createdAt: order.createdAt,
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    total: toPrice(order.total),
    title: !first ? 'Order' : rest.length ? `${first.name} and ${rest.length} more` : first.name,
  };
}
