import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { webDistDir } from '../src/server/http/web-app.ts';
import { createTestApp, type TestApp } from '../src/server/test-support/test-app.ts';
import { browserUnavailable, checkAccessibility, collectPageProblems, launchBrowser } from './support/browser.ts';

const suite = 'public pages of the portal';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let server: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let baseUrl: string;
  let themeFile: string;

  before(async () => {
    if (!existsSync(path.join(webDistDir, 'index.html'))) {
      throw new Error(`${webDistDir}/index.html is missing: run \`npm run build\` before the browser tests`);
    }
    // An empty city theme for now; the theme test fills it in.
    themeFile = path.join(mkdtempSync(path.join(tmpdir(), 'nomades-theme-')), 'theme.css');
    writeFileSync(themeFile, '');
    server = await createTestApp('pglite', { env: { THEME_CSS_FILE: themeFile } });
    await server.database.db
      .insertInto('departments')
      .values([
        { code: 'DASCO', name: 'Direction des affaires scolaires' },
        { code: 'DFA', name: 'Direction des finances et des achats' },
      ])
      .execute();
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    problems = await collectPageProblems(page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('shows the home page in French, with the city’s name and its departments', async () => {
    await open(page, `${baseUrl}/`);
    assert.equal(await heading1(page), 'Vos démarches d’agent, au bureau comme à distance');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(await page.getByRole('banner').innerText(), /Ville de Paris/);
    assert.equal(await page.title(), 'Vos démarches d’agent, au bureau comme à distance – Nomades – Ville de Paris');

    const departments = page.getByRole('listitem').filter({ hasText: 'DASCO' });
    await departments.waitFor();
    assert.match(await departments.innerText(), /Direction des affaires scolaires/);
    assert.equal(await page.getByRole('listitem').filter({ hasText: 'DFA' }).count(), 1);
  });

  test('explains how to sign in and leads to the sign-in page', async () => {
    const main = page.getByRole('main');
    assert.match(await main.innerText(), /7 chiffres/);
    assert.match(await main.innerText(), /@paris\.example/);
    assert.doesNotMatch(await main.innerText(), /prochaine version/);
    assert.equal(await main.getByRole('link', { name: 'Se connecter' }).getAttribute('href'), '/connexion');
    assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).count(), 1);
  });

  test('has no WCAG 2.1 AA violation on the home page in French', async () => {
    assert.deepEqual(await checkAccessibility(page), []);
  });

  test('lets a keyboard user skip straight to the main content', async () => {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Aller au contenu principal');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu');
  });

  test('switches to English with the language switch', async () => {
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your staff services, at the office or away' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getByRole('radio', { name: 'English' }).isChecked(), true);
    assert.deepEqual(await checkAccessibility(page), []);
  });

  test('remembers English after a reload', async () => {
    await page.reload();
    assert.equal(await heading1(page), 'Your staff services, at the office or away');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  });

  test('opens the accessibility statement from the menu, with focus on its title', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Accessibility' }).click();
    assert.equal(await heading1(page), 'Accessibility statement');
    assert.equal(new URL(page.url()).pathname, '/accessibilite');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.match(await page.getByRole('main').innerText(), /not compliant/);
    assert.match(await page.getByRole('main').innerText(), /axe-core/);
    assert.deepEqual(await checkAccessibility(page), []);
  });

  test('lists the API operations, listDepartments among them, in an accessible reference', async () => {
    await page.getByRole('link', { name: 'API reference' }).first().click();
    assert.equal(await heading1(page), 'API reference');
    const operation = page.getByRole('article').filter({ hasText: 'listDepartments' });
    await operation.waitFor();
    assert.match(await operation.innerText(), /GET\s+\/api\/departments/);
    assert.match(await operation.innerText(), /DepartmentList/);
    assert.deepEqual(await checkAccessibility(page), []);
  });

  test('shows a page-not-found message for an unknown address', async () => {
    await page.getByRole('radio', { name: 'Français' }).click();
    await open(page, `${baseUrl}/adresse-inconnue`);
    assert.equal(await heading1(page), 'Page introuvable');
    assert.deepEqual(await checkAccessibility(page), []);
  });

  test('gives every page one main title and headings that never skip a level', async () => {
    for (const address of pageAddresses) {
      await open(page, `${baseUrl}${address}`);
      await heading1(page);
      await page.getByRole('status').waitFor({ state: 'detached' });
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) =>
        headings.map((heading) => Number(heading.tagName[1])),
      );
      assert.equal(levels.filter((level) => level === 1).length, 1, `${address}: one h1`);
      levels.forEach((level, index) => {
        assert.ok(index === 0 || level <= (levels[index - 1] ?? 1) + 1, `${address}: headings ${levels.join(',')}`);
      });
    }
  });

  test('fits a 320 px wide phone screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const address of pageAddresses) {
      await open(page, `${baseUrl}${address}`);
      await heading1(page);
      await page.getByRole('status').waitFor({ state: 'detached' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${address} is ${width} px wide at 320 px`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('lets the city override the default colours with its own theme', async () => {
    writeFileSync(themeFile, ':root { --color-primary: #5b2a86; }\n');
    // A fresh context: the theme is cached for an hour, as it is for agents.
    const context = await browser.newContext();
    const themed = await context.newPage();
    themed.setDefaultTimeout(10_000);
    await collectPageProblems(themed, problems);
    await open(themed, `${baseUrl}/`);
    await heading1(themed);
    const band = await themed.evaluate(() => getComputedStyle(document.querySelector('header')!).borderTopColor);
    assert.equal(band, 'rgb(91, 42, 134)');
    await context.close();
  });

  test('raises no console error and no Content-Security-Policy violation during the whole visit', () => {
    assert.deepEqual(problems, []);
  });
});

const pageAddresses = ['/', '/accessibilite', '/reference-api', '/adresse-inconnue', '/connexion', '/mot-de-passe-oublie', '/mot-de-passe/nouveau'];

// Every address of the app must answer 200 with the page, deep links included.
async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  assert.equal(response?.status(), 200, `GET ${new URL(url).pathname} answered ${response?.status()}`);
}

async function heading1(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  return (await heading.innerText()).trim();
}
