import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { PageQuery, toCorePage } from '@bff/bff-kit';
import { OrderScreenDto } from '../../shaping/order.dto';
import { toOrderScreen } from '../../shaping/order.shaper';
import { OrdersScreenDto } from './orders-screen.dto';
import { toOrdersScreen } from './orders-screen.shaper';

/** The signed-in customer's orders; another customer's order is a 404 (core-api decides). */
@Injectable()
export class OrdersScreenService {
  constructor(private readonly core: CoreApiClient) {}

  async list(customerId: number, query: PageQuery): Promise<OrdersScreenDto> {
    const page = await this.core.listOrders(customerId, toCorePage(query));
    return toOrdersScreen(page);
  }

  async get(customerId: number, orderId: number): Promise<OrderScreenDto> {
    return toOrderScreen(await this.core.getOrder(customerId, orderId));
  }
}
