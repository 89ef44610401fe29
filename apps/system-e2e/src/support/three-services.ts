import type { DevIdentity } from '@bff/platform-auth/testing';
import { mobileTokens, startProvider, webIdentityEnv, webPort } from './identity';
import { webSessionCookie } from './clients';
import { RunningService, startService } from './processes';
import { coreApiCaller, tempKeysDir } from './service-tokens';

/** Margin for a start-up on a busy machine (a quiet one takes a few seconds). */
const START_MS = 150_000;

export type Service = 'core-api' | 'web-bff' | 'mobile-bff';

export interface ThreeServices {
  /** The running processes (set in beforeAll). */
  readonly services: Record<Service, RunningService>;
  /** The development OpenID provider the BFFs use (set in beforeAll). */
  readonly identity: DevIdentity;
  /** Calls core-api with a service token, as web-bff does. */
  readonly coreFetch: ReturnType<typeof coreApiCaller>;
  /** A signed-in web-bff session's cookie (set in beforeAll). */
  readonly webCookie: string;
  /** A signed-in mobile-bff access token, the provider's (set in beforeAll). */
  readonly mobileToken: string;
  /** The folder of development service keys the processes share (the provider's JWKS too). */
  readonly keysDir: string;
}

/**
 * Registers beforeAll/afterAll hooks that start the three built apps and the development OpenID
 * provider as real processes (core-api on an in-memory PGlite, both BFFs on it and on the
 * provider, one service-key directory) with the credentials their routes take: a web-bff session
 * cookie and a mobile-bff access token, both from signing in at the provider. Stops them afterwards.
 * `extraEnv` adds to (or overrides) one service's environment, e.g. a low rate limit.
 */
export function useThreeServices(
  extraEnv: Partial<Record<Service, Record<string, string>>> = {},
): ThreeServices {
  const keysDir = tempKeysDir();
  const services = {} as Record<Service, RunningService>;
  const coreFetch = coreApiCaller(() => services['core-api'].url, keysDir);
  let identity: DevIdentity | undefined;
  let webCookie = '';
  let mobileToken = '';

  beforeAll(async () => {
    const port = await webPort();
    [services['core-api'], identity] = await Promise.all([
      startService(
        'core-api',
        { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir, ...extraEnv['core-api'] },
        START_MS,
      ),
      startProvider([port], keysDir),
    ]);
    const env = { CORE_API_URL: services['core-api'].url, SERVICE_KEYS_DIR: keysDir };
    [services['web-bff'], services['mobile-bff']] = await Promise.all([
      startService(
        'web-bff',
        { ...env, ...webIdentityEnv(identity, port), ...extraEnv['web-bff'] },
        START_MS,
      ),
      startService(
        'mobile-bff',
        { ...env, OIDC_ISSUER: identity.issuer, ...extraEnv['mobile-bff'] },
        START_MS,
      ),
    ]);
    webCookie = await webSessionCookie(services['web-bff'].url);
    mobileToken = (await mobileTokens(identity)).accessToken;
    // Four processes, one with an embedded PostgreSQL, on a machine other suites keep busy.
  }, 180_000);
  afterAll(() =>
    Promise.all([...Object.values(services), ...(identity ? [identity] : [])].map((s) => s.stop())),
  );

  return {
    services,
    coreFetch,
    keysDir,
    get identity() {
      if (!identity) throw new Error('the provider starts in beforeAll');
      return identity;
    },
    get webCookie() {
      return webCookie;
    },
    get mobileToken() {
      return mobileToken;
    },
  };
}
