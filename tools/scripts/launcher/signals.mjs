// Everything that must stop the launcher's services: a signal to the launcher (SIGINT from Ctrl+C
// or `npm`, SIGTERM from an IDE's stop button, a supervisor or `timeout`, SIGHUP when the terminal
// closes), and its parent (`npm`) dying without passing a signal on.

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Calls `stop(reason)` once: on the first signal, or when the parent process is gone (checked
 * every second: the launcher is re-parented then, so its parent pid changes). Later signals are
 * ignored — one Ctrl+C arrives twice (from the terminal, and passed on by npm) — and the stop
 * itself bounds how long the services get.
 */
export function onStopRequest(stop) {
  let requested = false;
  const request = (reason) => {
    if (requested) return;
    requested = true;
    stop(reason);
  };
  for (const signal of SIGNALS) process.on(signal, () => request(`${signal} received`));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) request(`its parent process (pid ${parent}) exited`);
  }, 1_000);
  watch.unref();
  // A closed terminal or a reader that went away must not crash the launcher mid-shutdown.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}
