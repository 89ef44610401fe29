import { pageCursor } from '@bff/core-client/testing';
import { expectBadGateway, MALFORMED_PERSONAL_ANSWERS } from '@bff/bff-kit/testing';
import { toPageCursor } from '@bff/bff-kit';
import { Browser, expectProblem, useWebBff } from '../testing/web-test-app';

/**
 * What web-bff makes of core-api's answers (real app over HTTP, fake core-api): a malformed one is
 * a 502 and never a session; a 400 about the shopper's own input is the shopper's 400.
 */
describe("web-bff and core-api's answers", () => {
  const web = useWebBff();
  const { core } = web;
  /** A visitor's browser (the CSRF header, no session). */
  const visit = (path: string) => new Browser(web.url).fetch(path);

  describe('signed in', () => {
    /** The page that shows what core-api answers at each path. */
    const PAGES: Record<string, string> = {
      '/carts/me': '/api/pages/cart',
      '/orders': '/api/pages/orders',
      '/orders/1': '/api/pages/orders/1',
    };
    const ada = new Browser(() => web.url);
    beforeAll(() => ada.signInAs(web.app));

    it.each(MALFORMED_PERSONAL_ANSWERS)(
      'answers 502, not 500, to a malformed answer of GET %s',
      async (path, value) => {
        core.answer('GET', path, 200, value);
        await expectBadGateway(ada.fetch(PAGES[path] ?? path));
      },
    );
  });

  describe("the shopper's own mistakes are 400s, not 502s", () => {
    const expectInvalid = async (res: Response, field: string) => {
      const problem = await expectProblem(res, 400, 'validation_failed');
      expect(problem).toMatchObject({ errors: [{ field }] });
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
      core.fail('GET', '/products', 400, {
        body: {
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
        },
      });
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
