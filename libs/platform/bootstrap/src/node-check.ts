/**
 * `import '@bff/platform-bootstrap/node-check'` as the very first line of an app's main.ts: on a
 * Node the project does not run on, the process stops here with one line and exit code 1, before
 * a module that needs the newer Node (undici) is loaded and dies with a stack trace. This entry
 * point imports nothing but `node:path`, so it loads on any Node.
 */
import { exitUnlessSupportedNode } from './lib/node-version';

exitUnlessSupportedNode();
