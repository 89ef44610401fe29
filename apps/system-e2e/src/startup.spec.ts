import { runToExit, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

describe('start-up configuration', () => {
  it.each([
    ['core-api', { PORT: 'abc' }, 'PORT'],
    ['web-bff', { CORE_API_URL: 'not a url' }, 'CORE_API_URL'],
    ['mobile-bff', { PORT: '70000' }, 'PORT'],
    ['core-api', { DATABASE_URL: 'mysql://nope' }, 'DATABASE_URL'],
    ['core-api', { NODE_ENV: 'production', PGLITE_DIR: 'memory://' }, 'SERVICE_TOKEN_PUBLIC_KEYS'],
    ['core-api', { SERVICE_TOKEN_PUBLIC_KEYS: 'web-bff:not-a-key' }, 'SERVICE_TOKEN_PUBLIC_KEYS'],
    ['web-bff', { NODE_ENV: 'production' }, 'SERVICE_TOKEN_PRIVATE_KEY'],
    ['mobile-bff', { SERVICE_TOKEN_PRIVATE_KEY: 'c2VjcmV0' }, 'SERVICE_TOKEN_PRIVATE_KEY'],
    // The identity provider: never `none` or an HMAC; in production, only https off loopback.
    ['mobile-bff', { OIDC_ALGORITHMS: 'none' }, 'OIDC_ALGORITHMS'],
    ['web-bff', { OIDC_ISSUER: 'ftp://idp.example.com' }, 'OIDC_ISSUER'],
    // Lifetimes past their caps (30 min idle, 12 h absolute session).
    ['web-bff', { SESSION_IDLE_MS: '1800001' }, 'SESSION_IDLE_MS'],
    ['web-bff', { SESSION_ABSOLUTE_MS: '43200001' }, 'SESSION_ABSOLUTE_MS'],
  ])('%s stops with one line naming the bad variable (%j)', async (name, env, variable) => {
    const { code, output } = await runToExit(name, env);
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Invalid environment variable ${variable}`);
    expect(lines[0]).not.toContain('mysql://nope');
    expect(lines[0]).not.toContain('c2VjcmV0');
  });
});

describe('a BFF whose core-api is down', () => {
  it('answers 503 problem+json quickly, and stays live', async () => {
    // Port 9 (discard) on loopback has no listener: connections are refused at once.
    const web = await startService('web-bff', {
      CORE_API_URL: 'http://127.0.0.1:9',
      SERVICE_KEYS_DIR: tempKeysDir(),
    });
    try {
      const started = Date.now();
      const res = await fetch(`${web.url}/api/pages/product/1`, { headers: { 'x-csrf': '1' } });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // Unavailable, or — once failed attempts have opened its breaker — failing fast.
      expect(['core_api_unavailable', 'core_api_circuit_open']).toContain(
        ((await res.json()) as { code: string }).code,
      );
      // A refused connection is known at once; waiting would take the 10 s deadline the suite's
      // services get. 6 s leaves a loaded machine room for a cold first request.
      expect(Date.now() - started).toBeLessThan(6_000);
      expect((await fetch(`${web.url}/health/live`)).status).toBe(200);
      // Readiness stays 200 — taking every BFF out of rotation would not bring core-api back —
      // and says what is wrong in its details.
      const ready = await fetch(`${web.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ok',
        details: { coreApi: { status: 'up', reachable: false } },
      });
    } finally {
      expect(await web.stop()).toBe(0);
    }
  });
});

describe('operational endpoints switched off by configuration', () => {
  it('serves no /docs, no /metrics and no health details', async () => {
    const web = await startService('web-bff', {
      CORE_API_URL: 'http://127.0.0.1:9',
      SERVICE_KEYS_DIR: tempKeysDir(),
      DOCS_ENABLED: 'false',
      METRICS_ENABLED: 'false',
      HEALTH_DETAILS: 'false',
    });
    try {
      expect((await fetch(`${web.url}/docs`)).status).toBe(404);
      expect((await fetch(`${web.url}/docs-json`)).status).toBe(404);
      expect((await fetch(`${web.url}/metrics`)).status).toBe(404);
      expect(await (await fetch(`${web.url}/health/ready`)).json()).toEqual({ status: 'ok' });
    } finally {
      expect(await web.stop()).toBe(0);
    }
  });
});
