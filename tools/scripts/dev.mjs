#!/usr/bin/env node
// `npm run dev`: the services and the development OpenID provider in watch mode (each one's Nx
// `serve` target rebuilds and restarts it on save), their JSON logs shown as the same readable lines as `npm start`'s.
// Stops with Ctrl+C, or any signal to npm or to this process.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { eachLine, formatLine } from './launcher/format.mjs';
import { launcherServices } from './launcher/settings.mjs';
import { onStopRequest } from './launcher/signals.mjs';

const root = resolve(import.meta.dirname, '..', '..');
/** The apps with `metadata.service` in their project.json (see launcher/settings.mjs). */
const SERVICES = launcherServices(root);
const colours = new Map(SERVICES.map((s) => [s.name, s.colour]));
const useColour = process.stdout.isTTY === true;

const nx = spawn(
  join(root, 'node_modules', '.bin', 'nx'),
  [
    'run-many',
    '-t',
    'serve',
    '-p',
    ...SERVICES.map((s) => s.name),
    `--parallel=${SERVICES.length}`,
    '--outputStyle=stream',
  ],
  {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe'],
    // Nx's full-screen view needs the terminal to itself: plain lines, formatted here.
    env: { ...process.env, NX_TUI: 'false', NX_DAEMON: 'false' },
  },
);
for (const stream of [nx.stdout, nx.stderr]) {
  eachLine(stream, (line) => {
    const shown = formatLine(line, { colourOf: (name) => colours.get(name) ?? 0, useColour });
    if (shown !== undefined) process.stdout.write(`${shown}\n`);
  });
}
nx.once('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

onStopRequest(() => {
  // Nx stops the watchers and services it started.
  nx.kill('SIGTERM');
  setTimeout(() => nx.kill('SIGKILL'), 30_000).unref();
});
