/**
 * Drafts as stored and exported: readDraft parses the current format version, applies migrations from
 * older ones (injected here, since no real one exists yet), refuses newer and malformed versions, and
 * reports invalid content with paths; parseDraftFile reads an exported file back; draftFile and
 * serializeDraft round-trip.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DRAFT_FILE_KIND,
  DRAFT_FORMAT_VERSION,
  DRAFT_MIGRATIONS,
  DraftSchema,
  SECTION_IDS,
  draftFile,
  newDraft,
  parseDraftFile,
  readDraft,
  serializeDraft,
  type Draft,
  type DraftMigration,
  type DraftReadResult,
} from '../../../server/domain/draft';
import type { PackageInput } from '../../../server/domain/package';
import { addComment, approve, emptyReview } from '../../../server/domain/review';
import { parsePackage } from '../../../server/domain/validate';
import { PATHS } from '../../../server/paths';

function exampleInput(name: string): PackageInput {
  return JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', `${name}.json`), 'utf8'),
  ) as PackageInput;
}

const bhutanInput = exampleInput('bhutan-accession');
const bhutan = (() => {
  const parsed = parsePackage(bhutanInput);
  if (!parsed.ok) throw new Error('the Bhutan example does not parse');
  return parsed.pkg;
})();

const draft: Draft = { package: bhutan, visited: ['party', 'treaties', 'signatory'], review: emptyReview() };

function okDraft(result: DraftReadResult): Draft {
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.error)}`);
  return result.draft;
}

function errorOf(result: DraftReadResult) {
  if (result.ok) throw new Error('expected an error, got a draft');
  return result.error;
}

/** A draft file as draftFile writes it, with some of its keys replaced. */
function fileText(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kind: DRAFT_FILE_KIND,
    formatVersion: DRAFT_FORMAT_VERSION,
    exportedAt: '2027-01-01T00:00:00.000Z',
    draft,
    ...overrides,
  });
}

describe('the draft format version', () => {
  it('is one more than the number of migrations', () => {
    expect(DRAFT_FORMAT_VERSION).toBe(DRAFT_MIGRATIONS.length + 1);
  });
});

describe('DraftSchema', () => {
  it('defaults visited to none', () => {
    expect(DraftSchema.parse({ package: bhutanInput })).toEqual({
      package: bhutan,
      visited: [],
      review: emptyReview(),
    });
  });

  it('refuses a section that does not exist and an unknown key', () => {
    expect(DraftSchema.safeParse({ package: bhutanInput, visited: ['nowhere'] }).success).toBe(false);
    expect(DraftSchema.safeParse({ package: bhutanInput, extra: 1 }).success).toBe(false);
  });

  it('accepts every section once', () => {
    expect(DraftSchema.safeParse({ package: bhutanInput, visited: [...SECTION_IDS] }).success).toBe(true);
  });
});

describe('readDraft', () => {
  it('parses a draft in the current version, applying the package defaults', () => {
    const result = readDraft(DRAFT_FORMAT_VERSION, { package: bhutanInput, visited: ['party'] });
    expect(result).toEqual({
      ok: true,
      draft: { package: bhutan, visited: ['party'], review: emptyReview() },
      migratedFrom: null,
    });
  });

  describe('with a migration from version 1 to 2 (injected)', () => {
    /** Version 1 of this made-up history called the package "pkg" and the visited sections "seen". */
    const toVersion2: DraftMigration = (data) => {
      const old = data as { pkg: unknown; seen: unknown };
      return { package: old.pkg, visited: old.seen };
    };

    it('migrates a version 1 draft and says it did', () => {
      const migration = jest.fn(toVersion2);
      const result = readDraft(1, { pkg: bhutanInput, seen: ['party'] }, [migration]);
      expect(migration).toHaveBeenCalledTimes(1);
      expect(migration).toHaveBeenCalledWith({ pkg: bhutanInput, seen: ['party'] });
      expect(result).toEqual({
        ok: true,
        draft: { package: bhutan, visited: ['party'], review: emptyReview() },
        migratedFrom: 1,
      });
    });

    it('reads a version 2 draft as it is, without migrating', () => {
      const migration = jest.fn(toVersion2);
      const result = readDraft(2, { package: bhutanInput, visited: [] }, [migration]);
      expect(migration).not.toHaveBeenCalled();
      expect(result).toEqual({
        ok: true,
        draft: { package: bhutan, visited: [], review: emptyReview() },
        migratedFrom: null,
      });
    });

    it('refuses version 3, newer than the program', () => {
      expect(readDraft(3, { package: bhutanInput }, [toVersion2])).toEqual({
        ok: false,
        error: { code: 'newer-version', version: 3 },
      });
    });

    it('reports an invalid result of migration as invalid content', () => {
      const error = errorOf(readDraft(1, { pkg: bhutanInput, seen: ['nowhere'] }, [toVersion2]));
      expect(error).toMatchObject({
        code: 'invalid',
        issues: [expect.objectContaining({ code: 'schema.notInList', path: ['visited', 0] })],
      });
    });
  });

  it('applies several migrations in order, from the version the draft is in', () => {
    const calls: string[] = [];
    const migrations: DraftMigration[] = [
      (d) => {
        calls.push('1→2');
        return { ...(d as object), step2: true };
      },
      (d) => {
        calls.push('2→3');
        const { step2, ...rest } = d as { step2?: boolean };
        return { ...rest, visited: step2 ? ['party'] : ['deposit'] };
      },
    ];
    expect(okDraft(readDraft(1, { package: bhutanInput }, migrations)).visited).toEqual(['party']);
    expect(calls).toEqual(['1→2', '2→3']);
    calls.length = 0;
    const from2 = readDraft(2, { package: bhutanInput }, migrations);
    expect(okDraft(from2).visited).toEqual(['deposit']);
    expect(from2).toMatchObject({ migratedFrom: 2 });
    expect(calls).toEqual(['2→3']);
  });

  it('refuses a version newer than the program, naming it', () => {
    expect(readDraft(DRAFT_FORMAT_VERSION + 1, { package: bhutanInput })).toEqual({
      ok: false,
      error: { code: 'newer-version', version: DRAFT_FORMAT_VERSION + 1 },
    });
  });

  it.each([0, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses version %p as a bad version',
    (version) => {
      expect(readDraft(version, { package: bhutanInput })).toEqual({
        ok: false,
        error: { code: 'bad-version' },
      });
    },
  );

  it('reports invalid content with the path of each issue', () => {
    const error = errorOf(
      readDraft(DRAFT_FORMAT_VERSION, {
        package: {
          ...bhutanInput,
          party: { kind: 'state', code: 'XX' },
          deposit: { plannedOn: '2027-02-31' },
        },
        visited: ['party', 'nowhere'],
        extra: true,
      }),
    );
    expect(error.code).toBe('invalid');
    const issues = error.code === 'invalid' ? error.issues.map((i) => ({ code: i.code, path: i.path })) : [];
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'schema.state', path: ['package', 'party', 'code'] },
        { code: 'schema.dateNotReal', path: ['package', 'deposit', 'plannedOn'] },
        { code: 'schema.notInList', path: ['visited', 1] },
        { code: 'schema.unknownField', path: [] },
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it('reports a missing package as required', () => {
    const error = errorOf(readDraft(DRAFT_FORMAT_VERSION, { visited: [] }));
    expect(error).toEqual({
      code: 'invalid',
      issues: [expect.objectContaining({ code: 'schema.required', path: ['package'] })],
    });
  });

  it.each([null, 'a draft', 42, []])('reports %p as invalid content', (data) => {
    expect(errorOf(readDraft(DRAFT_FORMAT_VERSION, data)).code).toBe('invalid');
  });
});

describe('parseDraftFile', () => {
  it('reads a file written by draftFile back to the same draft', () => {
    const text = draftFile(draft, '2027-01-01T12:00:00.000Z');
    expect(parseDraftFile(text)).toEqual({ ok: true, draft, migratedFrom: null });
  });

  it('accepts a byte order mark', () => {
    expect(parseDraftFile(`\uFEFF${fileText()}`)).toEqual({ ok: true, draft, migratedFrom: null });
  });

  it.each(['not json', '', '{"kind":', '\uFEFF\uFEFF{}'])('says %p is not JSON', (text) => {
    expect(parseDraftFile(text)).toEqual({ ok: false, error: { code: 'not-json' } });
  });

  it.each([
    ['an array', JSON.stringify([{ kind: DRAFT_FILE_KIND, formatVersion: 1, draft }])],
    ['null', 'null'],
    ['a string', '"untoc-accession-draft"'],
    ['a number', '1'],
    ['another kind', fileText({ kind: 'something-else' })],
    ['no kind', JSON.stringify({ formatVersion: 1, draft })],
    ['no draft', JSON.stringify({ kind: DRAFT_FILE_KIND, formatVersion: 1 })],
  ])('says %s is not a draft', (_what, text) => {
    expect(parseDraftFile(text)).toEqual({ ok: false, error: { code: 'not-a-draft' } });
  });

  it.each([
    ['a string version', '1'],
    ['a null version', null],
    ['version 0', 0],
    ['version 1.5', 1.5],
  ])('refuses %s as a bad version', (_what, formatVersion) => {
    expect(parseDraftFile(fileText({ formatVersion }))).toEqual({
      ok: false,
      error: { code: 'bad-version' },
    });
  });

  it('refuses a file without a version as a bad version', () => {
    expect(parseDraftFile(JSON.stringify({ kind: DRAFT_FILE_KIND, draft }))).toEqual({
      ok: false,
      error: { code: 'bad-version' },
    });
  });

  it('refuses a file from a newer program', () => {
    expect(parseDraftFile(fileText({ formatVersion: DRAFT_FORMAT_VERSION + 1 }))).toEqual({
      ok: false,
      error: { code: 'newer-version', version: DRAFT_FORMAT_VERSION + 1 },
    });
  });

  it('reports an invalid draft with paths', () => {
    const result = parseDraftFile(fileText({ draft: { package: { ...bhutanInput, mlaLanguages: ['xx'] } } }));
    expect(errorOf(result)).toEqual({
      code: 'invalid',
      issues: [expect.objectContaining({ code: 'schema.language', path: ['package', 'mlaLanguages', 0] })],
    });
  });

  it('passes the migrations on', () => {
    const migrate = jest.fn((d: unknown) => ({ package: (d as { pkg: unknown }).pkg }));
    const result = parseDraftFile(fileText({ formatVersion: 1, draft: { pkg: bhutanInput } }), [migrate]);
    expect(migrate).toHaveBeenCalledTimes(1);
    expect(result).toEqual({
      ok: true,
      draft: { package: bhutan, visited: [], review: emptyReview() },
      migratedFrom: 1,
    });
  });
});

describe('draftFile', () => {
  it('writes the kind, the current version, the export time and the draft, ending with a line break', () => {
    const text = draftFile(draft, '2027-01-01T12:00:00.000Z');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      kind: DRAFT_FILE_KIND,
      formatVersion: DRAFT_FORMAT_VERSION,
      exportedAt: '2027-01-01T12:00:00.000Z',
      draft,
    });
  });

  it('round-trips a draft with every section visited, answers with line breaks and non-Latin text, and its review', () => {
    const commented = addComment(
      emptyReview(),
      { kind: 'answer', ref: 'authority/a1' },
      { role: 'reviewer', name: 'A. Adviser' },
      'Is this the unit that answers MLA requests?\nPlease check.',
      '2027-01-02T09:00:00.000Z',
    );
    if (!commented.ok) throw new Error('comment refused');
    const approved = approve(
      commented.review,
      bhutan,
      7,
      { name: 'A. Adviser', title: 'Legal Adviser' },
      '2027-01-03T10:00:00.000Z',
    );
    if (!approved.ok) throw new Error('approval refused');
    const rich: Draft = {
      review: approved.review,
      package: {
        ...bhutan,
        declarations: [
          {
            id: 'd1',
            treaties: ['untoc'],
            kind: 'interpretative',
            text: 'Line one\nLine two — « ງານ » 中文',
          },
        ],
      },
      visited: [...SECTION_IDS],
    };
    expect(parseDraftFile(draftFile(rich, '2027-01-01T00:00:00.000Z'))).toEqual({
      ok: true,
      draft: rich,
      migratedFrom: null,
    });
  });
});

describe('serializeDraft', () => {
  it('gives JSON that readDraft reads back in the current version', () => {
    expect(readDraft(DRAFT_FORMAT_VERSION, JSON.parse(serializeDraft(draft)))).toEqual({
      ok: true,
      draft,
      migratedFrom: null,
    });
  });
});

describe('newDraft', () => {
  it('starts with no section visited', () => {
    expect(newDraft(bhutan)).toEqual({ package: bhutan, visited: [], review: emptyReview() });
  });
});

describe('a migration that cannot read its input', () => {
  it('is an invalid draft, not an exception', () => {
    const throwing: DraftMigration[] = [
      () => {
        throw new TypeError('cannot read properties of undefined');
      },
    ];
    const result = readDraft(1, { package: 'damaged' }, throwing);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid');
  });
});

describe('the real migration from format 1 to format 2', () => {
  const v1 = {
    package: {
      ...bhutanInput,
      party: { kind: 'state', code: 'BT', formalName: 'the Kingdom\u200B of Bhutan\u202E' },
      declarations: [
        { treaties: ['untoc'], kind: 'other', text: 'Line\u202D one\r\nاین\u200Cجا \u200F' },
        { treaties: ['untoc'], kind: 'other', text: 'Second' },
      ],
      signing: { place: 'Thim\tphu\uE000', date: null },
    },
    visited: ['party'],
  };

  it('gives entries positional ids and takes out what the character rules refuse, per kind of field', () => {
    const read = readDraft(1, v1);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.migratedFrom).toBe(1);
    const pkg = read.draft.package;
    expect(pkg.party.formalName).toBe('the Kingdom of Bhutan');
    expect(pkg.signing.place).toBe('Thim phu');
    // A declaration keeps the joiner and the mark Persian needs; the override goes; CR LF is a line feed.
    expect(pkg.declarations.map((d) => [d.id, d.text])).toEqual([
      ['d1', 'Line one\nاین\u200Cجا \u200F'],
      ['d2', 'Second'],
    ]);
    expect(pkg.authorities.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('is the same every time the same draft is read (nothing random: reading never writes)', () => {
    expect(readDraft(1, v1)).toEqual(readDraft(1, v1));
  });

  it('leaves a format 1 draft without refused characters as it was, ids aside', () => {
    const read = readDraft(1, { package: bhutanInput, visited: [] });
    if (!read.ok) throw new Error('does not read');
    const { authorities, ...rest } = read.draft.package;
    const { authorities: expected, ...others } = bhutan;
    expect(rest).toEqual(others);
    const withoutId = (list: readonly { id: string }[]) => list.map((a) => ({ ...a, id: undefined }));
    expect(withoutId(authorities)).toEqual(withoutId(expected));
  });
});
