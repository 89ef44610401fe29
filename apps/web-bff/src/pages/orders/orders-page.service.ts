import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { PageQuery, toCorePage } from '@bff/bff-kit';
import { OrderDetailPageDto, OrderHistoryPageDto } from './orders-page.dto';
import { toOrderDetailPage, toOrderHistoryPage } from './orders-page.shaper';

/** The customer's orders from core-api, which only ever hands back the customer's own. */
@Injectable()
export class OrdersPageService {
  constructor(private readonly core: CoreApiClient) {}

  async history(customerId: number, query: PageQuery): Promise<OrderHistoryPageDto> {
    const page = await this.core.listOrders(customerId, toCorePage(query));
    return toOrderHistoryPage(page);
  }

  async detail(customerId: number, orderId: number): Promise<OrderDetailPageDto> {
    return toOrderDetailPage(await this.core.getOrder(customerId, orderId));
  }
}
