/**
 * The notification checklist: every requirement of the chosen treaties (catalogue/requirements.ts),
 * with its status for this package, why, what was supplied, and when it is due.
 *
 * Statuses:
 * - provided: the package supplies it;
 * - missing: required now (at deposit, or a condition that applies or is still unanswered) and not
 *   supplied: final documents are refused while any item is missing;
 * - not-applicable: the law's condition does not apply, with the reason;
 * - optional-not-made: an optional reservation or declaration the package does not make;
 * - to-follow: mandatory but not due at deposit (31(6), 6(2)(d), 13(5), SOM 8(6), FP 13(2)) and not
 *   supplied yet: it does not block the instrument (a designation named but incomplete is missing);
 * - left-blank: the signing place or date, left for completion by hand.
 */
import {
  DESIGNATIONS,
  disputeReservationId,
  isDesignationId,
  madeInLaterNotification,
  LATER_ONLY_KINDS,
  quotesFor,
  REQUIREMENTS,
  routeOf,
  TREATIES,
  type CheckId,
  type Quote,
  type Requirement,
  type TreatyId,
} from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';
import { addMonths } from './dates';
import { authoritiesFor, designationComplete, hasContact, type PackageFacts } from './facts';
import type { MessageRef, PathSegment } from './issues';
import type { Authority, AuthorityRole, Territory } from './package';

export const STATUSES = [
  'provided',
  'missing',
  'not-applicable',
  'optional-not-made',
  'to-follow',
  'left-blank',
] as const;
export type Status = (typeof STATUSES)[number];

export type Due =
  | { readonly kind: 'at-deposit'; readonly date: IsoDate | null }
  /** A later notification: made with it, on its date (the signing date; null while left blank). */
  | { readonly kind: 'with-notification'; readonly date: IsoDate | null }
  | {
      readonly kind: 'within-one-month-of-designation';
      readonly designatedOn: IsoDate | null;
      readonly date: IsoDate | null;
    }
  | { readonly kind: 'no-deadline' }
  | { readonly kind: 'ongoing' };

export interface ChecklistItem {
  readonly id: string;
  readonly requirement: Requirement;
  /**
   * The texts quoted for it: the requirement's quote, or, for one whose text differs by route (the
   * Handbook's models), that of the route of its treaty's instrument; a package-wide one, those of
   * every route the package takes (ratification and accession both, when it mixes them).
   */
  readonly quotes: readonly Quote[];
  readonly status: Status;
  /** Why it is missing, not applicable or to follow; null when provided or optional. */
  readonly reason: MessageRef | null;
  /** What the package supplies for it, one line each. */
  readonly supplied: readonly MessageRef[];
  readonly due: Due;
  /** Where in the package it is answered (for links to the page that fixes it). */
  readonly path: readonly PathSegment[];
}

export interface Checklist {
  readonly items: readonly ChecklistItem[];
  /** The items that block final documents. */
  readonly missing: readonly ChecklistItem[];
}

interface Evaluation {
  readonly status: Status;
  readonly reason?: MessageRef;
  readonly supplied?: readonly MessageRef[];
  readonly due?: Due;
  readonly path: readonly PathSegment[];
}

type Evaluator = (req: Requirement, facts: PackageFacts) => Evaluation;

const ref = (key: string, params?: MessageRef['params']): MessageRef => (params ? { key, params } : { key });
const R = (name: string, params?: MessageRef['params']) => ref(`checklist.reasons.${name}`, params);
const S = (name: string, params?: MessageRef['params']) => ref(`checklist.supplied.${name}`, params);

function authorityLine(a: Authority): MessageRef {
  return a.territory
    ? S('authorityForTerritory', { name: a.name, territory: a.territory })
    : S('authority', { name: a.name });
}

/** The designation a requirement asks for: the catalogue names each after the requirement it answers. */
function designationOf(req: Requirement): AuthorityRole {
  if (!isDesignationId(req.id)) throw new Error(`${req.id} is not a designation of the catalogue`);
  return req.id;
}

/**
 * An authority-designation item that is not due at deposit: to follow while no authority is named for
 * it; provided when each one named is complete enough to notify. One named but incomplete is missing:
 * final notifications would otherwise leave it out without a word (complete it, or take the designation
 * off the authority to notify it later). The designation is the requirement's (its id).
 */
const designation: Evaluator = (req, facts) => {
  const role = designationOf(req);
  const found = authoritiesFor(facts.pkg, role);
  const path = ['authorities'];
  if (found.length === 0) return { status: 'to-follow', reason: R('notDesignatedYet'), path };
  const incomplete = found.find(({ authority }) => !designationComplete(role, authority));
  if (incomplete) {
    return {
      status: 'missing',
      reason: R(DESIGNATIONS[role].needs === 'address' ? 'noAddress' : 'noContact', {
        name: incomplete.authority.name,
      }),
      supplied: found.map(({ authority }) => authorityLine(authority)),
      path: ['authorities', incomplete.index],
    };
  }
  return { status: 'provided', supplied: found.map(({ authority }) => authorityLine(authority)), path };
};

function lawCopies(field: 'moneyLaundering' | 'confiscation'): Evaluator {
  return (_req, facts) => {
    const plan = facts.pkg.lawCopies[field];
    const path = ['lawCopies', field];
    if (plan === 'enclosed') return { status: 'provided', supplied: [S('lawCopiesEnclosed')], path };
    return {
      status: 'to-follow',
      reason: R(plan === 'to-follow' ? 'lawCopiesToFollow' : 'lawCopiesUnanswered'),
      path,
    };
  };
}

/** The notifications a special region or territory can answer on its own (UNTOC 18(14), 16(5)(a), 5(3)). */
const TERRITORY_CHECKS = ['mla-languages', 'extradition', 'article-5'] as const;
type TerritoryCheck = (typeof TERRITORY_CHECKS)[number];
const isTerritoryCheck = (check: CheckId): check is TerritoryCheck =>
  (TERRITORY_CHECKS as readonly string[]).includes(check);

/** One territory's own answer to a notification: what it supplies, whether it notifies, what it lacks. */
interface TerritoryAnswer {
  readonly supplied: readonly MessageRef[];
  /** It makes a notification (languages; the legal basis for extradition; a 5(3) requirement). */
  readonly notifies: boolean;
  /** Left partly unanswered: the reason (naming the territory) and where to answer. */
  readonly missing: { readonly reason: MessageRef; readonly path: readonly PathSegment[] } | null;
}

/** A territory's own answer to `check`; null when it has none (the State's answer applies). */
function territoryAnswer(check: TerritoryCheck, territory: Territory, index: number): TerritoryAnswer | null {
  const named = { territory: territory.name };
  const at = (...rest: PathSegment[]) => ['territories', index, ...rest];
  switch (check) {
    case 'mla-languages':
      return territory.mlaLanguages.length === 0
        ? null
        : {
            supplied: [
              S('territoryLanguages', { ...named, languages: { languages: territory.mlaLanguages } }),
            ],
            notifies: true,
            missing: null,
          };
    case 'extradition': {
      const { conditionalOnTreaty, conventionAsLegalBasis } = territory.extradition;
      if (conditionalOnTreaty === null) return null;
      if (!conditionalOnTreaty)
        return { supplied: [S('territoryExtraditionNotConditional', named)], notifies: false, missing: null };
      if (conventionAsLegalBasis === null)
        return {
          supplied: [],
          notifies: false,
          missing: {
            reason: R('territoryLegalBasisUnanswered', named),
            path: at('extradition', 'conventionAsLegalBasis'),
          },
        };
      return {
        supplied: [S(conventionAsLegalBasis ? 'territoryLegalBasisYes' : 'territoryLegalBasisNo', named)],
        notifies: true,
        missing: null,
      };
    }
    case 'article-5': {
      const { requiresOrganizedCriminalGroup: group, requiresActInFurtherance: act } = territory.article5;
      if (group === null && act === null) return null;
      if (group === null || act === null)
        return {
          supplied: [],
          notifies: false,
          missing: { reason: R('territoryArticle5Unanswered', named), path: at('article5') },
        };
      if (!group && !act)
        return { supplied: [S('territoryArticle5NotRequired', named)], notifies: false, missing: null };
      return {
        supplied: [
          group && S('territoryArticle5Group', named),
          act && S('territoryArticle5Act', named),
        ].filter((x): x is MessageRef => Boolean(x)),
        notifies: true,
        missing: null,
      };
    }
  }
}

/**
 * The State's evaluation of a notification a territory can answer on its own, with each territory's
 * answer added in the order of the list. A territory's answer left partly unanswered is missing (its
 * reason names the territory), unless the State's own answer already is. A territory that makes a
 * notification where the State makes none (the State's extradition is not conditional on a treaty, the
 * territory's is) makes the item provided, the State's reason kept as its first line. `state` null: in a
 * later notification, the State's own answer is not part of it.
 */
function withTerritories(
  check: TerritoryCheck,
  facts: PackageFacts,
  state: Evaluation | null,
): Evaluation | null {
  const answers = facts.pkg.territories
    .map((territory, index) => territoryAnswer(check, territory, index))
    .filter((a): a is TerritoryAnswer => a !== null);
  if (answers.length === 0) return state;
  const own = answers.flatMap((a) => a.supplied);
  const notifies = answers.some((a) => a.notifies);
  const missing = answers.find((a) => a.missing !== null)?.missing ?? null;
  const path =
    state?.path ??
    (check === 'mla-languages' ? ['mlaLanguages'] : [check === 'article-5' ? 'article5' : 'extradition']);
  if (state?.status === 'missing') return { ...state, supplied: [...(state.supplied ?? []), ...own] };
  const before =
    state === null
      ? []
      : state.status === 'not-applicable' && state.reason
        ? [S('forStateAsAWhole', { answer: { key: state.reason.key } })]
        : (state.supplied ?? []);
  if (missing)
    return { status: 'missing', reason: missing.reason, supplied: [...before, ...own], path: missing.path };
  if (state?.status === 'provided') return { ...state, supplied: [...before, ...own] };
  if (notifies) return { status: 'provided', supplied: [...before, ...own], path };
  // No notification, from the State or its territories: the State's reason stands, with what each says.
  return state === null ? null : { ...state, supplied: [...(state.supplied ?? []), ...own] };
}

function choiceOf(facts: PackageFacts, treaty: TreatyId | null) {
  return facts.treaties.find((t) => t.treaty === treaty);
}

const EVALUATORS: Record<CheckId, Evaluator> = {
  'party-name': (_req, facts) => {
    const path = ['party', 'formalName'];
    if (facts.pkg.party.formalName)
      return { status: 'provided', supplied: [S('text', { text: facts.pkg.party.formalName })], path };
    if (facts.isOrganization) return { status: 'provided', supplied: [S('organizationName')], path };
    return { status: 'missing', reason: R('formalNameMissing'), path };
  },

  signatory: (_req, facts) => {
    const { name, title, office } = facts.pkg.signatory;
    const path = ['signatory'];
    const absent = [!name && 'name', !title && 'title', !office && !facts.isOrganization && 'office']
      .filter((x): x is string => typeof x === 'string')
      .map((field) => `checklist.signatoryFields.${field}`);
    if (absent.length > 0)
      return { status: 'missing', reason: R('signatoryMissing', { what: { keys: absent } }), path };
    return { status: 'provided', supplied: [S('person', { name: name!, title: title! })], path };
  },

  'full-powers': (_req, facts) => {
    const path = ['fullPowers'];
    if (facts.isOrganization) return { status: 'not-applicable', reason: R('fullPowersOrganization'), path };
    if (facts.signerNeedsFullPowers === null)
      return { status: 'missing', reason: R('officeUnknown'), path: ['signatory', 'office'] };
    if (!facts.signerNeedsFullPowers) {
      return {
        status: 'not-applicable',
        reason: R('signerNeedsNoFullPowers', { office: { key: `offices.${facts.pkg.signatory.office}` } }),
        path,
      };
    }
    const fp = facts.pkg.fullPowers;
    if (!fp || !fp.issuer.name || !fp.issuer.title || !fp.issuer.office)
      return { status: 'missing', reason: R('fullPowersMissing'), path };
    return {
      status: 'provided',
      supplied: [S('fullPowersIssuedBy', { name: fp.issuer.name, title: fp.issuer.title })],
      path,
    };
  },

  'signing-place-date': (_req, facts) => {
    const { place, date } = facts.pkg.signing;
    const path = ['signing'];
    const supplied = [
      place ? S('signingPlace', { place }) : S('leftBlank', { what: { key: 'checklist.blank.place' } }),
      date ? S('signingDate', { date: { date } }) : S('leftBlank', { what: { key: 'checklist.blank.date' } }),
    ];
    return place && date
      ? { status: 'provided', supplied, path }
      : { status: 'left-blank', reason: R('leftBlankByHand'), supplied, path };
  },

  'article-5': (_req, facts) => {
    const { requiresOrganizedCriminalGroup: group, requiresActInFurtherance: act } = facts.pkg.article5;
    const path = ['article5'];
    // An organization has no "domestic law": its own legal order is meant.
    const own = facts.isOrganization ? 'Organization' : '';
    if (group === null || act === null)
      return { status: 'missing', reason: R(`article5Unanswered${own}`), path };
    if (!group && !act) return { status: 'not-applicable', reason: R(`article5NotRequired${own}`), path };
    const supplied = [group && S(`article5Group${own}`), act && S(`article5Act${own}`)].filter(
      (x): x is MessageRef => Boolean(x),
    );
    return { status: 'provided', supplied, path };
  },

  extradition: (_req, facts) => {
    const { conditionalOnTreaty, conventionAsLegalBasis } = facts.pkg.extradition;
    const path = ['extradition'];
    if (conditionalOnTreaty === null) return { status: 'missing', reason: R('extraditionUnanswered'), path };
    if (!conditionalOnTreaty)
      return { status: 'not-applicable', reason: R('extraditionNotConditional'), path };
    if (conventionAsLegalBasis === null)
      return {
        status: 'missing',
        reason: R('legalBasisUnanswered'),
        path: ['extradition', 'conventionAsLegalBasis'],
      };
    return {
      status: 'provided',
      supplied: [S(conventionAsLegalBasis ? 'legalBasisYes' : 'legalBasisNo')],
      path,
    };
  },

  'central-authority': (req, facts) => {
    const found = authoritiesFor(facts.pkg, designationOf(req));
    const path = ['authorities'];
    const forState = found.find(({ authority }) => authority.territory === null);
    if (!forState) {
      return {
        status: 'missing',
        reason: R(found.length === 0 ? 'centralAuthorityNone' : 'centralAuthorityOnlyTerritories'),
        supplied: found.map(({ authority }) => authorityLine(authority)),
        path,
      };
    }
    const noContact = found.find(({ authority }) => !hasContact(authority));
    if (noContact) {
      return {
        status: 'missing',
        reason: R('noContact', { name: noContact.authority.name }),
        supplied: found.map(({ authority }) => authorityLine(authority)),
        path: ['authorities', noContact.index],
      };
    }
    return { status: 'provided', supplied: found.map(({ authority }) => authorityLine(authority)), path };
  },

  'mla-languages': (_req, facts) => {
    const languages = facts.pkg.mlaLanguages;
    const path = ['mlaLanguages'];
    if (languages.length === 0) return { status: 'missing', reason: R('languagesNone'), path };
    return { status: 'provided', supplied: [S('languages', { languages: { languages } })], path };
  },

  'prevention-authority': designation,

  'maritime-authority': (req, facts) => {
    const result = designation(req, facts);
    const designatedOn =
      authoritiesFor(facts.pkg, designationOf(req))
        .map(({ authority }) => authority.designatedOn)
        .find((d): d is IsoDate => d !== null) ?? null;
    return {
      ...result,
      due: {
        kind: 'within-one-month-of-designation',
        designatedOn,
        date: designatedOn ? addMonths(designatedOn, 1) : null,
      },
    };
  },

  'firearms-contact': designation,

  'law-copies-money-laundering': lawCopies('moneyLaundering'),
  'law-copies-confiscation': lawCopies('confiscation'),

  'dispute-reservation': (req, facts) => {
    const made = (facts.pkg.reservations as readonly string[]).includes(req.id);
    const path = ['reservations'];
    return made
      ? {
          status: 'provided',
          supplied: [S('disputeReservationMade', { article: TREATIES[req.appliesTo!].disputeArticle })],
          path,
        }
      : { status: 'optional-not-made', path };
  },

  // UNTOC 35(4), TIP 15(4), SOM 20(4), FP 16(4): withdrawn by notification, in a later notification only
  // (requirementsFor leaves it out of an instrument's checklist).
  'reservation-withdrawal': (req, facts) => {
    const withdrawn = (facts.pkg.withdrawnReservations as readonly string[]).includes(
      disputeReservationId(req.appliesTo!),
    );
    const path = ['withdrawnReservations'];
    return withdrawn
      ? {
          status: 'provided',
          supplied: [S('reservationWithdrawn', { article: TREATIES[req.appliesTo!].disputeArticle })],
          path,
        }
      : { status: 'optional-not-made', path };
  },

  competence: (req, facts) => {
    const path = ['competence'];
    if (!facts.isOrganization) return { status: 'not-applicable', reason: R('onlyOrganizations'), path };
    const choice = choiceOf(facts, req.appliesTo);
    const route = choice?.choice.instrument ? routeOf(choice.choice.instrument) : 'ratification';
    if (req.route !== route)
      return {
        status: 'not-applicable',
        reason: R(
          route === 'accession' ? 'competenceOtherRouteAccession' : 'competenceOtherRouteRatification',
        ),
        path,
      };
    const entry = facts.pkg.competence.find((c) => c.treaties.includes(req.appliesTo!));
    if (!entry) return { status: 'missing', reason: R('competenceMissing'), path };
    return { status: 'provided', supplied: [S('text', { text: entry.text })], path };
  },

  'party-to-convention': (_req, facts) => {
    const path = ['treaties'];
    const c = facts.convention;
    if (c.status === 'in-package') return { status: 'provided', supplied: [S('conventionInPackage')], path };
    if (c.status === 'already-party') {
      return {
        status: 'provided',
        supplied: [
          c.consent.origin === 'data'
            ? S('conventionPartyPerData', {
                date: { date: c.consent.date },
                asAt: { date: c.consent.asAt ?? c.consent.date },
              })
            : S('conventionPartyPerUser', { date: { date: c.consent.date } }),
        ],
        path,
      };
    }
    return { status: 'missing', reason: R('conventionNeeded', { asAt: { date: c.asAt } }), path };
  },

  'signature-reservations': (req, facts) => {
    const choice = choiceOf(facts, req.appliesTo);
    const reservations = choice?.choice.signatureReservations ?? [];
    const path = ['treaties', choice?.index ?? 0, 'signatureReservations'];
    if (reservations.length === 0)
      return { status: 'not-applicable', reason: R('noSignatureReservations'), path };
    const undecided = reservations.findIndex((r) => r.confirm === null);
    if (undecided >= 0)
      return {
        status: 'missing',
        reason: R('signatureReservationUndecided'),
        path: [...path, undecided, 'confirm'],
      };
    const confirmed = reservations.filter((r) => r.confirm).length;
    return {
      status: 'provided',
      supplied: [S('signatureReservations', { confirmed, dropped: reservations.length - confirmed })],
      path,
    };
  },

  'territorial-declaration': (req, facts) => declarationsOf(req, facts, (k) => k === 'territorial'),
  'other-declarations': (req, facts) =>
    declarationsOf(req, facts, (k) => k === 'interpretative' || k === 'other'),
  // VCLT 19(c) and 20(5): a reservation other than to the dispute clause; the rules warn of both.
  'free-text-reservations': (req, facts) => declarationsOf(req, facts, (k) => k === 'reservation'),
};

function declarationsOf(req: Requirement, facts: PackageFacts, kind: (k: string) => boolean): Evaluation {
  const found = facts.pkg.declarations.filter((d) => kind(d.kind) && d.treaties.includes(req.appliesTo!));
  const path = ['declarations'];
  if (found.length === 0) return { status: 'optional-not-made', path };
  return {
    status: 'provided',
    supplied: found.map((d) =>
      S('declaration', { kind: { key: `declarationKinds.${d.kind}` }, text: d.text }),
    ),
    path,
  };
}

/**
 * UNTOC 2(j): an organization's obligations apply within the limits of its competence, so a notification
 * on a matter it declares outside that competence is not owed by it: not applicable, with that reason
 * (never "missing"). The path leads to the page where the answer is given.
 */
function outsideCompetence(): Evaluation {
  return {
    status: 'not-applicable',
    reason: R('outsideCompetence'),
    path: ['outsideCompetence'],
  };
}

/**
 * A party's later notification carries only what it notifies: a notification it does not make is not
 * applicable to it ("not part of this notification": made earlier, or to be made later), never missing;
 * one it makes is checked as at deposit (an answered but incomplete one is missing). What only an
 * instrument carries (reservations and declarations made on consent, VCLT 19 and 23(2); full powers to
 * sign an instrument, VCLT 7) does not apply. Which kinds a later notification can carry is the
 * catalogue's (`LATER_NOTIFICATION_KINDS`, and `alsoInLaterNotification` on a requirement).
 */
function laterNotification(req: Requirement, facts: PackageFacts): Evaluation {
  if (req.check === 'full-powers')
    return { status: 'not-applicable', reason: R('fullPowersLaterNotification'), path: ['fullPowers'] };
  if (!madeInLaterNotification(req)) {
    if (req.kind === 'instrument' || req.kind === 'precondition') return EVALUATORS[req.check](req, facts);
    return { status: 'not-applicable', reason: R('onlyWithInstrument'), path: [] };
  }
  const notMade: Evaluation = { status: 'not-applicable', reason: R('notInThisNotification'), path: [] };
  const { pkg } = facts;
  switch (req.check) {
    case 'competence': {
      // UNTOC 36(3) and its Protocols' equivalents: the organization informs the depositary of any
      // relevant modification in the extent of its competence. One item per treaty is enough. A State
      // has no competence to declare: its own reason, as at deposit.
      if (!facts.isOrganization) return EVALUATORS.competence(req, facts);
      // Under the paragraph of the way the organization joined: 36(4) if it acceded, else 36(3) (also
      // when the type of its consent is not recorded).
      const joined = choiceOf(facts, req.appliesTo)?.earlierConsent?.type;
      const route = joined === 'accession' ? 'accession' : 'ratification';
      if (req.route !== route) return { ...notMade, reason: R('competenceOtherRouteLater') };
      const entry = pkg.competence.find((c) => c.treaties.includes(req.appliesTo!));
      return entry
        ? { status: 'provided', supplied: [S('text', { text: entry.text })], path: ['competence'] }
        : { ...notMade, path: ['competence'] };
    }
    case 'central-authority': {
      // A later 18(13) notification may name a territory's central authority alone.
      const found = authoritiesFor(pkg, designationOf(req));
      if (found.length === 0) return { ...notMade, path: ['authorities'] };
      const noContact = found.find(({ authority }) => !hasContact(authority));
      const supplied = found.map(({ authority }) => authorityLine(authority));
      return noContact
        ? {
            status: 'missing',
            reason: R('noContact', { name: noContact.authority.name }),
            supplied,
            path: ['authorities', noContact.index],
          }
        : { status: 'provided', supplied, path: ['authorities'] };
    }
    // The State's own answer left blank is not part of the notification; a territory's own answer may be
    // the whole of it (a special administrative region's new languages).
    case 'article-5':
      if (
        pkg.article5.requiresOrganizedCriminalGroup === null &&
        pkg.article5.requiresActInFurtherance === null
      )
        return withTerritories('article-5', facts, null) ?? { ...notMade, path: ['article5'] };
      break;
    case 'extradition':
      if (pkg.extradition.conditionalOnTreaty === null)
        return withTerritories('extradition', facts, null) ?? { ...notMade, path: ['extradition'] };
      break;
    case 'mla-languages':
      if (pkg.mlaLanguages.length === 0)
        return withTerritories('mla-languages', facts, null) ?? { ...notMade, path: ['mlaLanguages'] };
      break;
    default:
      break;
  }
  const evaluation = evaluate(req, facts);
  // Designations and copies of laws not made, a reservation not withdrawn: not part of this notification,
  // rather than "to follow" or "not made".
  return evaluation.status === 'to-follow' || evaluation.status === 'optional-not-made'
    ? { ...notMade, path: evaluation.path }
    : evaluation;
}

/** The requirement's evaluation, with the territories' own answers to the notifications they can make. */
function evaluate(req: Requirement, facts: PackageFacts): Evaluation {
  const evaluation = EVALUATORS[req.check](req, facts);
  return isTerritoryCheck(req.check)
    ? (withTerritories(req.check, facts, evaluation) ?? evaluation)
    : evaluation;
}

function defaultDue(req: Requirement, facts: PackageFacts): Due {
  switch (req.timing) {
    case 'at-deposit':
      return facts.isLaterNotification
        ? { kind: 'with-notification', date: facts.pkg.signing.date }
        : { kind: 'at-deposit', date: facts.pkg.deposit.plannedOn };
    case 'within-one-month-of-designation':
      return { kind: 'within-one-month-of-designation', designatedOn: null, date: null };
    case 'no-deadline':
      return { kind: 'no-deadline' };
    case 'ongoing':
      return { kind: 'ongoing' };
  }
}

/** The requirements that concern this package: the package-wide ones, then each treaty's, in package order. */
export function requirementsFor(facts: PackageFacts): Requirement[] {
  // What exists only in a later notification (a withdrawal) is not listed for an instrument.
  const listed = REQUIREMENTS.filter((r) => facts.isLaterNotification || !LATER_ONLY_KINDS.includes(r.kind));
  return [
    ...listed.filter((r) => r.appliesTo === null),
    ...facts.treaties.flatMap((t) => listed.filter((r) => r.appliesTo === t.treaty)),
  ];
}

export function buildChecklist(facts: PackageFacts): Checklist {
  const items = requirementsFor(facts).map((requirement): ChecklistItem => {
    const evaluation = facts.outsideCompetence.has(requirement.id)
      ? outsideCompetence()
      : facts.isLaterNotification
        ? laterNotification(requirement, facts)
        : evaluate(requirement, facts);
    const choices = facts.treaties.filter(
      (t) => requirement.appliesTo === null || t.treaty === requirement.appliesTo,
    );
    return {
      id: requirement.id,
      requirement,
      quotes: quotesFor(
        requirement,
        choices.flatMap((t) => (t.choice.instrument ? [routeOf(t.choice.instrument)] : [])),
      ),
      status: evaluation.status,
      reason: evaluation.reason ?? null,
      supplied: evaluation.supplied ?? [],
      due: evaluation.due ?? defaultDue(requirement, facts),
      path: evaluation.path,
    };
  });
  return { items, missing: items.filter((i) => i.status === 'missing') };
}
