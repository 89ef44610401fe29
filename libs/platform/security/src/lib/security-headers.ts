import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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
 * Security headers on every response (helmet): CSP, HSTS, nosniff, Referrer-Policy no-referrer,
 * no X-Powered-By (Fastify never sends one). TLS ends at the load balancer, so HSTS is sent
 * regardless of the scheme the process sees; browsers ignore it on plain-http localhost.
 */
export async function registerSecurityHeaders(
  fastify: FastifyInstance,
  extraCsp: CspDirectives = {},
): Promise<void> {
  const directives = { ...DEFAULT_CSP, ...extraCsp };
  await fastify.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  const docsCsp = cspHeader({ ...directives, 'style-src': ["'self'", "'unsafe-inline'"] });
  // Callback style, not async: this runs on every answer and needs no promise.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith(DOCS_PREFIX)) reply.header('content-security-policy', docsCsp);
    done(null, payload);
  });
}
