import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { CreateOrderDto, OrderScreenDto } from './checkout-screen.dto';
import { toCheckoutScreen } from './checkout-screen.shaper';

/** Places the signed-in customer's order from their cart. */
@Injectable()
export class CheckoutScreenService {
  constructor(private readonly core: CoreApiClient) {}

  /**
   * core-api stores the Idempotency-Key with the order in one transaction: a retry with the same
   * key (a lost answer, a second tap) gets the same order, never a second one.
   */
  async checkout(customerId: number, key: string, body: CreateOrderDto): Promise<OrderScreenDto> {
    return toCheckoutScreen(await this.core.placeOrder(customerId, key, body));
  }
}
