import { ADA, FakeCoreApi, json, pageCursor } from '@bff/core-client/testing';
import { toPageCursor } from '@bff/bff-kit';
import { body, Browser, startWebBff, WebTestApp } from '../testing/web-test-app';

/**
 * What web-bff makes of core-api's answers (real app over HTTP, fake core-api): a malformed one is
 * a 502 and never a session; a 400 about the shopper's own input is the shopper's 400.
 */
describe("web-bff and core-api's answers", () => {
  const core = new FakeCoreApi();
  let web: WebTestApp;

  beforeAll(async () => {
    await core.start();
    web = await startWebBff(core.url);
  });
  afterAll(async () => {
    await web?.close();
    await core.stop();
  });
  beforeEach(() => core.reset());
  /** A visitor's browser (the CSRF header, no session). */
  const visit = (path: string) => new Browser(web.url).fetch(path);

  /** core-api (or a proxy in front of it) answers `path` with `answer`, 200. */
  const answer = (method: string, path: string, value: unknown) => {
    core.override = (req, res) => {
      if (req.method !== method || req.url?.split('?')[0] !== path) return false;
      json(res, 200, value);
      return true;
    };
  };
  const expectBadGateway = async (res: Response) => {
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await body(res)).toMatchObject({ status: 502, code: 'core_api_bad_response' });
  };

  it.each([
    ['{"customer":{"id":"x","email":5}}', { customer: { id: 'x', email: 5 } }],
    ['a customer id 0', { customer: { ...ADA.customer, id: 0 } }],
    ['no customer', {}],
  ])('opens no session when sign-in is answered with %s: 502, no cookie', async (_what, value) => {
    answer('POST', '/auth/verify', value);
    const browser = new Browser(web.url);
    const res = await browser.signIn();
    await expectBadGateway(res);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(browser.cookie).toBeUndefined();
  });

  describe('signed in', () => {
    let ada: Browser;
    beforeAll(async () => {
      core.reset();
      ada = new Browser(web.url);
      expect((await ada.signIn()).status).toBe(201);
    });

    it('answers 502, not 500, to a malformed cart', async () => {
      answer('GET', '/carts/me', { id: 1, items: [{ productId: 'x' }], itemCount: 1 });
      await expectBadGateway(await ada.fetch('/api/pages/cart'));
    });

    it('answers 502, not 500, to a malformed list of orders and a malformed order', async () => {
      answer('GET', '/orders', { items: [{ id: 1, lines: null }], nextCursor: null });
      await expectBadGateway(await ada.fetch('/api/pages/orders'));
      answer('GET', '/orders/1', { id: 1, status: 'placed' });
      await expectBadGateway(await ada.fetch('/api/pages/orders/1'));
    });
  });

  describe("the shopper's own mistakes are 400s, not 502s", () => {
    const expectInvalid = async (res: Response, field: string) => {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = await body(res);
      expect(problem).toMatchObject({
        status: 400,
        code: 'validation_failed',
        errors: [{ field }],
      });
      expect(JSON.stringify(problem)).not.toMatch(/listProducts|core-api/);
    };

    it('refuses minPrice greater than maxPrice without asking core-api', async () => {
      await expectInvalid(
        await visit(`/api/pages/category/kitchen?minPrice=500&maxPrice=100`),
        'minPrice',
      );
      expect(core.calls.filter((c) => c.url.startsWith('/products'))).toEqual([]);
    });

    it("passes core-api's 400 about the shopper's price range on as a 400", async () => {
      // Were web-bff not to check first, core-api's own answer would still be the shopper's 400.
      const res = await visit(`/api/pages/category/kitchen?minPrice=500&maxPrice=500`);
      expect(res.status).toBe(200);
      core.override = (req, res) => {
        if (!req.url?.startsWith('/products?')) return false;
        json(res, 400, {
          status: 400,
          code: 'validation_failed',
          detail: 'minPrice: minPrice must not be greater than maxPrice',
          errors: [
            {
              field: 'minPrice',
              in: 'query',
              messages: ['minPrice must not be greater than maxPrice'],
            },
          ],
        });
        return true;
      };
      await expectInvalid(
        await visit(`/api/pages/category/kitchen?minPrice=1&maxPrice=2`),
        'minPrice',
      );
    });

    it('answers 400 to a page cursor web-bff made around something core-api refuses', async () => {
      const forged = toPageCursor('0');
      await expectInvalid(await visit(`/api/pages/category/kitchen?cursor=${forged}`), 'cursor');
      const good = toPageCursor(pageCursor(2));
      expect((await visit(`/api/pages/category/kitchen?cursor=${good}`)).status).toBe(200);
    });
  });
});
