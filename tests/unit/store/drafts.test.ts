/**
 * Drafts over a real SQLite file in a temporary folder (never a mock of the database): identifiers,
 * create, load and save, what survives closing and reopening the file, rows written by hand that are
 * not JSON or come from a newer program, migration on load with write-back, and the schema migrations
 * of openStore.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  DRAFT_FORMAT_VERSION,
  serializeDraft,
  type Draft,
  type DraftMigration,
} from '../../../server/domain/draft';
import type * as DraftModule from '../../../server/domain/draft';
import type { PackageInput } from '../../../server/domain/package';
import { parsePackage } from '../../../server/domain/validate';
import type * as DraftsModule from '../../../server/store/drafts';
import { DRAFT_ID_PATTERN, createDrafts, isDraftId, newDraftId } from '../../../server/store/drafts';
import { openStore, type Store } from '../../../server/store/store';
import { PATHS } from '../../../server/paths';

function example(name: string) {
  const input = JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', `${name}.json`), 'utf8'),
  ) as PackageInput;
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return { input, pkg: parsed.pkg };
}

const bhutan = example('bhutan-accession');
const thailand = example('thailand-som-ratification');
const bhutanDraft: Draft = { package: bhutan.pkg, visited: ['party'] };
const thailandDraft: Draft = { package: thailand.pkg, visited: ['party', 'treaties'] };

let dir: string;
let file: string;
const open: Store[] = [];

/** A clock that moves on a minute each time it is read. */
function steppingClock(start = '2027-01-01T00:00:00.000Z') {
  let next = Date.parse(start);
  const clock = jest.fn(() => {
    const d = new Date(next);
    next += 60_000;
    return d;
  });
  return clock;
}

function openTracked(at = file): Store {
  const store = openStore(at);
  open.push(store);
  return store;
}

/** A second connection to the same file, as another program would open it. */
function rawDb(at = file): Database.Database {
  return new Database(at);
}

function rowOf(id: string, at = file) {
  const db = rawDb(at);
  try {
    return db
      .prepare('SELECT format_version, data, created_at, updated_at FROM drafts WHERE id = ?')
      .get(id) as
      { format_version: number; data: string; created_at: string; updated_at: string } | undefined;
  } finally {
    db.close();
  }
}

function insertRow(id: string, formatVersion: number, data: string, at = file) {
  const db = rawDb(at);
  try {
    db.prepare(
      'INSERT INTO drafts (id, format_version, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run(id, formatVersion, data, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z');
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drafts-test-'));
  file = path.join(dir, 'store.sqlite');
});

afterEach(() => {
  for (const store of open.splice(0)) {
    try {
      store.close();
    } catch {
      // already closed by the test
    }
  }
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('draft identifiers', () => {
  it('are 24 base64url characters', () => {
    for (let i = 0; i < 50; i++) expect(newDraftId()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('are 18 bytes (144 bits) from the operating system CSPRNG, written base64url', () => {
    const bytes = Buffer.from(Array.from({ length: 18 }, (_, i) => 250 - i * 7));
    const spy = jest.spyOn(crypto, 'randomBytes').mockImplementation(() => bytes);
    const id = newDraftId();
    expect(spy).toHaveBeenCalledWith(18);
    expect(id).toBe(bytes.toString('base64url'));
    expect(Buffer.from(id, 'base64url')).toEqual(bytes);
  });

  it('are told apart from anything else by isDraftId', () => {
    expect(isDraftId('AbCdEfGhIjKlMnOpQrStUv-_')).toBe(true);
    for (const bad of [
      '',
      'short',
      'A'.repeat(23),
      'A'.repeat(25),
      `${'A'.repeat(23)}=`,
      `${'A'.repeat(23)}/`,
      `${'A'.repeat(23)}+`,
      ` ${'A'.repeat(23)}`,
      42,
      null,
      undefined,
    ]) {
      expect(isDraftId(bad)).toBe(false);
    }
    expect(DRAFT_ID_PATTERN.test('A'.repeat(24))).toBe(true);
  });
});

describe('createDrafts', () => {
  it('gives two creates two different identifiers of the right shape, each loading its own draft', () => {
    const drafts = createDrafts(openTracked(), steppingClock());
    const a = drafts.create(bhutanDraft);
    const b = drafts.create(thailandDraft);
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(b).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(b);
    expect(drafts.load(a)).toEqual({ ok: true, draft: bhutanDraft, updatedAt: '2027-01-01T00:00:00.000Z' });
    expect(drafts.load(b)).toEqual({ ok: true, draft: thailandDraft, updatedAt: '2027-01-01T00:01:00.000Z' });
  });

  it('stores the JSON of the draft in the current format version, with the creation time', () => {
    const drafts = createDrafts(openTracked(), steppingClock('2027-03-04T05:06:07.000Z'));
    const id = drafts.create(bhutanDraft);
    expect(rowOf(id)).toEqual({
      format_version: DRAFT_FORMAT_VERSION,
      data: serializeDraft(bhutanDraft),
      created_at: '2027-03-04T05:06:07.000Z',
      updated_at: '2027-03-04T05:06:07.000Z',
    });
  });

  it('draws another identifier when the one drawn is taken', () => {
    const drafts = createDrafts(openTracked(), steppingClock());
    const first = Buffer.alloc(18, 1);
    const second = Buffer.alloc(18, 2);
    const spy = jest.spyOn(crypto, 'randomBytes');
    spy.mockImplementationOnce(() => first);
    const a = drafts.create(bhutanDraft);
    spy.mockImplementationOnce(() => first).mockImplementationOnce(() => second);
    const b = drafts.create(thailandDraft);
    expect(a).toBe(first.toString('base64url'));
    expect(b).toBe(second.toString('base64url'));
    // The first draft was not overwritten by the second.
    expect(drafts.load(a)).toMatchObject({ ok: true, draft: bhutanDraft });
    expect(drafts.load(b)).toMatchObject({ ok: true, draft: thailandDraft });
  });

  it('says not-found for an unknown identifier of the right shape', () => {
    const drafts = createDrafts(openTracked(), steppingClock());
    drafts.create(bhutanDraft);
    expect(drafts.load(newDraftId())).toEqual({ ok: false, error: { code: 'not-found' } });
  });

  it.each(['', 'short', 'A'.repeat(25), "' OR 1=1 --AAAAAAAAAAAAAA", '../../../../etc/passwd00'])(
    'says not-found for the malformed identifier %p, even when a row has it',
    (id) => {
      const store = openTracked();
      insertRow(id, DRAFT_FORMAT_VERSION, serializeDraft(bhutanDraft));
      expect(store.drafts.get(id)).not.toBeNull();
      expect(createDrafts(store, steppingClock()).load(id)).toEqual({
        ok: false,
        error: { code: 'not-found' },
      });
    },
  );

  it('saves a draft over the previous one and moves its update time', () => {
    const clock = steppingClock();
    const drafts = createDrafts(openTracked(), clock);
    const id = drafts.create(bhutanDraft);
    expect(drafts.save(id, thailandDraft)).toBe(true);
    expect(drafts.load(id)).toEqual({
      ok: true,
      draft: thailandDraft,
      updatedAt: '2027-01-01T00:01:00.000Z',
    });
    expect(rowOf(id)).toMatchObject({
      created_at: '2027-01-01T00:00:00.000Z',
      updated_at: '2027-01-01T00:01:00.000Z',
    });
  });

  it('does not save a draft that does not exist', () => {
    const store = openTracked();
    const drafts = createDrafts(store, steppingClock());
    const id = newDraftId();
    expect(drafts.save(id, bhutanDraft)).toBe(false);
    expect(store.drafts.get(id)).toBeNull();
  });

  it('keeps a saved draft after the file is closed and opened again', () => {
    const first = openStore(file);
    const id = createDrafts(first, steppingClock()).create(bhutanDraft);
    createDrafts(first, steppingClock('2027-02-01T00:00:00.000Z')).save(id, thailandDraft);
    first.close();
    const again = openTracked();
    expect(createDrafts(again, steppingClock()).load(id)).toEqual({
      ok: true,
      draft: thailandDraft,
      updatedAt: '2027-02-01T00:00:00.000Z',
    });
  });

  it('says not-json for a row whose data is not JSON', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, DRAFT_FORMAT_VERSION, '{"package": {');
    expect(createDrafts(store, steppingClock()).load(id)).toEqual({ ok: false, error: { code: 'not-json' } });
  });

  it('says newer-version for a row written by a newer program, and leaves the row alone', () => {
    const store = openTracked();
    const id = newDraftId();
    const data = JSON.stringify({ package: bhutan.input, visited: [], somethingNew: true });
    insertRow(id, DRAFT_FORMAT_VERSION + 1, data);
    expect(createDrafts(store, steppingClock()).load(id)).toEqual({
      ok: false,
      error: { code: 'newer-version', version: DRAFT_FORMAT_VERSION + 1 },
    });
    expect(rowOf(id)).toMatchObject({ format_version: DRAFT_FORMAT_VERSION + 1, data });
  });

  it('says bad-version for a row with format version 0', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 0, serializeDraft(bhutanDraft));
    expect(createDrafts(store, steppingClock()).load(id)).toEqual({
      ok: false,
      error: { code: 'bad-version' },
    });
  });

  it('says invalid, with the paths, for a row whose JSON is not a valid draft', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(
      id,
      DRAFT_FORMAT_VERSION,
      JSON.stringify({ package: { ...bhutan.input, party: { kind: 'state', code: 'XX' } } }),
    );
    expect(createDrafts(store, steppingClock()).load(id)).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        issues: [expect.objectContaining({ code: 'schema.state', path: ['package', 'party', 'code'] })],
      },
    });
  });

  it('does not write back a draft read in the current version', () => {
    const store = openTracked();
    const id = newDraftId();
    const data = JSON.stringify({ package: bhutan.input });
    insertRow(id, DRAFT_FORMAT_VERSION, data);
    expect(createDrafts(store, steppingClock()).load(id)).toEqual({
      ok: true,
      draft: { package: bhutan.pkg, visited: [] },
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    expect(rowOf(id)).toMatchObject({
      format_version: DRAFT_FORMAT_VERSION,
      data,
      updated_at: '2026-06-01T00:00:00.000Z',
    });
  });
});

describe('migration on load', () => {
  /** A made-up version 1 that called the package "pkg"; version 2 is today's format. */
  const toVersion2: DraftMigration = (data) => ({
    package: (data as { pkg: unknown }).pkg,
    visited: ['party'],
  });

  /** store/drafts.ts as it would be once draft.ts has a migration from version 1 to 2. */
  function draftsWithMigration(): typeof DraftsModule {
    let loaded: typeof DraftsModule | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../../server/domain/draft', () => {
        const actual = jest.requireActual<typeof DraftModule>('../../../server/domain/draft');
        const migrations = [toVersion2];
        return {
          ...actual,
          DRAFT_FORMAT_VERSION: 2,
          DRAFT_MIGRATIONS: migrations,
          readDraft: (version: number, data: unknown) => actual.readDraft(version, data, migrations),
        };
      });
      loaded = jest.requireActual<typeof DraftsModule>('../../../server/store/drafts');
    });
    jest.dontMock('../../../server/domain/draft');
    if (!loaded) throw new Error('store/drafts.ts did not load');
    return loaded;
  }

  it('migrates an older row and writes it back in the current version', () => {
    const { createDrafts: createMigrating } = draftsWithMigration();
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 1, JSON.stringify({ pkg: bhutan.input }));
    const clock = steppingClock('2027-05-05T00:00:00.000Z');
    const drafts = createMigrating(store, clock);

    const loaded = drafts.load(id);
    expect(loaded).toMatchObject({ ok: true, draft: { package: bhutan.pkg, visited: ['party'] } });
    expect(rowOf(id)).toEqual({
      format_version: 2,
      data: serializeDraft({ package: bhutan.pkg, visited: ['party'] }),
      created_at: '2026-06-01T00:00:00.000Z',
      updated_at: '2027-05-05T00:00:00.000Z',
    });

    // Read again, the row is in the current version: nothing more is written.
    expect(drafts.load(id)).toMatchObject({ ok: true, draft: { package: bhutan.pkg, visited: ['party'] } });
    expect(rowOf(id)).toMatchObject({ format_version: 2, updated_at: '2027-05-05T00:00:00.000Z' });
  });

  it('writes nothing back when the migrated draft is invalid', () => {
    const { createDrafts: createMigrating } = draftsWithMigration();
    const store = openTracked();
    const id = newDraftId();
    const data = JSON.stringify({ pkg: { party: { kind: 'state', code: 'XX' } } });
    insertRow(id, 1, data);
    const result = createMigrating(store, steppingClock()).load(id);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(rowOf(id)).toMatchObject({ format_version: 1, data, updated_at: '2026-06-01T00:00:00.000Z' });
  });
});

describe('openStore', () => {
  it('creates the drafts table and is at schema version 2, after opening and after reopening', () => {
    const first = openStore(file);
    expect(first.schemaVersion()).toBe(2);
    expect(first.healthy()).toBe(true);
    first.close();

    const db = rawDb();
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    const columns = (db.prepare('PRAGMA table_info(drafts)').all() as { name: string }[]).map((c) => c.name);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
    expect(tables).toEqual(['drafts', 'meta']);
    expect(columns).toEqual(['id', 'format_version', 'data', 'created_at', 'updated_at']);

    const again = openTracked();
    expect(again.schemaVersion()).toBe(2);
    expect(again.healthy()).toBe(true);
  });

  it('migrates a file at schema version 1 to version 2, keeping what it held', () => {
    const db = rawDb();
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);');
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('created', 'long ago');
    db.pragma('user_version = 1');
    db.close();

    const store = openTracked();
    expect(store.schemaVersion()).toBe(2);
    const drafts = createDrafts(store, steppingClock());
    const id = drafts.create(bhutanDraft);
    expect(drafts.load(id)).toMatchObject({ ok: true, draft: bhutanDraft });
    store.close();

    const check = rawDb();
    expect(check.prepare('SELECT value FROM meta WHERE key = ?').get('created')).toEqual({
      value: 'long ago',
    });
    check.close();
  });

  it('refuses a file at a newer schema version, and leaves it as it was', () => {
    const db = rawDb();
    db.pragma('user_version = 3');
    db.close();
    expect(() => openStore(file)).toThrow(/schema version 3, newer than this program \(2\)/);
    const check = rawDb();
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    check.close();
  });

  it('creates the folder the file goes in', () => {
    const nested = path.join(dir, 'a', 'b', 'drafts.sqlite');
    const store = openTracked(nested);
    expect(fs.existsSync(nested)).toBe(true);
    expect(store.schemaVersion()).toBe(2);
  });

  it('reports itself unhealthy and at no version once closed', () => {
    const store = openStore(file);
    store.close();
    expect(store.healthy()).toBe(false);
    expect(store.schemaVersion()).toBe(0);
  });

  it('inserts an identifier only once', () => {
    const store = openTracked();
    expect(store.drafts.insert('A'.repeat(24), 1, '{}', '2027-01-01T00:00:00.000Z')).toBe(true);
    expect(store.drafts.insert('A'.repeat(24), 1, '{"other":1}', '2027-01-02T00:00:00.000Z')).toBe(false);
    expect(store.drafts.get('A'.repeat(24))).toEqual({
      formatVersion: 1,
      data: '{}',
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  });
});
