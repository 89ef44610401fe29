import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmptyQueryDto, ProductIdParamsDto, RatingSummaryDto, ReviewPageDto, ReviewsQueryDto } from '@bff/core-contracts';
import { ApiProblems } from '@bff/platform-problem';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@Controller('products/:id/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({ summary: "A page of a product's reviews, newest first (cursor pagination)." })
  @ApiOkResponse({ type: ReviewPageDto })
  @ApiProblems(400, 404)
  page(@Param() { id }: ProductIdParamsDto, @Query() query: ReviewsQueryDto): Promise<ReviewPageDto> {
    return this.reviews.page(id, query.limit ?? 10, query.cursor);
  }

  @Get('summary')
  @ApiOperation({ summary: "A product's rating summary: count, average and histogram." })
  @ApiOkResponse({ type: RatingSummaryDto })
  @ApiProblems(400, 404)
  summary(@Param() { id }: ProductIdParamsDto, @Query() _query: EmptyQueryDto): Promise<RatingSummaryDto> {
    return this.reviews.summary(id);
  }
}
