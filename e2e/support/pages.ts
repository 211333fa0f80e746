import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-logins.ts';
import { collectPageProblems, launchBrowser } from './browser.ts';
import { assertAccessible, fromInside, heading1, open, type Portal, signIn } from './portal.ts';

const large = { width: 1280, height: 900 };
const phone = { width: 360, height: 800 };
// Set E2E_SCREENSHOTS=/some/dir to keep a picture of every page a suite checks with `snapshot`.
const screenshots = process.env.E2E_SCREENSHOTS;

/** Chromium for one suite: every page it opens reports to the same `problems`, and close() ends them all. */
export type TestBrowser = {
  /** Console errors, uncaught exceptions, failed requests and CSP violations of every page so far. */
  problems: string[];
  /** A page no one is signed in on, coming from the city network unless `from` names other headers. */
  newPage(from?: Record<string, string>): Promise<Page>;
  /** A browser of the city network (no second factor asked), signed in as this demo login, on this page. */
  signedIn(badge: string, where: string, options?: { heading?: string | RegExp }): Promise<Page>;
  close(): Promise<void>;
};

/** `serverTime`: the browser's today is the server's, for forms that offer days or months up to today. */
export async function openTestBrowser(portal: Portal, options: { serverTime?: boolean } = {}): Promise<TestBrowser> {
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  async function newPage(from: Record<string, string> = fromInside): Promise<Page> {
    const context = await browser.newContext({ viewport: { ...large }, locale: 'fr-FR', reducedMotion: 'reduce', acceptDownloads: true });
    contexts.push(context);
    if (options.serverTime) await context.clock.setFixedTime(portal.server.clock.now());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await collectPageProblems(page, problems);
    await page.setExtraHTTPHeaders(from);
    return page;
  }

  async function signedIn(badge: string, where: string, { heading }: { heading?: string | RegExp } = {}): Promise<Page> {
    const page = await newPage();
    await open(page, `${portal.baseUrl}/connexion?retour=${encodeURIComponent(where)}`);
    await signIn(page, badge, DEMO_PASSWORD);
    const target = new URL(where, portal.baseUrl);
    await page.waitForURL((url) => url.pathname === target.pathname && (!target.search || url.search === target.search));
    await heading1(page, heading);
    return page;
  }

  async function close(): Promise<void> {
    for (const context of contexts) await context.close();
    await browser.close();
  }

  return { problems, newPage, signedIn, close };
}

export type WidthCheck = {
  /** With E2E_SCREENSHOTS set, a picture at each width; 'in parts' cuts the long phone page into readable pieces. */
  snapshot?: 'whole' | 'in parts';
  /** What else must hold while the page is 360 px wide. */
  atPhoneWidth?: () => Promise<void>;
};

/** No axe violation (WCAG 2.1 A and AA) at 1280 px, and at 360 px no sideways scrolling and still none. */
export async function checkAtBothWidths(page: Page, where: string, check: WidthCheck = {}): Promise<void> {
  await assertAccessible(page, where);
  await snapshot(page, where, 'large', check.snapshot);
  const size = page.viewportSize() ?? large;
  await page.setViewportSize(phone);
  try {
    await page.waitForFunction((width) => document.documentElement.scrollWidth <= width, phone.width, { timeout: 3_000 }).catch(() => undefined);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= phone.width, `${where} scrolls sideways at 360 px (${width} px wide)`);
    await check.atPhoneWidth?.();
    await assertAccessible(page, `${where} at 360 px`);
    await snapshot(page, where, 'phone', check.snapshot);
  } finally {
    await page.setViewportSize(size);
  }
}

async function snapshot(page: Page, where: string, kind: 'large' | 'phone', how: WidthCheck['snapshot']): Promise<void> {
  if (!screenshots || !how) return;
  const name = `${where.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${kind}`;
  if (kind === 'large' || how === 'whole') {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    return;
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0, part = 1; top < height && part <= 4; top += 1_200, part += 1) {
    const clip = { x: 0, y: top, width: phone.width, height: Math.min(1_200, height - top) };
    await page.screenshot({ path: path.join(screenshots, `${name}-${part}.png`), fullPage: true, clip });
  }
}

/**
 * Clicks what downloads a file (a button named so, or any locator) and returns the file as the browser saved
 * it; `pdf` asserts that it is one.
 */
export async function downloadFile(
  page: Page,
  what: string | RegExp | Locator,
  { pdf = false }: { pdf?: boolean } = {},
): Promise<{ name: string; bytes: Buffer }> {
  const target = typeof what === 'string' || what instanceof RegExp ? page.getByRole('button', { name: what }).first() : what;
  const [download] = await Promise.all([page.waitForEvent('download'), target.click()]);
  const name = download.suggestedFilename();
  const bytes = await readFile(await download.path());
  if (pdf) assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', `${name} is a PDF`);
  return { name, bytes };
}
