import { Inject, Injectable } from '@nestjs/common';
import { OrderDto, OrderPageDto, ShippingMethod } from '@bff/core-contracts';
import { NotFoundProblem } from '@bff/platform-problem';
import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { decodeTimeCursor, encodeTimeCursor } from '../common/cursor';
import { Database, Transaction } from '../database/database';
import { DATABASE } from '../database/database.module';
import { orderLines, orders } from '../database/schema';
import { fingerprint, IdempotencyService, StoredResponse } from './idempotency.service';
import { placeOrder } from './place-order';

@Injectable()
export class OrdersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Places an order from the open cart, at most once per Idempotency-Key. */
  place(
    customerId: number,
    idempotencyKey: string,
    shipping: ShippingMethod,
  ): Promise<StoredResponse<OrderDto>> {
    const requestHash = fingerprint({ operation: 'POST /orders', shipping });
    return this.idempotency.run(customerId, idempotencyKey, requestHash, async (tx) => {
      const orderId = await placeOrder(tx, customerId, shipping);
      const [order] = await this.load(tx, [orderId]);
      if (!order) throw new Error(`order ${orderId} vanished inside its own transaction`);
      return { status: 201, body: order };
    });
  }

  /** One of the customer's orders; another customer's order is a 404, as if it did not exist. */
  async get(customerId: number, orderId: number): Promise<OrderDto> {
    const [row] = await this.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)));
    const [order] = row ? await this.load(this.db, [row.id]) : [];
    if (!order) throw new NotFoundProblem('order', orderId);
    return order;
  }

  async list(customerId: number, limit: number, cursor?: string): Promise<OrderPageDto> {
    const after = cursor ? decodeTimeCursor(cursor) : undefined;
    const rows = await this.db
      .select({ id: orders.id, createdAt: orders.createdAt })
      .from(orders)
      .where(
        and(
          eq(orders.customerId, customerId),
          after
            ? or(
                lt(orders.createdAt, after.createdAt),
                and(eq(orders.createdAt, after.createdAt), lt(orders.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await this.load(
        this.db,
        page.map((row) => row.id),
      ),
      nextCursor: rows.length > limit && last ? encodeTimeCursor(last) : null,
    };
  }

  /** Orders with their lines, in the order of `ids`. */
  private async load(db: Database | Transaction, ids: number[]): Promise<OrderDto[]> {
    if (ids.length === 0) return [];
    const [rows, lines] = await Promise.all([
      db.select().from(orders).where(inArray(orders.id, ids)),
      db
        .select()
        .from(orderLines)
        .where(inArray(orderLines.orderId, ids))
        .orderBy(asc(orderLines.productId)),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const money = (amountMinor: number) => ({ amountMinor, currency: row.currency });
      return [
        {
          id: row.id,
          status: row.status,
          shipping: row.shipping,
          lines: lines
            .filter((line) => line.orderId === id)
            .map((line) => ({
              productId: line.productId,
              name: line.name,
              unitPrice: money(line.unitPriceMinor),
              quantity: line.quantity,
              lineTotal: money(line.lineTotalMinor),
            })),
          subtotal: money(row.subtotalMinor),
          shippingCost: money(row.shippingMinor),
          total: money(row.totalMinor),
          createdAt: row.createdAt.toISOString(),
        },
      ];
    });
  }
}
