import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  FetchImplementation,
  JWTVerifyGetKey,
  RemoteJWKSet,
} from 'jose';
import {
  BEARER_AUTH_OPTIONS,
  BearerAuthOptions,
  PROVIDER_RETRY_PAUSE_MS,
  PROVIDER_TIMEOUT_MS,
} from './bearer-options';

/** The provider could not be asked (down, slow, or answering nonsense): a 503, never a 401. */
export class ProviderUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`identity provider unavailable: ${reason}`);
    this.name = 'ProviderUnavailableError';
  }
}

/** `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4). */
export const discoveryUrlOf = (issuer: string): string =>
  `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

const isJwks = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys);

const messageOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * The provider's signing keys, found the way any OpenID relying party finds them: discovery at
 * the issuer (lazily, on the first token; retried on a later request after a failure, so
 * the BFF starts and stays live while the provider is down), then jose's remote JWKS on the
 * discovered `jwks_uri`. Keys are cached; an unknown `kid` refetches at most once per
 * `jwksCooldownMs`. If the provider cannot be reached when jose wants to refresh, the keys
 * fetched last keep verifying; with none fetched yet the caller gets `ProviderUnavailableError`.
 */
@Injectable()
export class ProviderKeys {
  private readonly logger = new Logger('ProviderKeys');
  private remote?: RemoteJWKSet;
  private discovering?: Promise<RemoteJWKSet>;
  private lastFailure?: { at: number; error: ProviderUnavailableError };

  constructor(@Inject(BEARER_AUTH_OPTIONS) private readonly options: BearerAuthOptions) {}

  /** The key resolver `jwtVerify` takes. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    const remote = this.remote ?? (await this.discoverOnce());
    try {
      return await remote(header, token);
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      const cached = remote.jwks();
      if (!cached) throw error;
      this.logger.warn(
        { reason: error.reason },
        'Provider unreachable: using the keys fetched last',
      );
      return createLocalJWKSet(cached)(header, token);
    }
  };

  private discoverOnce(): Promise<RemoteJWKSet> {
    this.discovering ??= this.discover().finally(() => (this.discovering = undefined));
    return this.discovering;
  }

  private async discover(): Promise<RemoteJWKSet> {
    const metadata = await this.fetchJson(discoveryUrlOf(this.options.issuer), 'discovery');
    const { issuer, jwks_uri: jwksUri } = metadata as { issuer?: unknown; jwks_uri?: unknown };
    if (issuer !== this.options.issuer)
      throw this.failed(`discovery names issuer ${JSON.stringify(issuer)}, not the configured one`);
    if (typeof jwksUri !== 'string' || !/^https?:\/\//.test(jwksUri) || !URL.canParse(jwksUri))
      throw this.failed('discovery has no usable jwks_uri');
    this.logger.log({ issuer, jwksUri }, 'Discovered the identity provider');
    this.remote = createRemoteJWKSet(new URL(jwksUri), {
      cooldownDuration: this.options.jwksCooldownMs,
      timeoutDuration: PROVIDER_TIMEOUT_MS,
      [customFetch]: this.fetchJwks,
    });
    return this.remote;
  }

  /** jose's fetch of the JWKS: every failure becomes a ProviderUnavailableError. */
  private readonly fetchJwks: FetchImplementation = async (url, init) => {
    this.logger.log({ url }, 'Fetching the provider JWKS');
    const jwks = await this.fetchJson(url, 'JWKS', init.signal);
    if (!isJwks(jwks)) throw this.failed('the JWKS is not a key set');
    return Response.json(jwks);
  };

  private async fetchJson(url: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const last = this.lastFailure;
    if (last && Date.now() - last.at < PROVIDER_RETRY_PAUSE_MS) throw last.error;
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        headers: { accept: 'application/json' },
        signal: signal ?? AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
    } catch (error) {
      throw this.failed(`${what}: ${messageOf(error)}`);
    }
    if (response.status !== 200) throw this.failed(`${what} answered ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw this.failed(`${what} is not JSON`);
    }
  }

  private failed(reason: string): ProviderUnavailableError {
    const error = new ProviderUnavailableError(reason);
    this.lastFailure = { at: Date.now(), error };
    this.logger.warn({ reason }, 'Identity provider unavailable');
    return error;
  }
}
