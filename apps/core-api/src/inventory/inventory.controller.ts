import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  InventoryBatchQueryDto,
  InventoryDto,
  InventoryListDto,
  InventoryParamsDto,
} from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@ApiBearerAuth('service-token')
@Controller('inventory')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get()
  @ApiOperation({ summary: 'Stock of many products at once (`?productIds=1,2,3`).' })
  @ApiOkResponse({ type: InventoryListDto })
  @ApiProblems(400, 401)
  forProducts(@Query() query: InventoryBatchQueryDto): Promise<InventoryListDto> {
    return this.inventory.forProducts(query.productIds);
  }

  @Get(':productId')
  @ApiOperation({ summary: 'Stock of one product in every warehouse.' })
  @ApiOkResponse({ type: InventoryDto })
  @ApiProblems(400, 401, 404)
  forProduct(
    @Param() { productId }: InventoryParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<InventoryDto> {
    return this.inventory.forProduct(productId);
  }
}
