import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradedHeaderInterceptor } from '@bff/core-client';
import { EmptyQueryDto, ProductIdParamsDto } from '@bff/core-contracts';
import { ApiProblems } from '@bff/platform-problem';
import { ProductPageDto } from './product-page.dto';
import { ProductPageService } from './product-page.service';

@ApiTags('pages')
@Controller('api/pages')
export class ProductPageController {
  constructor(private readonly page: ProductPageService) {}

  @Get('product/:id')
  @ApiOperation({
    summary:
      'Everything the product page shows: product, rating, first reviews, stock and related products (all but the product may be degraded).',
  })
  @ApiOkResponse({
    type: ProductPageDto,
    description: 'The page; parts core-api could not supply are left out and listed in `degraded`.',
    headers: {
      'X-Degraded': {
        description: 'The `degraded` list, comma-separated; sent only when it is not empty.',
        schema: { type: 'string', example: 'reviews,related' },
      },
    },
  })
  @UseInterceptors(DegradedHeaderInterceptor)
  @ApiProblems(400, 404, 502, 503, 504)
  get(
    @Param() { id }: ProductIdParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<ProductPageDto> {
    return this.page.get(id);
  }
}
