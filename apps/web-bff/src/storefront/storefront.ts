import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
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

/**
 * Serves the demo storefront (compiled to dist/apps/web-bff/storefront by the build) with
 * @fastify/static: its scripts and styles under /assets/, index.html on the storefront's routes.
 * A missing folder (a test, or `nx serve` before the first build) serves nothing.
 */
export async function serveStorefront(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  // Loaded only when there is something to serve: it is an ES module Jest cannot load.
  const { default: fastifyStatic } = await import('@fastify/static');
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    index: false,
    cacheControl: true,
    maxAge: 60_000,
  });
  const page = (_request: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
  for (const route of STOREFRONT_ROUTES) fastify.get(route, page);
  return true;
}
