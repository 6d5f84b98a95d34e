/**
 * The draft package: everything an instrument and its notifications need, as one zod schema. Types come
 * from z.infer; the JSON Schema served at /api/v1/schema is generated from it. The schema checks shape
 * and format (lengths, dates that exist, e-mail and telephone formats, codes against their lists); the
 * legal rules (rules/) and the checklist decide what is missing or wrong in law.
 *
 * Conventions: `null` means "not answered yet" (a "[to be completed]" marker in draft documents), except
 * for the signing place and date, where `null` means "left blank for completion by hand". Error messages
 * are i18next keys (`schema.*`), resolved in the reader's language at the edge.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGE_CODES } from '../catalogue/languages';
import { REGION_CODES } from '../catalogue/regions';
import {
  DISPUTE_RESERVATION_IDS,
  treatyOfDisputeReservation,
  type DisputeReservationId,
  OUTSIDE_COMPETENCE_IDS,
  disputeReservationId,
} from '../catalogue/requirements';
import { CONVENTION, DESIGNATION_IDS, type DesignationId } from '../catalogue/designations';
import { REIO_CODES, STATE_CODES } from '../catalogue/states';
import { CONSENT_TYPES } from '../catalogue/participation';
import { currentTimeZoneName, isTimeZone } from '../catalogue/time-zones';
import { TREATY_IDS, type TreatyId } from '../catalogue/treaties';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from '../i18n/languages';
import { characterIssues, normalizeLineBreaks, type TextKind } from './characters';
import { TEXT_KEY_PATTERN } from './translations';

/**
 * An entry of a list (an authority, a declaration) has an id, so that pages and merges name it whatever
 * its position: removing the first authority must never turn a link to the second into a link to the
 * third. Ids are the package's own. An entry sent without one is given one from its position ("a2": the
 * second authority), the same every time the same package is read, so the stateless API answers the same
 * package the same way; drafts give new entries random ids (`newEntryId`, 48 bits), which can never be
 * such a positional id, so an entry removed from a draft never comes back under its id. "new" is the
 * address of the add page, so it is no id.
 */
export const ENTRY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export function newEntryId(): string {
  return randomBytes(6).toString('base64url');
}
const EntryIdSchema = z
  .string({ error: 'schema.invalidType' })
  .regex(ENTRY_ID_PATTERN, { error: 'schema.entryId' })
  .refine((v) => v !== 'new', { error: 'schema.entryId' })
  .optional();

/** A list of entries whose ids are unique; an entry without one gets `${prefix}${position}`. */
function entryList<T extends z.ZodType<{ id?: string | undefined }>>(entry: T, max: number, prefix: string) {
  return z
    .array(entry)
    .max(max, { error: 'schema.tooMany' })
    .refine(
      (list) => {
        const ids = list.map((e) => e.id).filter((id) => id !== undefined);
        return new Set(ids).size === ids.length;
      },
      { error: 'schema.duplicateId' },
    )
    .transform((list) => {
      const used = new Set(list.map((e) => e.id));
      return list.map((e, i) => {
        if (e.id !== undefined) return e as z.output<T> & { id: string };
        let n = i + 1;
        while (used.has(`${prefix}${n}`)) n++;
        used.add(`${prefix}${n}`);
        return { ...e, id: `${prefix}${n}` } as z.output<T> & { id: string };
      });
    })
    .default([]);
}

/** The languages documents can be produced in: every language with a profile and its strings. */
export const DOCUMENT_LANGUAGES = SUPPORTED_LANGUAGES;
export type DocumentLanguage = Language;

export const INSTRUMENT_TYPES = ['ratification', 'acceptance', 'approval', 'accession'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

/**
 * What the package drafts: joining the treaties (an instrument per treaty, with the notifications due at
 * deposit), or notifications made later by a party, with no instrument (a new central authority, the
 * Smuggling Protocol's 8(6) authority designated after joining, a point of contact, ...).
 */
export const PURPOSES = ['join', 'notify'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** VCLT 7(2)(a): the three offices that represent a State without full powers, and everyone else. */
export const OFFICES = [
  'head-of-state',
  'head-of-government',
  'minister-for-foreign-affairs',
  'other',
] as const;
export type Office = (typeof OFFICES)[number];
export const FULL_POWERS_OFFICES = [
  'head-of-state',
  'head-of-government',
  'minister-for-foreign-affairs',
] as const;

/**
 * The authorities a package can designate, named after the requirement they answer: the catalogue's
 * designations (catalogue/designations.ts), under the name the package has always used.
 */
export const AUTHORITY_ROLES = DESIGNATION_IDS;
export type AuthorityRole = DesignationId;

/**
 * What a free-text statement of the instrument is, and so the words that introduce it there: a
 * reservation other than to the dispute clause (VCLT 2(1)(d); tested under VCLT 19(c), open to objection
 * under 20(5)), an interpretative declaration, a declaration on territorial application (VCLT 29), or
 * another declaration.
 */
export const DECLARATION_KINDS = ['territorial', 'interpretative', 'other', 'reservation'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];
export const LAW_COPY_PLANS = ['enclosed', 'to-follow'] as const;
/** Who sends the note verbale covering the deposit: the permanent mission to the UN, or the ministry. */
export const NOTE_SENDERS = ['permanent-mission', 'ministry'] as const;

export const LIMITS = {
  shortText: 200,
  line: 200,
  longText: 5000,
  authorities: 20,
  contacts: 5,
  languages: 20,
  declarations: 20,
  territories: 20,
  addressLines: 6,
  /** Translated texts per language: more than every printed text of a package at the limits above. */
  translatedTexts: 1000,
} as const;

/**
 * Free text: trimmed, line breaks made LF (in a text), normalized to NFC (so "e" + U+0301 is stored as
 * "é", and two spellings of one name are one), then checked for length and for the characters the kind
 * of field refuses (characters.ts: control, noncharacter, private-use and invisible characters; a text
 * keeps tab, line feed, the joiners and the direction marks). The one helper for every free-text field,
 * so the API and the pages refuse the same characters with the same message keys.
 */
function text(max: number, kind: TextKind) {
  return z
    .string({ error: 'schema.invalidType' })
    .trim()
    .overwrite((s) => (kind === 'text' ? normalizeLineBreaks(s) : s))
    .normalize('NFC')
    .min(1, { error: 'schema.empty' })
    .max(max, { error: 'schema.tooLong' })
    .superRefine((s, ctx) => {
      for (const found of characterIssues(s, kind))
        ctx.addIssue({
          code: 'custom',
          message: found.code,
          params: { character: found.character },
          input: s,
        });
    });
}

const ShortText = text(LIMITS.shortText, 'line');
const LongText = text(LIMITS.longText, 'text');
/** One line of free text (a name, a title, a place), for forms that check one on its own. */
export const ShortTextSchema = ShortText;
/** A declaration's or reservation's text, for forms that check one before the package is put together. */
export const LongTextSchema = LongText;
/** A yes/no question; null = not answered yet. */
const Answer = z.boolean({ error: 'schema.boolean' }).nullable().default(null);

/** A date written YYYY-MM-DD that exists in the calendar (no 31 February). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// abort: a value that is not written YYYY-MM-DD gets only schema.dateFormat, and a date that does not
// exist only schema.dateNotReal; without it "13/12/2000" was also reported as not existing and out of range.
export const IsoDateSchema = z
  .string({ error: 'schema.invalidType' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'schema.dateFormat', abort: true })
  .refine(isRealDate, { error: 'schema.dateNotReal', abort: true })
  .refine((s) => s >= '1945-01-01' && s <= '2100-12-31', { error: 'schema.dateOutOfRange' });

/**
 * International telephone number (ITU-T E.123 international notation): "+", country code, then digits
 * with spaces, hyphens, dots or brackets; 7 to 15 digits in all (E.164 allows at most 15). An extension
 * may follow, written "ext. 5", "ext 5", "x5" or "x 5" (any case; 1 to 6 digits, not counted in the 15):
 * it is stored, and printed in every document, as " ext. 5" (PHONE_EXTENSION).
 */
export const PHONE_EXTENSION = /^(.*?[0-9])\s*(?:ext\.?|x)\s*([0-9]{1,6})$/i;

/** A number as stored: trimmed, and its extension, if any, written " ext. N". */
export function normalizePhone(raw: string): string {
  const s = raw.trim();
  const match = PHONE_EXTENSION.exec(s);
  return match ? `${match[1]} ext. ${match[2]}` : s;
}

function isPhone(s: string): boolean {
  const number = PHONE_EXTENSION.exec(s)?.[1] ?? s;
  const digits = number.match(/[0-9]/g)?.length ?? 0;
  return /^\+[0-9][0-9 ().-]*[0-9]$/.test(number) && digits >= 7 && digits <= 15;
}

const Phone = z
  .string({ error: 'schema.invalidType' })
  .overwrite(normalizePhone)
  .max(40, { error: 'schema.tooLong' })
  .refine(isPhone, { error: 'schema.phone' });

const Email = z.email({ error: 'schema.email' }).max(254, { error: 'schema.tooLong' });

const Website = z.url({ protocol: /^https?$/, error: 'schema.url' }).max(500, { error: 'schema.tooLong' });

/** A closed list as a zod enum (so the JSON Schema lists the values too). */
function oneOf(values: readonly string[], error: string) {
  return z.enum(values as [string, ...string[]], { error });
}

/**
 * An IANA time zone, current or old name ("Asia/Kolkata" or "Asia/Calcutta"), stored under its current
 * name (catalogue/time-zones.ts).
 */
const TimeZone = z
  .string({ error: 'schema.invalidType' })
  .refine(isTimeZone, { error: 'schema.timeZone' })
  .transform(currentTimeZoneName)
  .meta({ examples: ['Asia/Kolkata', 'Europe/Kyiv', 'America/Nuuk'] });

const TreatyIdSchema = z.enum(TREATY_IDS, { error: 'schema.notInList' });

/** A dispute-clause reservation of one of the catalogue's treaties (UNTOC 35(3) and its Protocols'). */
const DisputeReservationSchema = z.enum(
  DISPUTE_RESERVATION_IDS as [DisputeReservationId, ...DisputeReservationId[]],
  { error: 'schema.reservation' },
);

const LanguageCodeSchema = oneOf(LANGUAGE_CODES, 'schema.language');

function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item, { error: 'schema.invalidType' })
    .max(max, { error: 'schema.tooMany' })
    .refine((list) => new Set(list.map((x) => JSON.stringify(x))).size === list.length, {
      error: 'schema.duplicate',
    });
}

const PartySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('state'),
      code: oneOf(STATE_CODES, 'schema.state'),
      /** The State's formal name as it follows "the Government of" in the document language, with its article ("the Kingdom of Thailand", "le Royaume de Thaïlande"). */
      formalName: ShortText.nullable().default(null),
    }),
    z.strictObject({
      kind: z.literal('reio'),
      code: z.enum(REIO_CODES, { error: 'schema.reio' }),
      formalName: ShortText.nullable().default(null),
    }),
  ],
  { error: 'schema.partyKind' },
);

const SignatureReservationSchema = z.strictObject({
  /** The reservation or declaration as made on signature. */
  text: LongText,
  /** VCLT 23(2): confirmed in the instrument, or let go. null = not decided yet. */
  confirm: Answer,
});

const TreatyChoiceSchema = z.strictObject({
  treaty: TreatyIdSchema,
  /** The instrument deposited; null in a later notification (purpose "notify"), which has none. */
  instrument: z.enum(INSTRUMENT_TYPES, { error: 'schema.instrumentType' }).nullable().default(null),
  /** The State's date of signature; if omitted it is taken from the UNTC data. */
  signedOn: IsoDateSchema.nullable().default(null),
  /** Reservations or declarations made on signature (VCLT 23(2)). */
  signatureReservations: z
    .array(SignatureReservationSchema)
    .max(LIMITS.declarations, { error: 'schema.tooMany' })
    .default([]),
});

/** A consent the participation data (2014/2021) does not know yet. */
const PriorConsentSchema = z.strictObject({
  treaty: TreatyIdSchema,
  depositedOn: IsoDateSchema,
  type: z.enum(CONSENT_TYPES, { error: 'schema.notInList' }).nullable().default(null),
});

const PersonSchema = z.strictObject({
  name: ShortText.nullable().default(null),
  /** The title as it should read after the name ("Minister of Foreign Affairs of the Kingdom of Thailand"). */
  title: ShortText.nullable().default(null),
  office: z.enum(OFFICES, { error: 'schema.office' }).nullable().default(null),
});

const FullPowersSchema = z.strictObject({
  /** Who issues the full powers: one of the three offices of VCLT 7(2)(a). */
  issuer: z.strictObject({
    name: ShortText.nullable().default(null),
    title: ShortText.nullable().default(null),
    office: z.enum(FULL_POWERS_OFFICES, { error: 'schema.fullPowersOffice' }).nullable().default(null),
  }),
  place: ShortText.nullable().default(null),
  date: IsoDateSchema.nullable().default(null),
});

const AddressSchema = z.strictObject({
  lines: z.array(text(LIMITS.line, 'line')).max(LIMITS.addressLines, { error: 'schema.tooMany' }).default([]),
  city: ShortText.nullable().default(null),
  postcode: text(30, 'line').nullable().default(null),
  country: oneOf(REGION_CODES, 'schema.region').nullable().default(null),
});

export const AuthoritySchema = z.strictObject({
  id: EntryIdSchema,
  roles: z
    .array(z.enum(AUTHORITY_ROLES, { error: 'schema.authorityRole' }))
    .min(1, { error: 'schema.authorityRoles' })
    .max(AUTHORITY_ROLES.length, { error: 'schema.tooMany' })
    .refine((r) => new Set(r).size === r.length, { error: 'schema.duplicate' }),
  /** UNTOC 18(13): the special region or territory with a separate system of mutual legal assistance this authority serves; null = the whole State. */
  territory: ShortText.nullable().default(null),
  name: ShortText,
  unit: ShortText.nullable().default(null),
  officerTitle: ShortText.nullable().default(null),
  address: AddressSchema.nullable().default(null),
  phone: uniqueList(Phone, LIMITS.contacts).default([]),
  fax: uniqueList(Phone, LIMITS.contacts).default([]),
  email: uniqueList(Email, LIMITS.contacts).default([]),
  website: Website.nullable().default(null),
  officeHours: ShortText.nullable().default(null),
  timeZone: TimeZone.nullable().default(null),
  channels: z
    .strictObject({
      /** UNTOC 18(13): requests must come through diplomatic channels. */
      diplomaticOnly: Answer,
      /** UNTOC 18(13): in urgent circumstances, through INTERPOL. */
      interpolForUrgent: Answer,
      /** UNTOC 18(14): oral requests in urgent circumstances, confirmed in writing forthwith. */
      oralForUrgent: Answer,
    })
    .default({ diplomaticOnly: null, interpolForUrgent: null, oralForUrgent: null }),
  /** SOM 8(6): the date of designation, from which the one-month notification period runs. */
  designatedOn: IsoDateSchema.nullable().default(null),
});

/**
 * A special region or territory of a State with its own answers to the Convention's notifications:
 * its own languages for requests (18(14)), its own extradition law (16(5)(a)), its own law on the
 * offences of article 5 (5(3)). A value left blank (null, an empty list) is "the same as the State". Its
 * name, as the documents print it, is the name an authority's `territory` (18(13)) gives it.
 */
export const TerritorySchema = z
  .strictObject({
    id: EntryIdSchema,
    /** The territory's name as the documents print it ("the Hong Kong Special Administrative Region"). */
    name: ShortText,
    /** UNTOC 18(14): ISO 639-1 codes; empty = the State's. */
    mlaLanguages: uniqueList(LanguageCodeSchema, LIMITS.languages).default([]),
    /** UNTOC 16(5)(a); both null = the State's answer. */
    extradition: z
      .strictObject({ conditionalOnTreaty: Answer, conventionAsLegalBasis: Answer })
      .default({ conditionalOnTreaty: null, conventionAsLegalBasis: null }),
    /** UNTOC 5(3); both null = the State's answer. */
    article5: z
      .strictObject({ requiresOrganizedCriminalGroup: Answer, requiresActInFurtherance: Answer })
      .default({ requiresOrganizedCriminalGroup: null, requiresActInFurtherance: null }),
  })
  .superRefine((territory, ctx) => {
    // UNTOC 16(5)(a) asks only "States Parties that make extradition conditional on the existence of a
    // treaty" whether they take the Convention as the legal basis: for the territory, only when its own
    // extradition is said to be conditional.
    if (
      territory.extradition.conventionAsLegalBasis !== null &&
      territory.extradition.conditionalOnTreaty !== true
    )
      ctx.addIssue({
        code: 'custom',
        message: 'schema.territoryLegalBasisWithoutCondition',
        path: ['extradition', 'conventionAsLegalBasis'],
      });
  });

const DeclarationSchema = z.strictObject({
  id: EntryIdSchema,
  treaties: z
    .array(TreatyIdSchema)
    .min(1, { error: 'schema.treatiesEmpty' })
    .max(TREATY_IDS.length, { error: 'schema.tooMany' }),
  kind: z.enum(DECLARATION_KINDS, { error: 'schema.declarationKind' }),
  text: LongText,
});

const CompetenceSchema = z.strictObject({
  treaties: z
    .array(TreatyIdSchema)
    .min(1, { error: 'schema.treatiesEmpty' })
    .max(TREATY_IDS.length, { error: 'schema.tooMany' }),
  text: LongText,
});

const DocumentLanguageSchema = z.enum(
  DOCUMENT_LANGUAGES as readonly Language[] as [Language, ...Language[]],
  {
    error: 'schema.documentLanguage',
  },
);

export const PackageSchema = z
  .strictObject({
    /** Joining (instruments and the notifications due at deposit), or a party's later notifications. */
    purpose: z.enum(PURPOSES, { error: 'schema.notInList' }).default('join'),
    party: PartySchema,
    /** The treaties joined; in a later notification, the treaties (already joined) it concerns. */
    treaties: z
      .array(TreatyChoiceSchema)
      .min(1, { error: 'schema.treatiesEmpty' })
      .max(TREATY_IDS.length, { error: 'schema.tooMany' })
      .refine((list) => new Set(list.map((t) => t.treaty)).size === list.length, {
        error: 'schema.treatyTwice',
      }),
    // One earlier consent per treaty: two would give two dates from which the party is bound, and so two
    // answers to UNTOC 37(2) and to when its Protocols enter into force (facts.ts used the first silently).
    priorConsents: z
      .array(PriorConsentSchema)
      .max(TREATY_IDS.length, { error: 'schema.tooMany' })
      .refine((list) => new Set(list.map((c) => c.treaty)).size === list.length, {
        error: 'schema.treatyTwice',
      })
      .default([]),
    signatory: PersonSchema.default({ name: null, title: null, office: null }),
    fullPowers: FullPowersSchema.nullable().default(null),
    signing: z
      .strictObject({
        place: ShortText.nullable().default(null),
        date: IsoDateSchema.nullable().default(null),
      })
      .default({ place: null, date: null }),
    /** UNTOC 16(5)(a). */
    extradition: z
      .strictObject({ conditionalOnTreaty: Answer, conventionAsLegalBasis: Answer })
      .default({ conditionalOnTreaty: null, conventionAsLegalBasis: null }),
    /** UNTOC 5(3). */
    article5: z
      .strictObject({ requiresOrganizedCriminalGroup: Answer, requiresActInFurtherance: Answer })
      .default({ requiresOrganizedCriminalGroup: null, requiresActInFurtherance: null }),
    authorities: entryList(AuthoritySchema, LIMITS.authorities, 'a'),
    /** UNTOC 18(14): ISO 639-1 codes. */
    mlaLanguages: uniqueList(LanguageCodeSchema, LIMITS.languages).default([]),
    /**
     * A State's special regions or territories with their own answers to UNTOC 18(14), 16(5)(a) and 5(3)
     * (and named by the central authorities designated for them, 18(13)). A State's only, with the
     * Convention in the package (below).
     */
    territories: entryList(TerritorySchema, LIMITS.territories, 't'),
    /** The dispute-clause reservations made (UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3)). */
    reservations: uniqueList(DisputeReservationSchema, DISPUTE_RESERVATION_IDS.length).default([]),
    /**
     * Per treaty, the explanation the party attaches to its dispute-clause reservation (why it does not
     * accept arbitration and the International Court of Justice), printed after the reservation. Refused
     * for a treaty whose reservation is not made (below).
     */
    reservationExplanations: z
      .strictObject(
        Object.fromEntries(TREATY_IDS.map((t) => [t, LongText.optional()])) as Record<
          TreatyId,
          z.ZodOptional<typeof LongText>
        >,
      )
      .default({}),
    declarations: entryList(DeclarationSchema, LIMITS.declarations, 'd'),
    /**
     * A party's later notification only: the dispute-clause reservations it withdraws (UNTOC 35(4), TIP
     * 15(4), SOM 20(4), FP 16(4): "at any time ... by notification to the Secretary-General"), each of a
     * treaty the notification concerns.
     */
    withdrawnReservations: uniqueList(DisputeReservationSchema, DISPUTE_RESERVATION_IDS.length).default([]),
    /** Regional economic integration organizations only: the declaration of the extent of competence. */
    competence: z.array(CompetenceSchema).max(TREATY_IDS.length, { error: 'schema.tooMany' }).default([]),
    /**
     * Regional economic integration organizations only: the notifications (requirement ids) the
     * organization answers "outside the organization's competence" (UNTOC 2(j), with its declaration of
     * competence). Refused for a State (below).
     */
    outsideCompetence: uniqueList(
      oneOf(OUTSIDE_COMPETENCE_IDS, 'schema.notInList'),
      OUTSIDE_COMPETENCE_IDS.length,
    ).default([]),
    /** UNTOC 6(2)(d) and 13(5): copies of laws, enclosed with the notifications or to follow. */
    lawCopies: z
      .strictObject({
        moneyLaundering: z.enum(LAW_COPY_PLANS, { error: 'schema.notInList' }).nullable().default(null),
        confiscation: z.enum(LAW_COPY_PLANS, { error: 'schema.notInList' }).nullable().default(null),
      })
      .default({ moneyLaundering: null, confiscation: null }),
    deposit: z
      .strictObject({
        plannedOn: IsoDateSchema.nullable().default(null),
        /** Where the instrument will be handed over; null = United Nations Headquarters, New York. */
        place: ShortText.nullable().default(null),
        /**
         * Who sends the covering note verbale: the permanent mission in New York, or the ministry. Not
         * answered (null, absent) is the permanent mission, the usual sender of a deposit.
         */
        noteBy: z
          .enum(NOTE_SENDERS, { error: 'schema.notInList' })
          .nullable()
          .default('permanent-mission')
          .transform((v) => v ?? 'permanent-mission'),
      })
      .default({ plannedOn: null, place: null, noteBy: 'permanent-mission' }),
    /** The language the package's free-text answers are written in (the source), and the default document language. */
    documentLanguage: DocumentLanguageSchema.default(DEFAULT_LANGUAGE),
    /**
     * The answers translated into other document languages: per language, per printed text (its key,
     * domain/translations.ts), the translation and the source text it was made from (a translation whose
     * source changed since is stale).
     */
    translations: z
      .partialRecord(
        DocumentLanguageSchema,
        z
          .record(
            z.string({ error: 'schema.invalidType' }).regex(TEXT_KEY_PATTERN, { error: 'schema.textKey' }),
            z.strictObject({ text: LongText, source: LongText }),
          )
          .refine((texts) => Object.keys(texts).length <= LIMITS.translatedTexts, {
            error: 'schema.tooMany',
          }),
      )
      .default({}),
  })
  .superRefine((pkg, ctx) => {
    // UNTOC 2(j): only an organization acts "within the limits of [its] competence"; a State has no
    // matter outside its competence to notify.
    if (pkg.party.kind === 'state' && pkg.outsideCompetence.length > 0)
      ctx.addIssue({ code: 'custom', message: 'schema.outsideCompetenceState', path: ['outsideCompetence'] });
    // A special region or territory is a State's (UNTOC 18(13)); its statements are the Convention's
    // notifications (5(3), 16(5)(a), 18(14)), so they need the Convention in the package.
    if (pkg.territories.length > 0) {
      if (pkg.party.kind !== 'state')
        ctx.addIssue({ code: 'custom', message: 'schema.territoryOrganization', path: ['territories'] });
      else if (!pkg.treaties.some((c) => c.treaty === CONVENTION))
        ctx.addIssue({ code: 'custom', message: 'schema.territoryWithoutConvention', path: ['territories'] });
    }
    // One entry per territory: two would give it two answers to each notification.
    const names = new Set<string>();
    pkg.territories.forEach((territory, i) => {
      const key = territory.name.toLocaleLowerCase();
      if (names.has(key))
        ctx.addIssue({ code: 'custom', message: 'schema.territoryTwice', path: ['territories', i, 'name'] });
      names.add(key);
    });
    // An explanation goes with the reservation it explains: none without it.
    for (const treaty of TREATY_IDS) {
      if (
        pkg.reservationExplanations[treaty] !== undefined &&
        !(pkg.reservations as readonly string[]).includes(disputeReservationId(treaty))
      )
        ctx.addIssue({
          code: 'custom',
          message: 'schema.explanationWithoutReservation',
          path: ['reservationExplanations', treaty],
        });
    }
    // A reservation is withdrawn by notification, by the party that made it: never in an instrument.
    pkg.withdrawnReservations.forEach((id, i) => {
      if (pkg.purpose === 'join')
        ctx.addIssue({
          code: 'custom',
          message: 'schema.withdrawalOnlyInNotification',
          path: ['withdrawnReservations', i],
        });
      else if (!pkg.treaties.some((c) => c.treaty === treatyOfDisputeReservation(id)))
        ctx.addIssue({
          code: 'custom',
          message: 'schema.withdrawalTreatyNotInPackage',
          path: ['withdrawnReservations', i],
        });
    });
    if (pkg.purpose === 'join') {
      // Joining deposits an instrument per treaty (VCLT 2(1)(b), 16).
      pkg.treaties.forEach((c, i) => {
        if (c.instrument === null)
          ctx.addIssue({
            code: 'custom',
            message: 'schema.instrumentType',
            path: ['treaties', i, 'instrument'],
          });
      });
      return;
    }
    // A later notification is made by a party: it deposits no instrument, so it carries none of what an
    // instrument carries (the instrument type, reservations and declarations made on consent, VCLT 19 and
    // 23(2); full powers to sign an instrument, VCLT 7).
    const refuse = (path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message: 'schema.notInNotification', path });
    pkg.treaties.forEach((c, i) => {
      if (c.instrument !== null) refuse(['treaties', i, 'instrument']);
      if (c.signedOn !== null) refuse(['treaties', i, 'signedOn']);
      if (c.signatureReservations.length > 0) refuse(['treaties', i, 'signatureReservations']);
    });
    if (pkg.reservations.length > 0) refuse(['reservations']);
    // A declaration of territorial application can extend a treaty to a territory after deposit (VCLT 29);
    // every other reservation or declaration is made with an instrument.
    pkg.declarations.forEach((d, i) => {
      if (d.kind !== 'territorial') refuse(['declarations', i, 'kind']);
    });
    if (Object.keys(pkg.reservationExplanations).length > 0) refuse(['reservationExplanations']);
    if (pkg.fullPowers !== null) refuse(['fullPowers']);
  });

/** A package as sent (defaults not yet applied). */
export type PackageInput = z.input<typeof PackageSchema>;
/** A parsed package: every default applied, every value checked for shape. */
export type Package = z.output<typeof PackageSchema>;
export type Authority = Package['authorities'][number];
export type Declaration = Package['declarations'][number];
export type Territory = Package['territories'][number];
export type TreatyChoice = Package['treaties'][number];
export type Party = Package['party'];

export function packageJsonSchema(): unknown {
  return z.toJSONSchema(PackageSchema, { io: 'input', unrepresentable: 'any' });
}
