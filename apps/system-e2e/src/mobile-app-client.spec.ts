import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { type DevIdentity, OidcUserAgent } from '@bff/platform-auth/testing';
import { DEMO_CUSTOMER, startMobileStack, stopMobileStack } from './support/identity';
import type { RunningService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The reference mobile app client (apps/mobile-app-client, built by its `build` target) run as a
 * program against the real core-api, mobile-bff and development provider. This test is only its
 * system browser: it signs the demo customer in at the URL the program prints and brings the
 * code back to the program's loopback redirect. Every mobile-bff call is the program's, through
 * @bff/mobile-sdk.
 */
describe('the reference mobile app client against the real stack', () => {
  const keysDir = tempKeysDir();
  let core: RunningService;
  let mobile: RunningService;
  let identity: DevIdentity;

  beforeAll(async () => {
    ({ core, identity, mobile } = await startMobileStack(keysDir));
  }, 180_000);
  afterAll(() => stopMobileStack({ core, identity, mobile }));

  it('signs in, browses, revalidates, orders once per key, refreshes, and is told to update when old', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/mobile-app-client/main.js')], {
      env: {
        ...process.env,
        MOBILE_BFF_URL: mobile.url,
        OIDC_ISSUER: identity.issuer,
        OIDC_CLIENT_ID: 'storefront-app',
        APP_VERSION: '1.4.0',
        OLD_APP_VERSION: '1.1.9',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const steps: Record<string, any> = {};
    const browser: Promise<unknown>[] = [];
    let done = false;
    for await (const line of createInterface({ input: child.stdout })) {
      const [kind, name] = line.split(' ', 2);
      if (kind === 'OPEN' && name) {
        // The system browser: the user signs in at the provider, which redirects to the app.
        browser.push(
          new OidcUserAgent().signIn(name, DEMO_CUSTOMER).then((callback) => fetch(callback)),
        );
      } else if (kind === 'STEP' && name) {
        steps[name] = JSON.parse(line.slice(`STEP ${name} `.length));
      } else if (kind === 'DONE') done = true;
    }
    const code = await new Promise<number | null>((r) =>
      child.exitCode !== null ? r(child.exitCode) : child.on('exit', r),
    );
    await Promise.all(browser);
    expect({ code, stderr, done }).toEqual({ code: 0, stderr: '', done: true });

    expect(steps['old-version']).toEqual({
      status: 426,
      updateRequired: true,
      minimumVersion: '1.2.0',
    });
    expect(steps['signed-in']).toEqual({ refreshToken: true });
    expect(steps['home'].status).toBe(200);
    expect(steps['home'].categories).toBeGreaterThan(0);
    expect(steps['category'].items).toBeGreaterThan(0);
    expect(steps['search'].items).toBeGreaterThan(0);
    expect(steps['product']).toMatchObject({ revalidated: '304', sameAnswer: true });
    expect(steps['product'].etag).toMatch(/^W\/"/);
    expect(steps['cart'].itemCount).toBeGreaterThan(0);
    expect(steps['checkout']).toMatchObject({ status: 201, retrySameOrder: true });
    expect(steps['refreshed']).toEqual({ newToken: true, ordersStatus: 200, hasOrder: true });
  }, 180_000);
});
