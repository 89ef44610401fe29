#!/usr/bin/env node
// Start-up time of the built services, as deployed: spawn `node dist/apps/<app>/main.js` with the
// production settings of deploy/k8s (NODE_ENV=production, real Ed25519 service keys, the
// operational endpoints on their own port, logs at info) and time spawn → first 200 from
// /health/ready. core-api runs on PostgreSQL and stays up while the BFFs are timed (their
// readiness asks it). Builds nothing: run `npx nx run-many -t build -p core-api web-bff mobile-bff`.
//
//   node tools/bench/startup-profile.mjs [app…] [--runs=5] [--cpu-prof] [--by-package] [--compile-cache | --no-compile-cache]
//
// --cpu-prof also starts each app once under `node --cpu-prof` and prints the sampled CPU time by
// npm package (self time: what the package's own functions ran, compiling included).
// --by-package also loads each app once with tools/bench/startup-require-hook.cjs and prints
// where its module loading goes, by npm package (self time of each package's `require`s).
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is core-api's database.
// Env variables starting with OTEL_ pass through (e.g. OTEL_EXPORTER_OTLP_ENDPOINT).
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sourceOf } from './cpu-budget.mjs';
import { median } from './load.mjs';
import { cpuMs, freePort, root } from './procs.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const apps = args.filter((a) => !a.startsWith('--'));
const selected = apps.length ? apps : ['core-api', 'web-bff', 'mobile-bff'];
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const scratch = mkdtempSync(join(tmpdir(), 'startup-profile-'));

for (const app of new Set(['core-api', ...selected])) {
  if (!existsSync(join(root, 'dist', 'apps', app, 'main.js'))) {
    console.error(`dist/apps/${app}/main.js is missing: build it first (npx nx run ${app}:build)`);
    process.exit(2);
  }
}

const der = (key, type) => key.export({ format: 'der', type }).toString('base64');
const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { private: der(privateKey, 'pkcs8'), public: der(publicKey, 'spki') };
};
const keys = { 'web-bff': keyPair(), 'mobile-bff': keyPair() };

const passThrough = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('OTEL_')),
);
const common = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  SHUTDOWN_DRAIN_MS: '0',
  // As the image runs it: Node's compile cache in a folder (warmed by one start before timing).
  ...(flag('compile-cache') ? { NODE_COMPILE_CACHE: join(scratch, 'compile-cache') } : {}),
  // Every module compiled again, as before the compile cache (or a first start).
  ...(flag('no-compile-cache') ? { NODE_DISABLE_COMPILE_CACHE: '1' } : {}),
  ...passThrough,
  // Flags to try, e.g. STARTUP_NODE_OPTIONS=--max-semi-space-size=16 (the image's heap settings).
  ...(process.env.STARTUP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.STARTUP_NODE_OPTIONS } : {}),
};
const envOf = (app, coreUrl) =>
  ({
    'core-api': {
      DATABASE_URL: databaseUrl,
      SEED_DEMO_DATA: 'false',
      SERVICE_TOKEN_PUBLIC_KEYS: Object.entries(keys)
        .map(([caller, k]) => `${caller}:${k.public}`)
        .join(','),
    },
    'web-bff': {
      CORE_API_URL: coreUrl,
      SERVICE_TOKEN_PRIVATE_KEY: keys['web-bff'].private,
      TRUST_PROXY: '1',
      OIDC_ISSUER: 'https://login.example.com/realms/storefront',
      OIDC_CLIENT_ID: 'web-bff',
      OIDC_CLIENT_SECRET: 'startup-profile-secret-of-at-least-32-chars',
      OIDC_REDIRECT_URI: 'https://shop.example.com/bff/callback',
      OIDC_POST_LOGOUT_REDIRECT_URI: 'https://shop.example.com/',
    },
    'mobile-bff': {
      CORE_API_URL: coreUrl,
      SERVICE_TOKEN_PRIVATE_KEY: keys['mobile-bff'].private,
      TRUST_PROXY: '1',
      OIDC_ISSUER: 'https://login.example.com/realms/storefront',
      OIDC_AUDIENCE: 'mobile-bff',
    },
  })[app] ?? {};

const children = new Set();
const stopAll = () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
};
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

/** Spawns the app and resolves with the ms from spawn to the first 200 of /health/ready. */
async function start(app, coreUrl, nodeArgs = [], extraEnv = {}) {
  const [port, adminPort] = [await freePort(), await freePort()];
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', app, 'main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      ...common,
      ...envOf(app, coreUrl),
      PORT: String(port),
      ADMIN_PORT: String(adminPort),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const ready = `http://127.0.0.1:${adminPort}/health/ready`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited early:\n${output}`);
    const ok = await fetch(ready, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (performance.now() - started > 60_000)
      throw new Error(`${app} not ready in 60 s:\n${output}`);
    await sleep(5);
  }
  const ms = performance.now() - started;
  return {
    ms,
    cpuMs: cpuMs(child.pid),
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

async function timeApp(app, coreUrl) {
  const times = [];
  const cpu = [];
  if (flag('compile-cache')) await (await start(app, coreUrl)).stop();
  for (let i = 0; i < runs; i++) {
    const service = await start(app, coreUrl);
    times.push(service.ms);
    cpu.push(service.cpuMs);
    await service.stop();
  }
  return { times, cpu };
}

async function byPackage(app, coreUrl) {
  const out = join(scratch, `${app}-requires.json`);
  const service = await start(
    app,
    coreUrl,
    ['--require', join(import.meta.dirname, 'startup-require-hook.cjs')],
    { STARTUP_REQUIRE_PROFILE: out },
  );
  await service.stop();
  const rows = JSON.parse(readFileSync(out, 'utf8'));
  const total = rows.reduce((sum, r) => sum + r.ms, 0);
  console.log(`  ${app}: ${total.toFixed(0)} ms loading modules; the largest, self time:`);
  for (const r of rows.slice(0, 15))
    console.log(
      `    ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.count).padStart(4)} files  ${r.pkg}`,
    );
}

/** One start under `--cpu-prof`: the sampled self time, summed by npm package (or `(gc)`, …). */
async function cpuProfile(app, coreUrl) {
  const dir = join(scratch, `${app}-cpu`);
  const service = await start(app, coreUrl, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  await service.stop();
  const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { url, functionName, lineNumber, columnNumber } = nodes.get(id);
    // Frames in main.js map back to their package, app or lib through main.js.map.
    const file = sourceOf(url, lineNumber, columnNumber);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const key =
      pkg ??
      (/^\/(apps|libs)\//.test(file)
        ? '(apps and libs)'
        : url.includes('/dist/apps/')
          ? '(the bundle: webpack runtime)'
          : url
            ? url.replace(/^.*\//, '')
            : `(${functionName})`);
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  ${app}: ${total.toFixed(0)} ms sampled; the largest:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${key}`);
}

console.log(
  `start-up: spawn → /health/ready 200, NODE_ENV=production, median of ${runs}, node ${process.version}`,
);
const core = await start('core-api', '');
const coreUrl = core.url;
try {
  for (const app of selected) {
    const { times, cpu } = await timeApp(app, app === 'core-api' ? '' : coreUrl);
    console.log(
      `${app.padEnd(12)} median ${median(times).toFixed(0).padStart(5)} ms (CPU ${median(cpu).toFixed(0)} ms)   runs ${times.map((t) => t.toFixed(0)).join(', ')}`,
    );
  }
  if (flag('cpu-prof')) {
    console.log('\nwhere the CPU goes, self time by package (one start each, --cpu-prof):');
    for (const app of selected) await cpuProfile(app, app === 'core-api' ? '' : coreUrl);
  }
  if (flag('by-package')) {
    console.log('\nwhere module loading goes (one start each):');
    for (const app of selected) await byPackage(app, coreUrl);
  }
} finally {
  await core.stop();
}
