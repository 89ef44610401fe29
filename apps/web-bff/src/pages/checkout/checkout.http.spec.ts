import { ADA } from '@bff/core-client/testing';
import { IN_FLIGHT, IN_FLIGHT_ENV, itEndsAStuckCheckout } from '@bff/bff-kit/testing';
import { Browser, useWebBff } from '../../testing/web-test-app';

describe("checkout while core-api answers 409 request_in_flight (real app over HTTP, core-api's default retries)", () => {
  const web = useWebBff({ env: IN_FLIGHT_ENV });
  const { core } = web;
  const ada = new Browser(() => web.url);
  beforeAll(() => ada.signInAs(web.app));
  beforeEach(() => core.shop.setItem(ADA.customer.id, 2, 1));

  const posts = () => core.calls.filter((c) => c.method === 'POST' && c.url === '/orders');
  const checkout = (key: string) =>
    ada.fetch('/api/checkout', { method: 'POST', json: {}, headers: { 'idempotency-key': key } });

  it('waits for a checkout still running under the same key and answers that order', async () => {
    core.fail('POST', '/orders', 409, { body: IN_FLIGHT, times: 2 });
    const res = await checkout('double-click');
    expect(res.status).toBe(201);
    expect(posts().map((c) => c.headers['idempotency-key'])).toEqual([
      'double-click',
      'double-click',
      'double-click',
    ]);
  });

  // The storefront repeats the checkout with the same key: the order, once core-api has it.
  itEndsAStuckCheckout(core, () => checkout('stuck'));
});
