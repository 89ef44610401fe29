import {
  type AgentResponse,
  type DevIdentity,
  nativeAppSignIn,
  type NativeAppTokens,
  OidcUserAgent,
  startDevIdentity,
} from '@bff/platform-auth/testing';
import { freePort } from './launcher';
import { RunningService, startService } from './processes';

/** The demo customer every suite signs in as (the one seed of core-api and the provider). */
export const DEMO_CUSTOMER = { email: 'ada@example.com', password: 'storefront-demo-ada' };
export const SECOND_CUSTOMER = { email: 'grace@example.com', password: 'storefront-demo-grace' };
export type Account = typeof DEMO_CUSTOMER;

/** The development provider's native app client: a loopback redirect, any port (RFC 8252 §7.3). */
export const APP_CLIENT = { clientId: 'storefront-app', redirectUri: 'http://127.0.0.1/callback' };

/**
 * The development OpenID provider as its own process, registered for web-bff at `webPorts` (the
 * first gets the back-channel logout URI), sharing `keysDir` with the services (the web client's
 * secret is a development secret there).
 */
export function startProvider(
  webPorts: number[],
  keysDir: string,
  env: Record<string, string> = {},
): Promise<DevIdentity> {
  return startDevIdentity({
    webBffUrls: webPorts.map((port) => `http://127.0.0.1:${port}`),
    keysDir,
    env,
  });
}

/** What a web-bff on `port` needs to be this provider's confidential client. */
export function webIdentityEnv(identity: DevIdentity, port: number): Record<string, string> {
  const origin = `http://127.0.0.1:${port}`;
  return {
    PORT: String(port),
    OIDC_ISSUER: identity.issuer,
    OIDC_REDIRECT_URI: `${origin}/bff/callback`,
    OIDC_POST_LOGOUT_REDIRECT_URI: `${origin}/`,
  };
}

/** A port for web-bff, chosen before it starts: the provider must know its callback first. */
export const webPort = freePort;

/**
 * Signs `account` in at web-bff the way a browser does: /bff/login, the provider's sign-in page,
 * the callback. Returns the `Cookie` header of the new session (`__Host-session=…`).
 */
export async function webSessionCookie(webUrl: string, account: Account = DEMO_CUSTOMER) {
  const { agent, back } = await webSignIn(webUrl, account);
  const cookie = agent.cookies.header(new URL(webUrl))?.split('; ').find(isSessionCookie);
  if (back.status >= 400 || !cookie)
    throw new Error(`the callback answered ${back.status}: ${back.body.slice(0, 300)}`);
  return cookie;
}

const isSessionCookie = (c: string) => c.startsWith('__Host-session=');

/** A browser's sign-in at web-bff up to web-bff's answer to the callback, whatever it is. */
export async function webSignIn(
  webUrl: string,
  account: Account = DEMO_CUSTOMER,
): Promise<{ agent: OidcUserAgent; back: AgentResponse }> {
  const agent = new OidcUserAgent();
  const login = await agent.get(`${webUrl}/bff/login?returnTo=/`);
  if (login.status !== 302 || !login.location)
    throw new Error(`/bff/login answered ${login.status}: ${login.body.slice(0, 300)}`);
  const callback = await agent.signIn(login.location, account);
  return { agent, back: await agent.get(callback) };
}

/** Signs `account` in as the native app does (code + PKCE in the system browser). */
export function mobileTokens(
  identity: DevIdentity,
  account: Account = DEMO_CUSTOMER,
): Promise<NativeAppTokens> {
  return nativeAppSignIn({ issuer: identity.issuer, ...APP_CLIENT, ...account });
}

/** core-api, the development provider and a web-bff that is its client, as real processes. */
export interface WebStack {
  core: RunningService;
  identity: DevIdentity;
  web: RunningService;
}

/**
 * Starts core-api (in-memory PGlite) and the development provider side by side, then web-bff on
 * both (with `webEnv` on top), all sharing `keysDir`. Stop them with `stopWebStack`.
 */
export async function startWebStack(
  keysDir: string,
  webEnv: Record<string, string> = {},
): Promise<WebStack> {
  const port = await webPort();
  const [core, identity] = await Promise.all([
    startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir }),
    startProvider([port], keysDir),
  ]);
  const web = await startService('web-bff', {
    CORE_API_URL: core.url,
    SERVICE_KEYS_DIR: keysDir,
    ...webIdentityEnv(identity, port),
    ...webEnv,
  });
  return { core, identity, web };
}

/** Stops what a stack started (any part may be missing when its start failed). */
export async function stopWebStack(stack: Partial<WebStack> | undefined): Promise<void> {
  const { web, core, identity } = stack ?? {};
  await web?.stop();
  await Promise.all([core?.stop(), identity?.stop()]);
}

/** core-api, the development provider and a mobile-bff that trusts its tokens, as real processes. */
export interface MobileStack {
  core: RunningService;
  identity: DevIdentity;
  mobile: RunningService;
}

/**
 * Starts core-api (in-memory PGlite) and the development provider side by side, then mobile-bff on
 * both (apps below 1.2.0 must update; `mobileEnv` on top), all sharing `keysDir`. Stop them with
 * `stopMobileStack`.
 */
export async function startMobileStack(
  keysDir: string,
  mobileEnv: Record<string, string> = {},
): Promise<MobileStack> {
  const [core, identity] = await Promise.all([
    startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir }),
    startProvider([], keysDir),
  ]);
  const mobile = await startService('mobile-bff', {
    CORE_API_URL: core.url,
    SERVICE_KEYS_DIR: keysDir,
    OIDC_ISSUER: identity.issuer,
    MIN_APP_VERSION: '1.2.0',
    ...mobileEnv,
  });
  return { core, identity, mobile };
}

/** Stops what a mobile stack started (any part may be missing when its start failed). */
export async function stopMobileStack(stack: Partial<MobileStack> | undefined): Promise<void> {
  const { mobile, core, identity } = stack ?? {};
  await mobile?.stop();
  await Promise.all([core?.stop(), identity?.stop()]);
}
