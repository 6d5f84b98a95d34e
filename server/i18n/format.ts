/**
 * Formatting for a language: dates written out ("15 November 2000", "1er juillet 2003"), State and
 * language names (Intl.DisplayNames), lists ("Thai and English", « thaï et anglais »).
 */
import type { IsoDate } from '../catalogue/treaties';
import { LANGUAGE_TAGS, type Language } from './index';

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
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
 * A date written out in the language. French writes the first day of a month as an ordinal ("1er
 * juillet"); Intl gives "1 juillet", so the day is replaced.
 */
export function formatDate(date: IsoDate, lng: Language): string {
  const format = cached(
    dateFormats,
    lng,
    () =>
      new Intl.DateTimeFormat(LANGUAGE_TAGS[lng], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  const parts = format.formatToParts(new Date(`${date}T00:00:00Z`));
  return parts.map((p) => (p.type === 'day' && lng === 'fr' && p.value === '1' ? '1er' : p.value)).join('');
}

/** The name of a State or territory by ISO 3166 code ("EU": European Union). */
export function regionName(code: string, lng: Language): string {
  return (
    cached(
      regionNames,
      lng,
      () => new Intl.DisplayNames([LANGUAGE_TAGS[lng]], { type: 'region', fallback: 'code' }),
    ).of(code) ?? code
  );
}

/** The name of a language by ISO 639-1 code. */
export function languageName(code: string, lng: Language): string {
  return (
    cached(
      languageNames,
      lng,
      () => new Intl.DisplayNames([LANGUAGE_TAGS[lng]], { type: 'language', fallback: 'code' }),
    ).of(code) ?? code
  );
}

export function formatList(items: readonly string[], lng: Language): string {
  return cached(
    lists,
    lng,
    () => new Intl.ListFormat(LANGUAGE_TAGS[lng], { style: 'long', type: 'conjunction' }),
  ).format(items);
}
