/**
 * `import '@bff/platform-bootstrap/node-check'` as the very first line of an app's main.ts: on a
 * Node the project does not run on, the process stops here with one line and exit code 1, before
 * a module that needs the newer Node (undici) is loaded and dies with a stack trace. This entry
 * point imports nothing but `node:path`, `node:module` and `node:v8`, so it loads on any Node.
 *
 * On the right Node it then turns on Node's compile cache for every module loaded after it (the
 * few npm packages the bundle leaves external): V8's compiled code is kept on disk, in
 * `NODE_COMPILE_CACHE` or else `<tmpdir>/node-compile-cache`, so a second start skips most
 * compiling (docs/startup.md). main.js itself, which holds this file, is already compiled by then:
 * it is cached only when `NODE_COMPILE_CACHE` is set before the process starts, as the image sets
 * it. `NODE_DISABLE_COMPILE_CACHE=1` turns it off; a folder that cannot be written only means no
 * cache.
 *
 * Last, it turns off V8's allocation-site pretenuring (`turnOffPretenuring`, ADR 0010) before any
 * of the app's modules run: under load it made each scavenge promote the garbage of pages in
 * flight. `node --allocation-site-pretenuring main.js` keeps V8's default.
 */
import { enableCompileCache } from 'node:module';
import { exitUnlessSupportedNode } from './lib/node-version';
import { turnOffPretenuring } from './lib/v8-pretenuring';

exitUnlessSupportedNode();
enableCompileCache();
turnOffPretenuring();
