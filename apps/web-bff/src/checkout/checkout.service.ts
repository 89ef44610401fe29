import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { ProblemException } from '@bff/platform-problem';
import { OrderViewDto } from '../orders/order-view.dto';
import { toOrderView } from '../orders/order.shaper';
import { CheckoutDto } from './checkout.dto';

/** How long a repeat waits for the first request with its key to finish. */
export const IN_FLIGHT_WAIT_MS = 10_000;
const IN_FLIGHT_POLL_MS = 100;

@Injectable()
export class CheckoutService {
  constructor(private readonly core: CoreApiClient) {}

  /**
   * Places the order from the cart under the browser's Idempotency-Key; core-api stores the key
   * with the order in one transaction, so a repeat (double click, retry after a lost answer, a
   * second replica) gets the same order, never a second one. A repeat that arrives while the first
   * is still running (core-api's 409 `request_in_flight`) waits for it and answers the same order.
   */
  async checkout(customerId: number, key: string, body: CheckoutDto): Promise<OrderViewDto> {
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    for (;;) {
      try {
        return toOrderView(await this.core.placeOrder(customerId, key, body));
      } catch (error) {
        const inFlight = error instanceof ProblemException && error.code === 'request_in_flight';
        if (!inFlight || Date.now() + IN_FLIGHT_POLL_MS > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_POLL_MS));
      }
    }
  }
}
