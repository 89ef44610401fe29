import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, JWTPayload } from 'jose';
import { BEARER_AUTH_OPTIONS, BearerAuthOptions, CLOCK_TOLERANCE_SECONDS } from './bearer-options';
import { ProviderKeys, ProviderUnavailableError } from './provider-keys';

/** Who the provider says the token is for, from its claims. */
export interface TokenIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

/** Why a token was refused: logged, never answered (the answer is always the same 401). */
export class AccessTokenError extends Error {
  constructor(readonly reason: string) {
    super(`access token refused: ${reason}`);
    this.name = 'AccessTokenError';
  }
}

/** OpenID Connect Core §2: at most 255 ASCII characters (printable, as core-api stores it). */
const SUBJECT = /^[\x21-\x7E]{1,255}$/;

/**
 * Checks the provider's JWT access tokens as a resource server: the signature with the provider's
 * published keys and one of the allowed (asymmetric) algorithms, `iss` exactly the configured
 * issuer, `aud` containing the BFF's audience, `exp` (and `nbf` when present) with a few
 * seconds of tolerance, and a `sub`. Throws `AccessTokenError` for a bad token and
 * `ProviderUnavailableError` when the keys cannot be had.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    @Inject(BEARER_AUTH_OPTIONS) private readonly options: BearerAuthOptions,
    private readonly keys: ProviderKeys,
  ) {}

  async verify(token: string): Promise<TokenIdentity> {
    try {
      const { payload } = await jwtVerify(token, this.keys.getKey, {
        algorithms: this.options.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return this.identityOf(payload);
    } catch (error) {
      if (error instanceof ProviderUnavailableError) throw error;
      throw toAccessTokenError(error);
    }
  }

  private identityOf(payload: JWTPayload): TokenIdentity {
    const { sub, email, email_verified: verified, name } = payload;
    if (typeof sub !== 'string' || !SUBJECT.test(sub)) throw new AccessTokenError('bad subject');
    return {
      issuer: this.options.issuer,
      subject: sub,
      email: typeof email === 'string' && email !== '' ? email : undefined,
      // Some providers write the boolean as a string.
      emailVerified: verified === true || verified === 'true',
      name: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined,
    };
  }
}

function toAccessTokenError(error: unknown): AccessTokenError {
  if (error instanceof AccessTokenError) return error;
  if (error instanceof errors.JWTExpired) return new AccessTokenError('expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new AccessTokenError(`claim ${error.claim} invalid (${error.reason})`);
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AccessTokenError('algorithm not allowed');
  if (error instanceof errors.JWKSNoMatchingKey) return new AccessTokenError('unknown key');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AccessTokenError('bad signature');
  if (error instanceof errors.JOSEError) return new AccessTokenError(`malformed (${error.code})`);
  return new AccessTokenError('malformed');
}
