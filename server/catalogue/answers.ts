/**
 * Where the answer to each requirement an organization may declare "outside the organization's
 * competence" (UNTOC 2(j); requirements.ts, OUTSIDE_COMPETENCE_IDS) lives in a package, as data: the
 * competence rule reads this table to find a notification that is both answered and declared outside
 * the competence, instead of naming each requirement in code (issue 11, "The law is data").
 *
 * Three ways a package answers a requirement:
 *
 * - `designation`: an authority designated with that role (designations.ts); UNTOC 18(13), 31(6),
 *   SOM 8(6), FP 13(2). Every designation is answered so: the table is built from the catalogue's.
 * - `list`: a list of the package that is not empty (the languages of UNTOC 18(14)).
 * - `fields`: one or more fields of a section of the package, answered once any of them is no longer
 *   `null` ("not answered yet"): UNTOC 5(3), 16(5)(a), 6(2)(d), 13(5).
 *
 * The paths are checked against the package's type, so that a renamed field fails to compile.
 */
import type { Package } from '../domain/package';
import { isDesignationId, type DesignationId } from './designations';
import { OUTSIDE_COMPETENCE_IDS, type OutsideCompetenceId } from './requirements';

/** The package's lists: answered when not empty. */
export type AnswerList = {
  [K in keyof Package]: Package[K] extends readonly unknown[] ? K : never;
}[keyof Package];

/** The package's sections (objects, not lists) whose fields answer a requirement. */
export type AnswerSection = {
  [K in keyof Package]: Package[K] extends readonly unknown[]
    ? never
    : Package[K] extends Record<string, unknown>
      ? K
      : never;
}[keyof Package];

type FieldsAnswer = {
  [S in AnswerSection]: {
    readonly by: 'fields';
    readonly section: S;
    /** Answered once any of these fields of the section is not null. */
    readonly fields: readonly (keyof Package[S] & string)[];
  };
}[AnswerSection];

export type RequirementAnswer =
  | { readonly by: 'designation'; readonly designation: DesignationId }
  | { readonly by: 'list'; readonly list: AnswerList }
  | FieldsAnswer;

/**
 * Where the requirements that are not designations are answered. A designation is answered by an
 * authority designated with its role (its id), so it needs no entry here.
 */
const OTHER_ANSWERS: Readonly<Record<string, RequirementAnswer>> = {
  'untoc-18-14': { by: 'list', list: 'mlaLanguages' },
  'untoc-16-5-a': { by: 'fields', section: 'extradition', fields: ['conditionalOnTreaty'] },
  'untoc-5-3': {
    by: 'fields',
    section: 'article5',
    fields: ['requiresOrganizedCriminalGroup', 'requiresActInFurtherance'],
  },
  'untoc-6-2-d': { by: 'fields', section: 'lawCopies', fields: ['moneyLaundering'] },
  'untoc-13-5': { by: 'fields', section: 'lawCopies', fields: ['confiscation'] },
};

/** Where each requirement an organization may declare outside its competence is answered. */
export const ANSWERS: Readonly<Record<OutsideCompetenceId, RequirementAnswer>> = Object.fromEntries(
  OUTSIDE_COMPETENCE_IDS.flatMap((id) => {
    const answer: RequirementAnswer | undefined = isDesignationId(id)
      ? { by: 'designation', designation: id }
      : OTHER_ANSWERS[id];
    return answer ? [[id, answer] as const] : [];
  }),
);

/** Where a requirement is answered, for one an organization may declare outside its competence. */
export function answerOf(id: OutsideCompetenceId): RequirementAnswer {
  const answer = ANSWERS[id];
  if (!answer) throw new Error(`The catalogue does not say where ${id} is answered`);
  return answer;
}
