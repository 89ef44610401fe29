import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { devSecret } from '../lib/dev-secret';

/** How to start the development provider; every member is optional. */
export interface DevIdentityOptions {
  /** WEB_BFF_URL entries (origins); the first gets the back-channel logout URI. */
  webBffUrls?: string[];
  /** OIDC_ISSUER; a function gets the provider's own origin (`http://127.0.0.1:<port>`). */
  issuer?: string | ((url: string) => string);
  /** SERVICE_KEYS_DIR; default: a temporary directory of this launch, removed by stop(). */
  keysDir?: string;
  /** SIGNING_KEYS_FILE; default `<keysDir>/dev-identity.jwks.json`. */
  signingKeysFile?: string;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  webClientId?: string;
  webClientSecret?: string;
  mobileClientId?: string;
  mobileAudience?: string;
  /** Any other environment variables for the process. */
  env?: Record<string, string | undefined>;
  /** The built provider; default `<workspace>/dist/apps/dev-identity/main.js`. */
  main?: string;
  /** How long to wait for the "listening" line (default 60 s: a busy machine is slow). */
  startTimeoutMs?: number;
}

/** One provider event line: `{ event: 'grant.success', grantType: 'refresh_token', clientId, … }`. */
export interface OidcEvent {
  event: string;
  clientId?: string;
  grantType?: string;
  error?: string;
  [key: string]: unknown;
}

/** A running development provider (a real process). */
export interface DevIdentity {
  /** The issuer (OIDC_ISSUER or the origin). */
  readonly issuer: string;
  /** Where it listens, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly keysDir: string;
  readonly webClientId: string;
  /** The web client's secret (given, or the shared development secret in keysDir). */
  readonly webClientSecret: string;
  readonly mobileClientId: string;
  /** Provider events logged so far, over restarts; only those named `name` if given. */
  events(name?: string): OidcEvent[];
  /** Everything the process wrote (stdout and stderr), over restarts. */
  output(): string;
  /** Stops and starts it again on the same port and keys dir, with these variables changed. */
  restart(envOverrides?: Record<string, string | undefined>): Promise<void>;
  stop(): Promise<void>;
}

/** `<workspace>/dist/apps/dev-identity/main.js`, found from this file or the working directory. */
export function devIdentityMain(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json')))
      return join(dir, 'dist', 'apps', 'dev-identity', 'main.js');
  }
  return join(process.cwd(), 'dist', 'apps', 'dev-identity', 'main.js');
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `dist/apps/dev-identity/main.js` with `process.execPath` on a free port and waits for its
 * "listening" line. Build it first (`npx nx run dev-identity:build`; test targets depend on it).
 */
export async function startDevIdentity(options: DevIdentityOptions = {}): Promise<DevIdentity> {
  const main = options.main ?? devIdentityMain();
  if (!existsSync(main)) {
    throw new Error(
      `${main} is missing: build the development provider first (npx nx run dev-identity:build)`,
    );
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ownKeysDir = options.keysDir === undefined;
  const keysDir = options.keysDir ?? mkdtempSync(join(tmpdir(), 'dev-identity-'));
  const issuer =
    typeof options.issuer === 'function' ? options.issuer(url) : (options.issuer ?? url);
  const webClientId = options.webClientId ?? 'web-bff';
  const webClientSecret =
    options.webClientSecret ?? devSecret(keysDir, 'web-bff.oidc-client-secret').value;
  const baseEnv: Record<string, string | undefined> = {
    ...process.env,
    NODE_OPTIONS: undefined,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    OIDC_ISSUER: issuer,
    SERVICE_KEYS_DIR: keysDir,
    SIGNING_KEYS_FILE: options.signingKeysFile,
    WEB_BFF_URL: options.webBffUrls?.join(','),
    WEB_CLIENT_ID: webClientId,
    WEB_CLIENT_SECRET: webClientSecret,
    MOBILE_CLIENT_ID: options.mobileClientId,
    MOBILE_AUDIENCE: options.mobileAudience,
    ACCESS_TOKEN_TTL_SECONDS: options.accessTokenTtlSeconds?.toString(),
    REFRESH_TOKEN_TTL_SECONDS: options.refreshTokenTtlSeconds?.toString(),
    ...options.env,
  };
  let output = '';
  let child = await launch(main, baseEnv, options.startTimeoutMs ?? 60_000, (text) => {
    output += text;
  });

  const handle: DevIdentity = {
    issuer,
    url,
    port,
    keysDir,
    webClientId,
    webClientSecret,
    mobileClientId: options.mobileClientId ?? 'storefront-app',
    events: (name) =>
      eventsIn(output).filter((event) => name === undefined || event.event === name),
    output: () => output,
    async restart(envOverrides = {}) {
      await stopProcess(child);
      Object.assign(baseEnv, envOverrides);
      child = await launch(main, baseEnv, options.startTimeoutMs ?? 60_000, (text) => {
        output += text;
      });
    },
    async stop() {
      await stopProcess(child);
      if (ownKeysDir) rmSync(keysDir, { recursive: true, force: true });
    },
  };
  return handle;
}

function eventsIn(output: string): OidcEvent[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const entry = JSON.parse(line) as { msg?: string } & OidcEvent;
      return entry.msg === 'oidc event' ? [entry] : [];
    } catch {
      return [];
    }
  });
}

function launch(
  main: string,
  env: Record<string, string | undefined>,
  timeoutMs: number,
  record: (text: string) => void,
): Promise<ChildProcess> {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
  const child = spawn(process.execPath, [main], { env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`dev-identity did not say it was listening within ${timeoutMs} ms:\n${seen}`),
      );
    }, timeoutMs);
    const onText = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      seen += text;
      record(text);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      if (lines.some(isListeningLine)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onText);
    child.stderr?.on('data', onText);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev-identity exited (code ${code}) before listening:\n${seen}`));
    });
  });
}

function isListeningLine(line: string): boolean {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return typeof entry.msg === 'string' && entry.msg.includes(' listening on ') && !!entry.url;
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Jest hook: beforeAll starts the development provider, afterAll stops it. The members of the
 * returned object may be read once beforeAll has run.
 */
export function useDevIdentity(options: DevIdentityOptions = {}): DevIdentity {
  let current: DevIdentity | undefined;
  const started = () => {
    if (!current) throw new Error('the development provider is not running: beforeAll has not run');
    return current;
  };
  beforeAll(async () => {
    current = await startDevIdentity(options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get issuer() {
      return started().issuer;
    },
    get url() {
      return started().url;
    },
    get port() {
      return started().port;
    },
    get keysDir() {
      return started().keysDir;
    },
    get webClientId() {
      return started().webClientId;
    },
    get webClientSecret() {
      return started().webClientSecret;
    },
    get mobileClientId() {
      return started().mobileClientId;
    },
    events: (name) => started().events(name),
    output: () => started().output(),
    restart: (envOverrides) => started().restart(envOverrides),
    stop: () => started().stop(),
  };
}
