import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrderIdParamsDto, OrdersQueryDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { OrderDetailPageDto, OrderHistoryPageDto } from './orders-page.dto';
import { OrdersPageService } from './orders-page.service';
import { RequiresSession, SignedInCustomer, CsrfHeader } from '@bff/bff-session';

@ApiTags('pages')
@CsrfHeader()
@Controller('api/pages/orders')
@RequiresSession()
export class OrderPagesController {
  constructor(private readonly orders: OrdersPageService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in customer's orders, newest first, in cursor pages." })
  @ApiOkResponse({ type: OrderHistoryPageDto })
  @ApiProblems(400, 401, 403, 502, 503, 504)
  history(
    @Query() query: OrdersQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<OrderHistoryPageDto> {
    return this.orders.history(customerId, { limit: query.limit, cursor: query.cursor });
  }

  @Get(':id')
  @ApiOperation({
    summary: "One of the signed-in customer's orders (404 for anyone else's, as for none).",
  })
  @ApiOkResponse({ type: OrderDetailPageDto })
  @ApiProblems(400, 401, 403, 404, 502, 503, 504)
  detail(
    @Param() { id }: OrderIdParamsDto,
    @Query() _query: EmptyQueryDto,
    @SignedInCustomer() customerId: number,
  ): Promise<OrderDetailPageDto> {
    return this.orders.detail(customerId, id);
  }
}
