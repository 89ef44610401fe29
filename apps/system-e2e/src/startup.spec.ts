import { runToExit, startService } from './support/processes';

describe('start-up configuration', () => {
  it.each([
    ['core-api', { PORT: 'abc' }, 'PORT'],
    ['web-bff', { CORE_API_URL: 'not a url' }, 'CORE_API_URL'],
    ['mobile-bff', { PORT: '70000' }, 'PORT'],
    ['core-api', { DATABASE_URL: 'mysql://nope' }, 'DATABASE_URL'],
  ])('%s stops with one line naming the bad variable (%j)', async (name, env, variable) => {
    const { code, output } = await runToExit(name, env);
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Invalid environment variable ${variable}`);
    expect(lines[0]).not.toContain('mysql://nope');
  });
});

describe('a BFF whose core-api is down', () => {
  it('answers 503 problem+json quickly, and stays live', async () => {
    // Port 9 (discard) on loopback has no listener: connections are refused at once.
    const web = await startService('web-bff', { CORE_API_URL: 'http://127.0.0.1:9' });
    try {
      const started = Date.now();
      const res = await fetch(`${web.url}/api/pages/product/1`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ code: 'core_api_unavailable' });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await fetch(`${web.url}/health/live`)).status).toBe(200);
    } finally {
      expect(await web.stop()).toBe(0);
    }
  });
});
