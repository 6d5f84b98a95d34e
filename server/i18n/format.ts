/**
 * Formatting for a language: dates written out ("15 November 2000", "1er juillet 2003"), State and
 * language names (Intl.DisplayNames), lists ("Thai and English", « thaï et anglais »).
 */
import type { IsoDate } from '../catalogue/treaties';
import { LANGUAGE_TAGS, type Language } from './index';
import { unShortName } from '../catalogue/un-names';
import { profileOf } from './languages';

const regionNames = new Map<Language, Intl.DisplayNames>();
const languageNames = new Map<Language, Intl.DisplayNames>();
const lists = new Map<Language, Intl.ListFormat>();

function cached<T>(map: Map<Language, T>, lng: Language, make: () => T): T {
  let value = map.get(lng);
  if (!value) {
    value = make();
    map.set(lng, value);
  }
  return value;
}

/**
 * Dates written out, per language: Intl's formatToParts costs a few microseconds a call, and a checklist
 * writes the same few dates many times. Bounded, as dates can come from the user: starts again when full.
 */
const dates = new Map<Language, Map<IsoDate, string>>();
const DATE_CACHE_LIMIT = 2000;

/** A date written out as the United Nations write it in the language (languages.ts). */
export function formatDate(date: IsoDate, lng: Language): string {
  const written = cached(dates, lng, () => new Map<IsoDate, string>());
  let value = written.get(date);
  if (value === undefined) {
    value = profileOf(lng).formatDate(date);
    if (written.size >= DATE_CACHE_LIMIT) written.clear();
    written.set(date, value);
  }
  return value;
}

/**
 * The name of a State or territory by ISO 3166 code ("EU": European Union): the United Nations' short
 * name for a State (catalogue/un-names.ts), CLDR's (Intl.DisplayNames) for anything else.
 */
export function regionName(code: string, lng: Language): string {
  const un = unShortName(code, lng);
  if (un !== undefined) return un;
  return (
    cached(
      regionNames,
      lng,
      () => new Intl.DisplayNames([LANGUAGE_TAGS[lng]], { type: 'region', fallback: 'code' }),
    ).of(code) ?? code
  );
}

/** Language names already looked up, per language: Intl.DisplayNames#of costs microseconds a call. */
const languageNamesWritten = new Map<Language, Map<string, string>>();

/** The name of a language by ISO 639-1 code. */
export function languageName(code: string, lng: Language): string {
  const written = cached(languageNamesWritten, lng, () => new Map<string, string>());
  let value = written.get(code);
  if (value === undefined) {
    value =
      cached(
        languageNames,
        lng,
        () => new Intl.DisplayNames([LANGUAGE_TAGS[lng]], { type: 'language', fallback: 'code' }),
      ).of(code) ?? code;
    // Codes come from a list (ISO 639-1), but bounded all the same.
    if (written.size >= DATE_CACHE_LIMIT) written.clear();
    written.set(code, value);
  }
  return value;
}

export function formatList(items: readonly string[], lng: Language): string {
  return cached(
    lists,
    lng,
    () => new Intl.ListFormat(LANGUAGE_TAGS[lng], { style: 'long', type: 'conjunction' }),
  ).format(items);
}
