/**
 * The requirements as data (requirements.ts has their types and the functions that read them): every
 * notification, designation, reservation, declaration and precondition of each treaty, with its article
 * and its quoted text (../shared/LEGAL.md §2, §3.1-§3.5, verbatim). This module is data only, so that a
 * test can swap it for data extended with another treaty's requirements
 * (tests/unit/catalogue/fifth-treaty.test.ts).
 */
import type { Quote, Requirement, Route } from './requirements';
import { TREATIES, type TreatyId } from './treaties';

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
