import { HttpModule, HttpService } from '@nestjs/axios';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ServiceTokenSigner } from '@bff/platform-auth';
import { KeyObject } from 'node:crypto';
import { Pool } from 'undici';
import { CoreApiClient } from './core-api.client';
import { undiciAdapter } from './transport/undici-adapter';

export const CORE_API_POOL = Symbol('CORE_API_POOL');
export const CORE_CLIENT_OPTIONS = Symbol('CORE_CLIENT_OPTIONS');

export interface CoreClientOptions {
  /** core-api's base URL, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** The calling BFF: the service token's issuer and the `User-Agent`. */
  caller: string;
  /** Ed25519 private key that signs this BFF's service tokens. */
  serviceKey: KeyObject;
  /** Keep-alive connections to core-api held by this process. */
  connections?: number;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** Largest core-api response accepted, in bytes. */
  maxResponseBytes?: number;
}

/** Closes the keep-alive pool on shutdown so the process exits promptly. */
@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(CORE_API_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * The typed core-api client for BFFs. One keep-alive undici `Pool` per process (never an agent per
 * request) carries every call; `@nestjs/axios`'s `HttpService` is the Nest-facing API over it.
 * Every call carries a short-lived service token naming this BFF and the end user.
 */
@Module({})
export class CoreClientModule {
  static forRoot(options: CoreClientOptions): DynamicModule {
    const pool = new Pool(options.baseUrl, {
      connections: options.connections ?? 64,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 60_000,
      connectTimeout: 1_000,
    });
    return {
      module: CoreClientModule,
      imports: [
        HttpModule.register({
          baseURL: options.baseUrl,
          adapter: undiciAdapter(pool),
          timeout: options.timeoutMs ?? 2_000,
          maxContentLength: options.maxResponseBytes ?? 1024 * 1024,
          responseType: 'json',
          headers: { accept: 'application/json', 'user-agent': `${options.caller} (core-client)` },
        }),
      ],
      providers: [
        { provide: CORE_API_POOL, useValue: pool },
        { provide: CORE_CLIENT_OPTIONS, useValue: options },
        PoolCloser,
        {
          provide: CoreApiClient,
          inject: [HttpService],
          useFactory: (http: HttpService) => new CoreApiClient(http, new ServiceTokenSigner(options.caller, options.serviceKey)),
        },
      ],
      exports: [CoreApiClient],
    };
  }
}
