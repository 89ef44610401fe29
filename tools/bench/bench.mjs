#!/usr/bin/env node
// `npm run bench`: both BFFs' product aggregates against a plain-Node reference aggregator
// (node:http + undici, same fan-out and shaping), all calling the same fixed-latency core-api stub;
// the BFFs as the tests run them and as deployed (production.mjs), their start-up, web-bff's memory
// inside the pod's limits and where its CPU goes (docs/performance.md).
// Builds nothing: run `npx nx run-many -t build -p core-api web-bff mobile-bff` first.
//
// Env: BENCH_ROWS ("throughput,startup,memory,budget": all, in that order; pick some for a quick
//      run), BENCH_DURATION_S (8 per run), BENCH_CONNECTIONS (50), BENCH_LATENCIES_MS ("0,20"),
//      BENCH_ROUNDS (4; targets alternate within each round), BENCH_STARTS (5), BENCH_MEMORY_S
//      (2 × duration), BENCH_MEMORY_LIMIT_MIB (384), BENCH_PROFILE_DIR (keep the .cpuprofile),
//      BENCH_WARMUP_S (20: the measured load on each target before its first measured run, so
//      CPU per page is the steady state's), DATABASE_URL (adds core-api on PostgreSQL to the
//      start-up rows).
//      Total ≈ 10 min with the defaults (throughput ≈ 8 min).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTIONS, DURATION, IDS } from './load.mjs';
import { memoryRow } from './memory.mjs';
import { budgetRow } from './profile.mjs';
import { freePort, root, start, stopAll, waitFor } from './procs.mjs';
import { startupRows } from './startup.mjs';
import { throughputRows } from './throughput.mjs';

const ROWS = {
  throughput: throughputRows,
  startup: startupRows,
  memory: memoryRow,
  budget: budgetRow,
};
const picked = (process.env.BENCH_ROWS ?? Object.keys(ROWS).join(','))
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
const unknown = picked.filter((r) => !(r in ROWS));
if (unknown.length) {
  console.error(
    `BENCH_ROWS: unknown ${unknown.join(', ')} (rows: ${Object.keys(ROWS).join(', ')})`,
  );
  process.exit(2);
}
for (const app of ['core-api', 'web-bff', 'mobile-bff']) {
  if (!existsSync(join(root, 'dist', 'apps', app, 'main.js'))) {
    console.error(
      `dist/apps/${app}/main.js is missing: run \`npx nx run-many -t build -p core-api web-bff mobile-bff\` first.`,
    );
    process.exit(2);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const cleanup = () => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

// The core-api stub and the OTLP sink serve every row.
const [stubPort, sinkPort] = [await freePort(), await freePort()];
const stub = start('core-stub', [join(import.meta.dirname, 'core-stub.mjs'), String(stubPort)]);
const sink = start('otlp-sink', [join(import.meta.dirname, 'otlp-sink.mjs'), String(sinkPort)]);
const coreUrl = `http://127.0.0.1:${stubPort}`;
const sinkUrl = `http://127.0.0.1:${sinkPort}`;
await waitFor(`${coreUrl}/products/1`, stub);
await waitFor(`${sinkUrl}/count`, sink);

// OTEL_* and CORE_API_* variables of the shell pass through (e.g. OTEL_SDK_DISABLED=true, CORE_API_CACHE=on).
const passThrough = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('OTEL_') || k.startsWith('CORE_API_')),
);
const ctx = {
  coreUrl,
  sinkUrl,
  dir,
  passThrough,
  connections: CONNECTIONS,
  ids: IDS,
  // The BFFs as the tests run them (cache off: the reference caches nothing).
  testEnv: {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    CORE_API_CACHE: 'off',
    RATE_LIMIT_MAX: '1000000000',
    ...passThrough,
    CORE_API_URL: coreUrl,
    SERVICE_KEYS_DIR: join(dir, 'keys'),
  },
};

const began = performance.now();
console.log(
  `bench: rows ${picked.join(', ')}; ${CONNECTIONS} connections, ${DURATION} s per run, ${IDS} product ids, node ${process.version}\n`,
);
for (const r of picked) await ROWS[r](ctx);
console.log(`bench took ${((performance.now() - began) / 1000).toFixed(0)} s`);
cleanup();
process.exit(0);
