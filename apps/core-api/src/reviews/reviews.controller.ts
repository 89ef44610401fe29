import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ProductIdParamsDto,
  RatingSummaryBatchQueryDto,
  RatingSummaryDto,
  RatingSummaryListDto,
  ReviewPageDto,
  ReviewsQueryDto,
} from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@ApiBearerAuth('service-token')
@Controller('products/:id/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({ summary: "A page of a product's reviews, newest first (cursor pagination)." })
  @ApiOkResponse({ type: ReviewPageDto })
  @ApiProblems(400, 401, 404)
  page(
    @Param() { id }: ProductIdParamsDto,
    @Query() query: ReviewsQueryDto,
  ): Promise<ReviewPageDto> {
    return this.reviews.page(id, query.limit ?? 10, query.cursor);
  }

  @Get('summary')
  @ApiOperation({ summary: "A product's rating summary: count, average and histogram." })
  @ApiOkResponse({ type: RatingSummaryDto })
  @ApiProblems(400, 401, 404)
  summary(
    @Param() { id }: ProductIdParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<RatingSummaryDto> {
    return this.reviews.summary(id);
  }
}

@ApiTags('reviews')
@ApiBearerAuth('service-token')
@Controller('reviews/summaries')
export class RatingSummariesController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({
    summary: 'Rating summaries of many products at once (`?productIds=1,2,3`), for list pages.',
  })
  @ApiOkResponse({ type: RatingSummaryListDto })
  @ApiProblems(400, 401)
  summaries(@Query() query: RatingSummaryBatchQueryDto): Promise<RatingSummaryListDto> {
    return this.reviews.summaries(query.productIds);
  }
}
