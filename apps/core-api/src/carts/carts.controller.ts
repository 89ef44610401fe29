import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CartDto, CartIdParamsDto, CartItemParamsDto, SetCartItemDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CurrentCustomer } from '../auth/identity.decorators';
import { CartsService } from './carts.service';

/** The signed-in customer's cart. Every route needs a service token naming a customer. */
@ApiTags('carts')
@ApiBearerAuth('service-token')
@Controller('carts')
export class CartsController {
  constructor(private readonly carts: CartsService) {}

  @Get('me')
  @ApiOperation({
    summary: 'The customer’s open cart, priced now (empty, with id null, before the first item).',
  })
  @ApiOkResponse({ type: CartDto })
  @ApiProblems(400, 401, 403)
  mine(@CurrentCustomer() customerId: number, @Query() _query: EmptyQueryDto): Promise<CartDto> {
    return this.carts.openCart(customerId);
  }

  @Put('me/items/:productId')
  @ApiOperation({
    summary:
      'Set the quantity of one product in the open cart (creates the cart and the line as needed).',
  })
  @ApiOkResponse({ type: CartDto })
  @ApiProblems(400, 401, 403, 404)
  setItem(
    @CurrentCustomer() customerId: number,
    @Param() { productId }: CartItemParamsDto,
    @Body() body: SetCartItemDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<CartDto> {
    return this.carts.setItem(customerId, productId, body.quantity);
  }

  @Delete('me/items/:productId')
  @ApiOperation({ summary: 'Remove a product from the open cart (no error if it is not there).' })
  @ApiOkResponse({ type: CartDto })
  @ApiProblems(400, 401, 403)
  removeItem(
    @CurrentCustomer() customerId: number,
    @Param() { productId }: CartItemParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<CartDto> {
    return this.carts.removeItem(customerId, productId);
  }

  @Get(':cartId')
  @ApiOperation({ summary: 'One of the customer’s carts by id; another customer’s cart is a 404.' })
  @ApiOkResponse({ type: CartDto })
  @ApiProblems(400, 401, 403, 404)
  byId(
    @CurrentCustomer() customerId: number,
    @Param() { cartId }: CartIdParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<CartDto> {
    return this.carts.cartById(customerId, cartId);
  }
}
