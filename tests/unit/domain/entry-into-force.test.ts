/**
 * Entry into force for a party (UNTOC 38(2); TIP 17(2), SOM 22(2), FP 18(2); UNTOC 37(2)), against the
 * examples of LEGAL.md §3.1 and §7 rule 8, and through assessPackage; and the participation data
 * itself reproducing each treaty's general entry into force (the data README's cross-check).
 */
import { TREATIES, TREATY_IDS, type TreatyId } from '../../../server/catalogue';
import { addDays } from '../../../server/domain/dates';
import { entryIntoForceDate } from '../../../server/domain/entry-into-force';
import type { PackageInput } from '../../../server/domain/package';
import { participation, run } from '../support/fixtures';

/** DD-MM-YYYY, as LEGAL.md §3.1 writes the Dutch treaty database's dates, to ISO. */
const iso = (dmy: string) => dmy.split('-').reverse().join('-');

describe('entryIntoForceDate: UNTOC 38(2), the thirtieth day after deposit (day of deposit = day 0)', () => {
  // LEGAL.md §3.1, from the Netherlands treaty database's party table.
  it.each([
    ['Australia', '27-05-2004', '26-06-2004'],
    ['Bahrain', '07-06-2004', '07-07-2004'],
    ['Belize', '26-09-2003', '26-10-2003'],
    ['Belgium', '11-08-2004', '10-09-2004'],
    ['Azerbaijan', '30-10-2003', '29-11-2003'],
    ['China', '23-09-2003', '23-10-2003'],
    ['Andorra', '22-09-2011', '22-10-2011'],
    ['Angola', '01-04-2013', '01-05-2013'],
  ])('%s: deposit %s -> %s', (_party, deposit, eif) => {
    expect(entryIntoForceDate('untoc', iso(deposit), null)).toEqual({
      date: iso(eif),
      basis: 'thirtieth-day',
    });
  });

  // LEGAL.md §3.1: instruments up to the 40th (1 July 2003), and later ones whose thirtieth day fell
  // before 29 September 2003, carry the Convention's own entry into force.
  it.each([
    ['Albania', '21-08-2002'],
    ['Algeria', '07-10-2002'],
    ['Armenia', '01-07-2003'],
    ['Costa Rica', '24-07-2003'],
  ])('%s: deposit %s -> 29-09-2003, the general entry into force', (_party, deposit) => {
    expect(entryIntoForceDate('untoc', iso(deposit), null)).toEqual({
      date: '2003-09-29',
      basis: 'general-entry-into-force',
    });
  });

  it('30 August 2003 + 30 days is 29 September 2003 exactly: either bound gives the same day', () => {
    expect(entryIntoForceDate('untoc', '2003-08-30', null).date).toBe('2003-09-29');
    expect(entryIntoForceDate('untoc', '2003-08-31', null)).toEqual({
      date: '2003-09-30',
      basis: 'thirtieth-day',
    });
  });

  // LEGAL.md §7 rule 8 and §1.6: Thailand deposited UNTOC and TIP in Vienna on 17 October 2013.
  it('Thailand, UNTOC and TIP deposited 17 October 2013 -> 16 November 2013 (Thai MFA)', () => {
    expect(entryIntoForceDate('untoc', '2013-10-17', null).date).toBe('2013-11-16');
    expect(entryIntoForceDate('tip', '2013-10-17', '2013-11-16').date).toBe('2013-11-16');
  });

  it('China, TIP acceded 8 February 2010 -> 10 March 2010 (Macao Official Gazette)', () => {
    // China has been bound by UNTOC since 23 October 2003.
    expect(entryIntoForceDate('tip', '2010-02-08', '2003-10-23')).toEqual({
      date: '2010-03-10',
      basis: 'thirtieth-day',
    });
  });

  it('counts across a leap day: 1 February 2024 -> 2 March 2024, 1 February 2027 -> 3 March 2027', () => {
    expect(entryIntoForceDate('untoc', '2024-02-01', null).date).toBe('2024-03-02');
    expect(entryIntoForceDate('untoc', '2027-02-01', null).date).toBe('2027-03-03');
  });
});

describe('entryIntoForceDate: the Protocols, "whichever is the later" (TIP 17(2), SOM 22(2), FP 18(2))', () => {
  it.each<[TreatyId, string, string]>([
    // The 40th instrument of each Protocol (data README): its 30th day is before the general date.
    ['tip', '2003-09-26', '2003-12-25'],
    ['som', '2003-10-30', '2004-01-28'],
    ['fp', '2005-04-04', '2005-07-03'],
    // An early deposit, well before the 40th.
    ['tip', '2001-01-10', '2003-12-25'],
    ['fp', '2002-02-01', '2005-07-03'],
  ])("%s deposited %s -> %s, the Protocol's own entry into force", (treaty, deposit, eif) => {
    expect(entryIntoForceDate(treaty, deposit, '2003-09-29')).toEqual({
      date: eif,
      basis: 'general-entry-into-force',
    });
  });

  it.each<[TreatyId, string, string]>([
    ['tip', '2003-11-26', '2003-12-26'],
    ['som', '2003-12-30', '2004-01-29'],
    ['fp', '2005-06-04', '2005-07-04'],
  ])('%s deposited %s -> %s: the thirtieth day is the later', (treaty, deposit, eif) => {
    expect(entryIntoForceDate(treaty, deposit, '2003-09-29')).toEqual({ date: eif, basis: 'thirtieth-day' });
  });

  it('a Protocol never enters into force before the Convention does for that party (UNTOC 37(2))', () => {
    // The Convention binds the party from 2027-03-20; its Protocol instrument was deposited on
    // 2027-01-15, whose thirtieth day (2027-02-14) is earlier.
    expect(entryIntoForceDate('tip', '2027-01-15', '2027-03-20')).toEqual({
      date: '2027-03-20',
      basis: 'convention-for-party',
    });
    expect(entryIntoForceDate('fp', '2027-01-15', '2027-03-20')).toEqual({
      date: '2027-03-20',
      basis: 'convention-for-party',
    });
  });

  it('the Convention itself ignores the "Convention for the party" argument', () => {
    expect(entryIntoForceDate('untoc', '2027-01-15', '2027-03-20')).toEqual({
      date: '2027-02-14',
      basis: 'thirtieth-day',
    });
  });
});

describe('entryIntoForceForPackage, through assessPackage', () => {
  const signer = {
    name: 'A. Example',
    title: 'Minister for Foreign Affairs',
    office: 'minister-for-foreign-affairs',
  } as const;

  function eif(input: PackageInput) {
    const { parsed, assessment } = run(input);
    if (!parsed.ok || !assessment) throw new Error(JSON.stringify(parsed.ok ? null : parsed.issues));
    return Object.fromEntries(
      assessment.entryIntoForce.map((e) => [
        e.treaty,
        { date: e.date, basis: e.basis, article: e.citation.article },
      ]),
    );
  }

  it('an instrument deposited before the treaty entered into force cites paragraph 1, not 2 (UNTOC 38(1), FP 18(1))', () => {
    // Regression: "38(2)" was cited where the Convention's own entry into force (29 September 2003) governs.
    expect(
      eif({
        party: { kind: 'state', code: 'BT' },
        treaties: [
          { treaty: 'untoc', instrument: 'accession' },
          { treaty: 'fp', instrument: 'accession' },
        ],
        signatory: signer,
        deposit: { plannedOn: '2003-08-01' },
      }),
    ).toEqual({
      untoc: { date: '2003-09-29', basis: 'general-entry-into-force', article: '38(1)' },
      fp: { date: '2005-07-03', basis: 'general-entry-into-force', article: '18(1)' },
    });
  });

  it('the Convention and a Protocol deposited together both enter into force on the thirtieth day, each citing its article', () => {
    expect(
      eif({
        party: { kind: 'state', code: 'BT' },
        treaties: [
          { treaty: 'untoc', instrument: 'accession' },
          { treaty: 'fp', instrument: 'accession' },
        ],
        signatory: signer,
        deposit: { plannedOn: '2027-03-10' },
      }),
    ).toEqual({
      untoc: { date: '2027-04-09', basis: 'thirtieth-day', article: '38(2)' },
      fp: { date: '2027-04-09', basis: 'thirtieth-day', article: '18(2)' },
    });
  });

  it('no planned deposit: no date yet', () => {
    expect(
      eif({
        party: { kind: 'state', code: 'BT' },
        treaties: [{ treaty: 'untoc', instrument: 'accession' }],
        signatory: signer,
      }),
    ).toEqual({ untoc: { date: null, basis: null, article: '38(2)' } });
  });

  it('a Protocol for a State not a party to the Convention: no date (it cannot enter into force, 37(2))', () => {
    expect(
      eif({
        party: { kind: 'state', code: 'BT' },
        treaties: [{ treaty: 'som', instrument: 'accession' }],
        signatory: signer,
        deposit: { plannedOn: '2027-03-10' },
      }),
    ).toEqual({ som: { date: null, basis: null, article: '22(2)' } });
  });

  it('a Protocol for a party to the Convention per the data (Thailand, 2013): the thirtieth day', () => {
    expect(
      eif({
        party: { kind: 'state', code: 'TH' },
        treaties: [{ treaty: 'som', instrument: 'ratification' }],
        signatory: signer,
        deposit: { plannedOn: '2027-03-10' },
      }),
    ).toEqual({ som: { date: '2027-04-09', basis: 'thirtieth-day', article: '22(2)' } });
  });

  it('a Protocol whose planned deposit precedes the recorded Convention consent follows the Convention, and is refused', () => {
    // The party records a UNTOC accession deposited on 2026-11-30 (in force for it on 2026-12-30); the
    // TIP instrument is planned for 2026-11-25, thirtieth day 2026-12-25. Only a past deposit date can
    // come before a recorded consent (consents cannot be in the future), hence the warning; and a
    // Protocol deposited before the Convention is an error (UNTOC 37(2); LEGAL.md §3.1).
    const input: PackageInput = {
      party: { kind: 'state', code: 'BT' },
      treaties: [{ treaty: 'tip', instrument: 'accession' }],
      priorConsents: [{ treaty: 'untoc', depositedOn: '2026-11-30' }],
      signatory: signer,
      deposit: { plannedOn: '2026-11-25' },
    };
    expect(eif(input)).toEqual({
      tip: { date: '2026-12-30', basis: 'convention-for-party', article: '17(2)' },
    });
    const codes = run(input).assessment?.issues.map((i) => i.code);
    expect(codes).toContain('rules.dates.depositInPast');
    expect(codes).toContain('rules.conventionFirst.conventionLater');
  });
});

describe('the participation data reproduces each general entry into force (40th instrument + 90 days)', () => {
  // UNTOC 38(1) and Protocols 17(1)/22(1)/18(1): "the ninetieth day after the date of deposit of the
  // fortieth instrument"; an organization's instrument is not counted as additional to its members'.
  const fortieth: Record<TreatyId, string> = {
    untoc: '2003-07-01',
    tip: '2003-09-26',
    som: '2003-10-30',
    fp: '2005-04-04',
  };

  it.each(TREATY_IDS.map((t) => [t]))('%s', (treaty) => {
    const dates = [...participation()[treaty].records.values()]
      .filter((r) => r.code !== 'EU' && r.consent !== null)
      .map((r) => r.consent!.date)
      .sort();
    expect(dates.length).toBeGreaterThan(40);
    const day40 = dates[39]!;
    expect(day40).toBe(fortieth[treaty]);
    expect(addDays(day40, 90)).toBe(TREATIES[treaty].entryIntoForce.date);
    // A Protocol "shall not enter into force before the entry into force of the Convention".
    if (treaty !== 'untoc')
      expect(TREATIES[treaty].entryIntoForce.date > TREATIES.untoc.entryIntoForce.date).toBe(true);
  });
});
