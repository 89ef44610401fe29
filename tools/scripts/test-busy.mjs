#!/usr/bin/env node
// `npm run test:busy [-- --runs 3] [--cap-minutes 60] [--allow-cache] [<npm test options>]`: runs exactly
// what `npm test` runs while another process keeps every core busy (cpu-burner.mjs), to show the
// suite does not depend on the machine's speed. Each run gets a fresh burner, stopped when the run
// ends and bounded by the cap even if this script is killed. Prints each run's totals; exits 1 if
// any run failed.
import { fork, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const [, value] = args.splice(at, 2);
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`test:busy: ${name} takes a whole number of at least 1 (got ${value})`);
    process.exit(2);
  }
  return number;
};
const runs = option('--runs', 1);
const capMinutes = option('--cap-minutes', 60);
// A result replayed from Nx's cache says nothing about this machine's load: every task runs afresh
// unless --allow-cache is given.
const allowCache = args.includes('--allow-cache');
if (allowCache) args.splice(args.indexOf('--allow-cache'), 1);
else if (!args.includes('--skip-nx-cache')) args.push('--skip-nx-cache');

let burner;
let tests;
const stopBurner = () => {
  if (burner && burner.exitCode === null && burner.signalCode === null) burner.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopBurner();
    tests?.kill(signal);
    process.exit(130);
  });
}

/** Starts the burner and resolves once its threads run. */
function startBurner() {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'cpu-burner.mjs'), ['--minutes', String(capMinutes)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve({ child, cores: message.cores }));
    child.once('exit', (code) => reject(new Error(`the CPU burner exited early (${code})`)));
  });
}

/** Runs `npm test` (tools/scripts/test.mjs), showing its output and keeping its closing totals. */
function runTests() {
  return new Promise((resolve) => {
    let tail = '';
    tests = spawn(process.execPath, [join(here, 'test.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    tests.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-20_000);
    });
    tests.once('exit', (code, signal) => {
      const totals = [...tail.matchAll(/^Tests: .*$/gm)].at(-1)?.[0] ?? 'Tests: no totals printed';
      resolve({ code: code ?? (signal ? 128 : 1), totals });
    });
  });
}

const outcomes = [];
for (let run = 1; run <= runs; run++) {
  const { child, cores } = await startBurner();
  burner = child;
  let burnerEnded = false;
  child.once('exit', () => (burnerEnded = true));
  console.log(
    `\n== test:busy run ${run} of ${runs}: ${cores} busy threads on ${availableParallelism()} cores (capped at ${capMinutes} min)\n`,
  );
  const loads = [];
  const sampler = setInterval(() => loads.push(loadavg()[0]), 15_000);
  const started = Date.now();
  const { code, totals } = await runTests();
  clearInterval(sampler);
  const loadedThroughout = !burnerEnded;
  stopBurner();
  const meanLoad = loads.length
    ? (loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)
    : 'n/a';
  outcomes.push({
    run,
    code,
    totals,
    seconds: Math.round((Date.now() - started) / 1000),
    meanLoad,
    loadedThroughout,
  });
}

console.log('\n── test:busy summary ────────────────────────────────────');
for (const o of outcomes) {
  const load = o.loadedThroughout
    ? `load average ${o.meanLoad}`
    : 'the burner hit its cap before the run ended';
  console.log(
    `  run ${o.run}: ${o.code === 0 ? 'passed' : 'FAILED'} in ${o.seconds} s (${load}) ${o.totals}`,
  );
}
const failed = outcomes.filter((o) => o.code !== 0).length;
console.log(
  failed ? `${failed} of ${runs} runs failed` : `all ${runs} runs passed on a busy machine`,
);
process.exit(failed ? 1 : 0);
