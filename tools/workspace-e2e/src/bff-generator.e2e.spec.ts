// The bff generator as a team uses it, in a throw-away copy of this workspace: one command per new
// BFF (one per sign-in style), then everything the repository asks of an app — lint, types, tests,
// build, its boundaries, the launcher, the workspace's own checks, core-api's verification of its
// pact, its breaking-change gate — and one command to take each away again.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, freePort, Launcher, ready } from './support/services';
import { WorkspaceCopy } from './support/workspace-copy';

const BFFS = [
  {
    name: 'partner-bff',
    scope: 'partner',
    args: ['--team=partner-team', '--port=3005', '--auth=bearer'],
  },
  {
    name: 'tv-bff',
    scope: 'tv',
    args: ['--team=tv-team', '--auth=session', '--frontend=the TV app'],
  },
  { name: 'kiosk-bff', scope: 'kiosk', args: ['--team=kiosk-team', '--auth=none'] },
] as const;
const PROJECTS = BFFS.flatMap((b) => [b.name, `${b.scope}-sdk`]);
/** Every service the launcher runs reaches /health/ready in seconds; a busy laptop gets minutes. */
const START_MS = 10 * 60_000;

const expectSuccess = (run: { status: number | null; output: string }) => {
  if (run.status !== 0) throw new Error(`exit ${run.status}:\n${run.output.slice(-6000)}`);
};

describe('nx g @bff/workspace:bff in a copy of the workspace', () => {
  let ws: WorkspaceCopy;
  let base: string;
  beforeAll(() => {
    ws = WorkspaceCopy.create();
    base = ws.git('rev-parse', 'HEAD').trim();
  });
  afterAll(() => ws?.remove());

  it('lists what it would write with --dry-run, and writes nothing', async () => {
    const run = await ws.nx(
      'g',
      '@bff/workspace:bff',
      'partner-bff',
      '--team=partner-team',
      '--dry-run',
    );
    expectSuccess(run);
    expect(run.output).toContain('CREATE apps/partner-bff/src/main.ts');
    expect(run.output).toContain('CREATE .github/workflows/partner-bff.yml');
    expect(run.output).toContain('UPDATE .github/CODEOWNERS');
    expect(ws.git('status', '--porcelain')).toBe('');
  });

  it.each([
    [['web-bff', '--team=web-team'], 'a project named web-bff already exists'],
    [['Partner', '--team=partner-team'], '"Partner" is not a BFF name'],
    [['partner-bff', '--team=partner-team', '--port=3001'], 'port 3001 is taken by web-bff'],
  ])('refuses %j in one clear line, writing nothing', async (args, line) => {
    const run = await ws.nx('g', '@bff/workspace:bff', ...args);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain(line);
    expect(ws.git('status', '--porcelain')).toBe('');
  });

  it('generates a BFF per sign-in style, each with one command: app, SDK, document, pact', async () => {
    for (const bff of BFFS) {
      expectSuccess(await ws.nx('g', '@bff/workspace:bff', bff.name, ...bff.args));
      for (const file of [
        `apps/${bff.name}/src/main.ts`,
        `openapi/${bff.name}.json`,
        `pacts/${bff.name}-core-api.json`,
        `libs/sdk/${bff.scope}/src/generated/${bff.name}.ts`,
      ]) {
        expect(ws.git('ls-files', '--others', '--', file).trim()).toBe(file);
      }
    }
    ws.commit('three new BFFs');
  });

  it('lints, type-checks, tests and builds each, and its SDK', async () => {
    expectSuccess(
      await ws.nx(
        'run-many',
        '-t',
        'lint',
        'typecheck',
        'test',
        'build',
        '-p',
        ...PROJECTS,
        '--parallel=2',
      ),
    );
  });

  it('cannot import web-bff, its SDK, or another new BFF (lint refuses each import)', async () => {
    const file = join(ws.root, 'apps/partner-bff/src/forbidden.ts');
    writeFileSync(
      file,
      [
        "import { webApp } from '../../web-bff/src/app/web-app';",
        "import { createWebBffClient } from '@bff/web-sdk';",
        "import { createTvBffClient } from '@bff/tv-sdk';",
        'export const used = [webApp, createWebBffClient, createTvBffClient];',
        '',
      ].join('\n'),
    );
    try {
      const run = await ws.run('npx', [
        'eslint',
        '--format',
        'json',
        'apps/partner-bff/src/forbidden.ts',
      ]);
      expect(run.status).toBe(1);
      const [result] = JSON.parse(run.output.slice(run.output.indexOf('['))) as Array<{
        messages: Array<{ ruleId: string; line: number }>;
      }>;
      const refused = result?.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');
      expect(refused?.map((m) => m.line).sort()).toEqual([1, 2, 3]);
    } finally {
      rmSync(file);
    }
  });

  it('runs under npm start beside the others, answering its example endpoint and /docs', async () => {
    const ports: Record<string, number> = {};
    for (const variable of [
      'CORE_API_PORT',
      'WEB_BFF_PORT',
      'MOBILE_BFF_PORT',
      'DEV_IDENTITY_PORT',
      'PARTNER_BFF_PORT',
      'TV_BFF_PORT',
      'KIOSK_BFF_PORT',
    ]) {
      ports[variable] = await freePort();
    }
    const launcher = new Launcher(ws.root, {
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      PGLITE_DIR: 'memory://',
    });
    const url = (variable: string) => `http://127.0.0.1:${ports[variable]}`;
    try {
      await eventually(
        'the launcher says the storefront runs',
        async () => /The storefront is running\./.test(launcher.text()),
        START_MS,
      );
      for (const variable of ['PARTNER_BFF_PORT', 'TV_BFF_PORT', 'KIOSK_BFF_PORT']) {
        expect(await ready(url(variable))).toBe(true);
        // X-CSRF: a session BFF's routes want it (reads included); the others ignore it.
        const product = await fetch(`${url(variable)}/products/1`, { headers: { 'x-csrf': '1' } });
        expect(product.status).toBe(200);
        expect(await product.json()).toMatchObject({
          id: 1,
          name: expect.any(String),
          degraded: [],
        });
        const docs = await fetch(`${url(variable)}/docs`);
        expect(docs.status).toBe(200);
        expect(docs.headers.get('content-type')).toContain('text/html');
        await docs.body?.cancel();
      }
      // Bearer: a personal route without a token is the provider's challenge.
      const cart = await fetch(`${url('PARTNER_BFF_PORT')}/cart`);
      expect(cart.status).toBe(401);
      expect(cart.headers.get('www-authenticate')).toMatch(/^Bearer realm="partner-bff"/);
      // Session: sign-in starts at the development provider, which knows the new client.
      const login = await fetch(`${url('TV_BFF_PORT')}/bff/login`, { redirect: 'manual' });
      expect([302, 303]).toContain(login.status);
      const authorize = new URL(login.headers.get('location') ?? '');
      expect(authorize.origin).toBe(url('DEV_IDENTITY_PORT'));
      expect(authorize.searchParams.get('client_id')).toBe('tv-bff');
      const atProvider = await fetch(authorize, { redirect: 'manual' });
      await atProvider.body?.cancel();
      expect([302, 303]).toContain(atProvider.status);
      expect(atProvider.headers.get('location')).toMatch(/\/interaction\//);
    } finally {
      expect(await launcher.stop()).toBe(0);
    }
    expect(launcher.text()).toMatch(/partner-bff/);
  });

  it('passes the workspace checks, core-api verifies its pact, and its gate passes', async () => {
    expectSuccess(
      await ws.run('npx', [
        'jest',
        '-c',
        'tools/workspace/jest.config.js',
        'ownership',
        'workflows',
        'module-boundaries',
        'delivery-files',
        'k8s-manifests',
        'k8s-network-policies',
        'release',
        'spectral',
      ]),
    );
    expectSuccess(
      await ws.run('npx', [
        'jest',
        '-c',
        'apps/core-api/jest.config.js',
        'apps/core-api/src/contracts',
      ]),
    );
    expectSuccess(await ws.nx('run-many', '-t', 'api-gate', '-p', ...BFFS.map((b) => b.name)));
  });

  it('removes each with one command, leaving the workspace as it was', async () => {
    for (const bff of BFFS) expectSuccess(await ws.nx('g', '@bff/workspace:remove-bff', bff.name));
    ws.commit('removed again');
    expect(ws.git('diff', '--stat', base, 'HEAD')).toBe('');
  });
});
