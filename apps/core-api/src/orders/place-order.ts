import { HttpStatus } from '@nestjs/common';
import { ShippingMethod } from '@bff/core-contracts';
import { ProblemException } from '@bff/platform-problem';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Transaction } from '../database/database';
import { cartItems, carts, inventory, orderLines, orders, products } from '../database/schema';
import { computeOrderTotals } from './order-totals';

export class CartEmptyProblem extends ProblemException {
  constructor() {
    super(HttpStatus.CONFLICT, 'cart_empty', 'There is nothing in the cart to order.');
  }
}

export interface Shortage {
  productId: number;
  requested: number;
  available: number;
}

export class InsufficientStockProblem extends ProblemException {
  constructor(readonly shortages: Shortage[]) {
    super(
      HttpStatus.CONFLICT,
      'insufficient_stock',
      'Not enough stock for every item in the cart; nothing was ordered.',
      { shortages },
    );
  }
}

/**
 * Turns the customer's open cart into an order inside `tx`: locks the cart and the stock rows
 * (in a fixed order, so concurrent orders cannot deadlock), checks every line against stock,
 * takes stock from the fullest warehouses first, writes the order with server-computed totals
 * and closes the cart. Any problem throws and the transaction leaves the database unchanged.
 */
export async function placeOrder(
  tx: Transaction,
  customerId: number,
  shipping: ShippingMethod,
): Promise<number> {
  const [cart] = await tx
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.customerId, customerId), eq(carts.status, 'open')))
    .for('update');
  if (!cart) throw new CartEmptyProblem();

  const lines = await tx
    .select({
      productId: cartItems.productId,
      quantity: cartItems.quantity,
      name: products.name,
      unitPriceMinor: products.priceMinor,
      currency: products.currency,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.cartId, cart.id))
    .orderBy(asc(cartItems.productId));
  if (lines.length === 0) throw new CartEmptyProblem();

  const totals = computeOrderTotals(lines, shipping);
  const stock = await tx
    .select()
    .from(inventory)
    .where(
      inArray(
        inventory.productId,
        lines.map((line) => line.productId),
      ),
    )
    .orderBy(asc(inventory.productId), asc(inventory.warehouse))
    .for('update');

  const shortages: Shortage[] = [];
  const takes: { productId: number; warehouse: string; quantity: number }[] = [];
  for (const line of lines) {
    const rows = stock
      .filter((row) => row.productId === line.productId)
      .sort((a, b) => b.quantity - a.quantity || a.warehouse.localeCompare(b.warehouse));
    const available = rows.reduce((sum, row) => sum + row.quantity, 0);
    if (available < line.quantity) {
      shortages.push({ productId: line.productId, requested: line.quantity, available });
      continue;
    }
    let remaining = line.quantity;
    for (const row of rows) {
      const take = Math.min(remaining, row.quantity);
      if (take > 0)
        takes.push({
          productId: row.productId,
          warehouse: row.warehouse,
          quantity: row.quantity - take,
        });
      remaining -= take;
      if (remaining === 0) break;
    }
  }
  if (shortages.length) throw new InsufficientStockProblem(shortages);

  for (const take of takes) {
    await tx
      .update(inventory)
      .set({ quantity: take.quantity })
      .where(and(eq(inventory.productId, take.productId), eq(inventory.warehouse, take.warehouse)));
  }
  const [order] = await tx
    .insert(orders)
    .values({
      customerId,
      cartId: cart.id,
      shipping,
      currency: totals.currency,
      subtotalMinor: totals.subtotalMinor,
      shippingMinor: totals.shippingMinor,
      totalMinor: totals.totalMinor,
    })
    .returning({ id: orders.id });
  if (!order) throw new Error('order insert returned nothing');
  await tx.insert(orderLines).values(
    totals.lines.map((line) => ({
      orderId: order.id,
      productId: line.productId,
      name: line.name,
      unitPriceMinor: line.unitPriceMinor,
      quantity: line.quantity,
      lineTotalMinor: line.lineTotalMinor,
    })),
  );
  await tx
    .update(carts)
    .set({ status: 'ordered', updatedAt: new Date() })
    .where(eq(carts.id, cart.id));
  return order.id;
}
