import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ProductDto,
  ProductIdParamsDto,
  ProductListDto,
  ProductListQueryDto,
  RelatedProductsDto,
  RelatedProductsQueryDto,
} from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { ProductListService } from './product-list.service';
import { ProductsService } from './products.service';

@ApiTags('catalog')
@ApiBearerAuth('service-token')
@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly productList: ProductListService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'List products: filter (category, brand, price range, text), sort, cursor pagination; or batch get with `ids`.',
  })
  @ApiOkResponse({ type: ProductListDto })
  @ApiProblems(400, 401, 404)
  list(@Query() query: ProductListQueryDto): Promise<ProductListDto> {
    return this.productList.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one product with its category, images and attributes.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(400, 401, 404)
  get(@Param() { id }: ProductIdParamsDto, @Query() _query: EmptyQueryDto): Promise<ProductDto> {
    return this.products.get(id);
  }

  @Get(':id/related')
  @ApiOperation({ summary: 'Products related to this one (same category, nearest first).' })
  @ApiOkResponse({ type: RelatedProductsDto })
  @ApiProblems(400, 401, 404)
  related(
    @Param() { id }: ProductIdParamsDto,
    @Query() query: RelatedProductsQueryDto,
  ): Promise<RelatedProductsDto> {
    return this.products.related(id, query.limit ?? 8);
  }
}
