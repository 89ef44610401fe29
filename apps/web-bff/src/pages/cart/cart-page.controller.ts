import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/bff-kit';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CartViewDto } from './cart-page.dto';
import { CartPageService } from './cart-page.service';
import { RequiresSession, SignedInCustomer, CsrfHeader } from '@bff/bff-session';

@ApiTags('pages')
@CsrfHeader()
@Controller('api/pages')
export class CartPageController {
  constructor(private readonly cart: CartPageService) {}

  @Get('cart')
  @RequiresSession()
  @ApiOperation({ summary: 'The cart page: every line with its live price and stock.' })
  @DegradableAggregate(CartViewDto, 'cart page')
  @ApiProblems(403)
  get(
    @Query() _query: EmptyQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<CartViewDto> {
    return this.cart.view(customerId);
  }
}
