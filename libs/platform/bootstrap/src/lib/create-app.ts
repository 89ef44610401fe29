import { DynamicModule, INestApplication, Type, VersioningOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { genRequestId, installRequestLog, REQUEST_ID_HEADER } from '@bff/platform-logging';
import { createValidationPipe, ProblemFilter, sendProblem, toProblem } from '@bff/platform-problem';
import { CspDirectives, securityHeadersHook } from '@bff/platform-security';
import { recordRoute } from '@bff/platform-tracing';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
} from 'fastify';
import { Logger as PinoLogger, PinoLogger as RootLogger } from 'nestjs-pino';
import type { RequestListener } from 'node:http';
import { acceptFormBodiesWhereDeclared } from './form-body';
import { acceptOnlyJsonBodies, DEFAULT_JSON_BODY_LIMITS, JsonBodyLimits } from './json-body';
import { answerWrongMethodWith405 } from './method-not-allowed';
import { tracedHttpServer } from './traced-server';
import { DOCS_PATH, setupOpenApi, OpenApiInfo } from './openapi';
import { compressRoutesUnder } from './static-compression';

export interface CreateAppOptions {
  /** The root module, usually `AppModule.forRoot(env)`. */
  module: Type | DynamicModule;
  openApi: OpenApiInfo;
  versioning?: VersioningOptions;
  /** Largest accepted request body, in bytes (413 beyond it). */
  bodyLimit?: number;
  /** How deep and how large a JSON body may be (400 `body_too_complex` beyond; default depth 32, 1000 members). */
  jsonBodyLimits?: Partial<JsonBodyLimits>;
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
  // What every answer carries (request id, security headers): hooks on every request, and also
  // run for the URLs the router refuses before any hook (frameworkErrors below).
  const edgeHooks: onRequestHookHandler[] = [
    (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      recordRoute(request.method, request.routeOptions.url);
      done();
    },
    securityHeadersHook(options.contentSecurityPolicy),
  ];
  const keepAliveTimeout = 65_000;
  const adapter = new FastifyAdapter({
    // Each request runs inside its server span (platform-tracing's traceRequests).
    serverFactory: (handler: RequestListener) => tracedHttpServer(handler, { keepAliveTimeout }),
    genReqId: genRequestId,
    requestIdHeader: false,
    trustProxy: fastifyTrustProxy(options.trustProxy),
    bodyLimit: options.bodyLimit ?? 100 * 1024,
    // Answer on the same socket for longer than a typical load balancer keeps idle connections
    // (60 s on AWS ALB), so the balancer, not us, closes them: no resets under load.
    keepAliveTimeout,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // While closing, requests that arrive on open keep-alive connections are still served (and
    // told `Connection: close`) rather than refused with 503: no client sees an error for a request
    // this process accepted.
    return503OnClosing: false,
    // No multipart parsing, even if a route ever asks for Nest's upload interceptors.
    multipart: false,
    // A malformed URL (400) or a path parameter over maxParamLength (414) is refused by the router
    // before any hook runs: answered as problem+json here, with the request id and security headers.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      for (const hook of edgeHooks) void hook.call(request.server, request, reply, () => undefined);
      sendProblem(reply, toProblem(error, request));
    },
  });
  // Only JSON bodies are parsed (json-body.ts), so Nest's own parsers (JSON, form) stay off.
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();

  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  // Per-request hooks are callback style: an async hook costs a promise on every request.
  for (const hook of edgeHooks) fastify.addHook('onRequest', hook);
  installRequestLog(fastify, () => RootLogger.root);
  const bodyLimits = { ...DEFAULT_JSON_BODY_LIMITS, ...options.jsonBodyLimits };
  acceptOnlyJsonBodies(fastify, bodyLimits);
  // Form bodies only on a route whose metadata says `@FormBody()`; 415 everywhere else.
  acceptFormBodiesWhereDeclared(fastify, bodyLimits);
  await options.configure?.(app);
  // Swagger UI's assets (a 1.6 MB bundle) and the documents, compressed for clients that accept it.
  if (options.docs ?? true) await compressRoutesUnder(fastify, DOCS_PATH);
  // After the service's own hooks: a gate of its own (mobile's minimum app version) answers first.
  answerWrongMethodWith405(fastify);

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
