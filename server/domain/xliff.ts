/**
 * A draft's printed answers as an XLIFF file for translators' tools (CAT tools), and reading one back
 * (domain/translations.ts holds the answers and their translations). Pure: the words of the notes come
 * from the caller; the XML is built and read by @xmldom/xmldom, which escapes what it writes and is given
 * no document type to read.
 *
 * XLIFF 1.2 (OASIS, 2008), not 2.x: every tool a ministry's translators use opens and writes it back
 * (Trados Studio, memoQ, Phrase, OmegaT, Wordfast, MateCat, Okapi), while 2.0 and 2.1 are read by fewer
 * and each with its own gaps. 1.2 also carries in its core what this file needs: a length limit per
 * unit (`maxwidth` with `size-unit="char"`, which Trados, memoQ and Phrase check as the translator types),
 * states a tool shows and changes (`needs-review-translation` for a translation whose source changed
 * since), `translate="no"` for a fixed term, and `<note>`s the tools show beside the segment. In 2.x the
 * limit needs the Size and Length Restriction module, which few tools implement.
 *
 * The file names the draft by a fingerprint, never its id (the id is the key to the draft), and the
 * revision it was exported at (`<file original="draft-…-revision-12">`): a file for another draft, or of
 * another revision, is refused as a whole, as is one for another language, one that names a unit the
 * draft does not have, or one whose texts the schema refuses. A refusal changes nothing.
 *
 *   unit id             = the answer's key (TextSlot.key), also its `resname`
 *   target, no state    = untranslated (no target at all)
 *   state="translated"  = translated from the current answer
 *   state="needs-review-translation" = stale: translated from an earlier text, given in a note
 *   translate="no"      = the State's formal name as the United Nations write it (fixed; never imported)
 */
import { createHash } from 'node:crypto';
import { DOMImplementation, DOMParser, XMLSerializer, onWarningStopParsing } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { fromZodIssues, type Param } from './issues';
import { LIMITS, LongTextSchema, ShortTextSchema, type Package } from './package';
import { slotStatuses, type SlotStatus } from './translations';
import type { Language } from '../i18n/languages';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF_MEDIA_TYPE = 'application/xliff+xml';

/**
 * The draft as the file names it: 64 bits of a SHA-256 of its id. The id holds 144 random bits, so the
 * fingerprint tells nothing of it, and two drafts' fingerprints differ but by a 1 in 2^64 chance.
 */
export function draftFingerprint(draftId: string): string {
  return createHash('sha256').update(`xliff-draft:${draftId}`).digest('hex').slice(0, 16);
}

const ORIGINAL = /^draft-([0-9a-f]{16})-revision-([1-9]\d{0,9})$/;
const originalOf = (fingerprint: string, revision: number) => `draft-${fingerprint}-revision-${revision}`;

/** What an export holds besides the answers: who the file is for, and the words of its notes. */
export interface XliffExport {
  readonly fingerprint: string;
  readonly revision: number;
  /** BCP 47 tags of the answers' language and of the language translated into. */
  readonly sourceTag: string;
  readonly targetTag: string;
  /** What the file is, for the translator (the header's note). */
  readonly headerNote: string;
  /** The notes of one answer: its field, its entry, names as typed, its limit, an earlier source. */
  notes(status: SlotStatus, limit: number): string[];
}

/** The most characters an answer of this kind may hold (package.ts). */
export const limitOf = (status: SlotStatus) =>
  status.slot.kind === 'text' ? LIMITS.longText : LIMITS.shortText;

/** An element to add to an XLIFF document: its name, attributes (xml:… in the XML namespace) and text. */
export type AddElement = (
  parent: Element,
  name: string,
  attrs: Record<string, string>,
  text?: string,
  depth?: number,
) => Element;

/**
 * A new XLIFF 1.2 document, indented as it is built: `add` appends an element on its own line at `depth`,
 * `close` ends a parent's children, `serialize` gives the file with its XML declaration.
 */
export function xliffDocument(): {
  root: Element;
  add: AddElement;
  close: (parent: Element, depth: number) => void;
  serialize: () => string;
} {
  const doc = new DOMImplementation().createDocument(XLIFF_NAMESPACE, 'xliff', null);
  const root = doc.documentElement!;
  root.setAttribute('version', '1.2');
  const add: AddElement = (parent, name, attrs, text, depth = 0) => {
    parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth + 1)}`));
    const el = doc.createElementNS(XLIFF_NAMESPACE, name);
    for (const [k, v] of Object.entries(attrs))
      if (k.startsWith('xml:')) el.setAttributeNS('http://www.w3.org/XML/1998/namespace', k, v);
      else el.setAttribute(k, v);
    if (text !== undefined) el.appendChild(doc.createTextNode(text));
    parent.appendChild(el);
    return el;
  };
  const close = (parent: Element, depth: number) => {
    parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
  };
  const serialize = () =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
  return { root, add, close, serialize };
}

/** The XLIFF 1.2 file of a package's answers in `lng`: one `<file>`, one trans-unit per printed answer. */
export function buildXliff(pkg: Package, lng: Language, spec: XliffExport): string {
  const { root, add, close, serialize } = xliffDocument();
  const file = add(root, 'file', {
    original: originalOf(spec.fingerprint, spec.revision),
    'source-language': spec.sourceTag,
    'target-language': spec.targetTag,
    datatype: 'plaintext',
  });
  const header = add(file, 'header', {}, undefined, 1);
  add(header, 'note', {}, spec.headerNote, 2);
  close(header, 2);
  const body = add(file, 'body', {}, undefined, 1);
  for (const status of slotStatuses(pkg, lng)) {
    const { slot, state, translation } = status;
    const limit = limitOf(status);
    const attrs: Record<string, string> = {
      id: slot.key,
      resname: slot.key,
      maxwidth: String(limit),
      'size-unit': 'char',
      ...(slot.kind === 'text' ? { 'xml:space': 'preserve' } : {}),
      ...(state === 'fixed' ? { translate: 'no' } : {}),
    };
    const unit = add(body, 'trans-unit', attrs, undefined, 2);
    add(unit, 'source', { 'xml:lang': spec.sourceTag }, slot.source, 3);
    const targetState =
      state === 'fixed'
        ? 'final'
        : state === 'translated'
          ? 'translated'
          : state === 'stale'
            ? 'needs-review-translation'
            : null;
    if (translation !== null && targetState !== null)
      add(unit, 'target', { 'xml:lang': spec.targetTag, state: targetState }, translation, 3);
    for (const note of spec.notes(status, limit)) add(unit, 'note', { from: 'accession-assistant' }, note, 3);
    close(unit, 3);
  }
  close(body, 2);
  close(file, 1);
  close(root, 0);
  return serialize();
}

// -------------------------------------------------------------------------------------------------
// Reading a file back

/** One trans-unit as a translator's tool left it. */
export interface XliffUnit {
  readonly id: string;
  /** The target's text (inline markup such as `<mrk>` or `<g>` read through); null when there is none. */
  readonly target: string | null;
  readonly state: string | null;
  readonly translate: boolean;
}

export interface XliffFile {
  readonly fingerprint: string;
  readonly revision: number;
  readonly targetLanguage: string;
  readonly units: readonly XliffUnit[];
}

/** Why a file cannot be read as one of ours, as a whole. */
export type XliffFileError = 'notXml' | 'doctype' | 'notXliff' | 'notOurs';

/** A document type (and so entities, external or nested: "billion laughs") is never read. */
const DOCTYPE = /<!(DOCTYPE|ENTITY)/i;

/**
 * The root `<xliff version="1.2">` of a file, read without a document type (a file declaring one, or an
 * entity, is refused before it is parsed); a byte order mark is allowed.
 */
export function parseXliff(text: string): { ok: true; root: Element } | { ok: false; error: XliffFileError } {
  if (DOCTYPE.test(text)) return { ok: false, error: 'doctype' };
  let root: Element | null;
  try {
    const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(
      text.replace(/^\uFEFF/, ''),
      'text/xml',
    );
    if (doc.doctype) return { ok: false, error: 'doctype' };
    root = doc.documentElement;
  } catch {
    return { ok: false, error: 'notXml' };
  }
  if (!root || root.localName !== 'xliff' || root.getAttribute('version') !== '1.2')
    return { ok: false, error: 'notXliff' };
  return { ok: true, root };
}

/** Read an XLIFF 1.2 file of one `<file>` exported by `buildXliff`. */
export function readXliff(
  text: string,
): { ok: true; file: XliffFile } | { ok: false; error: XliffFileError } {
  const parsed = parseXliff(text);
  if (!parsed.ok) return parsed;
  const { root } = parsed;
  const ns = root.namespaceURI;
  const files = root.getElementsByTagNameNS(ns, 'file');
  if (files.length !== 1) return { ok: false, error: 'notOurs' };
  const file = files.item(0)!;
  const original = ORIGINAL.exec(file.getAttribute('original') ?? '');
  if (!original) return { ok: false, error: 'notOurs' };
  const units: XliffUnit[] = [];
  const list = file.getElementsByTagNameNS(ns, 'trans-unit');
  for (let i = 0; i < list.length; i++) {
    const unit = list.item(i)!;
    const target = childOf(unit, ns, 'target');
    units.push({
      id: unit.getAttribute('id') ?? '',
      target: target ? (target.textContent ?? '') : null,
      state: target?.getAttribute('state') || null,
      translate: unit.getAttribute('translate') !== 'no',
    });
  }
  return {
    ok: true,
    file: {
      fingerprint: original[1]!,
      revision: Number(original[2]),
      targetLanguage: file.getAttribute('target-language') ?? '',
      units,
    },
  };
}

/** The first child element of `parent` named `name` in the namespace `ns`. */
export function childOf(parent: Element, ns: string | null, name: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (
      n.nodeType === n.ELEMENT_NODE &&
      (n as Element).localName === name &&
      (n as Element).namespaceURI === ns
    )
      return n as Element;
  return null;
}

// -------------------------------------------------------------------------------------------------
// Filling the translations from a file

/** Why a file read as XLIFF is refused for this draft and language. */
export type XliffRefusal =
  | { readonly code: XliffFileError | 'otherDraft' }
  | { readonly code: 'otherRevision'; readonly file: number; readonly current: number }
  | { readonly code: 'otherLanguage'; readonly language: string }
  | { readonly code: 'unknownUnit' | 'duplicateUnit'; readonly unit: string }
  | {
      readonly code: 'invalidTarget';
      readonly unit: string;
      /** The schema's message key (schema.tooLong, schema.control...) and its variables. */
      readonly issue: string;
      readonly params: Readonly<Record<string, Param>>;
    };

/** States by which a translator's tool says a target is not done: saved unchanged, it stays as it was. */
export const NOT_DONE = /^(new|needs-)/;

/**
 * Whether `file` is for this draft (its fingerprint), at its current revision, in `lng`; then the
 * package with each unit's target written as its translation:
 * - a target in a finished state (translated, final, signed-off, or none) is a translation of the current
 *   answer (a stale one whose translator set it "translated" is confirmed, as on the page);
 * - a target in a state that is not done (new, needs-review-translation, needs-...) saved unchanged keeps
 *   the source it was made from (so a stale one stays stale); changed, it is a translation of the
 *   current answer, as on the page;
 * - an empty target, or none, leaves the translation as it is; the fixed formal name is never read.
 * `changed` counts the translations the file added or changed.
 */
export function applyXliff(
  pkg: Package,
  lng: Language,
  file: XliffFile,
  draft: { readonly fingerprint: string; readonly revision: number },
): { ok: true; pkg: Package; changed: number } | { ok: false; refusals: XliffRefusal[] } {
  if (file.fingerprint !== draft.fingerprint) return { ok: false, refusals: [{ code: 'otherDraft' }] };
  if (file.revision !== draft.revision)
    return {
      ok: false,
      refusals: [{ code: 'otherRevision', file: file.revision, current: draft.revision }],
    };
  if (file.targetLanguage.split(/[-_]/)[0]!.toLowerCase() !== lng)
    return { ok: false, refusals: [{ code: 'otherLanguage', language: file.targetLanguage }] };
  const statuses = new Map(slotStatuses(pkg, lng).map((s) => [s.slot.key, s]));
  const texts = { ...(pkg.translations[lng] ?? {}) };
  const refusals: XliffRefusal[] = [];
  const seen = new Set<string>();
  let changed = 0;
  for (const unit of file.units) {
    const status = statuses.get(unit.id);
    if (!status) {
      refusals.push({ code: 'unknownUnit', unit: unit.id });
      continue;
    }
    if (seen.has(unit.id)) {
      refusals.push({ code: 'duplicateUnit', unit: unit.id });
      continue;
    }
    seen.add(unit.id);
    if (status.state === 'fixed' || !unit.translate || unit.target === null || unit.target.trim() === '')
      continue;
    const schema = status.slot.kind === 'text' ? LongTextSchema : ShortTextSchema;
    const parsed = schema.safeParse(unit.target);
    if (!parsed.success) {
      const issue = fromZodIssues(parsed.error.issues)[0];
      refusals.push({
        code: 'invalidTarget',
        unit: unit.id,
        issue: issue?.code ?? 'schema.invalid',
        params: issue?.params ?? {},
      });
      continue;
    }
    const text = parsed.data;
    const before = texts[unit.id];
    const keep = before !== undefined && before.text === text && NOT_DONE.test(unit.state ?? '');
    const next = { text, source: keep ? before.source : status.slot.source };
    if (before?.text === next.text && before.source === next.source) continue;
    texts[unit.id] = next;
    changed++;
  }
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, pkg: { ...pkg, translations: { ...pkg.translations, [lng]: texts } }, changed };
}
