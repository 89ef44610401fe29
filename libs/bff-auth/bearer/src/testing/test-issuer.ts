// A small, honest stand-in for the identity provider in a bearer BFF's specs: a real HTTP server
// on 127.0.0.1 with discovery and a JWKS, and tokens signed with jose that the BFF verifies exactly
// as it verifies the provider's. Specs about one provider's tokens use the real development
// provider (`useDevIdentity` from `@bff/platform-auth/testing`). Never imported by production code.
import { ADA, GRACE } from '@bff/core-client/testing';
import { CryptoKey, exportJWK, generateKeyPair, JWK, JWTPayload, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const newKey = async (kid: string): Promise<SigningKey> => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
};

/** Someone as an identity provider knows them: what its tokens say. */
export interface ProviderAccount {
  subject: string;
  email: string;
  displayName: string;
}

/** Ada at the provider (the fake core-api links her by her verified e-mail). */
export const ADA_ACCOUNT: ProviderAccount = {
  subject: 'ada-at-the-provider',
  email: ADA.customer.email,
  displayName: ADA.customer.displayName,
};
/** Grace, the other demo customer. */
export const GRACE_ACCOUNT: ProviderAccount = {
  subject: 'grace-at-the-provider',
  email: GRACE.customer.email,
  displayName: GRACE.customer.displayName,
};

export class TestIssuer {
  private server?: Server;
  private users = 0;
  private key?: SigningKey;
  /** How many times the JWKS was asked for. */
  jwksFetches = 0;

  /** `audience`: the `aud` of its tokens, i.e. the BFF's `OIDC_AUDIENCE` (normally its name). */
  constructor(readonly audience: string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The test issuer is not running: start it in a beforeAll');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Starts the issuer for its first user. */
  async use(): Promise<void> {
    if (this.users++ === 0) await this.start();
  }

  /** Stops it after its last user. */
  async release(): Promise<void> {
    if (--this.users === 0) await this.stop();
  }

  async start(): Promise<void> {
    this.key = await newKey('test-issuer-1');
    this.server = createServer((req, res) => {
      const send = (value: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.url === '/.well-known/openid-configuration') {
        send({ issuer: this.url, jwks_uri: `${this.url}/jwks` });
      } else if (req.url === '/jwks') {
        this.jwksFetches++;
        send({ keys: [this.key?.publicJwk] });
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** A signed access token; `claims` go over the defaults (iss, aud, an hour's exp). */
  sign(claims: JWTPayload & { sub: string }): Promise<string> {
    if (!this.key) throw new Error('The test issuer is not running');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.url, aud: this.audience, iat: now, exp: now + 3600, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: this.key.kid, typ: 'at+jwt' })
      .sign(this.key.privateKey);
  }

  /** The access token the provider gives `account` (Ada unless told otherwise). */
  tokenFor(account: ProviderAccount = ADA_ACCOUNT, claims: JWTPayload = {}): Promise<string> {
    return this.sign({
      sub: account.subject,
      email: account.email,
      email_verified: true,
      name: account.displayName,
      ...claims,
    });
  }
}

/**
 * Registers a test issuer for the describe block: started before its first user, stopped after
 * its last, so several apps (or nested blocks) may share one. Pass the BFF's audience for a new
 * one, or an issuer to share.
 */
export function useTestIssuer(issuerOrAudience: TestIssuer | string): TestIssuer {
  const issuer =
    typeof issuerOrAudience === 'string' ? new TestIssuer(issuerOrAudience) : issuerOrAudience;
  beforeAll(() => issuer.use());
  afterAll(() => issuer.release());
  return issuer;
}
