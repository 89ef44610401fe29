import { applyDecorators, createParamDecorator, ExecutionContext, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';
import { AuthenticatedRequest, BearerAuthGuard } from './bearer-auth.guard';

export const BEARER_SCHEME = 'app-token';

/** A personal screen: needs an access token (401 problem otherwise), documented as such. */
export const RequiresSignIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(BearerAuthGuard), ApiBearerAuth(BEARER_SCHEME), ApiProblems(401));

/** The signed-in customer's id, from the access token checked by `@RequiresSignIn()`. */
export const CurrentCustomer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number => {
    const claims = context.switchToHttp().getRequest<AuthenticatedRequest>().accessClaims;
    if (!claims) throw new Error('@CurrentCustomer() used on a route without @RequiresSignIn()');
    return claims.customerId;
  },
);
