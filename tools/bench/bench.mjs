#!/usr/bin/env node
// `npm run bench`: both BFFs' product aggregates against a plain-Node reference aggregator
// (node:http + undici, same fan-out and shaping), all calling the same fixed-latency core-api stub.
// Builds nothing: run `npx nx run-many -t build -p core-api web-bff mobile-bff` first.
//
// Env: BENCH_DURATION_S (8 per run), BENCH_CONNECTIONS (50), BENCH_LATENCIES_MS ("0,20"),
//      BENCH_ROUNDS (2; targets alternate within each round). Total ≈ 2 min with the defaults.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = resolve(import.meta.dirname, '..', '..');
const here = import.meta.dirname;
const DURATION = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LATENCIES = (process.env.BENCH_LATENCIES_MS ?? '0,20').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const IDS = 500; // distinct product ids, so coalescing does not flatter the BFFs

for (const app of ['web-bff', 'mobile-bff']) {
  if (!existsSync(join(root, 'dist', 'apps', app, 'main.js'))) {
    console.error(
      `dist/apps/${app}/main.js is missing: run \`npx nx run-many -t build -p core-api web-bff mobile-bff\` first.`,
    );
    process.exit(2);
  }
}

const children = [];
const keysDir = mkdtempSync(join(tmpdir(), 'bench-keys-'));
const cleanup = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(keysDir, { recursive: true, force: true });
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  children.push(child);
  return { name, child, output: () => output };
}

async function waitFor(url, proc, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited:\n${proc.output()}`);
    try {
      if ((await fetch(url, { headers: HEADERS })).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${proc.name} did not answer ${url} in time:\n${proc.output()}`);
}

// CPU time (user + system) a process has used, in ms, from /proc: per request it is a measure the
// other processes sharing the cores barely move, unlike req/s.
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : NaN;
};

// web-bff answers /api only with its anti-CSRF header (docs/web-bff-security.md); others ignore it.
const HEADERS = { 'x-csrf': '1' };

async function load(url, path, pid) {
  let i = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `${path}${1 + (i++ % IDS)}`,
          headers: { ...req.headers, ...HEADERS },
        }),
      },
    ],
  });
  const cpuUs = ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUs,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function timeOne(url, n = 50) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: HEADERS });
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}

// core-api stub, reference aggregator, both BFFs (cache off: the reference caches nothing).
const stubPort = await freePort();
const stub = start('core-stub', [join(here, 'core-stub.mjs'), String(stubPort)]);
const coreUrl = `http://127.0.0.1:${stubPort}`;
await waitFor(`${coreUrl}/products/1`, stub);
const refPort = await freePort();
const reference = start('reference', [
  join(here, 'reference-aggregator.mjs'),
  coreUrl,
  String(refPort),
]);
// OTEL_* and CORE_API_* variables of the shell pass through (e.g. OTEL_SDK_DISABLED=true, CORE_API_CACHE=on).
const passThrough = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('OTEL_') || k.startsWith('CORE_API_')),
);
const bffEnv = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  CORE_API_CACHE: 'off',
  RATE_LIMIT_MAX: '1000000000',
  ...passThrough,
  CORE_API_URL: coreUrl,
  SERVICE_KEYS_DIR: keysDir,
};
const targets = [
  {
    name: 'reference (node:http + undici)',
    proc: reference,
    url: `http://127.0.0.1:${refPort}`,
    path: '/api/pages/product/',
  },
];
for (const [app, path] of [
  ['web-bff', '/api/pages/product/'],
  ['mobile-bff', '/v1/screens/product/'],
]) {
  const port = await freePort();
  targets.push({
    name: app,
    proc: start(app, [join(root, 'dist', 'apps', app, 'main.js')], {
      ...bffEnv,
      PORT: String(port),
    }),
    url: `http://127.0.0.1:${port}`,
    path,
  });
}
for (const t of targets) await waitFor(`${t.url}${t.path}1`, t.proc);

console.log(
  `bench: ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} alternating rounds, ${IDS} product ids, node ${process.version}\n`,
);
for (const latency of LATENCIES) {
  await fetch(`${coreUrl}/__latency?ms=${latency}`, { method: 'POST' });
  for (const t of targets)
    await autocannon({
      url: `${t.url}${t.path}1`,
      connections: CONNECTIONS,
      duration: 2,
      headers: HEADERS,
    }); // warm-up
  const runs = new Map(targets.map((t) => [t.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order)
      runs
        .get(t.name)
        .push({ ...(await load(t.url, t.path, t.proc.child.pid)), rss: rssMb(t.proc.child.pid) });
  }
  const mean = (xs, k) => xs.reduce((a, x) => a + x[k], 0) / xs.length;
  const ref = runs.get(targets[0].name);
  const [refRps, refP99, refCpu] = [mean(ref, 'rps'), mean(ref, 'p99'), mean(ref, 'cpuUs')];
  console.log(`downstream latency ${latency} ms: product aggregate (5 core-api calls)`);
  console.log(
    'target                            req/s     p50 ms   p99 ms   RSS MB   errors   req/s ratio   p99 ratio   CPU µs/req   CPU ratio',
  );
  for (const t of targets) {
    const r = runs.get(t.name);
    const [rps, p50, p99, cpu, rss, errors] = [
      mean(r, 'rps'),
      mean(r, 'p50'),
      mean(r, 'p99'),
      mean(r, 'cpuUs'),
      Math.max(...r.map((x) => x.rss)),
      r.reduce((a, x) => a + x.errors, 0),
    ];
    console.log(
      `${t.name.padEnd(32)}${rps.toFixed(0).padStart(7)}${p50.toFixed(1).padStart(10)}${p99.toFixed(1).padStart(9)}${String(rss).padStart(9)}${String(errors).padStart(9)}${(rps / refRps).toFixed(2).padStart(14)}${(p99 / refP99).toFixed(2).padStart(12)}${cpu.toFixed(0).padStart(13)}${(cpu / refCpu).toFixed(2).padStart(12)}`,
    );
  }
  console.log('');
}

// One aggregate alone vs one downstream call alone, at 20 ms downstream latency.
await fetch(`${coreUrl}/__latency?ms=20`, { method: 'POST' });
const one = await timeOne(`${coreUrl}/products/1`);
console.log('single request, 20 ms downstream latency (median of 50 sequential requests)');
console.log(`one core-api call                 ${one.toFixed(1)} ms`);
for (const t of targets) {
  const ms = await timeOne(`${t.url}${t.path}7`);
  console.log(`${t.name.padEnd(32)}  ${ms.toFixed(1)} ms   (${(ms / one).toFixed(2)} × one call)`);
}
cleanup();
process.exit(0);
