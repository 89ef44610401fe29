// Jest hooks for the BFFs' HTTP specs: one call registers the lifecycle a describe block needs
// (a fake core-api, the BFF in front of it) and hands back an object whose getters give what was
// started. Each BFF wraps `useBff` in its own `useWebBff()` / `useMobileBff()`.
import { FakeCoreApi, resetAround } from '@bff/core-client/testing';
import { Clock } from '@bff/platform-state';
import { BffTestApp } from './bff-test-app';

/** How a BFF's spec helpers start it against `coreUrl`: `startWebBff`, `startMobileBff`. */
export type StartBff<A extends BffTestApp = BffTestApp> = (
  coreUrl: string,
  env?: Record<string, string>,
  clock?: Clock,
) => Promise<A>;

export interface UseBffOptions {
  /** Environment on top of the test defaults (`bffTestEnv`). */
  env?: Record<string, string>;
  /** The app's clock, e.g. a `ManualClock` the test moves on. */
  clock?: Clock;
  /**
   * The fake core-api of another hook (`useFakeCoreApi()`, or another app's `.core`) when several
   * apps share one; by default the app gets a fake of its own, reset before each test.
   */
  core?: FakeCoreApi;
}

export interface BffHook<A extends BffTestApp = BffTestApp> {
  /** The fake core-api behind the app. */
  readonly core: FakeCoreApi;
  /** The started app (inside tests and later hooks). */
  readonly app: A;
  /** Where the app listens, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
}

/**
 * Registers the hooks of a BFF HTTP spec: the fake core-api (unless `options.core` is given) and
 * the BFF started with `start` before the block's tests, both closed after them, the fake reset
 * around each test (see `useFakeCoreApi`). A spec's own `beforeAll` written after this call runs
 * once the app listens.
 */
export function useBff<A extends BffTestApp>(
  start: StartBff<A>,
  options: UseBffOptions = {},
): BffHook<A> {
  const core = options.core ?? new FakeCoreApi();
  const owned = core !== options.core;
  let app: A | undefined;

  beforeAll(async () => {
    if (owned) await core.start();
    app = await start(core.url, options.env ?? {}, options.clock);
  });
  afterAll(async () => {
    await app?.close();
    if (owned) await core.stop();
  });
  if (owned) resetAround(core);

  return {
    core,
    get app(): A {
      if (!app) throw new Error('The BFF is not running: use it inside tests or later hooks');
      return app;
    },
    get url(): string {
      return this.app.url;
    },
  };
}
