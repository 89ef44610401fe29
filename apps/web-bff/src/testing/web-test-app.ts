// Spec helpers of web-bff: the real app (createApp + webApp, as main.ts builds it) on 127.0.0.1:0
// in front of `FakeCoreApi` from `@bff/core-client/testing`, and a browser-like client of it.
import { ADA, BaseUrl, fetchJson, JsonRequestInit } from '@bff/core-client/testing';
import { defineBff } from '@bff/bff-kit/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApp } from '../app/web-app';
import { loadWebBffEnv } from '../config/env';

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

  /** Asks GET /api/session whether this browser has a live session (200 either way). */
  async signedIn(): Promise<boolean> {
    const res = await this.fetch('/api/session');
    if (res.status !== 200) throw new Error(`GET /api/session answered ${res.status}`);
    return ((await res.json()) as { signedIn: boolean }).signedIn;
  }

  /** POST /api/session (Ada unless told otherwise), with `headers` beside the browser's own. */
  signIn(
    email = ADA.customer.email,
    password = ADA.password,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.fetch('/api/session', { method: 'POST', json: { email, password }, headers });
  }
}
