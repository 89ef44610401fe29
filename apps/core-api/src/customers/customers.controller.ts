import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CustomerDto, LinkCustomerDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CurrentCustomer } from '../auth/identity.decorators';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@ApiBearerAuth('service-token')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post('link')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The customer who signed in at the identity provider: found by subject, else linked by a verified e-mail address, else created. A BFF calls it once per sign-in, with any service token.',
  })
  @ApiOkResponse({ type: CustomerDto })
  @ApiProblems(400, 401, 409)
  link(@Body() body: LinkCustomerDto, @Query() _query: EmptyQueryDto): Promise<CustomerDto> {
    return this.customers.link(body);
  }

  @Get('me')
  @ApiOperation({ summary: 'The customer named in the service token.' })
  @ApiOkResponse({ type: CustomerDto })
  @ApiProblems(400, 401, 403, 404)
  me(@CurrentCustomer() customerId: number, @Query() _query: EmptyQueryDto): Promise<CustomerDto> {
    return this.customers.get(customerId);
  }
}
