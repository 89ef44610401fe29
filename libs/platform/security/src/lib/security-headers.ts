import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type CspDirectives = Record<string, string[]>;

/**
 * The strict default: only this origin's scripts, no plugins, no <base>, no framing. Services add
 * to it (a storefront's image host, say) rather than loosen it.
 */
export const DEFAULT_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
};

/** Swagger UI's page carries inline <style> blocks; only /docs gets to use them. */
const DOCS_PREFIX = '/docs';

export function cspHeader(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/**
 * The headers helmet sets for `options`, worked out once. helmet's middleware only ever sets
 * the same strings for a static configuration; @fastify/helmet rebuilds that middleware — CSP
 * parsing included — on every request, a cost docs/performance.md measures. So helmet runs
 * once here, against a recorder.
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let done = false;
  helmet(options)({} as IncomingMessage, recorder, () => (done = true));
  if (!done)
    throw new Error('helmet did not finish synchronously: a dynamic option is not supported');
  return headers;
}

/**
 * Security headers on every response (helmet): CSP, HSTS, nosniff, Referrer-Policy no-referrer,
 * no X-Powered-By (Fastify never sends one). TLS ends at the load balancer, so HSTS is sent
 * regardless of the scheme the process sees; browsers ignore it on plain-http localhost.
 */
export function registerSecurityHeaders(
  fastify: FastifyInstance,
  extraCsp: CspDirectives = {},
): void {
  fastify.addHook('onRequest', securityHeadersHook(extraCsp));
}

/**
 * The onRequest hook that sets those headers, for a caller that also has to run it where Fastify
 * runs no hooks (the router's own 400 and 414 answers, in `createApp`).
 */
export function securityHeadersHook(extraCsp: CspDirectives = {}): onRequestHookHandler {
  const directives = { ...DEFAULT_CSP, ...extraCsp };
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  const docsHeaders = {
    ...headers,
    'content-security-policy': cspHeader({
      ...directives,
      'style-src': ["'self'", "'unsafe-inline'"],
    }),
  };
  // Callback style, not async: this runs on every request and needs no promise.
  return (request, reply, done) => {
    // By the matched route (Swagger UI's own routes), not by the URL text a client chose.
    reply.headers(request.routeOptions?.url?.startsWith(DOCS_PREFIX) ? docsHeaders : headers);
    done();
  };
}
