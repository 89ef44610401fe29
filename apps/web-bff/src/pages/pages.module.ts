import { Module } from '@nestjs/common';
import { ProductPageController } from './product/product-page.controller';
import { ProductPageService } from './product/product-page.service';

@Module({
  controllers: [ProductPageController],
  providers: [ProductPageService],
})
export class PagesModule {}
