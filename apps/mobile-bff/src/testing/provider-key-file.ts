// The development provider's signing keys as the identity specs hold them: the spec writes the
// provider's private JWKS (SIGNING_KEYS_FILE, first key signs) before the provider starts, so it
// can rotate keys ([new, old] and a restart) and forge tokens as an attacker would. Never
// imported by production code.
import {
  CryptoKey,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  JWK,
  JWTPayload,
  SignJWT,
} from 'jose';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProviderAccount } from '@bff/bff-bearer/testing';

interface KeyPair {
  kid: string;
  privateJwk: JWK;
  publicKey: CryptoKey;
}

const newPair = async (kid: string): Promise<KeyPair> => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' },
    publicKey,
  };
};

export class ProviderKeyFile {
  readonly dir = mkdtempSync(join(tmpdir(), 'mobile-bff-idp-'));
  readonly file = join(this.dir, 'dev-identity.jwks.json');
  private keys: KeyPair[] = [];

  /** One signing key, as the provider would create on its first start. */
  async create(): Promise<void> {
    this.keys = [await newPair('spec-key-1')];
    this.write();
  }

  /** A new first (signing) key, the old ones still published; returns the new kid. */
  async rotate(): Promise<string> {
    const next = await newPair(`spec-key-${this.keys.length + 1}`);
    this.keys = [next, ...this.keys];
    this.write();
    return next.kid;
  }

  /** The claims the provider writes into a mobile access token for `account`. */
  claims(issuer: string, account: ProviderAccount): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: issuer,
      aud: 'mobile-bff',
      sub: account.subject,
      email: account.email,
      email_verified: true,
      name: account.displayName,
      client_id: 'storefront-app',
      scope: 'openid profile email offline_access',
      iat: now,
      exp: now + 300,
    };
  }

  /** Signed with the provider's current signing key; `claims` over the provider's. */
  async sign(issuer: string, account: ProviderAccount, claims: JWTPayload = {}): Promise<string> {
    const key = this.current();
    return new SignJWT({ ...this.claims(issuer, account), ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
      .sign(await importJWK(key.privateJwk, 'ES256'));
  }

  /** Key confusion: HS256 with the provider's PUBLIC key (as PEM or as JWK JSON) as the secret. */
  async hmacWithPublicKey(
    issuer: string,
    account: ProviderAccount,
    form: 'pem' | 'jwk',
  ): Promise<string> {
    const key = this.current();
    const text =
      form === 'pem'
        ? await exportSPKI(key.publicKey)
        : JSON.stringify(await exportJWK(key.publicKey));
    return new SignJWT(this.claims(issuer, account))
      .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'at+jwt' })
      .sign(new TextEncoder().encode(text));
  }

  /** Signed by a key the provider never published, under a made-up kid. */
  async signWithStrangerKey(
    issuer: string,
    account: ProviderAccount,
    kid = 'stranger',
  ): Promise<string> {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT(this.claims(issuer, account))
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .sign(privateKey);
  }

  private current(): KeyPair {
    const [key] = this.keys;
    if (!key) throw new Error('No provider key yet: call create() in a beforeAll');
    return key;
  }

  private write(): void {
    writeFileSync(this.file, JSON.stringify({ keys: this.keys.map((k) => k.privateJwk) }), {
      mode: 0o600,
    });
  }
}
