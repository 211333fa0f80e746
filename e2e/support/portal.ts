import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { webDistDir } from '../../src/server/http/web-app.ts';
import { devOutboxRoutes } from '../../src/server/modules/notifications/index.ts';
import { createTestApp, type TestApp } from '../../src/server/test-support/test-app.ts';
import { checkAccessibility } from './browser.ts';

/** The city network is 10.0.0.0/8; the server trusts X-Forwarded-For from the test itself (127.0.0.1). */
export const fromInside = { 'X-Forwarded-For': '10.1.2.3' };
export const fromOutside = { 'X-Forwarded-For': '203.0.113.7' };

// The demo mailbox, registered the way app.ts does unless app.ts already has.
const withDevOutbox = async (scope: FastifyInstance) => {
  if (!scope.hasRoute({ method: 'GET', url: '/api/dev/outbox' })) await devOutboxRoutes(scope, scope.ctx);
};

export type Portal = { server: TestApp; baseUrl: string };

/**
 * The whole portal in this process, on a free port of localhost: passkeys need a domain name, and
 * PUBLIC_URL (the passkeys' relying party, the links in e-mails) must name the port.
 */
export async function startPortal(): Promise<Portal> {
  if (!existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error(`${webDistDir}/index.html is missing: run \`npm run build\` before the browser tests`);
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const server = await createTestApp('pglite', {
    env: { INTERNAL_NETWORKS: '10.0.0.0/8', TRUST_PROXY: '127.0.0.1/32', PUBLIC_URL: baseUrl },
    routes: withDevOutbox,
  });
  await server.app.listen({ host: '127.0.0.1', port });
  return { server, baseUrl };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Opens an address of the app, which must answer 200 (deep links included), and waits for its title. */
export async function open(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  assert.equal(response?.status(), 200, `GET ${new URL(url).pathname} answered ${response?.status()}`);
  return heading1(page);
}

export async function heading1(page: Page, name?: string | RegExp): Promise<string> {
  const heading = page.getByRole('heading', { level: 1, name });
  await heading.waitFor();
  return (await heading.innerText()).trim();
}

/** The page's address without origin: path and query. */
export function location(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

export async function assertAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await checkAccessibility(page), [], `accessibility violations on ${where}`);
}

export async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel('Numéro de badge ou adresse électronique professionnelle').fill(identifier);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).last().click();
}
