/**
 * End-to-end: the drafter shares the Bhutan draft with a translator, who works in another browser, with
 * pages in Arabic (right to left), and translates the answers into French and into Arabic; the drafter
 * then downloads the final French and Arabic instruments and notifications, read back with nothing left
 * untranslated, and the final bilingual Arabic–English instrument, both texts side by side. axe-core and a
 * screenshot on every page visited (test-artifacts/screenshots/<test>/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { PATHS } from '../../server/paths';
import { SAMPLE_ARABIC, SAMPLE_FRENCH } from '../support/translations';
import { docxText, launchBrowser, startServer, texts, type RunningServer } from './browser';
import { Journey } from './steps';

jest.setTimeout(180_000);

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function person(name: string, lng: 'en' | 'ar'): Promise<Journey> {
  const context = await browser.newContext({
    locale: lng === 'ar' ? 'ar' : 'en-GB',
    viewport: { width: 1024, height: 768 },
    acceptDownloads: true,
  });
  contexts.push(context);
  return new Journey(await context.newPage(), lng, `translator-${name}`);
}

/** Fill each answer of a language's translation page from a dictionary, by the source its hint shows. */
async function translateAll(j: Journey, dictionary: Readonly<Record<string, string>>): Promise<number> {
  const hints = j.page.locator('.hint[lang="en"]');
  let filled = 0;
  for (let i = 0; i < (await hints.count()); i++) {
    const hint = hints.nth(i);
    const id = ((await hint.getAttribute('id')) ?? '').replace(/-hint$/, '');
    const text = dictionary[((await hint.textContent()) ?? '').trim()];
    if (text === undefined) continue; // a name of a person, printed as typed
    await j.page.locator(`[id="${id}"]`).fill(text);
    filled++;
  }
  return filled;
}

test('a translator with a link translates the draft into French and Arabic; the final documents, bilingual Arabic–English too, hold no English', async () => {
  // The drafter's draft: Bhutan's example, made through the API as a ministry's system would.
  const created = await fetch(`${server.baseUrl}/api/v1/drafts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: fs.readFileSync(path.join(PATHS.root, 'examples', 'bhutan-accession.json')),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // The drafter makes a translator's link.
  const drafter = await person('drafter', 'en');
  drafter.draftPath = `/drafts/${id}`;
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}`);
  await drafter.expectOnTaskList();
  await drafter.navigate(drafter.link(drafter.t('pages.tasks.shareLink')));
  await drafter.expectHeading(drafter.t('pages.links.title'));
  await drafter.record('links');
  await drafter.page.getByLabel(drafter.t('pages.links.roles.translator'), { exact: true }).check();
  await drafter.page.getByLabel(drafter.t('pages.links.label'), { exact: true }).fill('Translation unit');
  await drafter.navigate(drafter.button(drafter.t('pages.links.create')));
  await drafter.record('link-created');
  const address = await drafter.page.locator('#address').inputValue();
  expect(address).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
  expect(address).not.toContain(id);

  // The translator, in another browser, reads the pages in Arabic.
  const translator = await person('translator', 'ar');
  await translator.page.goto(address);
  await translator.expectHeading(translator.t('pages.translate.overviewTitle'));
  expect(await translator.page.locator('html').getAttribute('dir')).toBe('rtl');
  await translator.record('overview');
  expect(await translator.page.content()).not.toContain(id);

  for (const [lng, dictionary] of [
    ['fr', SAMPLE_FRENCH],
    ['ar', SAMPLE_ARABIC],
  ] as const) {
    const language = translator.t(`languages.${lng}`);
    await translator.navigate(translator.link(language));
    await translator.expectHeading(translator.t('pages.translate.title', { language }));
    await translator.record(`translate-${lng}`);
    expect(await translateAll(translator, dictionary)).toBe(11);
    await translator.navigate(translator.button(translator.t('pages.translate.save')));
    await translator.expectHeading(translator.t('pages.translate.overviewTitle'));
    await translator.record(`saved-${lng}`);
    expect(await translator.page.locator('main').textContent()).toContain(
      translator.t('pages.translate.progress_other', { translated: 11, count: 11, stale: 0 }),
    );
  }

  // The drafter downloads the final documents in French and in Arabic.
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}/documents`);
  for (const lng of ['fr', 'ar'] as const) {
    await drafter.showDocuments('final', lng);
    await drafter.record(`documents-final-${lng}`);
    expect(await drafter.page.getByText(drafter.t('pages.documents.blockedTitle')).count()).toBe(0);
    const marker = texts(lng)('documents:toBeTranslated', { source: '' }).slice(0, 4);
    const expected = {
      fr: ['Thimphou', 'Bureau du Procureur général'],
      ar: ['تيمفو', 'مكتب النائب العام'],
    }[lng];
    for (const [name, translated] of [
      [drafter.instrumentLink('untoc', 'accession'), expected[0]],
      [drafter.link(drafter.t('pages.documents.notifications')), expected[1]],
    ] as const) {
      const { file } = await drafter.visits.download(name);
      const text = (await docxText(file)).replace('Asia/Thimphu', '');
      // Every English answer, but one its translation writes the same ("Chang Lam" in French).
      const dictionary = lng === 'fr' ? SAMPLE_FRENCH : SAMPLE_ARABIC;
      const english = Object.keys(SAMPLE_ARABIC).filter(
        (source) => dictionary[source] !== source && text.includes(source),
      );
      expect({ file: path.basename(file), english, marker: text.includes(marker) }).toEqual({
        file: path.basename(file),
        english: [],
        marker: false,
      });
      expect(text).toContain(translated);
    }
  }

  // The bilingual instrument: Arabic with an English parallel text, final, one language per column.
  await drafter
    .group(drafter.t('pages.documents.parallelLegend'))
    .getByLabel('English', { exact: true })
    .check();
  await drafter.navigate(drafter.button(drafter.t('pages.documents.apply')));
  await drafter.record('documents-final-ar-en');
  expect(await drafter.page.getByText(drafter.t('pages.documents.blockedTitle')).count()).toBe(0);
  const { file } = await drafter.visits.download(drafter.instrumentLink('untoc', 'accession'));
  const bilingual = await docxText(file);
  expect(bilingual).toContain(texts('ar')('legal:treaties.untoc.name'));
  expect(bilingual).toContain(texts('en')('legal:treaties.untoc.name'));
  expect(bilingual).toContain('تيمفو');
  expect(bilingual).toContain('Thimphu');
  for (const marker of ['[to be', texts('ar')('documents:toBeTranslated', { source: '' }).slice(0, 4)])
    expect(bilingual).not.toContain(marker);

  expect([...drafter.visits.violations, ...translator.visits.violations]).toEqual([]);
});
