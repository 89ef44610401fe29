import { DynamicModule, INestApplication, Type, VersioningOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { genRequestId, installRequestLog, REQUEST_ID_HEADER } from '@bff/platform-logging';
import { createValidationPipe, ProblemFilter } from '@bff/platform-problem';
import { CspDirectives, registerSecurityHeaders } from '@bff/platform-security';
import { Logger as PinoLogger, PinoLogger as RootLogger } from 'nestjs-pino';
import { setupOpenApi, OpenApiInfo } from './openapi';

export interface CreateAppOptions {
  /** The root module, usually `AppModule.forRoot(env)`. */
  module: Type | DynamicModule;
  openApi: OpenApiInfo;
  versioning?: VersioningOptions;
  /** Largest accepted request body, in bytes (413 beyond it). */
  bodyLimit?: number;
  /** Serve Swagger UI and the OpenAPI document (default true). */
  docs?: boolean;
  /** Fastify's `trustProxy`: whose X-Forwarded-For decides `request.ip` (default: nobody's). */
  trustProxy?: boolean | number | string[];
  /** Directives added to the strict default Content-Security-Policy (e.g. an image host). */
  contentSecurityPolicy?: CspDirectives;
  /** Registers the service's own Fastify plugins (cookies, static files, compression) before init. */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
}

/**
 * Builds a service exactly as it runs in production — Fastify adapter, JSON logs, security
 * headers, strict validation, problem+json errors, OpenAPI, shutdown hooks — without listening.
 * `bootstrap()` listens on it; tests call it directly to start the real app.
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: genRequestId,
    requestIdHeader: false,
    trustProxy: fastifyTrustProxy(options.trustProxy),
    bodyLimit: options.bodyLimit ?? 100 * 1024,
    // Answer on the same socket for longer than a typical load balancer keeps idle connections
    // (60 s on AWS ALB), so the balancer, not us, closes them: no resets under load.
    keepAliveTimeout: 65_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // While closing, requests that arrive on open keep-alive connections are still served (and
    // told `Connection: close`) rather than refused with 503: no client sees an error for a request
    // this process accepted.
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  // Per-request hooks are callback style: an async hook costs a promise on every request.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  installRequestLog(fastify, () => RootLogger.root);
  registerSecurityHeaders(fastify, options.contentSecurityPolicy);
  await options.configure?.(app);

  app.useGlobalPipes(createValidationPipe());
  // Nest hands Fastify's own errors (malformed JSON, wrong media type, oversized body) to the
  // global filters too, so this one filter answers every error as problem+json.
  app.useGlobalFilters(new ProblemFilter());
  if (options.versioning) app.enableVersioning(options.versioning);
  setupOpenApi(app as INestApplication, options.openApi, { serve: options.docs ?? true });
  return app;
}

/** Fastify counts hops at run time but types them as a function: `n` trusts the nearest n proxies. */
function fastifyTrustProxy(trust: CreateAppOptions['trustProxy'] = false) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}
