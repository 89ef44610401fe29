import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A development secret and where it is kept. */
export interface DevSecret {
  /** 48 random bytes, base64url (64 characters). */
  readonly value: string;
  /** True when this process created it (say so in the log). */
  readonly created: boolean;
  readonly file: string;
}

/**
 * A development secret shared by the processes of one machine: `<dir>/<name>`, created the first
 * time any of them asks (atomically, so processes started together agree on one), read after.
 * Used where two services must share a secret in development without configuration (the web
 * BFF's OAuth client secret, which the development provider registers). Production configures
 * real secrets and never calls this: callers check `NODE_ENV` first.
 */
export function devSecret(dir: string, name: string): DevSecret {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) throw new Error(`bad development secret name ${name}`);
  const file = join(resolve(dir), name);
  const existing = read(file);
  if (existing) return { value: existing, created: false, file };
  mkdirSync(resolve(dir), { recursive: true });
  const value = randomBytes(48).toString('base64url');
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, value, { mode: 0o600 });
  try {
    linkSync(temp, file); // fails when another process created it first: use theirs
    return { value, created: true, file };
  } catch {
    const winner = read(file);
    if (!winner) throw new Error(`could not create or read ${file}`);
    return { value: winner, created: false, file };
  } finally {
    rmSync(temp, { force: true });
  }
}

function read(file: string): string | undefined {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value.length >= 43 ? value : undefined;
  } catch {
    return undefined;
  }
}
