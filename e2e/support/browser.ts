import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';

// Debian's Chromium: the suite never downloads a browser.
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Why the browser suite cannot run here, or undefined when it can. A missing browser fails in CI (a skipped
 * suite must not pass unnoticed there) and is reported on stderr elsewhere.
 */
export function browserUnavailable(suite: string): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  const reason = `${chromiumPath} is missing (install the Debian package: apt-get install chromium)`;
  if (process.env.CI) throw new Error(`${suite}: ${reason}; browser tests may not be skipped in CI`);
  process.stderr.write(`skipped: browser tests "${suite}" did not run because ${reason}\n`);
  return reason;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export type AccessibilityViolation = {
  rule: string;
  impact: string | null | undefined;
  help: string;
  elements: string[];
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// page.evaluate goes through the DevTools protocol, which the page's CSP does not govern; a <script> tag would be refused.
export async function checkAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      elements: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  }, wcagAA);
  return violations;
}

/**
 * Records what a visitor would never see but must never happen: console errors, uncaught exceptions, failed
 * requests and Content-Security-Policy violations, into `problems`. Call before the first navigation.
 */
export async function collectPageProblems(page: Page, problems: string[] = []): Promise<string[]> {
  page.on('console', (message) => {
    if (message.type() === 'error' && !isAnsweredApiRefusal(message.text(), message.location().url)) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The app cancels a read it no longer needs (the page changed before the answer came): not a defect.
    if (request.failure()?.errorText === 'net::ERR_ABORTED' && request.method() === 'GET' && new URL(request.url()).pathname.startsWith('/api/')) return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  await page.exposeBinding('reportCspViolation', (_source, description: string) => {
    problems.push(`CSP violation: ${description}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(description: string): void }).reportCspViolation;
      report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline content'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return problems;
}

// Chromium logs every 4xx answer as a console error, but a 401 from GET /api/me (not signed in), a 401 for a
// wrong password or a 422 for a refused password are the API answering as designed, and the app shows them.
// Server errors (5xx), failed requests and anything else still count.
function isAnsweredApiRefusal(text: string, url: string): boolean {
  if (!/^Failed to load resource: the server responded with a status of 4\d\d\b/.test(text)) return false;
  try {
    return new URL(url).pathname.startsWith('/api/');
  } catch {
    return false;
  }
}
