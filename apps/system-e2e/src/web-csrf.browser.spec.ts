// Login CSRF as a real browser meets it: a page of another site auto-submits an HTML form with
// the attacker's credentials to web-bff, here under a spelling of the path the router decodes
// (/%61pi/session) and under the canonical one. The victim's browser must stay signed out.
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { chromiumInstalled, CHROMIUM, launchChromium } from './support/browser';
import { RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

const installed = chromiumInstalled();
const maybe = installed ? describe : describe.skip;

/** Resolved to 127.0.0.1 by Chromium only: a site of its own for the attacker's server. */
const ATTACKER_HOST = 'attacker.test';

/** The attacker's page: a form that posts itself as soon as it loads. */
const formPage = (action: string) => `<!doctype html>
<html><body>
<form method="post" action="${action}">
  <input name="email" value="ada@example.com">
  <input name="password" value="storefront-demo-ada">
</form>
<script>document.forms[0].submit();</script>
</body></html>`;

maybe(
  `a cross-site form cannot sign the browser in (${installed ? CHROMIUM : `SKIPPED: ${CHROMIUM} is not installed`})`,
  () => {
    const keysDir = tempKeysDir();
    let core: RunningService;
    let web: RunningService;
    let browser: Browser;
    let attacker: Server;
    let attackerPort: number;

    beforeAll(async () => {
      core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
      web = await startService('web-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir });
      attacker = createServer((request, response) => {
        const action = new URL(request.url ?? '/', 'http://attacker').searchParams.get('action');
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(formPage(`${web.url}${action ?? '/api/session'}`));
      });
      await new Promise<void>((listening) => attacker.listen(0, '127.0.0.1', listening));
      attackerPort = (attacker.address() as AddressInfo).port;
      browser = await launchChromium([`--host-resolver-rules=MAP ${ATTACKER_HOST} 127.0.0.1`]);
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((closed) => (attacker ? attacker.close(closed) : closed(undefined)));
      await Promise.all([web, core].filter(Boolean).map((s) => s.stop()));
    });

    const cases: Array<[string, string, () => string]> = [
      ['another site', '/%61pi/session', () => `http://${ATTACKER_HOST}:${attackerPort}`],
      ['another site', '/api/session', () => `http://${ATTACKER_HOST}:${attackerPort}`],
      ['another port of the same host', '/%61pi/session', () => `http://127.0.0.1:${attackerPort}`],
      ['another port of the same host', '/api/session', () => `http://127.0.0.1:${attackerPort}`],
    ];

    it.each(cases)(
      'refuses a form that a page of %s auto-submits to %s: the browser stays signed out',
      async (_from, action, origin) => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const answered = page.waitForResponse(
            (r) => r.request().method() === 'POST' && r.url().startsWith(web.url),
          );
          await page.goto(`${origin()}/?action=${encodeURIComponent(action)}`);
          const answer = await answered;
          expect(answer.url()).toBe(`${web.url}${action}`);
          // Refused before any handler: 415 (no service parses a form body) or, were the body
          // accepted, 403 from the CSRF guard. Either way no session is opened.
          expect([403, 415]).toContain(answer.status());
          expect(answer.headers()['set-cookie']).toBeUndefined();
          expect(await context.cookies(web.url)).toEqual([]);

          // The storefront, opened afterwards in the same browser, shows a visitor.
          const shop = await context.newPage();
          const session = shop.waitForResponse((r) => r.url() === `${web.url}/api/session`);
          await shop.goto(`${web.url}/`);
          const probe = await session;
          expect([probe.status(), await probe.json()]).toEqual([200, { signedIn: false }]);
          await shop.waitForSelector('#nav a[href="/sign-in"]');
          expect(await shop.locator('#who').count()).toBe(0);
        } finally {
          await context.close();
        }
      },
      60_000,
    );
  },
);
