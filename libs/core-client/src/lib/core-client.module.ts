import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ServiceTokenSigner } from '@bff/platform-auth';
import { METRICS_REGISTRY } from '@bff/platform-metrics';
import { KeyObject } from 'node:crypto';
import { Registry } from 'prom-client';
import { Pool } from 'undici';
import { CoreApiClient } from './core-api.client';
import { CallRunnerOptions } from './core-call.runner';
import { CoreClientMetrics } from './metrics/core-client.metrics';
import { DEFAULT_RESILIENCE } from './resilience/resilience.options';
import { CoreTransport } from './transport/core-transport';
import { CoreApiWatch } from './watch/core-api-watch';
import { CoreApiStartupProbe } from './watch/startup-probe';

export const CORE_API_POOL = Symbol('CORE_API_POOL');
export const CORE_CLIENT_OPTIONS = Symbol('CORE_CLIENT_OPTIONS');

export interface CoreClientOptions extends Omit<CallRunnerOptions, 'metrics'> {
  /** core-api's base URL, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** The calling BFF: the service token's issuer and the `User-Agent`. */
  caller: string;
  /** Ed25519 private key that signs this BFF's service tokens. */
  serviceKey: KeyObject;
  /** Keep-alive connections to core-api held by this process. */
  connections?: number;
  /** Per-attempt timeout in milliseconds (`resilience.deadlineMs` bounds the whole call, retries included). */
  timeoutMs?: number;
  /** Largest core-api response accepted, in bytes. */
  maxResponseBytes?: number;
  /**
   * Where the client's Prometheus metrics are registered. Defaults to the service's registry
   * (platform-metrics' `METRICS_REGISTRY`, served at `/metrics`) when there is one, else its own.
   */
  registry?: Registry;
}

/** Closes the keep-alive pool and the cache connection on shutdown so the process exits promptly. */
@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(CORE_API_POOL) private readonly pool: Pool,
    private readonly client: CoreApiClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pool.close(), this.client.runner.close()]);
  }
}

/**
 * The typed core-api client for BFFs. One keep-alive undici `Pool` per process (never an agent per
 * request) carries every call, through core-client's own transport (docs/adr/0003). Every call
 * carries a short-lived service token naming this BFF and the end user.
 */
@Module({})
export class CoreClientModule {
  static forRoot(options: CoreClientOptions): DynamicModule {
    const timeoutMs =
      options.timeoutMs ??
      options.resilience?.attemptTimeoutMs ??
      DEFAULT_RESILIENCE.attemptTimeoutMs;
    const pool = new Pool(options.baseUrl, {
      connections: options.connections ?? 64,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 60_000,
      connectTimeout: 1_000,
    });
    return {
      module: CoreClientModule,
      providers: [
        { provide: CoreApiWatch, useFactory: () => new CoreApiWatch(options.baseUrl) },
        {
          provide: CoreApiStartupProbe,
          inject: [CoreApiWatch],
          useFactory: (watch: CoreApiWatch) => new CoreApiStartupProbe(pool, watch),
        },
        { provide: CORE_API_POOL, useValue: pool },
        { provide: CORE_CLIENT_OPTIONS, useValue: options },
        {
          provide: CoreClientMetrics,
          inject: [{ token: METRICS_REGISTRY, optional: true }],
          useFactory: (registry?: Registry) =>
            new CoreClientMetrics(options.registry ?? registry ?? new Registry()),
        },
        PoolCloser,
        {
          provide: CoreApiClient,
          inject: [CoreClientMetrics, CoreApiWatch],
          useFactory: (metrics: CoreClientMetrics, watch: CoreApiWatch) => {
            // No timeout of its own: the attempt timeout and deadline abort each request's signal.
            const transport = new CoreTransport(pool, {
              baseUrl: options.baseUrl,
              userAgent: `${options.caller} (core-client)`,
              maxResponseBytes: options.maxResponseBytes ?? 1024 * 1024,
              watch,
            });
            const signer = new ServiceTokenSigner(options.caller, options.serviceKey);
            return new CoreApiClient(transport, signer, {
              resilience: { attemptTimeoutMs: timeoutMs, ...options.resilience },
              operations: options.operations,
              cache: options.cache,
              metrics,
            });
          },
        },
      ],
      exports: [CoreApiClient, CoreClientMetrics, CoreApiWatch],
    };
  }
}
