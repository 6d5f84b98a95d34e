/**
 * The instrument type per treaty, checked against that treaty's signature data.
 *
 * Signature closed on 12 December 2002 for all four treaties (UNTOC 36(1), TIP 16(1), SOM 21(1),
 * FP 17(1)). A signatory ratifies, accepts or approves (VCLT 14(1), (2); UNTOC 36(3)); a State that did
 * not sign can only accede (VCLT 15; UNTOC 36(4)). Accession is open to "any State", so a signatory
 * may accede: a warning, not an error (LEGAL.md §7 rule 3). A party already, per the data, gets a
 * warning naming the data's date (the consent columns are snapshots).
 */
import { TREATIES } from '../../catalogue';
import { issue, type Issue } from '../issues';
import type { Rule } from './context';

export const instrumentTypeRule: Rule = ({ facts }) => {
  const issues: Issue[] = [];
  // A later notification deposits no instrument (rules/later-notification.ts checks the party instead).
  if (facts.isLaterNotification) return issues;
  for (const t of facts.treaties) {
    const { treaty, index, choice, signedPerData } = t;
    const treatyData = TREATIES[treaty];
    const path = ['treaties', index];
    if (choice.instrument !== 'accession') {
      if (!signedPerData) {
        issues.push(
          issue(
            'error',
            'rules.instrumentType.notSignatory',
            [...path, 'instrument'],
            {
              instrument: treaty,
              article: treatyData.consentArticles.accession,
            },
            {
              treaty: { treaty },
              instrumentType: { instrumentType: choice.instrument ?? '' },
              closed: { date: treatyData.signature.closed },
            },
          ),
        );
      } else if (choice.signedOn && choice.signedOn !== signedPerData) {
        issues.push(
          issue(
            'error',
            'rules.instrumentType.signatureDateDiffers',
            [...path, 'signedOn'],
            {
              instrument: treaty,
              article: treatyData.signature.article,
            },
            { treaty: { treaty }, given: { date: choice.signedOn }, recorded: { date: signedPerData } },
          ),
        );
      }
    } else {
      if (signedPerData) {
        issues.push(
          issue(
            'warning',
            'rules.instrumentType.signatoryAccedes',
            [...path, 'instrument'],
            {
              instrument: treaty,
              article: treatyData.consentArticles.accession,
            },
            { treaty: { treaty }, signedOn: { date: signedPerData } },
          ),
        );
      }
      if (choice.signedOn) {
        issues.push(
          issue('info', 'rules.instrumentType.signedOnNotRecited', [...path, 'signedOn'], null, {
            treaty: { treaty },
          }),
        );
      }
    }
    const consent = t.earlierConsent;
    if (consent) {
      issues.push(
        consent.origin === 'data'
          ? issue('warning', 'rules.instrumentType.alreadyParty', [...path, 'treaty'], null, {
              treaty: { treaty },
              consentDate: { date: consent.date },
              consentType: { key: `participation.consentTypes.${consent.type ?? 'unknown'}` },
              asAt: { date: consent.asAt ?? t.dataAsAt },
            })
          : issue('warning', 'rules.instrumentType.alreadyPartyByUser', [...path, 'treaty'], null, {
              treaty: { treaty },
              consentDate: { date: consent.date },
            }),
      );
    }
  }
  return issues;
};
