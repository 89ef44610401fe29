import { Module } from '@nestjs/common';
import { CartViewService } from './cart-view.service';
import { CartController } from './cart.controller';

@Module({
  controllers: [CartController],
  providers: [CartViewService],
  exports: [CartViewService],
})
export class CartModule {}
