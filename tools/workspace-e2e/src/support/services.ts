// `npm start` in the copy, on ports picked for this run, and HTTP against what it started.
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Polls `check` every half second until it holds or `ms` pass. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  ms: number,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not within ${ms / 1000} s`);
}

export class Launcher {
  private output = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(root: string, env: Record<string, string>) {
    this.child = spawn('npm', ['start'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((r) => this.child.once('exit', (code) => r(code)));
  }

  text(): string {
    return this.output;
  }

  /** Ctrl+C, as a developer stops it; the launcher stops every service before it exits. */
  async stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

export async function ready(base: string): Promise<boolean> {
  const res = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(5_000) });
  await res.body?.cancel();
  return res.ok;
}
