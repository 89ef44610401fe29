import { Logger } from '@nestjs/common';
import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DEV_SECRET_FILE = 'mobile-bff.access-token-secret';

/**
 * The HS256 key of access tokens: ACCESS_TOKEN_SECRET, or outside production a development
 * secret kept in `<keysDir>/mobile-bff.access-token-secret`, created on first start (atomic, so
 * replicas started together share one) and announced in the log. Production never gets here
 * without a configured secret: the environment schema refuses to start.
 */
export function accessTokenKeyFromEnv(env: {
  NODE_ENV: string;
  ACCESS_TOKEN_SECRET?: string;
  SERVICE_KEYS_DIR: string;
}): KeyObject {
  if (env.ACCESS_TOKEN_SECRET) return createSecretKey(Buffer.from(env.ACCESS_TOKEN_SECRET, 'utf8'));
  if (env.NODE_ENV === 'production')
    throw new Error('ACCESS_TOKEN_SECRET must be set in production');
  const { secret, created, file } = devSecret(resolve(env.SERVICE_KEYS_DIR));
  new Logger('Auth').warn(
    `${created ? 'Generated' : 'Using'} a development access-token secret in ${file} (set ACCESS_TOKEN_SECRET in production)`,
  );
  return createSecretKey(secret);
}

function devSecret(dir: string): { secret: Buffer; created: boolean; file: string } {
  const file = join(dir, DEV_SECRET_FILE);
  const existing = read(file);
  if (existing) return { secret: existing, created: false, file };
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const secret = randomBytes(48);
  writeFileSync(temp, secret.toString('base64url'), { mode: 0o600 });
  try {
    linkSync(temp, file); // fails when another process created it first: use theirs
    return { secret, created: true, file };
  } catch {
    const winner = read(file);
    if (!winner) throw new Error(`could not create or read ${file}`);
    return { secret: winner, created: false, file };
  } finally {
    rmSync(temp, { force: true });
  }
}

function read(file: string): Buffer | undefined {
  try {
    const value = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    return value.length >= 32 ? value : undefined;
  } catch {
    return undefined;
  }
}
