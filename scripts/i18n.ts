/**
 * The product's strings, for translators:
 *   npm run i18n:report            per language and namespace: units translated, missing, stale (the
 *                                  English changed since), not reviewed, and English words to translate
 *   npm run i18n:stamp -- {lng} [namespace:key ...]
 *                                  record today's English as the source of every unit {lng} has, or of
 *                                  the units named (after translating or checking them); reviews of
 *                                  changed units reset
 * Exit code 1 from the report when a language misses a unit (the six languages are kept complete).
 */
import { NAMESPACES, SUPPORTED_LANGUAGES, isLanguage } from '../server/i18n';
import { SOURCE_LANGUAGE } from '../server/i18n/languages';
import {
  languageReport,
  readStatus,
  readStrings,
  stamp,
  writeStatus,
  type UnitStatus,
  units,
} from '../server/i18n/translation-status';
import { PATHS } from '../server/paths';

const SOURCE = SOURCE_LANGUAGE;

function report(): number {
  const rows: string[][] = [
    [
      'language',
      'namespace',
      'units',
      'translated',
      'missing',
      'stale',
      'not reviewed',
      'words to translate',
    ],
  ];
  let incomplete = false;
  const details: string[] = [];
  for (const lng of SUPPORTED_LANGUAGES.filter((l) => l !== SOURCE)) {
    for (const r of languageReport(PATHS.locales, lng, NAMESPACES, SOURCE)) {
      rows.push([
        lng,
        r.namespace,
        `${r.units}`,
        `${r.translated}`,
        `${r.missing.length}`,
        `${r.stale.length}`,
        `${r.notReviewed}`,
        `${r.wordsToTranslate}`,
      ]);
      if (r.missing.length > 0) incomplete = true;
      for (const unit of r.missing) details.push(`${lng} ${r.namespace}:${unit}: missing`);
      for (const unit of r.stale) details.push(`${lng} ${r.namespace}:${unit}: stale (the English changed)`);
      for (const unit of r.obsolete) details.push(`${lng} ${r.namespace}:${unit}: no longer in English`);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    console.log(
      row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    );
  if (details.length > 0) console.log(`\n${details.join('\n')}`);
  return incomplete ? 1 : 0;
}

function stampLanguage(lng: string | undefined, named: readonly string[]): number {
  if (lng === undefined || !isLanguage(lng) || lng === SOURCE) {
    console.error(
      `Name the language to stamp: one of ${SUPPORTED_LANGUAGES.filter((l) => l !== SOURCE).join(', ')}.`,
    );
    return 2;
  }
  const known = new Set(
    NAMESPACES.flatMap((ns) =>
      [...units(readStrings(PATHS.locales, lng, ns)).keys()].map((unit) => `${ns}:${unit}`),
    ),
  );
  const unknown = named.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    console.error(
      `${lng} has no unit ${unknown.join(', ')} (write units as namespace:key, e.g. legal:citation).`,
    );
    return 2;
  }
  const only = named.length > 0 ? new Set(named) : undefined;
  const before = readStatus(PATHS.locales, lng);
  let next: Record<string, UnitStatus> = {};
  for (const ns of NAMESPACES)
    next = {
      ...next,
      ...stamp(ns, readStrings(PATHS.locales, SOURCE, ns), readStrings(PATHS.locales, lng, ns), before, only),
    };
  writeStatus(PATHS.locales, lng, next);
  const count = only?.size ?? Object.keys(next).length;
  console.log(`${lng}: ${count} units recorded as translated from today's English.`);
  return 0;
}

const [command, arg, ...rest] = process.argv.slice(2);
process.exitCode =
  command === 'stamp'
    ? stampLanguage(arg, rest)
    : command === 'report' || command === undefined
      ? report()
      : 2;
