/**
 * Drafts over a real SQLite file in a temporary folder (never a mock of the database): identifiers;
 * create and load; rows written by hand that are not JSON, come from a newer program or are invalid; a
 * draft in an older format, migrated on every load and never written by one; save (revisions, the record
 * of changes, snapshots, stale saves merged or in conflict, refusals, the size limit, visited sections,
 * answers cleared); delete; purgeExpired; and the schema migrations of openStore.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DRAFT_FORMAT_VERSION, serializeDraft, type Draft } from '../../../server/domain/draft';
import { LIMITS, type PackageInput } from '../../../server/domain/package';
import { emptyReview } from '../../../server/domain/review';
import { parsePackage } from '../../../server/domain/validate';
import {
  DRAFT_ID_PATTERN,
  KEPT_SNAPSHOTS,
  createDrafts,
  isDraftId,
  newDraftId,
  type ChangeResult,
  type DraftRecord,
  type Drafts,
  type DraftsOptions,
  type SaveOutcome,
  type SaveRequest,
} from '../../../server/store/drafts';
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
const bhutanDraft: Draft = { package: bhutan.pkg, visited: ['party'], review: emptyReview() };
const thailandDraft: Draft = { package: thailand.pkg, visited: ['party', 'treaties'], review: emptyReview() };

let dir: string;
let file: string;
const open: Store[] = [];

/** A clock that moves on a minute each time it is read. */
function steppingClock(start = '2027-01-01T00:00:00.000Z') {
  let next = Date.parse(start);
  return jest.fn(() => {
    const d = new Date(next);
    next += 60_000;
    return d;
  });
}

/** A clock that says what it is set to. */
function settableClock(start: string) {
  let now = Date.parse(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set: (at: string) => {
      now = Date.parse(at);
    },
  });
}

function optionsWith(clock: () => Date, overrides: Partial<DraftsOptions> = {}): DraftsOptions {
  return { clock, retentionDays: 30, maxBytes: 1024 ** 3, ...overrides };
}

function openTracked(at = file): Store {
  const store = openStore(at);
  open.push(store);
  return store;
}

function draftsOn(store: Store, clock: () => Date = steppingClock(), overrides: Partial<DraftsOptions> = {}) {
  return createDrafts(store, optionsWith(clock, overrides));
}

const BY = { role: 'drafter', page: 'new' } as const;

/** Create a draft; the test fails if it is not created. */
function created(
  drafts: Drafts,
  draft: Draft = bhutanDraft,
  by: Parameters<Drafts['create']>[1] = BY,
): DraftRecord {
  const outcome = drafts.create(draft, by);
  if (outcome.kind !== 'created') throw new Error(`expected created, got ${outcome.kind}`);
  return outcome.record;
}

/** A change that edits a copy of the draft it is given (the draft at the base revision). */
function edit(fn: (draft: Draft) => void): (base: Draft) => ChangeResult<never> {
  return (base) => {
    const next = structuredClone(base);
    fn(next);
    return { ok: true, draft: next };
  };
}

const unchanged = (base: Draft): ChangeResult<never> => ({ ok: true, draft: base });

function request<R = never>(
  change: (base: Draft) => ChangeResult<R>,
  overrides: Partial<Omit<SaveRequest<R>, 'change'>> = {},
): SaveRequest<R> {
  return { baseRevision: null, stale: 'merge', role: 'drafter', page: 'party', change, ...overrides };
}

/** The outcome of a save that must have saved. */
function saved<R>(outcome: SaveOutcome<R>) {
  if (outcome.kind !== 'saved') throw new Error(`expected saved, got ${JSON.stringify(outcome)}`);
  return outcome;
}

function loaded(drafts: Drafts, id: string): DraftRecord {
  const result = drafts.load(id);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.error)}`);
  return result.record;
}

/** A second connection to the same file, as another program would open it. */
function rawDb(at = file): Database.Database {
  return new Database(at);
}

function withRaw<T>(fn: (db: Database.Database) => T, at = file): T {
  const db = rawDb(at);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

interface DraftRow {
  format_version: number;
  data: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

function rowOf(id: string, at = file): DraftRow | undefined {
  return withRaw(
    (db) =>
      db
        .prepare('SELECT format_version, data, revision, created_at, updated_at FROM drafts WHERE id = ?')
        .get(id) as DraftRow | undefined,
    at,
  );
}

interface RevisionRow {
  revision: number;
  saved_at: string;
  role: string;
  page: string;
  paths: string;
  format_version: number | null;
  data: string | null;
}

function revisionRows(id: string, at = file): RevisionRow[] {
  return withRaw(
    (db) =>
      db
        .prepare(
          'SELECT revision, saved_at, role, page, paths, format_version, data FROM draft_revisions WHERE draft_id = ? ORDER BY revision',
        )
        .all(id) as RevisionRow[],
    at,
  );
}

const countRows = (table: 'drafts' | 'draft_revisions', at = file) =>
  withRaw((db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, at);

function insertRow(id: string, formatVersion: number, data: string, at = file) {
  withRaw((db) => {
    db.prepare(
      'INSERT INTO drafts (id, format_version, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run(id, formatVersion, data, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z');
  }, at);
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

describe('create and load', () => {
  it('gives two creates two different identifiers of the right shape, each loading its own draft', () => {
    const drafts = draftsOn(openTracked());
    const a = created(drafts, bhutanDraft);
    const b = created(drafts, thailandDraft);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(b.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.id).not.toBe(b.id);
    expect(a).toEqual({
      id: a.id,
      draft: bhutanDraft,
      revision: 1,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    expect(drafts.load(a.id)).toEqual({ ok: true, record: a });
    expect(drafts.load(b.id)).toEqual({
      ok: true,
      record: {
        id: b.id,
        draft: thailandDraft,
        revision: 1,
        createdAt: '2027-01-01T00:01:00.000Z',
        updatedAt: '2027-01-01T00:01:00.000Z',
      },
    });
  });

  it('stores the JSON of the draft in the current format version at revision 1, with the creation time', () => {
    const drafts = draftsOn(openTracked(), steppingClock('2027-03-04T05:06:07.000Z'));
    const { id } = created(drafts);
    expect(rowOf(id)).toEqual({
      format_version: DRAFT_FORMAT_VERSION,
      data: serializeDraft(bhutanDraft),
      revision: 1,
      created_at: '2027-03-04T05:06:07.000Z',
      updated_at: '2027-03-04T05:06:07.000Z',
    });
  });

  it('records the creation as revision 1, by whom and from which page, with its snapshot', () => {
    const drafts = draftsOn(openTracked(), steppingClock('2027-03-04T05:06:07.000Z'));
    const { id } = created(drafts, bhutanDraft, { role: 'api', page: 'api' });
    expect(revisionRows(id)).toEqual([
      {
        revision: 1,
        saved_at: '2027-03-04T05:06:07.000Z',
        role: 'api',
        page: 'api',
        paths: '[]',
        format_version: DRAFT_FORMAT_VERSION,
        data: serializeDraft(bhutanDraft),
      },
    ]);
    expect(drafts.history(id)).toEqual([
      { revision: 1, savedAt: '2027-03-04T05:06:07.000Z', role: 'api', page: 'api', paths: [] },
    ]);
  });

  it('draws another identifier when the one drawn is taken', () => {
    const drafts = draftsOn(openTracked());
    const first = Buffer.alloc(18, 1);
    const second = Buffer.alloc(18, 2);
    const spy = jest.spyOn(crypto, 'randomBytes');
    spy.mockImplementationOnce(() => first);
    const a = created(drafts, bhutanDraft);
    spy.mockImplementationOnce(() => first).mockImplementationOnce(() => second);
    const b = created(drafts, thailandDraft);
    expect(a.id).toBe(first.toString('base64url'));
    expect(b.id).toBe(second.toString('base64url'));
    // The first draft was not overwritten by the second, nor its record of changes.
    expect(loaded(drafts, a.id).draft).toEqual(bhutanDraft);
    expect(loaded(drafts, b.id).draft).toEqual(thailandDraft);
    expect(revisionRows(a.id).map((r) => r.data)).toEqual([serializeDraft(bhutanDraft)]);
  });

  it('says not-found for an unknown identifier of the right shape', () => {
    const drafts = draftsOn(openTracked());
    created(drafts);
    expect(drafts.load(newDraftId())).toEqual({ ok: false, error: { code: 'not-found' } });
  });

  it.each(['', 'short', 'A'.repeat(25), "' OR 1=1 --AAAAAAAAAAAAAA", '../../../../etc/passwd00'])(
    'says not-found for the malformed identifier %p, even when a row has it',
    (id) => {
      const store = openTracked();
      insertRow(id, DRAFT_FORMAT_VERSION, serializeDraft(bhutanDraft));
      expect(store.drafts.get(id)).not.toBeNull();
      const drafts = draftsOn(store);
      expect(drafts.load(id)).toEqual({ ok: false, error: { code: 'not-found' } });
      expect(drafts.save(id, request(edit((d) => (d.package.documentLanguage = 'fr'))))).toEqual({
        kind: 'not-found',
      });
      expect(drafts.delete(id)).toBe('not-found');
      expect(drafts.history(id)).toEqual([]);
      expect(rowOf(id)).toMatchObject({ data: serializeDraft(bhutanDraft), revision: 1 });
    },
  );

  it('keeps a saved draft after the file is closed and opened again', () => {
    const first = openStore(file);
    const { id } = created(draftsOn(first));
    saved(
      draftsOn(first, steppingClock('2027-02-01T00:00:00.000Z')).save(
        id,
        request(() => ({ ok: true, draft: thailandDraft })),
      ),
    );
    first.close();
    const again = openTracked();
    expect(draftsOn(again).load(id)).toEqual({
      ok: true,
      record: {
        id,
        draft: thailandDraft,
        revision: 2,
        createdAt: '2027-01-01T00:00:00.000Z',
        updatedAt: '2027-02-01T00:00:00.000Z',
      },
    });
    expect(
      draftsOn(again)
        .history(id)
        .map((h) => h.revision),
    ).toEqual([1, 2]);
  });

  it('says not-json for a row whose data is not JSON', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, DRAFT_FORMAT_VERSION, '{"package": {');
    expect(draftsOn(store).load(id)).toEqual({ ok: false, error: { code: 'not-json' } });
  });

  it('says newer-version for a row written by a newer program, and leaves the row alone, even on save', () => {
    const store = openTracked();
    const id = newDraftId();
    const data = JSON.stringify({ package: bhutan.input, visited: [], somethingNew: true });
    insertRow(id, DRAFT_FORMAT_VERSION + 1, data);
    const before = rowOf(id);
    const drafts = draftsOn(store);
    const error = { code: 'newer-version', version: DRAFT_FORMAT_VERSION + 1 };
    expect(drafts.load(id)).toEqual({ ok: false, error });
    expect(drafts.save(id, request(edit((d) => (d.package.documentLanguage = 'fr'))))).toEqual({
      kind: 'unreadable',
      error,
    });
    expect(rowOf(id)).toEqual(before);
    expect(before).toMatchObject({ format_version: DRAFT_FORMAT_VERSION + 1, data });
    expect(countRows('draft_revisions')).toBe(0);
  });

  it('says bad-version for a row with format version 0', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 0, serializeDraft(bhutanDraft));
    expect(draftsOn(store).load(id)).toEqual({ ok: false, error: { code: 'bad-version' } });
  });

  it('says invalid, with the paths, for a row whose JSON is not a valid draft', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(
      id,
      DRAFT_FORMAT_VERSION,
      JSON.stringify({ package: { ...bhutan.input, party: { kind: 'state', code: 'XX' } } }),
    );
    expect(draftsOn(store).load(id)).toEqual({
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
    const before = rowOf(id);
    expect(draftsOn(store).load(id)).toEqual({
      ok: true,
      record: {
        id,
        draft: { package: bhutan.pkg, visited: [], review: emptyReview() },
        revision: 1,
        createdAt: '2026-06-01T00:00:00.000Z',
        updatedAt: '2026-06-01T00:00:00.000Z',
      },
    });
    expect(rowOf(id)).toEqual(before);
    expect(before).toMatchObject({ format_version: DRAFT_FORMAT_VERSION, data });
  });

  it('says full, and writes nothing, once the database uses maxBytes or more', () => {
    const store = openTracked();
    created(draftsOn(store));
    const size = store.sizeBytes();
    expect(size).toBeGreaterThan(0);
    expect(draftsOn(store, steppingClock(), { maxBytes: size }).create(thailandDraft, BY)).toEqual({
      kind: 'full',
    });
    expect(draftsOn(store, steppingClock(), { maxBytes: 1 }).create(thailandDraft, BY)).toEqual({
      kind: 'full',
    });
    expect([countRows('drafts'), countRows('draft_revisions')]).toEqual([1, 1]);
    // One byte more and there is room.
    expect(draftsOn(store, steppingClock(), { maxBytes: size + 1 }).create(thailandDraft, BY).kind).toBe(
      'created',
    );
    expect(countRows('drafts')).toBe(2);
  });
});

describe('a draft in an older format', () => {
  /** Format 1: authorities and declarations have no ids. */
  const version1 = {
    package: {
      ...bhutan.input,
      declarations: [
        { treaties: ['untoc'], kind: 'territorial', text: 'A declaration on territories.' },
        { treaties: ['tip', 'som'], kind: 'other', text: 'Another declaration.' },
      ],
    },
    visited: ['party', 'central-authorities'],
  };
  const version1Data = JSON.stringify(version1);

  it('is written by the test without ids, and without a review', () => {
    expect(version1Data).not.toContain('"id"');
    expect(version1Data).not.toContain('"review"');
    expect(DRAFT_FORMAT_VERSION).toBe(3);
  });

  it('is migrated in memory on load: it gets an empty review (format 3)', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 1, version1Data);
    expect(loaded(draftsOn(store), id).draft.review).toEqual({ comments: [], approvals: [] });
  });

  it('is migrated in memory on load: authorities and declarations get positional ids', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 1, version1Data);
    const record = loaded(draftsOn(store), id);
    expect(record.draft.package.authorities.map((a) => [a.id, a.name])).toEqual([
      ['a1', 'Office of the Attorney General'],
      ['a2', 'Royal Bhutan Police, Crime Prevention Unit'],
      ['a3', 'Department of Immigration'],
    ]);
    expect(record.draft.package.declarations.map((d) => [d.id, d.text])).toEqual([
      ['d1', 'A declaration on territories.'],
      ['d2', 'Another declaration.'],
    ]);
    expect(record.draft.visited).toEqual(version1.visited);
    expect(record).toMatchObject({ revision: 1, updatedAt: '2026-06-01T00:00:00.000Z' });
  });

  it('names its entries the same way on every load, and no load writes anything', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 1, version1Data);
    const before = rowOf(id);
    const drafts = draftsOn(store);
    const first = loaded(drafts, id);
    const second = loaded(draftsOn(openTracked()), id);
    expect(second).toEqual(first);
    loaded(drafts, id);
    expect(rowOf(id)).toEqual(before);
    expect(before).toMatchObject({ format_version: 1, data: version1Data, revision: 1 });
    expect(countRows('draft_revisions')).toBe(0);
    expect(drafts.history(id)).toEqual([]);
  });

  it('is written in the current format by its first save, keeping the positional ids', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 1, version1Data);
    const drafts = draftsOn(store, steppingClock('2027-05-05T00:00:00.000Z'));
    const outcome = saved(
      drafts.save(
        id,
        request(
          edit((d) => {
            d.package.authorities.find((a) => a.id === 'a2')!.unit = 'Crime Prevention Unit';
          }),
          { baseRevision: 1, page: 'authorities/a2' },
        ),
      ),
    );
    expect(outcome.changed).toEqual([['authorities', { id: 'a2' }, 'unit']]);
    const row = rowOf(id)!;
    expect(row).toMatchObject({
      format_version: DRAFT_FORMAT_VERSION,
      revision: 2,
      created_at: '2026-06-01T00:00:00.000Z',
      updated_at: '2027-05-05T00:00:00.000Z',
    });
    expect(row.data).toBe(serializeDraft(outcome.record.draft));
    const stored = JSON.parse(row.data) as Draft;
    expect(stored.package.authorities.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(stored.package.declarations.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(stored.package.authorities[1]!.unit).toBe('Crime Prevention Unit');
    expect(loaded(drafts, id).draft).toEqual(outcome.record.draft);
  });

  it('stays in its format after a save that changes nothing', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, 1, version1Data);
    const before = rowOf(id);
    const outcome = saved(draftsOn(store).save(id, request(unchanged, { baseRevision: 1 })));
    expect(outcome.changed).toEqual([]);
    expect(outcome.record.revision).toBe(1);
    expect(rowOf(id)).toEqual(before);
  });
});

describe('save', () => {
  it('writes a new revision, records who changed which paths from which page, and keeps a snapshot', () => {
    const drafts = draftsOn(openTracked(), steppingClock());
    const { id } = created(drafts);
    const outcome = saved(
      drafts.save(
        id,
        request(
          edit((d) => {
            d.package.party.formalName = 'the Kingdom of Bhutan (as renamed)';
            d.package.authorities.find((a) => a.id === 'a3')!.name = 'Department of Immigration (new)';
          }),
          { baseRevision: 1, page: 'party' },
        ),
      ),
    );
    const expectedDraft: Draft = structuredClone(bhutanDraft);
    expectedDraft.package.party.formalName = 'the Kingdom of Bhutan (as renamed)';
    expectedDraft.package.authorities[2]!.name = 'Department of Immigration (new)';
    expect(outcome).toEqual({
      kind: 'saved',
      record: {
        id,
        draft: expectedDraft,
        revision: 2,
        createdAt: '2027-01-01T00:00:00.000Z',
        updatedAt: '2027-01-01T00:01:00.000Z',
      },
      cleared: [],
      merged: false,
      changed: [
        ['party', 'formalName'],
        ['authorities', { id: 'a3' }, 'name'],
      ],
    });
    expect(loaded(drafts, id)).toEqual(outcome.record);
    expect(drafts.history(id)).toEqual([
      { revision: 1, savedAt: '2027-01-01T00:00:00.000Z', role: 'drafter', page: 'new', paths: [] },
      {
        revision: 2,
        savedAt: '2027-01-01T00:01:00.000Z',
        role: 'drafter',
        page: 'party',
        paths: [
          ['party', 'formalName'],
          ['authorities', { id: 'a3' }, 'name'],
        ],
      },
    ]);
    const snapshot = revisionRows(id)[1]!;
    expect(snapshot.format_version).toBe(DRAFT_FORMAT_VERSION);
    expect(JSON.parse(snapshot.data!)).toEqual(expectedDraft);
    expect(snapshot.data).toBe(rowOf(id)!.data);

    const again = saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.documentLanguage = 'fr')),
          { baseRevision: 2, role: 'api', page: 'api' },
        ),
      ),
    );
    expect(again.record.revision).toBe(3);
    expect(drafts.history(id).at(-1)).toEqual({
      revision: 3,
      savedAt: '2027-01-01T00:02:00.000Z',
      role: 'api',
      page: 'api',
      paths: [['documentLanguage']],
    });
  });

  it('applies the change to the current revision when no base revision is given', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    saved(drafts.save(id, request(edit((d) => (d.package.documentLanguage = 'fr')))));
    const outcome = saved(drafts.save(id, request(edit((d) => (d.package.deposit.place = 'Vienna')))));
    expect(outcome.merged).toBe(false);
    expect(outcome.record.revision).toBe(3);
    expect(outcome.record.draft.package).toMatchObject({
      documentLanguage: 'fr',
      deposit: { place: 'Vienna' },
    });
  });

  it('writes no revision for a change that changes nothing', () => {
    const clock = steppingClock();
    const drafts = draftsOn(openTracked(), clock);
    const record = created(drafts);
    const before = rowOf(record.id);
    const outcome = drafts.save(record.id, request(unchanged, { baseRevision: 1 }));
    expect(outcome).toEqual({ kind: 'saved', record, cleared: [], merged: false, changed: [] });
    // Setting a value to what it already is changes nothing either.
    const same = drafts.save(
      record.id,
      request(edit((d) => (d.package.party.formalName = bhutan.pkg.party.formalName))),
    );
    expect(saved(same).record.revision).toBe(1);
    expect(rowOf(record.id)).toEqual(before);
    expect(revisionRows(record.id)).toHaveLength(1);
  });

  it('says not-found for a draft that does not exist, and creates none', () => {
    const store = openTracked();
    const id = newDraftId();
    expect(draftsOn(store).save(id, request(unchanged))).toEqual({ kind: 'not-found' });
    expect(store.drafts.get(id)).toBeNull();
    expect(countRows('draft_revisions')).toBe(0);
  });

  it('says unreadable for a row that is not JSON, and leaves it alone', () => {
    const store = openTracked();
    const id = newDraftId();
    insertRow(id, DRAFT_FORMAT_VERSION, 'not json');
    expect(draftsOn(store).save(id, request(unchanged))).toEqual({
      kind: 'unreadable',
      error: { code: 'not-json' },
    });
    expect(rowOf(id)).toMatchObject({ data: 'not json', revision: 1 });
  });

  it('merges a stale save that changes other paths than the saves since its base', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.party.formalName = 'Bhutan, by the first person')),
          { baseRevision: 1 },
        ),
      ),
    );
    const outcome = saved(
      drafts.save(
        id,
        request(
          edit((d) => {
            d.package.documentLanguage = 'fr';
            d.package.authorities = d.package.authorities.filter((a) => a.id !== 'a2');
          }),
          { baseRevision: 1, page: 'authorities/a2/remove' },
        ),
      ),
    );
    expect(outcome.merged).toBe(true);
    expect(outcome.record.revision).toBe(3);
    expect(outcome.record.draft.package.party.formalName).toBe('Bhutan, by the first person');
    expect(outcome.record.draft.package.documentLanguage).toBe('fr');
    expect(outcome.record.draft.package.authorities.map((a) => a.id)).toEqual(['a1', 'a3']);
    // The changed paths are those of this save against the revision it was written over.
    expect(outcome.changed).toEqual([['authorities', { id: 'a2' }], ['documentLanguage']]);
    expect(loaded(drafts, id)).toEqual(outcome.record);
    expect(drafts.history(id).map((h) => h.paths)).toEqual([
      [],
      [['party', 'formalName']],
      [['authorities', { id: 'a2' }], ['documentLanguage']],
    ]);
  });

  it('returns a conflict, and writes nothing, when a stale save changes what another save changed', () => {
    const drafts = draftsOn(openTracked());
    const first = created(drafts);
    const theirs = saved(
      drafts.save(
        first.id,
        request(
          edit((d) => (d.package.authorities.find((a) => a.id === 'a1')!.name = 'Their name')),
          { baseRevision: 1 },
        ),
      ),
    ).record;
    const before = rowOf(first.id);
    const outcome = drafts.save(
      first.id,
      request(
        edit((d) => {
          d.package.authorities.find((a) => a.id === 'a1')!.name = 'My name';
          d.package.documentLanguage = 'fr';
        }),
        { baseRevision: 1, page: 'authorities/a1' },
      ),
    );
    expect(outcome).toMatchObject({
      kind: 'conflict',
      base: first.draft,
      current: theirs,
      conflicts: [['authorities', { id: 'a1' }, 'name']],
    });
    if (outcome.kind !== 'conflict') throw new Error('expected a conflict');
    expect(outcome.mine.package.authorities[0]!.name).toBe('My name');
    expect(outcome.mine.package.documentLanguage).toBe('fr');
    expect(rowOf(first.id)).toEqual(before);
    expect(revisionRows(first.id).map((r) => r.revision)).toEqual([1, 2]);
  });

  it("says stale, and writes nothing, when the API's base revision is not the current one", () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    const current = saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.documentLanguage = 'fr')),
          { baseRevision: 1 },
        ),
      ),
    ).record;
    const before = rowOf(id);
    const change = edit((d) => (d.package.deposit.place = 'Vienna'));
    for (const baseRevision of [1, 3]) {
      expect(drafts.save(id, request(change, { baseRevision, stale: 'refuse', role: 'api' }))).toEqual({
        kind: 'stale',
        current,
      });
    }
    expect(rowOf(id)).toEqual(before);
    // At the current revision, the same save goes through.
    const outcome = saved(
      drafts.save(id, request(change, { baseRevision: 2, stale: 'refuse', role: 'api' })),
    );
    expect(outcome.record.revision).toBe(3);
  });

  it('returns the refusal of the change with the draft it was judged against, and writes nothing', () => {
    const drafts = draftsOn(openTracked());
    const first = created(drafts);
    const current = saved(
      drafts.save(
        first.id,
        request(
          edit((d) => (d.package.documentLanguage = 'fr')),
          { baseRevision: 1 },
        ),
      ),
    ).record;
    const before = rowOf(first.id);
    const refusal = { errors: ['Enter the name of the authority'] };
    const seen: Draft[] = [];
    const outcome = drafts.save(
      first.id,
      request<typeof refusal>(
        (base) => {
          seen.push(base);
          return { ok: false, refusal };
        },
        { baseRevision: 1 },
      ),
    );
    expect(outcome).toEqual({
      kind: 'refused',
      refusal,
      base: first.draft,
      baseRevision: first.revision,
      current,
    });
    expect(seen).toEqual([first.draft]);
    expect(rowOf(first.id)).toEqual(before);
  });

  it('writes nothing when the change throws', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    const before = rowOf(id);
    expect(() =>
      drafts.save(
        id,
        request(() => {
          throw new Error('a bug in a page');
        }),
      ),
    ).toThrow('a bug in a page');
    expect(rowOf(id)).toEqual(before);
    // The write lock was released: the next save goes through.
    expect(
      saved(drafts.save(id, request(edit((d) => (d.package.documentLanguage = 'fr'))))).record.revision,
    ).toBe(2);
  });

  it('says unmergeable when two merged saves fill a list past its limit, and writes nothing', () => {
    const drafts = draftsOn(openTracked());
    const full: Draft = structuredClone(bhutanDraft);
    const template = full.package.authorities[1]!;
    while (full.package.authorities.length < LIMITS.authorities - 1)
      full.package.authorities.push({ ...template, id: `x${full.package.authorities.length}` });
    const { id } = created(drafts, full);
    const add = (newId: string) =>
      edit((d) => d.package.authorities.push({ ...template, id: newId, name: `Added as ${newId}` }));
    saved(drafts.save(id, request(add('mineAaaa'), { baseRevision: 1 })));
    const before = rowOf(id);
    const outcome = drafts.save(id, request(add('theirBbb'), { baseRevision: 1 }));
    expect(outcome).toMatchObject({
      kind: 'unmergeable',
      issues: [expect.objectContaining({ code: 'schema.tooMany', path: ['authorities'] })],
      current: { revision: 2 },
    });
    expect(rowOf(id)).toEqual(before);
  });

  it('says full, and writes nothing, once the database uses maxBytes or more', () => {
    const store = openTracked();
    const { id } = created(draftsOn(store));
    const before = rowOf(id);
    const drafts = draftsOn(store, steppingClock(), { maxBytes: store.sizeBytes() });
    expect(drafts.save(id, request(edit((d) => (d.package.documentLanguage = 'fr'))))).toEqual({
      kind: 'full',
    });
    expect(rowOf(id)).toEqual(before);
    expect(revisionRows(id)).toHaveLength(1);
  });

  it('marks the section of the page visited, once', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    const outcome = saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.extradition.conventionAsLegalBasis = false)),
          { section: 'extradition' },
        ),
      ),
    );
    expect(outcome.record.draft.visited).toEqual(['party', 'extradition']);
    // Visiting a section is a change even when no answer changed: it is written, with no path.
    const visit = saved(drafts.save(id, request(unchanged, { section: 'deposit' })));
    expect(visit.record.revision).toBe(3);
    expect(visit.changed).toEqual([]);
    expect(visit.record.draft.visited).toEqual(['party', 'extradition', 'deposit']);
    // A section already visited: nothing to write.
    const again = saved(drafts.save(id, request(unchanged, { section: 'extradition' })));
    expect(again.record.revision).toBe(3);
    expect(loaded(drafts, id).draft.visited).toEqual(['party', 'extradition', 'deposit']);
  });

  it('merges the visited sections of stale saves as a union', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.deposit.place = 'Vienna')),
          { section: 'deposit' },
        ),
      ),
    );
    const outcome = saved(
      drafts.save(
        id,
        request(
          edit((d) => {
            d.package.signing.place = 'Paro';
            d.visited.push('signatory');
          }),
          { baseRevision: 1, section: 'signing' },
        ),
      ),
    );
    expect(outcome.merged).toBe(true);
    expect(outcome.record.draft.visited).toEqual(['party', 'deposit', 'signatory', 'signing']);
    expect(outcome.record.draft.package.deposit.place).toBe('Vienna');
    expect(outcome.record.draft.package.signing.place).toBe('Paro');
  });

  it('clears the answers that stop applying, and says which', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    expect(bhutan.pkg.extradition).toEqual({ conditionalOnTreaty: true, conventionAsLegalBasis: true });
    const outcome = saved(
      drafts.save(id, request(edit((d) => (d.package.extradition.conditionalOnTreaty = false)))),
    );
    expect(outcome.cleared).toEqual(['conventionAsLegalBasis']);
    expect(outcome.record.draft.package.extradition).toEqual({
      conditionalOnTreaty: false,
      conventionAsLegalBasis: null,
    });
    expect(outcome.changed).toEqual([
      ['extradition', 'conditionalOnTreaty'],
      ['extradition', 'conventionAsLegalBasis'],
    ]);
    expect(loaded(drafts, id).draft.package.extradition.conventionAsLegalBasis).toBeNull();
  });

  it('merges saves made through two connections to the same file', () => {
    const one = draftsOn(openTracked());
    const two = draftsOn(openTracked());
    const { id } = created(one);
    saved(
      two.save(
        id,
        request(
          edit((d) => (d.package.documentLanguage = 'fr')),
          { baseRevision: 1 },
        ),
      ),
    );
    const outcome = saved(
      one.save(
        id,
        request(
          edit((d) => (d.package.deposit.place = 'Vienna')),
          { baseRevision: 1 },
        ),
      ),
    );
    expect(outcome).toMatchObject({ merged: true, record: { revision: 3 } });
    expect(loaded(two, id).draft.package).toMatchObject({
      documentLanguage: 'fr',
      deposit: { place: 'Vienna' },
    });
  });
});

describe('snapshots', () => {
  /** A draft saved `saves` times after its creation, each save changing the deposit place. */
  function savedMany(saves: number) {
    const store = openTracked();
    const drafts = draftsOn(store);
    const { id } = created(drafts);
    for (let i = 1; i <= saves; i++)
      saved(drafts.save(id, request(edit((d) => (d.package.deposit.place = `Place ${i}`)))));
    return { store, drafts, id };
  }

  const latest = KEPT_SNAPSHOTS + 2;

  it(`keep the draft of the newest ${KEPT_SNAPSHOTS} revisions only, and the paths of all`, () => {
    const { id, drafts } = savedMany(latest - 1);
    const rows = revisionRows(id);
    expect(rows.map((r) => r.revision)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    expect(rows.filter((r) => r.data === null).map((r) => r.revision)).toEqual([1, 2]);
    expect(rows.filter((r) => r.format_version === null).map((r) => r.revision)).toEqual([1, 2]);
    expect(rows.filter((r) => r.data !== null)).toHaveLength(KEPT_SNAPSHOTS);
    expect(rows[1]!.paths).toBe(JSON.stringify([['deposit', 'place']]));
    const history = drafts.history(id);
    expect(history).toHaveLength(latest);
    expect(history[1]).toMatchObject({ revision: 2, paths: [['deposit', 'place']] });
    expect(JSON.parse(rows[2]!.data!)).toMatchObject({ package: { deposit: { place: 'Place 2' } } });
  });

  it('merge a stale save based on the oldest revision still kept', () => {
    const { id, drafts } = savedMany(latest - 1);
    const outcome = saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.documentLanguage = 'fr')),
          { baseRevision: 3 },
        ),
      ),
    );
    expect(outcome).toMatchObject({ merged: true, changed: [['documentLanguage']] });
    expect(outcome.record.draft.package.deposit.place).toBe(`Place ${latest - 1}`);
  });

  it.each([
    ['pruned', 2],
    ['never made', latest + 1],
    ['never made', 0],
  ])(
    'turn any change based on a revision %s (%p) into a conflict over all it changes, and write nothing',
    (_, baseRevision) => {
      const { id, drafts } = savedMany(latest - 1);
      const before = rowOf(id);
      const current = loaded(drafts, id);
      const outcome = drafts.save(
        id,
        request(
          edit((d) => (d.package.documentLanguage = 'fr')),
          { baseRevision },
        ),
      );
      expect(outcome).toMatchObject({
        kind: 'conflict',
        base: null,
        current,
        conflicts: [['documentLanguage']],
      });
      expect(rowOf(id)).toEqual(before);
      expect(revisionRows(id)).toHaveLength(latest);
    },
  );

  it('save nothing for a change that changes nothing, based on a revision pruned', () => {
    const { id, drafts } = savedMany(latest - 1);
    const before = rowOf(id);
    const outcome = drafts.save(id, request(unchanged, { baseRevision: 2 }));
    expect(outcome).toMatchObject({ kind: 'saved', changed: [], record: { revision: latest } });
    expect(rowOf(id)).toEqual(before);
  });
});

describe('delete', () => {
  it('deletes a draft and its record of changes (foreign key, cascade)', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    const other = created(drafts, thailandDraft);
    saved(drafts.save(id, request(edit((d) => (d.package.documentLanguage = 'fr')))));
    expect(countRows('draft_revisions')).toBe(3);
    expect(drafts.delete(id)).toBe('deleted');
    expect(drafts.load(id)).toEqual({ ok: false, error: { code: 'not-found' } });
    expect(drafts.history(id)).toEqual([]);
    expect(revisionRows(id)).toEqual([]);
    expect(countRows('draft_revisions')).toBe(1);
    expect(drafts.load(other.id)).toMatchObject({ ok: true });
    expect(drafts.delete(id)).toBe('not-found');
  });

  it('deletes at the revision asked for, and says stale when someone saved since', () => {
    const drafts = draftsOn(openTracked());
    const { id } = created(drafts);
    saved(drafts.save(id, request(edit((d) => (d.package.documentLanguage = 'fr')))));
    expect(drafts.delete(id, 1)).toBe('stale');
    expect(drafts.load(id)).toMatchObject({ ok: true, record: { revision: 2 } });
    expect(revisionRows(id)).toHaveLength(2);
    expect(drafts.delete(id, 2)).toBe('deleted');
    expect(rowOf(id)).toBeUndefined();
    expect(countRows('draft_revisions')).toBe(0);
  });

  it('says not-found for an unknown identifier, with or without a revision', () => {
    const drafts = draftsOn(openTracked());
    created(drafts);
    expect(drafts.delete(newDraftId())).toBe('not-found');
    expect(drafts.delete(newDraftId(), 1)).toBe('not-found');
    expect(countRows('drafts')).toBe(1);
  });
});

describe('purgeExpired', () => {
  it('deletes exactly the drafts not saved within retentionDays, with their record of changes', () => {
    const clock = settableClock('2027-01-01T00:00:00.000Z');
    const drafts = draftsOn(openTracked(), clock, { retentionDays: 30 });
    const neverSaved = created(drafts);
    const savedLate = created(drafts);
    const savedEarly = created(drafts);
    clock.set('2027-01-10T00:00:00.000Z');
    saved(drafts.save(savedEarly.id, request(edit((d) => (d.package.documentLanguage = 'fr')))));
    clock.set('2027-01-20T12:00:00.001Z');
    const justInside = created(drafts);
    clock.set('2027-01-20T11:59:59.999Z');
    const justOutside = created(drafts);
    clock.set('2027-01-25T00:00:00.000Z');
    saved(drafts.save(savedLate.id, request(edit((d) => (d.package.documentLanguage = 'fr')))));

    // 30 days before 2027-02-19T12:00Z is 2027-01-20T12:00Z.
    clock.set('2027-02-19T12:00:00.000Z');
    expect(drafts.purgeExpired()).toBe(3);
    const left = [neverSaved, savedLate, savedEarly, justInside, justOutside].map(
      (r) => drafts.load(r.id).ok,
    );
    expect(left).toEqual([false, true, false, true, false]);
    expect(revisionRows(neverSaved.id)).toEqual([]);
    expect(revisionRows(savedEarly.id)).toEqual([]);
    expect(revisionRows(justOutside.id)).toEqual([]);
    expect(revisionRows(savedLate.id)).toHaveLength(2);
    expect(countRows('draft_revisions')).toBe(3);
    expect(drafts.purgeExpired()).toBe(0);
  });

  it('deletes nothing while every draft was saved within retentionDays', () => {
    const clock = settableClock('2027-01-01T00:00:00.000Z');
    const drafts = draftsOn(openTracked(), clock, { retentionDays: 1 });
    const { id } = created(drafts);
    clock.set('2027-01-01T23:59:59.999Z');
    expect(drafts.purgeExpired()).toBe(0);
    clock.set('2027-01-02T00:00:00.001Z');
    expect(drafts.purgeExpired()).toBe(1);
    expect(drafts.load(id)).toEqual({ ok: false, error: { code: 'not-found' } });
  });
});

describe('openStore', () => {
  const tablesAndColumns = () =>
    withRaw((db) => {
      const names = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      const columns = (table: string) =>
        (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      return {
        version: db.pragma('user_version', { simple: true }),
        tables: names,
        drafts: columns('drafts'),
        revisions: columns('draft_revisions'),
        links: columns('draft_links'),
        indexes: (
          db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
            .all() as {
            name: string;
          }[]
        ).map((r) => r.name),
        foreignKeys: (
          db.prepare('PRAGMA foreign_key_list(draft_revisions)').all() as {
            table: string;
            from: string;
            to: string;
            on_delete: string;
          }[]
        ).map(({ table, from, to, on_delete }) => ({ table, from, to, on_delete })),
      };
    });

  const CURRENT = {
    version: 4,
    tables: ['draft_links', 'draft_revisions', 'drafts', 'meta'],
    drafts: ['id', 'format_version', 'data', 'created_at', 'updated_at', 'revision'],
    revisions: ['draft_id', 'revision', 'saved_at', 'role', 'page', 'paths', 'format_version', 'data'],
    links: ['id', 'draft_id', 'token_hash', 'role', 'label', 'created_at', 'revoked_at'],
    indexes: ['drafts_updated_at', 'draft_links_draft'],
    foreignKeys: [{ table: 'drafts', from: 'draft_id', to: 'id', on_delete: 'CASCADE' }],
  };

  it('creates the tables and is at schema version 4, after opening and after reopening', () => {
    const first = openStore(file);
    expect(first.schemaVersion()).toBe(4);
    expect(first.healthy()).toBe(true);
    first.close();
    expect(tablesAndColumns()).toEqual(CURRENT);

    const again = openTracked();
    expect(again.schemaVersion()).toBe(4);
    expect(again.healthy()).toBe(true);
  });

  it('migrates a file at schema version 1 to version 4, keeping what it held', () => {
    withRaw((db) => {
      db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);');
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('created', 'long ago');
      db.pragma('user_version = 1');
    });

    const store = openTracked();
    expect(store.schemaVersion()).toBe(4);
    const drafts = draftsOn(store);
    const { id } = created(drafts);
    expect(loaded(drafts, id).draft).toEqual(bhutanDraft);
    store.close();

    expect(tablesAndColumns()).toEqual(CURRENT);
    expect(withRaw((db) => db.prepare('SELECT value FROM meta WHERE key = ?').get('created'))).toEqual({
      value: 'long ago',
    });
  });

  it('migrates a file at schema version 2 to version 4: a draft from before is at revision 1', () => {
    const data = JSON.stringify({ package: bhutan.input, visited: ['party'] });
    const id = newDraftId();
    withRaw((db) => {
      db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE drafts (
          id TEXT PRIMARY KEY,
          format_version INTEGER NOT NULL,
          data TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;`);
      db.prepare(
        'INSERT INTO drafts (id, format_version, data, created_at, updated_at) VALUES (?, 1, ?, ?, ?)',
      ).run(id, data, '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z');
      db.pragma('user_version = 2');
    });

    const store = openTracked();
    expect(store.schemaVersion()).toBe(4);
    expect(rowOf(id)).toEqual({
      format_version: 1,
      data,
      revision: 1,
      created_at: '2026-06-01T00:00:00.000Z',
      updated_at: '2026-07-01T00:00:00.000Z',
    });
    const drafts = draftsOn(store);
    expect(loaded(drafts, id)).toEqual({
      id,
      draft: { package: bhutan.pkg, visited: ['party'], review: emptyReview() },
      revision: 1,
      createdAt: '2026-06-01T00:00:00.000Z',
      updatedAt: '2026-07-01T00:00:00.000Z',
    });
    // The upgrade keeps the draft as it was as revision 1, so forms read before it still merge.
    expect(drafts.history(id)).toEqual([
      { revision: 1, savedAt: '2026-07-01T00:00:00.000Z', role: 'drafter', page: 'upgrade', paths: [] },
    ]);
    const outcome = saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.documentLanguage = 'fr')),
          { baseRevision: 1 },
        ),
      ),
    );
    expect(outcome.record.revision).toBe(2);
    expect(drafts.history(id).map((h) => [h.revision, h.paths])).toEqual([
      [1, []],
      [2, [['documentLanguage']]],
    ]);
    // A second form read at revision 1, before the upgrade's first save, merges rather than conflicts.
    const second = saved(
      drafts.save(
        id,
        request(
          edit((d) => (d.package.deposit.place = 'Geneva')),
          { baseRevision: 1 },
        ),
      ),
    );
    expect(second.merged).toBe(true);
    expect(second.record.draft.package.documentLanguage).toBe('fr');
    expect(second.record.draft.package.deposit.place).toBe('Geneva');
    store.close();
    expect(tablesAndColumns()).toEqual(CURRENT);
  });

  it('refuses a file at a newer schema version, and leaves it as it was', () => {
    withRaw((db) => db.pragma('user_version = 5'));
    expect(() => openStore(file)).toThrow(/schema version 5, newer than this program \(4\)/);
    expect(withRaw((db) => db.pragma('user_version', { simple: true }))).toBe(5);
  });

  it('creates the folder the file goes in', () => {
    const nested = path.join(dir, 'a', 'b', 'drafts.sqlite');
    const store = openTracked(nested);
    expect(fs.existsSync(nested)).toBe(true);
    expect(store.schemaVersion()).toBe(4);
  });

  it('reports itself unhealthy and at no version once closed', () => {
    const store = openStore(file);
    expect(store.healthy()).toBe(true);
    store.close();
    expect(store.healthy()).toBe(false);
    expect(store.schemaVersion()).toBe(0);
  });

  it('inserts an identifier only once, at revision 1', () => {
    const store = openTracked();
    expect(store.drafts.insert('A'.repeat(24), 1, '{}', '2027-01-01T00:00:00.000Z')).toBe(true);
    expect(store.drafts.insert('A'.repeat(24), 1, '{"other":1}', '2027-01-02T00:00:00.000Z')).toBe(false);
    expect(store.drafts.get('A'.repeat(24))).toEqual({
      formatVersion: 1,
      data: '{}',
      revision: 1,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  });

  it('counts the bytes in use, which grow as drafts are written', () => {
    const store = openTracked();
    const empty = store.sizeBytes();
    const drafts = draftsOn(store);
    const big: Draft = structuredClone(bhutanDraft);
    big.package.deposit.place = 'x'.repeat(200);
    for (let i = 0; i < 20; i++) created(drafts, big);
    expect(store.sizeBytes()).toBeGreaterThan(empty);
  });
});
