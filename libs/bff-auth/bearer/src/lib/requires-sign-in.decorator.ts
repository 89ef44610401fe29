import { applyDecorators, createParamDecorator, ExecutionContext, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';
import { AuthenticatedRequest, BearerAuthGuard } from './bearer-auth.guard';

/** The OpenAPI security scheme of the provider's access token (`bearerSecurity` declares it). */
export const BEARER_SCHEME = 'provider-access-token';

/**
 * A personal route: needs the provider's access token (401 problem otherwise; 403 when a first
 * sign-in's token has no e-mail; 503 when the provider's keys cannot be had), documented as such.
 */
export const RequiresSignIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseGuards(BearerAuthGuard),
    ApiBearerAuth(BEARER_SCHEME),
    ApiProblems(401, 403, 503),
  );

/** The signed-in customer's core-api id, found by `@RequiresSignIn()` from the token's subject. */
export const CurrentCustomer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number => {
    const customerId = context.switchToHttp().getRequest<AuthenticatedRequest>().customerId;
    if (customerId === undefined)
      throw new Error('@CurrentCustomer() used on a route without @RequiresSignIn()');
    return customerId;
  },
);
