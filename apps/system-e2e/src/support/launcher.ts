import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './processes';

/** `npm start` on a busy machine: a build reused, core-api migrating an empty PGlite folder. */
export const LAUNCH_MS = 240_000;

export interface ServicePorts {
  core: number;
  web: number;
  mobile: number;
  /** The development OpenID provider. */
  identity: number;
}

/** A port nothing listens on right now, picked by the system (bind port 0, note it, let go). */
export async function freePort(): Promise<number> {
  const server = await listenOn(0);
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Four different free ports, one per service `npm start` runs. */
export async function freeServicePorts(): Promise<ServicePorts> {
  // Held together while picking, so the system cannot hand out the same port twice.
  const servers = await Promise.all([listenOn(0), listenOn(0), listenOn(0), listenOn(0)]);
  const [core, web, mobile, identity] = servers.map(
    (s) => (s.address() as { port: number }).port,
  ) as [number, number, number, number];
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  return { core, web, mobile, identity };
}

/** A TCP server on 127.0.0.1:port (port 0: any free one), to hold a port in a test. */
export function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });
}

/** True when this process can bind 127.0.0.1:port, i.e. nothing else holds it. */
export async function portIsFree(port: number): Promise<boolean> {
  try {
    const server = await listenOn(port);
    await new Promise((done) => server.close(done));
    return true;
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` every 250 ms until it holds; fails with `what` after `timeoutMs`. */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every process below `pid` (Linux: read from /proc), with its command line. */
export function descendants(pid: number): { pid: number; command: string }[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name, is the parent's pid.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; command: string }[] = [];
  const visit = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      let command: string;
      try {
        command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        continue;
      }
      found.push({ pid: child, command });
      visit(child);
    }
  };
  visit(pid);
  return found;
}

export interface Launch {
  /** `npm` (via: 'npm') or the launcher itself (via: 'node'). */
  readonly process: ChildProcess;
  readonly pid: number;
  readonly ports: ServicePorts;
  readonly dataDir: string;
  output(): string;
  /** Resolves when the process has exited, with its code (null after a signal). */
  readonly exited: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** The pids of the four services (the built main.js processes below this one). */
  servicePids(): number[];
  /** Kills the whole process group, whatever is left of it, and removes the temp folders. */
  cleanup(): Promise<void>;
}

export interface LaunchOptions {
  /** Run as `npm start` (npm → launcher → services) or as `node tools/scripts/start.mjs`. */
  via: 'npm' | 'node';
  env?: Record<string, string>;
  /** Ports to use; fresh free ones when absent. */
  ports?: ServicePorts;
}

/**
 * Starts `npm start`'s launcher as a real process in a process group of its own, on 127.0.0.1 and
 * free ports, with core-api's PGlite and the service keys in temp folders and the existing build
 * (START_SKIP_BUILD=1: the e2e target builds first). No demo seeding: an empty catalogue starts in
 * seconds, and the launcher's behaviour does not depend on it.
 */
export async function launch(options: LaunchOptions): Promise<Launch> {
  const { core, web, mobile, identity } = options.ports ?? (await freeServicePorts());
  const dataDir = mkdtempSync(join(tmpdir(), 'launcher-pglite-'));
  const keysDir = mkdtempSync(join(tmpdir(), 'launcher-keys-'));
  const env: Record<string, string> = {
    // npm and the launcher run on this Node (24), as `npm start` does through node_modules/.bin.
    PATH: `${dirname(process.execPath)}:${join(ROOT, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`,
    HOME: process.env['HOME'] ?? tmpdir(),
    HOST: '127.0.0.1',
    CORE_API_PORT: String(core),
    WEB_BFF_PORT: String(web),
    MOBILE_BFF_PORT: String(mobile),
    DEV_IDENTITY_PORT: String(identity),
    PGLITE_DIR: dataDir,
    SERVICE_KEYS_DIR: keysDir,
    START_SKIP_BUILD: '1',
    SEED_DEMO_DATA: 'false',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    ...options.env,
  };
  const child =
    options.via === 'npm'
      ? spawn('npm', ['start', '--silent'], {
          cwd: ROOT,
          env,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, [join(ROOT, 'tools', 'scripts', 'start.mjs')], {
          cwd: ROOT,
          env,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const pid = child.pid as number;
  return {
    process: child,
    pid,
    ports: { core, web, mobile, identity },
    dataDir,
    output: () => output,
    exited,
    async waitFor(pattern, timeoutMs = LAUNCH_MS) {
      let gone = false;
      void exited.then(() => (gone = true));
      await eventually(
        `output matching ${pattern}`,
        () => {
          if (pattern.test(output)) return true;
          if (gone) throw new Error(`The launcher exited before printing ${pattern}:\n${output}`);
          return false;
        },
        timeoutMs,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n--- launcher output ---\n${output}`);
      });
    },
    servicePids: () =>
      descendants(pid)
        .filter((p) =>
          /dist\/apps\/(core-api|web-bff|mobile-bff|dev-identity)\/main\.js/.test(p.command),
        )
        .map((p) => p.pid),
    async cleanup() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
      await eventually('the launch group gone', () => !groupHasMembers(pid), 30_000).catch(
        () => undefined,
      );
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/** True while any process is still in process group `pgid`. */
function groupHasMembers(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
