import { Inject, Injectable } from '@nestjs/common';
import { CartDto } from '@bff/core-contracts';
import { NotFoundProblem } from '@bff/platform-problem';
import { and, asc, eq, sql } from 'drizzle-orm';
import { ProductsService } from '../catalog/products.service';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { cartItems, carts, inventory, products } from '../database/schema';
import { shippingQuotes } from '../shipping/shipping-rates';

/** One open cart per customer; lines are priced at the current price when read. */
@Injectable()
export class CartsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly products: ProductsService,
  ) {}

  /** The customer's open cart; an empty cart (id null) when there is none yet. Never writes. */
  async openCart(customerId: number): Promise<CartDto> {
    const cart = await this.findOpen(customerId);
    if (cart) return this.view(cart.id);
    const subtotal = { amountMinor: 0, currency: 'EUR' };
    return { id: null, items: [], itemCount: 0, subtotal, shipping: shippingQuotes(subtotal) };
  }

  /** A cart by id, only if it belongs to the customer: another customer's cart is a 404. */
  async cartById(customerId: number, cartId: number): Promise<CartDto> {
    const [cart] = await this.db
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, cartId), eq(carts.customerId, customerId)));
    if (!cart) throw new NotFoundProblem('cart', cartId);
    return this.view(cart.id);
  }

  async setItem(customerId: number, productId: number, quantity: number): Promise<CartDto> {
    await this.products.assertExists(productId);
    const cartId = await this.ensureOpen(customerId);
    await this.db
      .insert(cartItems)
      .values({ cartId, productId, quantity })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.productId], set: { quantity } });
    await this.db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
    return this.view(cartId);
  }

  /** Removing a line that is not there is not an error (DELETE is idempotent). */
  async removeItem(customerId: number, productId: number): Promise<CartDto> {
    const cart = await this.findOpen(customerId);
    if (!cart) return this.openCart(customerId);
    await this.db
      .delete(cartItems)
      .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.productId, productId)));
    return this.view(cart.id);
  }

  private async findOpen(customerId: number): Promise<{ id: number } | undefined> {
    const [cart] = await this.db
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.customerId, customerId), eq(carts.status, 'open')));
    return cart;
  }

  /** Creates the open cart if needed; the unique partial index makes concurrent calls safe. */
  private async ensureOpen(customerId: number): Promise<number> {
    const existing = await this.findOpen(customerId);
    if (existing) return existing.id;
    await this.db.insert(carts).values({ customerId }).onConflictDoNothing();
    const created = await this.findOpen(customerId);
    if (!created) throw new Error(`could not open a cart for customer ${customerId}`);
    return created.id;
  }

  private async view(cartId: number): Promise<CartDto> {
    const rows = await this.db
      .select({
        productId: cartItems.productId,
        quantity: cartItems.quantity,
        name: products.name,
        priceMinor: products.priceMinor,
        currency: products.currency,
        available: sql<number>`coalesce((select sum(${inventory.quantity}) from ${inventory} where ${inventory.productId} = ${cartItems.productId}), 0)::int`,
      })
      .from(cartItems)
      .innerJoin(products, eq(products.id, cartItems.productId))
      .where(eq(cartItems.cartId, cartId))
      .orderBy(asc(cartItems.addedAt), asc(cartItems.productId));
    const currency = rows[0]?.currency ?? 'EUR';
    const items = rows.map((row) => ({
      productId: row.productId,
      name: row.name,
      unitPrice: { amountMinor: row.priceMinor, currency: row.currency },
      quantity: row.quantity,
      lineTotal: { amountMinor: row.priceMinor * row.quantity, currency: row.currency },
      available: Number(row.available),
    }));
    const subtotal = {
      amountMinor: items.reduce((sum, item) => sum + item.lineTotal.amountMinor, 0),
      currency,
    };
    return {
      id: cartId,
      items,
      itemCount: items.reduce((n, item) => n + item.quantity, 0),
      subtotal,
      shipping: shippingQuotes(subtotal),
    };
  }
}
