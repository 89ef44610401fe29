// Spec helpers of web-bff: the real app (createApp + webApp, as main.ts builds it) on 127.0.0.1:0
// in front of `FakeCoreApi` from `@bff/core-client/testing`, and a browser-like client of it.
import { ADA, BaseUrl, fetchJson, JsonRequestInit } from '@bff/core-client/testing';
import { BffTestApp, defineBff } from '@bff/bff-kit/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApp } from '../app/web-app';
import { loadWebBffEnv } from '../config/env';
import { SessionCustomer, SessionIdentity, SessionStore } from '@bff/bff-session';

export { body, expectProblem } from '@bff/platform-bootstrap/testing';

const webBff = defineBff({
  loadEnv: loadWebBffEnv,
  appOptions: (env, clock) => webApp(env, { clock }),
  testEnv: () => ({ SERVICE_KEYS_DIR: mkdtempSync(join(tmpdir(), 'web-bff-spec-keys-')) }),
});

/** The real web-bff against `coreUrl`, with test-friendly limits unless `env` says otherwise. */
export const startWebBff = webBff.start;

/**
 * Registers the hooks of a web-bff HTTP spec: a fake core-api (reset before each test) and
 * web-bff in front of it, for the describe block. See `useBff` for the options.
 */
export const useWebBff = webBff.use;

/** A browser-like client of web-bff: keeps the session cookie and sends the CSRF header. */
export class Browser {
  cookie?: string;

  /** `base`: web-bff's URL, or a getter of it (`() => web.url`) to make one before it starts. */
  constructor(private readonly base: BaseUrl) {}

  async fetch(path: string, init: JsonRequestInit = {}): Promise<Response> {
    const own: Record<string, string> = { 'x-csrf': '1' };
    if (this.cookie) own['cookie'] = `__Host-session=${this.cookie}`;
    const res = await fetchJson(this.base, path, { redirect: 'manual', ...init }, own);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('__Host-session='));
    if (set) {
      const value = /^__Host-session=([^;]*)/.exec(set)?.[1] ?? '';
      this.cookie = value && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(set) ? value : undefined;
    }
    return res;
  }

  /** Asks GET /bff/user whether this browser has a live session (200 either way). */
  async signedIn(): Promise<boolean> {
    const res = await this.fetch('/bff/user');
    if (res.status !== 200) throw new Error(`GET /bff/user answered ${res.status}`);
    return ((await res.json()) as { signedIn: boolean }).signedIn;
  }

  /**
   * Gives this browser a real session of `customer` (Ada unless told otherwise), opened in the
   * running app's own SessionStore: for specs whose subject is not sign-in (pages, cart,
   * checkout, CSRF). Sign-in itself is tested against the real provider (src/identity).
   */
  async signInAs(app: BffTestApp, customer: SessionCustomer = ADA.customer): Promise<void> {
    this.cookie = await openSession(app, customer);
  }
}

/**
 * Opens a session in the app's SessionStore, as the callback does after a sign-in, and returns
 * its id (the `__Host-session` cookie's value). Its tokens are placeholders that never need a
 * refresh (no refresh token, valid for an hour): nothing here talks to a provider.
 */
export async function openSession(
  app: BffTestApp,
  customer: SessionCustomer = ADA.customer,
  identity: Partial<SessionIdentity> = {},
): Promise<string> {
  const sessions = app.app.get(SessionStore);
  const { id } = await sessions.create(customer, {
    subject: `test-subject-${customer.id}`,
    tokens: { accessToken: 'placeholder-access-token', expiresAt: sessions.now() + 3_600_000 },
    ...identity,
  });
  return id;
}
