/**
 * Every notification, designation, reservation, declaration and precondition the treaties attach to
 * joining them, as data (../shared/LEGAL.md §2, §3.1-§3.5). Each carries its article, its kind, its
 * obligation, its timing and the quoted treaty text (English authentic text; LEGAL.md holds no other
 * language). What the user must supply, and the item's label, are in locales/{lng}/legal.json under
 * `requirements.<id>`.
 *
 * `check` names the evaluator in server/domain/checklist.ts that decides an item's status; a new
 * requirement of an existing shape needs data only.
 */
import type { ConsentType } from './participation';
import type { SourceId } from './sources';
import { TREATIES, type TreatyId } from './treaties';

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

// ---------------------------------------------------------------------------------------------------
// Quoted texts (LEGAL.md §2 and §3, verbatim).

const Q_DISPUTE_RESERVATION = (instrument: 'Convention' | 'Protocol') =>
  `Each State Party may, at the time of signature, ratification, acceptance or approval of or accession to this ${instrument}, declare that it does not consider itself bound by paragraph 2 of this article. The other States Parties shall not be bound by paragraph 2 of this article with respect to any State Party that has made such a reservation.`;

/** UNTOC 35(4), TIP 15(4), SOM 20(4), FP 16(4): the same words in each (LEGAL.md §3). */
const Q_DISPUTE_WITHDRAWAL =
  'Any State Party that has made a reservation in accordance with paragraph 3 of this article may at any time withdraw that reservation by notification to the Secretary-General of the United Nations.';

const Q_37_2 =
  'In order to become a Party to a protocol, a State or a regional economic integration organization must also be a Party to this Convention.';

const Q_PROTOCOL_COMPETENCE_RATIFICATION =
  '… In that instrument of ratification, acceptance or approval, such organization shall declare the extent of its competence with respect to the matters governed by this Protocol. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.';

/**
 * The Protocols' accession paragraphs (TIP 16(4), SOM 21(4), FP 17(4)) have the same wording; LEGAL.md
 * quotes FP 17(4) whole and the other two with elisions, so each is quoted as far as LEGAL.md shows it.
 */
const Q_PROTOCOL_COMPETENCE_ACCESSION: Record<Exclude<TreatyId, 'untoc'>, string> = {
  tip: 'This Protocol is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Protocol. Instruments of accession shall be deposited with the Secretary-General of the United Nations. At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Protocol. …',
  som: 'This Protocol is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Protocol. … At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Protocol. …',
  fp: 'This Protocol is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Protocol. Instruments of accession shall be deposited with the Secretary-General of the United Nations. At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Protocol. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
};

const Q_VCLT_7_2_A =
  'In virtue of their functions and without having to produce full powers, the following are considered as representing their State: (a) Heads of State, Heads of Government and Ministers for Foreign Affairs, for the purpose of performing all acts relating to the conclusion of a treaty';

const Q_VCLT_7_1 =
  '(a) he produces appropriate full powers; or (b) it appears from the practice of the States concerned or from other circumstances that their intention was to consider that person as representing the State for such purposes and to dispense with full powers.';

const Q_VCLT_23_2 =
  'If formulated when signing the treaty subject to ratification, acceptance or approval, a reservation must be formally confirmed by the reserving State when expressing its consent to be bound by the treaty. In such a case the reservation shall be considered as having been made on the date of its confirmation.';

const Q_VCLT_29 =
  'Unless a different intention appears from the treaty or is otherwise established, a treaty is binding upon each party in respect of its entire territory.';

const Q_VCLT_2_1_D =
  '“reservation” means a unilateral statement, however phrased or named, made by a State, when signing, ratifying, accepting, approving or acceding to a treaty, whereby it purports to exclude or to modify the legal effect of certain provisions of the treaty in their application to that State';

/** VCLT 19 as LEGAL.md §2 quotes it (its chapeau is not quoted there). */
const Q_VCLT_19 =
  '(a) the reservation is prohibited by the treaty; (b) the treaty provides that only specified reservations, which do not include the reservation in question, may be made; or (c) … the reservation is incompatible with the object and purpose of the treaty.';

/** VCLT 20(5) as LEGAL.md §2 quotes it (from "a reservation"; the paragraph's opening words are not quoted there). */
const Q_VCLT_20_5 =
  'a reservation is considered to have been accepted by a State if it shall have raised no objection to the reservation by the end of a period of twelve months after it was notified of the reservation or by the date on which it expressed its consent to be bound by the treaty, whichever is later.';

// ---------------------------------------------------------------------------------------------------

const UNTOC_REQUIREMENTS: Requirement[] = [
  {
    id: 'untoc-5-3',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '5(3)' },
    kind: 'notification',
    obligation: 'conditional',
    timing: 'at-deposit',
    quote: {
      text: 'States Parties whose domestic law requires involvement of an organized criminal group for purposes of the offences established in accordance with paragraph 1 (a) (i) of this article shall ensure that their domestic law covers all serious crimes involving organized criminal groups. Such States Parties, as well as States Parties whose domestic law requires an act in furtherance of the agreement for purposes of the offences established in accordance with paragraph 1 (a) (i) of this article, shall so inform the Secretary-General of the United Nations at the time of their signature or of deposit of their instrument of ratification, acceptance or approval of or accession to this Convention.',
      source: 'nl-untoc',
    },
    check: 'article-5',
    paragraph: { key: 'article5', territoryKey: 'territoryArticle5', order: 4 },
  },
  {
    id: 'untoc-6-2-d',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '6(2)(d)' },
    kind: 'information',
    obligation: 'mandatory',
    timing: 'ongoing',
    quote: {
      text: 'Each State Party shall furnish copies of its laws that give effect to this article and of any subsequent changes to such laws or a description thereof to the Secretary-General of the United Nations;',
      source: 'nl-untoc',
    },
    check: 'law-copies-money-laundering',
    paragraph: { key: 'lawsMoneyLaundering', order: 6 },
  },
  {
    id: 'untoc-13-5',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '13(5)' },
    kind: 'information',
    obligation: 'mandatory',
    timing: 'ongoing',
    quote: {
      text: 'Each State Party shall furnish copies of its laws and regulations that give effect to this article and of any subsequent changes to such laws and regulations or a description thereof to the Secretary-General of the United Nations.',
      source: 'nl-untoc',
    },
    check: 'law-copies-confiscation',
    paragraph: { key: 'lawsConfiscation', order: 7 },
  },
  {
    id: 'untoc-16-5-a',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '16(5)(a)' },
    kind: 'notification',
    obligation: 'conditional',
    timing: 'at-deposit',
    quote: {
      text: 'States Parties that make extradition conditional on the existence of a treaty shall: (a) At the time of deposit of their instrument of ratification, acceptance, approval of or accession to this Convention, inform the Secretary-General of the United Nations whether they will take this Convention as the legal basis for cooperation on extradition with other States Parties to this Convention; and (b) If they do not take this Convention as the legal basis for cooperation on extradition, seek, where appropriate, to conclude treaties on extradition with other States Parties to this Convention in order to implement this article.',
      source: 'nl-untoc',
    },
    check: 'extradition',
    paragraph: { key: 'extradition', territoryKey: 'territoryExtradition', order: 3 },
  },
  {
    id: 'untoc-18-13',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '18(13)' },
    kind: 'designation',
    obligation: 'mandatory',
    timing: 'at-deposit',
    quote: {
      text: 'Each State Party shall designate a central authority that shall have the responsibility and power to receive requests for mutual legal assistance and either to execute them or to transmit them to the competent authorities for execution. Where a State Party has a special region or territory with a separate system of mutual legal assistance, it may designate a distinct central authority that shall have the same function for that region or territory. … The Secretary-General of the United Nations shall be notified of the central authority designated for this purpose at the time each State Party deposits its instrument of ratification, acceptance or approval of or accession to this Convention. Requests for mutual legal assistance and any communication related thereto shall be transmitted to the central authorities designated by the States Parties. This requirement shall be without prejudice to the right of a State Party to require that such requests and communications be addressed to it through diplomatic channels and, in urgent circumstances, where the States Parties agree, through the International Criminal Police Organization, if possible.',
      source: 'nl-untoc',
    },
    check: 'central-authority',
    paragraph: { key: 'centralAuthority', territoryKey: 'centralAuthorityTerritory', order: 1 },
  },
  {
    id: 'untoc-18-14',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '18(14)' },
    kind: 'notification',
    obligation: 'mandatory',
    timing: 'at-deposit',
    quote: {
      text: 'Requests shall be made in writing or, where possible, by any means capable of producing a written record, in a language acceptable to the requested State Party, under conditions allowing that State Party to establish authenticity. The Secretary-General of the United Nations shall be notified of the language or languages acceptable to each State Party at the time it deposits its instrument of ratification, acceptance or approval of or accession to this Convention. In urgent circumstances and where agreed by the States Parties, requests may be made orally, but shall be confirmed in writing forthwith.',
      source: 'nl-untoc',
    },
    check: 'mla-languages',
    paragraph: { key: 'languages', territoryKey: 'territoryLanguages', order: 2 },
  },
  {
    id: 'untoc-31-6',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '31(6)' },
    kind: 'notification',
    obligation: 'mandatory',
    timing: 'no-deadline',
    quote: {
      text: 'Each State Party shall inform the Secretary-General of the United Nations of the name and address of the authority or authorities that can assist other States Parties in developing measures to prevent transnational organized crime.',
      source: 'nl-untoc',
    },
    check: 'prevention-authority',
    paragraph: { key: 'prevention', order: 5 },
  },
  {
    id: 'untoc-35-3',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '35(3)' },
    kind: 'reservation',
    obligation: 'optional',
    timing: 'at-deposit',
    quote: { text: Q_DISPUTE_RESERVATION('Convention'), source: 'nl-untoc' },
    check: 'dispute-reservation',
  },
  {
    id: 'untoc-35-4',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '35(4)' },
    kind: 'withdrawal',
    obligation: 'optional',
    timing: 'no-deadline',
    quote: { text: Q_DISPUTE_WITHDRAWAL, source: 'nl-untoc' },
    check: 'reservation-withdrawal',
  },
  {
    id: 'untoc-36-3',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '36(3)' },
    kind: 'competence-declaration',
    obligation: 'organizations-only',
    timing: 'at-deposit',
    route: 'ratification',
    quote: {
      text: 'This Convention is subject to ratification, acceptance or approval. Instruments of ratification, acceptance or approval shall be deposited with the Secretary-General of the United Nations. A regional economic integration organization may deposit its instrument of ratification, acceptance or approval if at least one of its member States has done likewise. In that instrument of ratification, acceptance or approval, such organization shall declare the extent of its competence with respect to the matters governed by this Convention. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
      source: 'nl-untoc',
    },
    check: 'competence',
  },
  {
    id: 'untoc-36-4',
    appliesTo: 'untoc',
    citation: { instrument: 'untoc', article: '36(4)' },
    kind: 'competence-declaration',
    obligation: 'organizations-only',
    timing: 'at-deposit',
    route: 'accession',
    quote: {
      text: 'This Convention is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Convention. Instruments of accession shall be deposited with the Secretary-General of the United Nations. At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Convention. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
      source: 'nl-untoc',
    },
    check: 'competence',
  },
];

/** The requirements every Protocol shares in shape: dispute reservation, REIO competence, 37(2). */
function protocolRequirements(treaty: Exclude<TreatyId, 'untoc'>): Requirement[] {
  const t = TREATIES[treaty];
  const disputeArticle = t.disputeArticle;
  const ratification = t.consentArticles.ratification;
  const accession = t.consentArticles.accession;
  const slug = (article: string) => article.replace(/[()]+/g, '-').replace(/-+$/, '');
  return [
    {
      id: `${treaty}-${disputeArticle}-3`,
      appliesTo: treaty,
      citation: { instrument: treaty, article: `${disputeArticle}(3)` },
      kind: 'reservation',
      obligation: 'optional',
      timing: 'at-deposit',
      quote: { text: Q_DISPUTE_RESERVATION('Protocol'), source: t.textSource },
      check: 'dispute-reservation',
    },
    {
      id: `${treaty}-${disputeArticle}-4`,
      appliesTo: treaty,
      citation: { instrument: treaty, article: `${disputeArticle}(4)` },
      kind: 'withdrawal',
      obligation: 'optional',
      timing: 'no-deadline',
      quote: { text: Q_DISPUTE_WITHDRAWAL, source: t.textSource },
      check: 'reservation-withdrawal',
    },
    {
      id: `${treaty}-${slug(ratification)}`,
      appliesTo: treaty,
      citation: { instrument: treaty, article: ratification },
      kind: 'competence-declaration',
      obligation: 'organizations-only',
      timing: 'at-deposit',
      route: 'ratification',
      quote: {
        text:
          treaty === 'som'
            ? `This Protocol is subject to ratification, acceptance or approval. ${Q_PROTOCOL_COMPETENCE_RATIFICATION}`
            : Q_PROTOCOL_COMPETENCE_RATIFICATION,
        source: t.textSource,
      },
      check: 'competence',
    },
    {
      id: `${treaty}-${slug(accession)}`,
      appliesTo: treaty,
      citation: { instrument: treaty, article: accession },
      kind: 'competence-declaration',
      obligation: 'organizations-only',
      timing: 'at-deposit',
      route: 'accession',
      quote: { text: Q_PROTOCOL_COMPETENCE_ACCESSION[treaty], source: t.textSource },
      check: 'competence',
    },
    {
      id: `${treaty}-untoc-37-2`,
      appliesTo: treaty,
      citation: { instrument: 'untoc', article: '37(2)' },
      kind: 'precondition',
      obligation: 'mandatory',
      timing: 'at-deposit',
      quote: { text: Q_37_2, source: 'nl-untoc' },
      check: 'party-to-convention',
    },
  ];
}

const SOM_8_6: Requirement = {
  id: 'som-8-6',
  appliesTo: 'som',
  citation: { instrument: 'som', article: '8(6)' },
  kind: 'designation',
  obligation: 'mandatory',
  timing: 'within-one-month-of-designation',
  quote: {
    text: 'Each State Party shall designate an authority or, where necessary, authorities to receive and respond to requests for assistance, for confirmation of registry or of the right of a vessel to fly its flag and for authorization to take appropriate measures. Such designation shall be notified through the Secretary-General to all other States Parties within one month of the designation.',
    source: 'nl-som',
  },
  check: 'maritime-authority',
  paragraph: { key: 'maritime', order: 8 },
};

const FP_13_2: Requirement = {
  id: 'fp-13-2',
  appliesTo: 'fp',
  citation: { instrument: 'fp', article: '13(2)' },
  kind: 'identification',
  obligation: 'mandatory',
  timing: 'no-deadline',
  quote: {
    text: 'Without prejudice to article 18, paragraph 13, of the Convention, each State Party shall identify a national body or a single point of contact to act as liaison between it and other States Parties on matters relating to this Protocol.',
    source: 'nl-fp',
  },
  check: 'firearms-contact',
  paragraph: { key: 'firearms', order: 9 },
};

/** Practice items every treaty shares: confirming reservations made at signature, declarations. */
function practiceRequirements(treaty: TreatyId): Requirement[] {
  return [
    {
      id: `${treaty}-vclt-23-2`,
      appliesTo: treaty,
      citation: { instrument: 'vclt', article: '23(2)' },
      kind: 'reservation',
      obligation: 'conditional',
      timing: 'at-deposit',
      quote: { text: Q_VCLT_23_2, source: 'nl-vclt' },
      check: 'signature-reservations',
    },
    {
      // A reservation other than to the dispute clause: the treaties expressly authorize only that one
      // (UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3)), so any other is tested under VCLT 19(c), and the
      // other parties may object to it within the twelve months of VCLT 20(5).
      id: `${treaty}-vclt-19`,
      appliesTo: treaty,
      citation: { instrument: 'vclt', article: '19' },
      kind: 'reservation',
      obligation: 'optional',
      timing: 'at-deposit',
      quote: { text: Q_VCLT_19, source: 'nl-vclt' },
      related: [
        {
          citation: { instrument: 'vclt', article: '20(5)' },
          quote: { text: Q_VCLT_20_5, source: 'nl-vclt' },
        },
      ],
      check: 'free-text-reservations',
    },
    {
      id: `${treaty}-vclt-29`,
      appliesTo: treaty,
      citation: { instrument: 'vclt', article: '29' },
      kind: 'declaration',
      obligation: 'optional',
      timing: 'at-deposit',
      quote: { text: Q_VCLT_29, source: 'nl-vclt' },
      check: 'territorial-declaration',
      // A party extends a treaty to a territory by a later notification too.
      alsoInLaterNotification: true,
    },
    {
      id: `${treaty}-vclt-2-1-d`,
      appliesTo: treaty,
      citation: { instrument: 'vclt', article: '2(1)(d)' },
      kind: 'declaration',
      obligation: 'optional',
      timing: 'at-deposit',
      quote: { text: Q_VCLT_2_1_D, source: 'nl-vclt' },
      check: 'other-declarations',
    },
  ];
}

/**
 * The Treaty Handbook models (LEGAL.md §1.2, §1.3), the lines the checklist quotes. The model of an
 * instrument of ratification, acceptance or approval is verbatim as reproduced by the CBD up to
 * "[ratifies", completed from memory (so its operative paragraph is partly verified, its closing words
 * unverified); the model of accession is wholly from memory, unverified.
 */
const Q_MODEL: Record<'operative' | 'witness', Record<Route, Quote>> = {
  operative: {
    ratification: {
      text: 'NOW THEREFORE I, [name and title of the Head of State, Head of Government or Minister for Foreign Affairs] declare that the Government of [name of State], having considered the above mentioned [treaty, convention, agreement, etc.], [ratifies, accepts, approves] the same and undertakes faithfully to perform and carry out the stipulations therein contained.',
      source: 'treaty-handbook',
      verification: 'partly-verified',
    },
    accession: {
      text: 'NOW THEREFORE I, [name and title of the Head of State, Head of Government or Minister for Foreign Affairs] declare that the Government of [name of State], having considered the above-mentioned [treaty, convention, agreement, etc.], accedes to the same and undertakes faithfully to perform and carry out the stipulations therein contained.',
      source: 'treaty-handbook-accession',
      verification: 'unverified',
    },
  },
  witness: {
    ratification: {
      text: 'IN WITNESS WHEREOF, I have signed this instrument of [ratification, acceptance, approval] at [place] on [date].',
      source: 'treaty-handbook',
      verification: 'unverified',
    },
    accession: {
      text: 'IN WITNESS WHEREOF, I have signed this instrument of accession at [place] on [date].',
      source: 'treaty-handbook-accession',
      verification: 'unverified',
    },
  },
};

/** The instrument itself (VCLT 7 and the Handbook model): once for the whole package. */
const INSTRUMENT_REQUIREMENTS: Requirement[] = [
  {
    id: 'model-party-name',
    appliesTo: null,
    citation: { instrument: 'handbook', article: 'model' },
    kind: 'instrument',
    obligation: 'mandatory',
    timing: 'at-deposit',
    quote: Q_MODEL.operative.ratification,
    quotesByRoute: Q_MODEL.operative,
    check: 'party-name',
  },
  {
    id: 'vclt-7-2-a',
    appliesTo: null,
    citation: { instrument: 'vclt', article: '7(2)(a)' },
    kind: 'instrument',
    obligation: 'mandatory',
    timing: 'at-deposit',
    quote: { text: Q_VCLT_7_2_A, source: 'nl-vclt' },
    check: 'signatory',
  },
  {
    id: 'vclt-7-1',
    appliesTo: null,
    citation: { instrument: 'vclt', article: '7(1)' },
    kind: 'instrument',
    obligation: 'conditional',
    timing: 'at-deposit',
    quote: { text: Q_VCLT_7_1, source: 'nl-vclt' },
    check: 'full-powers',
  },
  {
    id: 'model-place-date',
    appliesTo: null,
    citation: { instrument: 'handbook', article: 'model' },
    kind: 'instrument',
    obligation: 'mandatory',
    timing: 'at-deposit',
    quote: Q_MODEL.witness.ratification,
    quotesByRoute: Q_MODEL.witness,
    check: 'signing-place-date',
  },
];

export const REQUIREMENTS: readonly Requirement[] = [
  ...INSTRUMENT_REQUIREMENTS,
  ...UNTOC_REQUIREMENTS,
  ...practiceRequirements('untoc'),
  ...protocolRequirements('tip'),
  ...practiceRequirements('tip'),
  SOM_8_6,
  ...protocolRequirements('som'),
  ...practiceRequirements('som'),
  FP_13_2,
  ...protocolRequirements('fp'),
  ...practiceRequirements('fp'),
];

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

/** The optional dispute-clause reservation of each treaty (UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3)). */
export function disputeReservationId(treaty: TreatyId): string {
  return `${treaty}-${TREATIES[treaty].disputeArticle}-3`;
}

export const DISPUTE_RESERVATION_IDS = ['untoc-35-3', 'tip-15-3', 'som-20-3', 'fp-16-3'] as const;

/** The treaty a dispute-clause reservation id is of ('som-20-3': the Smuggling Protocol). */
export function treatyOfDisputeReservation(id: DisputeReservationId): TreatyId {
  return (Object.keys(TREATIES) as TreatyId[]).find((t) => disputeReservationId(t) === id)!;
}

/**
 * The notifications, designations and information a State Party gives that a regional economic
 * integration organization may answer "outside the organization's competence": its obligations as a
 * "State Party" apply "within the limits of their competence" (UNTOC 2(j)), and it declares the extent of
 * that competence in its instrument (UNTOC 36(3)/(4); TIP 16(3)/(4), SOM 21(3)/(4), FP 17(3)/(4)). The
 * Convention's definition reaches the Protocols through their article 1(2) ("mutatis mutandis").
 * Organizations only: the schema refuses the answer for a State.
 */
export const OUTSIDE_COMPETENCE_IDS = [
  'untoc-18-13',
  'untoc-18-14',
  'untoc-16-5-a',
  'untoc-5-3',
  'untoc-31-6',
  'untoc-6-2-d',
  'untoc-13-5',
  'som-8-6',
  'fp-13-2',
] as const;
export type OutsideCompetenceId = (typeof OUTSIDE_COMPETENCE_IDS)[number];

export function mayFallOutsideCompetence(id: string): id is OutsideCompetenceId {
  return (OUTSIDE_COMPETENCE_IDS as readonly string[]).includes(id);
}
export type DisputeReservationId = (typeof DISPUTE_RESERVATION_IDS)[number];
