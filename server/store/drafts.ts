/**
 * Drafts, and the one way to save one. Every change to a draft, from any page or the API, goes through
 * `save`: in one SQLite transaction holding the write lock (BEGIN IMMEDIATE), after the request's body
 * has been read, it loads the draft, applies the change to the draft as it was when the form was read
 * (the base revision), merges that with what others saved since (domain/merge.ts), clears the answers
 * that stop applying, writes the new revision and records what changed (which package paths, from which
 * page, when; never the values). A change that collides with another person's is not written: the
 * caller shows both values and lets the user choose.
 *
 * An identifier is 18 random bytes from the operating system's CSPRNG (144 bits), written base64url in
 * 24 characters. Whoever holds it holds the draft, so it is checked against its exact shape before it
 * reaches the database, and nothing lists drafts.
 *
 * Loading never writes: a draft in an older format is migrated in memory on every load (domain/draft.ts)
 * and written in the current format by its next save.
 */
import { randomBytes } from 'node:crypto';
import { clearInapplicable, type ClearedAnswer } from '../domain/applicability';
import {
  DRAFT_FORMAT_VERSION,
  readDraft,
  serializeDraft,
  type Draft,
  type DraftReadError,
  type SectionId,
} from '../domain/draft';
import { fromZodIssues, type Issue } from '../domain/issues';
import { changedPaths, deepEqual, mergeValues, type KeyedPath } from '../domain/merge';
import { PackageSchema } from '../domain/package';
import type { Store } from './store';

export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function isDraftId(value: unknown): value is string {
  return typeof value === 'string' && DRAFT_ID_PATTERN.test(value);
}

export function newDraftId(): string {
  return randomBytes(18).toString('base64url');
}

/** Who saves: the drafter (the pages), a program (the API), or the holder of a link (store/links.ts). */
export const ROLES = ['drafter', 'api', 'translator', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** How many recent revisions keep the whole draft (a form read before them can no longer be merged). */
export const KEPT_SNAPSHOTS = 100;

export interface DraftRecord {
  readonly id: string;
  readonly draft: Draft;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type LoadResult =
  | { readonly ok: true; readonly record: DraftRecord }
  | { readonly ok: false; readonly error: { readonly code: 'not-found' } | DraftReadError };

/** A change to a draft: the new draft, or a refusal (the form's errors) that the caller shows. */
export type ChangeResult<R> =
  { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly refusal: R };

export interface SaveRequest<R> {
  /** The revision the form (or the API's If-Match) was read at; null: the current one. */
  readonly baseRevision: number | null;
  /** 'merge' for pages (a stale save merges, or conflicts); 'refuse' for the API's If-Match (412). */
  readonly stale: 'merge' | 'refuse';
  readonly role: Role;
  /** The page, relative to the draft ("party", "authorities/k3Jq0aZx"), or "api". */
  readonly page: string;
  /** The journey section the page belongs to: saving it marks the section visited. */
  readonly section?: SectionId | null;
  /** The change, applied to the draft as it was at the base revision. */
  readonly change: (base: Draft) => ChangeResult<R>;
}

export type SaveOutcome<R> =
  | {
      readonly kind: 'saved';
      readonly record: DraftRecord;
      /** Answers removed because they no longer apply (domain/applicability.ts). */
      readonly cleared: readonly ClearedAnswer[];
      /** Others had saved since the base revision, and this change was merged with theirs. */
      readonly merged: boolean;
      /** The package paths this save changed (empty: nothing changed, no revision was written). */
      readonly changed: readonly KeyedPath[];
    }
  /**
   * The change itself was refused (its form has errors), judged against `base`: the draft at
   * `baseRevision` (the current one when the form's revision is no longer kept).
   */
  | {
      readonly kind: 'refused';
      readonly refusal: R;
      readonly base: Draft;
      readonly baseRevision: number;
      readonly current: DraftRecord;
    }
  /**
   * Others changed what this change changes. `mine` is the change applied to the base; nothing was written.
   * `conflicts` are the paths changed on both sides (keyed by entry id).
   */
  | {
      readonly kind: 'conflict';
      readonly base: Draft | null;
      readonly mine: Draft;
      readonly current: DraftRecord;
      readonly conflicts: readonly KeyedPath[];
    }
  /** The API's If-Match named an older revision. */
  | { readonly kind: 'stale'; readonly current: DraftRecord }
  /** The change merged cleanly but the result breaks the schema (two people filled a list past its limit). */
  | { readonly kind: 'unmergeable'; readonly issues: readonly Issue[]; readonly current: DraftRecord }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unreadable'; readonly error: DraftReadError }
  /** The database has reached its size limit (DATABASE_MAX_BYTES). */
  | { readonly kind: 'full' };

export type CreateOutcome =
  { readonly kind: 'created'; readonly record: DraftRecord } | { readonly kind: 'full' };

export interface Drafts {
  create(draft: Draft, by: { role: Role; page: string }): CreateOutcome;
  load(id: string): LoadResult;
  save<R>(id: string, request: SaveRequest<R>): SaveOutcome<R>;
  /**
   * Delete a draft and its record of changes. With `revision`, only if the draft is still at it ('stale'
   * otherwise: someone saved since the deletion was asked for).
   */
  delete(id: string, revision?: number | null): 'deleted' | 'not-found' | 'stale';
  /** The record of saves, oldest first (when, who, which page, which paths). */
  history(
    id: string,
  ): { revision: number; savedAt: string; role: string; page: string; paths: KeyedPath[] }[];
  /** The draft as it was at a revision, while that revision is kept whole (the last KEPT_SNAPSHOTS). */
  snapshot(id: string, revision: number): Draft | null;
  /** Delete the drafts unchanged for `retentionDays`; how many were deleted. */
  purgeExpired(): number;
}

export interface DraftsOptions {
  readonly clock: () => Date;
  /** Drafts unchanged for this many days are deleted by purgeExpired. */
  readonly retentionDays: number;
  /** No new draft and no save once the database uses this many bytes. */
  readonly maxBytes: number;
}

export function createDrafts(store: Store, options: DraftsOptions): Drafts {
  const now = () => options.clock().toISOString();
  const full = () => store.sizeBytes() >= options.maxBytes;

  function read(id: string): LoadResult {
    if (!isDraftId(id)) return { ok: false, error: { code: 'not-found' } };
    const row = store.drafts.get(id);
    if (!row) return { ok: false, error: { code: 'not-found' } };
    const draft = parse(row.formatVersion, row.data);
    if (!draft.ok) return draft;
    return {
      ok: true,
      record: {
        id,
        draft: draft.draft,
        revision: row.revision,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      },
    };
  }

  function parse(
    formatVersion: number,
    data: string,
  ): { ok: true; draft: Draft } | { ok: false; error: DraftReadError } {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return { ok: false, error: { code: 'not-json' } };
    }
    const read = readDraft(formatVersion, json);
    return read.ok ? { ok: true, draft: read.draft } : read;
  }

  /** The draft as it was at `revision`, while its snapshot is kept. */
  function at(id: string, revision: number, current: DraftRecord): Draft | null {
    if (revision === current.revision) return current.draft;
    if (revision > current.revision || revision < 1) return null;
    const snapshot = store.revisions.snapshot(id, revision);
    if (!snapshot) return null;
    const draft = parse(snapshot.formatVersion, snapshot.data);
    return draft.ok ? draft.draft : null;
  }

  function write(
    current: DraftRecord,
    draft: Draft,
    by: { role: Role; page: string },
    changed: readonly KeyedPath[],
  ): DraftRecord {
    const data = serializeDraft(draft);
    const revision = current.revision + 1;
    const savedAt = now();
    store.drafts.update(current.id, DRAFT_FORMAT_VERSION, data, savedAt, revision);
    store.revisions.add(
      current.id,
      {
        revision,
        savedAt,
        role: by.role,
        page: by.page,
        paths: JSON.stringify(changed),
        formatVersion: DRAFT_FORMAT_VERSION,
        data,
      },
      KEPT_SNAPSHOTS,
    );
    return { ...current, draft, revision, updatedAt: savedAt };
  }

  function save<R>(id: string, request: SaveRequest<R>): SaveOutcome<R> {
    return store.transaction((): SaveOutcome<R> => {
      const loaded = read(id);
      if (!loaded.ok)
        return loaded.error.code === 'not-found'
          ? { kind: 'not-found' }
          : { kind: 'unreadable', error: loaded.error };
      const current = loaded.record;
      const baseRevision = request.baseRevision ?? current.revision;
      if (request.stale === 'refuse' && baseRevision !== current.revision) return { kind: 'stale', current };
      const base = at(id, baseRevision, current);
      const visit = (d: Draft): Draft =>
        request.section && !d.visited.includes(request.section)
          ? { ...d, visited: [...d.visited, request.section] }
          : d;

      let merged: Draft;
      if (base === null) {
        // The form was read at a revision no longer kept (or never made): what its user changed cannot be
        // told from what they left alone, so everything it would change is shown to them to confirm.
        const change = request.change(current.draft);
        if (!change.ok)
          return {
            kind: 'refused',
            refusal: change.refusal,
            base: current.draft,
            baseRevision: current.revision,
            current,
          };
        const conflicts = changedPaths(current.draft.package, change.draft.package);
        if (conflicts.length > 0)
          return { kind: 'conflict', base: null, mine: change.draft, current, conflicts };
        merged = visit(current.draft);
      } else {
        const change = request.change(base);
        if (!change.ok) return { kind: 'refused', refusal: change.refusal, base, baseRevision, current };
        const mine = change.draft;
        const result = mergeValues(base.package, mine.package, current.draft.package);
        if (result.conflicts.length > 0)
          return { kind: 'conflict', base, mine, current, conflicts: result.conflicts };
        const parsed = PackageSchema.safeParse(result.value);
        if (!parsed.success)
          return { kind: 'unmergeable', issues: fromZodIssues(parsed.error.issues), current };
        const visited = [...new Set([...current.draft.visited, ...mine.visited])];
        // The review is never merged: a change to it (a comment, an approval) is made on the draft as
        // saved now (baseRevision null), so it is taken as made; any other save keeps the review as saved.
        const review = deepEqual(mine.review, base.review) ? current.draft.review : mine.review;
        merged = visit({ package: parsed.data, visited, review });
      }

      const { pkg, cleared } = clearInapplicable(merged.package);
      const next: Draft = { ...merged, package: pkg };
      const changed = changedPaths(current.draft.package, next.package);
      const wasMerged = baseRevision !== current.revision;
      if (
        changed.length === 0 &&
        deepEqual(next.visited, current.draft.visited) &&
        deepEqual(next.review, current.draft.review)
      )
        return { kind: 'saved', record: current, cleared, merged: wasMerged, changed };
      if (full()) return { kind: 'full' };
      const record = write(current, next, request, changed);
      return { kind: 'saved', record, cleared, merged: wasMerged, changed };
    });
  }

  return {
    create(draft, by) {
      return store.transaction((): CreateOutcome => {
        if (full()) return { kind: 'full' };
        const data = serializeDraft(draft);
        const at = now();
        // A collision among 2^144 identifiers will not happen; drawing again costs nothing if it does.
        for (;;) {
          const id = newDraftId();
          if (!store.drafts.insert(id, DRAFT_FORMAT_VERSION, data, at)) continue;
          store.revisions.add(
            id,
            {
              revision: 1,
              savedAt: at,
              role: by.role,
              page: by.page,
              paths: '[]',
              formatVersion: DRAFT_FORMAT_VERSION,
              data,
            },
            KEPT_SNAPSHOTS,
          );
          return { kind: 'created', record: { id, draft, revision: 1, createdAt: at, updatedAt: at } };
        }
      });
    },
    load: read,
    save,
    delete: (id, revision = null) =>
      store.transaction(() => {
        if (!isDraftId(id)) return 'not-found';
        const row = store.drafts.get(id);
        if (!row) return 'not-found';
        if (revision !== null && row.revision !== revision) return 'stale';
        return store.drafts.delete(id) ? 'deleted' : 'not-found';
      }),
    history: (id) =>
      isDraftId(id)
        ? store.revisions.list(id).map((r) => ({ ...r, paths: JSON.parse(r.paths) as KeyedPath[] }))
        : [],
    snapshot(id, revision) {
      const loaded = read(id);
      return loaded.ok && Number.isInteger(revision) ? at(id, revision, loaded.record) : null;
    },
    purgeExpired() {
      const cutoff = new Date(options.clock().getTime() - options.retentionDays * 86_400_000);
      return store.drafts.deleteUnchangedSince(cutoff.toISOString());
    },
  };
}
