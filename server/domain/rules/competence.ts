/**
 * Declarations of competence. A regional economic integration organization "shall declare the extent
 * of its competence" in its instrument of ratification, acceptance or approval (UNTOC 36(3); TIP 16(3);
 * SOM 21(3); FP 17(3)) or at the time of accession (UNTOC 36(4); TIP 16(4); SOM 21(4); FP 17(4)).
 * Whether one is missing is the checklist's business; these rules catch declarations that cannot be
 * made: by a State, or for a treaty outside the package.
 *
 * For an organization, two points the tool cannot check are reported for information: its obligations as
 * a "State Party" apply "within the limits of their competence" (UNTOC 2(j)); and it may ratify, accept
 * or approve only if at least one member State has done likewise, accede only if at least one member State
 * is a Party (36(3)-(4)), which depends on its member States' participation.
 */
import {
  answerOf,
  CONVENTION,
  TREATIES,
  requirementById,
  type OutsideCompetenceId,
  type RequirementAnswer,
} from '../../catalogue';
import { issue, type Issue } from '../issues';
import type { Package } from '../package';
import type { Rule } from './context';

export const competenceRule: Rule = ({ facts }) => {
  const issues: Issue[] = [];
  const { pkg } = facts;
  if (facts.isOrganization) {
    issues.push(
      issue('info', 'rules.organization.withinCompetence', ['party'], {
        instrument: CONVENTION,
        article: '2(j)',
      }),
    );
    // Whether it may join: not a question for a party's later notification.
    if (!facts.isLaterNotification)
      issues.push(
        issue('info', 'rules.organization.memberStates', ['party'], {
          instrument: CONVENTION,
          article: '36(3)',
        }),
      );
  }
  pkg.competence.forEach((entry, i) => {
    if (!facts.isOrganization) {
      issues.push(
        issue('error', 'rules.competence.byState', ['competence', i], {
          instrument: CONVENTION,
          article: '2(j)',
        }),
      );
      return;
    }
    entry.treaties.forEach((treaty, k) => {
      if (!facts.inPackage.has(treaty)) {
        issues.push(
          issue(
            'error',
            'rules.competence.treatyNotInPackage',
            ['competence', i, 'treaties', k],
            {
              instrument: treaty,
              article: TREATIES[treaty].consentArticles.ratification,
            },
            { treaty: { treaty } },
          ),
        );
      }
    });
  });
  // UNTOC 2(j): a notification declared outside the organization's competence cannot also be answered;
  // the documents would say both. Nothing is removed: the organization chooses which stands.
  pkg.outsideCompetence.forEach((id, i) => {
    if (!facts.isOrganization || !answered(pkg, id)) return;
    const req = requirementById(id)!;
    issues.push(
      issue('error', 'rules.competence.answeredOutside', ['outsideCompetence', i], req.citation, {
        requirement: { key: `requirements.${id}.label` },
      }),
    );
  });
  // One declaration per treaty: two texts for the same treaty would contradict each other.
  const seen = new Map<string, number>();
  pkg.competence.forEach((entry, i) =>
    entry.treaties.forEach((treaty) => {
      if (seen.has(treaty)) {
        issues.push(
          issue('error', 'rules.competence.twice', ['competence', i], null, { treaty: { treaty } }),
        );
      }
      seen.set(treaty, i);
    }),
  );
  return issues;
};

/**
 * Whether the package answers a notification the organization may declare outside its competence: read
 * from where the catalogue says its answer lives (catalogue/answers.ts).
 */
export function answered(pkg: Package, id: OutsideCompetenceId): boolean {
  return answeredBy(pkg, answerOf(id));
}

function answeredBy(pkg: Package, answer: RequirementAnswer): boolean {
  switch (answer.by) {
    case 'designation':
      return pkg.authorities.some((a) => a.roles.includes(answer.designation));
    case 'list':
      return pkg[answer.list].length > 0;
    case 'fields': {
      const section: Readonly<Record<string, unknown>> = pkg[answer.section];
      return answer.fields.some((field) => section[field] !== null);
    }
  }
}
