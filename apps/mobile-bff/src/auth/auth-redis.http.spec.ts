import { ADA, FakeCoreApi } from '@bff/core-client/testing';
import { body, startMobileBff } from '../testing/test-app';

const REDIS_URL = process.env['REDIS_URL'];

describe('two mobile-bff replicas sharing Redis', () => {
  (REDIS_URL ? it : it.skip)(
    `rotate on one replica a refresh token issued by the other, and detect its reuse on either (${REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set'})`,
    async () => {
      const core = await new FakeCoreApi().start();
      const env = { REDIS_URL: REDIS_URL ?? '', REFRESH_REUSE_GRACE_MS: '0' };
      const [one, two] = await Promise.all([
        startMobileBff(core.url, env),
        startMobileBff(core.url, env),
      ]);
      const post = (base: string, path: string, body: unknown) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      try {
        const signIn = await body(
          post(one.url, '/v1/auth/token', { email: ADA.customer.email, password: ADA.password }),
        );
        const rotated = await post(two.url, '/v1/auth/refresh', {
          refreshToken: signIn.refreshToken,
        });
        expect(rotated.status).toBe(200);
        const successor = await body(rotated);
        // The access token from replica two works on replica one: same key, same family state.
        const cart = await fetch(`${one.url}/v1/screens/cart`, {
          headers: { authorization: `Bearer ${successor.accessToken}` },
        });
        expect(cart.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const reused = await post(one.url, '/v1/auth/refresh', {
          refreshToken: signIn.refreshToken,
        });
        expect(reused.status).toBe(400);
        expect(await body(reused)).toMatchObject({ code: 'invalid_grant' });
        const afterRevocation = await post(two.url, '/v1/auth/refresh', {
          refreshToken: successor.refreshToken,
        });
        expect(afterRevocation.status).toBe(400);
        const denied = await fetch(`${two.url}/v1/screens/cart`, {
          headers: { authorization: `Bearer ${successor.accessToken}` },
        });
        expect(denied.status).toBe(401);
      } finally {
        await Promise.all([one.close(), two.close()]);
        await core.stop();
      }
    },
  );
});

describe('two mobile-bff replicas sharing Redis, refreshed at the same moment', () => {
  (REDIS_URL ? it : it.skip)(
    `hand both concurrent refreshes of one token the same successor (${REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set'})`,
    async () => {
      const core = await new FakeCoreApi().start();
      const env = { REDIS_URL: REDIS_URL ?? '' };
      const [one, two] = await Promise.all([
        startMobileBff(core.url, env),
        startMobileBff(core.url, env),
      ]);
      const post = (base: string, path: string, json: unknown) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(json),
        });
      try {
        const signIn = await body(
          post(one.url, '/v1/auth/token', { email: ADA.customer.email, password: ADA.password }),
        );
        const answers = await Promise.all(
          [one, two, one, two].map((replica) =>
            post(replica.url, '/v1/auth/refresh', { refreshToken: signIn.refreshToken }),
          ),
        );
        expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
        const successors = new Set(
          (await Promise.all(answers.map((r) => body(r)))).map((b) => b.refreshToken),
        );
        expect(successors.size).toBe(1);
        const [successor] = [...successors];
        expect((await post(two.url, '/v1/auth/refresh', { refreshToken: successor })).status).toBe(
          200,
        );
      } finally {
        await Promise.all([one.close(), two.close()]);
        await core.stop();
      }
    },
  );
});
