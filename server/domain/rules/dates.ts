/**
 * Dates that must agree with each other and with the treaties.
 *
 * - The instrument cannot be signed before the treaty was concluded (New York, 15 November 2000;
 *   Firearms Protocol 31 May 2001), nor an instrument of ratification before the State signed the
 *   treaty (VCLT 14(1)(b)-(c): ratification of a signed treaty).
 * - It is deposited after it is signed (VCLT 16(b): consent is established "upon ... their deposit").
 * - Full powers must exist when the instrument is signed: the signer "produces appropriate full
 *   powers" (VCLT 7(1)(a)).
 * - A planned deposit in the past is reported (from the injected clock).
 * - A consent recorded by the user cannot precede the treaty's conclusion.
 */
import { TREATIES } from '../../catalogue';
import { issue, type Issue } from '../issues';
import type { Rule } from './context';

export const datesRule: Rule = ({ facts, today }) => {
  const issues: Issue[] = [];
  const { pkg } = facts;
  const signing = pkg.signing.date;
  // A later notification deposits nothing: its date is the signing date (rules/later-notification.ts).
  const deposit = facts.isLaterNotification ? null : pkg.deposit.plannedOn;
  if (signing) {
    for (const t of facts.treaties) {
      const concluded = TREATIES[t.treaty].concluded.date;
      if (signing < concluded) {
        issues.push(
          issue('error', 'rules.dates.signingBeforeConclusion', ['signing', 'date'], null, {
            treaty: { treaty: t.treaty },
            concluded: { date: concluded },
          }),
        );
      } else if (t.choice.instrument !== 'accession' && t.signedOn && signing < t.signedOn) {
        issues.push(
          issue(
            'error',
            'rules.dates.signingBeforeSignature',
            ['signing', 'date'],
            { instrument: 'vclt', article: '14(1)' },
            {
              treaty: { treaty: t.treaty },
              signedOn: { date: t.signedOn },
            },
          ),
        );
      }
    }
  }
  if (signing && deposit && deposit < signing) {
    issues.push(
      issue('error', 'rules.dates.depositBeforeSigning', ['deposit', 'plannedOn'], {
        instrument: 'vclt',
        article: '16',
      }),
    );
  }
  if (deposit && deposit < today) {
    issues.push(
      issue('warning', 'rules.dates.depositInPast', ['deposit', 'plannedOn'], null, {
        today: { date: today },
      }),
    );
  }
  const fullPowersDate = pkg.fullPowers?.date;
  if (fullPowersDate && signing && fullPowersDate > signing) {
    issues.push(
      issue('error', 'rules.dates.fullPowersAfterSigning', ['fullPowers', 'date'], {
        instrument: 'vclt',
        article: '7(1)(a)',
      }),
    );
  }
  pkg.priorConsents.forEach((consent, i) => {
    const concluded = TREATIES[consent.treaty].concluded.date;
    if (consent.depositedOn < concluded) {
      issues.push(
        issue('error', 'rules.dates.consentBeforeConclusion', ['priorConsents', i, 'depositedOn'], null, {
          treaty: { treaty: consent.treaty },
          concluded: { date: concluded },
        }),
      );
    }
    if (consent.depositedOn > today) {
      issues.push(issue('error', 'rules.dates.consentInFuture', ['priorConsents', i, 'depositedOn'], null));
    }
  });
  if (!facts.isLaterNotification && pkg.deposit.place !== null && !/new york/i.test(pkg.deposit.place)) {
    issues.push(issue('info', 'rules.deposit.elsewhere', ['deposit', 'place'], null));
  }
  return issues;
};
