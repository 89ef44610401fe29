// The one entry point of a session BFF: env, module, Fastify plugin, personal routes, OpenAPI.
export { sessionEnvShape, requireOidcInProduction } from './lib/session-env';
export type { SessionEnv } from './lib/session-env';
export { sessionOptionsFromEnv } from './lib/session-options';
export type { SessionAuthOptions, SessionServiceOptions } from './lib/session-options';
export { SessionAuthModule } from './lib/session-auth.module';
export { configureSessionHttp } from './lib/session-http';
export { sessionOpenApi } from './lib/session-openapi';
export type { SessionOpenApi } from './lib/session-openapi';

// Personal routes and anti-CSRF route metadata.
export {
  RequiresSession,
  SignedInCustomer,
  sessionOf,
  SessionGuard,
  SESSION_SCHEME,
} from './lib/session/session.guard';
export { SessionRequiredProblem } from './lib/session/session.problems';
export {
  CsrfExempt,
  CsrfHeader,
  CsrfHeaderMissingProblem,
  CrossSiteRequestProblem,
  JsonBodyRequiredProblem,
  CSRF_HEADER,
  CSRF_VALUE,
} from './lib/csrf/csrf.guard';

// What a BFF's own specs reach for (open a session, look at its store, the provider client).
export { SessionStore } from './lib/session/session.store';
export type {
  SessionCustomer,
  SessionIdentity,
  SessionRecord,
  SessionTimeouts,
} from './lib/session/session.store';
export type { SessionCookieNames } from './lib/session/session-cookie';
export { OidcClient } from './lib/oidc/oidc-client';
export type { OidcSettings } from './lib/oidc/oidc-settings';
export { DEV_OIDC_ISSUER, isSecureOrLoopback } from './lib/oidc/oidc.env';
