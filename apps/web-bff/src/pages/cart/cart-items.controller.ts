import { Body, Controller, Delete, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/bff-kit';
import { CartItemParamsDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblem, ApiProblems } from '@bff/platform-problem';
import { CartLineFullProblemDto } from './cart-problems.dto';
import { RequiresSession, SignedInCustomer, CsrfHeader } from '@bff/bff-session';
import { CartQuantityDto, CartViewDto } from './cart-page.dto';
import { CartPageService } from './cart-page.service';

@ApiTags('cart')
@CsrfHeader()
@Controller('api/cart/items')
@RequiresSession()
export class CartController {
  constructor(private readonly cart: CartPageService) {}

  @Put(':productId')
  @ApiOperation({
    summary: 'Put a product in the cart with this quantity (replaces it); answers the new cart.',
  })
  @DegradableAggregate(CartViewDto, 'cart')
  @ApiProblems(403, 415)
  set(
    @Param() { productId }: CartItemParamsDto,
    @Body() { quantity }: CartQuantityDto,
    @Query() _query: EmptyQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<CartViewDto> {
    return this.cart.setQuantity(customerId, productId, quantity);
  }

  @Post(':productId')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Add this many of a product to the cart, on top of what it holds (409 `cart_line_full` past the most a line may hold); answers the new cart.',
  })
  @DegradableAggregate(CartViewDto, 'cart')
  @ApiProblem(409, { schema: CartLineFullProblemDto })
  @ApiProblems(403, 415)
  add(
    @Param() { productId }: CartItemParamsDto,
    @Body() { quantity }: CartQuantityDto,
    @Query() _query: EmptyQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<CartViewDto> {
    return this.cart.add(customerId, productId, quantity);
  }

  @Delete(':productId')
  @ApiOperation({ summary: 'Take a product out of the cart; answers the new cart.' })
  @DegradableAggregate(CartViewDto, 'cart')
  @ApiProblems(403)
  remove(
    @Param() { productId }: CartItemParamsDto,
    @Query() _query: EmptyQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<CartViewDto> {
    return this.cart.remove(customerId, productId);
  }
}
