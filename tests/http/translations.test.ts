/**
 * GET /translations: where each language's translation of the service's strings stands, in the reader's
 * language, figures read from the locale and status files (server/i18n/translation-status.ts).
 */
import request from 'supertest';
import { NAMESPACES, SUPPORTED_LANGUAGES, profileOf } from '../../server/i18n';
import { SOURCE_LANGUAGE } from '../../server/i18n/languages';
import { languageReport } from '../../server/i18n/translation-status';
import { noneReviewed } from '../../server/http/journey/translations';
import { PATHS } from '../../server/paths';
import { byTag, parseHtml, textContent, type HtmlElement } from '../unit/support/html';
import { expectedString } from './journey-helpers';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const TRANSLATIONS = SUPPORTED_LANGUAGES.filter((lng) => lng !== SOURCE_LANGUAGE);

/** A table's body as rows of cell texts (the row header first). */
function rows(table: HtmlElement): string[][] {
  const body = byTag(table, 'tbody')[0]!;
  return byTag(body, 'tr').map((tr) =>
    tr.children
      .filter((c): c is HtmlElement => typeof c !== 'string' && (c.tag === 'th' || c.tag === 'td'))
      .map((c) => textContent(c).trim()),
  );
}

describe('GET /translations', () => {
  test.each(SUPPORTED_LANGUAGES)('in %s: one table per translation, with its figures', async (lng) => {
    const res = await request(t.app).get(`/translations?lang=${lng}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe(lng);
    const doc = parseHtml(res.text);
    expect(textContent(byTag(doc, 'h1')[0]!).trim()).toBe(expectedString(lng, 'pages.translations.title'));
    // Each language's name in itself, isolated (<bdi>) with its lang: "Français" in an Arabic page.
    const languages = byTag(doc, 'h2').flatMap((h) => byTag(h, 'bdi'));
    expect(languages.map((b) => [b.attrs.get('lang'), textContent(b).trim()])).toEqual(
      TRANSLATIONS.map((code) => [code, profileOf(code).nativeName]),
    );
    const tables = byTag(doc, 'table');
    expect(tables).toHaveLength(TRANSLATIONS.length);
    tables.forEach((table, i) => {
      const report = languageReport(PATHS.locales, TRANSLATIONS[i]!, NAMESPACES, SOURCE_LANGUAGE);
      expect(rows(table)).toEqual(
        report.map((n) => [
          expectedString(lng, `pages.translations.namespaces.${n.namespace}`),
          `${n.units}`,
          `${n.translated}`,
          `${n.missing.length}`,
          `${n.stale.length}`,
          `${n.notReviewed}`,
          `${n.wordsToTranslate}`,
        ]),
      );
    });
  });

  test('names the stale sentences: the retention sentence, reworded in English after it was translated', async () => {
    const res = await request(t.app).get('/translations?lang=en');
    const codes = byTag(parseHtml(res.text), 'code').map((c) => textContent(c));
    for (const lng of TRANSLATIONS)
      expect(languageReport(PATHS.locales, lng, NAMESPACES, SOURCE_LANGUAGE)[0]?.stale).toContain(
        'pages.home.retention',
      );
    expect(codes.filter((c) => c === 'common:pages.home.retention')).toHaveLength(TRANSLATIONS.length);
  });

  test('says every translation is a draft while none is reviewed, and only then', async () => {
    const reports = TRANSLATIONS.map((lng) => ({
      lng,
      namespaces: languageReport(PATHS.locales, lng, NAMESPACES, SOURCE_LANGUAGE),
    }));
    const res = await request(t.app).get('/translations?lang=en');
    expect(res.text.includes(expectedString('en', 'pages.translations.notReviewed'))).toBe(
      noneReviewed(reports),
    );
    expect(noneReviewed(reports)).toBe(true);
    const oneReviewed = reports.map((r, i) =>
      i === 0
        ? { ...r, namespaces: r.namespaces.map((n, j) => (j === 0 ? { ...n, notReviewed: n.units - 1 } : n)) }
        : r,
    );
    expect(noneReviewed(oneReviewed)).toBe(false);
  });

  test('the start page links to it', async () => {
    const res = await request(t.app).get('/?lang=fr');
    expect(res.text).toContain(
      `<a class="link" href="/translations">${expectedString('fr', 'pages.home.translationsLink')}</a>`,
    );
  });
});
