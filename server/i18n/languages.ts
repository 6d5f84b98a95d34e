/**
 * The languages, as data. A language is a profile (this file) and a folder of strings
 * (locales/{code}/common.json, legal.json, documents.json, with the same keys and variables as English).
 * Adding a language is adding both: nothing else in the code names a language code (a test checks it).
 *
 * A profile says what the strings cannot: its name in itself, its direction, the document fonts for
 * Latin, complex (Arabic) and East Asian scripts, its BCP 47 tag (for Intl and for Word's proofing
 * language), how the United Nations write a date in it, and how "of + a name" is formed where the
 * strings' "{{ofName}}" needs grammar: French « du Royaume », Spanish "del Reino", the Russian genitive
 * «Королевства Бутан». Arabic (the construct state, إضافة) and Chinese ("…政府") place the name itself,
 * so their strings use "{{name}}" and `of` is absent. Plural rules are CLDR's, which i18next applies by
 * the code. How articles are cited in running text ("párrafo 13 del artículo 18", «пункт 13 статьи 18»)
 * is in the strings (documents:articleProse), where a translator sees it.
 *
 * This module imports nothing of i18next: the domain reads the list of codes (which languages documents
 * may be produced in) from here.
 */

/** How the United Nations writes a date in a language; `iso` is YYYY-MM-DD. */
type DateWriter = (iso: string) => string;

export interface LanguageProfile {
  /** ISO 639-1. */
  readonly code: string;
  /** The language's name in itself, for the language switcher ("العربية", "中文"). */
  readonly nativeName: string;
  /** BCP 47: Intl's formatting and the language Word proofs a run in. */
  readonly tag: string;
  readonly direction: 'ltr' | 'rtl';
  /** The script its text is in: what the documents' fonts, direction and font hints follow. */
  readonly script: 'latin' | 'cyrillic' | 'arabic' | 'han';
  /**
   * The document fonts (Word's four font slots: ascii and hAnsi take `latin`, cs `complexScript`,
   * eastAsia `eastAsian`). Times New Roman has Latin, Cyrillic and Arabic; Word and LibreOffice fall
   * back to a CJK face from `eastAsian` (SimSun on Windows; Noto CJK on Debian).
   */
  readonly fonts: { readonly latin: string; readonly complexScript: string; readonly eastAsian: string };
  readonly formatDate: DateWriter;
  /**
   * "of" + a phrase, where the language contracts or declines it; absent: the string
   * documents:party.of places the phrase ("of {{name}}", or "{{name}}" in Arabic and Chinese).
   */
  readonly of?: (phrase: string) => string;
  /**
   * How a subparagraph's letter is written, where the language does not use Latin letters: UN Arabic
   * writes (أ), (ب), (ج) for (a), (b), (c).
   */
  readonly letter?: (latin: string) => string;
  /**
   * Whether the strings were reviewed by a qualified translator. Until then the pages say they are a draft
   * translation, and the checklist says the documents' wording is the project's own.
   */
  readonly reviewed: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Dates

const parts = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};

/** A date as Intl writes it in `tag`, with `fix` applied to its parts. */
function intlDate(tag: string, fix: (part: Intl.DateTimeFormatPart) => string = (p) => p.value): DateWriter {
  const format = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (iso) =>
    format
      .formatToParts(new Date(`${iso}T00:00:00Z`))
      .map(fix)
      .join('');
}

/**
 * UN Arabic writes each month with both its Levantine and its Latin-derived name, "تشرين الثاني/نوفمبر",
 * and Western digits: "15 تشرين الثاني/نوفمبر 2000". Intl cannot, hence the table (UN Arabic spells June
 * and July يونيه and يوليه).
 */
const ARABIC_MONTHS = [
  'كانون الثاني/يناير',
  'شباط/فبراير',
  'آذار/مارس',
  'نيسان/أبريل',
  'أيار/مايو',
  'حزيران/يونيه',
  'تموز/يوليه',
  'آب/أغسطس',
  'أيلول/سبتمبر',
  'تشرين الأول/أكتوبر',
  'تشرين الثاني/نوفمبر',
  'كانون الأول/ديسمبر',
] as const;

/**
 * The Arabic abjad order UN Arabic texts letter subparagraphs in: (a) is (أ), (b) is (ب)... (abjad: أبجد
 * هوز حطي كلمن سعفص قرشت ثخذ ضظغ), for every Latin letter a citation can hold.
 */
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  a: 'أ',
  b: 'ب',
  c: 'ج',
  d: 'د',
  e: 'هـ',
  f: 'و',
  g: 'ز',
  h: 'ح',
  i: 'ط',
  j: 'ي',
  k: 'ك',
  l: 'ل',
  m: 'م',
  n: 'ن',
  o: 'س',
  p: 'ع',
  q: 'ف',
  r: 'ص',
  s: 'ق',
  t: 'ر',
  u: 'ش',
  v: 'ت',
  w: 'ث',
  x: 'خ',
  y: 'ذ',
  z: 'ض',
};

function arabicDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d} ${ARABIC_MONTHS[m - 1]} ${y}`;
}

// ---------------------------------------------------------------------------------------------------
// "of" + a name

/**
 * French "de" contracts with the article: de + le = du, de + les = des; "la" and "l'" stay ("de la
 * République", "de l'Union"); it elides before a vowel (d'Israël). « au nom du Gouvernement du Royaume
 * de Thaïlande ».
 */
export function frenchOf(phrase: string): string {
  const p = phrase.trim();
  if (/^le\s/i.test(p)) return `du ${p.slice(3)}`;
  if (/^les\s/i.test(p)) return `des ${p.slice(4)}`;
  if (/^(la\s|l['’])/i.test(p)) return `de ${p}`;
  if (/^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(p)) return `d’${p}`;
  return `de ${p}`;
}

/** Spanish "de" contracts with "el" only: "del Reino de Bhután", "de la República", "de los Estados". */
export function spanishOf(phrase: string): string {
  const p = phrase.trim();
  return /^el\s/i.test(p) ? `del ${p.slice(3)}` : `de ${p}`;
}

/**
 * The Russian genitive of a name's leading words: the adjectives before its head noun and the head noun
 * itself are declined, the rest (the proper name in apposition) stays as the UN writes it:
 * «Королевство Бутан» → «Королевства Бутан», «Исламская Республика Афганистан» → «Исламской
 * Республики Афганистан», «Соединённые Штаты Америки» → «Соединённых Штатов Америки», «Непал» →
 * «Непала». Words the rules do not know (foreign nouns in -о, -и, -у) stay as they are.
 */
export function russianOf(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const out = [...words];
  let i = 0;
  for (; i < words.length; i++) {
    const adjective = russianAdjectiveGenitive(words[i]!);
    if (adjective === null) break;
    out[i] = adjective;
  }
  if (i < words.length) {
    out[i] = russianNounGenitive(words[i]!);
    // Two heads joined by "и" are both declined: «Боснии и Герцеговины», «Антигуа и Барбуды».
    if (words[i + 1] === 'и' && words[i + 2] !== undefined) out[i + 2] = russianNounGenitive(words[i + 2]!);
  }
  return out.join(' ');
}

const RUSSIAN_ADJECTIVES: readonly (readonly [RegExp, string])[] = [
  [/([жшчщ])ая$/, '$1ей'],
  [/ая$/, 'ой'],
  [/яя$/, 'ей'],
  [/ый$/, 'ого'],
  [/([кгх])ий$/, '$1ого'],
  [/ний$/, 'него'],
  [/([жшчщ])ий$/, '$1его'],
  [/ий$/, 'ого'],
  [/ой$/, 'ого'],
  [/ое$/, 'ого'],
  [/ее$/, 'его'],
  [/ые$/, 'ых'],
  [/ие$/, 'их'],
  // Short possessive adjectives in the plural: «Соломоновы Острова», «Маршалловы Острова».
  [/(ов|ев|ин)ы$/, '$1ых'],
];

function russianAdjectiveGenitive(word: string): string | null {
  if (!/^[А-ЯЁ]/.test(word) && !/^[а-яё]/.test(word)) return null;
  for (const [ending, genitive] of RUSSIAN_ADJECTIVES)
    if (ending.test(word)) return word.replace(ending, genitive);
  return null;
}

const RUSSIAN_NOUNS: readonly (readonly [RegExp, string])[] = [
  [/^Острова$/, 'Островов'],
  [/^Гренадины$/, 'Гренадин'],
  // Foreign nouns in -уа do not decline: «Антигуа», «Никарагуа».
  [/уа$/, 'уа'],
  [/ство$/, 'ства'],
  [/ия$/, 'ии'],
  [/([кгхжшчщ])а$/, '$1и'],
  [/а$/, 'ы'],
  [/я$/, 'и'],
  [/ы$/, 'ов'],
  [/й$/, 'я'],
  [/ь$/, 'я'],
  [/([бвгджзклмнпрстфхцчшщ])$/, '$1а'],
];

function russianNounGenitive(word: string): string {
  for (const [ending, genitive] of RUSSIAN_NOUNS)
    if (ending.test(word)) return word.replace(ending, genitive);
  return word;
}

// ---------------------------------------------------------------------------------------------------
// The profiles

const SERIF = 'Times New Roman';

/** The six languages the Convention and its Protocols are authentic in (UNTOC art. 41(2)), UN order. */
export const UN_LANGUAGE_CODES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGE_CODES)[number];

const PROFILE_LIST = [
  {
    code: 'en',
    nativeName: 'English',
    tag: 'en-GB',
    direction: 'ltr',
    script: 'latin',
    fonts: { latin: SERIF, complexScript: SERIF, eastAsian: 'SimSun' },
    formatDate: intlDate('en-GB'),
    reviewed: true,
  },
  {
    code: 'fr',
    nativeName: 'Français',
    tag: 'fr-FR',
    direction: 'ltr',
    script: 'latin',
    fonts: { latin: SERIF, complexScript: SERIF, eastAsian: 'SimSun' },
    // French writes the first day of a month as an ordinal: « 1er juillet 2003 ».
    formatDate: intlDate('fr-FR', (p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value)),
    of: frenchOf,
    reviewed: false,
  },
  {
    code: 'ar',
    nativeName: 'العربية',
    tag: 'ar-SA',
    direction: 'rtl',
    script: 'arabic',
    fonts: { latin: SERIF, complexScript: SERIF, eastAsian: 'SimSun' },
    formatDate: arabicDate,
    letter: (latin) => ARABIC_LETTERS[latin] ?? latin,
    reviewed: false,
  },
  {
    code: 'zh',
    nativeName: '中文',
    tag: 'zh-CN',
    direction: 'ltr',
    script: 'han',
    fonts: { latin: SERIF, complexScript: SERIF, eastAsian: 'SimSun' },
    formatDate: intlDate('zh-CN'),
    reviewed: false,
  },
  {
    code: 'ru',
    nativeName: 'Русский',
    tag: 'ru-RU',
    direction: 'ltr',
    script: 'cyrillic',
    fonts: { latin: SERIF, complexScript: SERIF, eastAsian: 'SimSun' },
    // UN Russian writes «15 ноября 2000 года»; Intl abbreviates the year to «г.».
    formatDate: (iso) => intlDate('ru-RU')(iso).replace(/\s?г\.$/, ' года'),
    of: russianOf,
    reviewed: false,
  },
  {
    code: 'es',
    nativeName: 'Español',
    tag: 'es-ES',
    direction: 'ltr',
    script: 'latin',
    fonts: { latin: SERIF, complexScript: SERIF, eastAsian: 'SimSun' },
    formatDate: intlDate('es-ES'),
    of: spanishOf,
    reviewed: false,
  },
] as const satisfies readonly LanguageProfile[];

export type Language = (typeof PROFILE_LIST)[number]['code'];

export const PROFILES: Readonly<Record<Language, LanguageProfile>> = Object.fromEntries(
  PROFILE_LIST.map((p) => [p.code, p]),
) as Record<Language, LanguageProfile>;

/** The languages of the pages and the documents, in UN order. */
export const SUPPORTED_LANGUAGES: readonly Language[] = UN_LANGUAGE_CODES.filter(
  (code): code is Language => code in PROFILES,
);

export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * The language treaty texts are quoted in: the English authentic text (catalogue/requirements.ts). A
 * page or document in another language tags the quotes with it.
 */
export const QUOTE_LANGUAGE: Language = 'en';

/**
 * The language the product's strings are written in (locales/en); the others are translated from it,
 * and their status files record which English text each unit was translated from (translation-status.ts).
 */
export const SOURCE_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function profileOf(lng: Language): LanguageProfile {
  return PROFILES[lng];
}
