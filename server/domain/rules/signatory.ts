/**
 * Who signs (VCLT 7). Heads of State, Heads of Government and Ministers for Foreign Affairs represent
 * their State "without having to produce full powers" (7(2)(a)); anyone else needs full powers
 * (7(1)(a)) issued by one of the three (the schema limits the issuer's office to them). Whether full
 * powers are still missing is the checklist's business (item vclt-7-1); these rules report answers
 * that contradict each other.
 */
import { issue, type Issue } from '../issues';
import type { Rule } from './context';

export const signatoryRule: Rule = ({ facts }) => {
  const issues: Issue[] = [];
  const { pkg } = facts;
  if (facts.isOrganization) {
    // Who signs an organization's instrument; a later notification has none (the checklist's full powers
    // item says to confirm with the Treaty Section who signs it).
    if (!facts.isLaterNotification)
      issues.push(
        issue('info', 'rules.signatory.organization', ['signatory'], {
          instrument: 'vclt',
          article: '7(2)(a)',
        }),
      );
    if (pkg.fullPowers) {
      issues.push(
        issue('warning', 'rules.fullPowers.notForOrganization', ['fullPowers'], {
          instrument: 'vclt',
          article: '7(1)(a)',
        }),
      );
    }
    return issues;
  }
  if (facts.signerNeedsFullPowers === false && pkg.fullPowers) {
    issues.push(
      issue(
        'warning',
        'rules.fullPowers.notNeeded',
        ['fullPowers'],
        { instrument: 'vclt', article: '7(2)(a)' },
        {
          office: { key: `offices.${pkg.signatory.office}` },
        },
      ),
    );
  }
  return issues;
};
