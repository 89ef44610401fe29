import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  IS_PUBLIC_ROUTE,
  ServiceIdentity,
  ServiceTokenError,
  ServiceTokenVerifier,
} from '@bff/platform-auth';
import { ProblemException } from '@bff/platform-problem';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { claimedCaller, TokenRefusals } from './token-refusals';

export const SERVICE_TOKEN_VERIFIER = Symbol('SERVICE_TOKEN_VERIFIER');

export type AuthenticatedRequest = FastifyRequest & { serviceIdentity?: ServiceIdentity };

export class ServiceTokenRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNAUTHORIZED,
      'service_token_required',
      'A valid service token is required (Authorization: Bearer <token>).',
    );
  }
}

/**
 * Every core-api route needs a service token from a known BFF unless it is marked
 * `@PublicRoute()` (health). A refused token is a 401 whose `WWW-Authenticate` names the reason
 * in RFC 6750's `error_description` (`unknown caller`, `expired`…), so the calling service can
 * log what to fix; the body says only that a valid token is required. core-api's own log names
 * the reason and the fix once per caller and reason (`TokenRefusals`).
 */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  private readonly refusals = new TokenRefusals();

  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_TOKEN_VERIFIER) private readonly verifier: ServiceTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token =
      typeof header === 'string' && header.startsWith('Bearer ')
        ? header.slice(7).trim()
        : undefined;
    try {
      if (!token) throw new ServiceTokenError('missing');
      request.serviceIdentity = await this.verifier.verify(token);
      this.refusals.accepted(request.serviceIdentity.caller);
      return true;
    } catch (error) {
      const reason = error instanceof ServiceTokenError ? error.reason : 'unexpected';
      this.refusals.refused(claimedCaller(token), reason, request.id);
      // RFC 6750: no error code when no token was sent at all.
      const challenge = token
        ? `Bearer realm="core-api", error="invalid_token", error_description="${reason}"`
        : 'Bearer realm="core-api"';
      http.getResponse<FastifyReply>().header('www-authenticate', challenge);
      throw new ServiceTokenRequiredProblem();
    }
  }
}
