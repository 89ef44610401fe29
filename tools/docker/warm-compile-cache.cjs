// `node -r ./warm-compile-cache.cjs main.js`, run once while the image is built: the app loads all
// its modules (synchronously, as main.js's imports run), and at the first turn of the event loop —
// before it listens or connects anywhere — the compile cache Node filled (NODE_COMPILE_CACHE) is
// written and the process exits 0. The image then starts with that code already compiled.
const { flushCompileCache } = require('node:module');

setImmediate(() => {
  flushCompileCache();
  process.exit(0);
});
