// `nx run <app>:api-gate [--accept="<reason>"]`: the app's breaking-change gate (gate.ts). Exit 1
// on a breaking change that is neither accepted nor announced by its next version, 2 on a usage
// error. `--accept` writes the breaking changes it finds into apps/<app>/api-accepted.json with the
// reason, for review (accepted.ts).
import { resolve } from 'node:path';
import { accept, acceptedPath } from './accepted';
import { runGate } from './gate';

const [app, ...options] = process.argv.slice(2);
const reason = options.find((o) => o.startsWith('--accept='))?.slice('--accept='.length);
if (
  !app ||
  app.startsWith('-') ||
  options.some((o) => !o.startsWith('--accept=')) ||
  reason === ''
) {
  console.error('usage: api-gate <app> [--accept="<why no deployed client can notice>"]');
  process.exit(2);
}
const root = resolve(__dirname, '..', '..', '..', '..');
const result = runGate(app, root);
for (const line of result.lines) console.log(line);
if (reason !== undefined && result.blocking.length) {
  accept(root, app, result.version, result.blocking, reason);
  console.log(
    `Accepted ${result.blocking.length} breaking change(s) in ${acceptedPath(app)}: review and commit it.`,
  );
  process.exit(0);
}
process.exit(result.ok ? 0 : 1);
