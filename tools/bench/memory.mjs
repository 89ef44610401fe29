// `npm run bench`'s memory row (BENCH_ROWS=memory): web-bff as deployed (production.mjs) with the
// pod's limits applied to the process — the heap flags the image derives from
// BENCH_MEMORY_LIMIT_MIB (default: web-bff's limit in deploy/k8s, 384 MiB; pod-limits.mjs runs
// tools/docker/heap-from-limit.sh), pinned to one CPU with taskset — under the production row's load
// at 0 ms downstream latency for BENCH_MEMORY_S (2 × BENCH_DURATION_S). RSS is read from /proc
// every 200 ms. Issue 20's target: 0 errors and peak RSS ≤ 300 MB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DURATION, load, verdict, warmUp } from './load.mjs';
import { heapSettingsFor, podLimitMiB } from './pod-limits.mjs';
import { productionEnv } from './production.mjs';
import { freePort, hasTaskset, root, start, stop, waitFor } from './procs.mjs';

const LIMIT_MIB = Number(process.env.BENCH_MEMORY_LIMIT_MIB ?? podLimitMiB('web-bff'));
const SECONDS = Number(process.env.BENCH_MEMORY_S ?? 2 * DURATION);

const rssKb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) : 0;
};

export async function memoryRow(ctx) {
  const heap = heapSettingsFor(LIMIT_MIB);
  const port = await freePort();
  const prod = await productionEnv('web-bff', { ...ctx, port });
  // As the image's entry point hands them to node.
  prod.env.NODE_OPTIONS = heap.flags.join(' ');
  const proc = start(
    'web-bff (pod limits)',
    [join(root, 'dist', 'apps', 'web-bff', 'main.js')],
    prod.env,
    {
      stdoutFile: prod.logFile,
      cpu: 0,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const path = '/api/pages/product/';
  await waitFor(`${url}${path}1`, proc);
  await fetch(`${ctx.coreUrl}/__latency?ms=0`, { method: 'POST' });
  let peakKb = rssKb(proc.child.pid);
  const sampler = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, rssKb(proc.child.pid));
    } catch {
      /* exited: the load reports errors */
    }
  }, 200);
  await warmUp(`${url}${path}1`);
  const r = await load(url, path, proc.child.pid, SECONDS);
  clearInterval(sampler);
  const exited = proc.child.exitCode !== null;
  await stop(proc);
  const peakMb = (peakKb * 1024) / 1e6;
  console.log(
    `memory: web-bff (production) limited to ${LIMIT_MIB} MiB → ${heap.flags.join(' ')}, ${hasTaskset ? 'pinned to CPU 0 (taskset -c 0)' : 'NOT pinned (no taskset on this machine)'}, ${SECONDS} s at 0 ms`,
  );
  console.log(
    `  req/s ${r.rps.toFixed(0)}   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   CPU ${r.cpuUs.toFixed(0)} µs/req   requests ${r.requests}   errors ${r.errors}${exited ? '   (process exited)' : ''}`,
  );
  console.log(
    `  peak RSS ${peakMb.toFixed(0)} MB (${(peakKb / 1024).toFixed(0)} MiB), sampled every 200 ms over the warm-up and the load`,
  );
  console.log('issue 20, target 3:');
  console.log(
    `  ${r.errors === 0 && !exited ? 'PASS' : 'FAIL'}  holds the load: ${r.errors} errors`,
  );
  console.log(`  ${verdict('peak RSS', peakMb, '<=', 300, ' MB')}\n`);
}
