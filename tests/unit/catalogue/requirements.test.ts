/**
 * The requirements catalogue: every item is complete (id, article, quote, source, check, label and
 * supply text in both locales), quotes the treaty text of LEGAL.md verbatim (against the copy in
 * legal-copy.ts), and has the kind, obligation and timing of LEGAL.md §3.5.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CHECKS,
  DISPUTE_RESERVATION_IDS,
  OBLIGATIONS,
  REQUIREMENTS,
  REQUIREMENT_IDS,
  REQUIREMENT_KINDS,
  SOURCES,
  TIMINGS,
  TREATIES,
  TREATY_IDS,
  disputeReservationId,
  quotesFor,
  requirementById,
  ROUTES,
  type Requirement,
  type Route,
} from '../../../server/catalogue';
import { AUTHORITY_ROLES } from '../../../server/domain/package';
import { PATHS } from '../../../server/paths';
import { LEGAL_QUOTES } from './legal-copy';

type Legal = { requirements: Record<string, { label?: unknown; supply?: unknown }> };
const legal = (lng: string) =>
  JSON.parse(fs.readFileSync(path.join(PATHS.locales, lng, 'legal.json'), 'utf8')) as Legal;

const byId = (id: string): Requirement => {
  const r = requirementById(id);
  if (!r) throw new Error(`no requirement ${id}`);
  return r;
};

describe('every requirement', () => {
  it('has a unique, stable id', () => {
    expect(REQUIREMENTS.length).toBeGreaterThan(30);
    expect(new Set(REQUIREMENT_IDS).size).toBe(REQUIREMENT_IDS.length);
    for (const r of REQUIREMENTS) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  it.each(REQUIREMENTS.map((r) => [r.id, r]))('%s is complete', (_id, r) => {
    expect(r.citation.article).toMatch(/^(\d+(\(\d+\))*(\([a-z]\))?|\d+\([a-z]\)|model)$/);
    expect([...TREATY_IDS, 'vclt', 'handbook']).toContain(r.citation.instrument);
    expect(r.appliesTo === null || TREATY_IDS.includes(r.appliesTo)).toBe(true);
    expect(r.quote.text.trim().length).toBeGreaterThan(40);
    expect(Object.keys(SOURCES)).toContain(r.quote.source);
    expect(REQUIREMENT_KINDS).toContain(r.kind);
    expect(OBLIGATIONS).toContain(r.obligation);
    expect(TIMINGS).toContain(r.timing);
    expect(CHECKS).toContain(r.check);
    expect(r.kind === 'competence-declaration').toBe(r.route !== undefined);
    // The treaty text's own source: a treaty's article is quoted from that treaty, the VCLT from the VCLT.
    const expectedSource =
      r.citation.instrument === 'vclt'
        ? 'nl-vclt'
        : r.citation.instrument === 'handbook'
          ? 'treaty-handbook'
          : TREATIES[r.citation.instrument].textSource;
    expect(r.quote.source).toBe(expectedSource);
    // A text that differs by route (the Handbook's models) quotes the ratification route by default.
    if (r.quotesByRoute) {
      expect(r.quote).toBe(r.quotesByRoute.ratification);
      expect(r.quotesByRoute.accession.source).toBe('treaty-handbook-accession');
    }
  });

  it.each(['en', 'fr'])('has a label and a supply text in locales/%s/legal.json', (lng) => {
    const requirements = legal(lng).requirements;
    const gaps = REQUIREMENT_IDS.filter((id) => {
      const entry = requirements[id];
      return !(
        typeof entry?.label === 'string' &&
        entry.label.trim() &&
        typeof entry.supply === 'string' &&
        entry.supply.trim()
      );
    });
    expect(gaps).toEqual([]);
  });

  it('has no label in the locales that the catalogue does not know', () => {
    expect(Object.keys(legal('en').requirements).filter((id) => !REQUIREMENT_IDS.includes(id))).toEqual([]);
  });
});

/** The LEGAL.md texts a requirement's quote must come from (keys of LEGAL_QUOTES). */
function legalTexts(r: Requirement, route: Route = 'ratification'): string[] {
  const model = route === 'accession' ? 'handbook accession-model' : 'handbook model';
  if (r.id === 'model-party-name') return [LEGAL_QUOTES[`${model}-operative`]!];
  if (r.id === 'model-place-date') return [LEGAL_QUOTES[`${model}-witness`]!];
  const article = { '23(2)': '23' }[r.citation.article] ?? r.citation.article;
  const texts = [LEGAL_QUOTES[`${r.citation.instrument} ${article}`]];
  if (texts[0] === undefined)
    throw new Error(`no LEGAL.md text copied for ${r.id} (${r.citation.instrument} ${article})`);
  return texts.filter((t): t is string => t !== undefined);
}

describe('citations match what is quoted', () => {
  it('VCLT 7(1) is cited whole: its quote holds both (a) and (b)', () => {
    const r = REQUIREMENTS.find((x) => x.id === 'vclt-7-1')!;
    expect(r.quote.text).toContain('(a) he produces appropriate full powers');
    expect(r.quote.text).toContain('(b) it appears from the practice');
    // Regression: cited as "7(1)(a)".
    expect(r.citation.article).toBe('7(1)');
  });
});

describe('quotes: verbatim from LEGAL.md (the copy in legal-copy.ts)', () => {
  it.each(REQUIREMENTS.map((r) => [r.id, r]))('%s', (_id, r) => {
    const texts = legalTexts(r);
    // "…" marks an elision in the catalogue; every piece between elisions appears verbatim.
    const pieces = r.quote.text
      .split('…')
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces) {
      expect({ piece, found: texts.some((t) => t.includes(piece)) }).toEqual({ piece, found: true });
    }
  });

  it.each(
    REQUIREMENTS.flatMap((r) =>
      (r.related ?? []).map((x) => [`${r.id} + ${x.citation.article}`, x] as const),
    ),
  )('related text %s', (_id, related) => {
    expect(related.quote.source).toBe(
      related.citation.instrument === 'vclt'
        ? 'nl-vclt'
        : TREATIES[related.citation.instrument as 'untoc'].textSource,
    );
    const article = { '20(5)': '20(4)–(5)' }[related.citation.article] ?? related.citation.article;
    const legalText = LEGAL_QUOTES[`${related.citation.instrument} ${article}`];
    expect(legalText).toBeDefined();
    for (const piece of related.quote.text
      .split('…')
      .map((p) => p.trim())
      .filter(Boolean))
      expect({ piece, found: legalText!.includes(piece) }).toEqual({ piece, found: true });
  });

  it.each(REQUIREMENTS.filter((r) => r.quotesByRoute).map((r) => [r.id, r]))(
    '%s: each route quotes its own Handbook model, marked as far as LEGAL.md verified it',
    (_id, r) => {
      for (const route of ROUTES) {
        const quote = r.quotesByRoute![route];
        expect(legalTexts(r, route)).toContain(quote.text);
      }
      // LEGAL.md §1.2: verbatim up to "[ratifies", the rest from memory; §1.3: all from memory.
      expect(r.quotesByRoute!.accession.verification).toBe('unverified');
      expect(r.quotesByRoute!.ratification.verification).toBeDefined();
      expect(r.quotesByRoute!.accession.text).not.toMatch(/ratif/);
      expect(quotesFor(r, ['accession'])).toEqual([r.quotesByRoute!.accession]);
      expect(quotesFor(r, ['accession', 'ratification', 'accession'])).toEqual([
        r.quotesByRoute!.ratification,
        r.quotesByRoute!.accession,
      ]);
      expect(quotesFor(r, [])).toEqual([r.quote]);
    },
  );

  it('quotes the Convention in Convention texts and the Protocols in Protocol texts', () => {
    for (const r of REQUIREMENTS.filter(
      (x) => x.kind === 'reservation' && x.citation.instrument !== 'vclt',
    )) {
      expect(r.quote.text).toContain(r.citation.instrument === 'untoc' ? 'this Convention' : 'this Protocol');
    }
  });
});

describe('the requirements of LEGAL.md §3.5, with their article, kind, obligation and timing', () => {
  it.each<[string, string, string, Requirement['kind'], Requirement['obligation'], Requirement['timing']]>([
    ['untoc-5-3', 'untoc', '5(3)', 'notification', 'conditional', 'at-deposit'],
    ['untoc-6-2-d', 'untoc', '6(2)(d)', 'information', 'mandatory', 'ongoing'],
    ['untoc-13-5', 'untoc', '13(5)', 'information', 'mandatory', 'ongoing'],
    ['untoc-16-5-a', 'untoc', '16(5)(a)', 'notification', 'conditional', 'at-deposit'],
    ['untoc-18-13', 'untoc', '18(13)', 'designation', 'mandatory', 'at-deposit'],
    ['untoc-18-14', 'untoc', '18(14)', 'notification', 'mandatory', 'at-deposit'],
    ['untoc-31-6', 'untoc', '31(6)', 'notification', 'mandatory', 'no-deadline'],
    ['som-8-6', 'som', '8(6)', 'designation', 'mandatory', 'within-one-month-of-designation'],
    ['fp-13-2', 'fp', '13(2)', 'identification', 'mandatory', 'no-deadline'],
    ['untoc-35-3', 'untoc', '35(3)', 'reservation', 'optional', 'at-deposit'],
    ['tip-15-3', 'tip', '15(3)', 'reservation', 'optional', 'at-deposit'],
    ['som-20-3', 'som', '20(3)', 'reservation', 'optional', 'at-deposit'],
    ['fp-16-3', 'fp', '16(3)', 'reservation', 'optional', 'at-deposit'],
    ['untoc-36-3', 'untoc', '36(3)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['untoc-36-4', 'untoc', '36(4)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['tip-16-3', 'tip', '16(3)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['tip-16-4', 'tip', '16(4)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['som-21-3', 'som', '21(3)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['som-21-4', 'som', '21(4)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['fp-17-3', 'fp', '17(3)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['fp-17-4', 'fp', '17(4)', 'competence-declaration', 'organizations-only', 'at-deposit'],
    ['tip-untoc-37-2', 'untoc', '37(2)', 'precondition', 'mandatory', 'at-deposit'],
    ['som-untoc-37-2', 'untoc', '37(2)', 'precondition', 'mandatory', 'at-deposit'],
    ['fp-untoc-37-2', 'untoc', '37(2)', 'precondition', 'mandatory', 'at-deposit'],
    ['vclt-7-2-a', 'vclt', '7(2)(a)', 'instrument', 'mandatory', 'at-deposit'],
    ['vclt-7-1', 'vclt', '7(1)', 'instrument', 'conditional', 'at-deposit'],
  ])('%s: %s art. %s, %s, %s, %s', (id, instrument, article, kind, obligation, timing) => {
    const r = byId(id);
    expect({
      instrument: r.citation.instrument,
      article: r.citation.article,
      kind: r.kind,
      obligation: r.obligation,
      timing: r.timing,
    }).toEqual({
      instrument,
      article,
      kind,
      obligation,
      timing,
    });
  });

  it('the competence paragraphs carry their route: ratification, acceptance or approval (3), accession (4)', () => {
    for (const treaty of TREATY_IDS) {
      const { ratification, accession } = TREATIES[treaty].consentArticles;
      const competence = REQUIREMENTS.filter(
        (r) => r.appliesTo === treaty && r.kind === 'competence-declaration',
      );
      expect(competence.map((r) => [r.citation.article, r.route])).toEqual([
        [ratification, 'ratification'],
        [accession, 'accession'],
      ]);
    }
  });

  it('the Convention-only items apply to the Convention; each Protocol has the 37(2) precondition and no Convention notification', () => {
    for (const id of [
      'untoc-5-3',
      'untoc-6-2-d',
      'untoc-13-5',
      'untoc-16-5-a',
      'untoc-18-13',
      'untoc-18-14',
      'untoc-31-6',
    ]) {
      expect(byId(id).appliesTo).toBe('untoc');
    }
    expect(REQUIREMENTS.filter((r) => r.check === 'party-to-convention').map((r) => r.appliesTo)).toEqual([
      'tip',
      'som',
      'fp',
    ]);
  });

  it('each treaty has one dispute-clause reservation, the one the schema accepts', () => {
    const reservations = REQUIREMENTS.filter((r) => r.check === 'dispute-reservation');
    expect(reservations.map((r) => r.id)).toEqual([...DISPUTE_RESERVATION_IDS]);
    for (const treaty of TREATY_IDS) expect(byId(disputeReservationId(treaty)).appliesTo).toBe(treaty);
  });

  it('the VCLT practice items (23(2), 19, 29, 2(1)(d)) exist for each treaty', () => {
    for (const treaty of TREATY_IDS) {
      for (const suffix of ['vclt-23-2', 'vclt-19', 'vclt-29', 'vclt-2-1-d'])
        expect(byId(`${treaty}-${suffix}`).appliesTo).toBe(treaty);
    }
  });

  it('each authority role of the package answers a designation requirement', () => {
    for (const role of AUTHORITY_ROLES)
      expect(['designation', 'notification', 'identification']).toContain(byId(role).kind);
  });

  it('FP 13(2) asks to identify a point of contact, not to notify it', () => {
    expect(byId('fp-13-2').kind).toBe('identification');
    expect(byId('fp-13-2').quote.text).toContain(
      'shall identify a national body or a single point of contact',
    );
    expect(byId('fp-13-2').quote.text).not.toContain('Secretary-General');
  });

  it('a reservation other than to the dispute clause rests on VCLT 19(c), with the twelve months of 20(5)', () => {
    for (const treaty of TREATY_IDS) {
      const r = byId(`${treaty}-vclt-19`);
      expect(r).toMatchObject({
        kind: 'reservation',
        obligation: 'optional',
        check: 'free-text-reservations',
      });
      expect(r.quote.text).toContain('incompatible with the object and purpose of the treaty');
      expect(r.related?.map((x) => x.citation)).toEqual([{ instrument: 'vclt', article: '20(5)' }]);
      expect(r.related?.[0]?.quote.text).toContain('by the end of a period of twelve months');
    }
  });
});
