// Spec helpers of mobile-bff: the real app (same options as main.ts) on 127.0.0.1 with a free
// port, in front of `FakeCoreApi` from `@bff/core-client/testing` and a test issuer of access
// tokens, and a phone app's client of it. Never imported by production code.
import { ProviderAccount, TestIssuer, useTestIssuer } from '@bff/bff-bearer/testing';
import { BaseUrl, fetchJson, JsonRequestInit } from '@bff/core-client/testing';
import { BffHook, defineBff, UseBffOptions } from '@bff/bff-kit/testing';
import { generateServiceKeyPair } from '@bff/platform-auth';
import { mobileAppOptions } from '../app/mobile-app';
import { loadMobileBffEnv } from '../config/env';

export { body, expectProblem } from '@bff/platform-bootstrap/testing';

const mobileBff = defineBff({
  loadEnv: loadMobileBffEnv,
  appOptions: (env) => mobileAppOptions(env),
  testEnv: () => ({ SERVICE_TOKEN_PRIVATE_KEY: generateServiceKeyPair().privateKey }),
});

/**
 * Starts mobile-bff in this process against `coreUrl`; `env` overrides the test defaults and must
 * name the provider (`OIDC_ISSUER`).
 */
export const startMobileBff = mobileBff.start;

export interface MobileBffHook extends BffHook {
  /** The provider whose tokens the app accepts (unless the spec named another in `env`). */
  readonly issuer: TestIssuer;
  /** A phone of this app signed in as `account` (Ada unless told otherwise) at the test issuer. */
  signedInPhone(account?: ProviderAccount): Promise<Phone>;
}

/**
 * Registers the hooks of a mobile-bff HTTP spec: a test issuer of access tokens (`options.issuer`
 * to share one), a fake core-api (reset before each test) and mobile-bff in front of them, for
 * the describe block. A spec's `env.OIDC_ISSUER` wins over the test issuer. See `useBff`.
 */
export function useMobileBff(options: UseBffOptions & { issuer?: TestIssuer } = {}): MobileBffHook {
  const issuer = useTestIssuer(options.issuer ?? 'mobile-bff');
  // Getters stay getters (read when the app starts, once the issuer listens), the spec's win.
  const env = Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors({
        get OIDC_ISSUER() {
          return issuer.url;
        },
      }),
      ...Object.getOwnPropertyDescriptors(options.env ?? {}),
    },
  ) as Record<string, string>;
  const hook = mobileBff.use({ ...options, env });
  return {
    issuer,
    get core() {
      return hook.core;
    },
    get app() {
      return hook.app;
    },
    get url() {
      return hook.url;
    },
    async signedInPhone(account) {
      const phone = new Phone(hook.url);
      phone.accessToken = await issuer.tokenFor(account);
      return phone;
    },
  };
}

/** The version rules the versioning specs expect: a minimum app version and v1's dates. */
export const VERSION_RULES_ENV = {
  MIN_APP_VERSION: '2.3.0',
  V1_DEPRECATED_AT: '2026-11-01T00:00:00Z',
  V1_SUNSET_AT: '2027-06-30T00:00:00Z',
};

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
}
