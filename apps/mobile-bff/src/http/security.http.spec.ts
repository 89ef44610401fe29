import { expectProblem, Phone, useMobileBff } from '../testing/test-app';

describe('mobile-bff hygiene: security headers, body limit, rate limit (real HTTP)', () => {
  const mobile = useMobileBff({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } });

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
    const ada = await mobile.signedInPhone();
    const huge = { quantity: 1, note: 'x'.repeat(200 * 1024) };
    await expectProblem(ada.fetch('/v2/screens/cart/items/1', { method: 'PUT', json: huge }), 413);
  });

  it('answers 429 problem+json with Retry-After once a client exceeds a route’s limit', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await new Phone(mobile.url).fetch('/v2/screens/home');
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(limited).toBeDefined();
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectProblem(limited!, 429, 'rate_limited');
  });
});
