import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { DevServiceKeys } from './dev-service-keys';
import {
  generateServiceKeyPair,
  parsePrivateKey,
  parsePublicKey,
  parsePublicKeyList,
} from './service-keys';
import { ServiceTokenSigner, ServiceTokenVerifier } from './service-token';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pair = generateServiceKeyPair();
const privateKey = parsePrivateKey(pair.privateKey);
const publicKey = parsePublicKey(pair.publicKey);
const keys = new Map([['web-bff', publicKey]]);
const verifier = new ServiceTokenVerifier((caller) => keys.get(caller));

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('service tokens', () => {
  it('carries the caller and the customer, or an anonymous visitor', async () => {
    const signer = new ServiceTokenSigner('web-bff', privateKey);
    expect(await verifier.verify(await signer.tokenFor(42))).toEqual({
      caller: 'web-bff',
      customerId: 42,
    });
    expect(await verifier.verify(await signer.tokenFor(null))).toEqual({
      caller: 'web-bff',
      customerId: null,
    });
  });

  it('reuses a token for the same subject until a third of its life is left', async () => {
    let now = Date.UTC(2026, 0, 1);
    const signer = new ServiceTokenSigner('web-bff', privateKey, {
      lifetimeSeconds: 30,
      now: () => now,
    });
    const first = await signer.tokenFor(1);
    expect(await signer.tokenFor(1)).toBe(first);
    expect(await signer.tokenFor(2)).not.toBe(first);
    now += 21_000;
    expect(await signer.tokenFor(1)).not.toBe(first);
  });

  it('hands out a reusable token synchronously, and nothing once it is due for renewal', async () => {
    let now = Date.UTC(2026, 0, 1);
    const signer = new ServiceTokenSigner('web-bff', privateKey, {
      lifetimeSeconds: 30,
      now: () => now,
    });
    expect(signer.cachedToken(7)).toBeUndefined();
    const token = await signer.tokenFor(7);
    expect(signer.cachedToken(7)).toBe(token);
    expect(signer.cachedToken(null)).toBeUndefined();
    now += 20_000;
    expect(signer.cachedToken(7)).toBeUndefined();
  });

  it('refuses lifetimes above 60 s when signing', () => {
    expect(() => new ServiceTokenSigner('web-bff', privateKey, { lifetimeSeconds: 61 })).toThrow(
      /5–60/,
    );
  });

  const claims = (overrides: Record<string, unknown> = {}) => {
    const iat = Math.floor(Date.now() / 1000);
    return { iss: 'web-bff', aud: 'core-api', sub: 'customer:7', iat, exp: iat + 30, ...overrides };
  };
  const sign = (payload: object, key = privateKey) =>
    new SignJWT(payload as never).setProtectedHeader({ alg: 'EdDSA' }).sign(key);

  it.each<[string, () => Promise<string>, string]>([
    [
      'expired',
      () =>
        sign(
          claims({
            iat: Math.floor(Date.now() / 1000) - 100,
            exp: Math.floor(Date.now() / 1000) - 40,
          }),
        ),
      'expired',
    ],
    ['for another audience', () => sign(claims({ aud: 'billing-api' })), 'claim aud invalid'],
    ['from an unknown caller', () => sign(claims({ iss: 'evil-bff' })), 'unknown caller'],
    [
      'signed with another key',
      () => sign(claims(), generateKeyPairSync('ed25519').privateKey),
      'bad signature or algorithm',
    ],
    [
      'with alg none',
      async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`,
      'bad signature or algorithm',
    ],
    [
      'living longer than 60 s',
      () => sign(claims({ exp: Math.floor(Date.now() / 1000) + 3600 })),
      'lifetime too long',
    ],
    ['with a bad subject', () => sign(claims({ sub: 'admin' })), 'bad subject'],
    ['not a JWT at all', async () => 'hello', 'malformed'],
  ])('refuses a token %s', async (_case, make, reason) => {
    await expect(verifier.verify(await make())).rejects.toMatchObject({
      name: 'ServiceTokenError',
      reason,
    });
  });

  it('refuses an HMAC token signed with the public key as secret (algorithm confusion)', async () => {
    const token = await new SignJWT(claims() as never)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(Buffer.from(pair.publicKey, 'base64'));
    await expect(verifier.verify(token)).rejects.toMatchObject({
      reason: 'bad signature or algorithm',
    });
  });
});

describe('service key configuration', () => {
  it('parses a caller:key list and names a bad entry', () => {
    const other = generateServiceKeyPair();
    expect([
      ...parsePublicKeyList(`web-bff:${pair.publicKey}, mobile-bff:${other.publicKey}`).keys(),
    ]).toEqual(['web-bff', 'mobile-bff']);
    expect(() => parsePublicKeyList('web-bff')).toThrow(/caller-name:base64-public-key/);
    expect(() => parsePublicKeyList('web-bff:abc')).toThrow(
      'the key for web-bff is not a base64 Ed25519 public key',
    );
    expect(() => parsePublicKeyList('')).toThrow(/at least one/);
  });

  it('creates each caller’s dev key once and shares it through the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-keys-'));
    try {
      const a = new DevServiceKeys(dir);
      const b = new DevServiceKeys(dir);
      const first = a.keyPairFor('web-bff');
      expect(first.created).toBe(true);
      expect(b.keyPairFor('web-bff')).toEqual({ pair: first.pair, created: false });
      b.keyPairFor('mobile-bff');
      expect([...a.publicKeys().keys()].sort()).toEqual(['mobile-bff', 'web-bff']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
