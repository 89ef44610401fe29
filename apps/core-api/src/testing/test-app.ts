import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateServiceKeyPair, parsePrivateKey, ServiceTokenSigner } from '@bff/platform-auth';
import { createApp } from '@bff/platform-bootstrap';
import { SignJWT } from 'jose';
import { AppModule } from '../app/app.module';
import { openApiInfo } from '../app/openapi-info';
import { loadCoreApiEnv } from '../config/env';
import { DatabaseHandle } from '../database/database';
import { DATABASE_HANDLE } from '../database/database.module';
import { createFreshDatabase, MIGRATIONS_FOLDER } from './test-database';

/** The JSON body of a response, as the type the test expects (one helper for every service). */
export { body } from '@bff/platform-bootstrap/testing';

export interface TestApp {
  url: string;
  app: NestFastifyApplication;
  /** The app's own database handle, to look behind the API. */
  db: DatabaseHandle;
  /** PGlite or PostgreSQL, for logs. */
  label: string;
  /** A valid service token from web-bff for this customer (null: anonymous). */
  token(customerId?: number | null): Promise<string>;
  /** A valid service token from `caller` (one of the callers it trusts) for this customer. */
  tokenFrom(caller: string, customerId: number | null): Promise<string>;
  /** Signs arbitrary claims with web-bff's key, for tests of bad tokens. */
  signRaw(claims: Record<string, unknown>, header?: { alg: string }): Promise<string>;
  /** fetch() against the app with a service token for `customerId` (default anonymous). */
  call(
    path: string,
    init?: RequestInit & { customerId?: number | null; json?: unknown },
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real core-api — same module, pipes, filter and guard as production — on a fresh database
 * (in-memory PGlite, or a throw-away database on DATABASE_URL's server), listening on
 * 127.0.0.1 with a free port, trusting one generated key for each caller (web-bff unless told).
 */
export async function startTestApp(callers: readonly string[] = ['web-bff']): Promise<TestApp> {
  const fresh = await createFreshDatabase();
  const keyFor = (caller: string) => {
    const pair = generateServiceKeyPair();
    const privateKey = parsePrivateKey(pair.privateKey);
    const signer = new ServiceTokenSigner(caller, privateKey);
    return { caller, publicKey: pair.publicKey, privateKey, signer };
  };
  // `token`, `call` and `signRaw` sign as web-bff.
  const web = keyFor('web-bff');
  const keys = [web, ...[...new Set(callers)].filter((c) => c !== 'web-bff').map(keyFor)];
  const signers = new Map(keys.map((k) => [k.caller, k.signer]));
  const { signer, privateKey } = web;
  const env = loadCoreApiEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...fresh.env,
    SERVICE_TOKEN_PUBLIC_KEYS: keys.map((k) => `${k.caller}:${k.publicKey}`).join(','),
  });
  const app = await createApp({
    module: AppModule.forRoot({ env, migrationsFolder: MIGRATIONS_FOLDER }),
    openApi: openApiInfo,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  const db = app.get<DatabaseHandle>(DATABASE_HANDLE);
  const token = (customerId: number | null = null) => signer.tokenFor(customerId);
  return {
    url,
    app,
    db,
    label: fresh.label,
    token,
    tokenFrom(caller, customerId) {
      const from = signers.get(caller);
      if (!from) throw new Error(`this core-api trusts no key for ${caller}`);
      return from.tokenFor(customerId);
    },
    signRaw: (claims, header = { alg: 'EdDSA' }) =>
      new SignJWT(claims).setProtectedHeader(header).sign(privateKey),
    async call(path, init = {}) {
      const { customerId = null, json, headers, ...rest } = init;
      return fetch(`${url}${path}`, {
        ...rest,
        body: json === undefined ? rest.body : JSON.stringify(json),
        headers: {
          authorization: `Bearer ${await token(customerId)}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(headers as Record<string, string> | undefined),
        },
      });
    },
    async close() {
      await app.close();
      await fresh.dispose();
    },
  };
}
