import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryListDto, EmptyQueryDto } from '@bff/core-contracts';
import { ApiProblems } from '@bff/platform-problem';
import { CategoriesService } from './categories.service';

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
}
