// Spec helpers of mobile-bff: the real app (same options as main.ts) on 127.0.0.1 with a free
// port, in front of `FakeCoreApi` from `@bff/core-client/testing`, and a phone app's client of it.
// Never imported by production code.
import { ADA, BaseUrl, fetchJson, JsonRequestInit } from '@bff/core-client/testing';
import { defineBff } from '@bff/bff-kit/testing';
import { generateServiceKeyPair } from '@bff/platform-auth';
import { body } from '@bff/platform-bootstrap/testing';
import { mobileAppOptions } from '../app/mobile-app';
import { loadMobileBffEnv } from '../config/env';

export { body, expectProblem } from '@bff/platform-bootstrap/testing';

export const TEST_ACCESS_TOKEN_SECRET = 'test-access-token-secret-of-at-least-32-bytes';

const mobileBff = defineBff({
  loadEnv: loadMobileBffEnv,
  appOptions: (env, clock) => mobileAppOptions(env, { clock }),
  testEnv: () => ({
    SERVICE_TOKEN_PRIVATE_KEY: generateServiceKeyPair().privateKey,
    ACCESS_TOKEN_SECRET: TEST_ACCESS_TOKEN_SECRET,
  }),
});

/** Starts mobile-bff in this process against `coreUrl`; `env` overrides the test defaults. */
export const startMobileBff = mobileBff.start;

/**
 * Registers the hooks of a mobile-bff HTTP spec: a fake core-api (reset before each test) and
 * mobile-bff in front of it, for the describe block. See `useBff` for the options.
 */
export const useMobileBff = mobileBff.use;

/** The version rules the versioning specs expect: a minimum app version and v1's dates. */
export const VERSION_RULES_ENV = {
  MIN_APP_VERSION: '2.3.0',
  V1_DEPRECATED_AT: '2026-11-01T00:00:00Z',
  V1_SUNSET_AT: '2027-06-30T00:00:00Z',
};

/** What POST /v<n>/auth/token and /auth/refresh answer. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: string;
}

/** A phone app's client of mobile-bff: sends JSON, and its access token once it has one. */
export class Phone {
  accessToken?: string;

  /** `base`: mobile-bff's URL, or a getter of it (`() => mobile.url`) to make one before it starts. */
  constructor(private readonly base: BaseUrl) {}

  fetch(path: string, init: JsonRequestInit = {}): Promise<Response> {
    const token: Record<string, string> = this.accessToken
      ? { authorization: `Bearer ${this.accessToken}` }
      : {};
    return fetchJson(this.base, path, init, token);
  }

  post(path: string, json: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, { method: 'POST', json, headers });
  }

  /** Asks for tokens (Ada's unless told otherwise): POST /v1/auth/token, whatever it answers. */
  token(
    email = ADA.customer.email,
    password = ADA.password,
    path = '/v1/auth/token',
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.post(path, { email, password }, headers);
  }

  /** Signs in (Ada unless told otherwise), expects 200, and keeps the access token. */
  async signIn(email?: string, password?: string, path = '/v1/auth/token'): Promise<Tokens> {
    const res = await this.token(email, password, path);
    if (res.status !== 200) throw new Error(`POST ${path} answered ${res.status}`);
    const tokens = await body<Tokens>(res);
    this.accessToken = tokens.accessToken;
    return tokens;
  }
}
