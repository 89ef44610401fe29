import { DevIdentity, freePort, OidcUserAgent, startDevIdentity } from '@bff/platform-auth/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

const REDIS_URL = process.env['REDIS_URL'];
/** A demo account of the development provider (@bff/demo-customers). */
const ADA = { email: 'ada@example.com', password: 'storefront-demo-ada' };
const label = REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set';

/**
 * An access token lives 600 s at the provider and web-bff refreshes it in its last 590 s: a token
 * is due 10 s after it was issued, and a refreshed one is not due again for 10 s, a wide margin
 * for two concurrent requests to reach the two processes.
 */
const ACCESS_TOKEN_TTL_S = 600;
const REFRESH_BEFORE_S = 590;
const DUE_AFTER_MS = (ACCESS_TOKEN_TTL_S - REFRESH_BEFORE_S) * 1000;

interface Answer {
  status: number;
  location: string | null;
  body: string;
  setCookies: string[];
}

async function send(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { redirect: 'manual', headers });
  return {
    status: res.status,
    location: res.headers.get('location'),
    body: await res.text(),
    setCookies: res.headers.getSetCookie(),
  };
}

const cookie = (answer: Answer, name: string) =>
  /^[^=]+=([^;]*)/.exec(answer.setCookies.find((c) => c.startsWith(`${name}=`)) ?? '')?.[1];

/**
 * Two web-bff processes sharing Redis, the real development provider and the real core-api:
 * sign-in, token refresh and back-channel logout behave as one service. Built apps as real
 * processes; runs where Redis is reachable (`.ci/run` sets REDIS_URL).
 */
(REDIS_URL ? describe : describe.skip)(
  `web-bff identity across replicas sharing Redis (${label})`,
  () => {
    const keysDir = tempKeysDir();
    let core: RunningService;
    let idp: DevIdentity;
    let web: RunningService[] = [];

    beforeAll(async () => {
      core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
      const ports = [await freePort(), await freePort()];
      const origins = ports.map((port) => `http://127.0.0.1:${port}`);
      // The first process gets the provider's back-channel logout calls.
      idp = await startDevIdentity({
        keysDir,
        webBffUrls: origins,
        accessTokenTtlSeconds: ACCESS_TOKEN_TTL_S,
      });
      web = await Promise.all(
        ports.map((port) =>
          startService('web-bff', {
            PORT: String(port),
            REDIS_URL: REDIS_URL ?? '',
            SERVICE_KEYS_DIR: keysDir,
            CORE_API_URL: core.url,
            OIDC_ISSUER: idp.issuer,
            OIDC_CLIENT_SECRET: idp.webClientSecret,
            // One public callback, as behind a load balancer; either process may take it.
            OIDC_REDIRECT_URI: `${origins[0]}/bff/callback`,
            OIDC_REFRESH_BEFORE_SECONDS: String(REFRESH_BEFORE_S),
          }),
        ),
      );
    }); // the suite's 300 s: room for starting real processes on a loaded machine
    afterAll(async () => {
      await Promise.all([...web, core].filter(Boolean).map((s) => s.stop()));
      await idp?.stop();
    });

    /** Signs Ada in: the login on process one, the provider's redirect back taken by process two. */
    async function signIn(agent: OidcUserAgent): Promise<string> {
      const [one, two] = web.map((s) => s.url) as [string, string];
      const login = await send(`${one}/bff/login`);
      expect(login.status).toBe(302);
      const back = new URL(await agent.signIn(login.location!, ADA));
      const callback = await send(`${two}${back.pathname}${back.search}`, {
        cookie: `__Host-login=${cookie(login, '__Host-login')}`,
      });
      expect(callback.status).toBe(303);
      return `__Host-session=${cookie(callback, '__Host-session')}`;
    }
    const user = async (base: string, session: string) =>
      JSON.parse((await send(`${base}/bff/user`, { 'x-csrf': '1', cookie: session })).body) as {
        signedIn: boolean;
      };

    it('refreshes once for concurrent requests of one session on both processes, both answering 200', async () => {
      const session = await signIn(new OidcUserAgent());
      const refreshes = () =>
        idp.events('grant.success').filter((e) => e.grantType === 'refresh_token').length;
      const before = refreshes();
      await sleep(DUE_AFTER_MS + 1_000); // a lower bound only: the token is now due
      const answers = await Promise.all(
        web.map((s) => send(`${s.url}/api/pages/cart`, { 'x-csrf': '1', cookie: session })),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(refreshes() - before).toBe(1);
    });

    it('ends the session on both processes when one receives the back-channel logout', async () => {
      const agent = new OidcUserAgent();
      const session = await signIn(agent);
      for (const s of web) expect((await user(s.url, session)).signedIn).toBe(true);
      // The customer logs out at the provider itself: it calls process one back, server to server.
      const { end_session_endpoint } = (await (
        await fetch(`${idp.issuer}/.well-known/openid-configuration`)
      ).json()) as { end_session_endpoint: string };
      await agent.signOut(`${end_session_endpoint}?client_id=${idp.webClientId}`);
      const until = Date.now() + 30_000;
      while (Date.now() < until && (await user(web[1]!.url, session)).signedIn) await sleep(100);
      for (const s of web) expect((await user(s.url, session)).signedIn).toBe(false);
      expect(idp.events('backchannel.success').length).toBeGreaterThanOrEqual(1);
    });
  },
);
