import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { QueryInt } from '../validation/decorators';

export const REVIEWS_MAX_LIMIT = 50;

export class ReviewsQueryDto {
  @QueryInt({ min: 1, max: REVIEWS_MAX_LIMIT, default: 10, description: 'Page size.' })
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s `nextCursor`.', maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;
}
