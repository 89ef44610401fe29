import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EmptyQueryDto,
  ProductDto,
  ProductIdParamsDto,
  RelatedProductsDto,
  RelatedProductsQueryDto,
} from '@bff/core-contracts';
import { ApiProblems } from '@bff/platform-problem';
import { ProductsService } from './products.service';

@ApiTags('catalog')
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get one product with its category, images and attributes.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(400, 404)
  get(@Param() { id }: ProductIdParamsDto, @Query() _query: EmptyQueryDto): Promise<ProductDto> {
    return this.products.get(id);
  }

  @Get(':id/related')
  @ApiOperation({ summary: 'Products related to this one (same category, nearest first).' })
  @ApiOkResponse({ type: RelatedProductsDto })
  @ApiProblems(400, 404)
  related(@Param() { id }: ProductIdParamsDto, @Query() query: RelatedProductsQueryDto): Promise<RelatedProductsDto> {
    return this.products.related(id, query.limit ?? 8);
  }
}
