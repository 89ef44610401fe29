import { DynamicModule, INestApplication, Type, VersioningOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { genRequestId, REQUEST_ID_HEADER } from '@bff/platform-logging';
import { createValidationPipe, ProblemFilter } from '@bff/platform-problem';
import { Logger as PinoLogger } from 'nestjs-pino';
import { setupOpenApi, OpenApiInfo } from './openapi';

export interface CreateAppOptions {
  /** The root module, usually `AppModule.forRoot(env)`. */
  module: Type | DynamicModule;
  openApi: OpenApiInfo;
  versioning?: VersioningOptions;
  /** Largest accepted request body, in bytes (413 beyond it). */
  bodyLimit?: number;
}

/**
 * Builds a service exactly as it runs in production — Fastify adapter, JSON logs, strict
 * validation, problem+json errors, OpenAPI, shutdown hooks — without listening.
 * `bootstrap()` listens on it; tests call it directly to start the real app.
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: genRequestId,
    requestIdHeader: false,
    bodyLimit: options.bodyLimit ?? 100 * 1024,
    // Answer on the same socket for longer than a typical load balancer keeps idle connections
    // (60 s on AWS ALB), so the balancer, not us, closes them: no resets under load.
    keepAliveTimeout: 65_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  app.useGlobalPipes(createValidationPipe());
  // Nest hands Fastify's own errors (malformed JSON, wrong media type, oversized body) to the
  // global filters too, so this one filter answers every error as problem+json.
  app.useGlobalFilters(new ProblemFilter());
  if (options.versioning) app.enableVersioning(options.versioning);
  setupOpenApi(app as INestApplication, options.openApi);
  return app;
}
