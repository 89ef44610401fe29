import { BffOptions } from './options';

/** The sentences of the app's README that depend on how its frontend signs in. */
export function templateText(o: BffOptions): Record<string, string> {
  switch (o.auth) {
    case 'session':
      return {
        authSummary:
          "and a server-side session as the identity provider's OAuth client (the browser holds only an HttpOnly cookie; CSRF defence on every route)",
        authRoutes:
          '| `GET /bff/login`, `GET /bff/callback`, `POST /bff/logout`, `GET /bff/user`, `POST /bff/backchannel-logout` | sign-in at the provider, the session, sign-out (from `@bff/bff-session`) | `POST /customers/link` at sign-in |\n',
        authEnvSummary: ', the provider (`OIDC_*`), the session and CSRF settings',
        authNever: ', or hand a token to the browser',
      };
    case 'bearer':
      return {
        authSummary:
          "and the identity provider's access tokens as bearer tokens (a resource server: it issues no token, takes no password)",
        authRoutes: '| `GET /me`               | who is signed in (bearer token required)              | `POST /customers/link` (first sign-in)                                            |\n',
        authEnvSummary: ', the provider whose tokens it accepts (`OIDC_*`, audience `' + o.name + '`)',
        authNever: ', or accept a token another audience was given',
      };
    case 'none':
      return {
        authSummary: 'public answers only (no sign-in)',
        authRoutes: '',
        authEnvSummary: '',
        authNever: '',
      };
  }
}
