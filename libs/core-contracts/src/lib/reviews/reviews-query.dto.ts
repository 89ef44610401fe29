import { CursorQuery, QueryInt } from '../validation/decorators';

export const REVIEWS_MAX_LIMIT = 50;

export class ReviewsQueryDto {
  @QueryInt({ min: 1, max: REVIEWS_MAX_LIMIT, default: 10, description: 'Page size.' })
  limit?: number;

  @CursorQuery()
  cursor?: string;
}
