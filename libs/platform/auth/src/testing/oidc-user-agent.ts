import { CookieJar } from './cookie-jar';
import { alertText, firstForm } from './html-form';

/** An answer as the user agent saw it (redirects are not followed). */
export interface AgentResponse {
  status: number;
  url: string;
  /** The absolute `Location` of a redirect, if any. */
  location: string | undefined;
  headers: Headers;
  body: string;
}

export interface Credentials {
  email: string;
  password: string;
}

/** Thrown by signIn when the provider answers with a page instead of a redirect to the client. */
export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly page: AgentResponse,
  ) {
    super(message);
    this.name = 'SignInRefused';
  }
}

const MAX_STEPS = 20;

/**
 * A browser, as far as an OpenID provider can tell: a cookie jar and redirects followed by hand
 * (fetch with `redirect: 'manual'`), so a test can stop at the redirect back to the client.
 */
export class OidcUserAgent {
  readonly cookies = new CookieJar();

  constructor(private readonly userAgent = 'OidcUserAgent (bff-platform tests)') {}

  get(url: string, headers: Record<string, string> = {}): Promise<AgentResponse> {
    return this.request('GET', url, undefined, headers);
  }

  post(
    url: string,
    form: Record<string, string> | URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<AgentResponse> {
    return this.request('POST', url, new URLSearchParams(form), headers);
  }

  /**
   * Opens `authorizationUrl`, fills the provider's sign-in form with the credentials, and follows
   * the provider's redirects until one goes to the client (the request's `redirect_uri`, or any
   * other origin). Returns that URL (e.g. `…/bff/callback?code=…&state=…`) WITHOUT following it.
   * Throws SignInRefused when the provider shows a page instead (a wrong password: the form again).
   */
  async signIn(authorizationUrl: string, { email, password }: Credentials): Promise<string> {
    const start = new URL(authorizationUrl);
    const redirectUri = start.searchParams.get('redirect_uri');
    const toClient = (url: string) =>
      redirectUri ? url.startsWith(redirectUri) : new URL(url).origin !== start.origin;
    let answer = await this.get(authorizationUrl);
    let submitted = false;
    for (let step = 0; step < MAX_STEPS; step++) {
      if (answer.location) {
        if (toClient(answer.location)) return answer.location;
        answer = await this.get(answer.location);
        continue;
      }
      const form = answer.status === 200 ? firstForm(answer.body, answer.url) : undefined;
      if (submitted || !form || !('password' in form.fields)) {
        throw new SignInRefused(
          `sign-in stopped at ${answer.url} (${answer.status}): ${alertText(answer.body) ?? answer.body.slice(0, 300)}`,
          answer,
        );
      }
      submitted = true;
      answer = await this.post(form.action, { ...form.fields, email, password });
    }
    throw new Error(`sign-in did not finish within ${MAX_STEPS} redirects`);
  }

  /**
   * Opens an RP-initiated logout URL (`end_session_endpoint?id_token_hint=…`), confirms it on the
   * provider's page, and follows redirects until one leaves the provider (the client's
   * post_logout_redirect_uri) or a page is shown. Returns that URL.
   */
  async signOut(endSessionUrl: string): Promise<string> {
    const origin = new URL(endSessionUrl).origin;
    let answer = await this.get(endSessionUrl);
    let confirmed = false;
    for (let step = 0; step < MAX_STEPS; step++) {
      if (answer.location) {
        if (new URL(answer.location).origin !== origin) return answer.location;
        answer = await this.get(answer.location);
        continue;
      }
      const form = answer.status === 200 ? firstForm(answer.body, answer.url) : undefined;
      if (confirmed || !form) return answer.url;
      confirmed = true;
      answer = await this.post(form.action, { ...form.fields, logout: 'yes' });
    }
    throw new Error(`sign-out did not finish within ${MAX_STEPS} redirects`);
  }

  private async request(
    method: string,
    url: string,
    body: URLSearchParams | undefined,
    headers: Record<string, string>,
  ): Promise<AgentResponse> {
    const target = new URL(url);
    const cookie = this.cookies.header(target);
    const response = await fetch(target, {
      method,
      body,
      redirect: 'manual',
      headers: {
        'user-agent': this.userAgent,
        accept: 'text/html,application/json;q=0.9,*/*;q=0.8',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
    });
    this.cookies.store(target, response.headers.getSetCookie());
    const location = response.headers.get('location');
    return {
      status: response.status,
      url: target.href,
      location:
        location && response.status >= 300 && response.status < 400
          ? new URL(location, target).href
          : undefined,
      headers: response.headers,
      body: await response.text(),
    };
  }
}
