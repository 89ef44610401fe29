import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/bff-kit';
import { ProductIdParamsDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ProductPageDto } from './product-page.dto';
import { ProductPageService } from './product-page.service';
import { CsrfHeader } from '@bff/bff-session';

@ApiTags('pages')
@CsrfHeader()
@Controller('api/pages')
export class ProductPageController {
  constructor(private readonly page: ProductPageService) {}

  @Get('product/:id')
  @ApiOperation({
    summary:
      'Everything the product page shows: product, rating, first reviews, stock and related products (all but the product may be degraded).',
  })
  @DegradableAggregate(ProductPageDto, 'page')
  get(
    @Param() { id }: ProductIdParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<ProductPageDto> {
    return this.page.get(id);
  }
}
