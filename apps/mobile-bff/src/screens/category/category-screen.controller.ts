import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';
import { ScreenPageQueryDto } from '../screen-query.dto';
import { CategorySlugParamsDto, CategoryScreenDto } from './category-screen.dto';
import { CategoryScreenService } from './category-screen.service';

@ApiTags('screens')
@Controller({ path: 'screens/category', version: ['1', '2'] })
export class CategoryScreenController {
  constructor(private readonly screen: CategoryScreenService) {}

  @Get(':slug')
  @ApiOperation({ summary: 'A category: its name and a cursor page of product cards.' })
  @ApiOkResponse({ type: CategoryScreenDto })
  @ApiProblems(400, 404, 502, 503, 504)
  get(
    @Param() { slug }: CategorySlugParamsDto,
    @Query() query: ScreenPageQueryDto,
  ): Promise<CategoryScreenDto> {
    return this.screen.get(slug, query);
  }
}
