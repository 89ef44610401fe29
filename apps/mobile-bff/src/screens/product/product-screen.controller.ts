import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradedHeaderInterceptor } from '@bff/core-client';
import { EmptyQueryDto, ProductIdParamsDto } from '@bff/core-contracts';
import { ApiProblems } from '@bff/platform-problem';
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
  @ApiOkResponse({
    type: ProductScreenDto,
    description:
      'The screen; parts core-api could not supply are left out and listed in `degraded`.',
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
  ): Promise<ProductScreenDto> {
    return this.screen.get(id);
  }
}
