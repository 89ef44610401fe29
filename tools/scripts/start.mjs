#!/usr/bin/env node
// `npm start`: builds the three services and runs them together on this machine
// (core-api on embedded PostgreSQL unless DATABASE_URL is set), then prints where they are.
// Ctrl+C stops all three gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const host = process.env.HOST ?? '127.0.0.1';
const services = [
  { name: 'core-api', port: Number(process.env.CORE_API_PORT ?? 3000), colour: 36 },
  { name: 'web-bff', port: Number(process.env.WEB_BFF_PORT ?? 3001), colour: 35 },
  { name: 'mobile-bff', port: Number(process.env.MOBILE_BFF_PORT ?? 3002), colour: 33 },
];
const coreApiUrl = process.env.CORE_API_URL ?? `http://127.0.0.1:${services[0].port}`;

console.log('Building core-api, web-bff and mobile-bff…');
const build = spawnSync(
  join(root, 'node_modules', '.bin', 'nx'),
  ['run-many', '-t', 'build', '-p', ...services.map((s) => s.name)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const children = new Map();
let stopping = false;

function label(service) {
  return process.stdout.isTTY
    ? `\x1b[${service.colour}m${service.name.padEnd(10)}\x1b[0m`
    : service.name.padEnd(10);
}

/** Prints a pino JSON line as "name  LEVEL message (status, ms)"; anything else as it is. */
function show(service, line) {
  if (!line.trim()) return;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    console.log(`${label(service)} ${line}`);
    return;
  }
  const level =
    { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' }[entry.level] ??
    'INFO';
  const request =
    entry.method && entry.status
      ? ` ${entry.method} ${entry.path} → ${entry.status} in ${entry.responseTime} ms`
      : '';
  if (
    entry.context === 'RouterExplorer' ||
    entry.context === 'RoutesResolver' ||
    entry.context === 'InstanceLoader'
  )
    return;
  console.log(`${label(service)} ${level.padEnd(5)} ${entry.msg}${request}`);
}

for (const service of services) {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', service.name, 'main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(service.port), HOST: host, CORE_API_URL: coreApiUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) show(service, line);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      console.error(
        `${service.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the others.`,
      );
      stop(1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children.values()) child.kill('SIGTERM');
  if (children.size === 0) process.exit(code);
  setTimeout(() => process.exit(code), 30_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitReady(service) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const ready = await Promise.all(services.map(waitReady));
if (ready.every(Boolean)) {
  const url = (s, path = '') => `http://localhost:${s.port}${path}`;
  console.log(`
  The storefront is running.

    core-api    ${url(services[0]).padEnd(24)} docs ${url(services[0], '/docs')}
    web-bff     ${url(services[1]).padEnd(24)} docs ${url(services[1], '/docs')}
    mobile-bff  ${url(services[2]).padEnd(24)} docs ${url(services[2], '/docs')}

  Open the storefront: ${url(services[1], '/')}  (sign in as ada@example.com / storefront-demo-ada)
  Or try:
    curl -H 'X-CSRF: 1' ${url(services[1], '/api/pages/product/1')}
    curl ${url(services[2], '/v1/screens/product/1')}

  Ctrl+C stops all three.
`);
}
