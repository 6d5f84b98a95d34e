/**
 * Entry into force for a party joining after a treaty's general entry into force.
 *
 * - UNTOC 38(2): "on the thirtieth day after the date of deposit by such State or organization of the
 *   relevant instrument". 38(2) has no "whichever is the later" words; that an instrument cannot take
 *   effect before the Convention's own entry into force (29 September 2003) is depositary practice
 *   (LEGAL.md §3.1: Albania, Algeria, Armenia, Costa Rica all carry 29 September 2003).
 * - TIP 17(2), SOM 22(2), FP 18(2): the thirtieth day after deposit "or on the date this Protocol
 *   enters into force pursuant to paragraph 1 of this article, whichever is the later"; and, since a
 *   Protocol binds only a party to the Convention (UNTOC 37(2)), never before the Convention enters
 *   into force for that party.
 *
 * The day of deposit is day 0: deposit on 27 May 2004, entry into force on 26 June 2004.
 */
import { CONVENTION, TREATIES, type TreatyId } from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';
import { addDays } from './dates';
import type { PackageFacts } from './facts';
import type { Citation } from './issues';

/** Which bound decided the date. */
export type EntryIntoForceBasis = 'thirtieth-day' | 'general-entry-into-force' | 'convention-for-party';

export interface EntryIntoForceDate {
  readonly date: IsoDate;
  readonly basis: EntryIntoForceBasis;
}

/**
 * The date a treaty enters into force for a party that deposits on `deposit`. For a Protocol,
 * `conventionForParty` is the date the Convention is (or will be) in force for that party.
 */
export function entryIntoForceDate(
  treaty: TreatyId,
  deposit: IsoDate,
  conventionForParty: IsoDate | null,
): EntryIntoForceDate {
  const thirtieth = addDays(deposit, 30);
  const general = TREATIES[treaty].entryIntoForce.date;
  let result: EntryIntoForceDate = { date: thirtieth, basis: 'thirtieth-day' };
  if (general > result.date) result = { date: general, basis: 'general-entry-into-force' };
  if (TREATIES[treaty].parent !== null && conventionForParty && conventionForParty > result.date) {
    result = { date: conventionForParty, basis: 'convention-for-party' };
  }
  return result;
}

export interface EntryIntoForce {
  readonly treaty: TreatyId;
  /** The planned deposit date; null when not planned yet. */
  readonly deposit: IsoDate | null;
  /** null when there is no deposit date, or a Protocol's Convention date cannot be known. */
  readonly date: IsoDate | null;
  readonly basis: EntryIntoForceBasis | null;
  readonly citation: Citation;
}

/** Entry into force, per treaty of the package, for the planned deposit date. */
export function entryIntoForceForPackage(facts: PackageFacts): EntryIntoForce[] {
  // A later notification deposits no instrument: nothing enters into force by it.
  if (facts.isLaterNotification) return [];
  const deposit = facts.pkg.deposit.plannedOn;
  const convention = facts.convention;
  let conventionForParty: IsoDate | null = null;
  if (convention.status === 'in-package' && deposit) {
    conventionForParty = entryIntoForceDate(CONVENTION, deposit, null).date;
  } else if (convention.status === 'already-party') {
    conventionForParty = entryIntoForceDate(CONVENTION, convention.consent.date, null).date;
  }
  return facts.treaties.map(({ treaty }) => {
    const citation: Citation = { instrument: treaty, article: TREATIES[treaty].laterEntryIntoForceArticle };
    const protocolWithoutConvention = TREATIES[treaty].parent !== null && conventionForParty === null;
    if (!deposit || protocolWithoutConvention) {
      return { treaty, deposit, date: null, basis: null, citation };
    }
    const { date, basis } = entryIntoForceDate(treaty, deposit, conventionForParty);
    // An instrument deposited before the treaty's own entry into force takes effect with it: paragraph 1
    // of the same article governs (UNTOC 38(1); TIP 17(1), SOM 22(1), FP 18(1): "the date this Protocol
    // enters into force pursuant to paragraph 1 of this article"), not paragraph 2.
    const governing: Citation =
      basis === 'general-entry-into-force'
        ? { instrument: treaty, article: citation.article.replace(/\(2\)$/, '(1)') }
        : citation;
    return { treaty, deposit, date, basis, citation: governing };
  });
}
