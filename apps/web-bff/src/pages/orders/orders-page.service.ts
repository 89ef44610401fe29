import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { fromPageCursor } from '@bff/bff-kit';
import { OrderDetailPageDto, OrderHistoryPageDto } from './orders-page.dto';
import { toOrderDetailPage, toOrderHistoryPage } from './orders-page.shaper';

/** The customer's orders from core-api, which only ever hands back the customer's own. */
@Injectable()
export class OrdersPageService {
  constructor(private readonly core: CoreApiClient) {}

  async history(
    customerId: number,
    query: { limit?: number; cursor?: string },
  ): Promise<OrderHistoryPageDto> {
    const page = await this.core.listOrders(customerId, {
      limit: query.limit,
      cursor: fromPageCursor(query.cursor),
    });
    return toOrderHistoryPage(page);
  }

  async detail(customerId: number, orderId: number): Promise<OrderDetailPageDto> {
    return toOrderDetailPage(await this.core.getOrder(customerId, orderId));
  }
}
