import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';

/**
 * Service keys are Ed25519. In configuration they travel as base64 of their DER encoding
 * (PKCS#8 for a private key, SPKI for a public key): one short line each, easy to put in a
 * Kubernetes Secret or an environment variable.
 */
export interface ServiceKeyPair {
  privateKey: string;
  publicKey: string;
}

export function generateServiceKeyPair(): ServiceKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

export function parsePrivateKey(base64: string): KeyObject {
  const key = createPrivateKey({
    key: Buffer.from(base64, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('must be an Ed25519 private key');
  return key;
}

export function parsePublicKey(base64: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('must be an Ed25519 public key');
  return key;
}

/**
 * Parses `caller:publicKey,caller:publicKey` (the form of core-api's SERVICE_TOKEN_PUBLIC_KEYS)
 * into a map from caller name to key. Throws with a message naming the bad entry.
 */
export function parsePublicKeyList(value: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const caller = entry.slice(0, separator);
    if (separator < 1 || !/^[a-z][a-z0-9-]{1,62}$/.test(caller)) {
      throw new Error(
        `entries must look like caller-name:base64-public-key (bad entry starts "${entry.slice(0, 12)}")`,
      );
    }
    try {
      keys.set(caller, parsePublicKey(entry.slice(separator + 1)));
    } catch {
      throw new Error(`the key for ${caller} is not a base64 Ed25519 public key`);
    }
  }
  if (keys.size === 0) throw new Error('must list at least one caller-name:base64-public-key');
  return keys;
}
