import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryFacetsDto, CategoryListDto, CategorySlugParamsDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CategoriesService } from './categories.service';
import { CategoryNotFoundProblem } from './product-list.service';

@ApiTags('catalog')
@ApiBearerAuth('service-token')
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Every category with its number of products, by name.' })
  @ApiOkResponse({ type: CategoryListDto })
  @ApiProblems(400, 401)
  list(@Query() _query: EmptyQueryDto): Promise<CategoryListDto> {
    return this.categories.list();
  }

  @Get(':slug/facets')
  @ApiOperation({
    summary:
      "A category's brands with their product counts and its price range, over all its products.",
  })
  @ApiOkResponse({ type: CategoryFacetsDto })
  @ApiProblems(400, 401, 404)
  async facets(
    @Param() { slug }: CategorySlugParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<CategoryFacetsDto> {
    const facets = await this.categories.facets(slug);
    if (!facets) throw new CategoryNotFoundProblem(slug);
    return facets;
  }
}
