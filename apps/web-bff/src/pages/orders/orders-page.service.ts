import { Injectable } from '@nestjs/common';
import { CoreApiClient, fromPageCursor, toPageCursor } from '@bff/core-client';
import { OrderDetailPageDto, OrderHistoryPageDto } from './order-view.dto';
import { toOrderSummary, toOrderView } from './order.shaper';

/** The customer's orders from core-api, which only ever hands back the customer's own. */
@Injectable()
export class OrdersViewService {
  constructor(private readonly core: CoreApiClient) {}

  async history(
    customerId: number,
    query: { limit?: number; cursor?: string },
  ): Promise<OrderHistoryPageDto> {
    const page = await this.core.listOrders(customerId, {
      limit: query.limit,
      cursor: fromPageCursor(query.cursor),
    });
    return { orders: page.items.map(toOrderSummary), nextCursor: toPageCursor(page.nextCursor) };
  }

  async detail(customerId: number, orderId: number): Promise<OrderDetailPageDto> {
    return { order: toOrderView(await this.core.getOrder(customerId, orderId)) };
  }
}
