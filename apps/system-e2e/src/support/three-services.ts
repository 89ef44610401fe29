import { mobileTokens, webSessionCookie } from './clients';
import { RunningService, startService } from './processes';
import { coreApiCaller, tempKeysDir } from './service-tokens';

/** Margin for a start-up on a busy machine (a quiet one takes a few seconds). */
const START_MS = 150_000;

export type Service = 'core-api' | 'web-bff' | 'mobile-bff';

export interface ThreeServices {
  /** The running processes (set in beforeAll). */
  readonly services: Record<Service, RunningService>;
  /** Calls core-api with a service token, as web-bff does. */
  readonly coreFetch: ReturnType<typeof coreApiCaller>;
  /** A signed-in web-bff session's cookie (set in beforeAll). */
  readonly webCookie: string;
  /** A signed-in mobile-bff access token (set in beforeAll). */
  readonly mobileToken: string;
}

/**
 * Registers beforeAll/afterAll hooks that start the three built apps as real processes (core-api
 * on an in-memory PGlite, both BFFs on it, one service-key directory) with the credentials their
 * routes take: a web-bff session cookie and a mobile-bff access token. Stops them afterwards.
 */
export function useThreeServices(): ThreeServices {
  const keysDir = tempKeysDir();
  const services = {} as Record<Service, RunningService>;
  const coreFetch = coreApiCaller(() => services['core-api'].url, keysDir);
  let webCookie = '';
  let mobileToken = '';

  beforeAll(async () => {
    services['core-api'] = await startService(
      'core-api',
      { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir },
      START_MS,
    );
    const env = { CORE_API_URL: services['core-api'].url, SERVICE_KEYS_DIR: keysDir };
    [services['web-bff'], services['mobile-bff']] = await Promise.all([
      startService('web-bff', env, START_MS),
      startService('mobile-bff', env, START_MS),
    ]);
    webCookie = await webSessionCookie(services['web-bff'].url);
    mobileToken = (await mobileTokens(services['mobile-bff'].url)).accessToken;
    // Three processes, one with an embedded PostgreSQL, on a machine other suites keep busy.
  }, 180_000);
  afterAll(() => Promise.all(Object.values(services).map((s) => s.stop())));

  return {
    services,
    coreFetch,
    get webCookie() {
      return webCookie;
    },
    get mobileToken() {
      return mobileToken;
    },
  };
}
