/**
 * The participation data as loaded (server/catalogue/participation.ts), against the facts its README
 * states: signatures complete (UNTC's counts; all on or before 12 December 2002), consent snapshots of
 * 2014 and, for the Smuggling Protocol, the 2021 annex merged in, with Moldova keeping the UNTC value.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  TREATIES,
  TREATY_IDS,
  loadParticipation,
  participationOf,
  type TreatyId,
} from '../../../server/catalogue';
import { parseCsv } from '../../../server/catalogue/csv';
import { PATHS } from '../../../server/paths';
import { participation } from '../support/fixtures';

const records = (t: TreatyId) => [...participation()[t].records.values()];
const codesWhere = (t: TreatyId, keep: (r: ReturnType<typeof records>[number]) => boolean) =>
  records(t)
    .filter(keep)
    .map((r) => r.code)
    .sort();

describe('signatures (complete: signature closed on 12 December 2002)', () => {
  it.each<[TreatyId, number]>([
    ['untoc', 147],
    ['tip', 117],
    ['som', 112],
    ['fp', 52],
  ])('%s has %i signatories, as UNTC counts them', (t, count) => {
    expect(records(t).filter((r) => r.signature !== null)).toHaveLength(count);
  });

  it.each(TREATY_IDS.map((t) => [t]))('%s: every signature falls within the signature period', (t) => {
    const { opened, closed } = TREATIES[t].signature;
    const outside = records(t).filter(
      (r) => r.signature !== null && (r.signature < opened || r.signature > closed),
    );
    expect(outside.map((r) => `${r.code} ${r.signature}`)).toEqual([]);
  });

  it('records the per-treaty signature dates of LEGAL.md §7 rule 4', () => {
    const sig = (t: TreatyId, code: string) => participationOf(participation(), t, code)?.signature;
    expect([sig('untoc', 'TH'), sig('tip', 'TH')]).toEqual(['2000-12-13', '2001-12-18']);
    expect([sig('untoc', 'AU'), sig('som', 'AU')]).toEqual(['2000-12-13', '2001-12-21']);
    expect([sig('untoc', 'DZ'), sig('som', 'DZ')]).toEqual(['2000-12-12', '2001-06-06']);
  });

  it('no State that signed is recorded as acceding or succeeding, and every ratification, acceptance or approval has a signature', () => {
    for (const t of TREATY_IDS) {
      for (const r of records(t)) {
        if (r.signature !== null)
          expect({ t, code: r.code, type: r.consent?.type }).not.toEqual(
            expect.objectContaining({ type: expect.stringMatching(/^(accession|succession)$/) }),
          );
        if (r.consent?.type && ['ratification', 'acceptance', 'approval'].includes(r.consent.type))
          expect({ t, code: r.code, signed: r.signature !== null }).toEqual({
            t,
            code: r.code,
            signed: true,
          });
      }
    }
  });
});

describe('consents (snapshots)', () => {
  it.each<[TreatyId, number, string]>([
    ['untoc', 179, '2014-01-27'],
    ['tip', 159, '2014-01-27'],
    // 138 in UNTC 2014 + 12 later actions from the 2021 annex = 150, the annex's own count.
    ['som', 150, '2021-01-31'],
    ['fp', 109, '2014-07-10'],
  ])('%s: %i parties with a consent date, data as at %s', (t, parties, asAt) => {
    expect(records(t).filter((r) => r.consent !== null)).toHaveLength(parties);
    expect(participation()[t].asAt).toBe(asAt);
  });

  it('each consent falls between the adoption of the treaty and its snapshot date', () => {
    for (const t of TREATY_IDS) {
      for (const r of records(t)) {
        if (!r.consent) continue;
        expect(r.consent.date >= TREATIES[t].concluded.date && r.consent.date <= r.consent.asAt).toBe(true);
      }
    }
  });

  it.each<[TreatyId, string[]]>([
    ['untoc', ['BB', 'CG', 'IR', 'JP', 'KR', 'SL']],
    ['tip', ['BB', 'CG', 'CZ', 'JP', 'KR', 'LK', 'SL', 'UG']],
    // After the 2021 annex: the 14 of UNTC 2014 less Barbados, Japan, Republic of Korea and Sierra Leone.
    ['som', ['BO', 'CG', 'GQ', 'GW', 'IE', 'IS', 'LK', 'TH', 'UG', 'UZ']],
    ['fp', ['AU', 'BB', 'CA', 'CN', 'DE', 'DK', 'GB', 'IS', 'JP', 'KR', 'LU', 'MC', 'SC', 'SL']],
  ])('%s: the signatories without consent are those the README lists', (t, codes) => {
    expect(codesWhere(t, (r) => r.signature !== null && r.consent === null)).toEqual(codes);
  });

  it('merges the 12 later Smuggling Protocol consents of the 2021 annex, marked with their source and snapshot', () => {
    const later: [string, string, string][] = [
      ['AO', '2014-09-19', 'accession'],
      ['BB', '2014-11-11', 'ratification'],
      ['SL', '2014-08-12', 'ratification'],
      ['KR', '2015-11-05', 'ratification'],
      ['AF', '2017-02-02', 'accession'],
      ['CI', '2017-06-08', 'accession'],
      ['JP', '2017-07-11', 'acceptance'],
      ['FJ', '2017-09-19', 'accession'],
      ['SD', '2018-10-09', 'accession'],
      ['GA', '2019-05-10', 'accession'],
      ['PW', '2019-05-27', 'accession'],
      ['KM', '2020-12-15', 'accession'],
    ];
    for (const [code, date, type] of later) {
      expect([code, participationOf(participation(), 'som', code)?.consent]).toEqual([
        code,
        { date, type, asAt: '2021-01-31', source: 'seed-annex-3' },
      ]);
    }
    expect(records('som').filter((r) => r.consent?.source === 'seed-annex-3')).toHaveLength(12);
    expect(participation().som.sources).toEqual(['untc-2014', 'seed-annex-3']);
  });

  it("keeps UNTC's value for Moldova's Smuggling Protocol consent (2005-09-16), not the annex's Firearms date", () => {
    expect(participationOf(participation(), 'som', 'MD')).toEqual({
      code: 'MD',
      sourceName: 'Republic of Moldova',
      signature: '2000-12-14',
      consent: { date: '2005-09-16', type: 'ratification', asAt: '2014-07-10', source: 'untc-2014' },
    });
    expect(participationOf(participation(), 'fp', 'MD')?.consent?.date).toBe('2006-02-28');
  });

  it('leaves the type blank where the source gives a date with no marker and no signature (Antigua and Barbuda TIP, Bahamas FP)', () => {
    expect(participationOf(participation(), 'tip', 'AG')).toMatchObject({
      signature: null,
      consent: { date: '2010-02-17', type: null },
    });
    expect(participationOf(participation(), 'fp', 'BS')).toMatchObject({
      signature: null,
      consent: { date: '2008-09-26', type: null },
    });
    const untyped = TREATY_IDS.flatMap((t) =>
      records(t)
        .filter((r) => r.consent && r.consent.type === null)
        .map((r) => `${t} ${r.code}`),
    );
    expect(untyped.sort()).toEqual(['fp BS', 'tip AG']);
  });

  it('knows nothing of a State that never took part (Bhutan)', () => {
    for (const t of TREATY_IDS) expect(participationOf(participation(), t, 'BT')).toBeNull();
  });
});

describe('loadParticipation refuses malformed data', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'participation-'));
    for (const f of fs.readdirSync(PATHS.participationData).filter((x) => x.endsWith('.csv'))) {
      fs.copyFileSync(path.join(PATHS.participationData, f), path.join(dir, f));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const corrupt = (file: string, from: string, to: string) => {
    const p = path.join(dir, file);
    const text = fs.readFileSync(p, 'utf8');
    expect(text).toContain(from);
    fs.writeFileSync(p, text.replace(from, to));
  };

  it('loads an unchanged copy', () => {
    expect(loadParticipation(dir).untoc.records.size).toBe(participation().untoc.records.size);
  });

  it.each<[string, string, string, RegExp]>([
    ['participants-untoc.csv', 'Albania,AL,2000-12-12', 'Albania,AL,12 Dec 2000', /row 3: not a date/],
    ['participants-tip.csv', 'Albania,AL,', 'Albania,al,', /row 2: bad code al/],
    ['participants-fp.csv', '2008-02-08,accession', '2008-02-08,a', /unknown consent type a/],
    ['participants-som-annex3-2021.csv', ',2021-01-31,seed', ',,seed', /no status_as_at/],
  ])('%s: %s -> %s', (file, from, to, error) => {
    corrupt(file, from, to);
    expect(() => loadParticipation(dir)).toThrow(error);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes, CRLF line ends and a final line without one', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""",\r\n1,2,3')).toEqual([
      { a: 'x, y', b: 'say "hi"', c: '' },
      { a: '1', b: '2', c: '3' },
    ]);
  });

  it('drops a UTF-8 byte-order mark (Excel\'s "CSV UTF-8"), so the first column keeps its name', () => {
    const text = '\uFEFFcode,name\r\nTH,Thailand\r\n';
    expect(parseCsv(text)).toEqual([{ code: 'TH', name: 'Thailand' }]);
    expect(Object.keys(parseCsv(text)[0]!)[0]).toBe('code');
    // Only a leading one: a mark inside a field is the field's.
    expect(parseCsv('a\n\uFEFFx\n')).toEqual([{ a: '\uFEFFx' }]);
  });

  it('refuses a row with the wrong number of fields, and an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/quoted field/);
  });
});
