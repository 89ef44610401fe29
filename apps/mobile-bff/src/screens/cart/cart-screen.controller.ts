import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CartItemParamsDto, SetCartItemDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CurrentCustomer, RequiresSignIn } from '@bff/bff-bearer';
import { CartScreenDto } from './cart-screen.dto';
import { CartScreenService } from './cart-screen.service';

@ApiTags('screens')
@RequiresSignIn()
@Controller({ path: 'screens/cart', version: ['1', '2'] })
export class CartScreenController {
  constructor(private readonly cart: CartScreenService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in customer’s cart.' })
  @ApiOkResponse({ type: CartScreenDto })
  @ApiProblems(400, 502, 503, 504)
  get(
    @CurrentCustomer() customerId: number,
    @Query() _query: EmptyQueryDto,
  ): Promise<CartScreenDto> {
    return this.cart.get(customerId);
  }

  @Put('items/:productId')
  @ApiOperation({
    summary: 'Set a product’s quantity in the cart; answers the updated cart screen.',
  })
  @ApiOkResponse({ type: CartScreenDto })
  @ApiProblems(400, 404, 502, 503, 504)
  setItem(
    @CurrentCustomer() customerId: number,
    @Param() { productId }: CartItemParamsDto,
    @Body() { quantity }: SetCartItemDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<CartScreenDto> {
    return this.cart.setItem(customerId, productId, quantity);
  }

  @Delete('items/:productId')
  @ApiOperation({ summary: 'Remove a product from the cart; answers the updated cart screen.' })
  @ApiOkResponse({ type: CartScreenDto })
  @ApiProblems(400, 404, 502, 503, 504)
  removeItem(
    @CurrentCustomer() customerId: number,
    @Param() { productId }: CartItemParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<CartScreenDto> {
    return this.cart.removeItem(customerId, productId);
  }
}
