import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey, EmptyQueryDto, IdempotencyKey } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { OrderViewDto } from '../../shaping/order.dto';
import { RequiresSession, SignedInCustomer, CsrfHeader } from '@bff/bff-session';
import { CheckoutDto } from './checkout-page.dto';
import { CheckoutPageService } from './checkout-page.service';

@ApiTags('checkout')
@CsrfHeader()
@Controller('api/checkout')
@RequiresSession()
export class CheckoutController {
  constructor(private readonly checkout: CheckoutPageService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Order what is in the cart. The same Idempotency-Key always answers the same order: a double click never orders twice.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: OrderViewDto, description: 'The order (the same one on a repeat).' })
  @ApiProblems(400, 401, 403, 409, 415, 422, 502, 503, 504)
  place(
    @Body() body: CheckoutDto,
    @IdempotencyKey() key: string,
    @Query() _query: EmptyQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<OrderViewDto> {
    return this.checkout.checkout(customerId, key, body);
  }
}
