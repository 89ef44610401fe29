// Login CSRF as a real browser meets it, now that sign-in happens at the identity provider. The
// attacker signs in as themselves, stops before their own callback, and makes the victim's
// browser finish it (a navigation from a page of another site): without the victim's own login
// transaction (the __Host-login cookie web-bff set when *this* browser started a sign-in) the
// callback opens no session. And a page of another site auto-submits forms to the sign-out
// routes, under the canonical path and a spelling the router decodes (/%62ff/…): refused.
import { OidcUserAgent } from '@bff/platform-auth/testing';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromiumInstalled, CHROMIUM, launchChromium } from './support/browser';
import { SECOND_CUSTOMER, startWebStack, stopWebStack, type WebStack } from './support/identity';
import { RunningService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

const installed = chromiumInstalled();
const maybe = installed ? describe : describe.skip;

/** Resolved to 127.0.0.1 by Chromium only: a site of its own for the attacker's server. */
const ATTACKER_HOST = 'attacker.test';

/** The attacker's pages: one sends the browser on to `next`, one posts a form to `action`. */
const pageFor = (query: URLSearchParams) =>
  query.has('next')
    ? `<!doctype html><html><body><script>location.href = ${JSON.stringify(query.get('next'))};</script></body></html>`
    : `<!doctype html>
<html><body>
<form method="post" action="${query.get('action') ?? ''}"><input name="everywhere" value="1"></form>
<script>document.forms[0].submit();</script>
</body></html>`;

maybe(
  `cross-site requests cannot sign the browser in or out (${installed ? CHROMIUM : `SKIPPED: ${CHROMIUM} is not installed`})`,
  () => {
    const keysDir = tempKeysDir();
    let web: RunningService;
    let stack: WebStack | undefined;
    let browser: Browser;
    let attacker: Server;
    let attackerPort: number;

    beforeAll(async () => {
      stack = await startWebStack(keysDir);
      ({ web } = stack);
      attacker = createServer((request, response) => {
        const query = new URL(request.url ?? '/', 'http://attacker').searchParams;
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(pageFor(query));
      });
      await new Promise<void>((listening) => attacker.listen(0, '127.0.0.1', listening));
      attackerPort = (attacker.address() as AddressInfo).port;
      browser = await launchChromium([`--host-resolver-rules=MAP ${ATTACKER_HOST} 127.0.0.1`]);
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((closed) => (attacker ? attacker.close(closed) : closed(undefined)));
      await stopWebStack(stack);
    });

    const origins: Array<[string, () => string]> = [
      ['another site', () => `http://${ATTACKER_HOST}:${attackerPort}`],
      ['another port of the same host', () => `http://127.0.0.1:${attackerPort}`],
    ];

    /** The storefront, opened in `context`, shows a visitor. */
    async function expectVisitor(context: BrowserContext) {
      const shop = await context.newPage();
      const user = shop.waitForResponse((r) => r.url() === `${web.url}/bff/user`);
      await shop.goto(`${web.url}/`);
      const probe = await user;
      expect([probe.status(), await probe.json()]).toEqual([200, { signedIn: false }]);
      await shop.waitForSelector('#nav a[href="/sign-in"]');
      expect(await shop.locator('#who').count()).toBe(0);
    }

    it.each(origins)(
      "refuses the attacker's own callback, sent on by a page of %s: the browser stays signed out",
      async (_from, origin) => {
        // The attacker signs in as themselves and keeps the redirect back to web-bff.
        const agent = new OidcUserAgent();
        const login = await agent.get(`${web.url}/bff/login?returnTo=/orders`);
        const callback = await agent.signIn(login.location ?? '', SECOND_CUSTOMER);
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const answered = page.waitForResponse((r) =>
            r.url().startsWith(`${web.url}/bff/callback`),
          );
          await page.goto(`${origin()}/?next=${encodeURIComponent(callback)}`);
          const answer = await answered;
          expect(answer.status()).toBe(400);
          expect(answer.headers()['set-cookie'] ?? '').not.toMatch(/__Host-session=[^;]/);
          expect((await context.cookies(web.url)).map((c) => c.name)).not.toContain(
            '__Host-session',
          );
          await expectVisitor(context);
        } finally {
          await context.close();
        }
      },
      60_000,
    );

    it.each(
      origins.flatMap(([from, origin]) =>
        ['/bff/sign-out-everywhere', '/%62ff/logout'].map(
          (action) => [from, action, origin] as const,
        ),
      ),
    )(
      'refuses a form that a page of %s auto-submits to %s',
      async (_from, action, origin) => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const answered = page.waitForResponse(
            (r) => r.request().method() === 'POST' && r.url().startsWith(web.url),
          );
          await page.goto(`${origin()}/?action=${encodeURIComponent(`${web.url}${action}`)}`);
          const answer = await answered;
          expect(answer.url()).toBe(`${web.url}${action}`);
          // Refused before any handler: 415 (no body but JSON is parsed there) or 403 (CSRF).
          expect([403, 415]).toContain(answer.status());
          expect(answer.headers()['set-cookie']).toBeUndefined();
        } finally {
          await context.close();
        }
      },
      60_000,
    );
  },
);
