import fastifyCompress from '@fastify/compress';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sendProblem, toProblem } from '@bff/platform-problem';
import { constants } from 'node:zlib';
import { refusePasswordSignIn } from '../auth/password-sign-in-removed';
import { etagOf, matchesIfNoneMatch, REVALIDATE_CACHE_CONTROL } from '../etag/etag';
import { APP_VERSION_HEADER, checkAppVersion } from '../versioning/app-version';
import { DeprecationPolicy, deprecationHeaders } from '../versioning/deprecation';
import { isRevalidatedRoute, routeVersion } from '../versioning/route-version';

export interface MobileHttpOptions extends DeprecationPolicy {
  minAppVersion: string;
  /** The identity provider, named in the answer to the removed password routes. */
  issuer: string;
}

/** Answers below this size are sent as they are: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * What the apps' slow, metered networks need from the HTTP layer, registered on Fastify before
 * the routes: the minimum app version (426), deprecation headers on v1, the removed password routes (426), ETag/304 on GET screens
 * and product pictures, and brotli/gzip. Each rule applies by the route the router matched
 * (`routeVersion`, `isRevalidatedRoute`), never by the text of the URL. Order matters: the ETag hook runs before
 * compression, so the tag is computed on the uncompressed body and does not depend on the
 * encoding.
 */
export async function configureMobileHttp(
  app: NestFastifyApplication,
  options: MobileHttpOptions,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();

  // Callback-style hooks: they run on every request, and an async hook costs a promise each time.
  fastify.addHook('onRequest', (request, reply, done) => {
    // onRequest runs after routing: the matched route is known, and nothing has called core-api.
    const version = routeVersion(request);
    if (version === undefined) return done();
    const headers = deprecationHeaders(version, request.url, options);
    if (headers) reply.headers(headers);
    const problem = checkAppVersion(request.headers[APP_VERSION_HEADER], options.minAppVersion);
    // Answered here: the request goes no further (Fastify's rule for a hook that sends).
    if (problem) return sendProblem(reply, toProblem(problem, request));
    done();
  });
  // Old apps posting a password: answered before the body is read (after the version rules).
  refusePasswordSignIn(fastify, options.issuer);

  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || !isRevalidatedRoute(request))
      return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const etag = etagOf(payload);
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', REVALIDATE_CACHE_CONTROL);
    if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return done(null, payload);
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    done(null, '');
  });

  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    // Quality 4 is most of brotli's saving for a fraction of the CPU of its default 11.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
