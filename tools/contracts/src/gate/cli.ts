// `nx run <app>:api-gate`: the app's breaking-change gate (gate.ts). Exit 1 on a breaking change
// that its next version does not announce, 2 on a usage error.
import { resolve } from 'node:path';
import { runGate } from './gate';

const app = process.argv[2];
if (!app) {
  console.error('usage: api-gate <app>   (core-api, web-bff, mobile-bff)');
  process.exit(2);
}
const result = runGate(app, resolve(__dirname, '..', '..', '..', '..'));
for (const line of result.lines) console.log(line);
process.exit(result.ok ? 0 : 1);
