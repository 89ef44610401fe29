import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumInstalled, CHROMIUM, launchChromium } from './support/browser';
import { ROOT, RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

const SCREENSHOTS = join(ROOT, 'tmp', 'screenshots');
const installed = chromiumInstalled();
const maybe = installed ? describe : describe.skip;

maybe(
  `the demo storefront in headless Chromium (${installed ? CHROMIUM : `SKIPPED: ${CHROMIUM} is not installed`})`,
  () => {
    const keysDir = tempKeysDir();
    let core: RunningService;
    let web: RunningService;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    /** Everything the page received: bodies and headers of every response. */
    const received: Array<{ url: string; headers: string; body: string }> = [];

    beforeAll(async () => {
      core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
      web = await startService('web-bff', {
        CORE_API_URL: core.url,
        SERVICE_KEYS_DIR: keysDir,
        RATE_LIMIT_MAX: '100000',
      });
      browser = await launchChromium();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
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
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await Promise.all([web, core].filter(Boolean).map((s) => s.stop()));
    });

    it('signs in, browses a category, opens a product, adds it to the cart, checks out and finds the order', async () => {
      // The page runs under the strict CSP: any violation would show up as a console error.
      const errors: string[] = [];
      // The anonymous GET /api/session at start-up is a 401 by design; Chromium logs that too.
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(`${web.url}/sign-in`);
      await page.fill('input[name=email]', 'ada@example.com');
      await page.fill('input[name=password]', 'storefront-demo-ada');
      await page.click('#sign-in button[type=submit]');
      await page.waitForSelector('#who');
      expect(await page.textContent('#who')).toContain('Ada');

      await page.click('.chips a[href="/category/kitchen"]');
      await page.waitForSelector('.facets .facet-list li');
      expect(await page.textContent('h1')).toBe('Kitchen');
      expect(await page.locator('.cards .card').count()).toBeGreaterThan(0);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'web-storefront-category.png') });

      // The product page is one request from the browser.
      const apiCalls: string[] = [];
      const onRequest = (request: { url(): string }) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/api/')) apiCalls.push(pathname);
      };
      page.on('request', onRequest);
      await page.locator('.cards .card a').first().click();
      await page.waitForSelector('#add-to-cart');
      page.off('request', onRequest);
      expect(apiCalls).toEqual([expect.stringMatching(/^\/api\/pages\/product\/\d+$/)]);
      const productName = await page.textContent('article.product h1');
      await page.click('#add-to-cart');
      await page.waitForSelector('.status a[href="/cart"]');

      await page.click('#nav a[href="/cart"]');
      await page.waitForSelector('table.lines');
      expect(await page.textContent('table.lines')).toContain(productName);
      await page.click('#to-checkout');
      await page.waitForSelector('#place-order');
      // A double click: the second click reuses the page's Idempotency-Key (and the button is disabled).
      await page.dblclick('#place-order');
      await page.waitForSelector('#order-placed');
      const placed = await page.textContent('#order-placed');
      const orderId = /#(\d+)/.exec(placed ?? '')?.[1];
      expect(orderId).toBeDefined();

      await page.click('#nav a[href="/orders"]');
      await page.waitForSelector('.orders li');
      expect(await page.locator('.orders li').count()).toBe(1);
      expect(await page.textContent('.orders')).toContain(`Order #${orderId}`);

      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.goto(`${web.url}/product/1`);
      await page.waitForSelector('#add-to-cart');
      await page.screenshot({
        path: join(SCREENSHOTS, 'web-storefront-product.png'),
        fullPage: true,
      });
      expect(errors).toEqual([]);
    });

    it('keeps the session in a Secure, HttpOnly, SameSite=Strict, host-only cookie the page cannot read', async () => {
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
      const storage = await page.evaluate<string>(
        'JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })',
      );
      expect(storage).not.toContain('eyJ');
    });

    it('serves Swagger UI at /docs with the operations rendered', async () => {
      const docs = await context.newPage();
      await docs.goto(`${web.url}/docs`);
      await docs.waitForSelector('.opblock', { timeout: 20_000 });
      const paths = await docs.locator('.opblock .opblock-summary-path').allTextContents();
      expect(paths.map((p) => p.replace(/\u200b/g, ''))).toEqual(
        expect.arrayContaining(['/api/session', '/api/checkout', '/api/pages/product/{id}']),
      );
      await docs.close();
    });
  },
);
