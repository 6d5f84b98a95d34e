/**
 * Where the answer to each requirement an organization may declare "outside the organization's
 * competence" (UNTOC 2(j); requirements.ts, OUTSIDE_COMPETENCE_IDS) lives in a package, as data: the
 * competence rule reads this table to find a notification that is both answered and declared outside
 * the competence, instead of naming each requirement in code (issue 11, "The law is data").
 *
 * Three ways a package answers a requirement:
 *
 * - `designation`: an authority designated with that role (designations.ts); UNTOC 18(13), 31(6),
 *   SOM 8(6), FP 13(2).
 * - `list`: a list of the package that is not empty (the languages of UNTOC 18(14)).
 * - `fields`: one or more fields of a section of the package, answered once any of them is no longer
 *   `null` ("not answered yet"): UNTOC 5(3), 16(5)(a), 6(2)(d), 13(5).
 *
 * The paths are checked against the package's type, so that a renamed field fails to compile.
 */
import type { Package } from '../domain/package';
import type { DesignationId } from './designations';
import type { OutsideCompetenceId } from './requirements';

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

/** Where each requirement an organization may declare outside its competence is answered. */
export const ANSWERS: Readonly<Record<OutsideCompetenceId, RequirementAnswer>> = {
  'untoc-18-13': { by: 'designation', designation: 'untoc-18-13' },
  'untoc-18-14': { by: 'list', list: 'mlaLanguages' },
  'untoc-16-5-a': { by: 'fields', section: 'extradition', fields: ['conditionalOnTreaty'] },
  'untoc-5-3': {
    by: 'fields',
    section: 'article5',
    fields: ['requiresOrganizedCriminalGroup', 'requiresActInFurtherance'],
  },
  'untoc-31-6': { by: 'designation', designation: 'untoc-31-6' },
  'untoc-6-2-d': { by: 'fields', section: 'lawCopies', fields: ['moneyLaundering'] },
  'untoc-13-5': { by: 'fields', section: 'lawCopies', fields: ['confiscation'] },
  'som-8-6': { by: 'designation', designation: 'som-8-6' },
  'fp-13-2': { by: 'designation', designation: 'fp-13-2' },
};

/** Where a requirement is answered, for one an organization may declare outside its competence. */
export function answerOf(id: OutsideCompetenceId): RequirementAnswer {
  return ANSWERS[id];
}
