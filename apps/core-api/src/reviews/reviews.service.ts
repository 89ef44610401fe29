import { Inject, Injectable } from '@nestjs/common';
import { RatingSummaryDto, ReviewDto, ReviewPageDto } from '@bff/core-contracts';
import { and, count, desc, eq, lt, or } from 'drizzle-orm';
import { ProductsService } from '../catalog/products.service';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { reviews } from '../database/schema';
import { decodeReviewCursor, encodeReviewCursor } from './review-cursor';

@Injectable()
export class ReviewsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly products: ProductsService,
  ) {}

  /** One page of a product's reviews, newest first, with a keyset cursor to the next page. */
  async page(productId: number, limit: number, cursor?: string): Promise<ReviewPageDto> {
    const after = cursor ? decodeReviewCursor(cursor) : undefined;
    await this.products.assertExists(productId);
    const rows = await this.db
      .select()
      .from(reviews)
      .where(
        and(
          eq(reviews.productId, productId),
          after
            ? or(lt(reviews.createdAt, after.createdAt), and(eq(reviews.createdAt, after.createdAt), lt(reviews.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(desc(reviews.createdAt), desc(reviews.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toReviewDto),
      nextCursor: rows.length > limit && last ? encodeReviewCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  async summary(productId: number): Promise<RatingSummaryDto> {
    await this.products.assertExists(productId);
    const rows = await this.db
      .select({ rating: reviews.rating, n: count() })
      .from(reviews)
      .where(eq(reviews.productId, productId))
      .groupBy(reviews.rating);
    const histogram = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    let total = 0;
    let sum = 0;
    for (const { rating, n } of rows) {
      histogram[String(rating) as keyof typeof histogram] = n;
      total += n;
      sum += rating * n;
    }
    return { productId, count: total, average: total ? Math.round((sum / total) * 100) / 100 : null, histogram };
  }
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

