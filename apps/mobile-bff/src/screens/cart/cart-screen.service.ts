import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { CartScreenDto } from './cart-screen.dto';
import { toCartScreen } from './cart-screen.shaper';

/** The cart screen and its edits, on behalf of the signed-in customer. */
@Injectable()
export class CartScreenService {
  constructor(private readonly core: CoreApiClient) {}

  async get(customerId: number): Promise<CartScreenDto> {
    return toCartScreen(await this.core.getCart(customerId));
  }

  async setItem(customerId: number, productId: number, quantity: number): Promise<CartScreenDto> {
    return toCartScreen(await this.core.setCartItem(customerId, productId, quantity));
  }

  async removeItem(customerId: number, productId: number): Promise<CartScreenDto> {
    return toCartScreen(await this.core.removeCartItem(customerId, productId));
  }
}
