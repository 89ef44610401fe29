import { Browser, expectProblem, useWebBff } from '../testing/web-test-app';

describe('web-bff sessions per customer (real app over HTTP)', () => {
  const web = useWebBff({ env: { SESSION_MAX_PER_CUSTOMER: '2' } });

  it('ends the oldest session once the customer signs in past SESSION_MAX_PER_CUSTOMER', async () => {
    const [first, second, third] = [
      new Browser(web.url),
      new Browser(web.url),
      new Browser(web.url),
    ];
    for (const browser of [first, second]) await browser.signInAs(web.app);
    expect(await first.signedIn()).toBe(true);
    await third.signInAs(web.app);
    await expectProblem(first.fetch('/api/pages/cart'), 401, 'session_required');
    for (const browser of [second, third]) expect(await browser.signedIn()).toBe(true);
  });
});
