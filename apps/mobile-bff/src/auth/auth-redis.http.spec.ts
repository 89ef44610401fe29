import { expectProblem, Phone, Tokens, body, useMobileBff } from '../testing/test-app';

const REDIS_URL = process.env['REDIS_URL'];
const redisIt = REDIS_URL ? it : it.skip;
const label = REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set';

/**
 * Two replicas of mobile-bff on one Redis (and one fake core-api), started only when REDIS_URL is
 * set: without it the tests are skipped, and so are the hooks.
 */
function useReplicas(env: Record<string, string> = {}) {
  const shared = { ...env, REDIS_URL: REDIS_URL ?? '' };
  const one = useMobileBff({ env: shared });
  const two = useMobileBff({ core: one.core, env: shared });
  return { one, two };
}

describe('two mobile-bff replicas sharing Redis', () => {
  const { one, two } = useReplicas({ REFRESH_REUSE_GRACE_MS: '0' });

  redisIt(
    `rotate on one replica a refresh token issued by the other, and detect its reuse on either (${label})`,
    async () => {
      const onOne = new Phone(one.url);
      const signIn = await onOne.signIn();
      const rotated = await new Phone(two.url).post('/v1/auth/refresh', {
        refreshToken: signIn.refreshToken,
      });
      expect(rotated.status).toBe(200);
      const successor = await body<Tokens>(rotated);
      // The access token from replica two works on replica one: same key, same family state.
      onOne.accessToken = successor.accessToken;
      expect((await onOne.fetch('/v1/screens/cart')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const reused = new Phone(one.url).post('/v1/auth/refresh', {
        refreshToken: signIn.refreshToken,
      });
      await expectProblem(reused, 400, 'invalid_grant');
      const onTwo = new Phone(two.url);
      const afterRevocation = await onTwo.post('/v1/auth/refresh', {
        refreshToken: successor.refreshToken,
      });
      expect(afterRevocation.status).toBe(400);
      onTwo.accessToken = successor.accessToken;
      expect((await onTwo.fetch('/v1/screens/cart')).status).toBe(401);
    },
  );
});

describe('two mobile-bff replicas sharing Redis, refreshed at the same moment', () => {
  const { one, two } = useReplicas();

  redisIt(`hand both concurrent refreshes of one token the same successor (${label})`, async () => {
    const { refreshToken } = await new Phone(one.url).signIn();
    const answers = await Promise.all(
      [one, two, one, two].map((replica) =>
        new Phone(replica.url).post('/v1/auth/refresh', { refreshToken }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const successors = new Set(
      (await Promise.all(answers.map((r) => body<Tokens>(r)))).map((b) => b.refreshToken),
    );
    expect(successors.size).toBe(1);
    const [successor] = [...successors];
    const again = await new Phone(two.url).post('/v1/auth/refresh', { refreshToken: successor });
    expect(again.status).toBe(200);
  });
});
