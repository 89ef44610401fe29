import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@bff/platform-state';
import { errors, jwtVerify, SignJWT } from 'jose';
import {
  ACCESS_TOKEN_ALG,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AUTH_OPTIONS,
  AuthOptions,
} from './auth.options';

/** Who an access token speaks for. */
export interface AccessClaims {
  customerId: number;
  /** The refresh-token family it was issued with; revoking the family also stops its access tokens. */
  familyId: string;
}

/** Why a token was refused: logged, never answered (the answer is always the same 401). */
export class AccessTokenError extends Error {
  constructor(readonly reason: string) {
    super(`access token refused: ${reason}`);
    this.name = 'AccessTokenError';
  }
}

const SUBJECT = /^[1-9]\d{0,9}$/;
const FAMILY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Signs and verifies the apps' access tokens: HS256 JWTs with issuer, audience, subject (the
 * customer id), `iat`/`nbf`/`exp` from the injected clock and the refresh family (`fam`).
 * Verification accepts HS256 only (so `alg: none` and key confusion fail), this issuer and
 * audience, no clock tolerance beyond a few seconds, and nothing issued for longer than the
 * configured lifetime.
 */
@Injectable()
export class AccessTokens {
  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get ttlSeconds(): number {
    return Math.floor(this.options.accessTokenTtlMs / 1000);
  }

  issue(claims: AccessClaims): Promise<string> {
    const now = Math.floor(this.clock.now() / 1000);
    return new SignJWT({ fam: claims.familyId })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: 'at+jwt' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(String(claims.customerId))
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.options.accessTokenKey);
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.options.accessTokenKey, {
        algorithms: [ACCESS_TOKEN_ALG],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        typ: 'at+jwt',
        requiredClaims: ['sub', 'iat', 'nbf', 'exp', 'fam'],
        clockTolerance: 5,
        maxTokenAge: this.ttlSeconds + 5,
        currentDate: new Date(this.clock.now()),
      });
      const { sub, fam } = payload;
      if (typeof sub !== 'string' || !SUBJECT.test(sub)) throw new AccessTokenError('bad subject');
      if (typeof fam !== 'string' || !FAMILY.test(fam)) throw new AccessTokenError('bad family');
      return { customerId: Number(sub), familyId: fam };
    } catch (error) {
      throw toAccessTokenError(error);
    }
  }
}

function toAccessTokenError(error: unknown): AccessTokenError {
  if (error instanceof AccessTokenError) return error;
  if (error instanceof errors.JWTExpired) return new AccessTokenError('expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new AccessTokenError(`claim ${error.claim} invalid (${error.reason})`);
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AccessTokenError('algorithm not allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AccessTokenError('bad signature');
  if (error instanceof errors.JOSEError) return new AccessTokenError(`malformed (${error.code})`);
  return new AccessTokenError('malformed');
}
