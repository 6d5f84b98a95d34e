/**
 * The languages as data (server/i18n/languages.ts): every profile's dates as the United Nations write
 * them, "of + a name" in French, Spanish and Russian (checked on the UN's own formal names), the list of
 * languages, and that no code outside the profiles names a language code. Also the UN names of States
 * (server/catalogue/un-names.ts): one row for every State the product offers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { STATE_CODES } from '../../../server/catalogue/states';
import { UN_NAMES, displayShortName, unFormalName, unShortName } from '../../../server/catalogue/un-names';
import { regionName } from '../../../server/i18n/format';
import {
  PROFILES,
  SUPPORTED_LANGUAGES,
  UN_LANGUAGE_CODES,
  frenchOf,
  russianOf,
  spanishOf,
  type LanguageProfile,
} from '../../../server/i18n/languages';
import { PATHS } from '../../../server/paths';

const ALL: readonly LanguageProfile[] = Object.values(PROFILES);
const profile = (code: string) => ALL.find((p) => p.code === code)!;

describe('the profiles', () => {
  it('cover the six UN languages, in UN order', () => {
    expect(ALL.map((p) => p.code).sort()).toEqual([...UN_LANGUAGE_CODES].sort());
    expect(SUPPORTED_LANGUAGES).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });

  it('have a name in themselves, a BCP 47 tag Intl knows, a direction and the three fonts', () => {
    for (const p of ALL) {
      expect(p.nativeName.length).toBeGreaterThan(1);
      expect(Intl.DateTimeFormat.supportedLocalesOf([p.tag])).toEqual([p.tag]);
      expect(['ltr', 'rtl']).toContain(p.direction);
      expect(Object.values(p.fonts).every((f) => f.length > 0)).toBe(true);
    }
    expect(profile('ar').direction).toBe('rtl');
    expect(ALL.filter((p) => p.direction === 'rtl').map((p) => p.code)).toEqual(['ar']);
  });

  it.each([
    ['en', '2000-11-15', '15 November 2000'],
    ['en', '2003-07-01', '1 July 2003'],
    ['fr', '2003-07-01', '1er juillet 2003'],
    ['fr', '2000-11-15', '15 novembre 2000'],
    ['es', '2000-11-15', '15 de noviembre de 2000'],
    ['ru', '2000-11-15', '15 ноября 2000 года'],
    ['ru', '2001-05-31', '31 мая 2001 года'],
    ['zh', '2000-11-15', '2000年11月15日'],
    ['ar', '2000-11-15', '15 تشرين الثاني/نوفمبر 2000'],
    ['ar', '2001-05-31', '31 أيار/مايو 2001'],
    ['ar', '2003-06-01', '1 حزيران/يونيه 2003'],
    ['ar', '2003-07-01', '1 تموز/يوليه 2003'],
    ['ar', '2002-12-12', '12 كانون الأول/ديسمبر 2002'],
  ])('%s writes %s as "%s"', (code, iso, written) => {
    expect(profile(code).formatDate(iso)).toBe(written);
  });

  it('Arabic writes all twelve months with both names and Western digits', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      profile('ar').formatDate(`2027-${String(i + 1).padStart(2, '0')}-09`),
    );
    expect(new Set(months).size).toBe(12);
    for (const m of months) expect(m).toMatch(/^9 [\u0600-\u06FF ]+\/[\u0600-\u06FF]+ 2027$/);
  });
});

describe('"of" + a name', () => {
  it.each([
    ['le Royaume du Bhoutan', 'du Royaume du Bhoutan'],
    ['la République de Corée', 'de la République de Corée'],
    ["l'État d'Israël", "de l'État d'Israël"],
    ['les Îles Cook', 'des Îles Cook'],
    ['Antigua-et-Barbuda', 'd’Antigua-et-Barbuda'],
    ['Cuba', 'de Cuba'],
  ])('French: %s -> %s', (name, of) => expect(frenchOf(name)).toBe(of));

  it.each([
    ['el Reino de Bhután', 'del Reino de Bhután'],
    ['la República de Corea', 'de la República de Corea'],
    ['los Estados Unidos de América', 'de los Estados Unidos de América'],
    ['las Islas Cook', 'de las Islas Cook'],
    ['Australia', 'de Australia'],
    ['el Gobierno del Reino de Bhután', 'del Gobierno del Reino de Bhután'],
  ])('Spanish: %s -> %s', (name, of) => expect(spanishOf(name)).toBe(of));

  it.each([
    ['Королевство Бутан', 'Королевства Бутан'],
    ['Исламская Республика Афганистан', 'Исламской Республики Афганистан'],
    ['Российская Федерация', 'Российской Федерации'],
    ['Соединенные Штаты Америки', 'Соединенных Штатов Америки'],
    [
      'Соединенное Королевство Великобритании и Северной Ирландии',
      'Соединенного Королевства Великобритании и Северной Ирландии',
    ],
    ['Объединенные Арабские Эмираты', 'Объединенных Арабских Эмиратов'],
    ['Иорданское Хашимитское Королевство', 'Иорданского Хашимитского Королевства'],
    ['Великое Герцогство Люксембург', 'Великого Герцогства Люксембург'],
    ['Швейцарская Конфедерация', 'Швейцарской Конфедерации'],
    ['Союз Коморских Островов', 'Союза Коморских Островов'],
    ['Соломоновы Острова', 'Соломоновых Островов'],
    ['Босния и Герцеговина', 'Боснии и Герцеговины'],
    ['Антигуа и Барбуда', 'Антигуа и Барбуды'],
    ['Сент-Винсент и Гренадины', 'Сент-Винсента и Гренадин'],
    ['Республика Тринидад и Тобаго', 'Республики Тринидад и Тобаго'],
    ['Святой Престол', 'Святого Престола'],
    ['Непал', 'Непала'],
    ['Канада', 'Канады'],
    ['Япония', 'Японии'],
    ['Ямайка', 'Ямайки'],
    ['Украина', 'Украины'],
    ['Тувалу', 'Тувалу'],
    ['Буркина-Фасо', 'Буркина-Фасо'],
    ['Европейский союз', 'Европейского союза'],
    ['Правительство Королевства Бутан', 'Правительства Королевства Бутан'],
  ])('Russian: %s -> %s', (name, of) => expect(russianOf(name)).toBe(of));

  it('Russian: every UN formal name keeps its proper name and changes at most its leading words', () => {
    for (const [, row] of UN_NAMES) {
      const name = row.formal.ru;
      if (!name) continue;
      const of = russianOf(name);
      const words = name.split(/\s+/);
      const declined = of.split(/\s+/);
      expect(declined).toHaveLength(words.length);
      // The words changed are the leading ones (adjectives and the head noun); the proper name after them
      // stays as the UN writes it.
      const changed = words.flatMap((w, k) => (w !== declined[k] ? [k] : []));
      let run = 0;
      while (changed.includes(run)) run++;
      // (Two heads joined by "и" are checked in the table above.)
      if (words.includes('и')) continue;
      expect({ name, rest: changed.filter((k) => k >= run) }).toEqual({ name, rest: [] });
    }
  });
});

describe('the UN names of States', () => {
  it('has a row for every State the product offers, with formal names in the six languages', () => {
    for (const code of STATE_CODES) {
      const row = UN_NAMES.get(code);
      expect({ code, row: row !== undefined }).toEqual({ code, row: true });
      for (const lng of UN_LANGUAGE_CODES) expect(unFormalName(code, lng)).toBeTruthy();
    }
    expect(UN_NAMES.size).toBe(197);
  });

  it('gives the UN short names, without the bracketed article', () => {
    expect(unShortName('BS', 'en')).toBe('Bahamas');
    expect(unShortName('BT', 'fr')).toBe('Bhoutan');
    expect(unShortName('CD', 'en')).toBe('Democratic Republic of the Congo');
    expect(unShortName('PS', 'en')).toBe('State of Palestine');
    expect(unShortName('VA', 'en')).toBe('Holy See');
    expect(unShortName('BO', 'en')).toBe('Bolivia (Plurinational State of)');
    expect(displayShortName("Afghanistan (l')")).toBe('Afghanistan');
    expect(unShortName('BT', 'de')).toBeUndefined();
  });

  it('regionName uses them for States and CLDR for the rest', () => {
    expect(regionName('CD', 'en')).toBe('Democratic Republic of the Congo');
    expect(regionName('PS', 'en')).toBe('State of Palestine');
    expect(regionName('MM', 'en')).toBe('Myanmar');
    expect(regionName('VA', 'fr')).toBe('Saint-Siège');
    // A territory the UN list does not have, and the European Union.
    expect(regionName('GL', 'en')).toBe('Greenland');
    expect(regionName('EU', 'en')).toBe('European Union');
    // The Netherlands' Arabic short name is not in the source: CLDR's stands in; the formal name is there.
    expect(regionName('NL', 'ar')).toBe(new Intl.DisplayNames(['ar'], { type: 'region' }).of('NL'));
    expect(unFormalName('NL', 'ar')).toBe('مملكة هولندا');
    expect(regionName('BT', 'ar')).toBe('بوتان');
    expect(regionName('BT', 'zh')).toBe('不丹');
  });
});

describe('no code but the profiles names a language code', () => {
  /**
   * Files allowed to: the profiles and the ISO 639-1 list of every language (catalogue data). The
   * OpenAPI document's examples, which hold the fixtures' languages, are data outside server/ (openapi/examples.json).
   */
  const ALLOWED = new Set(['server/i18n/languages.ts', 'server/catalogue/languages.ts']);

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });
  }

  it('holds for every TypeScript file of server/', () => {
    const offenders: string[] = [];
    for (const file of sources(path.join(PATHS.root, 'server'))) {
      const rel = path.relative(PATHS.root, file).split(path.sep).join('/');
      if (ALLOWED.has(rel)) continue;
      // Comments aside: a comment may give an example.
      const code = fs
        .readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(/['"`](ar|zh|en|fr|ru|es)['"`]/g)) offenders.push(`${rel}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
