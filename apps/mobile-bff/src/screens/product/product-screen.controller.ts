import { Controller, Get, Param, Query, Version } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/bff-kit';
import { ProductIdParamsDto } from '@bff/core-contracts';
import { ScreenQueryDto } from '../screen-query.dto';
import { ProductScreenDto, ProductScreenV2Dto } from './product-screen.dto';
import { ProductScreenService } from './product-screen.service';

@ApiTags('screens')
@Controller('screens/product')
export class ProductScreenController {
  constructor(private readonly screen: ProductScreenService) {}

  @Get(':id')
  @Version('1')
  @ApiOperation({
    deprecated: true,
    summary: 'The product screen (v1: price as a number beside `currency`; use v2).',
  })
  @DegradableAggregate(ProductScreenDto, 'screen')
  v1(
    @Param() { id }: ProductIdParamsDto,
    @Query() { dpr }: ScreenQueryDto,
  ): Promise<ProductScreenDto> {
    return this.screen.v1(id, dpr);
  }

  @Get(':id')
  @Version('2')
  @ApiOperation({
    summary:
      'The product screen: price, one image for the `dpr`, rating, stock, three reviews and related products.',
  })
  @DegradableAggregate(ProductScreenV2Dto, 'screen')
  v2(
    @Param() { id }: ProductIdParamsDto,
    @Query() { dpr }: ScreenQueryDto,
  ): Promise<ProductScreenV2Dto> {
    return this.screen.v2(id, dpr);
  }
}
