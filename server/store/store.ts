/**
 * The embedded SQLite database (better-sqlite3) under DATA_DIR, behind a small interface. It opens the
 * file, applies the schema migrations in order and records the schema version. This API is
 * stateless; the store is opened at start-up so that a broken data folder fails at once, and drafts
 * (a later capability) add their tables as a new migration.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Migrations, in order; the position + 1 is the schema version. Never edit one that has shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

export interface Store {
  /** The schema version the database is at. */
  schemaVersion(): number;
  /** A cheap query proving the database answers. */
  healthy(): boolean;
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
    throw new Error(`${file} is at schema version ${current}, newer than this program (${MIGRATIONS.length})`);
  }
  migrate();
  const ping = db.prepare('SELECT 1 AS ok');
  return {
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
