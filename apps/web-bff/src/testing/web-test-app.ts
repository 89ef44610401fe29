// Spec helpers of web-bff: the real app (createApp + webApp, as main.ts builds it) on 127.0.0.1:0,
// and a browser-like client of it. core-api is `FakeCoreApi` from `@bff/core-client/testing`.
import { ADA, BffTestApp, bffTestEnv, listenForTest } from '@bff/core-client/testing';
import { Clock } from '@bff/platform-state';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApp } from '../app/web-app';
import { loadWebBffEnv } from '../config/env';

export type WebTestApp = BffTestApp;

/** The real web-bff against `coreUrl`, with test-friendly limits unless `env` says otherwise. */
export async function startWebBff(
  coreUrl: string,
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<WebTestApp> {
  const config = loadWebBffEnv({
    ...bffTestEnv(coreUrl),
    SERVICE_KEYS_DIR: mkdtempSync(join(tmpdir(), 'web-bff-spec-keys-')),
    ...env,
  });
  // As bootstrap's run() does in production: TRUST_PROXY decides whose X-Forwarded-For counts.
  return listenForTest({ ...webApp(config, { clock }), trustProxy: config.TRUST_PROXY });
}

/** A browser-like client of web-bff: keeps the session cookie and sends the CSRF header. */
export class Browser {
  cookie?: string;

  constructor(private readonly base: string) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const { json: payload, headers, ...rest } = init;
    const res = await fetch(`${this.base}${path}`, {
      ...rest,
      redirect: 'manual',
      body: payload === undefined ? rest.body : JSON.stringify(payload),
      headers: {
        'x-csrf': '1',
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: `__Host-session=${this.cookie}` } : {}),
        ...(headers as Record<string, string> | undefined),
      },
    });
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

  signIn(email = ADA.customer.email, password = ADA.password): Promise<Response> {
    return this.fetch('/api/session', { method: 'POST', json: { email, password } });
  }
}

/** The JSON body of an answer, untyped: specs assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const body = async (res: Response): Promise<any> => res.json();
