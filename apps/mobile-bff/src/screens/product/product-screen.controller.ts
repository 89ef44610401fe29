import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/core-client';
import { EmptyQueryDto, ProductIdParamsDto } from '@bff/core-contracts';
import { ProductScreenDto } from './product-screen.dto';
import { ProductScreenService } from './product-screen.service';

@ApiTags('screens')
@Controller({ path: 'screens', version: '1' })
export class ProductScreenController {
  constructor(private readonly screen: ProductScreenService) {}

  @Get('product/:id')
  @ApiOperation({
    summary:
      'The product screen: price, one image, rating, stock, three reviews and related products.',
  })
  @DegradableAggregate(ProductScreenDto, 'screen')
  get(
    @Param() { id }: ProductIdParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<ProductScreenDto> {
    return this.screen.get(id);
  }
}
