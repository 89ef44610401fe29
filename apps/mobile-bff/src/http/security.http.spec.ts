import { ADA, FakeCoreApi } from '@bff/core-client/testing';
import { MobileTestApp, body, startMobileBff } from '../testing/test-app';

describe('mobile-bff hygiene: security headers, body limit, rate limit on the token endpoints (real HTTP)', () => {
  const core = new FakeCoreApi();
  let mobile: MobileTestApp;

  beforeAll(async () => {
    await core.start();
    mobile = await startMobileBff(core.url, {
      AUTH_RATE_LIMIT_MAX: '3',
      RATE_LIMIT_WINDOW_MS: '60000',
    });
  });
  afterAll(async () => {
    await mobile?.close();
    await core.stop();
  });

  const token = (body: unknown) =>
    fetch(`${mobile.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('sends the security headers on screens and problems alike', async () => {
    for (const path of ['/v2/screens/product/1', '/v2/screens/product/99999']) {
      const res = await fetch(`${mobile.url}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers 413 problem+json for a body over the limit', async () => {
    const res = await token({ email: ADA.customer.email, password: 'x'.repeat(200 * 1024) });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 429 problem+json with Retry-After once a client exceeds the token endpoint’s limit', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await token({ email: ADA.customer.email, password: 'wrong-guess' });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(limited).toBeDefined();
    expect(limited?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await body(limited!)).toMatchObject({ status: 429, code: 'rate_limited' });
    // Screens keep the general, looser limit.
    expect((await fetch(`${mobile.url}/v2/screens/product/1`)).status).toBe(200);
  });
});
