#!/usr/bin/env node
// Writes an app's OpenAPI document to openapi/<app>.json from its build, or with --check fails
// when the committed copy differs from what the code now produces.
//
//   node tools/scripts/openapi.mjs <app> [--check]      (run through `nx run <app>:openapi[-check]`)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OFFLINE_RUN_ENV } from './offline-run-env.mjs';

const [app, flag] = process.argv.slice(2);
if (!app) {
  console.error('usage: openapi.mjs <app> [--check]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..', '..');
const main = join(root, 'dist', 'apps', app, 'main.js');
if (!existsSync(main)) {
  console.error(`${main} does not exist: build ${app} first (npx nx run ${app}:build)`);
  process.exit(2);
}
const committed = join(root, 'openapi', `${app}.json`);
const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
const produced = join(dir, `${app}.json`);
try {
  const result = spawnSync(process.execPath, [main, `--openapi=${produced}`], {
    cwd: root,
    env: { ...process.env, ...OFFLINE_RUN_ENV },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 120_000,
  });
  if (result.status !== 0 || !existsSync(produced)) {
    console.error(`${app} did not produce its OpenAPI document (exit ${result.status})`);
    process.exit(1);
  }
  if (flag === '--check') {
    const now = readFileSync(produced, 'utf8');
    const before = existsSync(committed) ? readFileSync(committed, 'utf8') : '';
    if (now !== before) {
      console.error(`openapi/${app}.json is out of date: the code produces a different document.`);
      console.error(`Run \`npx nx run ${app}:openapi\` and commit the result.`);
      process.exit(1);
    }
    console.log(`openapi/${app}.json matches the code`);
  } else {
    copyFileSync(produced, committed);
    console.log(`wrote openapi/${app}.json`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
