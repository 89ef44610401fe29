import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { etagCache } from './etag-cache.js';
import type { paths } from './generated/mobile-bff.js';

export { REVALIDATED_HEADER } from './etag-cache.js';

export type MobileBffClient = Client<paths, 'application/json'> & {
  /** Forget every cached screen (after sign-out, or when the account changes). */
  clearCache(): void;
};

export interface MobileBffClientOptions {
  /** Where mobile-bff answers. */
  baseUrl: string;
  /** The app's own version, sent as `X-App-Version` (below mobile-bff's minimum: 426). */
  appVersion: string;
  /**
   * The provider's access token for each request (the app refreshes it at the provider);
   * undefined or empty: the request goes without `Authorization` (public screens).
   */
  token?: () => string | undefined | Promise<string | undefined>;
  /** A fetch to use instead of the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** How many screens the ETag cache keeps (default 100). */
  cacheEntries?: number;
}

/**
 * A client for mobile-bff: the bearer token, `X-App-Version` on every request, and an ETag cache
 * that revalidates GET screens with `If-None-Match`.
 */
export function createMobileBffClient(options: MobileBffClientOptions): MobileBffClient {
  const client = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl,
    headers: { accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const identify: Middleware = {
    async onRequest({ request }) {
      request.headers.set('X-App-Version', options.appVersion);
      const token = await options.token?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  const cache = etagCache(options.cacheEntries);
  // Middleware runs in order on the request: identify first, so the cache sees the final request.
  client.use(identify, cache);
  return Object.assign(client, { clearCache: () => cache.clear() });
}
