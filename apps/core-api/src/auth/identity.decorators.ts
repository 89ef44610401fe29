import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { AuthenticatedRequest } from './service-auth.guard';

export class CustomerRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.FORBIDDEN,
      'customer_required',
      'This needs a signed-in customer; the service token names an anonymous visitor.',
    );
  }
}

/** The signed-in customer's id; 403 when the token names an anonymous visitor. */
export const CurrentCustomer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number => {
    const identity = context.switchToHttp().getRequest<AuthenticatedRequest>().serviceIdentity;
    if (!identity)
      throw new Error('@CurrentCustomer() used on a route without the service-token guard');
    if (identity.customerId === null) throw new CustomerRequiredProblem();
    return identity.customerId;
  },
);
