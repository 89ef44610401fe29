// Spec helpers of web-bff's identity specs: the REAL development provider (apps/dev-identity, a
// process) and web-bff on a port the provider knows beforehand (its redirect and back-channel
// logout URIs), in front of the fake core-api; and the browser side of a sign-in.
import { ADA, FakeCoreApi, resetAround } from '@bff/core-client/testing';
import { BffTestApp } from '@bff/bff-kit/testing';
import { Clock } from '@bff/platform-state';
import {
  DevIdentity,
  DevIdentityOptions,
  freePort,
  OidcUserAgent,
  startDevIdentity,
} from '@bff/platform-auth/testing';
import { startWebBff } from './web-test-app';

export interface WithProvider {
  readonly idp: DevIdentity;
  readonly web: BffTestApp;
  readonly core: FakeCoreApi;
  readonly url: string;
}

export interface WithProviderOptions {
  provider?: DevIdentityOptions;
  /** web-bff's clock (a ManualClock moves its sessions and tokens towards expiry). */
  clock?: Clock;
  /** web-bff's environment on top of the OIDC_* settings that point it at the provider. */
  env?: Record<string, string>;
}

/** Registers hooks: fake core-api, the provider (a process), web-bff on a known free port. */
export function useWebBffWithProvider(options: WithProviderOptions = {}): WithProvider {
  const core = new FakeCoreApi();
  let idp: DevIdentity | undefined;
  let web: BffTestApp | undefined;
  beforeAll(async () => {
    await core.start();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    idp = await startDevIdentity({ webBffUrls: [origin], ...options.provider });
    web = await startWebBff(
      core.url,
      {
        PORT: String(port),
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.webClientId,
        OIDC_CLIENT_SECRET: idp.webClientSecret,
        OIDC_REDIRECT_URI: `${origin}/bff/callback`,
        ...options.env,
      },
      options.clock,
    );
  });
  afterAll(async () => {
    await web?.close();
    await idp?.stop();
    await core.stop();
  });
  resetAround(core);
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('not started: use it inside tests');
    return value;
  };
  return {
    core,
    get idp() {
      return running(idp);
    },
    get web() {
      return running(web);
    },
    get url() {
      return running(web).url;
    },
  };
}

/** A web-bff answer as a browser would keep it: status, headers, body, cookies it set. */
export interface WebAnswer {
  status: number;
  location: string | null;
  headers: Headers;
  text: string;
  setCookies: string[];
}

/** The value a `Set-Cookie` list gives `name` (undefined when not set; '' when cleared). */
export function cookieValue(setCookies: string[], name: string): string | undefined {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  return line === undefined ? undefined : (/^[^=]+=([^;]*)/.exec(line)?.[1] ?? '');
}

/**
 * One browser signing in to web-bff at the provider: web-bff's cookies kept by hand, the
 * provider's pages driven by an OidcUserAgent. Each step is public, so a test can tamper between.
 */
export class WebSignIn {
  /** The browser at the provider (its cookies there: a second sign-in skips the form). */
  agent = new OidcUserAgent();
  loginCookie?: string;
  session?: string;

  constructor(private readonly app: { url: string }) {}

  async send(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const cookies = [
      this.loginCookie ? `__Host-login=${this.loginCookie}` : '',
      this.session ? `__Host-session=${this.session}` : '',
    ].filter(Boolean);
    const res = await fetch(`${this.app.url}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { ...(cookies.length ? { cookie: cookies.join('; ') } : {}), ...init.headers },
    });
    const answer: WebAnswer = {
      status: res.status,
      location: res.headers.get('location'),
      headers: res.headers,
      text: await res.text(),
      setCookies: res.headers.getSetCookie(),
    };
    const login = cookieValue(answer.setCookies, '__Host-login');
    if (login !== undefined) this.loginCookie = login || undefined;
    const session = cookieValue(answer.setCookies, '__Host-session');
    if (session !== undefined) this.session = session || undefined;
    return answer;
  }

  /** GET /bff/login: the provider's authorization URL (302 Location). */
  async login(returnTo?: string): Promise<string> {
    const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
    const answer = await this.send(`/bff/login${query}`);
    if (answer.status !== 302 || !answer.location)
      throw new Error(`GET /bff/login answered ${answer.status}: ${answer.text}`);
    return answer.location;
  }

  /** Signs in on the provider's form; the callback URL it redirects to (not followed). */
  atProvider(authorizationUrl: string, who = ADA): Promise<string> {
    return this.agent.signIn(authorizationUrl, {
      email: who.customer.email,
      password: who.password,
    });
  }

  /** Follows the provider's redirect back to web-bff's callback. */
  callback(callbackUrl: string): Promise<WebAnswer> {
    const url = new URL(callbackUrl);
    return this.send(`${url.pathname}${url.search}`);
  }

  /** The whole sign-in; returns the callback's answer. */
  async signIn(returnTo?: string, who = ADA): Promise<WebAnswer> {
    return this.callback(await this.atProvider(await this.login(returnTo), who));
  }

  /** GET /bff/user, as the storefront asks (X-CSRF). */
  async user(): Promise<{ signedIn: boolean; [key: string]: unknown }> {
    const answer = await this.send('/bff/user', { headers: { 'x-csrf': '1' } });
    if (answer.status !== 200) throw new Error(`GET /bff/user answered ${answer.status}`);
    return JSON.parse(answer.text) as { signedIn: boolean };
  }
}
