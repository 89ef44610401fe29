import { CartDto } from '@bff/core-contracts';
import { CartScreenDto } from './cart-screen.dto';

/** The cart as the cart screen draws it: amounts in minor units of one `currency`. */
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
