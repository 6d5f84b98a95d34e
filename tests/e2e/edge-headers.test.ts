/**
 * End-to-end, the request edge as a real browser meets it (Debian's Chromium): the Permissions-Policy
 * names only features Chromium knows (an unknown one is a console warning on every page), and the
 * browser names this site in the Origin of its form posts (under Referrer-Policy: no-referrer it sends
 * "Origin: null", which the anti-forgery check refuses), so a reader's forms go through.
 */
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { launchBrowser, startServer, texts, type RunningServer } from './browser';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext | undefined;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

test('no console message about the headers, and a form posted with this origin goes through', async () => {
  context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  const posts: Request[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST') posts.push(req);
  });

  await page.goto(`${server.baseUrl}/drafts/new`);
  const t = texts('en');
  await page.getByLabel(t('pages.newDraft.party.label')).selectOption('BT');
  await Promise.all([
    page.waitForURL(/\/drafts\/new\/treaties\?party=BT$/),
    page.getByRole('button', { name: t('pages.common.continue') }).click(),
  ]);

  expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe(
    t('pages.errorPages.forbidden.title'),
  );
  expect(posts).toHaveLength(1);
  expect(await posts[0]!.headerValue('origin')).toBe(server.baseUrl);
  expect(messages.filter((m) => /permissions-policy|feature/i.test(m))).toEqual([]);
});
