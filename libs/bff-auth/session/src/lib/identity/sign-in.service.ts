import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IDToken } from 'openid-client';
import { OidcClient, ProviderTokens } from '../oidc/oidc-client';
import {
  IdentityProviderUnavailableProblem,
  isProviderOutage,
  SignInFailedProblem,
} from '../oidc/oidc.problems';
import { SessionCookie } from '../session/session-cookie';
import { SessionStore } from '../session/session.store';
import { LoginTransactions } from './login-transaction';
import { returnToPath } from './return-to';

/** A lifetime when the provider does not say one (seconds). */
const DEFAULT_LIFETIME_S = 300;

/**
 * Sign-in at the provider, as its confidential client: authorization code with PKCE (S256),
 * `state` and `nonce`, the transaction kept server side. At the callback openid-client checks
 * the answer; only then is the customer linked at core-api, any old session ended and a NEW
 * session opened (a fresh id: an id planted before sign-in is worth nothing after it).
 */
@Injectable()
export class SignInService {
  private readonly log = new Logger('SignIn');

  constructor(
    private readonly oidc: OidcClient,
    private readonly transactions: LoginTransactions,
    private readonly core: CoreApiClient,
    private readonly sessions: SessionStore,
    private readonly cookie: SessionCookie,
  ) {}

  /** The provider's authorization URL for a new transaction (its cookie set on `reply`). */
  async begin(returnTo: string | undefined, reply: FastifyReply): Promise<string> {
    const path = returnToPath(returnTo);
    // Discover first: with the provider down nothing is stored and no cookie is set.
    await this.oidc.configuration();
    const { state, nonce, codeVerifier } = await this.transactions.begin(path, reply);
    return (await this.oidc.authorizationUrl(state, nonce, codeVerifier)).href;
  }

  /** Completes the sign-in; returns where to send the browser. Opens no session on any failure. */
  async complete(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const transaction = await this.transactions.take(request, reply);
    if (!transaction)
      throw new SignInFailedProblem(
        'No sign-in is under way in this browser (or it expired or was already completed); start again from the sign-in link.',
      );
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    let tokens: ProviderTokens;
    try {
      tokens = await this.oidc.redeemCode(query, transaction);
    } catch (error) {
      if (isProviderOutage(error)) throw new IdentityProviderUnavailableProblem();
      this.log.warn(`sign-in refused: ${String(error)}`);
      throw new SignInFailedProblem();
    }
    try {
      await this.openSession(tokens, request, reply);
    } catch (error) {
      await this.oidc.revoke(tokens.refreshToken);
      throw error;
    }
    return transaction.returnTo;
  }

  private async openSession(
    tokens: ProviderTokens,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const claims = tokens.claims;
    const email = stringClaim(claims, 'email');
    if (!claims || !email)
      throw new SignInFailedProblem('The identity provider did not share an e-mail address.');
    const customer = await this.core.linkCustomer({
      subject: claims.sub,
      email,
      displayName: stringClaim(claims, 'name') ?? email,
      emailVerified: claims['email_verified'] === true,
    });
    const previous = await this.sessions.destroy(this.cookie.idOf(request));
    const sid = stringClaim(claims, 'sid');
    const { id, evicted } = await this.sessions.create(
      { id: customer.id, email: customer.email, displayName: customer.displayName },
      {
        subject: claims.sub,
        ...(sid ? { sid } : {}),
        tokens: {
          accessToken: tokens.accessToken,
          ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
          ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
          expiresAt: this.sessions.now() + (tokens.expiresIn ?? DEFAULT_LIFETIME_S) * 1000,
        },
      },
    );
    this.cookie.set(reply, id);
    for (const ended of [previous, ...evicted]) await this.oidc.revoke(ended?.tokens.refreshToken);
  }
}

function stringClaim(claims: IDToken | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
