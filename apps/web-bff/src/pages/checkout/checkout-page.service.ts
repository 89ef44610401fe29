import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { OrderViewDto } from '../../shaping/order.dto';
import { CheckoutDto } from './checkout-page.dto';
import { toPlacedOrder } from './checkout-page.shaper';

@Injectable()
export class CheckoutPageService {
  constructor(private readonly core: CoreApiClient) {}

  /**
   * Places the order from the cart under the browser's Idempotency-Key; core-api stores the key
   * with the order in one transaction, so a repeat (double click, retry after a lost answer, a
   * second replica) gets the same order, never a second one. core-client waits out a repeat that
   * arrives while the first is still running, so both clicks are answered with that order.
   */
  async checkout(customerId: number, key: string, body: CheckoutDto): Promise<OrderViewDto> {
    return toPlacedOrder(await this.core.placeOrder(customerId, key, body));
  }
}
