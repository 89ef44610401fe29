import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LoggingOptions {
  /** Service name written on every line. */
  service: string;
  level: string;
}

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf"]',
  'res.headers["set-cookie"]',
  'req.headers["idempotency-key"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
];

/**
 * Structured JSON logs (pino): one line per request with method, URL, status, duration and the
 * request id; application logs through Nest's Logger land in the same stream.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { service: options.service },
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            // Fastify already chose the id (see genRequestId); reuse it.
            genReqId: (req: IncomingMessage) =>
              (req as IncomingMessage & { id?: string }).id ?? 'unknown',
            customProps: (req: IncomingMessage) => ({
              requestId: (req as IncomingMessage & { id?: string }).id,
            }),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                method: req.method,
                url: req.url,
              }),
              res: (res: ServerResponse | { statusCode: number }) => ({
                statusCode: res.statusCode,
              }),
            },
            // The per-request line is written by installRequestLog (a Fastify hook that knows the
            // route template), not by pino-http's middleware.
            autoLogging: false,
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
