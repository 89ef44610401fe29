#!/usr/bin/env node
// Keeps every core of this machine busy, for `npm run test:busy` (test-busy.mjs) or by hand:
//   node tools/scripts/cpu-burner.mjs [--minutes 60]
// One busy-looping worker thread per core (os.availableParallelism()). It never outlives its
// bound: each worker checks the deadline itself, and the process exits when the deadline passes,
// when its parent goes away (the IPC channel closes, or the parent's pid is gone), or on a signal.
// Started already orphaned (e.g. `nohup … &` from a shell that exits at once), only the cap bounds it.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const at = process.argv.indexOf('--minutes');
  const minutes = at === -1 ? 60 : Number(process.argv[at + 1]);
  if (!(minutes > 0 && minutes <= 24 * 60)) {
    console.error(
      `cpu-burner: --minutes must be a number of minutes up to 1440 (got ${process.argv[at + 1]})`,
    );
    process.exit(2);
  }
  const deadline = Date.now() + minutes * 60_000;
  const parentPid = process.ppid;
  const cores = availableParallelism();
  const workers = Array.from(
    { length: cores },
    () => new Worker(new URL(import.meta.url), { workerData: { deadline } }),
  );
  const stop = (why) => {
    if (why) console.error(`cpu-burner: stopping (${why})`);
    for (const worker of workers) void worker.terminate();
    process.exit(0);
  };
  const parentGone = () => {
    try {
      process.kill(parentPid, 0);
      return false;
    } catch {
      return true;
    }
  };
  // A second's check on the deadline and on the parent (an orphan is re-parented, so its pid check fails).
  setInterval(() => {
    if (Date.now() >= deadline) stop(`the ${minutes}-minute cap passed`);
    if (parentGone() || process.ppid !== parentPid) stop('its parent went away');
  }, 1_000);
  process.on('disconnect', () => stop('its parent went away'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop());
  process.send?.({ ready: true, cores, deadline });
  if (!process.send) console.error(`cpu-burner: ${cores} busy threads for at most ${minutes} min`);
} else {
  const { deadline } = workerData;
  // Pure CPU work, checking its own deadline every few million iterations (a few ms).
  let x = 0;
  for (;;) {
    for (let i = 0; i < 5_000_000; i++) x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    if (Date.now() >= deadline) break;
  }
  parentPort?.postMessage(x);
}
