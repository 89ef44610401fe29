#!/usr/bin/env node
// `npm start`: builds the services (every app whose project.json declares `metadata.service`:
// core-api, the BFFs and the development OpenID provider, which OIDC_ISSUER replaces by the team's
// own) and runs them together on this machine (core-api
// on embedded PostgreSQL unless DATABASE_URL is set), then says where they are — or what is wrong.
// Any stop request (Ctrl+C, SIGTERM or SIGHUP to npm or to this process, npm dying) stops them
// all; if this process is killed outright, the services stop themselves. The parts live in
// ./launcher/: settings (the variables), ports, build, services, format (the log lines), probe
// (is core-api reachable), banner, signals.
import { resolve } from 'node:path';
import { banner } from './launcher/banner.mjs';
import { buildServices, stopBuild } from './launcher/build.mjs';
import { busyPortLine, firstBusyPort } from './launcher/ports.mjs';
import { probeCoreApi } from './launcher/probe.mjs';
import { startServices, stopServices, waitReady } from './launcher/services.mjs';
import { LauncherError, readSettings } from './launcher/settings.mjs';
import { onStopRequest } from './launcher/signals.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const print = (line) => process.stdout.write(`${line}\n`);
const fail = (line) => {
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

let settings;
try {
  settings = readSettings(process.env);
} catch (error) {
  if (error instanceof LauncherError) fail(error.message);
  throw error;
}
for (const note of settings.notes) print(note);

const builds = { current: undefined };
let running = [];
let stopping = false;

async function stop(reason, code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  await stopBuild(builds);
  const alive = running.filter((r) => r.alive);
  if (alive.length > 0) {
    print(`Stopping ${alive.map((r) => r.service.name).join(', ')} (${reason})…`);
    await stopServices(running);
  }
  process.exit(code);
}
onStopRequest((reason) => void stop(reason, 0));

async function checkPorts() {
  const busy = await firstBusyPort(settings.services, settings.host);
  if (busy) fail(busyPortLine(busy));
}

await checkPorts();
const built = await buildServices({ root, settings, print, builds });
if (stopping) await new Promise(() => undefined); // stop() is under way and exits
if (built !== 0) fail(`The build failed (exit ${built}); nothing was started.`);
// The build took a while: something may have taken a port since.
await checkPorts();

running = startServices({
  root,
  settings,
  print,
  onExit: (r, code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `${r.service.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the others.\n`,
    );
    void stop(`${r.service.name} stopped`, 1);
  },
});

if (await waitReady(running, settings.reachHost, () => stopping, print)) {
  const coreApi = await probeCoreApi(settings.coreApiUrl);
  if (!stopping) print(banner(settings, coreApi));
}
