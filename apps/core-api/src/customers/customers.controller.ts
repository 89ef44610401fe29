import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CustomerDto, VerifiedCustomerDto, VerifyCredentialsDto } from '@bff/core-contracts';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { CurrentCustomer } from '../auth/identity.decorators';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@ApiBearerAuth('service-token')
@Controller()
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post('auth/verify')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check a customer’s credentials for a BFF login. Unknown e-mail and wrong password get the same 401.',
  })
  @ApiOkResponse({ type: VerifiedCustomerDto })
  @ApiProblems(400, 401)
  async verify(
    @Body() body: VerifyCredentialsDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<VerifiedCustomerDto> {
    return { customer: await this.customers.verifyCredentials(body.email, body.password) };
  }

  @Get('customers/me')
  @ApiOperation({ summary: 'The customer named in the service token.' })
  @ApiOkResponse({ type: CustomerDto })
  @ApiProblems(400, 401, 403, 404)
  me(@CurrentCustomer() customerId: number, @Query() _query: EmptyQueryDto): Promise<CustomerDto> {
    return this.customers.get(customerId);
  }
}
