import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { STATE_STORE, StateStore } from '@bff/platform-state';
import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import { createHash } from 'node:crypto';
import { OidcClient } from './oidc-client';

const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** Asymmetric algorithms only: `none` and HS* (keyed with the client secret) are refused. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** A logout token older than this (by `iat`) is refused; its `jti` is remembered at least as long. */
const MAX_AGE_S = 300;
const CLOCK_TOLERANCE_S = 30;
const JTI_TTL_MS = (MAX_AGE_S + 2 * CLOCK_TOLERANCE_S) * 1000;

/** What a verified logout token names: a provider session, a subject, or both. */
export interface LogoutRequest {
  sid?: string;
  sub?: string;
}

/** A logout token that is not the provider's, not for us, malformed or replayed (OIDC BCL 2.8). */
export class InvalidLogoutTokenProblem extends ProblemException {
  constructor(reason: string) {
    super(HttpStatus.BAD_REQUEST, 'invalid_request', `The logout token is refused: ${reason}.`, {
      error: 'invalid_request',
    });
  }
}

/**
 * Validates a back-channel logout token as OpenID Connect Back-Channel Logout 1.0 §2.6 says:
 * signed by a key of the provider's JWKS with an allowed algorithm, `iss` the provider, `aud` this
 * client, `iat` present and recent, `exp` when present, `jti` present and never seen before (on
 * any replica: the StateStore remembers it), the back-channel logout event, `sid` or `sub`, and
 * no `nonce` (so an ID token cannot be passed off as a logout token).
 */
@Injectable()
export class LogoutTokenVerifier {
  private keys?: { uri: string; set: ReturnType<typeof createRemoteJWKSet> };

  constructor(
    private readonly oidc: OidcClient,
    @Inject(STATE_STORE) private readonly store: StateStore,
  ) {}

  async verify(token: string): Promise<LogoutRequest> {
    const metadata = (await this.oidc.configuration()).serverMetadata();
    if (!metadata.jwks_uri) throw new InvalidLogoutTokenProblem('the provider publishes no keys');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, this.keySet(metadata.jwks_uri), {
        issuer: metadata.issuer,
        audience: this.oidc.settings.clientId,
        algorithms: ALGORITHMS,
        requiredClaims: ['iat', 'jti'],
        maxTokenAge: MAX_AGE_S,
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw new InvalidLogoutTokenProblem(`it does not verify (${(error as Error).message})`);
    }
    const request = checkLogoutClaims(claims);
    const replayKey = `logout-jti:${createHash('sha256')
      .update(`${metadata.issuer} ${String(claims.jti)}`)
      .digest('base64url')}`;
    if (!(await this.store.setIfAbsent(replayKey, 1, JTI_TTL_MS)))
      throw new InvalidLogoutTokenProblem('it was already used');
    return request;
  }

  private keySet(uri: string) {
    if (this.keys?.uri !== uri) this.keys = { uri, set: createRemoteJWKSet(new URL(uri)) };
    return this.keys.set;
  }
}

/** The claims only a logout token has (the signature and times are checked by jose). */
export function checkLogoutClaims(claims: JWTPayload): LogoutRequest {
  if (typeof claims.jti !== 'string' || claims.jti === '')
    throw new InvalidLogoutTokenProblem('jti is missing');
  if ('nonce' in claims) throw new InvalidLogoutTokenProblem('it carries a nonce');
  const events = claims['events'];
  const event =
    events && typeof events === 'object' && !Array.isArray(events)
      ? (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT]
      : undefined;
  if (!event || typeof event !== 'object' || Array.isArray(event))
    throw new InvalidLogoutTokenProblem('events does not name back-channel logout');
  const sid = typeof claims['sid'] === 'string' && claims['sid'] ? claims['sid'] : undefined;
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
  if (!sid && !sub) throw new InvalidLogoutTokenProblem('it names neither sid nor sub');
  return { ...(sid ? { sid } : {}), ...(sub ? { sub } : {}) };
}
