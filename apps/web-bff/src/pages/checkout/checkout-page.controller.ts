import { Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmptyQueryDto } from '@bff/core-contracts';
import { ApiProblems, ValidationProblem } from '@bff/platform-problem';
import { OrderViewDto } from '../../shaping/order.dto';
import { RequiresSession, SignedInCustomer } from '../../session/session.guard';
import { CheckoutDto, IDEMPOTENCY_KEY } from './checkout-page.dto';
import { CheckoutPageService } from './checkout-page.service';
import { CsrfHeader } from '../../csrf/csrf.guard';

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
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      'One per checkout attempt (e.g. a UUID made when the page opens); 1–255 visible ASCII characters.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  })
  @ApiCreatedResponse({ type: OrderViewDto, description: 'The order (the same one on a repeat).' })
  @ApiProblems(400, 401, 403, 409, 415, 422, 502, 503, 504)
  place(
    @Body() body: CheckoutDto,
    @Headers('idempotency-key') key: string | undefined,
    @Query() _query: EmptyQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<OrderViewDto> {
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      throw new ValidationProblem([
        {
          field: 'Idempotency-Key',
          in: 'header',
          messages: ['Idempotency-Key must be 1–255 visible ASCII characters'],
        },
      ]);
    }
    return this.checkout.checkout(customerId, key, body);
  }
}
