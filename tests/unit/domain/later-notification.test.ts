/**
 * A party's later notification (purpose "notify") in the domain: what the fixtures' expect.json cannot
 * say. The due kind of what it makes ('with-notification', on its date), that nothing enters into force
 * by it, that the Convention is the party's by its earlier consent, and the SOM 8(6) month measured
 * against the notification's date, or today while it is undated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, run, view } from '../support/fixtures';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

function assessed(input: unknown) {
  const { assessment } = run(input);
  if (!assessment) throw new Error('did not parse');
  return assessment;
}

const thailand = fixture('good/later-central-authority-change');

describe("a party's later notification", () => {
  it('is due with the notification, on its date; nothing enters into force; the Convention binds by the earlier consent', () => {
    const a = assessed(thailand);
    expect(a.facts.isLaterNotification).toBe(true);
    expect(a.checklist.items.find((i) => i.id === 'untoc-18-13')?.due).toEqual({
      kind: 'with-notification',
      date: '2027-01-08',
    });
    expect(a.checklist.items.some((i) => i.due.kind === 'at-deposit')).toBe(false);
    expect(a.entryIntoForce).toEqual([]);
    expect(a.facts.convention).toEqual(
      expect.objectContaining({
        status: 'already-party',
        consent: expect.objectContaining({ date: '2013-10-17', origin: 'data' }),
      }),
    );
  });

  it('undated: due with the notification, no date yet', () => {
    const a = assessed({ ...thailand, signing: { place: 'Bangkok', date: null } });
    expect(a.checklist.items.find((i) => i.id === 'untoc-18-13')?.due).toEqual({
      kind: 'with-notification',
      date: null,
    });
  });

  it("a planned deposit date is not its date: no deposit rule, and the due date stays the notification's", () => {
    const a = assessed({ ...thailand, deposit: { plannedOn: '2026-01-01', place: 'Geneva' } });
    expect(a.checklist.items.find((i) => i.id === 'untoc-18-13')?.due).toEqual({
      kind: 'with-notification',
      date: '2027-01-08',
    });
    expect(a.issues.map(view).map((i) => i.code)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^rules\.(deposit|dates)\./)]),
    );
  });

  it('SOM 8(6): the month counts to the notification date; undated, to today (the pinned clock)', () => {
    const base = fixture('good/later-som-8-6-within-month');
    const authority = (base.authorities as Array<Record<string, unknown>>)[0]!;
    const codes = (signing: string | null, designatedOn: string) =>
      assessed({
        ...base,
        signing: { place: 'Tirana', date: signing },
        authorities: [{ ...authority, designatedOn }],
      })
        .issues.filter((i) => i.code.startsWith('rules.maritimeAuthority.'))
        .map((i) => i.code);
    // Designated on 4 January 2027: due on 4 February.
    expect(codes('2027-02-04', '2027-01-04')).toEqual([]);
    expect(codes('2027-02-05', '2027-01-04')).toEqual(['rules.maritimeAuthority.notifiedAfterMonth']);
    // Undated: today is 1 December 2026. Designated on 1 November: due on 1 December, not passed.
    expect(codes(null, '2026-11-01')).toEqual([]);
    expect(codes(null, '2026-10-31')).toEqual(['rules.maritimeAuthority.monthPassed']);
  });

  it("an organization's modification of competence: under the paragraph of the way it joined", () => {
    const eu = fixture('good/later-eu-competence-modification');
    const status = (a: ReturnType<typeof assessed>) =>
      Object.fromEntries(
        a.checklist.items.filter((i) => i.id.startsWith('untoc-36')).map((i) => [i.id, i.status]),
      );
    // Approval per the data: 36(3).
    expect(status(assessed(eu))).toEqual({ 'untoc-36-3': 'provided', 'untoc-36-4': 'not-applicable' });
    // An accession the user records: 36(4), and the notifications cite it.
    const acceded = assessed({
      ...eu,
      priorConsents: [{ treaty: 'untoc', depositedOn: '2004-05-21', type: 'accession' }],
    });
    expect(status(acceded)).toEqual({ 'untoc-36-3': 'not-applicable', 'untoc-36-4': 'provided' });
    expect(acceded.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a Protocol the party is not bound by per the data: the warning names the treaty and the data date', () => {
    const a = assessed({
      ...fixture('good/later-som-8-6-within-month'),
      party: { kind: 'state', code: 'TH', formalName: 'the Kingdom of Thailand' },
    });
    // Thailand signed SOM but gave no consent in the 2014 data nor in the 2021 annex.
    expect(a.issues.map(view)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'rules.later.notPartyPerData',
          severity: 'warning',
          path: 'treaties[0].treaty',
          params: { treaty: { treaty: 'som' }, asAt: { date: '2021-01-31' } },
        }),
      ]),
    );
  });
});
