import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_ROUTE, ServiceIdentity, ServiceTokenError, ServiceTokenVerifier } from '@bff/platform-auth';
import { ProblemException } from '@bff/platform-problem';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SERVICE_TOKEN_VERIFIER = Symbol('SERVICE_TOKEN_VERIFIER');

export type AuthenticatedRequest = FastifyRequest & { serviceIdentity?: ServiceIdentity };

export class ServiceTokenRequiredProblem extends ProblemException {
  constructor() {
    super(HttpStatus.UNAUTHORIZED, 'service_token_required', 'A valid service token is required (Authorization: Bearer <token>).');
  }
}

/**
 * Every core-api route needs a service token from a known BFF unless it is marked
 * `@PublicRoute()` (health). The reason a token was refused is logged, never answered.
 */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  private readonly logger = new Logger('ServiceAuth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_TOKEN_VERIFIER) private readonly verifier: ServiceTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    try {
      if (!token) throw new ServiceTokenError('missing');
      request.serviceIdentity = await this.verifier.verify(token);
      return true;
    } catch (error) {
      const reason = error instanceof ServiceTokenError ? error.reason : 'unexpected';
      this.logger.warn({ requestId: request.id, reason }, 'Service token refused');
      http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="core-api"');
      throw new ServiceTokenRequiredProblem();
    }
  }
}
