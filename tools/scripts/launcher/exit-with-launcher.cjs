// Preloaded (node --require) into every service `npm start` runs. The launcher gives each service
// an IPC channel; when the launcher is gone for any reason — even SIGKILL, which it cannot catch —
// the channel closes and the service stops itself as if told to (SIGTERM: graceful shutdown), so no
// service lives on holding its port. The services' own code knows nothing of this.
'use strict';

const fs = require('node:fs');

/** How long a graceful shutdown may take before the service is killed outright. */
const HARD_STOP_MS = 30_000;

/**
 * Nobody reads the service's output once the launcher is gone, and writes to the closed pipe fail
 * with EPIPE — which pino's synchronous flush at exit retries forever, so the service would hang
 * instead of exiting. Discard what it writes to stdout and stderr from then on.
 */
function discardOutput() {
  const ours = (fd) => fd === 1 || fd === 2;
  const size = (data, encoding) =>
    typeof data === 'string'
      ? Buffer.byteLength(data, typeof encoding === 'string' ? encoding : 'utf8')
      : data.byteLength;
  const { writeSync, write } = fs;
  fs.writeSync = function (fd, data, ...rest) {
    if (!ours(fd)) return writeSync.call(this, fd, data, ...rest);
    return typeof data === 'string'
      ? size(data, rest[1])
      : (rest[1] ?? data.byteLength - (rest[0] ?? 0));
  };
  fs.write = function (fd, data, ...rest) {
    if (!ours(fd)) return write.call(this, fd, data, ...rest);
    const callback = rest.pop();
    process.nextTick(() => callback(null, size(data, rest[1]), data));
  };
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = (_chunk, encoding, callback) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done);
      return true;
    };
  }
}

if (typeof process.send === 'function') {
  process.once('disconnect', () => {
    discardOutput();
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), HARD_STOP_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  });
  // The channel must not keep a service alive on its own.
  process.channel?.unref();
}
