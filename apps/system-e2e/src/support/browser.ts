import { existsSync } from 'node:fs';
import { Browser, chromium, Locator, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `npx playwright install` does not work here. */
export const CHROMIUM = '/usr/bin/chromium';

export const chromiumInstalled = (): boolean => existsSync(CHROMIUM);

/**
 * Headless Chromium for the browser suites; the caller closes it. `args` adds switches, e.g.
 * `--host-resolver-rules=MAP attacker.test 127.0.0.1` to give a local server a site of its own.
 */
export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...args,
    ],
  });
}

/** The two screens the storefront is checked on: a phone (iPhone 12–15) and a laptop. */
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

/** The browser globals the page functions below use: system-e2e compiles without the DOM lib. */
declare const window: {
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(
    element: unknown,
  ): Record<'lineHeight' | 'fontSize' | 'paddingTop' | 'paddingBottom', string>;
};
declare const document: { documentElement: { scrollWidth: number } };

/** Layout facts a page must hold on any screen, measured in the page itself. */
export const layout = {
  /** Nothing sticks out sideways: the page never scrolls horizontally. */
  async overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
    return page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
  },
  /** The element's box, and whether all of it is inside the viewport (nothing to scroll to). */
  async inViewport(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= window.innerWidth &&
        box.bottom <= window.innerHeight
      );
    });
  },
  /** How many lines of text the element takes (its height over its line height, rounded). */
  async lines(locator: Locator): Promise<number> {
    return locator.evaluate((el) => {
      const style = window.getComputedStyle(el);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      return Math.round((el.getBoundingClientRect().height - padding) / line);
    });
  },
};
