import {
  expectBadGateway,
  IN_FLIGHT_ENV,
  itEndsAStuckCheckout,
  MALFORMED_PERSONAL_ANSWERS,
} from '@bff/bff-kit/testing';
import { GRACE_ACCOUNT } from '@bff/bff-bearer/testing';
import { toPageCursor } from '@bff/bff-kit';
import { body, expectProblem, Phone, useMobileBff } from '../testing/test-app';

/**
 * What mobile-bff makes of core-api's answers (real app over HTTP, fake core-api): a malformed one
 * is a 502 and never a customer; a 400 about the app's own input is the app's 400.
 */
describe("mobile-bff and core-api's answers", () => {
  const mobile = useMobileBff({ env: IN_FLIGHT_ENV });
  const { core } = mobile;
  let ada: Phone;
  beforeAll(async () => {
    ada = await mobile.signedInPhone();
  });

  const call = (path: string, init: RequestInit = {}) => ada.fetch(path, init);

  it.each<[string, unknown]>([
    ['{"id":"x","email":5}', { id: 'x', email: 5 }],
    ['a customer id 0', { id: 0, email: 'grace@example.com', displayName: 'Grace' }],
    ['no customer', {}],
  ])(
    'lets nobody in when the link of a new subject is answered with %s: 502, and keeps nothing',
    async (_what, value) => {
      core.answer('POST', '/customers/link', 200, value);
      const grace = await mobile.signedInPhone(GRACE_ACCOUNT);
      await expectBadGateway(grace.fetch('/v2/screens/cart'));
      expect(core.calls.filter((c) => c.url === '/carts/me')).toEqual([]);
    },
  );

  /** The screen that shows what core-api answers at each path. */
  const SCREENS: Record<string, string> = {
    '/carts/me': '/v2/screens/cart',
    '/orders': '/v2/screens/orders',
    '/orders/1': '/v2/screens/orders/1',
  };

  it.each(MALFORMED_PERSONAL_ANSWERS)(
    'answers 502, not 500, to a malformed answer of GET %s',
    async (path, value) => {
      core.answer('GET', path, 200, value);
      await expectBadGateway(call(SCREENS[path] ?? path));
    },
  );

  it.each(['/v1/screens/category/kitchen', '/v2/screens/search?q=kettle&', '/v2/screens/orders'])(
    'answers 400, not 502, to a cursor mobile-bff did not issue: %s cursor=0',
    async (path) => {
      const url = `${path}${path.endsWith('&') ? '' : '?'}cursor=0`;
      const problem = await expectProblem(await call(url), 400, 'validation_failed');
      expect(problem.errors).toEqual([
        { field: 'cursor', in: 'query', messages: [expect.any(String)] },
      ]);
      expect(core.calls.filter((c) => /^\/(products|orders)\?/.test(c.url))).toEqual([]);
    },
  );

  it("passes core-api's 400 about a cursor on as the app's 400", async () => {
    const forged = toPageCursor('0'); // well-formed for mobile-bff, refused by core-api
    for (const path of [
      '/v1/screens/category/kitchen?',
      '/v2/screens/search?q=kettle&',
      '/v2/screens/orders?',
    ]) {
      const problem = await expectProblem(
        await call(`${path}cursor=${forged}`),
        400,
        'validation_failed',
      );
      expect(problem.errors).toMatchObject([{ field: 'cursor' }]);
    }
  });

  it('pages with its own cursors, not core-api’s', async () => {
    const first = await body<{ nextCursor: string }>(call('/v1/screens/category/kitchen?limit=3'));
    expect(first.nextCursor).toMatch(/^c[\w-]+$/);
    const next = await call(`/v1/screens/category/kitchen?limit=3&cursor=${first.nextCursor}`);
    expect(next.status).toBe(200);
    const { items } = await body<{ items: { id: number }[] }>(next);
    expect(items.map((c) => c.id)).toEqual([21, 20, 19]);
  });

  itEndsAStuckCheckout(core, () =>
    ada.post('/v2/screens/checkout', {}, { 'idempotency-key': 'stuck' }),
  );
});
