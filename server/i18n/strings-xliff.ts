/**
 * The product's own strings of one language as an XLIFF 1.2 file for translators' tools (CAT tools), and
 * reading one back into locales/{lng}/{namespace}.json and the language's status file
 * (translation-status.ts). `npm run i18n:export` and `npm run i18n:import` (scripts/i18n.ts) run it.
 *
 * XLIFF 1.2, as for a draft's answers (domain/xliff.ts, which says why, and whose writing and reading of
 * the XML this module shares): every tool a ministry's translators use reads and writes it back.
 *
 *   <file original="common.json">  one per namespace, target-language = the language's BCP 47 tag
 *   trans-unit id = resname = the key in the namespace, one per form the language needs:
 *     plural forms each their own unit ("pages.tasks.retention_one"), for every CLDR category of the
 *       target language (Intl.PluralRules) and every form English has; a form English lacks (Russian
 *       "few", French "many") has the English "other" as its source, and a note says which category it is
 *     gender forms ("instrument.whereas_female") where the language has them, the English as source
 *     a list of lines one unit per line ("pages.delete.lines.0"): i18next and the pages take a list line
 *       by line, the number of lines is the template's (one unit per line cannot add or drop one), and a
 *       line break inside a segment is shown differently by each tool
 *   no target           = missing (the language has no text for this form)
 *   state="needs-review-translation" = stale: translated from an earlier English (only its hash is kept,
 *                         so the note says the English changed, not how)
 *   state="translated"  = translated from today's English, not reviewed
 *   state="signed-off"  = translated from today's English and reviewed ("changes are reviewed and
 *                         approved", XLIFF 1.2); `final` is read the same way
 *   notes               = the note for translators (locales/notes), the {{variables}} to keep, the plural
 *                         category or gender of the form, the line, and whether the English changed
 *
 * Reading back refuses the whole file, naming each problem, when it has a document type or an entity, is
 * for another language or a namespace the product does not have, names a unit the language's file would
 * not have (or twice), or a target drops or adds a {{variable}} (a form English lacks may leave out
 * {{count}}: Arabic writes "two errors" as one dual word). A refused file changes nothing. Otherwise each
 * non-empty target is written (keys in English's order), and a unit of the status file whose every form
 * with a text was confirmed by the file (a target in a done state, or changed) is recorded as
 * translated from today's English, reviewed when every form is `signed-off` or `final`. A target left
 * unchanged in a state that is not done (new, needs-…) confirms nothing, as for a draft's answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { childOf, NOT_DONE, parseXliff, xliffDocument, type XliffFileError } from '../domain/xliff';
import { NAMESPACES } from './index';
import { profileOf, SOURCE_LANGUAGE, type Language } from './languages';
import {
  flattenStrings,
  readStatus,
  sourceHash,
  unitOf,
  units,
  writeStatus,
  type StatusFile,
  type UnitStatus,
} from './translation-status';

type Namespace = (typeof NAMESPACES)[number];
type Tree = Record<string, unknown>;

const PLURAL = /_(zero|one|two|few|many|other)$/;
const CONTEXT = /_(male|female)$/;
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const FROM = 'accession-assistant';

/** One form of one unit of a namespace, as the file carries it. */
export interface StringForm {
  /** The key in its namespace: "pages.tasks.retention_few", "pages.delete.lines.1". */
  readonly key: string;
  /** Its unit in the status file (a key without plural or gender suffix; a list of lines). */
  readonly unit: string;
  /** The English it is translated from. */
  readonly source: string;
  /** The language's text; undefined when it has none. */
  readonly target: string | undefined;
  /** A plural form: its CLDR category, and the English category given as its source. */
  readonly plural?: { readonly category: string; readonly source: string };
  readonly context?: 'male' | 'female';
  readonly line?: { readonly index: number; readonly count: number };
}

const isTree = (value: unknown): value is Tree =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const stringAt = (tree: unknown, key: string | number): string | undefined => {
  const value = (tree as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The forms of a namespace the language needs, in the English file's order: English's keys, plural forms
 * for `categories` (the language's CLDR plural categories) and English's, the gender forms the language
 * has, a form per line of a list.
 */
export function namespaceForms(english: Tree, target: unknown, categories: readonly string[]): StringForm[] {
  const forms: StringForm[] = [];
  const walk = (en: Tree, tr: unknown, prefix: string) => {
    const done = new Set<string>();
    for (const [key, value] of Object.entries(en)) {
      const full = prefix ? `${prefix}.${key}` : key;
      const plural = PLURAL.exec(key);
      if (typeof value === 'string' && plural) {
        const base = key.slice(0, plural.index);
        if (done.has(base)) continue;
        done.add(base);
        const own = CATEGORIES.filter((c) => typeof en[`${base}_${c}`] === 'string');
        for (const category of CATEGORIES.filter((c) => own.includes(c) || categories.includes(c))) {
          const source = own.includes(category) ? category : 'other';
          const formKey = `${prefix ? `${prefix}.` : ''}${base}_${category}`;
          forms.push({
            key: formKey,
            unit: unitOf(formKey),
            source: stringAt(en, `${base}_${source}`) ?? '',
            target: stringAt(tr, `${base}_${category}`),
            plural: { category, source },
          });
        }
      } else if (typeof value === 'string') {
        forms.push({ key: full, unit: unitOf(full), source: value, target: stringAt(tr, key) });
        const contexts = isTree(tr)
          ? Object.keys(tr).filter((k) => CONTEXT.test(k) && unitOf(k) === key)
          : [];
        for (const k of contexts)
          forms.push({
            key: `${full}${k.slice(key.length)}`,
            unit: unitOf(full),
            source: value,
            target: stringAt(tr, k),
            context: k.endsWith('_female') ? 'female' : 'male',
          });
      } else if (Array.isArray(value)) {
        const lines = isTree(tr) && Array.isArray(tr[key]) ? (tr[key] as unknown[]) : [];
        value.forEach((line, index) =>
          forms.push({
            key: `${full}.${index}`,
            unit: unitOf(full),
            source: String(line),
            target: stringAt(lines, index),
            line: { index, count: value.length },
          }),
        );
      } else if (isTree(value)) walk(value, isTree(tr) ? tr[key] : undefined, full);
    }
  };
  walk(english, target, '');
  return forms;
}

/** The plural categories of a BCP 47 tag, CLDR's, as Intl knows them. */
export function pluralCategories(tag: string): string[] {
  return new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
}

/** Counts that take a plural category in a language, for the translator's note ("2, 3, 4, 22"). */
function examples(tag: string, category: string): number[] {
  const rules = new Intl.PluralRules(tag);
  const candidates = [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 20, 21, 22, 25, 100, 101, 102, 111, 1000000];
  return candidates.filter((n) => rules.select(n) === category).slice(0, 5);
}

// ---------------------------------------------------------------------------------------------------
// Variables

const VARIABLE = /\{\{\s*([^}\s]+)\s*\}\}/g;
/**
 * Variables that are the same value in two forms: "of {{party}}" and {{ofParty}} (French contracts "de"
 * with the article; the document builders pass both, as tests/unit/i18n/locales.test.ts allows).
 */
const ALTERNATES: Readonly<Record<string, string>> = { ofParty: 'party', ofName: 'name' };

/** The {{variables}} of a text, each once, sorted. */
export function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))].sort();
}

/** Variables a target drops and adds compared with its form's English; a form English lacks may drop count. */
export function variableDifference(form: StringForm, target: string): { missing: string[]; added: string[] } {
  const canonical = (text: string) => new Set(variablesOf(text).map((v) => ALTERNATES[v] ?? v));
  const source = canonical(form.source);
  const own = canonical(target);
  const mayDropCount = form.plural !== undefined && form.plural.category !== form.plural.source;
  return {
    missing: [...source].filter((v) => !own.has(v) && !(v === 'count' && mayDropCount)),
    added: [...own].filter((v) => !source.has(v)),
  };
}

// ---------------------------------------------------------------------------------------------------
// The file

/** What an export or an import reads: the English and the language's trees, the notes, the status. */
export interface LocaleSet {
  readonly english: Readonly<Record<Namespace, Tree>>;
  readonly target: Readonly<Record<Namespace, Tree>>;
  /** Notes for translators by unit, per namespace (locales/notes/{namespace}.json). */
  readonly notes: Readonly<Record<Namespace, Readonly<Record<string, string>>>>;
  readonly status: StatusFile;
}

type UnitState = 'missing' | 'stale' | 'translated' | 'reviewed';

function stateOf(ns: Namespace, form: StringForm, englishUnits: Map<string, string>, status: StatusFile) {
  if (form.target === undefined) return 'missing' satisfies UnitState;
  const record = status[`${ns}:${form.unit}`];
  if (record === undefined || record.source !== sourceHash(englishUnits.get(form.unit) ?? ''))
    return 'stale' satisfies UnitState;
  return record.reviewed ? ('reviewed' satisfies UnitState) : ('translated' satisfies UnitState);
}

const TARGET_STATE = {
  stale: 'needs-review-translation',
  translated: 'translated',
  reviewed: 'signed-off',
} as const;

/** The notes of one form, in English (the language of the notes for translators). */
function notesOf(form: StringForm, note: string | undefined, tag: string, state: UnitState): string[] {
  const notes: string[] = [];
  if (note !== undefined) notes.push(note);
  const variables = variablesOf(form.source);
  if (variables.length > 0) {
    const optional = form.plural !== undefined && form.plural.category !== form.plural.source;
    notes.push(
      `Keep these variables exactly as written: ${variables.map((v) => `{{${v}}}`).join(', ')}` +
        (optional && variables.includes('count') ? ' ({{count}} may be left out in this form).' : '.'),
    );
  }
  if (form.plural) {
    const { category, source } = form.plural;
    const counts = examples(tag, category);
    notes.push(
      counts.length > 0 && pluralCategories(tag).includes(category)
        ? `Plural form "${category}" (CLDR) of ${tag}: used for counts such as ${counts.join(', ')}.` +
            (source !== category
              ? ` English has no such form: its source is the English "${source}" form.`
              : '')
        : `Plural form "${category}": ${tag} does not use it (its forms are ${pluralCategories(tag).join(', ')}); it is kept because English has it.`,
    );
  }
  if (form.context)
    notes.push(
      `Gender form "${form.context}": used when the word it agrees with (the treaty's title) is ${form.context === 'female' ? 'feminine' : 'masculine'}; English has one form for both.`,
    );
  if (form.line)
    notes.push(
      `Line ${form.line.index + 1} of ${form.line.count} of ${form.unit}: each line is translated on its own, and the lines are shown in this order.`,
    );
  if (state === 'stale')
    notes.push(
      'The English changed since this was translated (the earlier English is not kept): check the translation against the source.',
    );
  return notes;
}

/** The XLIFF 1.2 file of one language's strings: a `<file>` per namespace, a trans-unit per form. */
export function buildStringsXliff(lng: Language, locales: LocaleSet): string {
  const tag = profileOf(lng).tag;
  const sourceTag = profileOf(SOURCE_LANGUAGE).tag;
  const { root, add, close, serialize } = xliffDocument();
  for (const ns of NAMESPACES) {
    const englishUnits = units(flattenStrings(locales.english[ns]));
    const file = add(root, 'file', {
      original: `${ns}.json`,
      'source-language': sourceTag,
      'target-language': tag,
      datatype: 'plaintext',
    });
    const header = add(file, 'header', {}, undefined, 1);
    add(
      header,
      'note',
      { from: FROM },
      `The product's strings of the namespace "${ns}" (locales/${lng}/${ns}.json), in ${tag}. ` +
        'Translate each target; keep every {{variable}} as written. Read back with: npm run i18n:import -- ' +
        `${lng} <file>.`,
      2,
    );
    close(header, 2);
    const body = add(file, 'body', {}, undefined, 1);
    for (const form of namespaceForms(locales.english[ns], locales.target[ns], pluralCategories(tag))) {
      const state = stateOf(ns, form, englishUnits, locales.status);
      const unit = add(
        body,
        'trans-unit',
        { id: form.key, resname: form.key, 'xml:space': 'preserve' },
        undefined,
        2,
      );
      add(unit, 'source', { 'xml:lang': sourceTag }, form.source, 3);
      if (form.target !== undefined && state !== 'missing')
        add(unit, 'target', { 'xml:lang': tag, state: TARGET_STATE[state] }, form.target, 3);
      for (const note of notesOf(form, locales.notes[ns][form.unit], tag, state))
        add(unit, 'note', { from: FROM }, note, 3);
      close(unit, 3);
    }
    close(body, 2);
    close(file, 1);
  }
  close(root, 0);
  return serialize();
}

// ---------------------------------------------------------------------------------------------------
// Reading a file back

/** Why a file is refused, each problem named. */
export type StringsRefusal =
  | { readonly code: XliffFileError }
  | { readonly code: 'unknownFile'; readonly file: string }
  | { readonly code: 'otherLanguage'; readonly language: string }
  | { readonly code: 'unknownUnit' | 'duplicateUnit' | 'incompleteLines'; readonly unit: string }
  | {
      readonly code: 'variables';
      readonly unit: string;
      readonly missing: readonly string[];
      readonly added: readonly string[];
    };

/** A refusal in words, for the command line. */
export function describeRefusal(r: StringsRefusal): string {
  switch (r.code) {
    case 'doctype':
      return 'the file declares a document type or an entity, which is never read';
    case 'notXml':
      return 'the file is not well-formed XML';
    case 'notXliff':
    case 'notOurs':
      return 'the file is not XLIFF 1.2';
    case 'unknownFile':
      return `<file original="${r.file}"> is not one of ${NAMESPACES.map((ns) => `${ns}.json`).join(', ')}`;
    case 'otherLanguage':
      return `the file is for "${r.language}", not this language`;
    case 'unknownUnit':
      return `${r.unit}: no such unit in this language's strings`;
    case 'duplicateUnit':
      return `${r.unit}: the unit is in the file twice`;
    case 'incompleteLines':
      return `${r.unit}: a list of lines needs every line translated`;
    case 'variables':
      return (
        `${r.unit}: the translation ` +
        [
          r.missing.length > 0 ? `drops ${r.missing.map((v) => `{{${v}}}`).join(', ')}` : '',
          r.added.length > 0 ? `adds ${r.added.map((v) => `{{${v}}}`).join(', ')}` : '',
        ]
          .filter(Boolean)
          .join(' and ') +
        ' compared with the English'
      );
  }
}

/** A trans-unit as the translator's tool left it. */
interface FileUnit {
  readonly target: string;
  readonly state: string | null;
}

/** What an import changes: the namespaces' new trees, the status file, and counts. */
export interface StringsImport {
  readonly target: Record<Namespace, Tree>;
  readonly status: Record<string, UnitStatus>;
  /** Forms whose text the file added or changed. */
  readonly written: number;
  /** Units whose record the file changed (now translated from today's English), and of those, reviewed. */
  readonly recorded: number;
  readonly reviewed: number;
}

const REVIEWED = new Set(['signed-off', 'final']);

/** Whether `xml` is a file of `lng`'s strings; then what importing it changes (pure). */
export function applyStringsXliff(
  lng: Language,
  locales: LocaleSet,
  xml: string,
): { ok: true; result: StringsImport } | { ok: false; refusals: StringsRefusal[] } {
  const parsed = parseXliff(xml);
  if (!parsed.ok) return { ok: false, refusals: [{ code: parsed.error }] };
  const tag = profileOf(lng).tag;
  const ns = parsed.root.namespaceURI;
  const refusals: StringsRefusal[] = [];
  const found = new Map<Namespace, Map<string, FileUnit>>();
  const formsOf = new Map<Namespace, Map<string, StringForm>>(
    NAMESPACES.map((n) => [
      n,
      new Map(
        namespaceForms(locales.english[n], locales.target[n], pluralCategories(tag)).map((f) => [f.key, f]),
      ),
    ]),
  );
  const files = parsed.root.getElementsByTagNameNS(ns, 'file');
  for (let i = 0; i < files.length; i++) {
    const file = files.item(i)!;
    const language = file.getAttribute('target-language') ?? '';
    if (language.split(/[-_]/)[0]!.toLowerCase() !== lng) {
      if (!refusals.some((r) => r.code === 'otherLanguage' && r.language === language))
        refusals.push({ code: 'otherLanguage', language });
      continue;
    }
    const original = file.getAttribute('original') ?? '';
    const namespace = NAMESPACES.find((n) => `${n}.json` === original);
    if (namespace === undefined) {
      refusals.push({ code: 'unknownFile', file: original });
      continue;
    }
    const seen = found.get(namespace) ?? new Map<string, FileUnit>();
    found.set(namespace, seen);
    readUnits(file, ns, namespace, formsOf.get(namespace)!, seen, refusals);
  }
  if (refusals.length > 0) return { ok: false, refusals };
  const planned = plan(locales, found, formsOf, refusals);
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, result: planned };
}

function readUnits(
  file: Element,
  ns: string | null,
  namespace: Namespace,
  forms: ReadonlyMap<string, StringForm>,
  seen: Map<string, FileUnit>,
  refusals: StringsRefusal[],
): void {
  const list = file.getElementsByTagNameNS(ns, 'trans-unit');
  for (let i = 0; i < list.length; i++) {
    const unit = list.item(i)!;
    const id = unit.getAttribute('id') ?? '';
    const form = forms.get(id);
    if (form === undefined) {
      refusals.push({ code: 'unknownUnit', unit: `${namespace}:${id}` });
      continue;
    }
    if (seen.has(id)) {
      refusals.push({ code: 'duplicateUnit', unit: `${namespace}:${id}` });
      continue;
    }
    const target = childOf(unit, ns, 'target');
    const text = target?.textContent ?? '';
    seen.set(id, { target: text, state: target?.getAttribute('state') || null });
    if (text.trim() === '') continue;
    const { missing, added } = variableDifference(form, text);
    if (missing.length > 0 || added.length > 0)
      refusals.push({ code: 'variables', unit: `${namespace}:${id}`, missing, added });
  }
}

/** The trees and the status after the file's targets are written (refusals of incomplete lists added). */
function plan(
  locales: LocaleSet,
  found: ReadonlyMap<Namespace, ReadonlyMap<string, FileUnit>>,
  formsOf: ReadonlyMap<Namespace, ReadonlyMap<string, StringForm>>,
  refusals: StringsRefusal[],
): StringsImport {
  const status: Record<string, UnitStatus> = { ...locales.status };
  const target = { ...locales.target };
  let written = 0;
  let recorded = 0;
  let reviewed = 0;
  for (const namespace of NAMESPACES) {
    const given_ = found.get(namespace);
    if (given_ === undefined) continue;
    const texts = new Map<string, string>();
    const byUnit = new Map<string, StringForm[]>();
    for (const form of formsOf.get(namespace)!.values())
      byUnit.set(form.unit, [...(byUnit.get(form.unit) ?? []), form]);
    const englishUnits = units(flattenStrings(locales.english[namespace]));
    for (const [unit, forms] of byUnit) {
      const given = (f: StringForm) => {
        const u = given_.get(f.key);
        return u !== undefined && u.target.trim() !== '' ? u : undefined;
      };
      if (!forms.some((f) => given(f) !== undefined)) continue;
      const textOf = (f: StringForm) => given(f)?.target ?? f.target;
      for (const f of forms) {
        const text = given(f)?.target;
        if (text !== undefined && text !== f.target) {
          texts.set(f.key, text);
          written++;
        }
      }
      if (forms.some((f) => f.line) && forms.some((f) => textOf(f) === undefined)) {
        refusals.push({ code: 'incompleteLines', unit: `${namespace}:${unit}` });
        continue;
      }
      const withText = forms.filter((f) => textOf(f) !== undefined);
      const confirmed = (f: StringForm) => {
        const u = given(f);
        return u !== undefined && (!NOT_DONE.test(u.state ?? '') || u.target !== f.target);
      };
      if (!withText.every(confirmed)) continue;
      const id = `${namespace}:${unit}`;
      const record = {
        source: sourceHash(englishUnits.get(unit) ?? ''),
        reviewed: withText.every((f) => REVIEWED.has(given(f)!.state ?? '')),
      };
      if (status[id]?.source === record.source && status[id].reviewed === record.reviewed) continue;
      status[id] = record;
      recorded++;
      if (record.reviewed) reviewed++;
    }
    if (texts.size > 0)
      target[namespace] = rebuild(locales.english[namespace], locales.target[namespace], texts);
  }
  return { target, status, written, recorded, reviewed };
}

/**
 * A namespace's tree with `texts` (by form key) written in: keys in English's order, a unit's plural
 * forms in CLDR order where English has its first, gender forms after the key, lists of lines as lists;
 * keys English does not have stay, after English's.
 */
export function rebuild(
  english: Tree,
  target: unknown,
  texts: ReadonlyMap<string, string>,
  prefix = '',
): Tree {
  const out: Tree = {};
  const old = isTree(target) ? target : {};
  const full = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const put = (key: string) => {
    const value = texts.get(full(key)) ?? old[key];
    if (value !== undefined) out[key] = value;
  };
  for (const [key, value] of Object.entries(english)) {
    const plural = PLURAL.exec(key);
    if (typeof value === 'string' && plural) {
      const base = key.slice(0, plural.index);
      for (const category of CATEGORIES) put(`${base}_${category}`);
    } else if (typeof value === 'string') {
      put(key);
      for (const k of Object.keys(old).filter((k) => CONTEXT.test(k) && unitOf(k) === key)) put(k);
    } else if (Array.isArray(value)) {
      const lines = Array.isArray(old[key]) ? (old[key] as unknown[]) : [];
      const next = value.map((_, i) => texts.get(`${full(key)}.${i}`) ?? lines[i]);
      if (next.every((line) => line !== undefined)) out[key] = next;
      else if (old[key] !== undefined) out[key] = old[key];
    } else if (isTree(value)) {
      const child = rebuild(value, old[key], texts, full(key));
      if (Object.keys(child).length > 0) out[key] = child;
    }
  }
  for (const [key, value] of Object.entries(old)) if (!(key in out)) out[key] = value;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The files

/**
 * A locale file as prettier writes it (the house formats the locales with prettier, printWidth 110):
 * objects one key a line, a list on one line when it fits. A test checks it against every locale file.
 */
export function formatLocaleJson(tree: Tree): string {
  const print = (value: unknown, indent: string, lead: number, last: boolean): string => {
    if (typeof value === 'string') return JSON.stringify(value);
    if (Array.isArray(value)) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (value.length === 0 || lead + width(flat) + (last ? 0 : 1) <= 110) return flat;
      const inner = `${indent}  `;
      return `[\n${value.map((v) => `${inner}${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(value as Tree);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(([k, v], i) => {
      const head = `${inner}${JSON.stringify(k)}: `;
      return `${head}${print(v, inner, width(head), i === entries.length - 1)}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  };
  return `${print(tree, '', 0, true)}\n`;
}

/** The width prettier gives a text: East Asian wide characters count two, combining accents none. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x300 && c <= 0x36f)) continue;
    w +=
      /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return w;
}

/** The English and `lng`'s strings, the notes and `lng`'s status, from a locales folder. */
export function readLocaleSet(localesDir: string, lng: Language): LocaleSet {
  const read = (file: string): Tree =>
    fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Tree) : {};
  const perNamespace = <T>(pick: (ns: Namespace) => T) =>
    Object.fromEntries(NAMESPACES.map((ns) => [ns, pick(ns)])) as Record<Namespace, T>;
  return {
    english: perNamespace((ns) => read(path.join(localesDir, SOURCE_LANGUAGE, `${ns}.json`))),
    target: perNamespace((ns) => read(path.join(localesDir, lng, `${ns}.json`))),
    notes: perNamespace((ns) => read(path.join(localesDir, 'notes', `${ns}.json`)) as Record<string, string>),
    status: readStatus(localesDir, lng),
  };
}

/** `lng`'s strings as an XLIFF file, from a locales folder. */
export function exportStrings(localesDir: string, lng: Language): string {
  return buildStringsXliff(lng, readLocaleSet(localesDir, lng));
}

/**
 * Import `xml` into a locales folder: nothing is written when the file is refused; otherwise the
 * namespaces whose strings changed and the status file, when it changed.
 */
export function importStrings(
  localesDir: string,
  lng: Language,
  xml: string,
): { ok: true; result: StringsImport } | { ok: false; refusals: StringsRefusal[] } {
  const locales = readLocaleSet(localesDir, lng);
  const applied = applyStringsXliff(lng, locales, xml);
  if (!applied.ok) return applied;
  const { result } = applied;
  for (const ns of NAMESPACES) {
    if (result.target[ns] === locales.target[ns]) continue;
    const file = path.join(localesDir, lng, `${ns}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, formatLocaleJson(result.target[ns]));
  }
  if (result.recorded > 0) writeStatus(localesDir, lng, result.status);
  return applied;
}
