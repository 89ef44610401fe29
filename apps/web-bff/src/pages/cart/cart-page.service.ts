import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { CartDto, MAX_LINE_QUANTITY, ProductSummaryDto } from '@bff/core-contracts';
import { ProblemException } from '@bff/platform-problem';
import { CartViewDto } from './cart-page.dto';
import { toCartView } from './cart-page.shaper';

/** 409 for an add that would take a line past the most one line may hold. */
export class CartLineFullProblem extends ProblemException {
  constructor(holds: number) {
    super(
      HttpStatus.CONFLICT,
      'cart_line_full',
      `Your cart can hold at most ${MAX_LINE_QUANTITY} of one product; it holds ${holds} of this one.`,
      { holds, max: MAX_LINE_QUANTITY },
    );
  }
}

/** The cart page and its line changes: core-api's cart, read or changed, shaped for the page. */
@Injectable()
export class CartPageService {
  private readonly logger = new Logger(CartPageService.name);

  constructor(private readonly core: CoreApiClient) {}

  async view(customerId: number): Promise<CartViewDto> {
    return this.shape(await this.core.getCart(customerId));
  }

  async setQuantity(customerId: number, productId: number, quantity: number): Promise<CartViewDto> {
    return this.shape(await this.core.setCartItem(customerId, productId, quantity));
  }

  /**
   * Adds `quantity` to what the cart holds of the product (core-api sets quantities: this reads
   * the line first). Two adds at the same instant from two tabs may count once; the answer shows
   * what the cart holds either way.
   */
  async add(customerId: number, productId: number, quantity: number): Promise<CartViewDto> {
    const cart = await this.core.getCart(customerId);
    const holds = cart.items.find((line) => line.productId === productId)?.quantity ?? 0;
    if (holds + quantity > MAX_LINE_QUANTITY) throw new CartLineFullProblem(holds);
    return this.setQuantity(customerId, productId, holds + quantity);
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
    return toCartView(cart, products);
  }
}
