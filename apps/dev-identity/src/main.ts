// Must stay first: on a Node other than 24 it stops with one line before anything else loads.
import '@bff/platform-bootstrap/node-check';
import { start } from './start';

start().catch((error: unknown) => {
  process.stderr.write(
    `dev-identity: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
