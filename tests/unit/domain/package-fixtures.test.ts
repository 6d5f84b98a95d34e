/**
 * Every package fixture folder, run through parsePackage and assessPackage with the real participation
 * data and the pinned clock, and compared with its expect.json (see tests/unit/support/fixtures.ts).
 *
 * good/: parses; no error; exactly the warnings listed; the checklist statuses and entry-into-force
 * dates listed. bad/: either the schema rejects it with the issues listed, or the rules report exactly
 * the errors listed and/or the checklist has exactly the missing items listed; final documents refused.
 */
import type { ChecklistItem } from '../../../server/domain/checklist';
import type { Assessment } from '../../../server/domain/validate';
import {
  expectedIssue,
  loadFixtures,
  run,
  summary,
  view,
  type Expectation,
  type Fixture,
} from '../support/fixtures';

const good = loadFixtures('good');
const bad = loadFixtures('bad');

function checklistView(item: ChecklistItem) {
  return {
    status: item.status,
    reason: item.reason?.key ?? null,
    supplied: item.supplied.map((s) => s.key),
    due: 'date' in item.due ? item.due.date : null,
  };
}

/** The checks both kinds share once the package is assessed. */
function checkAssessment(a: Assessment, e: Expectation) {
  const issues = a.issues.map(view);

  for (const wanted of [
    ...(e.issues ?? []),
    ...(e.infos ?? []).map((i) => ({ ...i, severity: 'info' as const })),
  ]) {
    expect(issues).toEqual(expect.arrayContaining([expectedIssue(wanted)]));
  }
  for (const unwanted of e.absent ?? []) {
    expect(issues).not.toEqual(expect.arrayContaining([expectedIssue(unwanted)]));
  }

  const items = new Map(a.checklist.items.map((i) => [i.id, i]));
  for (const [id, wanted] of Object.entries(e.checklist ?? {})) {
    const item = items.get(id);
    expect({ id, present: item !== undefined }).toEqual({ id, present: true });
    if (!item) continue;
    const actual = checklistView(item);
    if (typeof wanted === 'string') {
      expect({ id, status: actual.status }).toEqual({ id, status: wanted });
    } else {
      const subset = Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined));
      expect({ id, ...actual }).toEqual(expect.objectContaining({ id, ...subset }));
    }
  }
  // The missing items are exactly those the fixture says are missing: a missing item blocks final documents.
  const expectedMissing = Object.entries(e.checklist ?? {})
    .filter(([, w]) => (typeof w === 'string' ? w : w.status) === 'missing')
    .map(([id]) => id)
    .sort();
  expect(a.checklist.missing.map((i) => i.id).sort()).toEqual(expectedMissing);

  for (const [treaty, wanted] of Object.entries(e.entryIntoForce ?? {})) {
    const eif = a.entryIntoForce.find((x) => x.treaty === treaty);
    expect({ treaty, inPackage: eif !== undefined }).toEqual({ treaty, inPackage: true });
    if (!eif) continue;
    if (wanted === null || typeof wanted === 'string')
      expect({ treaty, date: eif.date }).toEqual({ treaty, date: wanted });
    else expect({ treaty, date: eif.date, basis: eif.basis }).toEqual({ treaty, ...wanted });
  }

  if (e.finalAllowed !== undefined) expect(a.finalAllowed).toBe(e.finalAllowed);
}

describe('package fixtures', () => {
  it('has good and bad fixture folders, and every bad one says what it expects', () => {
    expect(good.length).toBeGreaterThanOrEqual(20);
    expect(bad.length).toBeGreaterThanOrEqual(40);
    expect(bad.filter((f) => f.expect === null).map((f) => f.name)).toEqual([]);
  });

  describe.each(good.map((f): [string, Fixture] => [f.name, f]))('good/%s', (_name, fixture) => {
    const { parsed, assessment } = run(fixture.input);
    const e: Expectation = fixture.expect ?? { description: 'no expect.json: parses, no error, no warning' };

    it('parses', () => {
      expect(parsed.ok ? [] : parsed.issues.map(view).map(summary)).toEqual([]);
    });

    it('has no error, and exactly the warnings listed', () => {
      if (!assessment) throw new Error('did not parse');
      const issues = assessment.issues.map(view);
      expect(issues.filter((i) => i.severity === 'error').map(summary)).toEqual([]);
      expect(
        issues
          .filter((i) => i.severity === 'warning')
          .map(summary)
          .sort(),
      ).toEqual((e.warnings ?? []).map((w) => summary({ ...w, severity: 'warning' })).sort());
      for (const w of e.warnings ?? []) expect(issues).toEqual(expect.arrayContaining([expectedIssue(w)]));
    });

    it('matches expect.json', () => {
      if (!assessment) throw new Error('did not parse');
      expect(e.parse).toBeUndefined();
      checkAssessment(assessment, e);
    });
  });

  describe.each(bad.map((f): [string, Fixture] => [f.name, f]))('bad/%s', (_name, fixture) => {
    const e = fixture.expect!;
    const { parsed, assessment } = run(fixture.input);

    if (e.parse === false) {
      it('is rejected by the schema with the issues listed, all errors with schema.* codes', () => {
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        const issues = parsed.issues.map(view);
        expect(e.issues?.length ?? 0).toBeGreaterThan(0);
        for (const wanted of e.issues ?? [])
          expect(issues).toEqual(expect.arrayContaining([expectedIssue(wanted)]));
        expect(issues.map(summary).sort()).toEqual(
          (e.issues ?? []).map((i) => summary({ ...i, severity: i.severity ?? 'error' })).sort(),
        );
        for (const i of issues) {
          expect(i.code).toMatch(/^schema\./);
          expect(i.severity).toBe('error');
        }
      });
      return;
    }

    it('parses (the fault is legal, not one of format)', () => {
      expect(parsed.ok ? [] : parsed.issues.map(view).map(summary)).toEqual([]);
    });

    it('reports exactly the errors listed, and final documents are refused', () => {
      if (!assessment) throw new Error('did not parse');
      const errors = assessment.issues.filter((i) => i.severity === 'error').map(view);
      const expectedErrors = (e.issues ?? []).filter((i) => (i.severity ?? 'error') === 'error');
      const expectedMissing = Object.values(e.checklist ?? {}).filter(
        (w) => (typeof w === 'string' ? w : w.status) === 'missing',
      );
      // A bad case is bad: it expects an error or a missing checklist item.
      expect(expectedErrors.length + expectedMissing.length).toBeGreaterThan(0);
      expect(errors.map(summary).sort()).toEqual(
        expectedErrors.map((i) => summary({ ...i, severity: 'error' })).sort(),
      );
      expect(assessment.finalAllowed).toBe(false);
      expect(e.finalAllowed ?? false).toBe(false);
    });

    it('matches expect.json', () => {
      if (!assessment) throw new Error('did not parse');
      checkAssessment(assessment, e);
    });
  });
});
