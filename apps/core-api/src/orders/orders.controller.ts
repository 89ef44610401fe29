import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateOrderDto,
  OrderDto,
  OrderIdParamsDto,
  OrderPageDto,
  OrdersQueryDto,
} from '@bff/core-contracts';
import { ApiIdempotencyKey, EmptyQueryDto, IdempotencyKey } from '@bff/platform-validation';
import { ApiProblem, ApiProblems } from '@bff/platform-problem';
import type { FastifyReply } from 'fastify';
import { CurrentCustomer } from '../auth/identity.decorators';
import { OrderConflictProblemDto } from './order-problems.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth('service-token')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Place an order from the open cart. Stock is checked and taken in one transaction; totals are computed here.',
    description:
      'Needs an `Idempotency-Key`. The same key with the same body replays the first answer (header `Idempotent-Replayed: true`); ' +
      'with a different body it is a 422; while the first request is still running it is a 409.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: OrderDto,
    headers: {
      'Idempotent-Replayed': {
        description:
          '`true` when this is the stored answer to an earlier request with the same key and body; absent on the first.',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  @ApiProblem(409, { schema: OrderConflictProblemDto })
  @ApiProblems(400, 401, 403, 422)
  async place(
    @CurrentCustomer() customerId: number,
    @IdempotencyKey() key: string,
    @Body() body: CreateOrderDto,
    @Query() _query: EmptyQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDto> {
    const result = await this.orders.place(customerId, key, body.shipping ?? 'standard');
    reply.status(result.status);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: 'The customer’s orders, newest first (cursor pagination).' })
  @ApiOkResponse({ type: OrderPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentCustomer() customerId: number,
    @Query() query: OrdersQueryDto,
  ): Promise<OrderPageDto> {
    return this.orders.list(customerId, query.limit ?? 20, query.cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the customer’s orders; another customer’s order is a 404.' })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentCustomer() customerId: number,
    @Param() { id }: OrderIdParamsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<OrderDto> {
    return this.orders.get(customerId, id);
  }
}
