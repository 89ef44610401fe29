import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { CartDto, ProductSummaryDto } from '@bff/core-contracts';
import { LOW_STOCK, toPrice } from '../pages/product/product-page.shaper';
import { CartViewDto } from './cart-view.dto';

const THUMBNAIL_WIDTH = 160;

/** Shapes core-api's cart (live prices and stock) into what the cart page shows. */
@Injectable()
export class CartViewService {
  private readonly logger = new Logger(CartViewService.name);

  constructor(private readonly core: CoreApiClient) {}

  async view(customerId: number): Promise<CartViewDto> {
    return this.shape(await this.core.getCart(customerId));
  }

  async setQuantity(customerId: number, productId: number, quantity: number): Promise<CartViewDto> {
    return this.shape(await this.core.setCartItem(customerId, productId, quantity));
  }

  async remove(customerId: number, productId: number): Promise<CartViewDto> {
    return this.shape(await this.core.removeCartItem(customerId, productId));
  }

  /** Thumbnails come from one batch read of the products; without it the cart still shows. */
  private async shape(cart: CartDto): Promise<CartViewDto> {
    let products: Map<number, ProductSummaryDto> | undefined = new Map();
    if (cart.items.length) {
      try {
        const { items } = await this.core.getProducts(cart.items.map((line) => line.productId));
        products = new Map(items.map((p) => [p.id, p]));
      } catch (error) {
        this.logger.warn(`cart: images left out (${(error as Error).message})`);
        products = undefined;
      }
    }
    const lines = cart.items.map((line) => {
      const image = products
        ?.get(line.productId)
        ?.images.find((i) => i.width >= THUMBNAIL_WIDTH)?.url;
      return {
        productId: line.productId,
        name: line.name,
        href: `/product/${line.productId}`,
        ...(image ? { image } : {}),
        unitPrice: toPrice(line.unitPrice),
        quantity: line.quantity,
        lineTotal: toPrice(line.lineTotal),
        available: line.available,
        stockLabel: stockLabel(line.available),
        enoughStock: line.available >= line.quantity,
      };
    });
    return {
      lines,
      itemCount: cart.itemCount,
      subtotal: toPrice(cart.subtotal),
      canCheckout: lines.length > 0 && lines.every((line) => line.enoughStock),
      degraded: products ? [] : ['images'],
    };
  }
}

function stockLabel(available: number): string {
  if (available === 0) return 'Sold out';
  return available <= LOW_STOCK ? `Only ${available} left` : 'In stock';
}
