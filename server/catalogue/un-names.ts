/**
 * The United Nations' names of States in its six languages (data/un-country-names.csv, and its .md for
 * the sources and their limits): the short name for lists and running text, the formal name for legal
 * texts ("the Government of the Kingdom of Bhutan"), each row with its source and status (verified,
 * partly, unverified). Read once at start-up.
 *
 * The product uses these for every State it shows or prints in one of the six languages; CLDR's names
 * (Intl.DisplayNames) serve only other languages and territories the UN list does not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UN_LANGUAGE_CODES, type UnLanguage } from '../i18n/languages';
import { PATHS } from '../paths';
import { parseCsv } from './csv';

export const NAME_STATUSES = ['verified', 'partly', 'unverified'] as const;
export type NameStatus = (typeof NAME_STATUSES)[number];

export interface UnStateName {
  /**
   * As the source writes it, article in brackets: "Bahamas (the)", « Bhoutan (le) ». A cell the source
   * lacks is absent (the Netherlands' Arabic short name): CLDR's name stands in.
   */
  readonly short: Readonly<Partial<Record<UnLanguage, string>>>;
  /** With its leading article where the language uses one: "the Kingdom of Bhutan", « le Royaume du Bhoutan ». */
  readonly formal: Readonly<Partial<Record<UnLanguage, string>>>;
  readonly status: NameStatus;
  /** Where the row was read (repository, commit, file, line; the UN document it copies). */
  readonly source: string;
}

export function loadUnNames(file: string): ReadonlyMap<string, UnStateName> {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const names = new Map<string, UnStateName>();
  for (const row of rows) {
    const code = row.iso2;
    const status = row.status as NameStatus;
    if (!code || !(NAME_STATUSES as readonly string[]).includes(status))
      throw new Error(`${file}: a row without a code or with an unknown status`);
    const column = (kind: 'short' | 'formal') =>
      Object.fromEntries(
        UN_LANGUAGE_CODES.flatMap((lng) => {
          const value = row[`${kind}_${lng}`];
          return value ? [[lng, value.normalize('NFC')]] : [];
        }),
      ) as Partial<Record<UnLanguage, string>>;
    names.set(code, { short: column('short'), formal: column('formal'), status, source: row.source ?? '' });
  }
  return names;
}

export const UN_NAMES: ReadonlyMap<string, UnStateName> = loadUnNames(
  path.join(PATHS.participationData, 'un-country-names.csv'),
);

export function isUnLanguage(lng: string): lng is UnLanguage {
  return (UN_LANGUAGE_CODES as readonly string[]).includes(lng);
}

/**
 * The short name as a list or a sentence shows it: the source's bracketed article moved out ("Bahamas
 * (the)" -> "Bahamas"; "Bolivia (Plurinational State of)" is kept whole, as the UN writes it in lists).
 */
export function displayShortName(short: string): string {
  return short.replace(/\s+\((the|le|la|les|l'|l’|el|los|las)\)$/u, '');
}

/** The UN short name of a State in a UN language, for lists and running text; undefined otherwise. */
export function unShortName(code: string, lng: string): string | undefined {
  const short = isUnLanguage(lng) ? UN_NAMES.get(code)?.short[lng] : undefined;
  return short === undefined ? undefined : displayShortName(short);
}

/** The UN language whose formal name for the State `name` is, if it is one of them. */
export function unLanguageOfFormalName(code: string, name: string): UnLanguage | undefined {
  const formal = UN_NAMES.get(code)?.formal;
  return formal ? UN_LANGUAGE_CODES.find((lng) => formal[lng] === name) : undefined;
}

/** The UN formal name of a State in a UN language, as legal texts use it; undefined otherwise. */
export function unFormalName(code: string, lng: string): string | undefined {
  return isUnLanguage(lng) ? UN_NAMES.get(code)?.formal[lng] : undefined;
}
