// `npm run bench`'s throughput rows (BENCH_ROWS=throughput): the reference, both BFFs as the
// tests run them (NODE_ENV=test, LOG_LEVEL=warn, nothing exported) and both BFFs as deployed
// (production.mjs), alternating in rounds at each downstream latency; then single requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DURATION, load, steadyState, timeOne, verdict, WARMUP_S, warmUp } from './load.mjs';
import { productionEnv } from './production.mjs';
import { freePort, root, rssMb, start, stop, waitFor } from './procs.mjs';

const LATENCIES = (process.env.BENCH_LATENCIES_MS ?? '0,20').split(',').map(Number);
// Four rounds: a run of 8 s on these 2-core machines reads a target's CPU per page within about
// ±10 % (docs/performance.md), so a verdict on the mean of two flipped between runs of one build.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const APPS = [
  ['web-bff', '/api/pages/product/'],
  ['mobile-bff', '/v1/screens/product/'],
];

async function startTargets(ctx) {
  const refPort = await freePort();
  const reference = start('reference', [
    join(import.meta.dirname, 'reference-aggregator.mjs'),
    ctx.coreUrl,
    String(refPort),
  ]);
  const targets = [
    {
      name: 'reference (node:http + undici)',
      proc: reference,
      url: `http://127.0.0.1:${refPort}`,
      path: '/api/pages/product/',
    },
  ];
  for (const [app, path] of APPS) {
    const port = await freePort();
    const proc = start(app, [join(root, 'dist', 'apps', app, 'main.js')], {
      ...ctx.testEnv,
      PORT: String(port),
    });
    targets.push({ name: app, proc, url: `http://127.0.0.1:${port}`, path });
  }
  for (const [app, path] of APPS) {
    const port = await freePort();
    const prod = await productionEnv(app, { ...ctx, port });
    const proc = start(
      `${app} production`,
      [join(root, 'dist', 'apps', app, 'main.js')],
      prod.env,
      {
        stdoutFile: prod.logFile,
      },
    );
    targets.push({
      name: `${app} (production)`,
      proc,
      url: `http://127.0.0.1:${port}`,
      path,
      prod,
    });
  }
  for (const t of targets) await waitFor(`${t.url}${t.path}1`, t.proc);
  return targets;
}

const row = (name, r, ref) =>
  `${name.padEnd(32)}${r.rps.toFixed(0).padStart(7)}${r.p50.toFixed(1).padStart(10)}${r.p99.toFixed(1).padStart(9)}${String(r.rss).padStart(9)}${String(r.errors).padStart(9)}${(r.rps / ref.rps).toFixed(2).padStart(14)}${(r.p99 / ref.p99).toFixed(2).padStart(12)}${r.cpu.toFixed(0).padStart(13)}${(r.cpu / ref.cpu).toFixed(2).padStart(12)}${r.turnaround.toFixed(2).padStart(15)}`;

function summarise(runs) {
  const mean = (k) => runs.reduce((a, x) => a + x[k], 0) / runs.length;
  return {
    rps: mean('rps'),
    p50: mean('p50'),
    p99: mean('p99'),
    cpu: mean('cpuUs'),
    turnaround: mean('turnaround'),
    rss: Math.max(...runs.map((x) => x.rss)),
    errors: runs.reduce((a, x) => a + x.errors, 0),
  };
}

/** `target / reference` of `key` for each round, from the two runs of that round. */
const perRound = (runs, refRuns, key) => runs.map((x, i) => x[key] / refRuns[i][key]);
const spread = (ratios) => `   (rounds ${ratios.map((x) => x.toFixed(2)).join(', ')})`;

/** Targets of issue 20 for the production rows, as PASS/FAIL lines on the means of the rounds. */
function verdicts(latency, name, r, ref, runs, refRuns) {
  const line = (label, key, value, op, bound) =>
    verdict(label, value, op, bound) + spread(perRound(runs, refRuns, key));
  if (latency === 0)
    return [
      line(`${name} at 0 ms, CPU per page vs reference`, 'cpuUs', r.cpu / ref.cpu, '<=', 2.5),
      line(`${name} at 0 ms, throughput vs reference`, 'rps', r.rps / ref.rps, '>=', 0.4),
    ];
  if (latency === 20)
    return [
      line(`${name} at 20 ms, throughput vs reference`, 'rps', r.rps / ref.rps, '>=', 0.9),
      line(`${name} at 20 ms, p99 vs reference`, 'p99', r.p99 / ref.p99, '<=', 1.3),
    ];
  return [];
}

/**
 * The stub's median connection turnaround since the last ask (core-stub.mjs): how long a target
 * kept a connection the stub had answered on before sending its next call there. With the pool
 * full (20 ms), a target's throughput follows it.
 */
async function turnaround(coreUrl) {
  return (await fetch(`${coreUrl}/__turnaround`, { method: 'POST' })).json();
}

export async function throughputRows(ctx) {
  const targets = await startTargets(ctx);
  console.log(
    `throughput: ${ctx.connections} connections, ${DURATION} s per run, ${ROUNDS} alternating rounds, ${ctx.ids} product ids, ${WARMUP_S} s of that load before the first run\n`,
  );
  const lines = [];
  for (const [n, latency] of LATENCIES.entries()) {
    await fetch(`${ctx.coreUrl}/__latency?ms=${latency}`, { method: 'POST' });
    for (const t of targets)
      await (n === 0 ? steadyState(t.url, t.path) : warmUp(`${t.url}${t.path}1`));
    const runs = new Map(targets.map((t) => [t.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        await turnaround(ctx.coreUrl); // starts the stub's count afresh
        const r = await load(t.url, t.path, t.proc.child.pid);
        const { p50 } = await turnaround(ctx.coreUrl);
        runs.get(t.name).push({ ...r, rss: rssMb(t.proc.child.pid), turnaround: p50 });
      }
    }
    const refRuns = runs.get(targets[0].name);
    const ref = summarise(refRuns);
    console.log(`downstream latency ${latency} ms: product aggregate (5 core-api calls)`);
    console.log(
      'target                            req/s     p50 ms   p99 ms   RSS MB   errors   req/s ratio   p99 ratio   CPU µs/req   CPU ratio   turnaround ms',
    );
    for (const t of targets) {
      const r = summarise(runs.get(t.name));
      console.log(row(t.name, r, ref));
      if (t.prod) lines.push(...verdicts(latency, t.name, r, ref, runs.get(t.name), refRuns));
    }
    console.log('');
  }
  console.log(
    "issue 20, target 1 (production rows against the reference, same run; the verdict is on the means, each round's ratio after it):",
  );
  for (const line of lines) console.log(`  ${line}`);
  console.log('');

  await fetch(`${ctx.coreUrl}/__latency?ms=20`, { method: 'POST' });
  const one = await timeOne(`${ctx.coreUrl}/products/1`);
  console.log('single request, 20 ms downstream latency (median of 50 sequential requests)');
  console.log(`one core-api call                 ${one.toFixed(1)} ms`);
  for (const t of targets) {
    const ms = await timeOne(`${t.url}${t.path}7`);
    console.log(
      `${t.name.padEnd(32)}  ${ms.toFixed(1)} ms   (${(ms / one).toFixed(2)} × one call)`,
    );
  }
  console.log('');

  // Proof that the production rows ran as deployed: spans reached the sink, request logs the file.
  await sleepForExport();
  const sink = await (await fetch(`${ctx.sinkUrl}/count`)).json();
  console.log('production rows, what they exported and logged:');
  for (const t of targets.filter((x) => x.prod)) {
    const app = t.name.split(' ')[0];
    const log = readFileSync(t.prod.logFile, 'utf8').split('\n');
    const requests = log.filter((l) => l.includes('"msg":"request completed"')).length;
    const { spans = 0, traces = 0 } = sink.byService[app] ?? {};
    console.log(
      `  ${t.name.padEnd(26)} spans at the sink ${String(spans).padStart(7)} in ${traces} traces (${((100 * traces) / Math.max(1, requests)).toFixed(1)} % of the requests logged)   log lines ${String(log.length - 1).padStart(7)}, request logs ${requests}`,
    );
  }
  console.log(
    `  sink: ${sink.requests} exports, ${sink.spans} spans, ${(sink.bytes / 1e6).toFixed(1)} MB, ${sink.unreadable} unreadable\n`,
  );
  for (const t of targets) await stop(t.proc);
}

// The batch span processor exports at most every OTEL_BSP_SCHEDULE_DELAY (1 s by default).
const sleepForExport = () => new Promise((done) => setTimeout(done, 1500));
