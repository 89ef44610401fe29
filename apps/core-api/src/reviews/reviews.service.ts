import { Inject, Injectable } from '@nestjs/common';
import {
  RatingSummaryDto,
  RatingSummaryListDto,
  ReviewDto,
  ReviewPageDto,
} from '@bff/core-contracts';
import { and, count, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { ProductsService } from '../catalog/products.service';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { reviews } from '../database/schema';
import { decodeTimeCursor, encodeTimeCursor } from '../common/cursor';

@Injectable()
export class ReviewsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly products: ProductsService,
  ) {}

  /** One page of a product's reviews, newest first, with a keyset cursor to the next page. */
  async page(productId: number, limit: number, cursor?: string): Promise<ReviewPageDto> {
    const after = cursor ? decodeTimeCursor(cursor) : undefined;
    await this.products.assertExists(productId);
    const rows = await this.db
      .select()
      .from(reviews)
      .where(
        and(
          eq(reviews.productId, productId),
          after
            ? or(
                lt(reviews.createdAt, after.createdAt),
                and(eq(reviews.createdAt, after.createdAt), lt(reviews.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(reviews.createdAt), desc(reviews.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toReviewDto),
      nextCursor:
        rows.length > limit && last
          ? encodeTimeCursor({ createdAt: last.createdAt, id: last.id })
          : null,
    };
  }

  async summary(productId: number): Promise<RatingSummaryDto> {
    await this.products.assertExists(productId);
    const rows = await this.db
      .select({ productId: reviews.productId, rating: reviews.rating, n: count() })
      .from(reviews)
      .where(eq(reviews.productId, productId))
      .groupBy(reviews.productId, reviews.rating);
    return toSummary(productId, rows);
  }

  /** Rating summaries of many products in one query (for list pages); unknown products are left out. */
  async summaries(productIds: number[]): Promise<RatingSummaryListDto> {
    const existing = await this.products.existing(productIds);
    const rows = await this.db
      .select({ productId: reviews.productId, rating: reviews.rating, n: count() })
      .from(reviews)
      .where(inArray(reviews.productId, productIds))
      .groupBy(reviews.productId, reviews.rating);
    return {
      items: productIds
        .filter((id) => existing.has(id))
        .map((id) =>
          toSummary(
            id,
            rows.filter((r) => r.productId === id),
          ),
        ),
    };
  }
}

function toSummary(productId: number, rows: { rating: number; n: number }[]): RatingSummaryDto {
  const histogram = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let total = 0;
  let sum = 0;
  for (const { rating, n } of rows) {
    histogram[String(rating) as keyof typeof histogram] = n;
    total += n;
    sum += rating * n;
  }
  return {
    productId,
    count: total,
    average: total ? Math.round((sum / total) * 100) / 100 : null,
    histogram,
  };
}

function toReviewDto(row: typeof reviews.$inferSelect): ReviewDto {
  return {
    id: row.id,
    productId: row.productId,
    rating: row.rating,
    title: row.title,
    body: row.body,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
  };
}
