import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..', '..');

export interface RunningService {
  name: string;
  url: string;
  process: ChildProcess;
  /** Everything the process wrote, for assertions and for failure messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  /** The folder holding main.js (default dist/apps/<name>); also the working directory when set. */
  appDir?: string;
}

function spawnBuilt(name: string, env: Record<string, string>, options: SpawnOptions = {}) {
  const main = join(options.appDir ?? join(ROOT, 'dist', 'apps', name), 'main.js');
  if (!existsSync(main))
    throw new Error(`${main} is missing: build it first (npx nx run ${name}:build)`);
  const child = spawn(process.execPath, [main], {
    cwd: options.appDir ?? ROOT,
    // Only what the test chooses: no DATABASE_URL or REDIS_URL leaks in from the shell.
    // Functional suites run while other suites load the same 2 cores: generous downstream
    // timeouts keep a slow moment from tripping a BFF's breaker. The resilience suite sets its own.
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      CORE_API_TIMEOUT_MS: '5000',
      CORE_API_DEADLINE_MS: '10000',
      // Every request of a suite comes from 127.0.0.1: only the rate-limit tests set real limits.
      RATE_LIMIT_MAX: '1000000',
      AUTH_RATE_LIMIT_MAX: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/**
 * Starts a built app (dist/apps/<name>/main.js) as a real process on 127.0.0.1 with PORT=0 and
 * resolves with its URL, read from its "listening" log line. A start takes seconds, and over 45 s
 * has been seen on a loaded machine: the default wait is 3 minutes.
 */
export async function startService(
  name: string,
  env: Record<string, string> = {},
  timeoutMs = 180_000,
  options: SpawnOptions = {},
): Promise<RunningService> {
  const { child, output, exited } = spawnBuilt(name, env, options);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setInterval(() => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output());
      if (match?.[1]) {
        clearInterval(timer);
        clearTimeout(deadline);
        resolveUrl(match[1]);
      }
    }, 25);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearInterval(timer);
      clearTimeout(deadline);
      reject(new Error(`${name} exited with ${code} before listening:\n${output()}`));
    });
  });

  return {
    name,
    url,
    process: child,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs a built app until it exits by itself; for start-up failure tests. */
export async function runToExit(
  name: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; output: string }> {
  const { child, output, exited } = spawnBuilt(name, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, output: output() };
}
