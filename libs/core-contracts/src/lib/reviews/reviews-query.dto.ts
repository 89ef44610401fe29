import { CursorQuery, QueryInt } from '@bff/platform-validation';

export const REVIEWS_MAX_LIMIT = 50;

export class ReviewsQueryDto {
  @QueryInt({ min: 1, max: REVIEWS_MAX_LIMIT, default: 10, description: 'Page size.' })
  limit?: number;

  @CursorQuery()
  cursor?: string;
}
