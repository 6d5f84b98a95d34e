/**
 * The product's strings, for translators:
 *   npm run i18n:report            per language and namespace: units translated, missing, stale (the
 *                                  English changed since), not reviewed, and English words to translate
 *   npm run i18n:stamp -- {lng} [namespace:key ...]
 *                                  record today's English as the source of every unit {lng} has, or of
 *                                  the units named (after translating or checking them); reviews of
 *                                  changed units reset
 *   npm run i18n:export -- {lng} [file]
 *                                  {lng}'s strings as an XLIFF 1.2 file for a translator's tool (CAT tool):
 *                                  a <file> per namespace, a unit per plural or gender form and per line,
 *                                  states (missing, stale, translated, reviewed) and notes
 *                                  (server/i18n/strings-xliff.ts); to `file`, or to standard output
 *   npm run i18n:import -- {lng} file
 *                                  the translated file back into locales/{lng}/*.json and
 *                                  locales/status/{lng}.json (units confirmed in the tool recorded as
 *                                  translated from today's English; reviewed when signed off); a file
 *                                  with any problem is refused as a whole, each problem named, and
 *                                  changes nothing
 * Exit code 1 from the report when a language misses a unit (the six languages are kept complete); 2
 * for a command, language or file that cannot be used.
 */
import fs from 'node:fs';
import { NAMESPACES, SUPPORTED_LANGUAGES, isLanguage, type Language } from '../server/i18n';
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
import { describeRefusal, exportStrings, importStrings } from '../server/i18n/strings-xliff';
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

/** The translated language named on the command line, or undefined (said on standard error). */
function translatedLanguage(lng: string | undefined, what: string): Language | undefined {
  if (lng !== undefined && isLanguage(lng) && lng !== SOURCE) return lng;
  console.error(
    `Name the language to ${what}: one of ${SUPPORTED_LANGUAGES.filter((l) => l !== SOURCE).join(', ')}.`,
  );
  return undefined;
}

function exportLanguage(code: string | undefined, file: string | undefined): number {
  const lng = translatedLanguage(code, 'export');
  if (lng === undefined) return 2;
  const xml = exportStrings(PATHS.locales, lng);
  if (file === undefined) process.stdout.write(xml);
  else {
    fs.writeFileSync(file, xml);
    console.log(`${lng}: strings written to ${file}.`);
  }
  return 0;
}

function importLanguage(code: string | undefined, file: string | undefined): number {
  const lng = translatedLanguage(code, 'import');
  if (lng === undefined) return 2;
  if (file === undefined || !fs.existsSync(file)) {
    console.error(
      `Name the XLIFF file to import into ${lng}${file === undefined ? '' : ` (no file ${file})`}.`,
    );
    return 2;
  }
  const imported = importStrings(PATHS.locales, lng, fs.readFileSync(file, 'utf8'));
  if (!imported.ok) {
    console.error(`${file} is refused; nothing was changed:`);
    for (const refusal of imported.refusals) console.error(`  ${describeRefusal(refusal)}`);
    return 2;
  }
  const { written, recorded, reviewed } = imported.result;
  console.log(
    `${lng}: ${written} strings written; ${recorded} units recorded as translated from today's English, ${reviewed} of them reviewed.`,
  );
  return 0;
}

function stampLanguage(code: string | undefined, named: readonly string[]): number {
  const lng = translatedLanguage(code, 'stamp');
  if (lng === undefined) return 2;
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
    : command === 'export'
      ? exportLanguage(arg, rest[0])
      : command === 'import'
        ? importLanguage(arg, rest[0])
        : command === 'report' || command === undefined
          ? report()
          : 2;
