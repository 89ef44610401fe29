import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmptyQueryDto, ProductIdParamsDto } from '@bff/core-contracts';
import { ApiProblems } from '@bff/platform-problem';
import { ProductPageDto } from './product-page.dto';
import { ProductPageService } from './product-page.service';

@ApiTags('pages')
@Controller('api/pages')
export class ProductPageController {
  constructor(private readonly page: ProductPageService) {}

  @Get('product/:id')
  @ApiOperation({ summary: 'Everything the product page shows: product, rating, first reviews, stock and related products.' })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiProblems(400, 404, 502, 503, 504)
  get(@Param() { id }: ProductIdParamsDto, @Query() _query: EmptyQueryDto): Promise<ProductPageDto> {
    return this.page.get(id);
  }
}
