import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenError, AccessTokenVerifier, TokenIdentity } from './access-token-verifier';
import { IdentityProviderUnavailableProblem, InvalidTokenProblem } from './bearer-auth.problems';
import { BEARER_AUTH_OPTIONS, BearerAuthOptions } from './bearer-options';
import { CustomerLinks } from './customer-links';
import { ProviderUnavailableError } from './provider-keys';

export type AuthenticatedRequest = FastifyRequest & { customerId?: number };

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/** The RFC 6750 challenge of every refused token: the realm is the BFF's name. */
export const bearerChallenge = (service: string): string =>
  `Bearer realm="${service}", error="invalid_token"`;

/**
 * For personal routes: the provider's access token, checked as a resource server does
 * (`AccessTokenVerifier`), then its subject mapped to the core-api customer (`CustomerLinks`).
 * Every refused token is the same 401 problem with `WWW-Authenticate`; the reason goes to the
 * log. A provider that cannot be asked for its keys is a 503, not the client's fault.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly logger = new Logger('BearerAuth');

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly customers: CustomerLinks,
    @Inject(BEARER_AUTH_OPTIONS) private readonly options: BearerAuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const identity = await this.identityOf(request, http.getResponse<FastifyReply>());
    request.customerId = await this.customers.customerIdOf(identity);
    return true;
  }

  private async identityOf(request: FastifyRequest, reply: FastifyReply): Promise<TokenIdentity> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    try {
      if (!match?.[1]) throw new AccessTokenError('missing');
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof ProviderUnavailableError) {
        this.logger.error({ requestId: request.id, reason: error.reason }, 'Token not checked');
        throw new IdentityProviderUnavailableProblem();
      }
      const reason = error instanceof AccessTokenError ? error.reason : 'unexpected';
      this.logger.warn({ requestId: request.id, reason }, 'Access token refused');
      reply.header('www-authenticate', bearerChallenge(this.options.service));
      throw new InvalidTokenProblem();
    }
  }
}
