import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CartsController } from './carts.controller';
import { CartsService } from './carts.service';

@Module({
  imports: [CatalogModule],
  controllers: [CartsController],
  providers: [CartsService],
})
export class CartsModule {}
