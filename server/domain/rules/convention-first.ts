/**
 * UNTOC 37(2): "In order to become a Party to a protocol, a State or a regional economic integration
 * organization must also be a Party to this Convention." A Protocol is allowed when the party is
 * already bound by the Convention (per the data, or a consent the user records) or joins it in the
 * same package. When only Protocols are joined, the Convention's own notifications were due when the
 * party joined it; they apply to the Protocols mutatis mutandis (art. 1(2) of each Protocol).
 * A Protocol deposited before the party's instrument for the Convention would be deposited by a
 * non-party: an error (LEGAL.md §3.1, §7 rule 6: "party to UNTOC first or simultaneously").
 */
import { CONVENTION, TREATIES } from '../../catalogue';
import { issue, type Issue } from '../issues';
import type { Rule } from './context';

export const conventionFirstRule: Rule = ({ facts }) => {
  const issues: Issue[] = [];
  const protocols = facts.treaties.filter((t) => TREATIES[t.treaty].parent !== null);
  if (protocols.length === 0) return issues;
  if (facts.convention.status === 'not-party') {
    for (const t of protocols) {
      issues.push(
        issue(
          'error',
          'rules.conventionFirst.notParty',
          ['treaties', t.index, 'treaty'],
          {
            instrument: CONVENTION,
            article: '37(2)',
          },
          { treaty: { treaty: t.treaty }, asAt: { date: facts.convention.asAt } },
        ),
      );
    }
  } else if (facts.convention.status === 'already-party' && !facts.isLaterNotification) {
    const conventionDate = facts.convention.consent.date;
    const deposit = facts.pkg.deposit.plannedOn;
    if (deposit && deposit < conventionDate) {
      for (const t of protocols) {
        issues.push(
          issue(
            'error',
            'rules.conventionFirst.conventionLater',
            ['deposit', 'plannedOn'],
            { instrument: CONVENTION, article: '37(2)' },
            {
              treaty: { treaty: t.treaty },
              conventionDate: { date: conventionDate },
              deposit: { date: deposit },
            },
          ),
        );
      }
    }
    issues.push(
      issue(
        'info',
        'rules.conventionFirst.notificationsMadeEarlier',
        ['treaties'],
        {
          instrument: protocols[0]!.treaty,
          article: '1(2)',
        },
        { since: { date: facts.convention.consent.date } },
      ),
    );
  }
  return issues;
};
