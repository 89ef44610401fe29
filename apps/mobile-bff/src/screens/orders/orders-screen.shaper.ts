import { OrderDto, OrderPageDto } from '@bff/core-contracts';
import { toPageCursor } from '@bff/bff-kit';
import { OrderRowDto, OrdersScreenDto } from './orders-screen.dto';

/** A page of orders as the orders screen lists them, with mobile-bff's own cursor. */
export function toOrdersScreen(page: OrderPageDto): OrdersScreenDto {
  return { items: page.items.map(toOrderRow), nextCursor: toPageCursor(page.nextCursor) };
}

const toOrderRow = (order: OrderDto): OrderRowDto => ({
  id: order.id,
  createdAt: order.createdAt,
  itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
  total: order.total.amountMinor,
  currency: order.total.currency,
});
