/**
 * The checklist as a whole, and how far the fixture folders cover the domain: every requirement has an
 * evaluator, every status, reason and supplied line and every rule code is produced by some fixture,
 * and each rule file has a good case (a fixture saying one of its issues must not, or may only as a
 * warning, be reported) besides its bad ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CHECKS,
  DISPUTE_RESERVATION_IDS,
  REQUIREMENTS,
  REQUIREMENT_IDS,
  LATER_ONLY_KINDS,
  TREATIES,
  disputeReservationId,
} from '../../../server/catalogue';
import { STATUSES, type ChecklistItem } from '../../../server/domain/checklist';
import { PATHS } from '../../../server/paths';
import { allFixtures, loadFixtures, run, type Fixture } from '../support/fixtures';

function assessed(fixture: Fixture) {
  const { assessment } = run(fixture.input);
  if (!assessment) throw new Error(`${fixture.kind}/${fixture.name} does not parse`);
  return assessment;
}

const good = loadFixtures('good');
const fixture = (name: string) => {
  const f = good.find((x) => x.name === name);
  if (!f) throw new Error(`no good fixture ${name}`);
  return f;
};

describe('the checklist', () => {
  const allFour = assessed(fixture('dispute-reservations-all-four-treaties'));

  it("quotes each requirement's text, and the Handbook model of the package's route(s)", () => {
    const quoted = (name: string, id: string) => {
      const item = assessed(fixture(name)).checklist.items.find((i) => i.id === id)!;
      return item.quotes.map((q) => q.source);
    };
    expect(quoted('bhutan-accedes-untoc-tip-som', 'model-party-name')).toEqual(['treaty-handbook-accession']);
    expect(quoted('bhutan-accedes-untoc-tip-som', 'model-place-date')).toEqual(['treaty-handbook-accession']);
    expect(quoted('thailand-ratifies-som', 'model-party-name')).toEqual(['treaty-handbook']);
    expect(quoted('thailand-ratifies-som', 'som-8-6')).toEqual(['nl-som']);
    // Every item of a package quotes at least its requirement's text.
    for (const item of allFour.checklist.items) expect(item.quotes.length).toBeGreaterThan(0);
  });

  it('covers every requirement of the catalogue, once each, for a package of all four treaties', () => {
    expect(allFour.facts.treaties.map((t) => t.treaty)).toEqual(['untoc', 'tip', 'som', 'fp']);
    // An instrument lists all but what exists only in a later notification (a withdrawal); a later
    // notification of the same four treaties lists those too.
    const laterOnly = (id: string) => LATER_ONLY_KINDS.includes(REQUIREMENTS.find((r) => r.id === id)!.kind);
    expect(allFour.checklist.items.map((i) => i.id)).toEqual(REQUIREMENT_IDS.filter((id) => !laterOnly(id)));
    expect(REQUIREMENT_IDS.filter(laterOnly)).toEqual(['untoc-35-4', 'tip-15-4', 'som-20-4', 'fp-16-4']);
    const later = assessed({
      ...fixture('dispute-reservations-all-four-treaties'),
      input: {
        ...(fixture('dispute-reservations-all-four-treaties').input as object),
        purpose: 'notify',
        treaties: ['untoc', 'tip', 'som', 'fp'].map((treaty) => ({ treaty, instrument: null })),
        reservations: [],
        reservationExplanations: {},
        declarations: [],
        fullPowers: null,
        withdrawnReservations: ['som-20-3'],
      },
    });
    expect(later.checklist.items.find((i) => i.id === 'som-20-4')!.status).toBe('provided');
    expect(later.checklist.items.map((i) => i.id)).toEqual([...REQUIREMENT_IDS]);
    expect(REQUIREMENT_IDS).toHaveLength(REQUIREMENTS.length);
  });

  it('lists the package-wide items first, then each treaty in package order', () => {
    const som = assessed(fixture('thailand-ratifies-som'));
    expect(som.checklist.items.map((i) => i.requirement.appliesTo)).toEqual([
      null,
      null,
      null,
      null,
      ...REQUIREMENTS.filter((r) => r.appliesTo === 'som' && !LATER_ONLY_KINDS.includes(r.kind)).map(
        () => 'som',
      ),
    ]);
  });

  it('uses every check of the catalogue (no evaluator without a requirement)', () => {
    expect([...new Set(REQUIREMENTS.map((r) => r.check))].sort()).toEqual([...CHECKS].sort());
  });

  it("cites each treaty's own article for its dispute-clause reservation", () => {
    const supplied = (id: string) => allFour.checklist.items.find((i) => i.id === id)?.supplied[0]?.params;
    expect(DISPUTE_RESERVATION_IDS.map((id) => [id, supplied(id)])).toEqual([
      ['untoc-35-3', { article: '35' }],
      ['tip-15-3', { article: '15' }],
      ['som-20-3', { article: '20' }],
      ['fp-16-3', { article: '16' }],
    ]);
    for (const treaty of ['untoc', 'tip', 'som', 'fp'] as const) {
      expect(disputeReservationId(treaty)).toBe(`${treaty}-${TREATIES[treaty].disputeArticle}-3`);
    }
  });

  it('gives a reason for every item that is missing, not applicable, to follow or left blank, and none otherwise', () => {
    const items: ChecklistItem[] = allFixtures().flatMap(
      (f) => (run(f.input).assessment?.checklist.items ?? []) as ChecklistItem[],
    );
    expect(items.length).toBeGreaterThan(500);
    const wrong = items.filter((i) =>
      ['provided', 'optional-not-made'].includes(i.status) ? i.reason !== null : i.reason === null,
    );
    expect(wrong.map((i) => `${i.id} ${i.status}`)).toEqual([]);
  });

  it('blocks final documents exactly when an item is missing or a rule reports an error', () => {
    for (const f of allFixtures()) {
      const a = run(f.input).assessment;
      if (!a) continue;
      const blocked = a.checklist.missing.length > 0 || a.issues.some((i) => i.severity === 'error');
      expect({ fixture: f.name, finalAllowed: a.finalAllowed }).toEqual({
        fixture: f.name,
        finalAllowed: !blocked,
      });
    }
  });
});

describe('fixture coverage of the domain', () => {
  const outcomes = allFixtures().map((f) => ({ f, a: run(f.input).assessment }));
  const produced = {
    statuses: new Set<string>(),
    keys: new Set<string>(),
    codes: new Map<string, Set<string>>(),
  };
  for (const { f, a } of outcomes) {
    if (!a) continue;
    for (const item of a.checklist.items) {
      produced.statuses.add(item.status);
      if (item.reason) produced.keys.add(item.reason.key);
      for (const s of item.supplied) produced.keys.add(s.key);
    }
    for (const i of a.issues) {
      const kinds = produced.codes.get(i.code) ?? new Set<string>();
      kinds.add(`${f.kind}:${i.severity}`);
      produced.codes.set(i.code, kinds);
    }
  }

  it('produces every checklist status', () => {
    expect([...produced.statuses].sort()).toEqual([...STATUSES].sort());
  });

  it('produces every reason and every supplied line the locale defines (checklist.reasons.*, checklist.supplied.*)', () => {
    const legal = JSON.parse(fs.readFileSync(path.join(PATHS.locales, 'en', 'legal.json'), 'utf8')) as {
      checklist: { reasons: Record<string, string>; supplied: Record<string, string> };
    };
    const defined = [
      ...Object.keys(legal.checklist.reasons).map((k) => `checklist.reasons.${k}`),
      ...Object.keys(legal.checklist.supplied).map((k) => `checklist.supplied.${k}`),
    ];
    expect(defined.filter((k) => !produced.keys.has(k))).toEqual([]);
  });

  const rulesDir = path.join(PATHS.root, 'server', 'domain', 'rules');
  const ruleFiles = fs
    .readdirSync(rulesDir)
    .filter((f) => f.endsWith('.ts') && !['index.ts', 'context.ts'].includes(f))
    .map((file) => ({
      file,
      codes: [
        ...new Set(
          [
            ...fs
              .readFileSync(path.join(rulesDir, file), 'utf8')
              .matchAll(/'((?:rules|schema)\.[A-Za-z.]+)'/g),
          ].map((m) => m[1]!),
        ),
      ],
    }));

  it('finds the rule files and their codes', () => {
    expect(ruleFiles.map((r) => r.file).sort()).toEqual([
      'competence.ts',
      'convention-first.ts',
      'dates.ts',
      'instrument-type.ts',
      'later-notification.ts',
      'notifications.ts',
      'reservations.ts',
      'signatory.ts',
    ]);
    expect(ruleFiles.every((r) => r.codes.length > 0)).toBe(true);
  });

  it('produces every rule code in some fixture: errors in bad ones, warnings and information in good ones', () => {
    const gaps: string[] = [];
    for (const { codes } of ruleFiles) {
      for (const code of codes) {
        const kinds = produced.codes.get(code);
        if (!kinds) gaps.push(`${code}: never produced`);
        else if (![...kinds].some((k) => k === 'bad:error' || k === 'good:warning' || k === 'good:info'))
          gaps.push(`${code}: only as ${[...kinds].join(', ')}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('has a good case for each rule file (an issue of it listed as absent, or as a mere warning or information)', () => {
    const mentioned = new Set(
      good.flatMap((f) =>
        [...(f.expect?.absent ?? []), ...(f.expect?.warnings ?? []), ...(f.expect?.infos ?? [])].map(
          (i) => i.code,
        ),
      ),
    );
    expect(ruleFiles.filter((r) => !r.codes.some((c) => mentioned.has(c))).map((r) => r.file)).toEqual([]);
  });

  it('has a bad case for each rule file', () => {
    const bad = loadFixtures('bad');
    const expectedErrors = new Set(
      bad.flatMap((f) =>
        (f.expect?.issues ?? []).filter((i) => (i.severity ?? 'error') === 'error').map((i) => i.code),
      ),
    );
    // signatory.ts only warns; what blocks a signer without full powers is the checklist item vclt-7-1.
    const withErrors = ruleFiles.filter((r) => r.file !== 'signatory.ts');
    expect(withErrors.filter((r) => !r.codes.some((c) => expectedErrors.has(c))).map((r) => r.file)).toEqual(
      [],
    );
    const missingFullPowers = bad.filter((f) => {
      const item = f.expect?.checklist?.['vclt-7-1'];
      return (typeof item === 'string' ? item : item?.status) === 'missing';
    });
    expect(missingFullPowers.length).toBeGreaterThan(0);
  });
});
