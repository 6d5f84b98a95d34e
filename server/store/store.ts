/**
 * The embedded SQLite database (better-sqlite3) under DATA_DIR, behind a small interface. It opens the
 * file, applies the schema migrations in order and records the schema version (SQLite's user_version).
 *
 * Drafts are rows keyed by their unguessable identifier. The store keeps each draft's JSON as it was
 * written, with the draft format version it was written in; reading and migrating that JSON is the
 * domain's business (domain/draft.ts), so the database schema and the draft format evolve separately.
 * There is deliberately no query that lists drafts: a draft is reachable only by whoever holds its id.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Migrations, in order; the position + 1 is the schema version. Never edit one that has shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  `CREATE TABLE drafts (
     id TEXT PRIMARY KEY,
     format_version INTEGER NOT NULL,
     data TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT;`,
  // 3: revisions. A draft's revision counts its saves; each save is recorded (when, by which role, from
  // which page, which package paths changed: never the values), with the draft as saved while it is
  // recent (a stale form is merged against the revision it was read at). Deleting a draft deletes its
  // record (foreign key, cascade).
  `ALTER TABLE drafts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
   CREATE INDEX drafts_updated_at ON drafts (updated_at);
   CREATE TABLE draft_revisions (
     draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
     revision INTEGER NOT NULL,
     saved_at TEXT NOT NULL,
     role TEXT NOT NULL,
     page TEXT NOT NULL,
     paths TEXT NOT NULL,
     format_version INTEGER,
     data TEXT,
     PRIMARY KEY (draft_id, revision)
   ) STRICT;
   -- Drafts saved before revisions existed are at revision 1: keep them as they are, so that a form read
   -- before the upgrade still merges with what is saved after it.
   INSERT INTO draft_revisions (draft_id, revision, saved_at, role, page, paths, format_version, data)
     SELECT id, 1, updated_at, 'drafter', 'upgrade', '[]', format_version, data FROM drafts;`,
  // 4: links to a draft for another role (a translator, a reviewer). The link's secret is never stored:
  // only its SHA-256 (token_hash). A link has a public id of its own, to name it when it is revoked.
  // Deleting a draft deletes its links (cascade).
  `CREATE TABLE draft_links (
     id TEXT PRIMARY KEY,
     draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
     token_hash TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     label TEXT,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   ) STRICT;
   CREATE INDEX draft_links_draft ON draft_links (draft_id);`,
];

/** A draft as stored: its JSON text and the draft format version that text is written in. */
export interface StoredDraft {
  readonly formatVersion: number;
  readonly data: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One save of a draft, as recorded. */
export interface StoredRevision {
  readonly revision: number;
  readonly savedAt: string;
  /** Who saved: "drafter" (the pages), "api" (the JSON API). */
  readonly role: string;
  /** Where: a page's address relative to the draft ("party", "authorities/k3Jq0aZx/remove"), "api", "new". */
  readonly page: string;
  /** The package paths this save changed, as JSON (domain/merge.ts KeyedPath[]). */
  readonly paths: string;
}

export interface DraftRows {
  /** Insert a new draft at revision 1; false when the id is taken (the caller draws another). */
  insert(id: string, formatVersion: number, data: string, now: string): boolean;
  get(id: string): StoredDraft | null;
  /** Write a draft's data at a new revision; false when there is no such draft. */
  update(id: string, formatVersion: number, data: string, now: string, revision: number): boolean;
  /** Delete a draft and its record; false when there was none. */
  delete(id: string): boolean;
  /** Delete the drafts not saved since `before` (an ISO time); how many were deleted. */
  deleteUnchangedSince(before: string): number;
}

export interface RevisionRows {
  /** Record a save, keeping the draft as saved (`data`) while it is among the newest `keepData`. */
  add(
    draftId: string,
    entry: StoredRevision & { readonly formatVersion: number; readonly data: string },
    keepData: number,
  ): void;
  /** The draft as saved at `revision`, while it is kept. */
  snapshot(draftId: string, revision: number): { formatVersion: number; data: string } | null;
  /** The record of saves, oldest first. */
  list(draftId: string): StoredRevision[];
}

/** A link to a draft for another role, as stored (never its secret: the secret's hash). */
export interface StoredLink {
  readonly id: string;
  readonly draftId: string;
  readonly role: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface LinkRows {
  /** Insert a link; false when its id or its hash is taken (the caller draws again). */
  insert(link: Omit<StoredLink, 'revokedAt'> & { readonly tokenHash: string }): boolean;
  /** The link whose secret has this hash, revoked or not. */
  byHash(tokenHash: string): StoredLink | null;
  /** A draft's links, oldest first. */
  list(draftId: string): StoredLink[];
  /** Revoke a draft's link; false when the draft has no such link or it is revoked already. */
  revoke(draftId: string, id: string, now: string): boolean;
}

export interface Store {
  /** The schema version the database is at. */
  schemaVersion(): number;
  /** A cheap query proving the database answers. */
  healthy(): boolean;
  /** Bytes the database uses (pages in use; free pages are reused before the file grows). */
  sizeBytes(): number;
  /**
   * Run `fn` in one transaction that holds the write lock from its start (BEGIN IMMEDIATE): a save reads,
   * checks and writes with no other writer in between, in this process or another.
   */
  transaction<T>(fn: () => T): T;
  readonly drafts: DraftRows;
  readonly revisions: RevisionRows;
  readonly links: LinkRows;
  close(): void;
}

export function openStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const current = Number(db.pragma('user_version', { simple: true }));
  const migrate = db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  });
  if (current > MIGRATIONS.length) {
    db.close();
    throw new Error(
      `${file} is at schema version ${current}, newer than this program (${MIGRATIONS.length})`,
    );
  }
  migrate();
  const ping = db.prepare('SELECT 1 AS ok');
  const insert = db.prepare(
    'INSERT INTO drafts (id, format_version, data, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING',
  );
  const select = db.prepare(
    'SELECT format_version, data, revision, created_at, updated_at FROM drafts WHERE id = ?',
  );
  const update = db.prepare(
    'UPDATE drafts SET format_version = ?, data = ?, updated_at = ?, revision = ? WHERE id = ?',
  );
  const remove = db.prepare('DELETE FROM drafts WHERE id = ?');
  const removeOld = db.prepare('DELETE FROM drafts WHERE updated_at < ?');
  const addRevision = db.prepare(
    `INSERT INTO draft_revisions (draft_id, revision, saved_at, role, page, paths, format_version, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (draft_id, revision) DO UPDATE SET saved_at = excluded.saved_at, role = excluded.role,
       page = excluded.page, paths = excluded.paths, format_version = excluded.format_version, data = excluded.data`,
  );
  const dropOldData = db.prepare(
    'UPDATE draft_revisions SET data = NULL, format_version = NULL WHERE draft_id = ? AND revision <= ? AND data IS NOT NULL',
  );
  const selectSnapshot = db.prepare(
    'SELECT format_version, data FROM draft_revisions WHERE draft_id = ? AND revision = ? AND data IS NOT NULL',
  );
  const selectRevisions = db.prepare(
    'SELECT revision, saved_at, role, page, paths FROM draft_revisions WHERE draft_id = ? ORDER BY revision',
  );
  const pageCount = db.prepare('PRAGMA page_count');
  const freePages = db.prepare('PRAGMA freelist_count');
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  type Row = {
    format_version: number;
    data: string;
    revision: number;
    created_at: string;
    updated_at: string;
  };
  type RevisionRow = { revision: number; saved_at: string; role: string; page: string; paths: string };
  const drafts: DraftRows = {
    insert: (id, formatVersion, data, now) => insert.run(id, formatVersion, data, now, now).changes === 1,
    get: (id) => {
      const row = select.get(id) as Row | undefined;
      return row
        ? {
            formatVersion: row.format_version,
            data: row.data,
            revision: row.revision,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
          }
        : null;
    },
    update: (id, formatVersion, data, now, revision) =>
      update.run(formatVersion, data, now, revision, id).changes === 1,
    delete: (id) => remove.run(id).changes === 1,
    deleteUnchangedSince: (before) => removeOld.run(before).changes,
  };
  const revisions: RevisionRows = {
    add: (draftId, e, keepData) => {
      addRevision.run(draftId, e.revision, e.savedAt, e.role, e.page, e.paths, e.formatVersion, e.data);
      dropOldData.run(draftId, e.revision - keepData);
    },
    snapshot: (draftId, revision) => {
      const row = selectSnapshot.get(draftId, revision) as
        { format_version: number; data: string } | undefined;
      return row ? { formatVersion: row.format_version, data: row.data } : null;
    },
    list: (draftId) =>
      (selectRevisions.all(draftId) as RevisionRow[]).map((r) => ({
        revision: r.revision,
        savedAt: r.saved_at,
        role: r.role,
        page: r.page,
        paths: r.paths,
      })),
  };
  type LinkRow = {
    id: string;
    draft_id: string;
    role: string;
    label: string | null;
    created_at: string;
    revoked_at: string | null;
  };
  const linkOf = (r: LinkRow): StoredLink => ({
    id: r.id,
    draftId: r.draft_id,
    role: r.role,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  });
  const insertLink = db.prepare(
    `INSERT INTO draft_links (id, draft_id, token_hash, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const linkColumns = 'id, draft_id, role, label, created_at, revoked_at';
  const selectLinkByHash = db.prepare(`SELECT ${linkColumns} FROM draft_links WHERE token_hash = ?`);
  const selectLinks = db.prepare(
    `SELECT ${linkColumns} FROM draft_links WHERE draft_id = ? ORDER BY created_at, rowid`,
  );
  const revokeLink = db.prepare(
    'UPDATE draft_links SET revoked_at = ? WHERE draft_id = ? AND id = ? AND revoked_at IS NULL',
  );
  const links: LinkRows = {
    insert: (l) => insertLink.run(l.id, l.draftId, l.tokenHash, l.role, l.label, l.createdAt).changes === 1,
    byHash: (hash) => {
      const row = selectLinkByHash.get(hash) as LinkRow | undefined;
      return row ? linkOf(row) : null;
    },
    list: (draftId) => (selectLinks.all(draftId) as LinkRow[]).map(linkOf),
    revoke: (draftId, id, now) => revokeLink.run(now, draftId, id).changes === 1,
  };
  return {
    drafts,
    revisions,
    links,
    schemaVersion: () => (db.open ? Number(db.pragma('user_version', { simple: true })) : 0),
    healthy: () => {
      try {
        return (ping.get() as { ok: number } | undefined)?.ok === 1;
      } catch {
        // A closed or broken database: report it, the caller answers 503.
        return false;
      }
    },
    sizeBytes: () => {
      const pages = (pageCount.get() as { page_count: number }).page_count;
      const free = (freePages.get() as { freelist_count: number }).freelist_count;
      return (pages - free) * pageSize;
    },
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}
