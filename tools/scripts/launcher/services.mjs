import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eachLine, formatLine, parseEntry } from './format.mjs';
import { DEV_IDENTITY } from './settings.mjs';

/** Loaded into each service first: it stops the service when the launcher's channel closes. */
const PRELOAD = join(import.meta.dirname, 'exit-with-launcher.cjs');
/** How long the services get to shut down gracefully before they are killed. */
const STOP_MS = 30_000;

/**
 * Starts each built service (dist/apps/<name>/main.js) as a child with an IPC channel (see
 * exit-with-launcher.cjs), its output formatted line by line through `print`. `onExit` hears of
 * every exit; `listening` turns true when the service itself has logged that it listens.
 */
export function startServices({ root, settings, print, onExit }) {
  const colours = new Map(settings.services.map((s) => [s.name, s.colour]));
  const useColour = process.stdout.isTTY === true;
  return settings.services.map((service) => {
    const child = spawn(
      process.execPath,
      ['--require', PRELOAD, join(root, 'dist', 'apps', service.name, 'main.js')],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(service.port),
          HOST: settings.host,
          CORE_API_URL: settings.coreApiUrl,
          ...identityEnv(service, settings),
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    const running = { service, child, listening: false, alive: true };
    running.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        running.alive = false;
        onExit(running, code, signal);
        resolve();
      });
    });
    const onLine = (line) => {
      const entry = parseEntry(line);
      if (entry && / listening on /.test(String(entry.msg)) && entry.url) running.listening = true;
      const shown = formatLine(line, {
        fallback: service.name,
        colourOf: (n) => colours.get(n) ?? 0,
        useColour,
      });
      if (shown !== undefined) print(shown);
    };
    eachLine(child.stdout, onLine);
    eachLine(child.stderr, onLine);
    return running;
  });
}

/**
 * What ties the BFFs and the identity provider together on this machine, by how each BFF's callers
 * sign in (its project.json `metadata.service.signIn`): every BFF gets the issuer; a session BFF
 * also its callback and post-logout addresses at the address the banner tells the user to open
 * (localhost). The development provider learns every session BFF's addresses (redirect and
 * post-logout URIs at both spellings of this machine, back-channel logout at the address it
 * listens on) and every bearer BFF's audience. web-bff and mobile-bff are its built-in clients
 * (WEB_BFF_URL; the mobile audience is its default); any other BFF goes in SESSION_CLIENTS or
 * BEARER_AUDIENCES. Settings the user gave (in `userEnv`) win.
 */
export function identityEnv(service, settings, userEnv = process.env) {
  const given = (variable, value) => (userEnv[variable] ? {} : { [variable]: value });
  const local = (s) => `http://localhost:${s.port}`;
  const listening = (s) => `http://${settings.reachHost}:${s.port}`;
  switch (service.name === DEV_IDENTITY ? 'provider' : service.signIn) {
    case 'session':
      return {
        ...given('OIDC_ISSUER', settings.oidcIssuer),
        ...given('OIDC_REDIRECT_URI', `${local(service)}/bff/callback`),
        ...given('OIDC_POST_LOGOUT_REDIRECT_URI', `${local(service)}/`),
      };
    case 'bearer':
      return given('OIDC_ISSUER', settings.oidcIssuer);
    case 'provider': {
      const bffs = (signIn, builtIn) =>
        settings.services.filter((s) => s.signIn === signIn && s.name !== builtIn);
      const web = settings.services.find((s) => s.name === 'web-bff');
      const sessions = bffs('session', 'web-bff');
      const audiences = bffs('bearer', 'mobile-bff');
      return {
        OIDC_ISSUER: settings.oidcIssuer,
        ...(web && given('WEB_BFF_URL', `${listening(web)},${local(web)}`)),
        ...(sessions.length > 0 &&
          given(
            'SESSION_CLIENTS',
            sessions.map((s) => `${s.name}=${listening(s)}|${local(s)}`).join(','),
          )),
        ...(audiences.length > 0 &&
          given('BEARER_AUDIENCES', audiences.map((s) => s.name).join(','))),
      };
    }
    default:
      return {};
  }
}

/** SIGTERM to every service still running, SIGKILL to any not gone after STOP_MS. */
export async function stopServices(running) {
  for (const r of running) if (r.alive) r.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const r of running) if (r.alive) r.child.kill('SIGKILL');
  }, STOP_MS);
  await Promise.all(running.map((r) => r.exited));
  clearTimeout(timer);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function answersReady(base) {
  try {
    const res = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Waits until every service is its own proof of life: the child is alive, has logged that it
 * listens, and its port (checked free before it started) answers /health/ready. Resolves false
 * as soon as `gaveUp()` says so (a service exited, or a stop was asked for). Slow starts — the
 * first one seeds the demo catalog — get a line every 30 s saying who is still starting.
 */
export async function waitReady(running, reachHost, gaveUp, print) {
  const started = Date.now();
  let nextNote = started + 30_000;
  const pending = new Set(running);
  while (pending.size > 0) {
    if (gaveUp()) return false;
    for (const r of [...pending]) {
      if (r.alive && r.listening && (await answersReady(`http://${reachHost}:${r.service.port}`))) {
        pending.delete(r);
      }
    }
    if (gaveUp()) return false;
    if (pending.size > 0 && Date.now() >= nextNote) {
      nextNote += 30_000;
      const names = [...pending].map((r) => r.service.name).join(', ');
      print(`Still starting after ${Math.round((Date.now() - started) / 1000)} s: ${names}`);
    }
    if (pending.size > 0) await sleep(250);
  }
  return !gaveUp();
}
