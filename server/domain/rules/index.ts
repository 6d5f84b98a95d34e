/**
 * The legal rules, in the order their issues are listed. Each rule's file cites the articles it applies.
 */
import { competenceRule } from './competence';
import type { Rule, RuleContext } from './context';
import { conventionFirstRule } from './convention-first';
import { datesRule } from './dates';
import { instrumentTypeRule } from './instrument-type';
import { laterNotificationRule } from './later-notification';
import {
  authorityTreatyRule,
  centralAuthorityRule,
  extraditionRule,
  maritimeAuthorityRule,
} from './notifications';
import { declarationsRule, disputeReservationRule, signatureReservationRule } from './reservations';
import { signatoryRule } from './signatory';
import type { Issue, Severity } from '../issues';

export type { Rule, RuleContext } from './context';
export { nothingNotified } from './later-notification';

export const RULES: readonly Rule[] = [
  instrumentTypeRule,
  laterNotificationRule,
  conventionFirstRule,
  signatoryRule,
  competenceRule,
  extraditionRule,
  centralAuthorityRule,
  authorityTreatyRule,
  maritimeAuthorityRule,
  disputeReservationRule,
  signatureReservationRule,
  declarationsRule,
  datesRule,
];

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every rule's issues, errors first, then warnings, then information (stable within a severity). */
export function applyRules(ctx: RuleContext): Issue[] {
  return RULES.flatMap((rule) => rule(ctx))
    .map((i, n) => ({ i, n }))
    .sort((a, b) => ORDER[a.i.severity] - ORDER[b.i.severity] || a.n - b.n)
    .map(({ i }) => i);
}
