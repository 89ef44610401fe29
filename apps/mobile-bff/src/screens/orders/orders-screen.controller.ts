import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrderIdParamsDto, OrdersQueryDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CurrentCustomer, RequiresSignIn } from '@bff/bff-bearer';
import { OrderScreenDto } from '../../shaping/order.dto';
import { OrdersScreenDto } from './orders-screen.dto';
import { OrdersScreenService } from './orders-screen.service';

@ApiTags('screens')
@RequiresSignIn()
@Controller({ path: 'screens/orders', version: ['1', '2'] })
export class OrdersScreenController {
  constructor(private readonly orders: OrdersScreenService) {}

  @Get()
  @ApiOperation({
    summary: 'The signed-in customer’s orders, newest first, a cursor page at a time.',
  })
  @ApiOkResponse({ type: OrdersScreenDto })
  @ApiProblems(400, 502, 503, 504)
  list(
    @CurrentCustomer() customerId: number,
    @Query() query: OrdersQueryDto,
  ): Promise<OrdersScreenDto> {
    return this.orders.list(customerId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the signed-in customer’s orders.' })
  @ApiOkResponse({ type: OrderScreenDto })
  @ApiProblems(400, 404, 502, 503, 504)
  get(
    @CurrentCustomer() customerId: number,
    @Param() { id }: OrderIdParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<OrderScreenDto> {
    return this.orders.get(customerId, id);
  }
}
