import type { FastifyRequest } from 'fastify';

/**
 * Which of the browser's own statements says the request comes from another site, if any:
 * `Sec-Fetch-Site` (Fetch Metadata) anything but `same-origin`, or an `Origin` that is not this
 * service's. Both headers are set by the browser and cannot be forged by a page; a client that
 * sends neither (curl, an SDK, an old browser) is judged by the other defences alone.
 */
export function crossSiteHeader(
  request: FastifyRequest,
  publicOrigins: readonly string[],
): 'Sec-Fetch-Site' | 'Origin' | undefined {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return 'Sec-Fetch-Site';
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, request.host, publicOrigins)) return 'Origin';
  return undefined;
}

/**
 * With `PUBLIC_ORIGINS` configured, the origin must be one of them exactly. Without it, the origin
 * must name the host the request was addressed to (`Host`, or `X-Forwarded-Host` from a trusted
 * proxy): the scheme is not compared, because behind a TLS-terminating proxy this process sees
 * http while the page is https. `null` (sandboxed frames, opaque origins) is never ours.
 */
function isOwnOrigin(origin: string, host: string, publicOrigins: readonly string[]): boolean {
  if (publicOrigins.length > 0) return publicOrigins.includes(origin);
  if (!URL.canParse(origin)) return false;
  const page = new URL(origin);
  if (page.origin !== origin) return false;
  const target = `${page.protocol}//${host}`;
  return host !== '' && URL.canParse(target) && new URL(target).host === page.host;
}
