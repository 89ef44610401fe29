import { ADA, FakeCoreApi, json } from '@bff/core-client/testing';
import { body, Browser, startWebBff, WebTestApp } from '../../testing/web-test-app';

const DEADLINE_MS = 3_000;
/** Wide: the point is "bounded by the deadline", not this machine's speed (it used to run 10.6 s). */
const MARGIN_MS = 1_000;
const IN_FLIGHT = { status: 409, code: 'request_in_flight', detail: 'Still placing it.' };

describe("checkout while core-api answers 409 request_in_flight (real app over HTTP, core-api's default retries)", () => {
  const core = new FakeCoreApi();
  let web: WebTestApp;
  let ada: Browser;

  beforeAll(async () => {
    await core.start();
    web = await startWebBff(core.url, {
      CORE_API_RETRIES: '2',
      CORE_API_DEADLINE_MS: String(DEADLINE_MS),
    });
    ada = new Browser(web.url);
    await ada.signIn();
  });
  afterAll(async () => {
    await web?.close();
    await core.stop();
  });
  beforeEach(() => {
    core.reset();
    core.shop.setItem(ADA.customer.id, 2, 1);
  });

  const posts = () => core.calls.filter((c) => c.method === 'POST' && c.url === '/orders');
  const checkout = (key: string) =>
    ada.fetch('/api/checkout', { method: 'POST', json: {}, headers: { 'idempotency-key': key } });

  it('waits for a checkout still running under the same key and answers that order', async () => {
    core.override = (req, res) => {
      if (req.method !== 'POST' || req.url !== '/orders' || posts().length >= 3) return false;
      json(res, 409, IN_FLIGHT);
      return true;
    };
    const res = await checkout('double-click');
    expect(res.status).toBe(201);
    expect(posts().map((c) => c.headers['idempotency-key'])).toEqual([
      'double-click',
      'double-click',
      'double-click',
    ]);
  });

  it('ends inside the deadline with at most 3 POST /orders when core-api keeps answering request_in_flight, and says so with a 409', async () => {
    core.override = (req, res) => {
      if (req.method !== 'POST') return false;
      json(res, 409, IN_FLIGHT);
      return true;
    };
    const started = Date.now();
    const res = await checkout('stuck');
    const elapsed = Date.now() - started;
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // The storefront repeats the checkout with the same key: the order, once core-api has it.
    expect(await body(res)).toMatchObject({ status: 409, code: 'request_in_flight' });
    expect(posts().length).toBe(3);
    expect(elapsed).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    // A timeout past the old 10.6 s, so a regression fails on the assertions above, not on time.
  }, 20_000);
});
