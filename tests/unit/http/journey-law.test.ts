/**
 * The journey reads the law from the catalogue (issue 11, "The law is data"): its pages and sections
 * declare the requirements they answer, apply when those requirements' treaty is in the package, and
 * no treaty, requirement or designation id is written in server/http.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ANSWER_REQUIREMENTS,
  CONVENTION,
  DESIGNATION_IDS,
  DESIGNATION_LISTS,
  REQUIREMENT_IDS,
  TREATY_IDS,
  isProtocol,
  requirementById,
  requirementChecked,
  requirementsOfKind,
  type TreatyId,
} from '../../../server/catalogue';
import { SECTION_IDS } from '../../../server/domain/draft';
import type { Package } from '../../../server/domain/package';
import { parsePackage } from '../../../server/domain/validate';
import {
  AUTHORITY_LIST_IDS,
  AUTHORITY_LISTS,
  LIST_PAGES,
  PAGES,
  SECTIONS,
  TERRITORY_REQUIREMENTS,
} from '../../../server/http/journey/definitions';

function pkg(input: unknown): Package {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.pkg;
}

/** Every set of treaties a package can hold, for a State and for an organization. */
const SUBSETS: TreatyId[][] = Array.from({ length: 2 ** TREATY_IDS.length - 1 }, (_, n) =>
  TREATY_IDS.filter((_t, i) => (n + 1) & (1 << i)),
);
const PACKAGES: Package[] = SUBSETS.flatMap((treaties) =>
  [
    { kind: 'state', code: 'BT' },
    { kind: 'reio', code: 'EU' },
  ].map((party) => pkg({ party, treaties: treaties.map((treaty) => ({ treaty, instrument: 'accession' })) })),
);

const treatyOf = (id: string) => requirementById(id)?.appliesTo ?? null;

describe('the journey reads the law from the catalogue', () => {
  test('every requirement the journey cites is in the catalogue', () => {
    for (const p of PACKAGES) {
      const cited = [
        ...PAGES.filter((page) => page.applies(p)).flatMap((page) => page.requirements(p)),
        ...LIST_PAGES.flatMap((list) => list.requirements(p)),
        ...SECTIONS.flatMap((s) => s.requirements ?? []),
      ];
      for (const id of cited) expect([id, REQUIREMENT_IDS.includes(id)]).toEqual([id, true]);
    }
  });

  test('a section that declares its requirements applies when their treaty is in the package', () => {
    const declared = SECTIONS.filter((s) => s.requirements !== undefined);
    expect(declared.length).toBeGreaterThan(0);
    for (const p of PACKAGES) {
      const chosen = p.treaties.map((t) => t.treaty);
      for (const s of declared) {
        const brought = s.requirements!.every((id) => chosen.includes(treatyOf(id)!));
        // The territories are a State's only.
        const expected = s.id === 'territories' ? brought && p.party.kind === 'state' : brought;
        expect([s.id, chosen, s.applies(p)]).toEqual([s.id, chosen, expected]);
      }
    }
  });

  test("the Convention's sections share the Convention's reason for being absent", () => {
    for (const s of SECTIONS.filter((x) => x.absentBecause === CONVENTION))
      expect([s.id, s.requirements!.map(treatyOf)]).toEqual([s.id, s.requirements!.map(() => CONVENTION)]);
  });

  test('each designation has one list page, which opens its own section and cites it', () => {
    expect([...AUTHORITY_LIST_IDS].sort()).toEqual(DESIGNATION_IDS.map((id) => DESIGNATION_LISTS[id]).sort());
    for (const id of DESIGNATION_IDS) {
      const list = DESIGNATION_LISTS[id];
      expect(AUTHORITY_LISTS[list]).toBe(id);
      expect((SECTION_IDS as readonly string[]).includes(list)).toBe(true);
      expect(SECTIONS.find((s) => s.id === list)?.requirements).toContain(id);
    }
  });

  test("the designations' sections, generated from the catalogue, keep their ids and their places", () => {
    expect([...SECTION_IDS]).toEqual([
      'party',
      'treaties',
      'signatory',
      'signing',
      'extradition',
      'central-authorities',
      'territories',
      'prevention',
      'article5',
      'maritime',
      'firearms',
      'law-copies',
      'competence',
      'reservations',
      'declarations',
      'withdrawals',
      'deposit',
    ]);
    expect(SECTIONS.map((s) => [s.id, s.absentBecause ?? null, s.dueAtDeposit ?? null])).toEqual(
      expect.arrayContaining([
        ['central-authorities', CONVENTION, null],
        ['prevention', CONVENTION, false],
        ['maritime', 'maritime', false],
        ['firearms', 'firearms', false],
      ]),
    );
  });

  test("a territory's own answers are requirements of the Convention", () => {
    for (const id of [...Object.values(ANSWER_REQUIREMENTS), ...TERRITORY_REQUIREMENTS])
      expect([id, treatyOf(id)]).toEqual([id, CONVENTION]);
  });

  test('each Protocol has one 37(2) precondition, and each treaty one requirement per check the journey reads', () => {
    for (const t of TREATY_IDS) {
      expect([t, requirementsOfKind(t, 'precondition').length]).toEqual([t, isProtocol(t) ? 1 : 0]);
      for (const check of [
        'signature-reservations',
        'territorial-declaration',
        'other-declarations',
        'free-text-reservations',
      ] as const)
        expect([t, check, treatyOf(requirementChecked(t, check) ?? '')]).toEqual([t, check, t]);
    }
  });

  test('no treaty, requirement or designation id is written in server/http', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    // An id of a treaty's own (not the package-wide "model-party-name" or "vclt-7-1"), quoted.
    const ids = new Set<string>([
      ...TREATY_IDS,
      ...REQUIREMENT_IDS.filter((id) => TREATY_IDS.some((t) => id.startsWith(`${t}-`))),
    ]);
    const found: string[] = [];
    for (const file of files(join(__dirname, '../../../server/http'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`]([a-z0-9-]+)['"`]/g))
        if (ids.has(m[1]!)) found.push(`${file}: ${m[0]}`);
      // An id built from its parts: `${treaty}-untoc-37-2`, `${treaty}-vclt-29`.
      for (const m of text.matchAll(/}-(untoc|vclt)-[0-9a-z-]+/g)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
