/**
 * Facts derived once from a parsed package and the participation data, shared by the rules, the
 * checklist, entry into force and the document builders: per treaty, what the data says about the
 * party (signature, earlier consent); whether the party is bound by the Convention; who signs.
 */
import {
  CONVENTION,
  DESIGNATIONS,
  participationOf,
  type ConsentType,
  type Participation,
  type ParticipationRecord,
  type TreatyId,
} from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';
import type { Authority, AuthorityRole, Package, TreatyChoice } from './package';
import { officeNeedsFullPowers } from './full-powers';

/** An earlier consent to be bound: from the data (with its snapshot date) or recorded by the user. */
export interface EarlierConsent {
  readonly date: IsoDate;
  readonly type: ConsentType | null;
  readonly origin: 'data' | 'user';
  /** For data: the date of the snapshot it comes from. */
  readonly asAt: IsoDate | null;
}

export interface TreatyFacts {
  readonly treaty: TreatyId;
  /** Position in package.treaties (for issue paths). */
  readonly index: number;
  readonly choice: TreatyChoice;
  readonly record: ParticipationRecord | null;
  /** The snapshot date of the data for this treaty ("not a party as at ..."). */
  readonly dataAsAt: IsoDate;
  /** The signature date in the data (complete: signature closed on 12 December 2002). */
  readonly signedPerData: IsoDate | null;
  /** The signature date the instrument recites: the one given, else the data's. */
  readonly signedOn: IsoDate | null;
  readonly earlierConsent: EarlierConsent | null;
}

export type ConventionStatus =
  | { readonly status: 'in-package' }
  | { readonly status: 'already-party'; readonly consent: EarlierConsent }
  | { readonly status: 'not-party'; readonly asAt: IsoDate };

export interface PackageFacts {
  readonly pkg: Package;
  readonly isOrganization: boolean;
  /**
   * A party's later notifications (purpose "notify"): no instrument is deposited, the treaties are the
   * ones the notifications concern, and each notification is made only if answered.
   */
  readonly isLaterNotification: boolean;
  readonly treaties: readonly TreatyFacts[];
  readonly inPackage: ReadonlySet<TreatyId>;
  readonly convention: ConventionStatus;
  /**
   * UNTOC 2(j): the notifications an organization answers as outside its competence (requirement ids);
   * always empty for a State.
   */
  readonly outsideCompetence: ReadonlySet<string>;
  /** VCLT 7: true when the signer is none of the three offices; null while the office is unknown. */
  readonly signerNeedsFullPowers: boolean | null;
}

function earlierConsent(pkg: Package, participation: Participation, treaty: TreatyId): EarlierConsent | null {
  const user = pkg.priorConsents.find((c) => c.treaty === treaty);
  if (user) return { date: user.depositedOn, type: user.type, origin: 'user', asAt: null };
  const consent = participationOf(participation, treaty, pkg.party.code)?.consent;
  return consent ? { date: consent.date, type: consent.type, origin: 'data', asAt: consent.asAt } : null;
}

export function analysePackage(pkg: Package, participation: Participation): PackageFacts {
  const treaties = pkg.treaties.map((choice, index): TreatyFacts => {
    const record = participationOf(participation, choice.treaty, pkg.party.code);
    const signedPerData = record?.signature ?? null;
    return {
      treaty: choice.treaty,
      index,
      choice,
      record,
      dataAsAt: participation[choice.treaty].asAt,
      signedPerData,
      signedOn: choice.signedOn ?? signedPerData,
      earlierConsent: earlierConsent(pkg, participation, choice.treaty),
    };
  });
  const inPackage = new Set(treaties.map((t) => t.treaty));
  const conventionConsent = earlierConsent(pkg, participation, CONVENTION);
  // A later notification joins nothing: the Convention binds the party only by an earlier consent.
  const convention: ConventionStatus =
    inPackage.has(CONVENTION) && pkg.purpose === 'join'
      ? { status: 'in-package' }
      : conventionConsent
        ? { status: 'already-party', consent: conventionConsent }
        : { status: 'not-party', asAt: participation[CONVENTION].asAt };
  const office = pkg.signatory.office;
  return {
    pkg,
    isOrganization: pkg.party.kind === 'reio',
    isLaterNotification: pkg.purpose === 'notify',
    treaties,
    inPackage,
    convention,
    outsideCompetence: new Set(pkg.party.kind === 'reio' ? pkg.outsideCompetence : []),
    signerNeedsFullPowers: officeNeedsFullPowers(office),
  };
}

/** An authority can be reached: a postal address (lines or city), a telephone number or an e-mail address. */
export function hasContact(a: Authority): boolean {
  const address = a.address !== null && (a.address.lines.length > 0 || a.address.city !== null);
  return address || a.phone.length > 0 || a.email.length > 0;
}

/**
 * Whether a designation is complete enough to notify, as the catalogue says it needs (`needs`): UNTOC
 * 31(6) asks for "the name and address" of the authority; the other designations need a way to reach it.
 */
export function designationComplete(role: AuthorityRole, a: Authority): boolean {
  return DESIGNATIONS[role].needs === 'address'
    ? a.address !== null && a.address.lines.length > 0
    : hasContact(a);
}

export function authoritiesFor(pkg: Package, role: AuthorityRole) {
  return pkg.authorities
    .map((authority, index) => ({ authority, index }))
    .filter(({ authority }) => authority.roles.includes(role));
}
