import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessClaims, AccessTokenError, AccessTokens } from './access-tokens';
import { InvalidTokenProblem } from './auth.problems';
import { RefreshTokens } from './refresh-tokens';

export type AuthenticatedRequest = FastifyRequest & { accessClaims?: AccessClaims };

/**
 * For personal screens: a valid access token whose refresh family is not revoked (so sign-out
 * and reuse detection end access at once, not when the token expires). Every failure is the
 * same 401 problem with `WWW-Authenticate`; the reason goes to the log.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly logger = new Logger('BearerAuth');

  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
    try {
      if (!match?.[1]) throw new AccessTokenError('missing');
      const claims = await this.accessTokens.verify(match[1]);
      if (await this.refreshTokens.isRevoked(claims.familyId))
        throw new AccessTokenError('family revoked');
      request.accessClaims = claims;
      return true;
    } catch (error) {
      const reason = error instanceof AccessTokenError ? error.reason : 'unexpected';
      this.logger.warn({ requestId: request.id, reason }, 'Access token refused');
      http
        .getResponse<FastifyReply>()
        .header('www-authenticate', `Bearer realm="mobile-bff", error="invalid_token"`);
      throw new InvalidTokenProblem();
    }
  }
}
