import { Module } from '@nestjs/common';
import { CartController } from './cart/cart-items.controller';
import { CartPageController } from './cart/cart-page.controller';
import { CartPageService } from './cart/cart-page.service';
import { CategoryPageController } from './category/category-page.controller';
import { CategoryPageService } from './category/category-page.service';
import { CheckoutController } from './checkout/checkout-page.controller';
import { CheckoutPageService } from './checkout/checkout-page.service';
import { HomePageController } from './home/home-page.controller';
import { HomePageService } from './home/home-page.service';
import { OrderPagesController } from './orders/orders-page.controller';
import { OrdersPageService } from './orders/orders-page.service';
import { ProductPageController } from './product/product-page.controller';
import { ProductPageService } from './product/product-page.service';

/**
 * Every storefront page, one folder each: its answer (`/api/pages/*`) and the actions taken on
 * it (checkout). The OpenAPI document lists routes in the order modules and controllers are
 * registered, so this order is the order of openapi/web-bff.json.
 */
@Module({
  controllers: [
    HomePageController,
    CategoryPageController,
    ProductPageController,
    CartPageController,
    OrderPagesController,
    CheckoutController,
  ],
  providers: [
    HomePageService,
    CategoryPageService,
    ProductPageService,
    CartPageService,
    OrdersPageService,
    CheckoutPageService,
  ],
  exports: [CartPageService],
})
export class PagesModule {}

/**
 * The cart page's line changes (`/api/cart/items/*`, in pages/cart), with the cart page's service.
 * A module of their own only so that AppModule can register them after MediaModule, where
 * openapi/web-bff.json has always listed them.
 */
@Module({ imports: [PagesModule], controllers: [CartController] })
export class CartItemsModule {}
