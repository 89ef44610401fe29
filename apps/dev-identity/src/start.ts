import { devSecret } from '@bff/platform-auth';
import { ConfigError } from '@bff/platform-config';
import { type DevIdentityEnv, loadDevIdentityEnv, mobileResource } from './config/env';
import { createDevIdentityServer } from './http/server';
import { log } from './log';
import { createProvider } from './provider/configuration';
import { logProviderEvents } from './provider/events';
import { MemoryAdapter } from './provider/memory-adapter';
import { loadSigningKeys } from './provider/signing-keys';

const NAME = 'dev-identity';

/** Starts the development OpenID provider; refuses production and a bad environment with one line. */
export async function start(): Promise<void> {
  if (process.env['NODE_ENV'] === 'production') {
    process.stderr.write(
      `${NAME}: refusing to start with NODE_ENV=production: this is a development OpenID provider; use your real identity provider (Keycloak, Entra ID, Auth0…)\n`,
    );
    process.exit(1);
  }
  let env: DevIdentityEnv;
  try {
    env = loadDevIdentityEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${NAME}: ${error.message}\n`);
    process.exit(1);
  }

  const keys = await loadSigningKeys(env.signingKeysFile);
  if (keys.created)
    log('info', 'created a signing key', { file: env.signingKeysFile, kid: keys.kids[0] });
  const webClientSecret =
    env.webClientSecret ?? sharedSecret(env.serviceKeysDir, 'web-bff.oidc-client-secret');
  // Each session BFF reads the same file (`<clientId>.oidc-client-secret`): @bff/bff-session.
  const sessionClients = env.sessionClients.map(({ clientId, origins }) => ({
    clientId,
    origins,
    clientSecret: sharedSecret(env.serviceKeysDir, `${clientId}.oidc-client-secret`),
  }));
  const cookieKeys = [sharedSecret(env.serviceKeysDir, 'dev-identity.cookie-key')];

  const http = createDevIdentityServer();
  const url = await http.listen(env.port, env.host);
  const issuer = env.issuer ?? url;
  const provider = createProvider({
    issuer,
    env,
    keys,
    webClientSecret,
    sessionClients,
    cookieKeys,
  });
  logProviderEvents(provider);
  http.serve(provider, issuer);
  const sweeper = setInterval(() => MemoryAdapter.sweep(), 60_000).unref();

  log('info', `${NAME} listening on ${url}`, {
    url,
    issuer,
    clients: [
      env.webClientId,
      ...sessionClients.map((client) => client.clientId),
      env.mobileClientId,
    ],
    mobileResource: mobileResource(env.mobileAudience),
    bearerAudiences: env.bearerAudiences,
    signingKid: keys.kids[0],
  });

  const stop = (signal: string) => {
    log('info', `${NAME} stopping`, { signal });
    clearInterval(sweeper);
    void http.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function sharedSecret(dir: string, name: string): string {
  const secret = devSecret(dir, name);
  if (secret.created) log('info', 'created a development secret', { file: secret.file });
  return secret.value;
}
