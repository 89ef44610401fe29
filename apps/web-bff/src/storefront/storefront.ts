import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { allowedMethods, compressRoutesUnder } from '@bff/platform-bootstrap';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The single-page app's own addresses: each answers index.html, which routes in the browser. */
export const STOREFRONT_ROUTES = [
  '/',
  '/sign-in',
  '/cart',
  '/checkout',
  '/orders',
  '/orders/:id',
  '/category/:slug',
  '/product/:id',
];

/** web-bff's API: every address under it answers problem+json, whatever the client accepts. */
const API_PREFIX = '/api';

/**
 * Serves the demo storefront (compiled to dist/apps/web-bff/storefront by the build) with
 * @fastify/static: its scripts and styles under /assets/, index.html on the storefront's routes,
 * and on any address no route serves when a browser navigates there (see {@link wantsPage}).
 * A missing folder (a test, or `nx serve` before the first build) serves nothing.
 */
export async function serveStorefront(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  // Loaded only when there is something to serve: it is an ES module Jest cannot load.
  const { default: fastifyStatic } = await import('@fastify/static');
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  // Scripts and styles go out with brotli or gzip to a browser that accepts it.
  await compressRoutesUnder(fastify, '/assets/');
  await fastify.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    index: false,
    cacheControl: true,
    maxAge: 60_000,
  });
  const page = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
  for (const route of STOREFRONT_ROUTES) fastify.get(route, (_request, reply) => page(reply));
  // A browser that navigates to an address no route serves gets the storefront with status 404:
  // the page shows its "not found" view and a way back. API clients keep the problem+json 404.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!wantsPage(fastify, request)) return done();
    void page(reply.code(404));
  });
  return true;
}

/**
 * A GET or HEAD the router matched to no route (not a wrong method: that stays a 405), outside
 * `/api`, from a client that asks for HTML first (a browser navigation).
 */
function wantsPage(fastify: FastifyInstance, request: FastifyRequest): boolean {
  if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) return false;
  if (!/^\s*text\/html\b/i.test(request.headers.accept ?? '')) return false;
  return allowedMethods(fastify, request.url).length === 0;
}
