/**
 * i18next set-up. Every user-visible string, legal wording included, lives in
 * locales/{lng}/{namespace}.json; this module loads them once, synchronously, into one i18next instance.
 * There is no file backend at request time: a language code is only ever looked up in
 * SUPPORTED_LANGUAGES, never turned into a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18nInstance, type TFunction } from 'i18next';

import { DEFAULT_LANGUAGE, isLanguage, PROFILES, SUPPORTED_LANGUAGES, type Language } from './languages';
import { flattenStrings, unitOf } from './translation-status';

export { DEFAULT_LANGUAGE, isLanguage, profileOf, SUPPORTED_LANGUAGES, type Language } from './languages';

/** common: pages, API errors, field labels; legal: requirements, rules, checklist; documents: document wording. */
export const NAMESPACES = ['common', 'legal', 'documents'] as const;

const perLanguage = <T>(pick: (lng: Language) => T) =>
  Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, pick(lng)])) as Readonly<Record<Language, T>>;

/** BCP 47 tags for Intl formatting and for Word's proofing language (languages.ts). */
export const LANGUAGE_TAGS = perLanguage((lng) => PROFILES[lng].tag);
/** The writing direction of each page language (`<html dir>`). */
export const LANGUAGE_DIRECTIONS = perLanguage((lng) => PROFILES[lng].direction);

export interface I18n {
  readonly instance: I18nInstance;
  /** A translation function fixed to one language; keys are "namespace:key" or, for common, "key". */
  t(lng: Language): TFunction;
  /** Whether a key exists in that language (for tests and for "not yet translated" views). */
  exists(lng: Language, key: string): boolean;
  /**
   * How many units of the English strings the language lacks (translation-status.ts): 0 for a complete
   * language. A language in progress shows English where it lacks a string, says so on every page, and
   * is not offered for final documents.
   */
  missingUnits(lng: Language): number;
}

export type Resources = Record<Language, Record<string, Record<string, unknown>>>;

export function loadResources(localesDir: string): Resources {
  const resources = {} as Resources;
  for (const lng of SUPPORTED_LANGUAGES) {
    resources[lng] = {};
    for (const ns of NAMESPACES) {
      const file = path.join(localesDir, lng, `${ns}.json`);
      resources[lng][ns] = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

export function createI18n(localesDir: string): I18n {
  const instance = i18next.createInstance();
  const resources = loadResources(localesDir);
  void instance.init({
    resources,
    initAsync: false,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    lowerCaseLng: true,
    nonExplicitSupportedLngs: false,
    // A string a language in progress lacks is shown in English (and its pages say the translation is in
    // progress); the six languages are complete, and a test keeps them so.
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // Escaping has one owner: Handlebars escapes in pages; docx receives raw strings.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  const missing = new Map<Language, number>(
    SUPPORTED_LANGUAGES.map((lng) => [lng, missingUnitCount(resources, lng)]),
  );
  const fixed = new Map<Language, TFunction>(
    SUPPORTED_LANGUAGES.map((lng) => [lng, memoized(instance.getFixedT(lng))]),
  );
  return {
    instance,
    t: (lng) => fixed.get(lng)!,
    exists: (lng, key) => instance.exists(key, { lng, fallbackLng: false }),
    missingUnits: (lng) => missing.get(lng) ?? 0,
  };
}

/** The units of the English strings that `lng` has in none of its forms. */
function missingUnitCount(resources: Resources, lng: Language): number {
  let count = 0;
  for (const ns of NAMESPACES) {
    const own = new Set([...flattenStrings(resources[lng][ns]).keys()].map(unitOf));
    for (const key of new Set([...flattenStrings(resources[DEFAULT_LANGUAGE][ns]).keys()].map(unitOf)))
      if (!own.has(key)) count++;
  }
  return count;
}

/**
 * i18next's t costs about 12 µs a call, and a checklist makes hundreds. The resources never change after
 * start-up, so a call is cached per language when its key is a string or a list of strings (the first
 * that exists: "legal:requirements.x.labelLater", then "legal:requirements.x.label") and its options are
 * plain strings and numbers. Options can carry user text (names), so the cache is bounded: it starts
 * again when full.
 */
const CACHE_LIMIT = 5000;

/**
 * A call's key in the cache, or null when it is not cached: the key, or the list of keys (marked, and
 * joined by a character no key holds), then each option's name and value: a string after its length, so
 * that a value holding the separators (user text may) cannot pass for other options; a number marked
 * apart from a string (a count of 1 and a text "1" choose different plural forms).
 */
function cacheId(key: unknown, options: unknown): string | null {
  let id: string;
  if (typeof key === 'string') id = key;
  else if (Array.isArray(key) && key.every((k) => typeof k === 'string')) id = `\u0001${key.join('\u0001')}`;
  else return null;
  if (options === undefined) return id;
  if (typeof options !== 'object' || options === null) return null;
  for (const name of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[name];
    if (typeof value === 'string') id += `\u0000${name}\u0002${value.length}:${value}`;
    else if (typeof value === 'number') id += `\u0000${name}\u0003${value}`;
    else return null;
  }
  return id;
}

function memoized(t: TFunction): TFunction {
  const cache = new Map<string, string>();
  const call = t as unknown as (...a: unknown[]) => unknown;
  const wrapped = (...args: unknown[]) => {
    const id = args.length <= 2 ? cacheId(args[0], args[1]) : null;
    if (id === null) return call(...args);
    let value = cache.get(id);
    if (value === undefined) {
      const result = call(...args);
      if (typeof result !== 'string') return result;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(id, result);
      value = result;
    }
    return value;
  };
  return Object.assign(wrapped, t) as unknown as TFunction;
}

/**
 * The language of a request: `?lang=` when it names a supported language, else the first supported
 * language in Accept-Language (by quality), else English. Nothing else is ever consulted.
 */
export function detectLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  if (typeof query === 'string') {
    // "ar,en" (bilingual documents): the first language speaks the messages.
    const q = (query.split(',')[0] ?? '').trim().toLowerCase();
    if (isLanguage(q)) return q;
  }
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .slice(0, 20)
      .map((part, order) => {
        const [tag = '', ...attrs] = part.trim().split(';');
        const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
        const quality = qAttr ? Number(qAttr.slice(2)) : 1;
        return {
          base: tag.trim().toLowerCase().split('-')[0] ?? '',
          quality: Number.isFinite(quality) ? quality : 0,
          order,
        };
      })
      .filter((x) => x.quality > 0)
      .sort((a, b) => b.quality - a.quality || a.order - b.order);
    const found = ranked.find((x) => isLanguage(x.base));
    if (found) return found.base as Language;
  }
  return DEFAULT_LANGUAGE;
}
