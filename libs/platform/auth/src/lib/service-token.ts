import { KeyObject, randomUUID } from 'node:crypto';
import { decodeJwt, errors, jwtVerify, SignJWT } from 'jose';

/** The audience of every service token: only core-api accepts them. */
export const SERVICE_TOKEN_AUDIENCE = 'core-api';
/** No service token may live longer than this (seconds). */
export const MAX_SERVICE_TOKEN_LIFETIME = 60;
export const ANONYMOUS_SUBJECT = 'anonymous';

/** Who is calling core-api: which BFF, on behalf of which end user. */
export interface ServiceIdentity {
  /** The calling service (the token's issuer), e.g. `web-bff`. */
  caller: string;
  /** The end user's customer id, or null for an anonymous visitor. */
  customerId: number | null;
}

export const subjectFor = (customerId: number | null): string =>
  customerId === null ? ANONYMOUS_SUBJECT : `customer:${customerId}`;

function customerIdOf(subject: string): number | null | undefined {
  if (subject === ANONYMOUS_SUBJECT) return null;
  const match = /^customer:([1-9]\d{0,9})$/.exec(subject);
  return match?.[1] ? Number(match[1]) : undefined;
}

/**
 * Signs short-lived service tokens (EdDSA JWTs) for one calling service. A token is reused for the
 * same subject until a third of its lifetime is left, so a busy BFF signs a few tokens a minute
 * per user, not one per request.
 */
export class ServiceTokenSigner {
  private readonly cache = new Map<string, { token: string; refreshAt: number }>();

  constructor(
    readonly caller: string,
    private readonly key: KeyObject,
    private readonly options: { lifetimeSeconds?: number; now?: () => number } = {},
  ) {
    const lifetime = options.lifetimeSeconds ?? 30;
    if (lifetime < 5 || lifetime > MAX_SERVICE_TOKEN_LIFETIME) {
      throw new Error(`service token lifetime must be 5–${MAX_SERVICE_TOKEN_LIFETIME} s`);
    }
  }

  /** The token `tokenFor` would answer without signing, if there is one (no promise on the hot path). */
  cachedToken(customerId: number | null): string | undefined {
    const cached = this.cache.get(subjectFor(customerId));
    return cached && cached.refreshAt > (this.options.now?.() ?? Date.now())
      ? cached.token
      : undefined;
  }

  async tokenFor(customerId: number | null): Promise<string> {
    const cached = this.cachedToken(customerId);
    if (cached) return cached;
    const subject = subjectFor(customerId);
    const now = this.options.now?.() ?? Date.now();
    const lifetime = this.options.lifetimeSeconds ?? 30;
    const issuedAt = Math.floor(now / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setIssuer(this.caller)
      .setAudience(SERVICE_TOKEN_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetime)
      .setJti(randomUUID())
      .sign(this.key);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(subject, { token, refreshAt: now + (lifetime * 1000 * 2) / 3 });
    return token;
  }
}

/** Why a token was refused; the answer to the caller is always a plain 401. */
export class ServiceTokenError extends Error {
  constructor(readonly reason: string) {
    super(`service token refused: ${reason}`);
    this.name = 'ServiceTokenError';
  }
}

/** Looks up the public key of a calling service; undefined for an unknown caller. */
export type CallerKeyLookup = (caller: string) => KeyObject | undefined;

/**
 * Verifies service tokens: EdDSA only (so `alg: none` and HMAC confusion fail), a known issuer's
 * key, audience core-api, a subject that is `anonymous` or `customer:<id>`, not expired, and a
 * lifetime of at most 60 s.
 */
export class ServiceTokenVerifier {
  constructor(
    private readonly keyFor: CallerKeyLookup,
    private readonly options: { clockToleranceSeconds?: number; now?: () => number } = {},
  ) {}

  async verify(token: string): Promise<ServiceIdentity> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new ServiceTokenError('malformed');
    }
    const key = typeof issuer === 'string' ? this.keyFor(issuer) : undefined;
    if (!key) throw new ServiceTokenError('unknown caller');
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['EdDSA'],
        audience: SERVICE_TOKEN_AUDIENCE,
        issuer: issuer as string,
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat'],
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        maxTokenAge: MAX_SERVICE_TOKEN_LIFETIME + (this.options.clockToleranceSeconds ?? 5),
        currentDate: this.options.now ? new Date(this.options.now()) : undefined,
      });
      if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_SERVICE_TOKEN_LIFETIME)
        throw new ServiceTokenError('lifetime too long');
      const customerId = customerIdOf(payload.sub ?? '');
      if (customerId === undefined) throw new ServiceTokenError('bad subject');
      return { caller: issuer as string, customerId };
    } catch (error) {
      if (error instanceof ServiceTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new ServiceTokenError('expired');
      if (error instanceof errors.JWTClaimValidationFailed)
        throw new ServiceTokenError(`claim ${error.claim} invalid`);
      throw new ServiceTokenError('bad signature or algorithm');
    }
  }
}
