import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey, EmptyQueryDto, IdempotencyKey } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CurrentCustomer, RequiresSignIn } from '@bff/bff-bearer';
import { CreateOrderDto, OrderScreenDto } from './checkout-screen.dto';
import { CheckoutScreenService } from './checkout-screen.service';

@ApiTags('screens')
@RequiresSignIn()
@Controller({ path: 'screens/checkout', version: ['1', '2'] })
export class CheckoutScreenController {
  constructor(private readonly screen: CheckoutScreenService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Place an order from the cart; answers the order confirmation screen. Idempotent per Idempotency-Key.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: OrderScreenDto })
  @ApiProblems(400, 404, 409, 422, 502, 503, 504)
  checkout(
    @CurrentCustomer() customerId: number,
    @IdempotencyKey() key: string,
    @Body() body: CreateOrderDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<OrderScreenDto> {
    return this.screen.checkout(customerId, key, body);
  }
}
