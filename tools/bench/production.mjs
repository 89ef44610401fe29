// The BFFs' environment for `npm run bench`'s production rows, as deploy/k8s runs them: NODE_ENV=
// production, a real service-token key (generated per run), LOG_LEVEL=info with stdout in a file,
// traces over OTLP/HTTP to tools/bench/otlp-sink.mjs with parent-based sampling at 10 %, the rate
// limiter on (its limit raised so one address's load is not refused), operational endpoints on
// their own admin port. web-bff's sign-in settings and mobile-bff's issuer must be valid in
// production; they name a loopback port nothing listens on (the product page never asks it).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './procs.mjs';

/** The base64 PKCS#8 DER Ed25519 key SERVICE_TOKEN_PRIVATE_KEY expects. */
export const newServiceKey = () =>
  generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'der', type: 'pkcs8' })
    .toString('base64');

/**
 * What every service runs with in deploy/k8s: production, the API on `port`, probes and metrics
 * on `adminPort`, info logs. The pod's limits (heap flags from its memory limit, one CPU) are the
 * memory row's (memory.mjs), as issue 20 sets them apart from the production rows' settings.
 */
export const asDeployed = (port, adminPort) => ({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  ADMIN_PORT: String(adminPort),
  LOG_LEVEL: 'info',
});

/** Settings of the production rows that the shell may override (`OTEL_*`, `CORE_API_*`). */
export const productionDefaults = {
  OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
  OTEL_TRACES_SAMPLER_ARG: '0.1',
};

/**
 * `{ env, logFile, adminUrl }` for one production BFF listening on `port`. `passThrough`: the
 * shell's OTEL_* and CORE_API_* variables (they win over the defaults, not over the wiring).
 */
export async function productionEnv(app, { port, coreUrl, sinkUrl, dir, passThrough }) {
  const adminPort = await freePort();
  const issuer = `http://127.0.0.1:${await freePort()}/realms/bench`;
  const sign = {
    'web-bff': {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'web-bff',
      OIDC_CLIENT_SECRET: randomBytes(24).toString('base64url'),
      OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/bff/callback`,
      OIDC_POST_LOGOUT_REDIRECT_URI: `http://127.0.0.1:${port}/`,
    },
    'mobile-bff': { OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'mobile-bff' },
  }[app];
  return {
    logFile: join(dir, `${app}-${port}.log`),
    adminUrl: `http://127.0.0.1:${adminPort}`,
    env: {
      ...asDeployed(port, adminPort),
      CORE_API_CACHE: 'off', // as the other rows: the reference caches nothing
      ...productionDefaults,
      ...passThrough,
      CORE_API_URL: coreUrl,
      SERVICE_TOKEN_PRIVATE_KEY: newServiceKey(),
      RATE_LIMIT_MAX: '1000000000',
      OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
      ...sign,
    },
  };
}
