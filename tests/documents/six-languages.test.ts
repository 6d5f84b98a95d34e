/**
 * Issue 8, "Documents in all six languages": Bhutan's sample (examples/bhutan-accession.json) drafted
 * through the real API in Arabic, Chinese, English, French, Russian and Spanish, the UN languages the
 * Convention and its Protocols are authentic in (UNTOC art. 41(2)).
 *
 * 1. The text (mammoth): the official treaty titles (catalogue/treaties.ts), the UN formal name of Bhutan
 *    in the language and in its grammatical form (catalogue/un-names.ts: the sample's "the Kingdom of
 *    Bhutan" is the UN's English formal name, so other languages print theirs), dates as the UN writes
 *    them (the profile's formatDate), no "to be completed" marker, and no English wording left in an
 *    Arabic, Chinese or Russian instrument beyond what the package typed (names, titles, places).
 * 2. The XML (jszip): right-to-left paragraphs, runs and tables in Arabic (ECMA-376 Part 1, §17.3.1.6
 *    bidi, §17.3.2.30 rtl, §17.4.1 bidiVisual), the East Asian font hint on every Chinese run (§17.3.2.26),
 *    each language's w:lang (§17.3.2.20), and neither in the left-to-right documents.
 * 3. LibreOffice: the instrument in the six languages (and the checklist in Arabic and Chinese, and the
 *    Arabic notifications) converted to PDF, one soffice run with its own profile per language, read back
 *    with pdftotext (the official title; Arabic compared tolerantly, see `comparable`), with pdffonts
 *    naming an embedded font that covers Chinese and Arabic, and the typed telephone numbers and address
 *    of an Arabic directory entry laid out in their own order.
 * 4. The HTML checklist: lang and dir on its root, and English quotes marked left to right in Arabic.
 *
 * Documents are drafted once per kind and language and shared by the tests (`docx`).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TREATIES, type TreatyId } from '../../server/catalogue';
import { unShortName } from '../../server/catalogue/un-names';
import { PROFILES, UN_LANGUAGE_CODES, type Language } from '../../server/i18n/languages';
import { docxText, paragraphs, postForBytes, postJson } from '../http/helpers';
import {
  bhutanWithFullPowers,
  createTestApp,
  DOCX_MIME,
  FIXED_NOW,
  samplePackage,
  type TestApp,
} from '../http/test-app';
import { translatedPackage } from '../support/translations';
import { docxPart, i18n } from './helpers';

const run = promisify(execFile);

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const LANGUAGES: readonly Language[] = UN_LANGUAGE_CODES;
/** The languages whose script is not Latin: any Latin letter in their documents is typed or left over. */
const NON_LATIN: readonly Language[] = ['ar', 'zh', 'ru'];
const LEFT_TO_RIGHT: readonly Language[] = LANGUAGES.filter((lng) => PROFILES[lng].direction === 'ltr');

// ---------------------------------------------------------------------------------------------------
// What each language must print

/**
 * "The Government of" + Bhutan's UN formal name, as a sentence's subject: French and Spanish contract
 * "de" with the article (« du Royaume », "del Reino"), Russian declines the name after «Правительство»,
 * Arabic (إضافة) and Chinese ("…政府") place the name itself.
 */
const GOVERNMENT_OF_BHUTAN: Record<Language, string> = {
  ar: 'حكومة مملكة بوتان',
  zh: '不丹王国政府',
  en: 'the Government of the Kingdom of Bhutan',
  fr: 'le Gouvernement du Royaume du Bhoutan',
  ru: 'Правительство Королевства Бутан',
  es: 'el Gobierno del Reino de Bhután',
};

/** The name in the form it takes after "of" / "on behalf of" (the full powers). */
const OF_BHUTAN: Record<Language, string> = {
  ar: 'حكومة مملكة بوتان',
  zh: '不丹王国政府',
  en: 'of the Government of the Kingdom of Bhutan',
  fr: 'du Gouvernement du Royaume du Bhoutan',
  ru: 'Правительства Королевства Бутан',
  es: 'del Gobierno del Reino de Bhután',
};

/** 15 November 2000, the adoption of the Convention and its first two Protocols, as the UN writes it. */
const ADOPTED: Record<Language, string> = {
  ar: '15 تشرين الثاني/نوفمبر 2000',
  zh: '2000年11月15日',
  en: '15 November 2000',
  fr: '15 novembre 2000',
  ru: '15 ноября 2000 года',
  es: '15 de noviembre de 2000',
};

/** English words of the instrument's and notifications' wording that must not survive translation. */
const ENGLISH_WORDING = [
  'Government',
  'Convention',
  'Protocol',
  'accedes',
  'WHEREAS',
  'WITNESS',
  'declare',
  'undertakes',
  'New York',
  'Secretary-General',
  'article',
  'paragraph',
  'designates',
  'to be completed',
];

/** The Arabic letters (with the presentation forms) and the Latin ones. */
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
/** The marks and embeddings of the Unicode bidirectional algorithm (pdftotext adds them around RTL lines). */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Arabic-Indic and Eastern Arabic-Indic digits: UN Arabic writes 15, 2000 in Western digits. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]+/g;

// ---------------------------------------------------------------------------------------------------
// The packages and the documents

/** The fields whose text the user typed, printed as typed whatever the document's language. */
const TYPED_FIELDS = new Set([
  'name',
  'title',
  'unit',
  'lines',
  'city',
  'postcode',
  'phone',
  'email',
  'officeHours',
  'timeZone',
  'place',
]);

/** Every string the package typed in those fields, longest first (so that no shorter one splits it). */
function typedValues(pkg: unknown, key = ''): string[] {
  const found: string[] = [];
  const visit = (value: unknown, field: string) => {
    if (typeof value === 'string') {
      if (TYPED_FIELDS.has(field)) found.push(value);
    } else if (Array.isArray(value)) for (const item of value) visit(item, field);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(pkg, key);
  return [...new Set(found)].sort((a, b) => b.length - a.length);
}

/** The text with every typed value taken out: what is left is the product's own wording. */
function withoutTyped(text: string, pkg: unknown): string {
  return typedValues(pkg).reduce((rest, value) => rest.split(value).join(' '), text);
}

const KINDS = ['instrument-untoc', 'instrument-som', 'notifications', 'full-powers', 'checklist'] as const;
type Kind = (typeof KINDS)[number];

const URLS: Record<Kind, string> = {
  'instrument-untoc': 'instrument?treaty=untoc&',
  'instrument-som': 'instrument?treaty=som&',
  notifications: 'notifications?',
  'full-powers': 'full-powers?',
  checklist: 'checklist?',
};

/**
 * The package drafted in `lng`: its postal addresses "translated" as written, in Latin letters, as
 * addresses for international mail often are (so that the Arabic documents hold typed left-to-right text
 * inside right-to-left lines); its other answers not translated (each with the "to be translated" marker).
 */
function packageFor(kind: Kind, lng: Language): Record<string, unknown> {
  const pkg = kind === 'full-powers' ? bhutanWithFullPowers() : samplePackage('bhutan-accession');
  const asWritten = new Set(['Post Box 1045', 'Thimphu', 'Chang Lam']);
  return translatedPackage(pkg, lng, (source) => (asWritten.has(source) ? source : undefined));
}

const fetched = new Map<string, Promise<Buffer>>();

/** The .docx of a kind in a language, drafted through the API once and kept for every test. */
function docx(kind: Kind, lng: Language): Promise<Buffer> {
  const key = `${kind}/${lng}`;
  let bytes = fetched.get(key);
  if (bytes === undefined) {
    bytes = (async () => {
      const { res, bytes: body } = await postForBytes(
        t.app,
        `/api/v1/documents/${URLS[kind]}lang=${lng}&mode=draft`,
        packageFor(kind, lng),
      );
      if (res.status !== 200 || res.headers['content-type'] !== DOCX_MIME)
        throw new Error(`${kind} in ${lng}: ${res.status} ${body.toString('utf8').slice(0, 500)}`);
      return body;
    })();
    fetched.set(key, bytes);
  }
  return bytes;
}

/** The document's paragraphs as mammoth reads them. */
async function read(kind: Kind, lng: Language): Promise<string[]> {
  return paragraphs(await docxText(await docx(kind, lng)));
}

/** The start of the language's "[to be completed: ...]" marker ("[to be completed: ", "［待填写："). */
function markerStart(lng: Language): string {
  const [start] = i18n.t(lng)('documents:marker', { what: '@@what@@' }).split('@@what@@');
  if (!start) throw new Error(`documents:marker in ${lng} does not start with text`);
  return start;
}

const title = (treaty: TreatyId, lng: Language) => TREATIES[treaty].titles[lng].text;
const date = (iso: string, lng: Language) => PROFILES[lng].formatDate(iso);

// ---------------------------------------------------------------------------------------------------
// 1. What the documents say

describe('the text of each document, in each language', () => {
  test.each(LANGUAGES)('%s: the profile writes the adoption date as the UN does', (lng) => {
    expect(date(TREATIES.untoc.adoptedBy.date, lng)).toBe(ADOPTED[lng]);
  });

  test.each(LANGUAGES)(
    '%s: the instrument for the Convention recites its official title and its adoption date, and names the Government of Bhutan by its UN formal name',
    async (lng) => {
      const paras = await read('instrument-untoc', lng);
      const text = paras.join('\n');
      // The WHEREAS recital follows the title: the treaty, then where and when it was adopted.
      expect(paras[1]).toContain(title('untoc', lng));
      expect(paras[1]).toContain(date(TREATIES.untoc.adoptedBy.date, lng));
      expect(text).toContain(GOVERNMENT_OF_BHUTAN[lng]);
      expect(text).not.toContain(markerStart(lng));
      expect(text).not.toContain('[to be completed');
    },
  );

  test.each(LANGUAGES)(
    "%s: the instrument for the Smuggling of Migrants Protocol recites the Protocol's official title and its adoption date",
    async (lng) => {
      const paras = await read('instrument-som', lng);
      expect(paras[1]).toContain(title('som', lng));
      expect(paras[1]).toContain(date(TREATIES.som.adoptedBy.date, lng));
      expect(paras.join('\n')).toContain(GOVERNMENT_OF_BHUTAN[lng]);
      expect(paras.join('\n')).not.toContain(markerStart(lng));
    },
  );

  test.each(LANGUAGES)(
    '%s: the notifications name the three treaties by their official titles, the Government of Bhutan, and the date of a designation',
    async (lng) => {
      const text = (await read('notifications', lng)).join('\n');
      for (const treaty of ['untoc', 'tip', 'som'] as const) expect(text).toContain(title(treaty, lng));
      expect(text).toContain(GOVERNMENT_OF_BHUTAN[lng]);
      // The Department of Immigration was designated on 4 January 2027 (the sample).
      expect(text).toContain(date('2027-01-04', lng));
      expect(text).not.toContain(markerStart(lng));
    },
  );

  test.each(LANGUAGES)(
    '%s: the full powers of a Permanent Representative name the three treaties, the Government of Bhutan in its form after "on behalf of", and their date',
    async (lng) => {
      const text = (await read('full-powers', lng)).join('\n');
      for (const treaty of ['untoc', 'tip', 'som'] as const) expect(text).toContain(title(treaty, lng));
      expect(text).toContain(OF_BHUTAN[lng]);
      expect(text).toContain(ADOPTED[lng]);
      expect(text).toContain(date('2027-01-05', lng));
      expect(text).toContain('Jane Envoy');
      expect(text).not.toContain(markerStart(lng));
    },
  );

  test.each(LANGUAGES)(
    '%s: the checklist names the Convention by its official title, Bhutan by its UN short name, and dates as the UN writes them',
    async (lng) => {
      const paras = await read('checklist', lng);
      const text = paras.join('\n');
      const shortName = unShortName('BT', lng);
      expect(shortName).toBeDefined();
      // "Bhutan: prepared on 1 December 2026".
      expect(paras[1]).toContain(shortName);
      expect(paras[1]).toContain(date(FIXED_NOW.slice(0, 10), lng));
      expect(text).toContain(title('untoc', lng));
      // Deposit planned on 15 January 2027; entry into force on the thirtieth day, 14 February 2027.
      expect(text).toContain(date('2027-01-15', lng));
      expect(text).toContain(date('2027-02-14', lng));
      expect(text).not.toContain(markerStart(lng));
    },
  );

  test.each(NON_LATIN)(
    '%s: the instruments leave no English: only the names, titles and place the package typed are in Latin script',
    async (lng) => {
      const pkg = samplePackage('bhutan-accession');
      for (const kind of ['instrument-untoc', 'instrument-som'] as const) {
        const text = (await read(kind, lng)).join('\n');
        expect({ kind, english: ENGLISH_WORDING.filter((word) => text.includes(word)) }).toEqual({
          kind,
          english: [],
        });
        expect({ kind, latin: withoutTyped(text, pkg).match(/[A-Za-z]+/g) ?? [] }).toEqual({
          kind,
          latin: [],
        });
      }
    },
  );

  test.each(NON_LATIN)('%s: the notifications and the full powers leave no English wording', async (lng) => {
    for (const kind of ['notifications', 'full-powers'] as const) {
      const text = withoutTyped((await read(kind, lng)).join('\n'), packageFor(kind, lng));
      expect({ kind, english: ENGLISH_WORDING.filter((word) => text.includes(word)) }).toEqual({
        kind,
        english: [],
      });
    }
  });

  test('ar: the notifications and the full powers have no Latin letter beyond what the package typed and UTC offsets (UN Arabic letters subparagraphs (أ), (ب))', async () => {
    for (const kind of ['notifications', 'full-powers'] as const) {
      // "(UTC+06:00)" after a typed IANA zone is language-neutral by design (catalogue/time-zones.ts).
      const text = withoutTyped((await read(kind, 'ar')).join('\n'), packageFor(kind, 'ar')).replace(
        /\(UTC[+\u2212-]\d{2}:\d{2}\)/g,
        '',
      );
      const latin = text
        .split('\n')
        .filter((line) => LATIN_LETTER.test(line))
        .map((line) => line.slice(0, 160));
      expect({ kind, latin }).toEqual({ kind, latin: [] });
    }
  });

  test('ar: every document writes its numbers in Western digits, as UN Arabic writes its dates', async () => {
    for (const kind of KINDS) {
      const text = (await read(kind, 'ar')).join('\n');
      const eastern = [...text.matchAll(EASTERN_DIGITS)].map((m) =>
        text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10),
      );
      expect({ kind, eastern }).toEqual({ kind, eastern: [] });
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. The XML: direction, fonts and languages

/** A run or a paragraph of WordprocessingML, with its properties and text. */
interface Element {
  readonly xml: string;
  readonly properties: string;
  readonly text: string;
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

/** Every w:r (not w:rPr, w:rFonts, w:rtl...), with its w:rPr and its text. */
function runs(xml: string): Element[] {
  return [...xml.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)].map((m) => ({
    xml: m[0],
    properties: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1] ?? '')?.[1] ?? '',
    text: textOf(m[1] ?? ''),
  }));
}

/** Every w:p (empty ones too), with its w:pPr and its text. */
function paragraphElements(xml: string): Element[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => ({
    xml: m[0],
    properties: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[1] ?? '')?.[1] ?? '',
    text: textOf(m[1] ?? ''),
  }));
}

/** The body and the footers: every part that holds the document's text. */
async function textParts(bytes: Buffer): Promise<string> {
  const body = await docxPart(bytes, 'word/document.xml');
  const footer = await docxPart(bytes, 'word/footer1.xml');
  return `${body}\n${footer}`;
}

/** The default run properties (w:docDefaults/w:rPrDefault/w:rPr) of styles.xml. */
function defaultRun(styles: string): string {
  const defaults = /<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(styles)?.[1];
  if (defaults === undefined) throw new Error('styles.xml has no default run properties');
  return defaults;
}

const DOCX_KINDS: readonly Kind[] = ['instrument-untoc', 'notifications', 'full-powers', 'checklist'];

describe('the XML of each document', () => {
  test.each(DOCX_KINDS)(
    'ar, %s: every paragraph of Arabic text (or of no letters) is bidirectional, every run of Arabic text right to left, every table laid out from the right',
    async (kind) => {
      const xml = await textParts(await docx(kind, 'ar'));
      const paras = paragraphElements(xml);
      expect(paras.length).toBeGreaterThan(5);
      // A paragraph wholly in Latin script (a typed name, an English quote) may run left to right.
      const rightToLeft = paras.filter((p) => ARABIC_LETTER.test(p.text) || !LATIN_LETTER.test(p.text));
      expect(rightToLeft.filter((p) => ARABIC_LETTER.test(p.text)).length).toBeGreaterThan(3);
      expect(
        rightToLeft.filter((p) => !/<w:bidi\/>/.test(p.properties)).map((p) => p.text.slice(0, 80) || p.xml),
      ).toEqual([]);

      const all = runs(xml);
      const arabic = all.filter((r) => ARABIC_LETTER.test(r.text));
      expect(arabic.length).toBeGreaterThan(3);
      expect(arabic.filter((r) => !/<w:rtl\/>/.test(r.properties)).map((r) => r.text)).toEqual([]);

      const tables = [...xml.matchAll(/<w:tblPr>([\s\S]*?)<\/w:tblPr>/g)].map((m) => m[1] ?? '');
      if (kind === 'notifications' || kind === 'checklist') expect(tables.length).toBeGreaterThan(0);
      expect(tables.filter((tblPr) => !/<w:bidiVisual\/>/.test(tblPr))).toEqual([]);
    },
  );

  test.each(DOCX_KINDS)(
    'ar, %s: runs holding only Latin text (typed names, titles, the e-mail address) are not marked right to left',
    async (kind) => {
      const all = runs(await textParts(await docx(kind, 'ar')));
      const latinOnly = all.filter((r) => LATIN_LETTER.test(r.text) && !ARABIC_LETTER.test(r.text));
      expect(latinOnly.length).toBeGreaterThan(0);
      expect(latinOnly.filter((r) => /<w:rtl\/>/.test(r.properties)).map((r) => r.text)).toEqual([]);
      if (kind === 'notifications') {
        const email = all.filter((r) => r.text.replace(BIDI_CONTROLS, '') === 'mla@example.bt');
        expect(email).toHaveLength(1);
        expect(email[0]?.properties).not.toContain('<w:rtl/>');
      }
    },
  );

  test('ar, notifications: the telephone numbers typed in Western digits are not marked right to left (Word would reverse their groups)', async () => {
    const all = runs(await textParts(await docx('notifications', 'ar')));
    const phones = ['+975 2 000 000', '+975 2 000 001'];
    const held = phones.map((phone) => {
      const holding = all.filter((r) => r.text.replace(BIDI_CONTROLS, '') === phone);
      return { phone, runs: holding.length, rtl: holding.some((r) => /<w:rtl\/>/.test(r.properties)) };
    });
    expect(held).toEqual(phones.map((phone) => ({ phone, runs: 1, rtl: false })));
  });

  test.each(DOCX_KINDS)(
    'ar, %s: Word proofs the text as Arabic (w:lang w:bidi="ar-SA") in the complex-script font and sizes',
    async (kind) => {
      const styles = await docxPart(await docx(kind, 'ar'), 'word/styles.xml');
      const defaults = defaultRun(styles);
      expect(defaults).toMatch(/<w:lang\b[^>]*\bw:bidi="ar-SA"/);
      expect(defaults).toMatch(new RegExp(`<w:rFonts\\b[^>]*\\bw:cs="${PROFILES.ar.fonts.complexScript}"`));
      expect(defaults).toMatch(/<w:szCs w:val="\d+"\/>/);
      // Every style that sets a size sets the complex-script size too: Arabic text is measured by w:szCs.
      const sized = [...styles.matchAll(/<w:rPr>([\s\S]*?)<\/w:rPr>/g)]
        .map((m) => m[1] ?? '')
        .filter((rPr) => /<w:sz w:val=/.test(rPr));
      expect(sized.length).toBeGreaterThan(3);
      expect(sized.filter((rPr) => !/<w:szCs w:val=/.test(rPr))).toEqual([]);
    },
  );

  test.each(DOCX_KINDS)(
    'zh, %s: every run hints the East Asian font, and Word proofs the text as Chinese (w:eastAsia="zh-CN")',
    async (kind) => {
      const bytes = await docx(kind, 'zh');
      const all = runs(await textParts(bytes));
      expect(all.length).toBeGreaterThan(5);
      expect(
        all
          .filter((r) => !/<w:rFonts\b[^>]*\bw:hint="eastAsia"/.test(r.properties))
          .map((r) => r.text || r.xml),
      ).toEqual([]);
      const defaults = defaultRun(await docxPart(bytes, 'word/styles.xml'));
      expect(defaults).toMatch(/<w:lang\b[^>]*\bw:eastAsia="zh-CN"/);
      expect(defaults).toMatch(new RegExp(`<w:rFonts\\b[^>]*\\bw:eastAsia="${PROFILES.zh.fonts.eastAsian}"`));
    },
  );

  test.each(DOCX_KINDS)(
    "zh, %s: no style replaces the profile's East Asian font with another",
    async (kind) => {
      const styles = await docxPart(await docx(kind, 'zh'), 'word/styles.xml');
      const eastAsianFonts = [...styles.matchAll(/<w:rFonts\b[^>]*\bw:eastAsia="([^"]*)"/g)].map((m) => m[1]);
      expect(eastAsianFonts.length).toBeGreaterThan(0);
      expect([...new Set(eastAsianFonts)]).toEqual([PROFILES.zh.fonts.eastAsian]);
    },
  );

  test.each(LEFT_TO_RIGHT.flatMap((lng) => DOCX_KINDS.map((kind) => [lng, kind] as const)))(
    '%s, %s: left to right: no bidi, rtl or bidiVisual, and w:lang is the language',
    async (lng, kind) => {
      const bytes = await docx(kind, lng);
      const xml = await textParts(bytes);
      const styles = await docxPart(bytes, 'word/styles.xml');
      expect(runs(xml).length).toBeGreaterThan(5);
      for (const part of [xml, styles]) {
        expect(part).not.toMatch(/<w:bidi\b/);
        expect(part).not.toMatch(/<w:rtl\b/);
        expect(part).not.toMatch(/<w:bidiVisual\b/);
        expect(part).not.toMatch(/\bw:bidi="/);
      }
      const defaults = defaultRun(styles);
      expect(defaults).toMatch(new RegExp(`<w:lang\\b[^>]*\\bw:val="${PROFILES[lng].tag}"`));
      // Only Chinese text hints the East Asian font.
      if (lng !== 'zh') expect(xml).not.toContain('w:hint="eastAsia"');
    },
  );
});

// ---------------------------------------------------------------------------------------------------
// 3. LibreOffice: the documents laid out, read back from PDF

/** Convert .docx files to PDF with a fresh LibreOffice profile, as libreoffice.test.ts does. */
async function convertToPdf(files: readonly string[], outdir: string): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outdir,
        ...files,
      ],
      { timeout: 120_000 },
    );
  } catch (error) {
    throw new Error(
      `soffice failed (is libreoffice-writer-nogui installed? .ci/run installs it): ${String(error)}`,
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** pdftotext in reading order (no -layout: a table's cells are not interleaved line by line). */
async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout;
}

/**
 * The lines of a PDF as they are drawn, left to right: each word where it is placed on the page (pdftotext
 * -bbox), grouped by page and line and ordered by position. Reading order is not used here: in a
 * right-to-left page, pdftotext gives a left-to-right insert back in pieces.
 */
async function pdfDrawnLines(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const lines = new Map<string, { x: number; word: string }[]>();
  let page = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/.exec(line);
    if (!m) continue;
    const word = (m[3] ?? '').replace(BIDI_CONTROLS, '').replace(/&amp;/g, '&');
    if (word === '') continue;
    const key = `${page}/${Math.round(Number(m[2]))}`;
    lines.set(key, [...(lines.get(key) ?? []), { x: Number(m[1]), word }]);
  }
  return [...lines.values()].map((words) =>
    words
      .sort((a, b) => a.x - b.x)
      .map((w) => w.word)
      .join(' '),
  );
}

/** The fonts pdffonts lists, without the subset prefix ("BAAAAA+"), with whether each is embedded. */
async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .flatMap((line) => {
      const m = /^(\S+)\s.*?\s(yes|no)\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      return m ? [{ name: (m[1] ?? '').replace(/^[A-Z]{6}\+/, ''), embedded: m[2] === 'yes' }] : [];
    });
}

/** The PostScript names of the installed fonts that cover a language (fontconfig). */
async function fontsCovering(lang: string): Promise<Set<string>> {
  const { stdout } = await run('fc-list', [`:lang=${lang}`, 'postscriptname']);
  return new Set(
    stdout
      .split('\n')
      .map((line) => line.replace(/^:postscriptname=/, '').trim())
      .filter((name) => name !== ''),
  );
}

/**
 * Text compared as pdftotext can give it back, per script:
 * - every script: bidi controls removed, NFC;
 * - Chinese: all white space removed (pdftotext puts spaces between Han characters and digits, and
 *   breaks lines anywhere);
 * - Arabic: all white space removed (lines wrap, and pdftotext spaces around an embedded comma), the
 *   harakat (every non-spacing mark) and the tatweel removed (marks are placed apart: «وقّ ُعت»), and the lam-alef ligature read
 *   in either order: poppler gives «لا» back as «ال» («الأمم» comes out «األمم»), so both texts write
 *   each lam + alef as alef + lam. The whole official title is then looked for.
 * - the others: runs of white space folded to one space.
 */
function comparable(text: string, lng: Language): string {
  const clean = text.normalize('NFC').replace(BIDI_CONTROLS, '');
  if (lng === 'zh') return clean.replace(/\s+/g, '');
  if (lng === 'ar')
    return clean
      .replace(/\p{Mn}|\u0640/gu, '')
      .replace(/\u0644([\u0622\u0623\u0625\u0627])/g, '$1\u0644')
      .replace(/\s+/g, '');
  return clean.replace(/\s+/g, ' ');
}

/** What each language converts: the instrument for all; the checklist for Arabic and Chinese; the Arabic notifications. */
const CONVERTED: Record<Language, readonly Kind[]> = {
  ar: ['instrument-untoc', 'checklist', 'notifications'],
  zh: ['instrument-untoc', 'checklist'],
  en: ['instrument-untoc'],
  fr: ['instrument-untoc'],
  ru: ['instrument-untoc'],
  es: ['instrument-untoc'],
};

describe('LibreOffice lays the documents out in each language', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'six-languages-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const converted = new Map<Language, Promise<string>>();
  /** The folder holding the language's PDFs: one LibreOffice run (and profile) per language. */
  function pdfs(lng: Language): Promise<string> {
    let folder = converted.get(lng);
    if (folder === undefined) {
      folder = (async () => {
        const out = path.join(dir, lng);
        fs.mkdirSync(out);
        const files = await Promise.all(
          CONVERTED[lng].map(async (kind) => {
            const file = path.join(out, `${kind}.docx`);
            fs.writeFileSync(file, await docx(kind, lng));
            return file;
          }),
        );
        await convertToPdf(files, out);
        return out;
      })();
      converted.set(lng, folder);
    }
    return folder;
  }
  const pdf = async (lng: Language, kind: Kind) => {
    const file = path.join(await pdfs(lng), `${kind}.pdf`);
    expect(fs.existsSync(file)).toBe(true);
    return file;
  };

  test.each(LANGUAGES)(
    "%s: the instrument's PDF shows the Convention's official title",
    async (lng) => {
      const text = comparable(await pdfText(await pdf(lng, 'instrument-untoc')), lng);
      expect(text).toContain(comparable(title('untoc', lng), lng));
      expect(text).toContain(comparable(GOVERNMENT_OF_BHUTAN[lng], lng));
    },
    180_000,
  );

  test.each(['ar', 'zh'] as const)(
    "%s: the checklist's PDF shows the Convention's official title",
    async (lng) => {
      const text = comparable(await pdfText(await pdf(lng, 'checklist')), lng);
      expect(text).toContain(comparable(title('untoc', lng), lng));
    },
    180_000,
  );

  test('zh: the PDFs embed a CJK font', async () => {
    for (const kind of CONVERTED.zh) {
      const fonts = await pdfFonts(await pdf('zh', kind));
      const cjk = fonts.filter((f) => f.embedded && /CJK|SimSun|Song|Hei|Ming|Kai|Fang/i.test(f.name));
      expect({ kind, cjk: cjk.length > 0, fonts: fonts.map((f) => f.name) }).toMatchObject({
        kind,
        cjk: true,
      });
    }
  }, 180_000);

  test('ar: the PDFs embed a font that covers Arabic (fontconfig :lang=ar)', async () => {
    const covering = await fontsCovering('ar');
    expect(covering.size).toBeGreaterThan(0);
    for (const kind of CONVERTED.ar) {
      const fonts = await pdfFonts(await pdf('ar', kind));
      const arabic = fonts.filter((f) => f.embedded && covering.has(f.name));
      expect({ kind, arabic: arabic.length > 0, fonts: fonts.map((f) => f.name) }).toMatchObject({
        kind,
        arabic: true,
      });
    }
  }, 180_000);

  test("ar: the notifications' PDF shows the typed telephone number, postcode and city, and e-mail address in their own left-to-right order", async () => {
    const lines = await pdfDrawnLines(await pdf('ar', 'notifications'));
    const typed = ['mla@example.bt', 'Post Box 1045', 'Thimphu 11001', '+975 2 000 000', '+975 2 000 001'];
    // A value not found as typed, with the lines holding the same characters in another order.
    const characters = (s: string) => [...s.replace(/\s/g, '')].sort().join('');
    const reordered = typed
      .filter((value) => !lines.some((line) => line.includes(value)))
      .map((value) => ({
        typed: value,
        laidOutAs: lines.filter((line) => characters(line) === characters(value)),
      }));
    expect(reordered).toEqual([]);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------------
// 4. The HTML checklist

/** The attributes of the page's <html> element. */
function rootAttributes(html: string): Record<string, string> {
  const tag = /<html\b([^>]*)>/i.exec(html)?.[1];
  if (tag === undefined) throw new Error('no <html> element');
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

async function checklistHtml(lng: Language): Promise<string> {
  const res = await postJson(
    t.app,
    `/api/v1/documents/checklist?format=html&lang=${lng}&mode=draft`,
    samplePackage('bhutan-accession'),
  );
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  return res.text;
}

describe('the HTML checklist', () => {
  test.each(LANGUAGES)("%s: the page's root has the language and its direction", async (lng) => {
    const html = await checklistHtml(lng);
    const root = rootAttributes(html);
    expect([lng, PROFILES[lng].tag]).toContain(root.lang);
    if (PROFILES[lng].direction === 'rtl') expect(root.dir).toBe('rtl');
    // Left to right is the default: an explicit dir, if any, must say so.
    else expect([undefined, 'ltr']).toContain(root.dir);
    expect(html).toContain(title('untoc', lng));
  });

  test('ar: the English quotes of the treaties are marked English and left to right inside the right-to-left page', async () => {
    const html = await checklistHtml('ar');
    const english = [...html.matchAll(/<(\w+)\b([^>]*\blang="en[^"]*"[^>]*)>/g)];
    expect(english.length).toBeGreaterThan(0);
    expect(english.filter((m) => !/\bdir="ltr"/.test(m[2] ?? '')).map((m) => `<${m[1]}${m[2]}>`)).toEqual([]);
  });
});
