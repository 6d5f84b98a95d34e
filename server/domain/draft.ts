/**
 * A draft: the package being written in the browser, and which sections of the journey the user has
 * been through (the task list tells "not started" from "in progress" by it). Drafts are stored and
 * exported as JSON that carries a format version; `readDraft` migrates older versions on load and
 * refuses newer ones, so a draft written by this program is never silently misread by another.
 *
 * Version history (DRAFT_MIGRATIONS[n] turns version n+1 into version n+2):
 *   1: { package, visited }  (the first version)
 *   2: authorities and declarations carry an `id` (pages and merges name entries by id, not position);
 *      free text holds no character the schema refuses (domain/characters.ts), and is in NFC
 *   3: { package, visited, review }: the legal adviser's comments and approvals (domain/review.ts)
 */
import { z } from 'zod';
import { designationListsAt } from '../catalogue/journey';
import { withoutRefused } from './characters';
import { fromZodIssues, type Issue } from './issues';
import { PackageSchema, type Package } from './package';
import { emptyReview, ReviewSchema } from './review';

export const DRAFT_FORMAT_VERSION = 3;
/** The "kind" of an exported draft file, so that another JSON file is told apart at once. */
export const DRAFT_FILE_KIND = 'untoc-accession-draft';

/**
 * The sections of the journey (the task list), in order. A designation's section is its list page
 * (catalogue designation-data.ts `list`), placed by its kind (catalogue journey.ts `designationListsAt`):
 * the central authority's before the territories, the Convention's other designations after them, the
 * Protocols' after article 5(3).
 */
export const SECTION_IDS = [
  'party',
  'treaties',
  'signatory',
  'signing',
  'extradition',
  ...designationListsAt('per-territory'),
  'territories',
  ...designationListsAt('convention'),
  'article5',
  ...designationListsAt('protocols'),
  'law-copies',
  'competence',
  'reservations',
  'declarations',
  'withdrawals',
  'deposit',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const DraftSchema = z.strictObject({
  package: PackageSchema,
  visited: z
    .array(z.enum(SECTION_IDS, { error: 'schema.notInList' }))
    .max(SECTION_IDS.length, { error: 'schema.tooMany' })
    .default([]),
  review: ReviewSchema.default(emptyReview),
});
export type Draft = z.output<typeof DraftSchema>;

/** One step from a version to the next, on the parsed JSON (unknown: it is not trusted yet). */
export type DraftMigration = (data: unknown) => unknown;

/** Where a package holds several lines of free text ("text"); every other string is one line. */
const LONG_TEXTS: readonly (readonly string[])[] = [
  ['declarations', '*', 'text'],
  ['competence', '*', 'text'],
  ['treaties', '*', 'signatureReservations', '*', 'text'],
];

/**
 * Every string of a version-1 package without the characters the schema refuses since version 2
 * (domain/characters.ts): a draft saved before the rules still opens, rather than being refused whole.
 */
function cleanText(value: unknown, at: readonly string[] = []): unknown {
  if (typeof value === 'string') {
    const long = LONG_TEXTS.some(
      (p) => p.length === at.length && p.every((seg, i) => seg === '*' || seg === at[i]),
    );
    return withoutRefused(value, long ? 'text' : 'line');
  }
  if (Array.isArray(value)) return value.map((v) => cleanText(v, [...at, '*']));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanText(v, [...at, k])]));
  return value;
}

/**
 * 1 -> 2: give every authority and declaration an id. The ids are made from the position ("a1", "d2"),
 * so that a draft read twice before it is next saved names its entries the same way both times (a
 * draft is migrated on load and written back only by a save: opening a page never writes). New entries
 * get random ids of 8 characters, which can never be one of these.
 */
function addEntryIds(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const draft = data as { package?: unknown };
  if (typeof draft.package !== 'object' || draft.package === null) return data;
  const pkg = { ...(draft.package as Record<string, unknown>) };
  const withIds = (list: unknown, prefix: string) =>
    Array.isArray(list)
      ? list.map((entry: unknown, i) =>
          typeof entry === 'object' && entry !== null && !('id' in entry)
            ? { id: `${prefix}${i + 1}`, ...entry }
            : entry,
        )
      : list;
  if ('authorities' in pkg) pkg.authorities = withIds(pkg.authorities, 'a');
  if ('declarations' in pkg) pkg.declarations = withIds(pkg.declarations, 'd');
  return { ...draft, package: cleanText(pkg) };
}

/** 2 -> 3: an empty review (no comment, no approval). */
function addReview(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || 'review' in data) return data;
  return { ...data, review: emptyReview() };
}

export const DRAFT_MIGRATIONS: readonly DraftMigration[] = [addEntryIds, addReview];

export type DraftReadError =
  | { readonly code: 'not-json' }
  | { readonly code: 'not-a-draft' }
  | { readonly code: 'newer-version'; readonly version: number }
  | { readonly code: 'bad-version' }
  | { readonly code: 'invalid'; readonly issues: readonly Issue[] };

export type DraftReadResult =
  | { readonly ok: true; readonly draft: Draft; readonly migratedFrom: number | null }
  | { readonly ok: false; readonly error: DraftReadError };

/**
 * Migrate `data`, written in format `version`, to the current version and parse it. `migrations` is a
 * parameter so that tests can exercise a migration path before a real one exists.
 */
export function readDraft(
  version: number,
  data: unknown,
  migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS,
): DraftReadResult {
  const current = migrations.length + 1;
  if (!Number.isInteger(version) || version < 1) return { ok: false, error: { code: 'bad-version' } };
  if (version > current) return { ok: false, error: { code: 'newer-version', version } };
  let value = data;
  try {
    for (let v = version; v < current; v++) value = migrations[v - 1]!(value);
  } catch {
    // A migration meets data it cannot read (a hand-edited or damaged file): it is invalid, not a crash.
    return {
      ok: false,
      error: {
        code: 'invalid',
        issues: [{ severity: 'error', code: 'schema.invalid', path: [], params: {}, source: null }],
      },
    };
  }
  const parsed = DraftSchema.safeParse(value, { reportInput: true });
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid', issues: fromZodIssues(parsed.error.issues) } };
  return { ok: true, draft: parsed.data, migratedFrom: version === current ? null : version };
}

/** The JSON text stored in the database (the format version is stored beside it). */
export function serializeDraft(draft: Draft): string {
  return JSON.stringify(draft);
}

/** An exported draft file: what `parseDraftFile` reads back. */
export function draftFile(draft: Draft, exportedAt: string): string {
  return `${JSON.stringify({ kind: DRAFT_FILE_KIND, formatVersion: DRAFT_FORMAT_VERSION, exportedAt, draft }, null, 2)}\n`;
}

/** A file's JSON object (a byte order mark allowed), or why it is none. */
function jsonObject(
  text: string,
): { ok: true; file: Record<string, unknown> } | { ok: false; error: DraftReadError } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: { code: 'not-a-draft' } };
  return { ok: true, file: json as Record<string, unknown> };
}

/** Read an uploaded draft file: JSON, of our kind, of a version we know, holding a valid draft. */
export function parseDraftFile(
  text: string,
  migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS,
): DraftReadResult {
  const read = jsonObject(text);
  if (!read.ok) return read;
  const { file } = read;
  if (file.kind !== DRAFT_FILE_KIND || !('draft' in file))
    return { ok: false, error: { code: 'not-a-draft' } };
  if (typeof file.formatVersion !== 'number') return { ok: false, error: { code: 'bad-version' } };
  return readDraft(file.formatVersion, file.draft, migrations);
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly draft: Draft;
      /** An exported draft, or a package alone (as the API takes it, or the bundle's package.json). */
      readonly source: 'draft-file' | 'package';
    }
  | { readonly ok: false; readonly error: DraftReadError };

/**
 * Read a file to import: an exported draft, a package as the API takes it (the bundle's package.json is
 * one), or the API's draft representation ({ package, ... }). A package alone starts with no section
 * visited; the caller decides which it counts as visited.
 */
export function parseImportFile(
  text: string,
  migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS,
): ImportResult {
  const json = jsonObject(text);
  if (!json.ok) return json;
  const { file } = json;
  if (file.kind === DRAFT_FILE_KIND) {
    const read = parseDraftFile(text, migrations);
    return read.ok ? { ok: true, draft: read.draft, source: 'draft-file' } : read;
  }
  const pkg = 'party' in file ? file : isObject(file.package) ? file.package : null;
  if (pkg === null) return { ok: false, error: { code: 'not-a-draft' } };
  const parsed = PackageSchema.safeParse(pkg, { reportInput: true });
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues).map((i) => ({ ...i, path: ['package', ...i.path] }));
    return { ok: false, error: { code: 'invalid', issues } };
  }
  return { ok: true, draft: newDraft(parsed.data), source: 'package' };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A new draft for a party and its treaties (the "new draft" page's answers). */
export function newDraft(pkg: Package): Draft {
  return { package: pkg, visited: [], review: emptyReview() };
}
