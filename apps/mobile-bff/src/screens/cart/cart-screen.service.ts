import { Injectable } from '@nestjs/common';
import { CartDto } from '@bff/core-contracts';
import { CoreApiClient } from '@bff/core-client';
import { CartScreenDto } from './cart-screen.dto';

export const toCartScreen = (cart: CartDto): CartScreenDto => ({
  items: cart.items.map((line) => ({
    productId: line.productId,
    name: line.name,
    quantity: line.quantity,
    lineTotal: line.lineTotal.amountMinor,
    inStock: line.available >= line.quantity,
  })),
  itemCount: cart.itemCount,
  subtotal: cart.subtotal.amountMinor,
  currency: cart.subtotal.currency,
});

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
