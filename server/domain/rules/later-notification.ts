/**
 * A party's later notification (purpose "notify"), made with no instrument.
 *
 * - It is made by a party: the Convention's and the Protocols' notifications are made by "each State
 *   Party" (UNTOC 18(13), 31(6); SOM 8(6); FP 13(2)). A treaty the participation data does not record
 *   the party as bound by, and for which the user records no earlier consent, gets a warning (the data
 *   are snapshots, so a later consent may be missing from them): record the consent, or join first.
 * - It is dated on or after the day the party's instrument was deposited (a warning otherwise: dated
 *   before it, the notification would not be made by a party).
 * - It notifies something: a notification with no notification in it is an error, checked against the
 *   checklist (`nothingNotified`), which knows what each requirement counts as made.
 */
import { madeInLaterNotification } from '../../catalogue';
import type { Checklist } from '../checklist';
import type { PackageFacts } from '../facts';
import { issue, type Issue } from '../issues';
import type { Rule } from './context';

export const laterNotificationRule: Rule = ({ facts }) => {
  if (!facts.isLaterNotification) return [];
  const on = facts.pkg.signing.date;
  return facts.treaties.flatMap((t): Issue[] => {
    if (t.earlierConsent === null)
      return [
        issue('warning', 'rules.later.notPartyPerData', ['treaties', t.index, 'treaty'], null, {
          treaty: { treaty: t.treaty },
          asAt: { date: t.dataAsAt },
        }),
      ];
    // Dated before the party's instrument: not made by a party (a date typed wrong, or the wrong
    // instrument's). On the day of the deposit itself it is.
    if (on && on < t.earlierConsent.date)
      return [
        issue('warning', 'rules.later.datedBeforeConsent', ['signing', 'date'], null, {
          treaty: { treaty: t.treaty },
          on: { date: on },
          consentDate: { date: t.earlierConsent.date },
        }),
      ];
    return [];
  });
};

/** A later notification that makes no notification: an error, so that no empty letter is final. */
export function nothingNotified(facts: PackageFacts, checklist: Checklist): Issue[] {
  if (!facts.isLaterNotification) return [];
  const made = checklist.items.some(
    (i) => madeInLaterNotification(i.requirement) && (i.status === 'provided' || i.status === 'missing'),
  );
  return made ? [] : [issue('error', 'rules.later.nothingNotified', [], null)];
}
