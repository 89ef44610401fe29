import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { OrdersModule } from '../orders/orders.module';
import { CartPageController } from './cart/cart-page.controller';
import { CategoryPageController } from './category/category-page.controller';
import { CategoryPageService } from './category/category-page.service';
import { HomePageController } from './home/home-page.controller';
import { HomePageService } from './home/home-page.service';
import { OrderPagesController } from './orders/order-pages.controller';
import { ProductPageController } from './product/product-page.controller';
import { ProductPageService } from './product/product-page.service';

/** One answer per storefront page: `/api/pages/*`. */
@Module({
  imports: [CartModule, OrdersModule],
  controllers: [
    HomePageController,
    CategoryPageController,
    ProductPageController,
    CartPageController,
    OrderPagesController,
  ],
  providers: [HomePageService, CategoryPageService, ProductPageService],
})
export class PagesModule {}
