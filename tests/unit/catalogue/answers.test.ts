/**
 * catalogue/answers.ts: where each requirement an organization may declare outside its competence
 * (UNTOC 2(j)) is answered in a package. Every such requirement has an entry; each entry points at a part
 * of the package that exists; and the competence rule, reading the table, finds the answer in a package
 * that gives it, and only there.
 */
import {
  ANSWERS,
  answerOf,
  DESIGNATION_IDS,
  isDesignationId,
  OUTSIDE_COMPETENCE_IDS,
  requirementById,
  type OutsideCompetenceId,
} from '../../../server/catalogue';
import type { AuthorityRole, PackageInput, Package } from '../../../server/domain/package';
import { answered, competenceRule } from '../../../server/domain/rules/competence';
import { analysePackage } from '../../../server/domain/facts';
import { parsePackage } from '../../../server/domain/validate';
import { participation, TODAY } from '../support/fixtures';

/** An organization approving the Convention and the Smuggling and Firearms Protocols, nothing answered. */
const BASE: PackageInput = {
  party: { kind: 'reio', code: 'EU', formalName: 'the European Union' },
  treaties: [
    { treaty: 'untoc', instrument: 'approval' },
    { treaty: 'som', instrument: 'approval' },
    { treaty: 'fp', instrument: 'approval' },
  ],
};

function parse(input: PackageInput): Package {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`test package does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.pkg;
}

const authority = (role: AuthorityRole): NonNullable<PackageInput['authorities']>[number] => ({
  roles: [role],
  name: 'Directorate-General for Migration and Home Affairs',
  address: { lines: ['Rue de la Loi 200'], city: 'Brussels', postcode: '1049', country: 'BE' },
  email: ['home@example.eu'],
});

/** For each requirement, the answer a package gives to it (written by hand, not read from the table). */
const ANSWERING: Record<OutsideCompetenceId, Partial<PackageInput>> = {
  'untoc-18-13': { authorities: [authority('untoc-18-13')] },
  'untoc-31-6': { authorities: [authority('untoc-31-6')] },
  'som-8-6': { authorities: [authority('som-8-6')] },
  'fp-13-2': { authorities: [authority('fp-13-2')] },
  'untoc-18-14': { mlaLanguages: ['en', 'fr'] },
  'untoc-16-5-a': { extradition: { conditionalOnTreaty: false, conventionAsLegalBasis: null } },
  'untoc-5-3': { article5: { requiresOrganizedCriminalGroup: null, requiresActInFurtherance: true } },
  'untoc-6-2-d': { lawCopies: { moneyLaundering: 'to-follow', confiscation: null } },
  'untoc-13-5': { lawCopies: { moneyLaundering: null, confiscation: 'enclosed' } },
};

describe('where each requirement is answered (catalogue/answers.ts)', () => {
  it('has an entry for every requirement an organization may declare outside its competence, and no other', () => {
    expect(Object.keys(ANSWERS).sort()).toEqual([...OUTSIDE_COMPETENCE_IDS].sort());
    for (const id of OUTSIDE_COMPETENCE_IDS) expect(answerOf(id)).toBe(ANSWERS[id]);
  });

  it.each(OUTSIDE_COMPETENCE_IDS)(
    '%s is answered by its own designation, or by a part of the package',
    (id) => {
      const answer = answerOf(id);
      expect(requirementById(id)).toBeDefined();
      // A designation is named after the requirement it answers; every designation is answered so.
      expect(answer.by === 'designation').toBe(isDesignationId(id));
      if (answer.by === 'designation') expect(answer.designation).toBe(id);
      const pkg = parse(BASE);
      if (answer.by === 'list') expect(Array.isArray(pkg[answer.list])).toBe(true);
      if (answer.by === 'fields') {
        const section = pkg[answer.section] as Record<string, unknown>;
        expect(answer.fields.length).toBeGreaterThan(0);
        for (const field of answer.fields) expect(section[field]).toBeNull();
      }
    },
  );

  it('answers every designation that may fall outside the competence by a designated authority', () => {
    const designated = OUTSIDE_COMPETENCE_IDS.filter((id) => answerOf(id).by === 'designation');
    expect([...designated].sort()).toEqual(
      DESIGNATION_IDS.filter((id) => (OUTSIDE_COMPETENCE_IDS as readonly string[]).includes(id)).sort(),
    );
  });

  it('finds no answer in a package that answers nothing', () => {
    const pkg = parse(BASE);
    for (const id of OUTSIDE_COMPETENCE_IDS) expect(answered(pkg, id)).toBe(false);
  });

  it.each(OUTSIDE_COMPETENCE_IDS)('finds the answer to %s in a package that gives it, and no other', (id) => {
    const pkg = parse({ ...BASE, ...ANSWERING[id] });
    const found = OUTSIDE_COMPETENCE_IDS.filter((other) => answered(pkg, other));
    expect(found).toEqual([id]);
  });

  it.each(OUTSIDE_COMPETENCE_IDS)(
    'reports %s answered and declared outside the competence (UNTOC 2(j))',
    (id) => {
      const codes = (input: PackageInput) =>
        competenceRule({ facts: analysePackage(parse(input), participation()), today: TODAY })
          .filter((i) => i.code === 'rules.competence.answeredOutside')
          .map((i) => ({ path: i.path, source: i.source }));
      const req = requirementById(id)!;
      expect(codes({ ...BASE, ...ANSWERING[id], outsideCompetence: [id] })).toEqual([
        { path: ['outsideCompetence', 0], source: req.citation },
      ]);
      expect(codes({ ...BASE, outsideCompetence: [id] })).toEqual([]);
    },
  );
});
