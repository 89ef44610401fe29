import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { constants } from 'node:zlib';

/** Answers below this size are sent as they are: compressing them costs more than it saves. */
const THRESHOLD_BYTES = 1024;

const prefixesOf = new WeakMap<FastifyInstance, Set<string>>();

/**
 * Sends the answers of the routes registered under `prefix` (their route path, e.g. `/docs` for
 * `/docs/*`, `/docs-json`) with brotli or gzip when the client accepts it, and as they are
 * otherwise. For static assets such as Swagger UI's 1.6 MB bundle. Call it before the routes are
 * registered; later calls add prefixes. A service that already compresses every answer (it
 * registered @fastify/compress itself) is left as it is.
 */
export async function compressRoutesUnder(fastify: FastifyInstance, prefix: string): Promise<void> {
  const prefixes = prefixesOf.get(fastify);
  if (prefixes) {
    prefixes.add(prefix);
    return;
  }
  if (fastify.hasReplyDecorator('compress')) return;
  const chosen = new Set([prefix]);
  prefixesOf.set(fastify, chosen);
  // Runs before @fastify/compress's own onRoute hook: it gives the chosen routes compression
  // settings of their own, and the plugin, registered with compression off by default, honours them.
  fastify.addHook('onRoute', (route: RouteOptions & { compress?: unknown }) => {
    if (route.compress === undefined && [...chosen].some((p) => route.url.startsWith(p)))
      route.compress = {};
  });
  await fastify.register(fastifyCompress, {
    globalCompression: false,
    // Request bodies stay as they are: only JSON is accepted, uncompressed (json-body.ts).
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: THRESHOLD_BYTES,
    // Quality 4 is most of brotli's saving for a fraction of the CPU of its default 11.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
