// Load for `npm run bench`: autocannon over distinct product ids, with the target's CPU time per
// request read from /proc around the run.
import autocannon from 'autocannon';
import { HEADERS, cpuMs } from './procs.mjs';

export const DURATION = Number(process.env.BENCH_DURATION_S ?? 8);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const IDS = 500; // distinct product ids, so coalescing does not flatter the BFFs

/**
 * Seconds of the measured load each target gets before its first measured run. A deployed service
 * serves for hours, so a page's CPU is its steady state's: the BFFs' CPU per page kept falling for
 * about 30 s of load (V8 optimising a large bundle; docs/performance.md, "Issue 20, steady state"), while the
 * reference settles within a few seconds. Every target, the reference included, gets the same.
 */
export const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 20);

/** A 2 s warm-up on one id: the target settles at a new downstream latency. */
export const warmUp = (url) =>
  autocannon({ url, connections: CONNECTIONS, duration: 2, headers: HEADERS });

/** `seconds` of the measured load itself (distinct ids), before a target's first measured run. */
export const steadyState = (url, path, seconds = WARMUP_S) =>
  seconds > 0 ? load(url, path, undefined, seconds) : Promise.resolve();

/** One bounded run against `url + path + id`; CPU per request of process `pid` (when given). */
export async function load(url, path, pid, duration = DURATION) {
  let i = 0;
  const cpuBefore = pid === undefined ? 0 : cpuMs(pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
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
  const cpuUs =
    pid === undefined
      ? NaN
      : ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUs,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Median time of `n` sequential requests. */
export async function timeOne(url, n = 50) {
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

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `PASS`/`FAIL` line for a measured value against a bound. */
export const verdict = (label, value, op, bound, unit = '×') =>
  `${(op === '<=' ? value <= bound : value >= bound) ? 'PASS' : 'FAIL'}  ${label}: ${value.toFixed(2)}${unit} (target ${op === '<=' ? '≤' : '≥'} ${bound}${unit})`;
