import type { CsrfOptions } from './csrf/csrf.guard';
import { OidcSettings, oidcSettingsFromEnv } from './oidc/oidc-settings';
import type { SessionEnv } from './session-env';
import { cookieNamesOf, SessionCookieNames } from './session/session-cookie';
import type { SessionTimeouts } from './session/session.store';

/** Everything `SessionAuthModule.forRoot` needs; `sessionOptionsFromEnv` builds it. */
export interface SessionAuthOptions {
  /** The BFF's name (`partner-bff`): the default client id, and its name in the OpenAPI texts. */
  service: string;
  csrf: CsrfOptions;
  oidc: OidcSettings;
  session: SessionTimeouts;
  cookies: SessionCookieNames;
}

export interface SessionServiceOptions {
  /** The BFF's name, as in `bffFoundation(service, env)`. */
  service: string;
  /** The cookie names; default `__Host-<service>-session` and `__Host-<service>-login`. */
  cookies?: SessionCookieNames;
  /** A page the 403 `csrf_header_missing` problem points to (a repository path), if any. */
  securityDoc?: string;
}

/** The validated env (`sessionEnvShape`, PORT, NODE_ENV, SERVICE_KEYS_DIR) as module options. */
export function sessionOptionsFromEnv(
  env: SessionEnv,
  { service, cookies, securityDoc }: SessionServiceOptions,
): SessionAuthOptions {
  return {
    service,
    csrf: { publicOrigins: env.PUBLIC_ORIGINS, ...(securityDoc ? { securityDoc } : {}) },
    oidc: oidcSettingsFromEnv(env, service),
    session: {
      idleMs: env.SESSION_IDLE_MS,
      absoluteMs: env.SESSION_ABSOLUTE_MS,
      maxPerCustomer: env.SESSION_MAX_PER_CUSTOMER,
    },
    cookies: cookies ?? cookieNamesOf(service),
  };
}
