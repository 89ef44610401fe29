import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventually,
  freePort,
  freeServicePorts,
  isAlive,
  Launch,
  launch,
  LAUNCH_MS,
  listenOn,
  portIsFree,
} from './support/launcher';
import { nativeAppSignIn } from '@bff/platform-auth/testing';
import { APP_CLIENT, DEMO_CUSTOMER, webSignIn } from './support/identity';
import { ROOT, runToExit, startService } from './support/processes';

/** Services stop in about a second; an order of magnitude more for a loaded machine. */
const STOP_MS = 30_000;
const RUNNING = /The storefront is running\./;

describe('npm start', () => {
  const launches: Launch[] = [];
  const started = async (...args: Parameters<typeof launch>) => {
    const run = await launch(...args);
    launches.push(run);
    return run;
  };
  afterEach(async () => {
    await Promise.all(launches.splice(0).map((run) => run.cleanup()));
  });

  async function expectAllStopped(run: Launch, services: number[]) {
    await eventually('the services exit', () => services.every((pid) => !isAlive(pid)), STOP_MS);
    for (const port of Object.values(run.ports)) expect(await portIsFree(port)).toBe(true);
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops all four services when npm gets %s, freeing their ports',
    async (signal) => {
      const run = await started({ via: 'npm' });
      await run.waitFor(RUNNING);
      const services = run.servicePids();
      expect(services).toHaveLength(4);

      process.kill(run.pid, signal);

      await expectAllStopped(run, services);
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain(
        `Stopping core-api, web-bff, mobile-bff, dev-identity (${signal} received)`,
      );
    },
    LAUNCH_MS + 2 * STOP_MS,
  );

  it(
    'stops all four services when npm is killed outright (SIGKILL), noticing its parent is gone',
    async () => {
      const run = await started({ via: 'npm' });
      await run.waitFor(RUNNING);
      const services = run.servicePids();
      expect(services).toHaveLength(4);

      process.kill(run.pid, 'SIGKILL');

      await expectAllStopped(run, services);
      expect(run.output()).toContain(
        `Stopping core-api, web-bff, mobile-bff, dev-identity (its parent process (pid ${run.pid}) exited)`,
      );
    },
    LAUNCH_MS + 2 * STOP_MS,
  );

  it(
    'wires the BFFs to the development provider: a customer signs in at the address the banner shows',
    async () => {
      const run = await started({ via: 'node' });
      await run.waitFor(RUNNING);
      const web = `http://localhost:${run.ports.web}`;
      expect(run.output()).toContain(`Open the storefront: ${web}/`);
      const { agent, back } = await webSignIn(web);
      expect(back.status).toBe(303);
      const user = await agent.get(`${web}/bff/user`, { 'x-csrf': '1' });
      expect(JSON.parse(user.body)).toMatchObject({ signedIn: true });
      // The app signs in at the same provider, and mobile-bff takes its token.
      const { accessToken } = await nativeAppSignIn({
        issuer: `http://127.0.0.1:${run.ports.identity}`,
        ...APP_CLIENT,
        ...DEMO_CUSTOMER,
      });
      const cart = await fetch(`http://127.0.0.1:${run.ports.mobile}/v2/screens/cart`, {
        headers: { authorization: `Bearer ${accessToken}`, 'x-app-version': '2.0.0' },
      });
      expect(cart.status).toBe(200);
    },
    LAUNCH_MS + 2 * STOP_MS,
  );

  it(
    "starts no development provider when OIDC_ISSUER names the team's own, and says so",
    async () => {
      const run = await started({ via: 'node', env: { OIDC_ISSUER: 'http://127.0.0.1:9' } });
      await run.waitFor(RUNNING);
      expect(run.servicePids()).toHaveLength(3);
      expect(run.output()).toContain(
        'OIDC_ISSUER is set: the BFFs use the identity provider at http://127.0.0.1:9; the development provider is not started.',
      );
      expect(await portIsFree(run.ports.identity)).toBe(true);
    },
    LAUNCH_MS + 2 * STOP_MS,
  );

  it(
    'leaves no service behind when the launcher itself is killed with SIGKILL',
    async () => {
      const run = await started({ via: 'node' });
      await run.waitFor(RUNNING);
      const services = run.servicePids();
      expect(services).toHaveLength(4);

      process.kill(run.pid, 'SIGKILL');

      await expectAllStopped(run, services);
      // core-api closed its database cleanly and let go of the folder.
      expect(existsSync(join(run.dataDir, 'core-api.lock'))).toBe(false);
    },
    LAUNCH_MS + 2 * STOP_MS,
  );

  it(
    'refuses to start when a port is taken, naming the port and its variable',
    async () => {
      const ports = await freeServicePorts();
      const { core, web, mobile } = ports;
      const holder: Server = await listenOn(web);
      try {
        const run = await started({ via: 'node', ports });
        expect(await run.exited).toBe(1);
        const lines = run.output().trim().split('\n');
        expect(lines).toEqual([
          `Port ${web} (web-bff) is in use: stop what holds it or set WEB_BFF_PORT=<another port>.`,
        ]);
        expect(await portIsFree(core)).toBe(true);
        expect(await portIsFree(mobile)).toBe(true);
      } finally {
        await new Promise((done) => holder.close(done));
      }
    },
    LAUNCH_MS,
  );

  it.each([
    ['WEB_BFF_PORT', 'abc', 'WEB_BFF_PORT must be a whole number from 1 to 65535 (got "abc")'],
    [
      'CORE_API_PORT',
      '70000',
      'CORE_API_PORT must be a whole number from 1 to 65535 (got "70000")',
    ],
    [
      'CORE_API_URL',
      'not a url',
      'CORE_API_URL must be an http:// or https:// URL (got "not a url")',
    ],
  ])(
    'stops with one line naming %s when it is %j',
    async (variable, value, line) => {
      const run = await started({ via: 'node', env: { [variable]: value } });
      expect(await run.exited).toBe(1);
      expect(run.output().trim().split('\n')).toEqual([line]);
    },
    LAUNCH_MS,
  );

  it(
    'says in one line that PORT is not what it reads',
    async () => {
      // A held port stops it right after the settings: no services are needed to see the line.
      const ports = await freeServicePorts();
      const holder = await listenOn(ports.core);
      try {
        const second = await started({ via: 'node', env: { PORT: 'abc' }, ports });
        expect(await second.exited).toBe(1);
        expect(second.output().trim().split('\n')).toEqual([
          'PORT is not read by npm start (it runs several services): set CORE_API_PORT, WEB_BFF_PORT, MOBILE_BFF_PORT and DEV_IDENTITY_PORT instead (defaults 3000, 3001, 3002, 3003).',
          `Port ${ports.core} (core-api) is in use: stop what holds it or set CORE_API_PORT=<another port>.`,
        ]);
      } finally {
        await new Promise((done) => holder.close(done));
      }
    },
    LAUNCH_MS,
  );

  it(
    'says plainly that core-api is unreachable when CORE_API_URL points where nothing answers',
    async () => {
      const url = `http://127.0.0.1:${await freePort()}`;
      const run = await started({ via: 'node', env: { CORE_API_URL: url } });
      // The BFFs log "… is unreachable" too, and may be first: wait for the launcher's own line.
      await run.waitFor(/The services started, but core-api/);
      expect(run.output()).toContain(
        `The services started, but core-api at ${url} is unreachable (ECONNREFUSED).`,
      );
      expect(run.output()).not.toMatch(RUNNING);
      process.kill(run.pid, 'SIGTERM');
      expect(await run.exited).toBe(0);
    },
    LAUNCH_MS + STOP_MS,
  );
});

describe('core-api on a PGlite folder', () => {
  it(
    'refuses a folder another core-api holds, naming the folder and its pid, and lets go on stop',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pglite-held-'));
      const env = { PGLITE_DIR: dir, SEED_DEMO_DATA: 'false', SERVICE_KEYS_DIR: dir + '-keys' };
      try {
        const first = await startService('core-api', env, LAUNCH_MS);
        try {
          const second = await runToExit('core-api', env, LAUNCH_MS);
          expect(second.code).toBe(1);
          expect(second.output.trim().split('\n')).toEqual([
            `core-api: failed to start: the PGlite folder ${dir} is in use by another core-api ` +
              `(pid ${first.process.pid}): stop that one first, or set PGLITE_DIR to another folder`,
          ]);
        } finally {
          expect(await first.stop()).toBe(0);
        }
        expect(existsSync(join(dir, 'core-api.lock'))).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(dir + '-keys', { recursive: true, force: true });
      }
    },
    2 * LAUNCH_MS,
  );
});

describe("npm start's log lines", () => {
  it('keep structured fields as key=value and drop the route table', async () => {
    const lines = [
      {
        level: 40,
        time: 1,
        pid: 7,
        hostname: 'h',
        service: 'web-bff',
        context: 'CoreClient',
        msg: 'core-api rejected the service token',
        reason: 'key mismatch',
        url: 'http://127.0.0.1:3000',
      },
      {
        level: 30,
        service: 'core-api',
        context: 'RouterExplorer',
        msg: 'Mapped {/products, GET} route',
      },
      {
        level: 30,
        service: 'core-api',
        context: 'Seed',
        msg: 'Seeding the demo catalog: 200 of 500 products',
      },
      {
        level: 30,
        service: 'web-bff',
        requestId: 'r1',
        method: 'GET',
        path: '/api/pages/home',
        route: '/api/pages/home',
        status: 200,
        responseTime: 4.5,
        msg: 'request completed',
      },
    ].map((entry) => JSON.stringify(entry));
    const formatter = spawn(
      process.execPath,
      [join(ROOT, 'tools', 'scripts', 'launcher', 'format-stdin.mjs')],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let output = '';
    formatter.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((done) => formatter.once('exit', done));
    formatter.stdin.end(`${lines.join('\n')}\n`);
    await exited;

    expect(output.trim().split('\n')).toEqual([
      'web-bff    WARN  core-api rejected the service token reason="key mismatch" url=http://127.0.0.1:3000',
      'core-api   INFO  Seeding the demo catalog: 200 of 500 products',
      'web-bff    INFO  request completed GET /api/pages/home → 200 in 4.5 ms',
    ]);
  });
});
