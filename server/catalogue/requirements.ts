/**
 * Every notification, designation, reservation, declaration and precondition the treaties attach to
 * joining them, as data (../shared/LEGAL.md §2, §3.1-§3.5). Each carries its article, its kind, its
 * obligation, its timing and the quoted treaty text (English authentic text; LEGAL.md holds no other
 * language). What the user must supply, and the item's label, are in locales/{lng}/legal.json under
 * `requirements.<id>`.
 *
 * `check` names the evaluator in server/domain/checklist.ts that decides an item's status; a new
 * requirement of an existing shape needs data only. The requirements themselves are in
 * requirement-data.ts (data only); this module holds their types and the functions that read them.
 */
import type { ConsentType } from './participation';
import type { SourceId } from './sources';
import { REQUIREMENTS } from './requirement-data';
import { TREATIES, TREATY_IDS, type TreatyId } from './treaties';

export { REQUIREMENTS } from './requirement-data';

export const REQUIREMENT_KINDS = [
  'notification',
  'designation',
  /** FP 13(2): a body or point of contact to identify; the text asks for no notification. */
  'identification',
  'information',
  'reservation',
  'competence-declaration',
  'precondition',
  'declaration',
  'instrument',
  /** The withdrawal of a reservation, by notification (UNTOC 35(4), TIP 15(4), SOM 20(4), FP 16(4)). */
  'withdrawal',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/**
 * What a party can notify after it has joined (a later notification, with no instrument): its
 * designations, notifications and information, and an organization's modification of its competence
 * (UNTOC 36(3): it "shall also inform the depositary of any relevant modification in the extent of its
 * competence"). Reservations and declarations are made on signature or consent (VCLT 19, 23), so they are
 * not among them; the instrument's own elements that a notification also has (the party's name, its
 * signer, place and date) and the preconditions (being a party) are checked as for an instrument.
 */
export const LATER_NOTIFICATION_KINDS: readonly RequirementKind[] = [
  'notification',
  'designation',
  'information',
  'competence-declaration',
  'withdrawal',
];

/**
 * What exists only in a later notification: a reservation is withdrawn by a party that made it, never in
 * the instrument that makes it. The checklist of an instrument does not list these.
 */
export const LATER_ONLY_KINDS: readonly RequirementKind[] = ['withdrawal'];

/** Legend of LEGAL.md §3: M = mandatory, C = conditional, O = optional, R = organizations only. */
export const OBLIGATIONS = ['mandatory', 'conditional', 'optional', 'organizations-only'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

export const TIMINGS = ['at-deposit', 'within-one-month-of-designation', 'no-deadline', 'ongoing'] as const;
export type Timing = (typeof TIMINGS)[number];

export const CHECKS = [
  'article-5',
  'law-copies-money-laundering',
  'law-copies-confiscation',
  'extradition',
  'central-authority',
  'mla-languages',
  'prevention-authority',
  'dispute-reservation',
  'reservation-withdrawal',
  'competence',
  'party-to-convention',
  'maritime-authority',
  'firearms-contact',
  'territorial-declaration',
  'other-declarations',
  'free-text-reservations',
  'signature-reservations',
  'signatory',
  'full-powers',
  'party-name',
  'signing-place-date',
] as const;
export type CheckId = (typeof CHECKS)[number];

/** What a requirement cites: one of the four treaties, the Vienna Convention, or the Treaty Handbook model. */
export type CitedInstrument = TreatyId | 'vclt' | 'handbook';

/**
 * The two routes to consent the treaties (UNTOC 36(3)-(4)) and the Treaty Handbook's models distinguish:
 * ratification, acceptance or approval (one model, LEGAL.md §1.2), and accession (§1.3).
 */
export const ROUTES = ['ratification', 'accession'] as const;
export type Route = (typeof ROUTES)[number];

/** The instrument types a package deposits (the consents of UNTC's tables but succession). */
type InstrumentType = Exclude<ConsentType, 'succession'>;

const ROUTE_OF: Record<InstrumentType, Route> = {
  ratification: 'ratification',
  acceptance: 'ratification',
  approval: 'ratification',
  accession: 'accession',
};

/** The route an instrument type takes. */
export function routeOf(instrument: InstrumentType): Route {
  return ROUTE_OF[instrument];
}

/**
 * How far a quoted text was checked against a copy of its source (LEGAL.md marks the rest "from memory,
 * unverified"); absent when it was read verbatim in one. Shown with the quote.
 */
export const QUOTE_VERIFICATIONS = ['partly-verified', 'unverified'] as const;
export type QuoteVerification = (typeof QUOTE_VERIFICATIONS)[number];

export interface Quote {
  readonly text: string;
  readonly source: SourceId;
  readonly verification?: QuoteVerification;
}

export interface Requirement {
  readonly id: string;
  /** The treaty being joined that brings this requirement; null = once for the whole package. */
  readonly appliesTo: TreatyId | null;
  readonly citation: { readonly instrument: CitedInstrument; readonly article: string };
  readonly kind: RequirementKind;
  readonly obligation: Obligation;
  readonly timing: Timing;
  /** For the REIO competence declaration: which instrument route the paragraph governs. */
  readonly route?: 'ratification' | 'accession';
  /** The quoted text; for a requirement with `quotesByRoute`, the ratification route's. */
  readonly quote: Quote;
  /**
   * A text that differs by route (the Handbook's models of an instrument of ratification and of
   * accession): the quote for each. The checklist quotes the route(s) of the package's instruments.
   */
  readonly quotesByRoute?: Readonly<Record<Route, Quote>>;
  /**
   * Further texts the item rests on, each with its own article and source, printed after the quote (a
   * reservation's test under VCLT 19(c), and the twelve months for objections of VCLT 20(5)).
   */
  readonly related?: readonly {
    readonly citation: { readonly instrument: CitedInstrument; readonly article: string };
    readonly quote: Quote;
  }[];
  readonly check: CheckId;
  /**
   * Made also in a party's later notification though its kind is not one a notification carries: a
   * declaration of territorial application (VCLT 29) that extends the treaty to a territory after deposit.
   */
  readonly alsoInLaterNotification?: true;
  /**
   * The paragraph this requirement prints in the notifications document, when it is made (and the
   * sentence in its place when an organization answers it as outside its competence, UNTOC 2(j)).
   */
  readonly paragraph?: NotificationParagraph;
}

/**
 * A requirement's paragraph in the notifications document. How it is laid out (one paragraph per
 * authority, a list of languages, the legal basis for extradition...) is the shape its `check` names,
 * the same name that picks its checklist evaluator (server/documents/build-notifications.ts).
 */
export interface NotificationParagraph {
  /**
   * Its text: the key under `documents:notifications`; the document adds the `Organization` variant for
   * an organization, and a shape its own variants of the key (`<key>.yes`, `<key>Unknown`...).
   */
  readonly key: string;
  /** The key of the paragraph a special region or territory with its own answer gets, when it can have one. */
  readonly territoryKey?: string;
  /**
   * Its place in the document: the Convention's notifications due at deposit (18(13), 18(14), 16(5)(a),
   * 5(3)), then those with no deadline (31(6)), copies of laws (6(2)(d), 13(5)), then the Protocols'
   * (SOM 8(6), FP 13(2)).
   */
  readonly order: number;
}

/** Whether a later notification can make this requirement's statement (its kind, or the requirement's own flag). */
export function madeInLaterNotification(req: Requirement): boolean {
  return LATER_NOTIFICATION_KINDS.includes(req.kind) || req.alsoInLaterNotification === true;
}

/**
 * The quotes of a requirement for the routes a package takes, in the order of ROUTES: one per route
 * for a text that differs by route (both when the package holds both), else its one quote. No route
 * (nothing to deposit) gives the requirement's `quote`.
 */
export function quotesFor(req: Requirement, routes: Iterable<Route>): readonly Quote[] {
  const taken = new Set(routes);
  const byRoute = req.quotesByRoute;
  if (!byRoute || taken.size === 0) return [req.quote];
  return ROUTES.filter((route) => taken.has(route)).map((route) => byRoute[route]);
}

export const REQUIREMENT_IDS: readonly string[] = REQUIREMENTS.map((r) => r.id);

/** A requirement that prints a paragraph in the notifications document: a treaty's, with its paragraph. */
export type ParagraphRequirement = Requirement & {
  readonly appliesTo: TreatyId;
  readonly paragraph: NotificationParagraph;
};

/** The requirements that print a paragraph in the notifications document, in the document's order. */
export const NOTIFICATION_PARAGRAPHS: readonly ParagraphRequirement[] = REQUIREMENTS.filter(
  (r): r is ParagraphRequirement => r.paragraph !== undefined && r.appliesTo !== null,
).sort((a, b) => a.paragraph.order - b.paragraph.order);

const BY_ID = new Map(REQUIREMENTS.map((r) => [r.id, r]));

export function requirementById(id: string): Requirement | undefined {
  return BY_ID.get(id);
}

/** A dispute-clause reservation's id: the treaty, its settlement-of-disputes article, paragraph 3. */
export type DisputeReservationId = `${TreatyId}-${string}-3`;

/** The optional dispute-clause reservation of each treaty (UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3)). */
export function disputeReservationId(treaty: TreatyId): DisputeReservationId {
  return `${treaty}-${TREATIES[treaty].disputeArticle}-3`;
}

/** Every treaty's dispute-clause reservation, in catalogue order, from each treaty's `disputeArticle`. */
export const DISPUTE_RESERVATION_IDS: readonly DisputeReservationId[] = TREATY_IDS.map(disputeReservationId);

/** The treaty a dispute-clause reservation id is of ('som-20-3': the Smuggling Protocol). */
export function treatyOfDisputeReservation(id: DisputeReservationId): TreatyId {
  return (Object.keys(TREATIES) as TreatyId[]).find((t) => disputeReservationId(t) === id)!;
}

/** A requirement an organization may answer outside its competence: one of OUTSIDE_COMPETENCE_IDS. */
export type OutsideCompetenceId = string;

/**
 * The notifications, designations and information a State Party gives that a regional economic
 * integration organization may answer "outside the organization's competence": its obligations as a
 * "State Party" apply "within the limits of their competence" (UNTOC 2(j)), and it declares the extent of
 * that competence in its instrument (UNTOC 36(3)/(4); TIP 16(3)/(4), SOM 21(3)/(4), FP 17(3)/(4)). The
 * Convention's definition reaches the Protocols through their article 1(2) ("mutatis mutandis").
 * Organizations only: the schema refuses the answer for a State. They are the requirements that print a
 * paragraph in the notifications document (their `paragraph` also gives the sentence in its place when
 * the organization answers one outside its competence), in the document's order.
 */
export const OUTSIDE_COMPETENCE_IDS: readonly OutsideCompetenceId[] = NOTIFICATION_PARAGRAPHS.map(
  (r) => r.id,
);

export function mayFallOutsideCompetence(id: string): id is OutsideCompetenceId {
  return OUTSIDE_COMPETENCE_IDS.includes(id);
}
