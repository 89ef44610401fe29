// Processes for `npm run bench`: free ports on 127.0.0.1, spawning (optionally pinned to a CPU
// and with stdout into a file), waiting for an answer, and /proc readings (CPU time, RSS).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const root = resolve(import.meta.dirname, '..', '..');

// web-bff answers /api only with its anti-CSRF header (docs/web-bff-security.md); others ignore it.
export const HEADERS = { 'x-csrf': '1' };

const children = new Set();
/** Stops every process this bench started (SIGTERM). */
export const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};

export function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

export const hasTaskset = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');

/**
 * Starts `node [nodeArgs] args` with only PATH and `env`. `stdoutFile`: the child's stdout goes
 * to that file (as a container's log would), else it is kept in memory with stderr for errors.
 * `cpu`: pinned to that CPU with taskset (which execs node, so the pid is node's).
 */
export function start(name, args, env = {}, { nodeArgs = [], stdoutFile, cpu } = {}) {
  const fd = stdoutFile ? openSync(stdoutFile, 'w') : undefined;
  const argv = [...nodeArgs, ...args];
  const pinned = cpu !== undefined && hasTaskset;
  const child = spawn(
    pinned ? 'taskset' : process.execPath,
    pinned ? ['-c', String(cpu), process.execPath, ...argv] : argv,
    {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', fd ?? 'pipe', 'pipe'],
    },
  );
  if (fd !== undefined) closeSync(fd);
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  children.add(child);
  child.on('exit', () => children.delete(child));
  const fileTail = () => (stdoutFile ? readFileSync(stdoutFile, 'utf8').slice(-4000) : '');
  return { name, child, output: () => output + fileTail() };
}

/** Polls `url` until it answers 2xx; throws with the process's output if it exits or times out. */
export async function waitFor(url, proc, timeoutMs = 45_000, intervalMs = 100) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited:\n${proc.output()}`);
    try {
      const res = await fetch(url, { headers: HEADERS });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(intervalMs);
  }
  throw new Error(`${proc.name} did not answer ${url} in time:\n${proc.output()}`);
}

/** Stops one process and waits for it to exit. */
export function stop(proc, signal = 'SIGTERM') {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    proc.child.once('exit', done);
    proc.child.kill(signal);
  });
}

// CPU time (user + system) a process has used, in ms, from /proc: per request it is a measure the
// other processes sharing the cores barely move, unlike req/s.
export const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};

export const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : NaN;
};
