import { Injectable } from '@nestjs/common';
import { OrderDto } from '@bff/core-contracts';
import { CoreApiClient } from '@bff/core-client';
import { fromPageCursor, toPageCursor } from '@bff/bff-kit';
import { OrderRowDto, OrderScreenDto, OrdersScreenDto } from './orders-screen.dto';

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

const toOrderRow = (order: OrderDto): OrderRowDto => ({
  id: order.id,
  createdAt: order.createdAt,
  itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
  total: order.total.amountMinor,
  currency: order.total.currency,
});

/** The signed-in customer's orders; another customer's order is a 404 (core-api decides). */
@Injectable()
export class OrdersScreenService {
  constructor(private readonly core: CoreApiClient) {}

  async list(
    customerId: number,
    query: { limit?: number; cursor?: string },
  ): Promise<OrdersScreenDto> {
    const page = await this.core.listOrders(customerId, {
      limit: query.limit,
      cursor: fromPageCursor(query.cursor),
    });
    return { items: page.items.map(toOrderRow), nextCursor: toPageCursor(page.nextCursor) };
  }

  async get(customerId: number, orderId: number): Promise<OrderScreenDto> {
    return toOrderScreen(await this.core.getOrder(customerId, orderId));
  }
}
