import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, systemClock } from './clock';
import { MemoryStateStore } from './memory-state-store';
import { RedisStateStore } from './redis-state-store';
import { STATE_STORE, StateStore } from './state-store';

export interface StateModuleOptions {
  /** Prefix of every key, normally the service name, so services sharing a Redis never collide. */
  namespace: string;
  /** Redis URL; without it state lives in this process's memory. */
  redisUrl?: string;
}

@Injectable()
class StateStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

/** Provides `STATE_STORE` and `CLOCK` to the whole app. */
@Module({})
export class StateModule {
  static forRoot(options: StateModuleOptions): DynamicModule {
    return {
      module: StateModule,
      global: true,
      providers: [
        {
          provide: STATE_STORE,
          useFactory: (): StateStore => {
            const where = options.redisUrl
              ? 'Redis'
              : 'process memory (set REDIS_URL to share it between replicas)';
            new Logger('StateModule').log(`sessions, tokens and rate limits are kept in ${where}`);
            return options.redisUrl
              ? new RedisStateStore(options.redisUrl, `${options.namespace}:state:`)
              : new MemoryStateStore();
          },
        },
        { provide: CLOCK, useValue: systemClock },
        StateStoreCloser,
      ],
      exports: [STATE_STORE, CLOCK],
    };
  }
}
