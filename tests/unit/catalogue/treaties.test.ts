/**
 * The four treaties as data, against LEGAL.md §4.1 (UNTC header data) and §4.2 (titles in the six UN
 * languages and how far each was verified), through the copy in legal-copy.ts.
 */
import {
  TREATIES,
  TREATY_IDS,
  UN_LANGUAGES,
  VERIFICATION,
  isProtocol,
  isTreatyId,
  type TreatyId,
} from '../../../server/catalogue';
import { LEGAL_TITLES } from './legal-copy';

const MARK: Record<string, (typeof VERIFICATION)[number]> = {
  '✔': 'verified',
  '◐': 'partly-verified',
  '✘': 'unverified',
};

describe('the treaties', () => {
  it('are the Convention and its three Protocols', () => {
    expect([...TREATY_IDS]).toEqual(['untoc', 'tip', 'som', 'fp']);
    expect(TREATY_IDS.map((t) => TREATIES[t].parent)).toEqual([null, 'untoc', 'untoc', 'untoc']);
    expect(TREATY_IDS.map(isProtocol)).toEqual([false, true, true, true]);
    for (const t of TREATY_IDS) expect(TREATIES[t].id).toBe(t);
    expect(isTreatyId('untoc')).toBe(true);
    expect(isTreatyId('uncac')).toBe(false);
    expect(isTreatyId(undefined)).toBe(false);
  });

  it('are the six UN languages, in titles', () => {
    expect([...UN_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });
});

describe('titles (LEGAL.md §4.2)', () => {
  const cases = TREATY_IDS.flatMap((t) => UN_LANGUAGES.map((lng): [TreatyId, string] => [t, lng]));

  it.each(cases)('%s in %s: the text and verification mark of LEGAL.md', (treaty, lng) => {
    const title = TREATIES[treaty].titles[lng as (typeof UN_LANGUAGES)[number]];
    const legal = LEGAL_TITLES[treaty]?.[lng];
    expect(legal).toBeDefined();
    expect(title.text).toBe(legal!.text);
    expect(VERIFICATION).toContain(title.verification);
    expect(title.verification).toBe(MARK[legal!.mark]);
    expect(title.source.trim().length).toBeGreaterThan(5);
  });

  it('the French Smuggling Protocol says "terre, air et mer" (not the English order "Land, Sea and Air")', () => {
    expect(TREATIES.som.titles.fr.text).toContain('par terre, air et mer');
    expect(TREATIES.som.titles.en.text).toContain('by Land, Sea and Air');
  });

  it('each Protocol supplements the Convention, in English and in French', () => {
    for (const t of ['tip', 'som', 'fp'] as const) {
      expect(TREATIES[t].titles.en.text).toMatch(
        /, supplementing the United Nations Convention against Transnational Organized Crime$/,
      );
      expect(TREATIES[t].titles.fr.text).toContain(
        'Convention des Nations Unies contre la criminalité transnationale organisée',
      );
    }
  });

  it('the Firearms Protocol writes "Their Parts" with a capital, as UNTC does', () => {
    expect(TREATIES.fp.titles.en.text).toContain('Firearms, Their Parts and Components and Ammunition');
  });
});

describe('UNTC header data (LEGAL.md §4.1, §0, §7)', () => {
  it.each<[TreatyId, string, string, string, string, string]>([
    ['untoc', 'XVIII-12', '2000-11-15', 'A/RES/55/25', '2003-09-29', '38'],
    ['tip', 'XVIII-12-a', '2000-11-15', 'A/RES/55/25', '2003-12-25', '17'],
    ['som', 'XVIII-12-b', '2000-11-15', 'A/RES/55/25', '2004-01-28', '22'],
    ['fp', 'XVIII-12-c', '2001-05-31', 'A/RES/55/255', '2005-07-03', '18(1)'],
  ])(
    '%s: chapter %s, New York %s (%s), in force %s (art. %s)',
    (t, chapter, concluded, resolution, eif, article) => {
      const treaty = TREATIES[t];
      expect(treaty.untcChapter).toBe(chapter);
      expect(treaty.concluded).toEqual({ place: 'new-york', date: concluded });
      expect(treaty.adoptedBy).toEqual({ resolution, date: concluded });
      expect(treaty.entryIntoForce).toEqual({ date: eif, article });
      expect(treaty.registration).toBe('No. 39574');
      expect(treaty.untcUrl).toContain(`mtdsg_no=${chapter}&`);
    },
  );

  it.each<[TreatyId, number, number, boolean, string]>([
    ['untoc', 2225, 209, true, 'A/55/383'],
    ['tip', 2237, 319, true, 'A/55/383'],
    ['som', 2241, 507, false, 'A/55/383'], // LEGAL.md: "vol. 2241, p. 507 (from memory, unverified)"
    ['fp', 2326, 209, true, 'A/55/383/Add.2'],
  ])('%s: UNTS vol. %i p. %i (verified: %s), text %s', (t, volume, page, verified, doc) => {
    expect(TREATIES[t].unts).toEqual({ volume, page, verified });
    expect(TREATIES[t].textDocument).toBe(doc);
  });

  it.each<[TreatyId, string, boolean, string, string, string, string, string]>([
    // Palermo 12-15 December 2000, then New York until 12 December 2002 (UNTOC 36(1), TIP 16(1), SOM 21(1)).
    ['untoc', '2000-12-12', true, '36(1)', '36(3)', '36(4)', '38(2)', '35'],
    ['tip', '2000-12-12', true, '16(1)', '16(3)', '16(4)', '17(2)', '15'],
    ['som', '2000-12-12', true, '21(1)', '21(3)', '21(4)', '22(2)', '20'],
    // FP 17(1): New York only, "from the thirtieth day after its adoption" (31 May 2001): computed, unverified.
    ['fp', '2001-06-30', false, '17(1)', '17(3)', '17(4)', '18(2)', '16'],
  ])(
    '%s: signature opened %s (verified %s) under %s; consent %s / %s; later entry into force %s; disputes art. %s',
    (t, opened, openedVerified, sigArticle, ratification, accession, later, dispute) => {
      const treaty = TREATIES[t];
      expect(treaty.signature).toEqual({ opened, openedVerified, closed: '2002-12-12', article: sigArticle });
      expect(treaty.consentArticles).toEqual({ ratification, accession });
      expect(treaty.laterEntryIntoForceArticle).toBe(later);
      expect(treaty.disputeArticle).toBe(dispute);
    },
  );

  it('the Firearms Protocol opened for signature on the thirtieth day after its adoption', () => {
    const adopted = new Date(`${TREATIES.fp.adoptedBy.date}T00:00:00Z`);
    adopted.setUTCDate(adopted.getUTCDate() + 30);
    expect(adopted.toISOString().slice(0, 10)).toBe(TREATIES.fp.signature.opened);
  });
});
