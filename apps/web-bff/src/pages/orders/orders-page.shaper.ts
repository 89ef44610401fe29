import { OrderDto, OrderPageDto } from '@bff/core-contracts';
import { toPageCursor } from '@bff/bff-kit';
import { toPrice } from '../../shaping/money.shaper';
import { toOrderView } from '../../shaping/order.shaper';
import { OrderDetailPageDto, OrderHistoryPageDto, OrderSummaryDto } from './orders-page.dto';

/** A page of core-api's orders as the order history lists them, with web-bff's own cursor. */
export function toOrderHistoryPage(page: OrderPageDto): OrderHistoryPageDto {
  return { orders: page.items.map(toOrderSummary), nextCursor: toPageCursor(page.nextCursor) };
}

export function toOrderDetailPage(order: OrderDto): OrderDetailPageDto {
  return { order: toOrderView(order) };
}

function toOrderSummary(order: OrderDto): OrderSummaryDto {
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
