import { Module } from '@nestjs/common';
import { ProductScreenController } from './product/product-screen.controller';
import { ProductScreenService } from './product/product-screen.service';

@Module({
  controllers: [ProductScreenController],
  providers: [ProductScreenService],
})
export class ScreensModule {}
