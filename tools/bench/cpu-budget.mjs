#!/usr/bin/env node
// Where a page's CPU goes: reads a V8 `.cpuprofile` (`node --cpu-prof`) and attributes each
// sample's self time to a part by the file of its frame (frames in a bundle are mapped back to
// their source through the bundle's source map, so apps/ and libs/ are told apart).
//
//   node tools/bench/cpu-budget.mjs <file.cpuprofile> [--requests N] [--from-ms A] [--to-ms B] [--top N] [--cpu-us U]
//
// --requests: pages served in the window, to print µs per page; --from-ms/--to-ms: only samples
// that far after the profile's start (the load, not the start-up). `npm run bench` runs it on its
// profile row (BENCH_ROWS=budget); --top: also the N costliest functions of each part;
// --cpu-us: the page's CPU from /proc, to spread over the parts by their shares.
import { readFileSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Parts in the order they are tried; the first whose pattern matches a frame's file wins. */
export const PARTS = [
  [
    'framework',
    /\/node_modules\/(@nestjs|@fastify|fastify|find-my-way|avvio|light-my-request|fast-json-stringify|rxjs|reflect-metadata|helmet|fastq|toad-cache|process-warning|content-type|secure-json-parse|fast-querystring|path-to-regexp)\//,
  ],
  [
    'validation',
    /\/node_modules\/(class-validator|class-transformer|ajv|ajv-formats|validator|libphonenumber-js|zod)\/|\/libs\/platform\/validation\/|\/libs\/core-client\/src\/lib\/contracts\/|\/libs\/core-contracts\//,
  ],
  ['policies', /\/node_modules\/cockatiel\/|\/libs\/core-client\/src\/lib\/resilience\//],
  [
    'telemetry',
    /\/node_modules\/(@opentelemetry|prom-client|tdigest|bintrees|require-in-the-middle|import-in-the-middle|shimmer)\/|\/libs\/platform\/(tracing|metrics)\/|\/libs\/core-client\/src\/lib\/metrics\//,
  ],
  [
    'logging',
    /\/node_modules\/(pino|pino-[a-z-]+|sonic-boom|fast-redact|@pinojs\/[a-z-]+|thread-stream|quick-format-unescaped|atomic-sleep|on-exit-leak-free|real-require|safe-stable-stringify|nestjs-pino)\/|\/libs\/platform\/logging\//,
  ],
  [
    'transport',
    /^wasm:\/\/|\/node_modules\/undici\/|^node:(net|_http_[a-z]+|http|https|dns|stream|internal\/(http|net|stream_base_commons|streams\/|js_stream_socket|dns|deps\/undici|deps\/llhttp|http2|tcp_wrap))|\/libs\/core-client\/src\/lib\/transport\//,
  ],
  ['app code', /\/(apps|libs)\//],
];
const PSEUDO = {
  '(garbage collector)': 'GC',
  '(idle)': 'idle',
  '(program)': 'other',
  '(root)': 'other',
  // llhttp, undici's HTTP parser, runs as WebAssembly.
  'wasm-to-js': 'transport',
  'js-to-wasm': 'transport',
};
export const ORDER = [...PARTS.map(([p]) => p), 'GC', 'other'];

const maps = new Map();
/**
 * The source file a frame of an app bundle (dist/apps) comes from, or the frame's own file. The
 * bundle holds the npm packages too: their frames map to `…/node_modules/<package>/<file>.js`
 * (their own source maps are not followed: tools/webpack/app-config.js), so PARTS still tell
 * packages apart.
 */
export function sourceOf(url, line, column) {
  if (!url.startsWith('file://') || !url.includes('/dist/apps/')) return url;
  let map = maps.get(url);
  if (map === undefined) {
    const file = `${fileURLToPath(url)}.map`;
    map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null;
    maps.set(url, map);
  }
  if (!map || line < 0) return url;
  const source = map.findEntry(line, Math.max(0, column))?.originalSource;
  // webpack://@bff/web-bff/./libs/… → /libs/…
  return source ? source.replace(/^webpack:\/\/.*?\/\.\//, '/') : url;
}

/**
 * The part of one frame, or undefined when it takes its caller's: native code without a file
 * (JSON.parse, a string written to a socket or a file) and Node's own modules other than its
 * network stack (events, timers, fs, async hooks serve whoever called them).
 */
export function partOf(frame) {
  if (!frame.url) return PSEUDO[frame.functionName];
  const file = sourceOf(frame.url, frame.lineNumber, frame.columnNumber);
  for (const [part, pattern] of PARTS) if (pattern.test(file)) return part;
  return file.startsWith('node:') ? undefined : 'other';
}

/** Part of every node: its frame's, else (native code such as JSON.parse or a socket write) its caller's. */
function partsOfNodes(nodes) {
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const own = new Map(nodes.map((n) => [n.id, partOf(n.callFrame)]));
  const parts = new Map();
  const resolve = (id) => {
    if (parts.has(id)) return parts.get(id);
    let part = own.get(id) ?? (parent.has(id) ? resolve(parent.get(id)) : 'other');
    // Node's network stack working for the span exporter or a log destination is theirs.
    const { url } = byId.get(id).callFrame;
    if (part === 'transport' && (!url || url.startsWith('node:'))) part = exporterAbove(id) ?? part;
    parts.set(id, part);
    return part;
  };
  const exporterAbove = (id) => {
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const p = own.get(at);
      if (p === 'telemetry' || p === 'logging') return p;
      if (p !== undefined && p !== 'transport') return undefined;
    }
    return undefined;
  };
  for (const n of nodes) resolve(n.id);
  return parts;
}

/** µs of self time per node id within [fromMs, toMs] of the profile's start. */
function selfTimes(profile, fromMs, toMs) {
  const self = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const next = profile.timeDeltas[i + 1] ?? 0; // a sample stands for the time until the next
    const at = (t - profile.startTime) / 1000;
    if (at < fromMs || at > toMs) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + next);
  }
  return self;
}

/** Self time in µs per part within [fromMs, toMs] of the profile's start; `idle` kept apart. */
export function budget(profile, { fromMs = 0, toMs = Infinity } = {}) {
  const partOfNode = partsOfNodes(profile.nodes);
  const us = Object.fromEntries([...ORDER, 'idle'].map((p) => [p, 0]));
  for (const [id, t] of selfTimes(profile, fromMs, toMs)) us[partOfNode.get(id)] += t;
  return us;
}

/** The `n` costliest functions of each part (`function file`, µs), to see what a part holds. */
export function topFunctions(profile, n, { fromMs = 0, toMs = Infinity } = {}) {
  const partOfNode = partsOfNodes(profile.nodes);
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const tops = {};
  for (const [id, t] of selfTimes(profile, fromMs, toMs)) {
    const f = byId.get(id);
    const key = `${f.functionName || '(anonymous)'} ${sourceOf(f.url, f.lineNumber, f.columnNumber).replace(/^.*\/node_modules\//, '')}`;
    const part = (tops[partOfNode.get(id)] ??= new Map());
    part.set(key, (part.get(key) ?? 0) + t);
  }
  return Object.fromEntries(
    Object.entries(tops).map(([p, m]) => [p, [...m].sort((a, b) => b[1] - a[1]).slice(0, n)]),
  );
}

/**
 * The table `npm run bench` prints: µs of the main thread per page and share of its busy time;
 * with `cpuUs` (CPU per request from /proc, all threads) also each share of that.
 */
export function formatBudget(us, requests, cpuUs) {
  const busy = ORDER.reduce((a, p) => a + us[p], 0);
  const per = (x) => (requests ? x / requests : x).toFixed(0).padStart(9);
  const cpu = (x) => (cpuUs ? ((cpuUs * x) / busy).toFixed(0).padStart(12) : '');
  const lines = [`part          µs/page      %${cpuUs ? '  ≈ CPU µs/req' : ''}`];
  for (const p of ORDER)
    lines.push(
      `${p.padEnd(12)}${per(us[p])}${((100 * us[p]) / busy).toFixed(1).padStart(7)}${cpu(us[p])}`,
    );
  lines.push(`${'busy'.padEnd(12)}${per(busy)}  100.0${cpu(busy)}`);
  lines.push(`${'idle'.padEnd(12)}${per(us.idle)}         (main thread waiting)`);
  if (!requests) lines.unshift('(no --requests: totals in µs, not per page)');
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error(
      'usage: node tools/bench/cpu-budget.mjs <file.cpuprofile> [--requests N] [--from-ms A] [--to-ms B] [--top N] [--cpu-us U]',
    );
    process.exit(2);
  }
  const opt = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : undefined;
  };
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const window = { fromMs: opt('--from-ms'), toMs: opt('--to-ms') };
  const requests = opt('--requests');
  console.log(formatBudget(budget(profile, window), requests, opt('--cpu-us')));
  if (opt('--top'))
    for (const [part, fns] of Object.entries(topFunctions(profile, opt('--top'), window))) {
      console.log(`\n${part}`);
      for (const [fn, t] of fns)
        console.log(`${(requests ? t / requests : t).toFixed(1).padStart(9)}  ${fn.slice(0, 110)}`);
    }
}
