import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/bff-kit';
import { CategoryPageDto, CategoryPageQueryDto, CategorySlugDto } from './category-page.dto';
import { CategoryPageService } from './category-page.service';
import { CsrfHeader } from '@bff/bff-session';

@ApiTags('pages')
@CsrfHeader()
@Controller('api/pages')
export class CategoryPageController {
  constructor(private readonly page: CategoryPageService) {}

  @Get('category/:slug')
  @ApiOperation({
    summary:
      'A category: one page of products (filter by brand and price, sort, cursor pages) with brand and price facets over the whole category.',
  })
  @DegradableAggregate(CategoryPageDto, 'category page')
  get(
    @Param() { slug }: CategorySlugDto,
    @Query() query: CategoryPageQueryDto,
  ): Promise<CategoryPageDto> {
    return this.page.get(slug, query);
  }
}
