import { BffOptions } from './options';

/** What the templates say differently per sign-in style: README sentences, code of a style. */
export function templateText(o: BffOptions): Record<string, string> {
  return {
    ...NO_SESSION,
    ...(o.auth === 'bearer' ? BEARER_PERSONAL : {}),
    ...(o.auth === 'session' ? sessionCode(o) : {}),
    ...readmeText(o),
  };
}

/** How the personal example route asks for the signed-in customer, bearer style. */
const BEARER_PERSONAL = {
  personalImport: "import { CurrentCustomer, RequiresSignIn } from '@bff/bff-bearer';",
  personalDecorator: '@RequiresSignIn()',
  customerParameter: '@CurrentCustomer() customerId: number',
};

function readmeText(o: BffOptions): Record<string, string> {
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
        authRoutes:
          '| `GET /cart`             | the signed-in customer\'s cart: item count, subtotal   | `POST /customers/link` (first sign-in, then cached), cart                         |\n',
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

/** The session style's code, from `@bff/bff-session` (filled in from its README's example). */
const NO_SESSION: Record<string, string> = {
  sessionEnvImport: '',
  sessionEnvShape: '',
  sessionEnvRefine: '',
  sessionOptionsExport: '',
  sessionModuleImport: '',
  sessionModuleUse: '',
  sessionOpenApiImport: '',
  sessionSecurity: '',
  sessionTags: '',
  sessionProblemExamples: '',
  sessionPatch: '',
  sessionHttpImport: '',
  sessionHttpUse: '',
  sessionTestingImport: '',
  sessionTestingHook: '',
  sessionCartSpec: '',
  personalImport: '',
  personalDecorator: '',
  customerParameter: '',
};

function sessionCode(_o: BffOptions): Record<string, string> {
  return {};
}
