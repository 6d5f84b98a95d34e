/**
 * Bilingual documents (?lang=ar,en): the instrument, the notifications and the full powers with both
 * texts side by side, one language per column, read back from the .docx's XML (JSZip): a borderless
 * table of two columns, the first in Arabic (right to left), the second in English; final only once
 * both languages are complete; the bundle; a 400 for anything but two different languages; and the
 * documents page's choice of a parallel text, its links and its list of what either language lacks.
 */
import JSZip from 'jszip';
import request from 'supertest';
import {
  attachmentName,
  bilingualTables,
  columns,
  docxText,
  expectApiError,
  postForBytes,
  postJson,
  runText,
} from './helpers';
import {
  checkedValues,
  errorSummary,
  expectedString,
  hrefs,
  htmlLangDir,
  JourneyClient,
  redirectOf,
  textOf,
  type Draft,
} from './journey-helpers';
import {
  bhutanWithFullPowers,
  createTestApp,
  DOCX_MIME,
  draftThroughApi,
  samplePackage,
  type TestApp,
} from './test-app';
import { inArabic, SAMPLE_ARABIC } from '../support/translations';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const ARABIC_UNTOC = 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية';
const ENGLISH_UNTOC = 'United Nations Convention against Transnational Organized Crime';
const ARABIC_LETTER = /[\u0600-\u06FF]/;

async function bilingual(url: string, body: unknown) {
  const { res, bytes } = await postForBytes(t.app, url, body);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain(DOCX_MIME);
  return { res, bytes, tables: await bilingualTables(bytes) };
}

describe('a bilingual instrument, Arabic and English (?lang=ar,en)', () => {
  test('final, once the answers are translated: two borderless columns, Arabic first (right to left), English second, aligned block by block', async () => {
    const { res, bytes, tables } = await bilingual(
      '/api/v1/documents/instrument?treaty=untoc&lang=ar,en&mode=final',
      inArabic(samplePackage('bhutan-accession')),
    );
    expect(attachmentName(res)).toBe('instrument-untoc-accession-bt-ar-en.docx');
    expect(res.headers['content-language']).toBe('ar, en');
    expect(tables).toHaveLength(1);
    const [table] = tables;
    // Two columns, no borders, laid out from the right: the Arabic column is where its reader starts.
    expect(columns(table!.xml)).toBe(2);
    expect(table!.xml).toContain('<w:bidiVisual/>');
    expect(table!.xml).not.toMatch(/<w:(top|bottom|left|right|insideH|insideV) w:val="single"/);
    const rows = table!.rows;
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toHaveLength(2);

    const arabic = rows.map((row) => row[0]!);
    const english = rows.map((row) => row[1]!);
    // The title row: each language's title, in its own direction.
    expect(runText(arabic[0]!)).toBe('صك انضمام');
    expect(runText(english[0]!)).toBe('INSTRUMENT OF ACCESSION');
    expect(arabic[0]).toContain('<w:bidi/>');
    expect(arabic[0]).toContain('<w:rtl/>');
    expect(english[0]).not.toContain('<w:bidi/>');
    // Each run says its language.
    expect(arabic[0]).toContain('w:bidi="ar-SA"');
    expect(english[0]).toContain('w:val="en-GB"');
    // The whole columns: Arabic with the Arabic treaty title and the answers' translations, English as typed.
    const arabicText = arabic.map(runText).join('\n');
    const englishText = english.map(runText).join('\n');
    expect(arabicText).toContain(ARABIC_UNTOC);
    expect(arabicText).toContain(
      SAMPLE_ARABIC['Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan'],
    );
    expect(arabicText).not.toContain('Minister');
    expect(arabicText).not.toContain(ENGLISH_UNTOC);
    expect(englishText).toContain(ENGLISH_UNTOC);
    expect(englishText).toContain('Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan');
    expect(englishText).not.toMatch(ARABIC_LETTER);
    // Row by row: a recital beside its recital, the signature beside the signature.
    const whereas = english.findIndex((cell) => runText(cell).startsWith('WHEREAS'));
    expect(whereas).toBeGreaterThan(0);
    expect(runText(arabic[whereas]!)).toContain(ARABIC_UNTOC);
    // Nothing untranslated, no marker, in either column.
    const all = await docxText(bytes);
    expect(all).not.toMatch(/to be translated|to be completed|\[/);
    expect(all).not.toMatch(/يترجم|يستكمل/);
  });

  test('the notifications and the full powers are bilingual too; the footer gives the page in both languages', async () => {
    const withFullPowers = inArabic(bhutanWithFullPowers());
    const powers = await bilingual('/api/v1/documents/full-powers?lang=en,ar&mode=final', withFullPowers);
    expect(attachmentName(powers.res)).toBe('full-powers-bt-en-ar.docx');
    // English first: the table runs left to right, the English column first, the Arabic second.
    expect(powers.tables[0]!.xml).not.toContain('<w:bidiVisual/>');
    const [en, ar] = powers.tables[0]!.rows[0]!;
    expect(runText(en!)).toBe('FULL POWERS');
    expect(ar).toContain('<w:bidi/>');
    expect(runText(ar!)).toMatch(ARABIC_LETTER);
    const zip = await JSZip.loadAsync(powers.bytes);
    const footer = await zip.file('word/footer1.xml')!.async('string');
    expect(runText(footer)).toContain('Page');
    expect(runText(footer)).toMatch(ARABIC_LETTER);

    const notes = await bilingual(
      '/api/v1/documents/notifications?lang=ar,en&mode=draft',
      samplePackage('bhutan-accession'),
    );
    expect(attachmentName(notes.res)).toBe('notifications-bt-ar-en-draft.docx');
    // Each authority's directory entry is a table inside its column's cell.
    const cells = notes.tables.flatMap((table) => table.rows.flat());
    expect(
      cells.some((cell) => cell.includes('Office of the Attorney General') && cell.includes('<w:tbl>')),
    ).toBe(true);
  });

  test('a draft marks each untranslated answer in the Arabic column, and only there', async () => {
    const { tables } = await bilingual(
      '/api/v1/documents/instrument?treaty=untoc&lang=ar,en&mode=draft',
      samplePackage('bhutan-accession'),
    );
    const arabic = tables.flatMap((table) => table.rows.map((row) => runText(row[0]!))).join('\n');
    const english = tables.flatMap((table) => table.rows.map((row) => runText(row[1]!))).join('\n');
    expect(arabic).toContain('Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan');
    expect(arabic).toMatch(/\[[^\]]*Minister for Foreign Affairs and External Trade/);
    expect(english).not.toContain('[');
  });

  test('final is refused (422) while Arabic answers are untranslated, naming each and its language', async () => {
    const res = await postJson(
      t.app,
      '/api/v1/documents/instrument?treaty=untoc&lang=en,ar&mode=final',
      samplePackage('bhutan-accession'),
    );
    // The first language speaks the messages (English here).
    const error = expectApiError(res, 422, 'final_refused');
    const messages = error.issues.map((i) => i.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /Signer's title \(“Minister for Foreign Affairs .*”\) is not yet translated into Arabic/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/“Thimphu”.*not yet translated into Arabic/));
    // Only the untranslated answers: English needs nothing.
    expect(error.issues.every((i) => i.code === 'translation.untranslated')).toBe(true);
    // Both orders wait alike; Arabic first speaks Arabic.
    const reversed = await postJson(
      t.app,
      '/api/v1/documents/notifications?lang=ar,en&mode=final',
      samplePackage('bhutan-accession'),
    );
    const arabic = expectApiError(reversed, 422, 'final_refused');
    expect(arabic.detail).toMatch(ARABIC_LETTER);
    expect(arabic.issues.length).toBe(error.issues.length);
  });

  test('what both languages lack is listed once', async () => {
    // Translated, but without its authorities: the same items are missing in either language.
    const incomplete = { ...inArabic(samplePackage('bhutan-accession')), authorities: [] };
    const url = '/api/v1/documents/notifications?mode=final&lang=';
    const single = expectApiError(await postJson(t.app, `${url}en`, incomplete), 422, 'final_refused');
    const both = expectApiError(await postJson(t.app, `${url}en,ar`, incomplete), 422, 'final_refused');
    expect(single.issues.length).toBeGreaterThan(0);
    expect(both.issues.map((i) => i.message)).toEqual(single.issues.map((i) => i.message));
  });
});

describe('the bundle in two languages', () => {
  test('holds the bilingual instruments and notifications, the checklist in the first language', async () => {
    const { res, bytes } = await postForBytes(
      t.app,
      '/api/v1/documents/bundle?lang=ar,en&mode=final',
      inArabic(samplePackage('bhutan-accession')),
    );
    expect(res.status).toBe(200);
    expect(attachmentName(res)).toBe('bundle-bt-ar-en.zip');
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'instrument-untoc-accession-bt-ar-en.docx',
        'notifications-bt-ar-en.docx',
        'checklist-bt-ar.docx',
        'checklist-bt-ar.html',
        'package.json',
      ]),
    );
    const notifications = await bilingualTables(
      await zip.file('notifications-bt-ar-en.docx')!.async('nodebuffer'),
    );
    expect(columns(notifications[0]!.xml)).toBe(2);
  });
});

describe('?lang= takes one language, or two different ones', () => {
  // English first, so that the message is in English (the first language speaks the messages).
  test.each(['en,en', 'en,xx', 'en,ar,fr', 'en,', ',en', 'EN, EN'])('lang=%s is a 400', async (lang) => {
    const res = await postJson(
      t.app,
      `/api/v1/documents/instrument?treaty=untoc&lang=${encodeURIComponent(lang)}`,
      samplePackage('bhutan-accession'),
    );
    const error = expectApiError(res, 400, 'invalid_parameter');
    expect(error.detail).toContain('two different languages separated by a comma');
  });

  test('the checklist is in one language: lang=en,ar is a 400 that says so', async () => {
    const res = await postJson(
      t.app,
      '/api/v1/documents/checklist?lang=en,ar',
      samplePackage('bhutan-accession'),
    );
    expect(expectApiError(res, 400, 'invalid_parameter').detail).toContain(
      'checklist is produced in one language',
    );
  });

  test('upper case and spaces are read as the codes', async () => {
    const { res } = await postForBytes(
      t.app,
      '/api/v1/documents/notifications?lang=FR,%20en',
      samplePackage('bhutan-accession'),
    );
    expect(res.status).toBe(200);
    expect(attachmentName(res)).toBe('notifications-bt-fr-en-draft.docx');
  });
});

describe('the documents page offers a parallel text', () => {
  const draftOf = (pkg: Record<string, unknown>): Promise<Draft> => draftThroughApi(t.app, pkg);

  test('none by default; each language named in itself; in Arabic the page is right to left', async () => {
    const draft = await draftOf(samplePackage('bhutan-accession'));
    const c = new JourneyClient(t.app);
    const res = await c.get(`${draft.url}/documents?mode=draft&doclang=ar&lang=ar`);
    expect(res.status).toBe(200);
    expect(htmlLangDir(res.text)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(checkedValues(res.text, 'doclang2')).toEqual(['none']);
    expect(textOf(res.text)).toContain(expectedString('ar', 'pages.documents.parallelLegend'));
    // A labelled radio per language, its label in that language.
    expect(res.text).toMatch(/<input [^>]*id="doclang2-en" name="doclang2" type="radio" value="en"/);
    expect(res.text).toMatch(/<label [^>]*for="doclang2-en"[^>]*lang="en"/);
    // The downloads are in one language.
    expect(hrefs(res.text).filter((h) => h.includes('doclang2'))).toEqual([]);
  });

  test('with doclang2, the links download bilingual documents; the checklist stays in the first language', async () => {
    const draft = await draftOf(samplePackage('bhutan-accession'));
    const c = new JourneyClient(t.app);
    const res = await c.get(`${draft.url}/documents?mode=draft&doclang=ar&doclang2=en`);
    expect(checkedValues(res.text, 'doclang2')).toEqual(['en']);
    expect(textOf(res.text)).toContain(
      expectedString('en', 'pages.documents.parallelNote', { first: 'Arabic', second: 'English' }),
    );
    const links = hrefs(res.text);
    const instrument = `${draft.url}/documents/instrument?mode=draft&doclang=ar&doclang2=en&treaty=untoc`;
    expect(links).toContain(instrument);
    expect(links).toContain(`${draft.url}/documents/bundle?mode=draft&doclang=ar&doclang2=en`);
    const { res: download, bytes } = await c.getBytes(instrument);
    expect(download.status).toBe(200);
    expect(attachmentName(download)).toBe('instrument-untoc-accession-bt-ar-en-draft.docx');
    const [table] = await bilingualTables(bytes);
    expect(columns(table!.xml)).toBe(2);
    expect(runText(table!.rows[0]![0]!)).toBe('صك انضمام');
    expect(runText(table!.rows[0]![1]!)).toBe('INSTRUMENT OF ACCESSION');
    const checklist = links.find((h) => h.includes('/documents/checklist?'))!;
    const { res: checklistRes } = await c.getBytes(checklist);
    expect(attachmentName(checklistRes)).toBe('checklist-bt-ar-draft.docx');
  });

  test('a parallel text in the same language as the first is none', async () => {
    const draft = await draftOf(samplePackage('bhutan-accession'));
    const res = await new JourneyClient(t.app).get(
      `${draft.url}/documents?mode=draft&doclang=en&doclang2=en`,
    );
    expect(checkedValues(res.text, 'doclang2')).toEqual(['none']);
    expect(hrefs(res.text).filter((h) => h.includes('doclang2'))).toEqual([]);
  });

  test('final waits for both languages: each untranslated answer listed, linked to its language’s translation page', async () => {
    const draft = await draftOf(samplePackage('bhutan-accession'));
    const c = new JourneyClient(t.app);
    // English first, Arabic second: the Arabic answers are what is missing.
    const res = await c.get(`${draft.url}/documents?mode=final&doclang=en&doclang2=ar`);
    expect(textOf(res.text)).toContain(expectedString('en', 'pages.documents.blockedTitle'));
    const summary = errorSummary(res.text);
    expect(summary.length).toBeGreaterThan(5);
    for (const link of summary) {
      expect(link.href.startsWith(`${draft.url}/translate/ar#`)).toBe(true);
      expect(link.text).toContain('not yet translated into Arabic');
    }
    // The note and the way to translate, for Arabic only (English needs nothing).
    expect(hrefs(res.text)).toContain(`${draft.url}/translate/ar`);
    expect(hrefs(res.text)).not.toContain(`${draft.url}/translate/en`);
    // A final download asked for anyway comes back to the page, keeping both languages.
    const download = await c.get(`${draft.url}/documents/notifications?mode=final&doclang=en&doclang2=ar`);
    expect(download.status).toBe(303);
    expect(redirectOf(download)).toBe(`${draft.url}/documents?mode=final&doclang=en&doclang2=ar`);
  });

  test('once the Arabic answers are translated, the final bilingual documents download, nothing untranslated', async () => {
    const draft = await draftOf(samplePackage('bhutan-accession'));
    // Translated as the API allows: the draft's package (its entries now have the draft's ids), in Arabic.
    const stored = await request(t.app).get(`/api/v1/drafts/${draft.id}`);
    const put = await request(t.app)
      .put(`/api/v1/drafts/${draft.id}`)
      .set({ 'Content-Type': 'application/json', 'If-Match': stored.headers.etag as string })
      .send(inArabic((stored.body as { package: Record<string, unknown> }).package));
    expect(put.status).toBe(200);
    const c = new JourneyClient(t.app);
    const res = await c.get(`${draft.url}/documents?mode=final&doclang=ar&doclang2=en`);
    expect(errorSummary(res.text)).toEqual([]);
    const notifications = hrefs(res.text).find((h) => h.includes('/documents/notifications?'))!;
    const { res: download, bytes } = await c.getBytes(notifications);
    expect(download.status).toBe(200);
    expect(attachmentName(download)).toBe('notifications-bt-ar-en.docx');
    const tables = await bilingualTables(bytes);
    const arabic = tables.flatMap((table) => table.rows.map((row) => runText(row[0]!))).join('\n');
    expect(arabic).toContain(SAMPLE_ARABIC['Office of the Attorney General']);
    expect(arabic).not.toContain('Office of the Attorney General');
    expect(await docxText(bytes)).not.toContain('[');
  });
});
