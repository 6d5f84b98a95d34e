/**
 * Where each language's translation of the product's strings stands, against the English source.
 *
 * A unit of translation is a key without its plural or gender suffix ("retention" for retention_one and
 * retention_other; Arabic adds _zero, _two, _few, _many, French _male and _female): a translator
 * translates the sentence, in as many forms as the language needs. A unit is
 * - missing when the language has none of its forms;
 * - stale when the English changed since it was translated: each language's status file
 *   (locales/status/{lng}.json) records, per unit, a hash of the English text it was translated from;
 * - not reviewed until a qualified translator has reviewed it (`reviewed` in the status file).
 *
 * Pure functions over parsed locale files, then their reading and writing; `npm run i18n:report` prints the report, and `npm run
 * i18n:stamp -- {lng}` records the current English as the source of every unit the language has.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A locale file's strings by their dotted key ("pages.home.heading"); a list of lines is one string. */
export function flattenStrings(
  tree: unknown,
  prefix = '',
  out = new Map<string, string>(),
): Map<string, string> {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (Array.isArray(tree)) out.set(prefix, tree.map(String).join('\n'));
  else if (tree !== null && typeof tree === 'object')
    for (const [key, value] of Object.entries(tree))
      flattenStrings(value, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

const SUFFIX = /_(zero|one|two|few|many|other|male|female)$/;

/** The unit a key belongs to: the key without its plural or gender suffix. */
export function unitOf(key: string): string {
  return key.replace(SUFFIX, '');
}

/** Each unit with the text of its forms, in key order (one string per unit, forms on their own lines). */
export function units(strings: ReadonlyMap<string, string>): Map<string, string> {
  const grouped = new Map<string, string[]>();
  for (const key of [...strings.keys()].sort()) {
    const unit = unitOf(key);
    grouped.set(unit, [...(grouped.get(unit) ?? []), strings.get(key) ?? '']);
  }
  return new Map([...grouped].map(([unit, forms]) => [unit, forms.join('\n')]));
}

/** The hash recorded for an English source text: 12 hex digits of its SHA-256. */
export function sourceHash(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/** One unit's record in a status file: the English it was translated from, and whether it was reviewed. */
export interface UnitStatus {
  readonly source: string;
  readonly reviewed: boolean;
}

/** A language's status file: units by "namespace:key". */
export type StatusFile = Readonly<Record<string, UnitStatus>>;

export interface NamespaceReport {
  readonly namespace: string;
  /** Units in the English source. */
  readonly units: number;
  readonly translated: number;
  readonly missing: readonly string[];
  readonly stale: readonly string[];
  readonly notReviewed: number;
  /** Words of English still to translate: the missing and the stale units'. */
  readonly wordsToTranslate: number;
  /** Units the language has that English no longer has (left over after a key was removed). */
  readonly obsolete: readonly string[];
}

/** Words in a text, placeholders ({{name}}) and markup aside. */
export function wordCount(text: string): number {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** One namespace of one language, against English. */
export function namespaceReport(
  namespace: string,
  english: ReadonlyMap<string, string>,
  target: ReadonlyMap<string, string>,
  status: StatusFile,
): NamespaceReport {
  const source = units(english);
  const translated = units(target);
  const missing: string[] = [];
  const stale: string[] = [];
  let notReviewed = 0;
  let words = 0;
  for (const [unit, text] of source) {
    const id = `${namespace}:${unit}`;
    if (!translated.has(unit)) {
      missing.push(unit);
      words += wordCount(text);
      continue;
    }
    const record = status[id];
    if (record === undefined || record.source !== sourceHash(text)) {
      stale.push(unit);
      words += wordCount(text);
    }
    if (record?.reviewed !== true) notReviewed += 1;
  }
  return {
    namespace,
    units: source.size,
    translated: source.size - missing.length,
    missing,
    stale,
    notReviewed,
    wordsToTranslate: words,
    obsolete: [...translated.keys()].filter((unit) => !source.has(unit)),
  };
}

/**
 * The status file after a translator confirms the language's current strings: every unit the language
 * has is recorded as translated from today's English; whether it was reviewed is kept when the English
 * did not change, and reset when it did (a changed sentence needs a new review). Given `only` (units
 * as "namespace:key"), just those units are recorded; the others keep their record, so a translator
 * who updated one sentence does not mark the language's other stale sentences as done.
 */
export function stamp(
  namespace: string,
  english: ReadonlyMap<string, string>,
  target: ReadonlyMap<string, string>,
  status: StatusFile,
  only?: ReadonlySet<string>,
): Record<string, UnitStatus> {
  const next: Record<string, UnitStatus> = {};
  const translated = units(target);
  for (const [unit, text] of units(english)) {
    if (!translated.has(unit)) continue;
    const id = `${namespace}:${unit}`;
    const before = status[id];
    if (only !== undefined && !only.has(id)) {
      if (before !== undefined) next[id] = before;
      continue;
    }
    const source = sourceHash(text);
    next[id] = { source, reviewed: before?.source === source && before.reviewed };
  }
  return next;
}

// ---------------------------------------------------------------------------------------------------
// The files: locales/{lng}/{namespace}.json and locales/status/{lng}.json.

/** A language's strings in a namespace, flattened (an empty map when the file does not exist yet). */
export function readStrings(localesDir: string, lng: string, namespace: string): Map<string, string> {
  const file = path.join(localesDir, lng, `${namespace}.json`);
  return fs.existsSync(file) ? flattenStrings(JSON.parse(fs.readFileSync(file, 'utf8'))) : new Map();
}

export function statusFilePath(localesDir: string, lng: string): string {
  return path.join(localesDir, 'status', `${lng}.json`);
}

export function readStatus(localesDir: string, lng: string): StatusFile {
  const file = statusFilePath(localesDir, lng);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StatusFile) : {};
}

/** Written with sorted keys, one unit per line, so that a diff shows what a translator confirmed. */
export function writeStatus(localesDir: string, lng: string, status: StatusFile): void {
  const sorted = Object.fromEntries(Object.entries(status).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  fs.mkdirSync(path.dirname(statusFilePath(localesDir, lng)), { recursive: true });
  const lines = Object.entries(sorted).map(
    ([id, record]) => `  ${JSON.stringify(id)}: ${JSON.stringify(record)}`,
  );
  fs.writeFileSync(statusFilePath(localesDir, lng), `{\n${lines.join(',\n')}\n}\n`);
}

/** The report of one language, namespace by namespace. */
export function languageReport(
  localesDir: string,
  lng: string,
  namespaces: readonly string[],
  sourceLng: string,
): NamespaceReport[] {
  const status = readStatus(localesDir, lng);
  return namespaces.map((ns) =>
    namespaceReport(ns, readStrings(localesDir, sourceLng, ns), readStrings(localesDir, lng, ns), status),
  );
}
