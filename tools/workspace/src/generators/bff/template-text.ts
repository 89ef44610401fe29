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
  personalCacheControl: 'private, no-store',
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
          "| `GET /cart`             | the signed-in customer's cart: item count, subtotal   | `POST /customers/link` (first sign-in, then cached), cart                         |\n",
        authEnvSummary:
          ', the provider whose tokens it accepts (`OIDC_*`, audience `' + o.name + '`)',
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
  sessionTestEnv: '',
  personalImport: '',
  personalDecorator: '',
  customerParameter: '',
  csrfImport: '',
  csrfDecorator: '',
  requestHeaders: '{}',
  personalCacheControl: '',
};

function sessionCode(o: BffOptions): Record<string, string> {
  const options = `${o.propertyName}SessionOptions`;
  return {
    sessionEnvImport:
      "import {\n  requireOidcInProduction,\n  SessionAuthOptions,\n  sessionEnvShape,\n  sessionOptionsFromEnv,\n} from '@bff/bff-session';",
    sessionEnvShape:
      '    // Its client at the identity provider (OIDC_*), the session and CSRF settings.\n    ...sessionEnvShape,',
    sessionEnvRefine: '  .superRefine(requireOidcInProduction)',
    sessionOptionsExport: [
      '',
      `/** How ${o.name} signs customers in at the provider and keeps their session, from its settings. */`,
      `export const ${options} = (env: ${o.className}Env): SessionAuthOptions =>`,
      `  sessionOptionsFromEnv(env, { service: '${o.name}' });`,
      '',
    ].join('\n'),
    sessionModuleImport: "import { SessionAuthModule } from '@bff/bff-session';",
    sessionModuleUse:
      `        // Sign-in at the provider, the server-side session, CSRF defence, the /bff routes, no-store on personal answers.\n` +
      `        SessionAuthModule.forRoot(${options}(env)),`,
    sessionOpenApiImport: "import { sessionOpenApi } from '@bff/bff-session';",
    sessionSecurity: '    security: session.security,',
    sessionTags:
      "        identity: 'Sign-in at the identity provider, the session and signing out.',",
    sessionProblemExamples: '      ...session.problemExamples,',
    sessionPatch: '      session.patch(document);',
    sessionHttpImport: "import { configureSessionHttp } from '@bff/bff-session';",
    sessionHttpUse: '    configure: (app) => configureSessionHttp(app),',
    sessionTestingImport: [
      "import { ADA } from '@bff/core-client/testing';",
      "import { SessionStore } from '@bff/bff-session';",
      "import { mkdtempSync } from 'node:fs';",
      "import { tmpdir } from 'node:os';",
      "import { join } from 'node:path';",
    ].join('\n'),
    sessionTestingHook: [
      '',
      '/**',
      ` * Registers the hooks of a ${o.name} HTTP spec: a fake core-api (reset before each test) and`,
      ` * ${o.name} in front of it, for the describe block. See \`useBff\` in \`@bff/bff-kit/testing\`.`,
      ' */',
      `export const use${o.className} = ${o.propertyName}.use;`,
      '',
      '/**',
      ' * What a signed-in browser sends: the anti-CSRF header and the cookie of a real session of Ada,',
      " * opened in the running app's own session store (sign-in itself is @bff/bff-session's to test).",
      ' */',
      'export async function signedInHeaders(app: BffTestApp): Promise<Record<string, string>> {',
      '  const sessions = app.app.get(SessionStore);',
      '  const { id } = await sessions.create(ADA.customer, {',
      '    subject: `test-subject-${ADA.customer.id}`,',
      "    tokens: { accessToken: 'placeholder-access-token', expiresAt: sessions.now() + 3_600_000 },",
      '  });',
      `  const { cookies } = ${options}(load${o.className}Env({}));`,
      "  return { 'x-csrf': '1', cookie: `${cookies.session}=${id}` };",
      '}',
      '',
    ].join('\n'),
    sessionTestEnv: ", SERVICE_KEYS_DIR: mkdtempSync(join(tmpdir(), 'spec-keys-'))",
    sessionCartSpec: [
      '  it("answers the signed-in customer\'s cart, kept by no cache", async () => {',
      '    const res = await fetch(`${bff.url}/cart`, { headers: await signedInHeaders(bff.app) });',
      '    expect(res.status).toBe(200);',
      "    expect(res.headers.get('cache-control')).toBe('no-store');",
      '    expect(await body(res)).toEqual({',
      '      itemCount: expect.any(Number),',
      '      subtotal: { amountMinor: expect.any(Number), currency: expect.any(String) },',
      '    });',
      "    expect(core.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /carts/me']);",
      '  });',
      '',
      "  it('answers 401 without a session, asking core-api nothing', async () => {",
      "    await expectProblem(fetch(`${bff.url}/cart`, { headers: { 'x-csrf': '1' } }), 401);",
      '    expect(core.calls).toEqual([]);',
      '  });',
      '',
      "  it('answers 403 without the anti-CSRF header, even with a session', async () => {",
      '    const { cookie } = await signedInHeaders(bff.app);',
      "    await expectProblem(fetch(`${bff.url}/cart`, { headers: { cookie: cookie ?? '' } }), 403, 'csrf_header_missing');",
      '    expect(core.calls).toEqual([]);',
      '  });',
      '',
    ].join('\n'),
    personalImport:
      "import { CsrfHeader, RequiresSession, SignedInCustomer } from '@bff/bff-session';",
    personalDecorator: '@RequiresSession()',
    customerParameter: '@SignedInCustomer() customerId: number',
    csrfImport: "import { CsrfHeader } from '@bff/bff-session';",
    csrfDecorator: '@CsrfHeader()',
    requestHeaders: "{ 'x-csrf': '1' }",
    personalCacheControl: 'no-store',
  };
}
