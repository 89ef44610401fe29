import { Module } from '@nestjs/common';
import { CartScreenController } from './cart/cart-screen.controller';
import { CartScreenService } from './cart/cart-screen.service';
import { CategoryScreenController } from './category/category-screen.controller';
import { CategoryScreenService } from './category/category-screen.service';
import { CheckoutScreenController } from './checkout/checkout-screen.controller';
import { CheckoutScreenService } from './checkout/checkout-screen.service';
import { HomeScreenController } from './home/home-screen.controller';
import { HomeScreenService } from './home/home-screen.service';
import { OrdersScreenController } from './orders/orders-screen.controller';
import { OrdersScreenService } from './orders/orders-screen.service';
import { ProductScreenController } from './product/product-screen.controller';
import { ProductScreenService } from './product/product-screen.service';
import { SearchScreenController } from './search/search-screen.controller';
import { SearchScreenService } from './search/search-screen.service';

/** One endpoint per app screen, each answered with one request fanned out to core-api. */
@Module({
  controllers: [
    HomeScreenController,
    CategoryScreenController,
    SearchScreenController,
    ProductScreenController,
    CartScreenController,
    CheckoutScreenController,
    OrdersScreenController,
  ],
  providers: [
    HomeScreenService,
    CategoryScreenService,
    SearchScreenService,
    ProductScreenService,
    CartScreenService,
    CheckoutScreenService,
    OrdersScreenService,
  ],
})
export class ScreensModule {}
