import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/web-bff.js';

/** web-bff refuses every guarded request without it (403 `csrf_header_missing`). */
export const CSRF_HEADER = 'X-CSRF';

/**
 * The document declares `X-CSRF` as a required header on each guarded operation; the client sets
 * it on every request, so callers are not asked for it.
 */
type WithoutCsrf<Op> = Op extends { parameters: { header: infer H } }
  ? Omit<Op, 'parameters'> & {
      parameters: Omit<Op['parameters'], 'header'> & { header?: Omit<H, typeof CSRF_HEADER> };
    }
  : Op;

/** web-bff's paths as the SDK's client takes them (`X-CSRF` set by the client). */
export type WebBffPaths = {
  [P in keyof paths]: { [M in keyof paths[P]]: WithoutCsrf<paths[P][M]> };
};

export type WebBffClient = Client<WebBffPaths, 'application/json'>;

export interface WebBffClientOptions {
  /** Where web-bff answers; the storefront passes its own origin (web-bff serves it). */
  baseUrl: string;
  /** A fetch to use instead of the global one (tests, server-side rendering). */
  fetch?: (request: Request) => Promise<Response>;
}

const csrf: Middleware = {
  onRequest({ request }) {
    // Every guarded handler wants it, GET included (the guard is bound to the handler, not the
    // method); exempt routes ignore it.
    request.headers.set(CSRF_HEADER, '1');
    return request;
  },
};

/**
 * A client for web-bff: same-origin credentials (the session cookie is HttpOnly; this code never
 * sees a token) and the anti-CSRF header on every request.
 */
export function createWebBffClient(options: WebBffClientOptions): WebBffClient {
  const client = createClient<WebBffPaths, 'application/json'>({
    baseUrl: options.baseUrl,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(csrf);
  return client;
}
