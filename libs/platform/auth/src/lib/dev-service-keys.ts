import { KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  generateServiceKeyPair,
  parsePrivateKey,
  parsePublicKey,
  ServiceKeyPair,
} from './service-keys';

/**
 * Development service keys, so a fresh clone runs with no configuration. Each caller (a BFF)
 * creates `<dir>/<caller>.json` holding its own key pair the first time it starts; core-api
 * trusts the public keys it finds there. The folder (default `.data/service-keys`) is git-ignored
 * and is used only when NODE_ENV is not `production`: production must configure real keys.
 */
export class DevServiceKeys {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** The caller's key pair, created on first use. Safe when several processes start at once. */
  keyPairFor(caller: string): { pair: ServiceKeyPair; created: boolean } {
    const file = join(this.dir, `${caller}.json`);
    const existing = this.read(file);
    if (existing) return { pair: existing, created: false };
    mkdirSync(this.dir, { recursive: true });
    const pair = generateServiceKeyPair();
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify(pair), { mode: 0o600 });
    try {
      linkSync(temp, file); // atomic: fails if another process created the file first
      return { pair, created: true };
    } catch {
      const winner = this.read(file);
      if (!winner) throw new Error(`could not create or read ${file}`);
      return { pair: winner, created: false };
    } finally {
      rmSync(temp, { force: true });
    }
  }

  privateKeyFor(caller: string): { key: KeyObject; created: boolean } {
    const { pair, created } = this.keyPairFor(caller);
    return { key: parsePrivateKey(pair.privateKey), created };
  }

  /** Every caller's public key found in the folder now. */
  publicKeys(): Map<string, KeyObject> {
    const keys = new Map<string, KeyObject>();
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    } catch {
      return keys;
    }
    for (const file of files) {
      const pair = this.read(join(this.dir, file));
      if (pair) keys.set(file.replace(/\.json$/, ''), parsePublicKey(pair.publicKey));
    }
    return keys;
  }

  private read(file: string): ServiceKeyPair | undefined {
    try {
      const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServiceKeyPair>;
      return typeof value.privateKey === 'string' && typeof value.publicKey === 'string'
        ? { privateKey: value.privateKey, publicKey: value.publicKey }
        : undefined;
    } catch {
      return undefined;
    }
  }
}
