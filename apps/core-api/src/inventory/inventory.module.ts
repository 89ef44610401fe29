import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryController } from './inventory.controller';
import { InventoryService } from './inventory.service';

@Module({
  imports: [CatalogModule],
  controllers: [InventoryController],
  providers: [InventoryService],
})
export class InventoryModule {}
