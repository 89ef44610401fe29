import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevIdentity } from '@bff/platform-auth/testing';
import { chromiumInstalled, CHROMIUM, launchChromium, layout, VIEWPORTS } from './support/browser';
import { startWebStack, stopWebStack, type WebStack } from './support/identity';
import { ROOT, RunningService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

/** Kept as test artifacts (CI uploads the folder): tmp/screenshots/<width>/<step>.png. */
const SCREENSHOTS = join(ROOT, 'tmp', 'screenshots');
const SHOPPERS = {
  phone: { email: 'ada@example.com', password: 'storefront-demo-ada', name: 'Ada' },
  desktop: { email: 'grace@example.com', password: 'storefront-demo-grace', name: 'Grace' },
};
/** Operation names of core-api (getCategories, setCartItem…): never for a shopper's eyes. */
const OPERATION_NAME = /\b(get|list|set|remove|place|verify)[A-Z]\w+/;
const installed = chromiumInstalled();
const maybe = installed ? describe : describe.skip;

maybe(
  `the demo storefront in headless Chromium (${installed ? CHROMIUM : `SKIPPED: ${CHROMIUM} is not installed`})`,
  () => {
    const keysDir = tempKeysDir();
    let core: RunningService;
    let web: RunningService;
    let identity: DevIdentity;
    let stack: WebStack | undefined;
    let browser: Browser;
    /** Everything the pages received: bodies and headers of every response. */
    const received: Array<{ url: string; headers: string; body: string }> = [];
    /** Console errors and uncaught exceptions of every page: none is allowed, 401s included. */
    const errors: string[] = [];
    /**
     * Chromium logs every 4xx/5xx resource as a console error. The tests that go looking for a
     * missing page or a failing core-api set the one status they expect; anything else still counts.
     */
    let expectedFailure: RegExp | null = null;
    const contexts: Record<string, BrowserContext> = {};

    beforeAll(async () => {
      stack = await startWebStack(keysDir, { RATE_LIMIT_MAX: '100000' });
      ({ core, web, identity } = stack);
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await stopWebStack(stack);
    });

    /** A fresh browser at `width`, watching the console, keeping every response for the leak check. */
    async function open(viewport: (typeof VIEWPORTS)[number]): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
      });
      contexts[viewport.name] = context;
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (
          expectedFailure &&
          /^Failed to load resource/.test(m.text()) &&
          expectedFailure.test(m.text())
        )
          return;
        errors.push(`${viewport.width}px ${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`${viewport.width}px: ${e.message}`));
      page.on('response', (response) => {
        void response
          .body()
          .catch(() => Buffer.alloc(0))
          .then((body) =>
            received.push({
              url: response.url(),
              headers: JSON.stringify(response.headers()),
              body: body.toString('latin1'),
            }),
          );
      });
      return page;
    }

    const shot = async (page: Page, width: number, step: string) => {
      mkdirSync(join(SCREENSHOTS, String(width)), { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, String(width), `${step}.png`) });
    };
    const expectNoSidewaysScroll = async (page: Page) => {
      const { scrollWidth, innerWidth } = await layout.overflow(page);
      expect({ url: page.url(), scrollWidth }).toEqual({
        url: page.url(),
        scrollWidth: Math.min(scrollWidth, innerWidth),
      });
    };
    /** Waits for the cart to be redrawn from web-bff's answer to a stepper or Remove press. */
    const cartAnswer = (page: Page, method: string) =>
      page.waitForResponse(
        (r) => r.request().method() === method && /\/api\/cart\/items\/\d+$/.test(r.url()),
      );

    /** Waits for the cart line's stepper to show `n`, redrawn from web-bff's answer. */
    const showsQuantity = (page: Page, productId: string, n: number) =>
      page
        .locator(`.cart-line[data-product="${productId}"] .stepper-value`)
        .filter({ hasText: new RegExp(`^${n}$`) })
        .waitFor();

    /** Opens the first kitchen product, other than `except`, that is plainly in stock. */
    async function openProduct(page: Page, except = ''): Promise<{ id: string; name: string }> {
      for (let index = 0; ; index++) {
        await page.goto(`${web.url}/category/kitchen`);
        await page.locator('.with-facets .cards .card a').nth(index).click();
        await page.waitForSelector('#add-to-cart');
        const id = /\/product\/(\d+)$/.exec(page.url())?.[1] ?? '';
        if (id !== except && (await page.textContent('.stock')) === 'In stock')
          return { id, name: (await page.textContent('article.product h1')) ?? '' };
      }
    }

    describe.each(VIEWPORTS)('at $width×$height ($name)', (viewport) => {
      const shopper = SHOPPERS[viewport.name];
      const { width } = viewport;
      let page: Page;
      /** The two products the flow puts in the cart. */
      let first = { id: '', name: '' };
      let second = { id: '', name: '' };

      beforeAll(async () => {
        page = await open(viewport);
      });

      it('asks for the session without an error, and signs in at the provider', async () => {
        const probe = page.waitForResponse((r) => r.url() === `${web.url}/bff/user`);
        await page.goto(`${web.url}/`);
        expect((await probe).status()).toBe(200);
        await page.waitForSelector('.chips a');
        await expectNoSidewaysScroll(page);
        await shot(page, width, '01-home');

        // The storefront sends the browser to the provider's own sign-in page, and it comes back.
        await page.click('#nav a[href="/sign-in"]');
        await page.click('#continue-sign-in');
        await page.waitForURL((url) => url.origin === new URL(identity.url).origin);
        await page.fill('input[name=email]', shopper.email);
        await page.fill('input[name=password]', shopper.password);
        await shot(page, width, '01-provider-sign-in');
        await page.click('button[type=submit]');
        await page.waitForURL((url) => url.origin === new URL(web.url).origin);
        await page.waitForSelector('#who');
        expect(await page.textContent('#who')).toContain(shopper.name);
        // The header stays on one line: the name, Cart, Orders and Sign out side by side.
        for (const item of ['#who', '#nav a[href="/cart"]', '#nav a[href="/orders"]', '#sign-out'])
          expect([item, await layout.lines(page.locator(item))]).toEqual([item, 1]);
        const tops = await page
          .locator('#nav > *')
          .evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().top)));
        expect(new Set(tops).size).toBe(1);
        await expectNoSidewaysScroll(page);
      });

      it('browses a category and adds products, confirming where the shopper looks', async () => {
        await page.click('.chips a[href="/category/kitchen"]');
        await page.waitForSelector('.with-facets .cards .card');
        expect(await page.textContent('h1')).toBe('Kitchen');
        await expectNoSidewaysScroll(page);
        await shot(page, width, '02-category');

        // The product page is one request from the browser.
        const apiCalls: string[] = [];
        const onRequest = (request: { url(): string }) => {
          const { pathname } = new URL(request.url());
          if (pathname.startsWith('/api/')) apiCalls.push(pathname);
        };
        page.on('request', onRequest);
        await page.locator('.with-facets .cards .card a').first().click();
        await page.waitForSelector('#add-to-cart');
        page.off('request', onRequest);
        expect(apiCalls).toEqual([expect.stringMatching(/^\/api\/pages\/product\/\d+$/)]);

        first = await openProduct(page);
        await page.click('.buy .step[aria-label^="One more"]');
        expect(await page.textContent('.buy .stepper-value')).toBe('2');
        await page.click('#add-to-cart');
        await page.waitForSelector('#add-status a[href="/cart"]');
        expect(await page.textContent('#add-status')).toContain(
          `Added 2. Your cart now holds 2 × ${first.name}.`,
        );
        expect(await layout.inViewport(page.locator('#add-status'))).toBe(true);
        await expectNoSidewaysScroll(page);
        await shot(page, width, '03-product-added');

        // Adding again adds to what the cart holds, and says so.
        await page.click('.buy .step[aria-label^="One fewer"]');
        await page.click('#add-to-cart');
        await page.locator('#add-status', { hasText: 'Added 1.' }).waitFor();
        expect(await page.textContent('#add-status')).toContain(`holds 3 × ${first.name}`);
        second = await openProduct(page, first.id);
        await page.click('#add-to-cart');
        await page.waitForSelector('#add-status a[href="/cart"]');
        expect(await page.textContent('#add-status')).toContain(`holds 1 × ${second.name}`);
      });

      it('changes quantities with the steppers, shows the shipping estimate, removes a line', async () => {
        await page.click('#nav a[href="/cart"]');
        await page.waitForSelector('.cart-line');
        const line = page.locator(`.cart-line[data-product="${first.id}"]`);
        expect(await line.locator('.stepper-value').textContent()).toBe('3');
        for (const control of [
          line.locator('.step').first(),
          line.locator('.step').last(),
          page.locator(`.cart-line[data-product="${second.id}"] .remove`),
        ]) {
          await control.scrollIntoViewIfNeeded();
          expect(await layout.inViewport(control)).toBe(true);
        }
        await expect(page.locator('#shipping-estimate').isVisible()).resolves.toBe(true);
        await expectNoSidewaysScroll(page);
        await shot(page, width, '04-cart');

        const before = await line.locator('.line-total').textContent();
        const less = cartAnswer(page, 'PUT');
        await line.locator('.step').first().click();
        expect((await less).status()).toBe(200);
        await showsQuantity(page, first.id, 2);
        expect(await line.locator('.line-total').textContent()).not.toBe(before);
        const more = cartAnswer(page, 'PUT');
        await line.locator('.step').last().click();
        expect((await more).status()).toBe(200);
        await showsQuantity(page, first.id, 3);

        const removed = cartAnswer(page, 'DELETE');
        await page.click(`.cart-line[data-product="${second.id}"] .remove`);
        expect((await removed).status()).toBe(200);
        await page.waitForSelector(`.cart-line[data-product="${second.id}"]`, {
          state: 'detached',
        });
        expect(await page.locator('.cart-line').count()).toBe(1);
        await expectNoSidewaysScroll(page);
        await shot(page, width, '05-cart-changed');
      });

      it('checks out for the estimated price and finds the order', async () => {
        const estimate = (
          await page.textContent('#shipping-estimate [data-shipping="standard"]')
        )?.trim();
        const estimatedTotal = (await page.textContent('#estimated-total'))?.trim();
        expect(estimate).toMatch(/^(Free|€\d+\.\d\d)$/);
        await page.click('#to-checkout');
        await page.waitForSelector('#place-order');
        await page.check('input[name=shipping][value=standard]');
        expect(await page.textContent('#place-order')).toContain(estimatedTotal!);
        await expectNoSidewaysScroll(page);
        await shot(page, width, '06-checkout');
        // A double click: the second click reuses the page's Idempotency-Key (and the button is disabled).
        await page.dblclick('#place-order');
        await page.waitForSelector('#order-placed');
        const orderId = /#(\d+)/.exec((await page.textContent('#order-placed')) ?? '')?.[1];
        expect(orderId).toBeDefined();
        // The order charges the shipping the cart estimated: one rule, core-api's.
        const summary = await page.textContent('main');
        expect(summary).toContain(`Shipping ${estimate === 'Free' ? '€0.00' : estimate}`);
        expect(summary).toContain(`Total ${estimatedTotal}`);
        await shot(page, width, '07-order');

        await page.click('#nav a[href="/orders"]');
        await page.waitForSelector('.orders li');
        expect(await page.locator('.orders li').count()).toBe(1);
        expect(await page.textContent('.orders')).toContain(`Order #${orderId}`);
        await expectNoSidewaysScroll(page);
      });

      it('shows a page with a way back, status 404, for an address the shop does not have', async () => {
        expectedFailure = /status of 404/;
        const res = await page.goto(`${web.url}/no-such-page`);
        expect(res?.status()).toBe(404);
        await page.waitForSelector('#not-found');
        await expectNoSidewaysScroll(page);
        await shot(page, width, '08-not-found');
        await page.click('#not-found a[href="/"]');
        await page.waitForSelector('.chips a');

        // An order that is not there: the same page, from web-bff's 404 answer.
        await page.goto(`${web.url}/orders/999999`);
        await page.waitForSelector('#not-found');
        expectedFailure = null;
      });
    });

    it('answers problem+json, not the page, to API clients and under /api', async () => {
      const ask = (path: string, accept: string) =>
        fetch(`${web.url}${path}`, { headers: { accept } }).then((r) => [
          r.status,
          r.headers.get('content-type')?.split(';')[0],
        ]);
      expect(await ask('/no-such-page', 'text/html,application/xhtml+xml')).toEqual([
        404,
        'text/html',
      ]);
      expect(await ask('/no-such-page', 'application/json')).toEqual([
        404,
        'application/problem+json',
      ]);
      expect(await ask('/api/no-such-thing', 'text/html')).toEqual([
        404,
        'application/problem+json',
      ]);
      expect(await ask('/assets/no-such.js', 'text/html')).toEqual([
        404,
        'application/problem+json',
      ]);
    });

    it('sends its scripts and styles compressed to a browser that accepts it, and as they are otherwise', async () => {
      for (const asset of ['/assets/app.js', '/assets/styles.css']) {
        const plain = await fetch(`${web.url}${asset}`, {
          headers: { 'accept-encoding': 'identity' },
        });
        const bytes = Buffer.from(await plain.arrayBuffer());
        expect([plain.status, plain.headers.get('content-encoding')]).toEqual([200, null]);
        // undici's fetch decodes what it asked for: the body must come back to the same bytes.
        const br = await fetch(`${web.url}${asset}`, { headers: { 'accept-encoding': 'br' } });
        expect([br.status, br.headers.get('content-encoding')]).toEqual([200, 'br']);
        expect(Buffer.from(await br.arrayBuffer()).equals(bytes)).toBe(true);
        const gzip = await fetch(`${web.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
        expect(gzip.headers.get('content-encoding')).toBe('gzip');
        expect(Buffer.from(await gzip.arrayBuffer()).equals(bytes)).toBe(true);
      }
    });

    it('keeps the session in a Secure, HttpOnly, SameSite=Strict, host-only cookie the page cannot read', async () => {
      const context = contexts['desktop']!;
      const cookies = await context.cookies(web.url);
      const session = cookies.find((c) => c.name === '__Host-session');
      expect(session).toMatchObject({
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
        path: '/',
      });
      // Host-only: the browser reports the exact host, not a ".domain" that subdomains would share.
      expect(session!.domain).toBe(new URL(web.url).hostname);
      expect(session!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const page = context.pages()[0]!;
      expect(await page.evaluate<string>('document.cookie')).not.toContain('__Host-session');
    });

    it('never shows the page a core-api token: no JWT in any response body or header, nor in storage', async () => {
      expect(received.length).toBeGreaterThan(10);
      expect(received.filter((r) => r.url.includes('/api/')).length).toBeGreaterThan(5);
      for (const r of received) {
        expect({ url: r.url, leak: r.headers.includes('eyJ') || r.body.includes('eyJ') }).toEqual({
          url: r.url,
          leak: false,
        });
      }
      const page = contexts['desktop']!.pages()[0]!;
      const storage = await page.evaluate<string>(
        'JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })',
      );
      expect(storage).not.toContain('eyJ');
    });

    it('serves Swagger UI at /docs with the operations rendered', async () => {
      const docs = await contexts['desktop']!.newPage();
      await docs.goto(`${web.url}/docs`);
      await docs.waitForSelector('.opblock', { timeout: 20_000 });
      const paths = await docs.locator('.opblock .opblock-summary-path').allTextContents();
      expect(paths.map((p) => p.replace(/\u200b/g, ''))).toEqual(
        expect.arrayContaining([
          '/bff/login',
          '/bff/user',
          '/api/checkout',
          '/api/pages/product/{id}',
        ]),
      );
      await docs.close();
    });

    it('signs out at the provider too, and comes back to the storefront signed out', async () => {
      const page = contexts['desktop']!.pages()[0]!;
      await page.goto(`${web.url}/`);
      await page.waitForSelector('#who');
      await page.click('#sign-out');
      // The provider asks before ending its own session, then sends the browser back.
      await page.waitForURL((url) => url.origin === new URL(identity.url).origin);
      await page.click('button[name=logout][value=yes]');
      await page.waitForURL((url) => url.origin === new URL(web.url).origin);
      await page.waitForSelector('#nav a[href="/sign-in"]');
      expect(await page.locator('#who').count()).toBe(0);
      expect((await contexts['desktop']!.cookies(web.url)).map((c) => c.name)).not.toContain(
        '__Host-session',
      );
      // Signing in again goes to the provider's page: its session ended with ours.
      await page.click('#nav a[href="/sign-in"]');
      await page.click('#continue-sign-in');
      await page.waitForSelector('input[name=password]');
    });

    // Last but one: it stops core-api.
    it.each(VIEWPORTS)(
      'shows an error page in plain words, with a way back, when core-api is down ($width px)',
      async (viewport) => {
        expectedFailure = /status of 50[234]/;
        await core.stop();
        const page = contexts[viewport.name]!.pages()[0]!;
        await page.goto(`${web.url}/category/garden`);
        await page.waitForSelector('#error-page');
        const text = (await page.textContent('#error-page')) ?? '';
        expect(text).toContain('The shop is not answering right now');
        expect(text).not.toMatch(OPERATION_NAME);
        expect(text).not.toMatch(/core-api|attempted/);
        expect(await page.locator('#error-page a[href="/"]').isVisible()).toBe(true);
        expect(await page.locator('#retry').isVisible()).toBe(true);
        await expectNoSidewaysScroll(page);
        await shot(page, viewport.width, '09-error');
        await page.click('#retry');
        await page.waitForSelector('#error-page');
      },
    );

    it('logged no console error on any page, signed out or in, at either width, but the failures asked for', () => {
      expect(errors).toEqual([]);
    });
  },
);
