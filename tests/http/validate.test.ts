/**
 * POST /api/v1/validate: issues, checklist and entry into force for a package, in the request's
 * language; and every package fixture (tests/fixtures/packages/{good,bad}) as the API reports it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../server/paths';
import { expectApiError, postJson, type ApiIssueBody } from './helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

interface ChecklistItemBody {
  id: string;
  status: string;
  statusLabel: string;
  label: string;
  reason: string | null;
  supplied: string[];
  due: { kind: string; date: string | null } | null;
  path: string;
}
interface EntryIntoForceBody {
  treaty: string;
  deposit: string | null;
  date: string | null;
  basis: string;
  citation: { instrument: string; article: string; label: string };
  dateLabel: string | null;
}
interface AssessmentBody {
  valid: boolean;
  finalAllowed: boolean;
  issues: ApiIssueBody[];
  checklist: { items: ChecklistItemBody[]; missing: string[] };
  entryIntoForce: EntryIntoForceBody[];
  package: Record<string, unknown>;
}

async function validate(
  body: unknown,
  query = '',
  headers: Record<string, string> = {},
): Promise<AssessmentBody> {
  const res = await postJson(t.app, `/api/v1/validate${query}`, body, headers);
  expect({ status: res.status, body: res.status === 200 ? 'ok' : (res.body as unknown) }).toEqual({
    status: 200,
    body: 'ok',
  });
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.body as AssessmentBody;
}

describe('POST /api/v1/validate with the Bhutan sample', () => {
  test('valid, final allowed, nothing missing, no issues', async () => {
    const a = await validate(samplePackage('bhutan-accession'));
    expect(a.valid).toBe(true);
    expect(a.finalAllowed).toBe(true);
    expect(a.issues).toEqual([]);
    expect(a.checklist.missing).toEqual([]);
    expect(a.checklist.items.length).toBeGreaterThan(20);
  });

  test('enters into force on 14 February 2027 for a deposit on 15 January 2027 (the thirtieth day)', async () => {
    const a = await validate(samplePackage('bhutan-accession'));
    expect(
      a.entryIntoForce.map((e) => [e.treaty, e.deposit, e.date, e.basis, e.citation.article, e.dateLabel]),
    ).toEqual([
      ['untoc', '2027-01-15', '2027-02-14', 'thirtieth-day', '38(2)', '14 February 2027'],
      ['tip', '2027-01-15', '2027-02-14', 'thirtieth-day', '17(2)', '14 February 2027'],
      ['som', '2027-01-15', '2027-02-14', 'thirtieth-day', '22(2)', '14 February 2027'],
    ]);
    const fr = await validate(samplePackage('bhutan-accession'), '?lang=fr');
    expect(fr.entryIntoForce.map((e) => e.dateLabel)).toEqual([
      '14 février 2027',
      '14 février 2027',
      '14 février 2027',
    ]);
  });

  test('the checklist: the signing date left blank, SOM 8(6) due a month after designation, law copies to follow', async () => {
    const a = await validate(samplePackage('bhutan-accession'));
    const item = (id: string) => a.checklist.items.find((i) => i.id === id);
    expect(item('model-place-date')).toMatchObject({ status: 'left-blank' });
    expect(item('vclt-7-1')).toMatchObject({ status: 'not-applicable' });
    expect(item('untoc-6-2-d')).toMatchObject({ status: 'to-follow' });
    expect(item('som-8-6')).toMatchObject({ status: 'provided', due: { date: '2027-02-04' } });
    expect(item('model-party-name')).toMatchObject({
      status: 'provided',
      supplied: ['the Kingdom of Bhutan'],
      path: 'party.formalName',
    });
    // An accession: the Handbook's model of accession, from memory, marked so.
    expect(item('model-party-name')).toMatchObject({
      quote: { text: expect.stringContaining('accedes to the same'), verification: 'unverified' },
      quotes: [{ source: { id: 'treaty-handbook-accession' } }],
    });
  });

  test('returns the package with every default applied', async () => {
    const sent = samplePackage('bhutan-accession');
    const a = await validate(sent);
    expect(a.package).toMatchObject(sent);
    expect(a.package.treaties).toEqual([
      { treaty: 'untoc', instrument: 'accession', signedOn: null, signatureReservations: [] },
      { treaty: 'tip', instrument: 'accession', signedOn: null, signatureReservations: [] },
      { treaty: 'som', instrument: 'accession', signedOn: null, signatureReservations: [] },
    ]);
    expect(a.package).toMatchObject({
      priorConsents: [],
      fullPowers: null,
      declarations: [],
      competence: [],
    });
  });

  test('labels and statuses follow ?lang=fr; codes, ids, dates and the package do not change', async () => {
    const en = await validate(samplePackage('bhutan-accession'));
    const fr = await validate(samplePackage('bhutan-accession'), '?lang=fr');
    expect(fr.checklist.items.map((i) => [i.id, i.status, i.path])).toEqual(
      en.checklist.items.map((i) => [i.id, i.status, i.path]),
    );
    expect(fr.checklist.items.map((i) => i.label)).not.toEqual(en.checklist.items.map((i) => i.label));
    en.checklist.items.forEach((e, i) => expect(fr.checklist.items[i]?.statusLabel).not.toBe(e.statusLabel));
    expect(fr.package).toEqual(en.package);
  });
});

describe('POST /api/v1/validate with the Thailand sample', () => {
  test('a signatory ratifying the Smuggling Protocol: valid, with the Convention notifications noted as made earlier', async () => {
    const a = await validate(samplePackage('thailand-som-ratification'));
    expect(a.valid).toBe(true);
    expect(a.finalAllowed).toBe(true);
    expect(a.issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ['info', 'rules.conventionFirst.notificationsMadeEarlier', 'treaties'],
    ]);
    expect(a.entryIntoForce).toEqual([
      expect.objectContaining({ treaty: 'som', deposit: '2027-01-15', date: '2027-02-14' }),
    ]);
  });

  test('its issue messages are French with ?lang=fr', async () => {
    const en = await validate(samplePackage('thailand-som-ratification'));
    const fr = await validate(samplePackage('thailand-som-ratification'), '?lang=fr');
    expect(fr.issues).toHaveLength(1);
    expect(fr.issues[0]?.message).not.toBe(en.issues[0]?.message);
    expect(fr.issues[0]?.message).toMatch(/Convention/);
    expect(fr.issues[0]?.field).toBe('Traités');
  });
});

describe('POST /api/v1/validate with packages that are incomplete or wrong in law', () => {
  test('a signer of another office without full powers: valid so far, but final refused and the items missing', async () => {
    const pkg = { ...samplePackage('thailand-som-ratification'), signatory: { office: 'other' } };
    const a = await validate(pkg);
    expect(a.finalAllowed).toBe(false);
    expect(a.checklist.missing).toEqual(expect.arrayContaining(['vclt-7-2-a', 'vclt-7-1']));
  });

  test('a State that never signed cannot ratify: an error citing UNTOC 36(4)', async () => {
    const pkg = {
      ...samplePackage('bhutan-accession'),
      treaties: [{ treaty: 'untoc', instrument: 'ratification' }],
    };
    const a = await validate(pkg);
    expect(a.valid).toBe(false);
    expect(a.finalAllowed).toBe(false);
    expect(a.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'rules.instrumentType.notSignatory',
        path: 'treaties[0].instrument',
        field: 'Type of instrument',
        source: expect.objectContaining({ instrument: 'untoc', article: '36(4)', label: 'UNTOC art. 36(4)' }),
      }),
    );
  });

  test('no planned deposit: no entry-into-force date yet', async () => {
    const pkg = { ...samplePackage('thailand-som-ratification'), deposit: { plannedOn: null } };
    const a = await validate(pkg);
    expect(a.entryIntoForce).toEqual([
      expect.objectContaining({ treaty: 'som', deposit: null, date: null, dateLabel: null }),
    ]);
  });

  test('a JSON value that is not an object is a 422 invalid_package with one issue at the root', async () => {
    for (const body of ['[]', '"a package"', '42', 'null', 'true']) {
      const res = await postJson(t.app, '/api/v1/validate', JSON.parse(body));
      const err = expectApiError(res, 422, 'invalid_package');
      expect(err.issues.map((i) => [i.code, i.path])).toEqual([['schema.invalidType', '']]);
    }
  });
});

interface Expectation {
  parse?: false;
  issues?: Array<{
    code: string;
    path: string;
    severity?: string;
    source?: { instrument: string; article: string } | null;
  }>;
  finalAllowed?: boolean;
  entryIntoForce?: Record<string, string | null | { date: string | null }>;
}
interface FixtureCase {
  name: string;
  input: unknown;
  expect: Expectation | null;
}

function loadCases(kind: 'good' | 'bad'): FixtureCase[] {
  const dir = path.join(PATHS.root, 'tests', 'fixtures', 'packages', kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'package.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const expectFile = path.join(dir, name, 'expect.json');
      return {
        name,
        input: JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as unknown,
        expect: fs.existsSync(expectFile)
          ? (JSON.parse(fs.readFileSync(expectFile, 'utf8')) as Expectation)
          : null,
      };
    });
}

function expectIssuesPresent(issues: ApiIssueBody[], expected: Expectation['issues']) {
  for (const e of expected ?? []) {
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: e.code,
        path: e.path,
        ...(e.severity ? { severity: e.severity } : {}),
        ...(e.source ? { source: expect.objectContaining(e.source) } : {}),
      }),
    );
  }
}

describe('every package fixture, through the API', () => {
  const good = loadCases('good');
  const bad = loadCases('bad');

  test('the good fixtures include the two samples', () => {
    expect(good.map((c) => c.name)).toEqual(
      expect.arrayContaining(['bhutan-accedes-untoc-tip-som', 'thailand-ratifies-som']),
    );
  });

  test.each(good.map((c) => [c.name, c] as const))(
    'good/%s: 200, no error, and what expect.json says',
    async (_name, c) => {
      const a = await validate(c.input);
      expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(a.valid).toBe(true);
      if (c.expect?.finalAllowed !== undefined) expect(a.finalAllowed).toBe(c.expect.finalAllowed);
      for (const [treaty, want] of Object.entries(c.expect?.entryIntoForce ?? {})) {
        const date = want !== null && typeof want === 'object' ? want.date : want;
        expect(a.entryIntoForce.find((e) => e.treaty === treaty)?.date ?? null).toBe(date);
      }
      expectIssuesPresent(a.issues, c.expect?.issues);
    },
  );

  if (bad.length > 0) {
    test.each(bad.map((c) => [c.name, c] as const))(
      'bad/%s: 422 invalid_package, or 200 with final refused and its issues',
      async (_name, c) => {
        const res = await postJson(t.app, '/api/v1/validate', c.input);
        if (c.expect?.parse === false) {
          const err = expectApiError(res, 422, 'invalid_package');
          expect(err.issues.length).toBeGreaterThan(0);
          expectIssuesPresent(err.issues, c.expect.issues);
        } else {
          expect(res.status).toBe(200);
          const a = res.body as AssessmentBody;
          expect(a.finalAllowed).toBe(false);
          expectIssuesPresent(a.issues, c.expect?.issues);
        }
      },
    );
  }
});
