/**
 * Where the guided journey asks for what each requirement needs: the law as data, so that the journey
 * (server/http/journey) names no treaty, requirement or designation in code (issue 11, "The law is
 * data"). Each page and section declares the requirements it answers from these tables, and applies when
 * their treaty (`appliesTo`) is in the package.
 */
import {
  CONVENTION,
  DESIGNATIONS,
  DESIGNATION_IDS,
  designationTreaty,
  type DesignationId,
} from './designations';
import {
  REQUIREMENTS,
  requirementById,
  type CheckId,
  type OutsideCompetenceId,
  type RequirementKind,
} from './requirements';
import type { TreatyId } from './treaties';

/**
 * The requirement each of a package's own answers gives, by the answer's name in the package: whether
 * extradition is conditional on a treaty and the Convention its legal basis (UNTOC 16(5)(a)), the
 * languages acceptable for mutual legal assistance (18(14)), the two article 5(3) answers, and the copies
 * of laws on money-laundering (6(2)(d)) and on confiscation (13(5)). A special region or territory gives
 * its own `extradition`, `mlaLanguages` and `article5`.
 */
export const ANSWER_REQUIREMENTS = {
  extradition: 'untoc-16-5-a',
  mlaLanguages: 'untoc-18-14',
  article5: 'untoc-5-3',
  moneyLaundering: 'untoc-6-2-d',
  confiscation: 'untoc-13-5',
} as const satisfies Readonly<Record<string, OutsideCompetenceId>>;
export type AnswerName = keyof typeof ANSWER_REQUIREMENTS;

/**
 * The list page of the journey where each designation's authorities are added one by one (also the
 * section it opens, /drafts/{id}/{list}): each designation's `list` (designation-data.ts).
 */
export const DESIGNATION_LISTS = Object.fromEntries(
  DESIGNATION_IDS.map((id) => [id, DESIGNATIONS[id].list]),
) as { readonly [K in DesignationId]: (typeof DESIGNATIONS)[K]['list'] };
export type DesignationList = (typeof DESIGNATION_LISTS)[DesignationId];

/**
 * Where a designation's section goes in the journey, by its kind: the central authority (the one made per
 * territory, UNTOC 18(13)) before the special regions or territories; the Convention's other designations
 * (UNTOC 31(6)) after them; the Protocols' (SOM 8(6), FP 13(2)) after article 5(3).
 */
export type DesignationPlace = 'per-territory' | 'convention' | 'protocols';

const placeOf = (id: DesignationId): DesignationPlace =>
  DESIGNATIONS[id].perTerritory
    ? 'per-territory'
    : designationTreaty(id) === CONVENTION
      ? 'convention'
      : 'protocols';

/** The list pages (and sections) of the designations of a kind, in catalogue order. */
export function designationListsAt(place: DesignationPlace): DesignationList[] {
  return DESIGNATION_IDS.filter((id) => placeOf(id) === place).map((id) => DESIGNATION_LISTS[id]);
}

/** The treaties whose joining brings these requirements (their `appliesTo`), each once, in order. */
export function treatiesOfRequirements(ids: readonly string[]): TreatyId[] {
  const treaties = ids.map((id) => requirementById(id)?.appliesTo ?? null);
  return [...new Set(treaties.filter((t): t is TreatyId => t !== null))];
}

/** The ids of a treaty's requirements of a kind, in catalogue order (its competence declarations). */
export function requirementsOfKind(treaty: TreatyId, kind: RequirementKind): string[] {
  return REQUIREMENTS.filter((r) => r.appliesTo === treaty && r.kind === kind).map((r) => r.id);
}

/**
 * The id of a treaty's requirement that one evaluator of the checklist decides (`check`): its VCLT 23(2)
 * confirmation of a reservation made on signature, its VCLT 29 declaration, a Protocol's UNTOC 37(2)
 * precondition. Undefined when the treaty has none (the Convention has no 37(2) precondition).
 */
export function requirementChecked(treaty: TreatyId, check: CheckId): string | undefined {
  return REQUIREMENTS.find((r) => r.appliesTo === treaty && r.check === check)?.id;
}

/**
 * The ids of the whole package's requirements (no treaty: the party's name, its signer, full powers, place
 * and date) that the given evaluators decide, in the order the checks are given.
 */
export function packageRequirementsChecked(...checks: readonly CheckId[]): string[] {
  return checks.flatMap((check) =>
    REQUIREMENTS.filter((r) => r.appliesTo === null && r.check === check).map((r) => r.id),
  );
}
