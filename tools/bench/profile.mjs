// `npm run bench`'s CPU budget row (BENCH_ROWS=budget): web-bff as deployed (production.mjs)
// under `node --cpu-prof`, loaded at 0 ms downstream latency for BENCH_DURATION_S after
// BENCH_WARMUP_S of the same load; the profile's samples inside the load are attributed to parts
// by cpu-budget.mjs, per page served. The profile is kept in BENCH_PROFILE_DIR when set (else it
// goes with the run's temp dir).
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { budget, formatBudget } from './cpu-budget.mjs';
import { load, steadyState } from './load.mjs';
import { productionEnv } from './production.mjs';
import { freePort, root, start, stop, waitFor } from './procs.mjs';

export async function budgetRow(ctx) {
  const port = await freePort();
  const prod = await productionEnv('web-bff', { ...ctx, port });
  const profDir = process.env.BENCH_PROFILE_DIR ?? join(ctx.dir, 'cpu-prof');
  const spawned = performance.now();
  const proc = start(
    'web-bff (--cpu-prof)',
    [join(root, 'dist', 'apps', 'web-bff', 'main.js')],
    prod.env,
    {
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
      stdoutFile: prod.logFile,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const path = '/api/pages/product/';
  await waitFor(`${url}${path}1`, proc);
  await fetch(`${ctx.coreUrl}/__latency?ms=0`, { method: 'POST' });
  await steadyState(url, path);
  // The profile starts with the process: the load's window is measured from the spawn.
  const fromMs = performance.now() - spawned + 100;
  const r = await load(url, path, proc.child.pid);
  const toMs = performance.now() - spawned - 100;
  await stop(proc); // the profile is written as the process exits
  const file = readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile') && f.includes(`.${proc.child.pid}.`))
    .at(-1);
  if (!file) {
    console.log('cpu budget: no .cpuprofile was written\n');
    return;
  }
  const profile = JSON.parse(await readFile(join(profDir, file), 'utf8'));
  const us = budget(profile, { fromMs, toMs });
  const requests = (r.requests * (toMs - fromMs)) / (toMs - fromMs + 200);
  console.log(
    `cpu budget: web-bff (production) at 0 ms, ${r.rps.toFixed(0)} req/s, ${r.cpuUs.toFixed(0)} µs CPU/req from /proc (all threads, profiler on), samples ${fromMs.toFixed(0)}–${toMs.toFixed(0)} ms after spawn`,
  );
  console.log(
    `profile: ${join(profDir, file)}${process.env.BENCH_PROFILE_DIR ? '' : " (removed with the run's temp dir: set BENCH_PROFILE_DIR to keep it)"}`,
  );
  console.log(
    `again: node tools/bench/cpu-budget.mjs <profile> --requests ${Math.round(requests)} --from-ms ${fromMs.toFixed(0)} --to-ms ${toMs.toFixed(0)} --cpu-us ${r.cpuUs.toFixed(0)} --top 8`,
  );
  console.log(formatBudget(us, requests, r.cpuUs));
  console.log('');
}
