/**
 * End-to-end, in Arabic (right to left), the answers for a translators' tool (journey/xliff.ts): the
 * translation page's link downloads the XLIFF file; a file refused shows its error on the import page;
 * the file filled as a CAT tool would is uploaded through the page's file field and the translation
 * page says how many were imported. axe-core checks every page.
 */
import fs from 'node:fs';
import request from 'supertest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, startServer, texts, Visits, type RunningServer } from './browser';
import { samplePackage } from '../http/test-app';

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

test('download, a refused file, then the translated file imported, in Arabic', async () => {
  const created = await request(server.testApp.app)
    .post('/api/v1/drafts')
    .set('Content-Type', 'application/json')
    .send(samplePackage('bhutan-accession'));
  const url = `${server.baseUrl}/drafts/${(created.body as { id: string }).id}`;
  context = await browser.newContext({ locale: 'ar', acceptDownloads: true });
  const page = await context.newPage();
  const visits = new Visits(page, 'xliff-arabic');
  const t = texts('ar');

  await page.goto(`${url}/translate/fr?lang=ar`);
  expect(await page.evaluate<string>('document.documentElement.dir')).toBe('rtl');
  await visits.record('translation page');
  const { file } = await visits.download(page.getByRole('link', { name: t('pages.xliff.download') }));
  const xml = fs.readFileSync(file, 'utf8');
  expect(xml).toContain('urn:oasis:names:tc:xliff:document:1.2');

  await visits.navigate(page.getByRole('link', { name: t('pages.xliff.importLink') }));
  await visits.record('import page');
  await page.getByLabel(t('pages.xliff.import.file')).setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a translation file'),
  });
  await visits.navigate(page.getByRole('button', { name: t('pages.xliff.import.submit') }));
  expect(await page.locator('.error-summary').textContent()).toContain(t('pages.xliff.errors.notXml'));
  await visits.record('import page with an error');

  const filled = xml.replace(
    '>Thimphu</source>',
    '>Thimphu</source>\n      <target xml:lang="fr-FR" state="translated">Thimphou</target>',
  );
  await page.getByLabel(t('pages.xliff.import.file')).setInputFiles({
    name: 'translated.xlf',
    mimeType: 'application/xliff+xml',
    buffer: Buffer.from(filled),
  });
  await visits.navigate(page.getByRole('button', { name: t('pages.xliff.import.submit') }));
  expect(page.url()).toMatch(/\/translate\/fr\?imported=1$/);
  expect(await page.locator('.notification-banner').textContent()).toContain(
    t('pages.xliff.done.line', { count: 1 }),
  );
  expect(await page.locator('#signing\\.place').inputValue()).toBe('Thimphou');
  await visits.record('translation page after the import');
  visits.assertNoViolations();
});
