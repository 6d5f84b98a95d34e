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
];

/** A draft as stored: its JSON text and the draft format version that text is written in. */
export interface StoredDraft {
  readonly formatVersion: number;
  readonly data: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DraftRows {
  /** Insert a new draft; false when the id is taken (the caller draws another). */
  insert(id: string, formatVersion: number, data: string, now: string): boolean;
  get(id: string): StoredDraft | null;
  /** Replace a draft's data; false when there is no such draft. */
  update(id: string, formatVersion: number, data: string, now: string): boolean;
}

export interface Store {
  /** The schema version the database is at. */
  schemaVersion(): number;
  /** A cheap query proving the database answers. */
  healthy(): boolean;
  readonly drafts: DraftRows;
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
    'INSERT INTO drafts (id, format_version, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const select = db.prepare('SELECT format_version, data, created_at, updated_at FROM drafts WHERE id = ?');
  const update = db.prepare('UPDATE drafts SET format_version = ?, data = ?, updated_at = ? WHERE id = ?');
  type Row = { format_version: number; data: string; created_at: string; updated_at: string };
  const drafts: DraftRows = {
    insert: (id, formatVersion, data, now) => insert.run(id, formatVersion, data, now, now).changes === 1,
    get: (id) => {
      const row = select.get(id) as Row | undefined;
      return row
        ? {
            formatVersion: row.format_version,
            data: row.data,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
          }
        : null;
    },
    update: (id, formatVersion, data, now) => update.run(formatVersion, data, now, id).changes === 1,
  };
  return {
    drafts,
    schemaVersion: () => (db.open ? Number(db.pragma('user_version', { simple: true })) : 0),
    healthy: () => {
      try {
        return (ping.get() as { ok: number } | undefined)?.ok === 1;
      } catch {
        // A closed or broken database: report it, the caller answers 503.
        return false;
      }
    },
    close: () => db.close(),
  };
}
