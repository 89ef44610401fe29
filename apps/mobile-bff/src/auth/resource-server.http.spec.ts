// mobile-bff's side of sign-in that does not depend on which provider issued the token: the app
// while the provider cannot be reached, and the answer old apps get on the removed password
// routes. Real HTTP against the test issuer (a real JWKS server) and the fake core-api. The
// resource server's own rules (subject → customer link, the e-mail a first sign-in needs, a flood
// of unknown keys) are proved in the lib (libs/bff-auth/bearer); the provider-specific checks run
// against the real development provider in provider-tokens.http.spec.ts.
import { ADA } from '@bff/core-client/testing';
import { createServer } from 'node:net';
import { body, expectProblem, Phone, useMobileBff } from '../testing/test-app';

describe('mobile-bff while the identity provider cannot be reached', () => {
  let closedPort = 0;
  beforeAll(async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closedPort = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
  });
  const mobile = useMobileBff({
    env: {
      get OIDC_ISSUER() {
        return `http://127.0.0.1:${closedPort}`;
      },
    } as Record<string, string>,
  });

  it('starts, stays live, serves public screens, and answers personal ones 503, not 401 or 500', async () => {
    expect((await fetch(`${mobile.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${mobile.url}/v2/screens/home`)).status).toBe(200);
    const token = await mobile.issuer.tokenFor();
    const res = await fetch(`${mobile.url}/v2/screens/cart`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expectProblem(res, 503, 'identity_provider_unavailable');
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(mobile.core.calls.filter((c) => c.url === '/carts/me')).toEqual([]);
  });
});

describe('what an old app that still signs in with a password gets', () => {
  const mobile = useMobileBff();

  it.each(['/v1/auth/token', '/v2/auth/token', '/v1/auth/refresh', '/v2/auth/logout'])(
    'POST %s: 426 app_update_required naming the provider, without reading the body',
    async (path) => {
      // A body mobile-bff would refuse (415, 413) if it read it: the answer comes first.
      const res = await fetch(`${mobile.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-app-version': '2.9.0' },
        body: 'x'.repeat(1024 * 1024),
      });
      const problem = await expectProblem(res, 426, 'app_update_required');
      // The unread upload does not keep the connection (or a shutdown) waiting.
      expect(res.headers.get('connection')).toBe('close');
      expect(problem).toMatchObject({
        type: 'https://bff-platform.dev/problems/app-update-required',
        title: 'Update the app',
        reason: 'password_sign_in_removed',
        signInAt: mobile.issuer.url,
      });
      expect(mobile.core.calls).toEqual([]);
    },
  );

  it('takes no password on any route: a JSON sign-in gets the same 426 and no token', async () => {
    const res = await new Phone(mobile.url).post('/v1/auth/token', {
      email: ADA.customer.email,
      password: 'storefront-demo-ada',
    });
    const answer = await body<Record<string, unknown>>(res);
    expect(res.status).toBe(426);
    expect(answer).not.toHaveProperty('accessToken');
  });
});
