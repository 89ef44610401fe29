import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmptyQueryDto, InventoryDto, InventoryParamsDto } from '@bff/core-contracts';
import { ApiProblems } from '@bff/platform-problem';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@Controller('inventory')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get(':productId')
  @ApiOperation({ summary: 'Stock of one product in every warehouse.' })
  @ApiOkResponse({ type: InventoryDto })
  @ApiProblems(400, 404)
  forProduct(@Param() { productId }: InventoryParamsDto, @Query() _query: EmptyQueryDto): Promise<InventoryDto> {
    return this.inventory.forProduct(productId);
  }
}
