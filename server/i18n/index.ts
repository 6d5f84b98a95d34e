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
 * plain strings and numbers. Options can carry user text (names), so the cache is bounded (in nodes of
 * its tree): it starts again when full.
 *
 * The cache is a tree: the key (a list of keys under a marker), then each option's name and value in
 * turn, each looked up in a Map of its own. Nothing is joined or serialised, so a value cannot pass for
 * other options, and the number 1 and the text "1" (which choose different plural forms) stay apart; a
 * string already looked up (a translation, a name) keeps its hash, which makes the lookups cheap.
 */
const CACHE_LIMIT = 5000;

interface CacheNode {
  value?: string;
  readonly next: Map<unknown, CacheNode>;
}

/** The first tree level of a list of keys, and the end of the list: no single key can be this object. */
const LIST = Symbol('a list of keys');
/** After the options: {a} is not {a, b}. */
const END = Symbol('the end of the options');

/** The path of a call in the cache's tree, or null when the call is not cached. */
function pathOf(key: unknown, options: unknown): unknown[] | null {
  let path: unknown[];
  if (typeof key === 'string') path = [key];
  else if (Array.isArray(key) && key.every((k) => typeof k === 'string')) path = [LIST, ...key, LIST];
  else return null;
  if (options === undefined) return path;
  if (typeof options !== 'object' || options === null) return null;
  const opts = options as Record<string, unknown>;
  for (const name of Object.keys(opts)) {
    const value = opts[name];
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    path.push(name, value);
  }
  path.push(END);
  return path;
}

/** The node of a call in the tree, walked without building its path; undefined when it is not there. */
function find(root: CacheNode, key: unknown, options: unknown): CacheNode | undefined {
  let node: CacheNode | undefined;
  if (typeof key === 'string') node = root.next.get(key);
  else if (Array.isArray(key)) {
    node = root.next.get(LIST);
    for (const k of key as unknown[]) node = node?.next.get(k);
    node = node?.next.get(LIST);
  } else return undefined;
  if (options === undefined || node === undefined) return node;
  if (typeof options !== 'object' || options === null) return undefined;
  const opts = options as Record<string, unknown>;
  for (const name in opts) {
    if (!Object.prototype.hasOwnProperty.call(opts, name)) continue;
    node = node?.next.get(name)?.next.get(opts[name]);
    if (node === undefined) return undefined;
  }
  return node.next.get(END);
}

function memoized(t: TFunction): TFunction {
  let root: CacheNode = { next: new Map() };
  let nodes = 0;
  const call = t as unknown as (...a: unknown[]) => unknown;
  const wrapped = (...args: unknown[]) => {
    if (args.length > 2) return call(...args);
    // Only a call that was cached has a value in the tree (its path holds strings and numbers only).
    const found = find(root, args[0], args[1])?.value;
    if (found !== undefined) return found;
    const path = pathOf(args[0], args[1]);
    const result = call(...args);
    if (path === null || typeof result !== 'string') return result;
    if (nodes + path.length > CACHE_LIMIT) {
      root = { next: new Map() };
      nodes = 0;
    }
    let at: CacheNode = root;
    for (const token of path) {
      let next: CacheNode | undefined = at.next.get(token);
      if (next === undefined) {
        next = { next: new Map() };
        at.next.set(token, next);
        nodes++;
      }
      at = next;
    }
    at.value = result;
    return result;
  };
  return Object.assign(wrapped, t) as unknown as TFunction;
}

/**
 * The language of a request: `?lang=` when it names a supported language, else the supported language the
 * request's Accept-Language prefers, else English. `accepts` is Express's `req.acceptsLanguages` (the
 * `negotiator` package): given the supported codes, it answers the best by quality, a tag matching its
 * language ("fr-CA" is French), or false when none is acceptable. English is offered first, so that a
 * request without the header, or with `*`, gets English. Nothing else is ever consulted.
 */
export function detectLanguage(query: unknown, accepts: (languages: string[]) => string | false): Language {
  if (typeof query === 'string') {
    // "ar,en" (bilingual documents): the first language speaks the messages.
    const q = (query.split(',')[0] ?? '').trim().toLowerCase();
    if (isLanguage(q)) return q;
  }
  const best = accepts(OFFERED);
  return typeof best === 'string' && isLanguage(best) ? best : DEFAULT_LANGUAGE;
}

/** The supported codes as offered to Accept-Language, English first. */
const OFFERED = [DEFAULT_LANGUAGE, ...SUPPORTED_LANGUAGES.filter((lng) => lng !== DEFAULT_LANGUAGE)];
