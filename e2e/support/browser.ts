import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 740 } as const;

/** Debian's Chromium, headless, with nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageOptions {
  viewport: { width: number; height: number };
  /** The browser's language; a Czech person's browser says cs-CZ. */
  locale?: string;
}

/** A fresh browser profile (no cookies, no localStorage): one person on one device. */
export interface JourneyPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to explain a failure. */
  problems: string[];
}

export async function openPage(browser: Browser, baseUrl: string, options: PageOptions): Promise<JourneyPage> {
  const isPhone = options.viewport.width < 768;
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport,
    locale: options.locale ?? 'cs-CZ',
    isMobile: isPhone,
    hasTouch: isPhone,
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The first GET /me of a signed-out visitor answers 401 by design; anything else is worth reporting.
    if (message.type() === 'error' && !message.text().includes('status of 401')) problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}
