import { DevServiceKeys } from '@bff/platform-auth';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningService, startService } from './support/processes';
import type { DevIdentity } from '@bff/platform-auth/testing';
import { startProvider, webIdentityEnv, webPort, webSignIn } from './support/identity';
import { tempKeysDir } from './support/service-tokens';

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Polls `check` every 100 ms until it holds; fails with `describe()` after `ms` (wide: a busy machine is slow). */
async function eventually(
  check: () => boolean | Promise<boolean>,
  describe: () => string,
  ms = 30_000,
) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not true after ${ms} ms:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a BFF tells its log, once, what is wrong with its link to core-api', () => {
  it('names the URL and ECONNREFUSED at start, before any request, then says when core-api is back', async () => {
    // A port that was free a moment ago and has no listener now: connections are refused.
    const probe = await listen(createServer());
    const port = (probe.address() as AddressInfo).port;
    await close(probe);
    const url = `http://127.0.0.1:${port}`;
    const web = await startService('web-bff', {
      CORE_API_URL: url,
      SERVICE_KEYS_DIR: tempKeysDir(),
    });
    let core: Server | undefined;
    try {
      const down = `core-api at ${url} is unreachable (ECONNREFUSED)`;
      // After the start-up look's grace period for a core-api that is still starting (10 s).
      await eventually(() => web.output().includes(down), web.output, 60_000);
      for (let i = 0; i < 5; i++)
        await fetch(`${web.url}/api/pages/product/1`, { headers: { 'x-csrf': '1' } });
      expect(await (await fetch(`${web.url}/health/ready`)).json()).toMatchObject({ status: 'ok' });
      expect(occurrences(web.output(), down)).toBe(1);

      // core-api comes back on the same port: the next look (a readiness probe) notices.
      core = await listen(
        createServer((_req, res) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
        ),
        port,
      );
      const back = `core-api at ${url} is reachable again`;
      await eventually(async () => {
        await fetch(`${web.url}/health/ready`);
        return web.output().includes(back);
      }, web.output);
      expect(occurrences(web.output(), back)).toBe(1);
      expect(occurrences(web.output(), down)).toBe(1);
    } finally {
      expect(await web.stop()).toBe(0);
      if (core) await close(core);
    }
  });

  describe('when core-api trusts another key for it (the data folder was reset under running services)', () => {
    const coreKeys = tempKeysDir();
    // core-api's folder holds a web-bff key that is not the one the running web-bff signs with.
    new DevServiceKeys(coreKeys).keyPairFor('web-bff');
    let core: RunningService;
    let web: RunningService;
    let identity: DevIdentity;

    beforeAll(async () => {
      const webKeys = tempKeysDir();
      const port = await webPort();
      [core, identity] = await Promise.all([
        startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: coreKeys }),
        startProvider([port], webKeys),
      ]);
      web = await startService('web-bff', {
        CORE_API_URL: core.url,
        SERVICE_KEYS_DIR: webKeys,
        ...webIdentityEnv(identity, port),
      });
    });
    afterAll(async () => {
      await web?.stop();
      await Promise.all([core?.stop(), identity?.stop()]);
    });

    it("answers a shopper's sign-in with a 502 that does not blame their credentials, and logs the fix once on each side", async () => {
      for (let i = 0; i < 3; i++) {
        // Signed in at the provider; web-bff cannot link the customer at core-api.
        const { back } = await webSignIn(web.url);
        expect(back.status).toBe(502);
        expect(back.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(back.headers.getSetCookie().join()).not.toMatch(/__Host-session=[^;]/);
        const problem = JSON.parse(back.body) as { code: string; detail: string };
        expect(problem.code).toBe('core_api_refused_service');
        expect(problem.detail).not.toMatch(/token|credential|password/i);
      }
      const bff =
        "core-api rejected this service's token (bad signature or algorithm): its trusted keys do not match";
      await eventually(() => web.output().includes(bff), web.output);
      expect(occurrences(web.output(), bff)).toBe(1);
      expect(web.output()).toContain('restart all services together (npm start)');
      const coreLine = 'Refused service tokens from web-bff (bad signature or algorithm)';
      expect(occurrences(core.output(), coreLine)).toBe(1);
      expect(core.output()).toContain(
        "core-api's trusted keys do not match the key web-bff signs with",
      );
    });
  });
});

function listen(server: Server, port = 0): Promise<Server> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
