// One way to start any BFF in a spec: its env loader and app options (as main.ts builds them),
// on top of the test defaults, listening on 127.0.0.1 with a free port; and its Jest hook.
import { CreateAppOptions } from '@bff/platform-bootstrap';
import { Clock } from '@bff/platform-state';
import { BffTestApp, bffTestEnv, listenForTest } from './bff-test-app';
import { BffHook, StartBff, useBff, UseBffOptions } from './bff-hooks';

/** What a BFF's spec helpers say about it to `defineBff`. */
export interface BffUnderTest<E extends { TRUST_PROXY?: boolean | number | string[] }> {
  /** The BFF's own env loader, e.g. `loadWebBffEnv`. */
  loadEnv(env: Record<string, string>): E;
  /** The app options main.ts builds from that env, with the test's clock. */
  appOptions(env: E, clock?: Clock): CreateAppOptions;
  /** What every test of this BFF needs beyond `bffTestEnv` (keys, secrets); a spec's env wins. */
  testEnv?(): Record<string, string>;
}

export interface DefinedBff {
  /** The real app against `coreUrl`, `env` over the test defaults (`startWebBff`). */
  start: StartBff<BffTestApp>;
  /** The Jest hooks of a spec of this BFF, with a fake core-api in front (`useWebBff`). */
  use(options?: UseBffOptions): BffHook<BffTestApp>;
}

/** A BFF as its specs start it: each BFF's testing/ folder defines its own once. */
export function defineBff<E extends { TRUST_PROXY?: boolean | number | string[] }>(
  bff: BffUnderTest<E>,
): DefinedBff {
  const start: StartBff<BffTestApp> = (coreUrl, env = {}, clock) => {
    const config = bff.loadEnv({ ...bffTestEnv(coreUrl), ...bff.testEnv?.(), ...env });
    // As bootstrap's run() does in production: TRUST_PROXY decides whose X-Forwarded-For counts.
    // A spec's own PORT is where the app listens (a provider calling it back must know it).
    return listenForTest(
      { ...bff.appOptions(config, clock), trustProxy: config.TRUST_PROXY },
      env['PORT'] ? Number(env['PORT']) : 0,
    );
  };
  return { start, use: (options = {}) => useBff(start, options) };
}
