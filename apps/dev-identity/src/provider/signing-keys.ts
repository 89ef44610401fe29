import { calculateJwkThumbprint, type JWK } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ASYMMETRIC_ALGORITHMS } from '@bff/platform-auth';
import type { AsymmetricSigningAlgorithm } from 'oidc-provider';

const ALGORITHMS: readonly AsymmetricSigningAlgorithm[] = ASYMMETRIC_ALGORITHMS;

/** A private JWKS as oidc-provider's `jwks` option takes it. */
export interface PrivateJwks {
  keys: JWK[];
}

export interface SigningKeys {
  jwks: PrivateJwks;
  /** The first key's algorithm: ID tokens and JWT access tokens are signed with it. */
  alg: AsymmetricSigningAlgorithm;
  /** The key ids, in order: the first signs, the others are published for verification. */
  kids: string[];
  /** True when this process created the file (one ES256 key). */
  created: boolean;
}

/** Thrown when the keys file exists but cannot be used; its message is one line. */
export class SigningKeysError extends Error {}

/**
 * The provider's signing keys from `file`, a private JWKS `{ "keys": [...] }`. Missing: created
 * with one ES256 key (atomically, so two processes started together agree on one). The FIRST key
 * signs; the rest are still published at the jwks_uri, which is how keys are rotated: write
 * `[new, old]` and restart.
 */
export async function loadSigningKeys(file: string): Promise<SigningKeys> {
  const path = resolve(file);
  let text = readOrUndefined(path);
  let created = false;
  if (text === undefined) {
    created = await create(path);
    text = readFileSync(path, 'utf8');
  }
  const jwks = parse(text, path);
  const alg = jwks.keys[0]?.alg as AsymmetricSigningAlgorithm;
  return { jwks, alg, kids: jwks.keys.map((key) => String(key.kid)), created };
}

/** A new private ES256 signing JWK with its thumbprint as `kid`. */
export async function newSigningKey(): Promise<JWK> {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    format: 'jwk',
  }) as JWK;
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  return { ...jwk, kid, alg: 'ES256', use: 'sig' };
}

async function create(path: string): Promise<boolean> {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ keys: [await newSigningKey()] }, null, 2)}\n`, {
    mode: 0o600,
  });
  try {
    linkSync(temp, path); // fails when another process created it first: use theirs
    return true;
  } catch {
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

function parse(text: string, path: string): PrivateJwks {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SigningKeysError(`${path} is not JSON (expected a private JWKS { "keys": [...] })`);
  }
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new SigningKeysError(`${path} must hold a private JWKS with at least one key`);
  }
  const kids = new Set<string>();
  keys.forEach((key: JWK, index) => {
    if (typeof key?.kid !== 'string' || key.kid === '' || kids.has(key.kid)) {
      throw new SigningKeysError(`${path}: key ${index} needs a kid of its own`);
    }
    if (!ALGORITHMS.includes(key.alg as AsymmetricSigningAlgorithm)) {
      throw new SigningKeysError(
        `${path}: key ${key.kid} needs an alg, one of ${ALGORITHMS.join(', ')}`,
      );
    }
    if (typeof key.d !== 'string') {
      throw new SigningKeysError(`${path}: key ${key.kid} is not a private key`);
    }
    kids.add(key.kid);
  });
  return { keys: keys as JWK[] };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
