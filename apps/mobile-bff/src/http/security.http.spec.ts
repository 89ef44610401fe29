import { ADA } from '@bff/core-client/testing';
import { expectProblem, Phone, useMobileBff } from '../testing/test-app';

describe('mobile-bff hygiene: security headers, body limit, rate limit on the token endpoints (real HTTP)', () => {
  const mobile = useMobileBff({ env: { AUTH_RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } });
  const token = (password: string) => new Phone(mobile.url).token(ADA.customer.email, password);

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
    await expectProblem(token('x'.repeat(200 * 1024)), 413);
  });

  it('answers 429 problem+json with Retry-After once a client exceeds the token endpoint’s limit', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await token('wrong-guess');
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(limited).toBeDefined();
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectProblem(limited!, 429, 'rate_limited');
    // Screens keep the general, looser limit.
    expect((await fetch(`${mobile.url}/v2/screens/product/1`)).status).toBe(200);
  });
});
