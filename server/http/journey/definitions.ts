/**
 * The guided journey as data: the sections of the task list, the question pages in each, which
 * questions apply to a package, where each page goes next, and each section's status. Routes
 * (the other files of this folder) render and save pages from these definitions; nothing here knows about HTTP.
 *
 * A section that does not apply to the package (the Smuggling Protocol's maritime authority when the
 * Protocol is not being joined) is not in the task list; the pages tell why a question is asked by
 * citing the requirement it serves (catalogue/requirements.ts), whose treaty text is shown on demand.
 */
import type { TFunction } from 'i18next';
import {
  ANSWER_REQUIREMENTS,
  CONVENTION,
  DESIGNATIONS,
  DESIGNATION_IDS,
  DESIGNATION_LISTS,
  REQUIREMENTS,
  TREATIES,
  TREATY_IDS,
  designationListsAt,
  designationTreaty,
  designationWith,
  packageRequirementsChecked,
  requirementChecked,
  requirementsOfKind,
  treatiesOfRequirements,
  type DesignationList,
  type Participation,
  type TreatyId,
} from '../../catalogue';
import { LANGUAGE_CODES } from '../../catalogue/languages';
import { CONSENT_TYPES, participationOf } from '../../catalogue/participation';
import { REGION_CODES } from '../../catalogue/regions';
import { STATE_CODES } from '../../catalogue/states';
import { TIME_ZONES, timeZoneName, timeZonesOf, utcOffset } from '../../catalogue/time-zones';
import { UN_NAMES, unFormalName, unLanguageOfFormalName } from '../../catalogue/un-names';
import {
  OUTSIDE_COMPETENCE_IDS,
  disputeReservationId,
  requirementById,
  type OutsideCompetenceId,
} from '../../catalogue/requirements';
import { isProtocol } from '../../catalogue/treaties';
import type { Draft, SectionId } from '../../domain/draft';
import type { PathSegment } from '../../domain/issues';
import { designationComplete } from '../../domain/facts';
import { fullPowersFor } from '../../domain/full-powers';
import {
  AUTHORITY_ROLES,
  DECLARATION_KINDS,
  DOCUMENT_LANGUAGES,
  FULL_POWERS_OFFICES,
  INSTRUMENT_TYPES,
  LAW_COPY_PLANS,
  NOTE_SENDERS,
  IsoDateSchema,
  LongTextSchema,
  OFFICES,
  type AuthorityRole,
  type InstrumentType,
  type Package,
  type Territory,
} from '../../domain/package';
import { roleApplies } from '../../domain/applicability';
import { formatDate, languageName, regionName } from '../../i18n/format';
import { formatCitation } from '../../i18n/messages';
import { LANGUAGE_TAGS, type Language } from '../../i18n';
import { UN_LANGUAGE_CODES } from '../../i18n/languages';
import {
  getIn,
  rawFromValue,
  type FieldDef,
  type FieldOption,
  type FieldValue,
  type RawValue,
} from '../forms';

export interface PageContext {
  readonly t: TFunction;
  readonly lng: Language;
  readonly participation: Participation;
}

/** A party's later notification (no instrument), rather than joining. */
export const isNotifying = (pkg: Pick<Package, 'purpose'>) => pkg.purpose === 'notify';

/** The treaties not in the package: the party may have joined them already (after the data's date). */
export const notInPackage = (pkg: Package) =>
  TREATY_IDS.filter((t) => !pkg.treaties.some((c) => c.treaty === t));
/**
 * The earlier consents the prior-consents page asks for: the Convention's only (a Protocol needs the
 * party to be a party to the Convention, UNTOC 37(2); no other earlier consent changes the package),
 * and only when it is not in the draft and the participation data does not already record it.
 */
export const priorConsentsAsked = (pkg: Package, participation: Participation): TreatyId[] =>
  isNotifying(pkg)
    ? pkg.treaties
        .map((t) => t.treaty)
        .filter((t) => !participationOf(participation, t, pkg.party.code)?.consent)
    : notInPackage(pkg).filter(
        (t) => t === CONVENTION && !participationOf(participation, t, pkg.party.code)?.consent,
      );
/**
 * Earlier consents matter when a Protocol is joined without the Convention (UNTOC 37(2)), and in a party's
 * later notification, which is made by a party to each treaty it concerns.
 */
export const priorConsentsApply = (pkg: Package) =>
  isNotifying(pkg) || !pkg.treaties.some((t) => t.treaty === CONVENTION);
/** The treaties whose earlier consent the prior-consents page records: the ones it may ask about. */
const consentTreaties = (pkg: Package): TreatyId[] =>
  isNotifying(pkg) ? pkg.treaties.map((t) => t.treaty) : notInPackage(pkg);

/** The treaties the party signed and now ratifies, accepts or approves (not accession), with their index. */
export const signedChoices = (pkg: Package) =>
  pkg.treaties
    .map((choice, index) => ({ choice, index }))
    .filter(({ choice }) => choice.instrument !== 'accession' && choice.instrument !== null);
const inPackage = (pkg: Package, treaty: TreatyId) => pkg.treaties.some((t) => t.treaty === treaty);
const isState = (pkg: Package) => pkg.party.kind === 'state';
/** UNTOC 2(j): an organization answered this notification "outside the organization's competence". */
const outside = (pkg: Package, id: OutsideCompetenceId) =>
  !isState(pkg) && pkg.outsideCompetence.includes(id);

// The requirements the journey's pages answer, read from the catalogue (no id is written here).
/** UNTOC 16(5)(a): whether extradition is conditional on a treaty, and the Convention its legal basis. */
const EXTRADITION = [ANSWER_REQUIREMENTS.extradition] as const;
/** UNTOC 18(14): the languages acceptable for mutual legal assistance. */
const LANGUAGES = [ANSWER_REQUIREMENTS.mlaLanguages] as const;
/** UNTOC 5(3): the two answers on the offence of participation in an organized criminal group. */
const ARTICLE5 = [ANSWER_REQUIREMENTS.article5] as const;
/** UNTOC 6(2)(d) and 13(5): the copies of laws on money-laundering and on confiscation. */
const LAW_COPIES = [ANSWER_REQUIREMENTS.moneyLaundering, ANSWER_REQUIREMENTS.confiscation] as const;
/** UNTOC 18(13): the central authority, the one designation that may be made for a territory. */
const CENTRAL_AUTHORITY = designationWith('perTerritory');
/** UNTOC 18(13) and 18(14): the central authorities' section asks for the languages with them. */
const CENTRAL_AUTHORITIES = [CENTRAL_AUTHORITY, ...LANGUAGES] as const;
/** UNTOC 36(3) and 36(4): the Convention's declarations of competence (ratification, accession). */
const CONVENTION_COMPETENCE = requirementsOfKind(CONVENTION, 'competence-declaration');

/**
 * Whether the requirements a page or section answers apply to the package: the treaties that bring them
 * (their `appliesTo` in the catalogue) are in it.
 */
const answersApply = (pkg: Package, ids: readonly string[]) =>
  treatiesOfRequirements(ids).every((t) => inPackage(pkg, t));
/** The notifications an organization may declare outside its competence, for the treaties in the package. */
export const outsideCompetenceOffered = (pkg: Package): OutsideCompetenceId[] =>
  isState(pkg)
    ? []
    : OUTSIDE_COMPETENCE_IDS.filter((id) => {
        const treaty = requirementById(id)?.appliesTo;
        return treaty !== null && treaty !== undefined && inPackage(pkg, treaty);
      });
/**
 * UNTOC 37(2): the precondition of the first Protocol in the package (to be a party to the Convention),
 * the requirement of kind `precondition` the catalogue gives each Protocol.
 */
const conventionPrecondition = (pkg: Package): string[] => {
  const protocol = pkg.treaties.find((t) => isProtocol(t.treaty));
  return protocol ? requirementsOfKind(protocol.treaty, 'precondition') : [];
};
const isConventionPrecondition = (id: string) => requirementById(id)?.kind === 'precondition';
/** Whether the State's formal name is the United Nations' own, in one of its languages (un-names.ts). */
const isUnFormalName = (pkg: Package) =>
  pkg.party.formalName !== null && unLanguageOfFormalName(pkg.party.code, pkg.party.formalName) !== undefined;

/** The formal name's hint: the UN's formal name in the documents' language, with how sure it is. */
function unNameHint(pkg: Package, ctx: PageContext): { hint?: string } {
  const row = UN_NAMES.get(pkg.party.code);
  const name = unFormalName(pkg.party.code, pkg.documentLanguage);
  if (!row || name === undefined) return {};
  return {
    hint: ctx.t('pages.q.party.unName', {
      language: ctx.t(`languages.${pkg.documentLanguage}`),
      name,
      status: ctx.t(`legal:verification.${row.status === 'partly' ? 'partly-verified' : row.status}`),
    }),
  };
}

/** VCLT 7: full powers to sign an instrument; a later notification is not one (checklist.ts). */
export const needsFullPowers = (pkg: Package) => fullPowersFor(pkg) === 'needed';

// ---------------------------------------------------------------------------------------------------
// Sections

export interface SectionDef {
  /** Also the address of its first page (/drafts/{id}/{section id}), which the task list links to. */
  readonly id: SectionId;
  readonly applies: (pkg: Package) => boolean;
  /** Completed when every question that applies is answered (optional ones count once visited). */
  readonly complete: (pkg: Package, visited: boolean) => boolean;
  /** Anything answered in this section. */
  readonly started: (pkg: Package) => boolean;
  /**
   * Whether a package that arrives whole (an imported file, the API) answers the section, which then
   * counts as gone through; by default, `started`.
   */
  readonly answeredIn?: (pkg: Package) => boolean;
  /**
   * False for the designations and copies of laws that are due, but not at deposit (UNTOC 31(6), 6(2)(d),
   * 13(5); SOM 8(6); FP 13(2)): they never hold back check answers or the instrument.
   */
  readonly dueAtDeposit?: false;
  /** The requirements (catalogue ids) the section answers; it applies when their treaty is in the package. */
  readonly requirements?: readonly string[];
  /**
   * Why the section is not in the task list when it does not apply (pages.notApplicable.<key>): the
   * Convention's sections share one reason, keyed by the Convention's id (CONVENTION).
   */
  readonly absentBecause?:
    typeof CONVENTION | DesignationList | 'competence' | 'notification' | 'withdrawal' | 'territories';
  /**
   * A notification section: in a party's later notification each is optional (one not started is a
   * notification this draft does not make), and holds nothing back.
   */
  readonly notifies?: true;
  /** Optional: it holds check answers back only once started (a list most parties leave empty). */
  readonly optional?: true;
  /** Its title differs in a later notification (pages.sectionsNotify.<id>: "Who signs the notification"). */
  readonly retitledWhenNotifying?: true;
}

/** A territory answered in full: no legal basis left open, no 5(3) question answered alone. */
export const territoryComplete = (t: Territory) =>
  (t.extradition.conditionalOnTreaty !== true || t.extradition.conventionAsLegalBasis !== null) &&
  (t.article5.requiresOrganizedCriminalGroup === null) === (t.article5.requiresActInFurtherance === null);

const authoritiesWith = (pkg: Package, role: AuthorityRole) =>
  pkg.authorities.filter((a) => a.roles.includes(role));
const designated = (pkg: Package, role: AuthorityRole) => {
  const list = authoritiesWith(pkg, role);
  return list.length > 0 && list.every((a) => designationComplete(role, a));
};

/** What a special region or territory may answer on its own: 18(13) names it; 18(14), 16(5)(a), 5(3). */
export const TERRITORY_REQUIREMENTS: string[] = [
  CENTRAL_AUTHORITY,
  ...LANGUAGES,
  ...EXTRADITION,
  ...ARTICLE5,
];

/**
 * The sections of the designations of a kind (catalogue `designationListsAt`) other than the central
 * authority's, each made by adding authorities to its list (UNTOC 31(6), SOM 8(6), FP 13(2)): it applies
 * when the designation's treaty is in the package, and is complete when every authority holding it is,
 * or when an organization answered it outside its competence. Each is due after deposit. A section of the
 * Convention's shares the Convention's reason for being absent; a Protocol's has its own, keyed by its list.
 */
function designationSections(place: 'convention' | 'protocols'): SectionDef[] {
  return designationListsAt(place).map((list): SectionDef => {
    const role = DESIGNATION_IDS.find((id) => DESIGNATION_LISTS[id] === list)!;
    return {
      id: list,
      notifies: true,
      requirements: [role],
      applies: (p) => answersApply(p, [role]),
      complete: (p) => outside(p, role) || designated(p, role),
      started: (p) => authoritiesWith(p, role).length > 0,
      absentBecause: designationTreaty(role) === CONVENTION ? CONVENTION : list,
      dueAtDeposit: false,
    };
  });
}

export const SECTIONS: readonly SectionDef[] = [
  // The European Union needs no formal name: the instrument says "the European Union". A State's starts
  // as the UN formal name: confirmed by saving the page, or typed otherwise.
  {
    id: 'party',
    applies: () => true,
    complete: (p, v) => (isState(p) ? p.party.formalName !== null && (v || !isUnFormalName(p)) : v),
    started: (p) => p.party.formalName !== null && !isUnFormalName(p),
    answeredIn: (p) => p.party.formalName !== null,
  },
  // Complete once the treaties are chosen (each with the instrument the data points to, which the
  // instruments page may change) and every reservation made on signature is confirmed or not (VCLT
  // 23(2)): the earlier consents are optional. Unchanged pages need not be saved again to complete it.
  {
    id: 'treaties',
    retitledWhenNotifying: true,
    applies: () => true,
    complete: (p) =>
      p.treaties.length > 0 &&
      p.treaties.every((c) => c.signatureReservations.every((r) => r.confirm !== null)),
    started: () => true,
  },
  {
    id: 'signatory',
    retitledWhenNotifying: true,
    applies: () => true,
    complete: (p) =>
      p.signatory.name !== null &&
      p.signatory.title !== null &&
      (!isState(p) || p.signatory.office !== null) &&
      (!needsFullPowers(p) ||
        (p.fullPowers !== null &&
          p.fullPowers.issuer.name !== null &&
          p.fullPowers.issuer.title !== null &&
          p.fullPowers.issuer.office !== null)),
    started: (p) => p.signatory.name !== null || p.signatory.title !== null || p.signatory.office !== null,
  },
  {
    id: 'signing',
    retitledWhenNotifying: true,
    applies: () => true,
    complete: (_p, v) => v,
    started: (p) => p.signing.place !== null || p.signing.date !== null,
  },
  {
    id: 'extradition',
    notifies: true,
    requirements: EXTRADITION,
    absentBecause: CONVENTION,
    applies: (p) => answersApply(p, EXTRADITION),
    complete: (p) =>
      outside(p, ANSWER_REQUIREMENTS.extradition) ||
      p.extradition.conditionalOnTreaty === false ||
      (p.extradition.conditionalOnTreaty === true && p.extradition.conventionAsLegalBasis !== null),
    started: (p) => p.extradition.conditionalOnTreaty !== null,
  },
  {
    id: DESIGNATION_LISTS[CENTRAL_AUTHORITY],
    notifies: true,
    requirements: CENTRAL_AUTHORITIES,
    absentBecause: CONVENTION,
    applies: (p) => answersApply(p, CENTRAL_AUTHORITIES),
    // A later notification may change the central authority alone, or the languages alone (18(13), 18(14)).
    complete: (p) =>
      isNotifying(p)
        ? (authoritiesWith(p, CENTRAL_AUTHORITY).length === 0 || designated(p, CENTRAL_AUTHORITY)) &&
          (authoritiesWith(p, CENTRAL_AUTHORITY).length > 0 || p.mlaLanguages.length > 0)
        : (outside(p, CENTRAL_AUTHORITY) || designated(p, CENTRAL_AUTHORITY)) &&
          (outside(p, ANSWER_REQUIREMENTS.mlaLanguages) || p.mlaLanguages.length > 0),
    started: (p) => authoritiesWith(p, CENTRAL_AUTHORITY).length > 0 || p.mlaLanguages.length > 0,
  },
  {
    // A State's special regions or territories with their own answers to UNTOC 18(14), 16(5)(a) and 5(3)
    // (and named by their central authorities, 18(13)). Optional, and most States have none: an empty
    // list holds nothing back and is completed once seen; a territory answered in part holds it back.
    id: 'territories',
    notifies: true,
    optional: true,
    requirements: TERRITORY_REQUIREMENTS,
    absentBecause: 'territories',
    applies: (p) => answersApply(p, TERRITORY_REQUIREMENTS) && isState(p),
    complete: (p, v) => (v || p.territories.length > 0) && p.territories.every(territoryComplete),
    started: (p) => p.territories.length > 0,
  },
  ...designationSections('convention'),
  {
    id: 'article5',
    notifies: true,
    requirements: ARTICLE5,
    absentBecause: CONVENTION,
    applies: (p) => answersApply(p, ARTICLE5),
    complete: (p) =>
      outside(p, ANSWER_REQUIREMENTS.article5) ||
      (p.article5.requiresOrganizedCriminalGroup !== null && p.article5.requiresActInFurtherance !== null),
    started: (p) =>
      p.article5.requiresOrganizedCriminalGroup !== null || p.article5.requiresActInFurtherance !== null,
  },
  ...designationSections('protocols'),
  {
    id: 'law-copies',
    notifies: true,
    requirements: LAW_COPIES,
    absentBecause: CONVENTION,
    dueAtDeposit: false,
    applies: (p) => answersApply(p, LAW_COPIES),
    complete: (p) =>
      (outside(p, ANSWER_REQUIREMENTS.moneyLaundering) || p.lawCopies.moneyLaundering !== null) &&
      (outside(p, ANSWER_REQUIREMENTS.confiscation) || p.lawCopies.confiscation !== null),
    started: (p) => p.lawCopies.moneyLaundering !== null || p.lawCopies.confiscation !== null,
  },
  {
    id: 'competence',
    notifies: true,
    absentBecause: 'competence',
    applies: (p) => !isState(p),
    complete: (p) => p.treaties.every((t) => p.competence.some((c) => c.treaties.includes(t.treaty))),
    started: (p) => p.competence.length > 0 || p.outsideCompetence.length > 0,
  },
  {
    id: 'reservations',
    // Made with an instrument (VCLT 19, 23; the deposit itself), never in a later notification.
    absentBecause: 'notification',
    applies: (p) => !isNotifying(p),
    complete: (_p, v) => v,
    started: (p) => p.reservations.length > 0,
  },
  {
    id: 'declarations',
    // In a later notification, only a declaration of territorial application (VCLT 29), optional.
    notifies: true,
    retitledWhenNotifying: true,
    applies: () => true,
    complete: (_p, v) => v,
    started: (p) => p.declarations.length > 0,
  },
  {
    // A party's later notification: the dispute-clause reservations it withdraws (UNTOC 35(4), TIP 15(4),
    // SOM 20(4), FP 16(4)). Optional, as every notification it may make.
    id: 'withdrawals',
    notifies: true,
    absentBecause: 'withdrawal',
    applies: isNotifying,
    complete: (_p, v) => v,
    started: (p) => p.withdrawnReservations.length > 0,
  },
  {
    id: 'deposit',
    // Made with an instrument (VCLT 19, 23; the deposit itself), never in a later notification.
    absentBecause: 'notification',
    applies: (p) => !isNotifying(p),
    complete: (p) => p.deposit.plannedOn !== null,
    started: (p) => p.deposit.plannedOn !== null || p.deposit.place !== null,
  },
];

export const TASK_STATUSES = ['not-started', 'in-progress', 'completed', 'cannot-start'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export function sectionStatus(section: SectionDef, draft: Draft): TaskStatus {
  const visited = draft.visited.includes(section.id);
  if (section.complete(draft.package, visited)) return 'completed';
  // A later notification does not make the notifications left untouched: one visited and left empty is done.
  if (section.notifies && isNotifying(draft.package) && !section.started(draft.package))
    return visited ? 'completed' : 'not-started';
  return visited || section.started(draft.package) ? 'in-progress' : 'not-started';
}

/**
 * Whether a section must be completed before check answers: not the designations due after deposit
 * (`dueAtDeposit: false`), nor, in a party's later notification, a notification it does not make.
 */
export function holdsBack(section: SectionDef, draft: Draft): boolean {
  if (section.dueAtDeposit === false) return false;
  if (section.optional) return section.started(draft.package);
  if (section.notifies && isNotifying(draft.package)) return section.started(draft.package);
  return true;
}

/** The key of a section's title: some read differently in a later notification (retitledWhenNotifying). */
export function sectionTitleKey(id: SectionId, pkg: Pick<Package, 'purpose'>): string {
  const s = SECTIONS.find((x) => x.id === id);
  return s?.retitledWhenNotifying && isNotifying(pkg) ? `pages.sectionsNotify.${id}` : `pages.sections.${id}`;
}

/** The sections a package that arrives whole (an import, the API) has gone through. */
export function answeredSections(pkg: Package): SectionId[] {
  return SECTIONS.filter((s) => (s.answeredIn ?? s.started)(pkg)).map((s) => s.id);
}

export function applicableSections(pkg: Package): SectionDef[] {
  return SECTIONS.filter((s) => s.applies(pkg));
}

// ---------------------------------------------------------------------------------------------------
// Question pages

export interface QuestionPage {
  readonly id: string;
  readonly section: SectionId;
  readonly applies: (pkg: Package) => boolean;
  /** The requirements (catalogue ids) the page serves: their article and text are shown on demand. */
  readonly requirements: (pkg: Package) => readonly string[];
  readonly fields: (pkg: Package, ctx: PageContext) => readonly FieldDef[];
  /** Writes the answers into the package; by default each value at its field's path. */
  readonly apply?: (pkg: Package, values: ReadonlyMap<string, FieldValue>, ctx: PageContext) => unknown;
  /** The page after this one, given the saved answers; 'tasks' for the task list. */
  readonly next: (pkg: Package) => string;
  /** A fieldset page: one question whose legend is the page heading. */
  readonly single?: boolean;
  /** The key of the page's lead when it depends on the package; by default pages.q.<id>.lead. */
  readonly leadKey?: (pkg: Package) => string;
  /** The key of the page's title when it depends on the package; by default pages.q.<id>.title. */
  readonly titleKey?: (pkg: Package) => string;
  /**
   * What the fields show when the page opens, for a page whose fields are not one path each (`apply`
   * rebuilds a list from them); by default each field shows the value at its path.
   */
  readonly initial?: (pkg: Package) => Record<string, RawValue>;
  /**
   * The page's rows on check answers, for the same kind of page; by default one row per field. `saved`
   * tells whether the page's section has been saved (a blank answer then means "none").
   */
  readonly answers?: (pkg: Package, ctx: PageContext, saved: boolean) => { key: string; lines: string[] }[];
}

const opt = (value: string, label: string, hint?: string): FieldOption =>
  hint ? { value, label, hint } : { value, label };
const yesNo = (ctx: PageContext) => [
  opt('yes', ctx.t('pages.common.yes')),
  opt('no', ctx.t('pages.common.no')),
];
const L = (ctx: PageContext, page: string, name: string) => ctx.t(`pages.q.${page}.${name}.label`);
const H = (ctx: PageContext, page: string, name: string): string | undefined => {
  const v = ctx.t(`pages.q.${page}.${name}.hint`, { defaultValue: '' });
  return v === '' ? undefined : v;
};

function field(
  ctx: PageContext,
  page: string,
  def: Omit<FieldDef, 'label' | 'hint'> & { hint?: string },
): FieldDef {
  const hint = def.hint ?? H(ctx, page, def.name);
  return { ...def, label: L(ctx, page, def.name), ...(hint ? { hint } : {}) };
}

/** After a section's last page: back to the task list (the GOV.UK task list pattern). */
const toTasks = () => 'tasks';

/** What the participation data says about a treaty for this party, in words. */
export function treatyDataHint(
  pkg: Pick<Package, 'party'>,
  treaty: TreatyId,
  ctx: PageContext,
  options: { withProtocolNote?: boolean } = {},
): string {
  const record = participationOf(ctx.participation, treaty, pkg.party.code);
  const asAt = formatDate(ctx.participation[treaty].asAt, ctx.lng);
  const parts: string[] = [];
  if (record?.consent) {
    parts.push(
      ctx.t('pages.treatyData.party', {
        date: formatDate(record.consent.date, ctx.lng),
        asAt: formatDate(record.consent.asAt, ctx.lng),
      }),
    );
  } else if (record?.signature) {
    parts.push(ctx.t('pages.treatyData.signed', { date: formatDate(record.signature, ctx.lng), asAt }));
  } else {
    parts.push(ctx.t('pages.treatyData.notSigned', { asAt }));
  }
  if (isProtocol(treaty) && options.withProtocolNote !== false)
    parts.push(ctx.t('pages.treatyData.needsConvention'));
  return parts.join(' ');
}

/** The instrument the data points to: ratification after a signature, accession without one. */
export function defaultInstrument(
  party: Package['party'],
  treaty: TreatyId,
  participation: Participation,
): InstrumentType {
  return participationOf(participation, treaty, party.code)?.signature ? 'ratification' : 'accession';
}

export function treatyOptions(pkg: Pick<Package, 'party'>, ctx: PageContext): FieldOption[] {
  return TREATY_IDS.map((t) => opt(t, ctx.t(`legal:treaties.${t}.name`), treatyDataHint(pkg, t, ctx)));
}

/** The treaties chosen, in catalogue order, keeping what was already answered for the ones kept. */
export function chooseTreaties(
  pkg: Pick<Package, 'party' | 'treaties' | 'purpose'>,
  chosen: readonly string[],
  participation: Participation,
): Package['treaties'] {
  return TREATY_IDS.filter((t) => chosen.includes(t)).map(
    (t) =>
      pkg.treaties.find((c) => c.treaty === t) ?? {
        treaty: t,
        // A later notification deposits no instrument.
        instrument: isNotifying(pkg) ? null : defaultInstrument(pkg.party, t, participation),
        signedOn: null,
        signatureReservations: [],
      },
  );
}

/** A list built once per page language: the long option lists are sorted for the reader's language. */
function perLanguage<T>(make: (lng: Language) => T): (lng: Language) => T {
  const cache = new Map<Language, T>();
  return (lng) => {
    let value = cache.get(lng);
    if (value === undefined) {
      value = make(lng);
      cache.set(lng, value);
    }
    return value;
  };
}

const byLabel = (lng: Language) => {
  const collator = new Intl.Collator(lng);
  return (a: FieldOption, b: FieldOption) => collator.compare(a.label, b.label);
};

/** ISO 639-1 languages with a name in the page language (Intl.DisplayNames). */
const languageOptions = perLanguage((lng) =>
  LANGUAGE_CODES.map((code) => opt(code, languageName(code, lng)))
    .filter((o) => o.label !== o.value)
    .sort(byLabel(lng)),
);
/** Countries and territories for addresses. */
const countryOptions = perLanguage((lng) =>
  REGION_CODES.map((c) => opt(c, regionName(c, lng))).sort(byLabel(lng)),
);
/** States, for a new draft (the European Union is offered apart). */
export const stateOptions = perLanguage((lng) =>
  STATE_CODES.map((c) => opt(c, regionName(c, lng))).sort(byLabel(lng)),
);
/**
 * Every time zone, in the page language: "Asia/Kolkata, India Standard Time (UTC+05:30)", sorted by name.
 * Offsets are today's (a zone's offset changes with summer time).
 */
const timeZoneOptions = perLanguage((lng) => {
  const today = new Date().toISOString().slice(0, 10);
  return TIME_ZONES.map((zone) => {
    const readable = timeZoneName(zone, LANGUAGE_TAGS[lng], today);
    const label = zone === readable ? zone.replace(/_/g, ' ') : `${zone.replace(/_/g, ' ')}, ${readable}`;
    return { ...opt(zone, label), offset: utcOffset(zone, today) };
  });
});

/** The time-zone options with those of `country` first (an authority's address, or the party). */
function timeZoneOptionsFor(country: string | null, ctx: PageContext): FieldOption[] {
  const own = country ? timeZonesOf(country) : [];
  const all = timeZoneOptions(ctx.lng);
  const label = (o: (typeof all)[number], group: string) => ({
    value: o.value,
    label: ctx.t('pages.q.authority.timeZone.option', { name: o.label, offset: o.offset }),
    group,
  });
  const countryGroup = country
    ? ctx.t('pages.q.authority.timeZone.countryGroup', { country: regionName(country, ctx.lng) })
    : '';
  const otherGroup = ctx.t('pages.q.authority.timeZone.otherGroup');
  return [
    ...own.flatMap((zone) => all.filter((o) => o.value === zone).map((o) => label(o, countryGroup))),
    ...all.filter((o) => !own.includes(o.value)).map((o) => label(o, otherGroup)),
  ];
}

export { UN_LANGUAGE_CODES };
/** How many "other language" menus the languages page offers. */
export const OTHER_LANGUAGE_SLOTS = 3;

export const PAGES: readonly QuestionPage[] = [
  {
    id: 'party',
    section: 'party',
    applies: () => true,
    requirements: () => packageRequirementsChecked('party-name'),
    fields: (p, ctx) => [
      field(ctx, 'party', {
        name: 'formalName',
        kind: 'text',
        path: ['party', 'formalName'],
        width: 'two-thirds',
        ...unNameHint(p, ctx),
      }),
      field(ctx, 'party', {
        name: 'documentLanguage',
        kind: 'radios',
        path: ['documentLanguage'],
        options: DOCUMENT_LANGUAGES.map((l) => opt(l, ctx.t('languageName', { lng: l }))),
        required: ctx.t('pages.q.party.documentLanguage.required'),
      }),
    ],
    next: toTasks,
  },
  {
    id: 'treaties',
    section: 'treaties',
    applies: () => true,
    requirements: (p) => conventionPrecondition(p),
    single: true,
    fields: (p, ctx) => [
      {
        ...field(ctx, 'treaties', {
          name: 'treaties',
          kind: 'checkboxes',
          path: ['treaties'],
          options: treatyOptions(p, ctx),
          required: ctx.t('pages.q.treaties.treaties.required'),
        }),
        // A later notification concerns treaties the party has joined.
        ...(isNotifying(p)
          ? {
              label: ctx.t('pages.q.treaties.treatiesNotify.label'),
              hint: ctx.t('pages.q.treaties.treatiesNotify.hint'),
            }
          : {}),
      },
    ],
    apply: (p, values, ctx) => ({
      ...p,
      treaties: chooseTreaties(p, (values.get('treaties') as string[] | null) ?? [], ctx.participation),
    }),
    initial: (p) => ({ treaties: p.treaties.map((t) => t.treaty) }),
    answers: (p, ctx) => [
      {
        key: ctx.t(`pages.q.treaties.${isNotifying(p) ? 'treatiesNotify' : 'treaties'}.label`),
        lines: p.treaties.map((t) => ctx.t(`legal:treaties.${t.treaty}.name`)),
      },
    ],
    next: (p) => (isNotifying(p) ? 'prior-consents' : 'instruments'),
  },
  {
    // A later notification deposits no instrument.
    id: 'instruments',
    section: 'treaties',
    applies: (p) => !isNotifying(p),
    requirements: () => [],
    fields: (p, ctx) =>
      p.treaties.map((choice, i) => ({
        name: `instrument-${choice.treaty}`,
        kind: 'radios',
        path: ['treaties', i, 'instrument'],
        label: ctx.t('pages.q.instruments.instrument.label', {
          treaty: ctx.t(`legal:treaties.${choice.treaty}.name`),
        }),
        hint: treatyDataHint(p, choice.treaty, ctx),
        // Signature closed on 12 December 2002: a party that never signed joins by accession only
        // (LEGAL.md §7), so ratification, acceptance and approval are not offered to it.
        options: INSTRUMENT_TYPES.filter(
          (type) =>
            type === 'accession' ||
            participationOf(ctx.participation, choice.treaty, p.party.code)?.signature,
        ).map((type) => opt(type, ctx.t(`pages.q.instruments.types.${type}`))),
        required: ctx.t('pages.q.instruments.instrument.required', {
          treaty: ctx.t(`legal:treaties.${choice.treaty}.name`),
        }),
      })),
    next: (p) =>
      signedChoices(p).length > 0
        ? 'signature-reservations'
        : priorConsentsApply(p)
          ? 'prior-consents'
          : 'tasks',
  },
  {
    // VCLT 23(2): a reservation formulated on signature of a treaty subject to ratification, acceptance or
    // approval must be formally confirmed in the instrument, or it lapses. One per treaty here; further
    // ones from an imported draft are kept as they are.
    id: 'signature-reservations',
    section: 'treaties',
    applies: (p) => signedChoices(p).length > 0,
    requirements: (p) => [requirementChecked(signedChoices(p)[0]!.choice.treaty, 'signature-reservations')!],
    fields: (p, ctx) =>
      signedChoices(p).flatMap(({ choice, index }) => {
        const treaty = ctx.t(`legal:treaties.${choice.treaty}.name`);
        return [
          {
            name: `sigres-${choice.treaty}-text`,
            kind: 'textarea' as const,
            path: ['treaties', index, 'signatureReservations', 0, 'text'],
            label: ctx.t('pages.q.signature-reservations.text.label', { treaty }),
            hint: ctx.t('pages.q.signature-reservations.text.hint'),
            schema: LongTextSchema,
          },
          {
            name: `sigres-${choice.treaty}-confirm`,
            kind: 'yesno' as const,
            path: ['treaties', index, 'signatureReservations', 0, 'confirm'],
            label: ctx.t('pages.q.signature-reservations.confirm.label', { treaty }),
            hint: ctx.t('pages.q.signature-reservations.confirm.hint'),
            options: yesNo(ctx),
          },
        ];
      }),
    apply: (p, values) => ({
      ...p,
      treaties: p.treaties.map((choice) => {
        if (choice.instrument === 'accession') return choice;
        const text = values.get(`sigres-${choice.treaty}-text`);
        const confirm = values.get(`sigres-${choice.treaty}-confirm`);
        const rest = choice.signatureReservations.slice(1);
        return {
          ...choice,
          signatureReservations:
            typeof text === 'string'
              ? [{ text, confirm: typeof confirm === 'boolean' ? confirm : null }, ...rest]
              : rest,
        };
      }),
    }),
    next: (p) => (priorConsentsApply(p) ? 'prior-consents' : 'tasks'),
  },
  {
    // UNTOC 37(2): a Protocol needs the party to be a party to the Convention. The participation data
    // stops in 2014 (2021 for the Smuggling Protocol), so a consent deposited later is recorded here.
    id: 'prior-consents',
    section: 'treaties',
    applies: priorConsentsApply,
    // In a later notification: when the party joined each treaty the notifications concern.
    titleKey: (p) => `pages.q.prior-consents.${isNotifying(p) ? 'titleNotify' : 'title'}`,
    leadKey: (p) => `pages.q.prior-consents.${isNotifying(p) ? 'leadNotify' : 'lead'}`,
    requirements: (p) => conventionPrecondition(p),
    fields: (p, ctx) =>
      priorConsentsAsked(p, ctx.participation).flatMap((treaty) => {
        const name = ctx.t(`legal:treaties.${treaty}.name`);
        // Not one path each: the list is rebuilt from the answers (apply), and the date checked on its own.
        return [
          {
            name: `prior-${treaty}-date`,
            kind: 'date' as const,
            path: ['priorConsents'],
            label: ctx.t('pages.q.prior-consents.date.label', { treaty: name }),
            hint: treatyDataHint(p, treaty, ctx, { withProtocolNote: false }),
            schema: IsoDateSchema,
          },
          {
            name: `prior-${treaty}-type`,
            kind: 'radios' as const,
            path: ['priorConsents'],
            label: ctx.t('pages.q.prior-consents.type.label', { treaty: name }),
            options: CONSENT_TYPES.map((type) =>
              opt(type, ctx.t(`legal:participation.consentTypes.${type}`)),
            ),
          },
        ];
      }),
    apply: (p, values) => ({
      ...p,
      priorConsents: [
        // Earlier consents for treaties in the package, or that the page does not ask for (from an
        // imported draft), are kept as they are.
        ...p.priorConsents.filter(
          (c) => !consentTreaties(p).includes(c.treaty) || !values.has(`prior-${c.treaty}-date`),
        ),
        ...consentTreaties(p).flatMap((treaty) => {
          if (!values.has(`prior-${treaty}-date`)) return [];
          const date = values.get(`prior-${treaty}-date`);
          const type = values.get(`prior-${treaty}-type`);
          return typeof date === 'string'
            ? [{ treaty, depositedOn: date, type: typeof type === 'string' ? type : null }]
            : [];
        }),
      ],
    }),
    initial: (p) =>
      Object.fromEntries(
        consentTreaties(p).flatMap((treaty) => {
          const consent = p.priorConsents.find((c) => c.treaty === treaty);
          const date: FieldDef = { name: '', kind: 'date', path: [], label: '' };
          return [
            [`prior-${treaty}-date`, rawFromValue(date, consent?.depositedOn ?? null)],
            [`prior-${treaty}-type`, consent?.type ?? ''],
          ];
        }),
      ),
    // What the checklist relies on (domain/facts.ts earlierConsent): the consent recorded here, else the
    // one the participation data records; "none recorded" only when neither knows one.
    answers: (p, ctx, saved) =>
      consentTreaties(p)
        .filter((t) => isNotifying(p) || t === CONVENTION || p.priorConsents.some((c) => c.treaty === t))
        .map((treaty) => {
          const consent = p.priorConsents.find((c) => c.treaty === treaty);
          const type = consent?.type ? ` (${ctx.t(`legal:participation.consentTypes.${consent.type}`)})` : '';
          const perData = participationOf(ctx.participation, treaty, p.party.code)?.consent ?? null;
          return {
            key: ctx.t('pages.q.prior-consents.date.label', {
              treaty: ctx.t(`legal:treaties.${treaty}.name`),
            }),
            lines: [
              consent
                ? `${formatDate(consent.depositedOn, ctx.lng)}${type}`
                : perData
                  ? ctx.t('pages.q.prior-consents.perData', {
                      date: formatDate(perData.date, ctx.lng),
                      type: ctx.t(`legal:participation.consentTypes.${perData.type ?? 'unknown'}`),
                      asAt: formatDate(perData.asAt, ctx.lng),
                    })
                  : ctx.t(saved ? 'pages.q.prior-consents.none' : 'pages.common.notAnswered'),
            ],
          };
        }),
    next: toTasks,
  },
  {
    id: 'signatory',
    section: 'signatory',
    applies: () => true,
    titleKey: (p) => `pages.q.signatory.${isNotifying(p) ? 'titleNotify' : 'title'}`,
    leadKey: (p) => `pages.q.signatory.${isNotifying(p) ? 'leadNotify' : 'lead'}`,
    requirements: (p) => (isState(p) ? packageRequirementsChecked('signatory', 'full-powers') : []),
    fields: (p, ctx) => [
      field(ctx, 'signatory', {
        name: 'name',
        kind: 'text',
        path: ['signatory', 'name'],
        width: 'two-thirds',
        autocomplete: 'name',
      }),
      field(ctx, 'signatory', {
        name: 'signerTitle',
        kind: 'text',
        path: ['signatory', 'title'],
        width: 'full',
      }),
      ...(isState(p)
        ? [
            field(ctx, 'signatory', {
              name: 'office',
              kind: 'radios',
              path: ['signatory', 'office'],
              // No full powers for a later notification: "another office" says nothing of them there.
              options: OFFICES.map((o) =>
                opt(
                  o,
                  ctx.t(`pages.q.signatory.offices.${o === 'other' && isNotifying(p) ? 'otherNotify' : o}`),
                ),
              ),
            }),
          ]
        : []),
    ],
    next: (p) => (needsFullPowers(p) ? 'full-powers' : 'tasks'),
  },
  {
    id: 'full-powers',
    section: 'signatory',
    applies: needsFullPowers,
    requirements: () => packageRequirementsChecked('full-powers', 'signatory'),
    fields: (_p, ctx) => [
      field(ctx, 'full-powers', {
        name: 'issuerName',
        kind: 'text',
        path: ['fullPowers', 'issuer', 'name'],
        width: 'two-thirds',
      }),
      field(ctx, 'full-powers', {
        name: 'issuerTitle',
        kind: 'text',
        path: ['fullPowers', 'issuer', 'title'],
        width: 'full',
      }),
      field(ctx, 'full-powers', {
        name: 'issuerOffice',
        kind: 'radios',
        path: ['fullPowers', 'issuer', 'office'],
        options: FULL_POWERS_OFFICES.map((o) => opt(o, ctx.t(`pages.q.signatory.offices.${o}`))),
      }),
      field(ctx, 'full-powers', {
        name: 'place',
        kind: 'text',
        path: ['fullPowers', 'place'],
        width: 'half',
        blank: ctx.t('pages.blank.byHand'),
      }),
      field(ctx, 'full-powers', {
        name: 'date',
        kind: 'date',
        path: ['fullPowers', 'date'],
        blank: ctx.t('pages.blank.byHand'),
      }),
    ],
    next: toTasks,
  },
  {
    id: 'signing',
    section: 'signing',
    applies: () => true,
    // A later notification is dated with its signature: the date its 8(6) month is measured against.
    titleKey: (p) => `pages.q.signing.${isNotifying(p) ? 'titleNotify' : 'title'}`,
    leadKey: (p) => `pages.q.signing.${isNotifying(p) ? 'leadNotify' : 'lead'}`,
    requirements: () => packageRequirementsChecked('signing-place-date'),
    fields: (_p, ctx) => [
      field(ctx, 'signing', {
        name: 'place',
        kind: 'text',
        path: ['signing', 'place'],
        width: 'half',
        blank: ctx.t('pages.blank.byHand'),
      }),
      field(ctx, 'signing', {
        name: 'date',
        kind: 'date',
        path: ['signing', 'date'],
        blank: ctx.t('pages.blank.byHand'),
      }),
    ],
    next: toTasks,
  },
  {
    id: 'extradition',
    section: 'extradition',
    applies: (p) => answersApply(p, EXTRADITION),
    requirements: () => EXTRADITION,
    single: true,
    fields: (_p, ctx) => [
      field(ctx, 'extradition', {
        name: 'conditionalOnTreaty',
        kind: 'yesno',
        path: ['extradition', 'conditionalOnTreaty'],
        options: yesNo(ctx),
      }),
    ],
    next: (p) => (p.extradition.conditionalOnTreaty === true ? 'extradition-legal-basis' : 'tasks'),
  },
  {
    id: 'extradition-legal-basis',
    section: 'extradition',
    applies: (p) => answersApply(p, EXTRADITION) && p.extradition.conditionalOnTreaty === true,
    requirements: () => EXTRADITION,
    single: true,
    fields: (_p, ctx) => [
      field(ctx, 'extradition-legal-basis', {
        name: 'conventionAsLegalBasis',
        kind: 'yesno',
        path: ['extradition', 'conventionAsLegalBasis'],
        options: yesNo(ctx),
      }),
    ],
    next: toTasks,
  },
  {
    id: 'languages',
    section: 'central-authorities',
    applies: (p) => answersApply(p, LANGUAGES),
    requirements: () => LANGUAGES,
    fields: (_p, ctx) => {
      const all = languageOptions(ctx.lng);
      return [
        field(ctx, 'languages', {
          name: 'un',
          kind: 'checkboxes',
          path: ['mlaLanguages'],
          options: UN_LANGUAGE_CODES.map((c) => ({ ...opt(c, languageName(c, ctx.lng)) })),
        }),
        ...Array.from({ length: OTHER_LANGUAGE_SLOTS }, (_, i) => ({
          name: `other${i + 1}`,
          kind: 'select' as const,
          path: ['mlaLanguages'],
          label: ctx.t('pages.q.languages.other.label', { n: i + 1 }),
          options: all,
        })),
      ];
    },
    apply: (p, values) => {
      const un = (values.get('un') as string[] | null) ?? [];
      const others = Array.from({ length: OTHER_LANGUAGE_SLOTS }, (_, i) =>
        values.get(`other${i + 1}`),
      ).filter((v): v is string => typeof v === 'string');
      return { ...p, mlaLanguages: [...new Set([...un, ...others])] };
    },
    initial: (p) => {
      const isUn = (l: string) => (UN_LANGUAGE_CODES as readonly string[]).includes(l);
      const others = p.mlaLanguages.filter((l) => !isUn(l));
      return {
        un: p.mlaLanguages.filter(isUn),
        ...Object.fromEntries(
          Array.from({ length: OTHER_LANGUAGE_SLOTS }, (_, i) => [`other${i + 1}`, others[i] ?? '']),
        ),
      };
    },
    // Shown with the central authorities, where the languages belong (18(14)).
    answers: () => [],
    next: () => 'central-authorities',
  },
  {
    id: 'article5',
    section: 'article5',
    applies: (p) => answersApply(p, ARTICLE5),
    requirements: () => ARTICLE5,
    leadKey: (p) => (isState(p) ? 'pages.q.article5.lead' : 'pages.q.article5.leadOrganization'),
    // An organization has no "domestic law": it is asked about its own legal order.
    fields: (p, ctx) =>
      (['requiresOrganizedCriminalGroup', 'requiresActInFurtherance'] as const).map((name) => {
        const def = field(ctx, 'article5', {
          name,
          kind: 'yesno',
          path: ['article5', name],
          options: yesNo(ctx),
        });
        return isState(p) ? def : { ...def, label: ctx.t(`pages.q.article5.${name}.labelOrganization`) };
      }),
    next: toTasks,
  },
  {
    id: 'law-copies',
    section: 'law-copies',
    applies: (p) => answersApply(p, LAW_COPIES),
    requirements: () => LAW_COPIES,
    fields: (_p, ctx) =>
      (['moneyLaundering', 'confiscation'] as const).map((name) =>
        field(ctx, 'law-copies', {
          name,
          kind: 'radios',
          path: ['lawCopies', name],
          options: LAW_COPY_PLANS.map((plan) => opt(plan, ctx.t(`pages.q.law-copies.plans.${plan}`))),
        }),
      ),
    next: toTasks,
  },
  {
    id: 'competence',
    section: 'competence',
    applies: (p) => !isState(p),
    // The Convention's declarations of competence (UNTOC 36(3), 36(4)), when it is in the package.
    requirements: (p) => (answersApply(p, CONVENTION_COMPETENCE) ? CONVENTION_COMPETENCE : []),
    fields: (p, ctx) =>
      p.treaties.map((choice) => ({
        name: `competence-${choice.treaty}`,
        kind: 'textarea' as const,
        path: ['competence'],
        label: ctx.t('pages.q.competence.text.label', {
          treaty: ctx.t(`legal:treaties.${choice.treaty}.name`),
        }),
        hint: ctx.t('pages.q.competence.text.hint'),
        schema: LongTextSchema,
      })),
    apply: (p, values) => ({
      ...p,
      competence: p.treaties.flatMap((choice) => {
        const v = values.get(`competence-${choice.treaty}`);
        return typeof v === 'string' ? [{ treaties: [choice.treaty], text: v }] : [];
      }),
    }),
    initial: (p) =>
      Object.fromEntries(
        p.treaties.map((c) => [
          `competence-${c.treaty}`,
          p.competence.find((x) => x.treaties.includes(c.treaty))?.text ?? '',
        ]),
      ),
    answers: (p, ctx) =>
      p.treaties.map((c) => {
        const text = p.competence.find((x) => x.treaties.includes(c.treaty))?.text;
        return {
          key: ctx.t('pages.q.competence.text.label', { treaty: ctx.t(`legal:treaties.${c.treaty}.name`) }),
          lines: text ? text.split('\n') : [ctx.t('pages.common.notAnswered')],
        };
      }),
    next: (p) => (outsideCompetenceOffered(p).length > 0 ? 'outside-competence' : 'tasks'),
  },
  // UNTOC 2(j): an organization is a party "within the limits of [its] competence". One page lists each
  // notification a State makes, for the treaties in the package; those ticked are answered "outside the
  // organization's competence" (checklist: not applicable; notifications: a sentence saying so).
  {
    id: 'outside-competence',
    section: 'competence',
    applies: (p) => outsideCompetenceOffered(p).length > 0,
    requirements: (p) => outsideCompetenceOffered(p),
    single: true,
    fields: (p, ctx) => [
      field(ctx, 'outside-competence', {
        name: 'outsideCompetence',
        kind: 'checkboxes',
        path: ['outsideCompetence'],
        blank: ctx.t('pages.blank.allWithinCompetence'),
        options: outsideCompetenceOffered(p).map((id) => {
          const req = requirementById(id)!;
          return opt(
            id,
            ctx.t('pages.q.outside-competence.option', {
              requirement: ctx.t(`legal:requirements.${id}.label`),
              citation: formatCitation(req.citation, ctx),
            }),
          );
        }),
      }),
    ],
    next: toTasks,
  },
  {
    id: 'reservations',
    section: 'reservations',
    applies: () => true,
    requirements: (p) => p.treaties.map((t) => disputeReservationId(t.treaty)),
    fields: (p, ctx) => [
      field(ctx, 'reservations', {
        name: 'reservations',
        kind: 'checkboxes',
        path: ['reservations'],
        blank: ctx.t('pages.blank.noReservation'),
        options: p.treaties.map((t) =>
          opt(
            disputeReservationId(t.treaty),
            ctx.t('pages.q.reservations.option', { treaty: ctx.t(`legal:treaties.${t.treaty}.name`) }),
          ),
        ),
      }),
      // The party's explanation of each reservation, printed after it in the instrument; refused by the
      // schema for a treaty whose reservation is not ticked.
      ...p.treaties.map(({ treaty }, i): FieldDef => ({
        name: `explanation-${treaty}`,
        kind: 'textarea',
        path: ['reservationExplanations', treaty],
        label: ctx.t('pages.q.reservations.explanation.label', {
          treaty: ctx.t(`legal:treaties.${treaty}.name`),
        }),
        hint: ctx.t('pages.q.reservations.explanation.hint'),
        ...(i === 0 ? { groupHeading: ctx.t('pages.q.reservations.explanation.heading') } : {}),
        blank: ctx.t('pages.blank.noExplanation'),
      })),
    ],
    // Explanations are kept for a treaty the page does not show (an imported draft's); a blank one is none.
    apply: (p, values) => {
      const explanations: Partial<Record<TreatyId, string>> = { ...p.reservationExplanations };
      for (const { treaty } of p.treaties) {
        const value = values.get(`explanation-${treaty}`);
        if (typeof value === 'string') explanations[treaty] = value;
        else delete explanations[treaty];
      }
      return {
        ...p,
        reservations: (values.get('reservations') as string[] | null) ?? [],
        reservationExplanations: explanations,
      };
    },
    next: toTasks,
  },
  {
    id: 'withdrawals',
    section: 'withdrawals',
    applies: isNotifying,
    requirements: (p) =>
      p.treaties.flatMap((t) =>
        REQUIREMENTS.filter((r) => r.kind === 'withdrawal' && r.appliesTo === t.treaty).map((r) => r.id),
      ),
    single: true,
    fields: (p, ctx) => [
      field(ctx, 'withdrawals', {
        name: 'withdrawnReservations',
        kind: 'checkboxes',
        path: ['withdrawnReservations'],
        blank: ctx.t('pages.blank.noWithdrawal'),
        options: p.treaties.map((t) =>
          opt(
            disputeReservationId(t.treaty),
            ctx.t('pages.q.withdrawals.option', {
              treaty: ctx.t(`legal:treaties.${t.treaty}.name`),
              article: formatCitation(
                { instrument: t.treaty, article: `${TREATIES[t.treaty].disputeArticle}(3)` },
                ctx,
              ),
            }),
          ),
        ),
      }),
    ],
    next: toTasks,
  },
  {
    id: 'deposit',
    section: 'deposit',
    applies: () => true,
    requirements: () => [],
    fields: (_p, ctx) => [
      field(ctx, 'deposit', { name: 'plannedOn', kind: 'date', path: ['deposit', 'plannedOn'] }),
      field(ctx, 'deposit', {
        name: 'place',
        kind: 'text',
        path: ['deposit', 'place'],
        width: 'half',
        blank: ctx.t('pages.blank.headquarters'),
      }),
      field(ctx, 'deposit', {
        name: 'noteBy',
        kind: 'radios',
        path: ['deposit', 'noteBy'],
        options: NOTE_SENDERS.map((v) => opt(v, ctx.t(`pages.q.deposit.noteBy.options.${v}`))),
      }),
    ],
    next: toTasks,
  },
];

export function pageById(id: string): QuestionPage | undefined {
  return PAGES.find((p) => p.id === id);
}

// ---------------------------------------------------------------------------------------------------
// Authorities (a repeating list per designation) and declarations (a repeating list)

export type AuthorityList = (typeof DESIGNATION_LISTS)[AuthorityRole];
/** The list pages: one per designation (catalogue DESIGNATION_LISTS), each the start of its section. */
export const AUTHORITY_LISTS = Object.fromEntries(
  DESIGNATION_IDS.map((role) => [DESIGNATION_LISTS[role], role]),
) as Readonly<Record<AuthorityList, AuthorityRole>>;
export const AUTHORITY_LIST_IDS = DESIGNATION_IDS.map((role) => DESIGNATION_LISTS[role]);

export function listForRole(role: AuthorityRole): AuthorityList {
  return AUTHORITY_LIST_IDS.find((l) => AUTHORITY_LISTS[l] === role)!;
}

/**
 * The list pages (GOV.UK "add another"): each shows the entries of a collection that belong to it, each
 * entry with change and remove, and an add button (lists.ts reads these). A new list is a new entry here.
 */
export interface ListPageDef {
  /** Its address (/drafts/{id}/{id}); also the section it opens. */
  readonly id: AuthorityList | 'declarations' | 'territories';
  readonly section: SectionId;
  readonly collection: 'authorities' | 'declarations' | 'territories';
  /** Which of the collection's entries it shows: the authorities holding this designation; null: all. */
  readonly role: AuthorityRole | null;
  /** The requirements the page cites (their treaty text shown on demand). */
  readonly requirements: (pkg: Package) => readonly string[];
  /** Shown under the entries: the 18(14) languages, with the central authorities. */
  readonly extra: 'languages' | null;
  /**
   * How the list is left: a link back to the task list, or a form whose button marks the section as gone
   * through (an empty list is then an answer: "no declaration").
   */
  readonly finish: 'link' | 'form';
  /** Where its texts are (title, lead, add, addAnother, empty; done for a form). */
  readonly texts: string;
}

export const LIST_PAGES: readonly ListPageDef[] = [
  ...AUTHORITY_LIST_IDS.map((id): ListPageDef => ({
    id,
    section: id,
    collection: 'authorities',
    role: AUTHORITY_LISTS[id],
    // The central authority's list also asks for the 18(14) languages.
    requirements: () =>
      AUTHORITY_LISTS[id] === CENTRAL_AUTHORITY ? CENTRAL_AUTHORITIES : [AUTHORITY_LISTS[id]],
    extra: AUTHORITY_LISTS[id] === CENTRAL_AUTHORITY ? 'languages' : null,
    finish: 'link',
    texts: `pages.lists.${id}`,
  })),
  {
    id: 'declarations',
    section: 'declarations',
    collection: 'declarations',
    role: null,
    requirements: (pkg) => declarationRequirements(pkg),
    extra: null,
    finish: 'form',
    texts: 'pages.declarations',
  },
  {
    id: 'territories',
    section: 'territories',
    collection: 'territories',
    role: null,
    requirements: () => TERRITORY_REQUIREMENTS,
    extra: null,
    finish: 'form',
    texts: 'pages.territories',
  },
];

/** A territory's three-way answers: its own yes or no, or the State's. */
const SAME = 'same';
const ownAnswer = (v: FieldValue | undefined): boolean | null =>
  v === 'yes' ? true : v === 'no' ? false : null;
const rawAnswer = (v: boolean | null): string => (v === null ? SAME : v ? 'yes' : 'no');
const TERRITORY_ANSWERS = [
  ['conditionalOnTreaty', 'extradition'],
  ['conventionAsLegalBasis', 'extradition'],
  ['requiresOrganizedCriminalGroup', 'article5'],
  ['requiresActInFurtherance', 'article5'],
] as const;

/**
 * A territory's form; `base` is its path in the package (['territories', n]). Its languages are asked
 * with the languages page's widget (the six official languages, then other languages one by one); each
 * answer may be left as the State's.
 */
export function territoryFields(
  _pkg: Package,
  base: readonly (string | number)[],
  ctx: PageContext,
): FieldDef[] {
  const f = (def: Omit<FieldDef, 'label' | 'hint' | 'path'> & { path: readonly (string | number)[] }) =>
    field(ctx, 'territory', { ...def, path: [...base, ...def.path] });
  const threeWay = [
    opt(SAME, ctx.t('pages.q.territory.same')),
    opt('yes', ctx.t('pages.common.yes')),
    opt('no', ctx.t('pages.common.no')),
  ];
  return [
    f({
      name: 'name',
      kind: 'text',
      path: ['name'],
      width: 'two-thirds',
      required: ctx.t('pages.q.territory.name.required'),
    }),
    f({
      name: 'un',
      kind: 'checkboxes',
      path: ['mlaLanguages'],
      groupHeading: ctx.t('pages.q.territory.groups.languages'),
      options: UN_LANGUAGE_CODES.map((c) => opt(c, languageName(c, ctx.lng))),
    }),
    ...Array.from({ length: OTHER_LANGUAGE_SLOTS }, (_, i) => ({
      name: `other${i + 1}`,
      kind: 'select' as const,
      path: [...base, 'mlaLanguages'],
      label: ctx.t('pages.q.languages.other.label', { n: i + 1 }),
      options: languageOptions(ctx.lng),
    })),
    ...TERRITORY_ANSWERS.map(([name, group], i) =>
      f({
        name,
        kind: 'radios',
        path: [group, name],
        options: threeWay,
        ...(i % 2 === 0 ? { groupHeading: ctx.t(`pages.q.territory.groups.${group}`) } : {}),
      }),
    ),
  ];
}

/** The territory's answers as its form shows them when it opens. */
export function territoryInitial(t: Omit<Territory, 'id'>): Record<string, RawValue> {
  const isUn = (l: string) => (UN_LANGUAGE_CODES as readonly string[]).includes(l);
  const others = t.mlaLanguages.filter((l) => !isUn(l));
  return {
    name: t.name,
    un: t.mlaLanguages.filter(isUn),
    ...Object.fromEntries(
      Array.from({ length: OTHER_LANGUAGE_SLOTS }, (_, i) => [`other${i + 1}`, others[i] ?? '']),
    ),
    ...Object.fromEntries(
      TERRITORY_ANSWERS.map(([name, group]) => [
        name,
        rawAnswer((t[group] as Record<string, boolean | null>)[name] ?? null),
      ]),
    ),
  };
}

/**
 * The territory at `index` with the form's answers written in ("same as the State": null, none); the
 * central authorities that named it by its old name name it by the new one.
 */
export function writeTerritory(
  pkg: Package,
  index: number,
  values: ReadonlyMap<string, FieldValue>,
): Package {
  const current = pkg.territories[index]!;
  const un = (values.get('un') as string[] | null) ?? [];
  const others = Array.from({ length: OTHER_LANGUAGE_SLOTS }, (_, i) => values.get(`other${i + 1}`)).filter(
    (v): v is string => typeof v === 'string',
  );
  const name = values.get('name');
  const next: Territory = {
    ...current,
    name: typeof name === 'string' ? name : '',
    mlaLanguages: [...new Set([...un, ...others])] as Territory['mlaLanguages'],
    extradition: {
      conditionalOnTreaty: ownAnswer(values.get('conditionalOnTreaty')),
      conventionAsLegalBasis: ownAnswer(values.get('conventionAsLegalBasis')),
    },
    article5: {
      requiresOrganizedCriminalGroup: ownAnswer(values.get('requiresOrganizedCriminalGroup')),
      requiresActInFurtherance: ownAnswer(values.get('requiresActInFurtherance')),
    },
  };
  // A central authority serving the territory (18(13)) follows it when it is renamed.
  const renamed = current.name !== '' && current.name !== next.name;
  return {
    ...pkg,
    territories: pkg.territories.map((t, i) => (i === index ? next : t)),
    authorities: renamed
      ? pkg.authorities.map((a) => (a.territory === current.name ? { ...a, territory: next.name } : a))
      : pkg.authorities,
  };
}

export function applicableRoles(pkg: Package): AuthorityRole[] {
  const treaties = new Set(pkg.treaties.map((t) => t.treaty));
  return AUTHORITY_ROLES.filter((r) => roleApplies(r, treaties));
}

/** The authority form's fields; `base` is the authority's path in the package (['authorities', n]). */
export function authorityFields(
  pkg: Package,
  base: readonly (string | number)[],
  ctx: PageContext,
): FieldDef[] {
  const f = (def: Omit<FieldDef, 'label' | 'hint' | 'path'> & { path: readonly (string | number)[] }) =>
    field(ctx, 'authority', { ...def, path: [...base, ...def.path] });
  const roles = applicableRoles(pkg);
  const fields: FieldDef[] = [
    f({
      name: 'roles',
      kind: 'checkboxes',
      path: ['roles'],
      options: roles.map((r) => opt(r, ctx.t(`pages.roles.${r}`))),
      required: ctx.t('pages.q.authority.roles.required'),
    }),
    f({
      name: 'name',
      kind: 'text',
      path: ['name'],
      groupHeading: ctx.t('pages.q.authority.groups.who'),
      width: 'full',
      required: ctx.t('pages.q.authority.name.required'),
      autocomplete: 'organization',
    }),
    f({ name: 'unit', kind: 'text', path: ['unit'], width: 'full' }),
    f({
      name: 'officerTitle',
      kind: 'text',
      path: ['officerTitle'],
      width: 'two-thirds',
      autocomplete: 'organization-title',
    }),
    f({
      name: 'addressLines',
      groupHeading: ctx.t('pages.q.authority.groups.address'),
      kind: 'list',
      separator: 'lines',
      path: ['address', 'lines'],
      autocomplete: 'street-address',
    }),
    f({
      name: 'city',
      kind: 'text',
      path: ['address', 'city'],
      width: 'half',
      autocomplete: 'address-level2',
    }),
    f({
      name: 'postcode',
      kind: 'text',
      path: ['address', 'postcode'],
      width: 'short',
      autocomplete: 'postal-code',
    }),
    f({
      name: 'country',
      kind: 'select',
      path: ['address', 'country'],
      options: countryOptions(ctx.lng),
    }),
    f({
      name: 'phone',
      groupHeading: ctx.t('pages.q.authority.groups.contact'),
      kind: 'list',
      separator: 'commas',
      path: ['phone'],
      width: 'two-thirds',
      autocomplete: 'tel',
    }),
    f({ name: 'fax', kind: 'list', separator: 'commas', path: ['fax'], width: 'two-thirds' }),
    f({
      name: 'email',
      kind: 'list',
      separator: 'commas',
      path: ['email'],
      width: 'two-thirds',
      autocomplete: 'email',
    }),
    f({ name: 'website', kind: 'text', path: ['website'], width: 'two-thirds', autocomplete: 'url' }),
    f({ name: 'officeHours', kind: 'text', path: ['officeHours'], width: 'two-thirds' }),
    f({
      name: 'timeZone',
      kind: 'select',
      path: ['timeZone'],
      options: timeZoneOptionsFor(
        (getIn(pkg, [...base, 'address', 'country']) as string | null | undefined) ?? pkg.party.code,
        ctx,
      ),
    }),
  ];
  if (roles.includes(CENTRAL_AUTHORITY)) {
    // The State's special regions or territories, when it lists them: the authority serves the whole
    // State or one of them (a name typed before the list existed, or sent through the API, stays offered).
    const current = getIn(pkg, [...base, 'territory']);
    const named = [
      ...pkg.territories.map((t) => t.name),
      ...(typeof current === 'string' && !pkg.territories.some((t) => t.name === current) ? [current] : []),
    ];
    fields.push(
      named.length > 0
        ? {
            ...f({
              name: 'territory',
              groupHeading: ctx.t('pages.q.authority.groups.central'),
              kind: 'radios',
              path: ['territory'],
              options: [
                opt('', ctx.t('pages.q.authority.territoryWholeState')),
                ...named.map((n) => opt(n, n)),
              ],
            }),
            hint: ctx.t('pages.q.authority.territoryFromList.hint'),
          }
        : f({
            name: 'territory',
            groupHeading: ctx.t('pages.q.authority.groups.central'),
            kind: 'text',
            path: ['territory'],
            width: 'two-thirds',
          }),
      f({ name: 'diplomaticOnly', kind: 'yesno', path: ['channels', 'diplomaticOnly'], options: yesNo(ctx) }),
      f({
        name: 'interpolForUrgent',
        kind: 'yesno',
        path: ['channels', 'interpolForUrgent'],
        options: yesNo(ctx),
      }),
      f({ name: 'oralForUrgent', kind: 'yesno', path: ['channels', 'oralForUrgent'], options: yesNo(ctx) }),
    );
  }
  if (roles.some((r) => DESIGNATIONS[r].dated))
    fields.push(
      f({
        name: 'designatedOn',
        groupHeading: ctx.t('pages.q.authority.groups.maritime'),
        kind: 'date',
        path: ['designatedOn'],
      }),
    );
  return fields;
}

export function declarationFields(
  pkg: Package,
  base: readonly (string | number)[],
  ctx: PageContext,
): FieldDef[] {
  return [
    field(ctx, 'declaration', {
      name: 'treaties',
      kind: 'checkboxes',
      path: [...base, 'treaties'],
      options: pkg.treaties.map((t) => opt(t.treaty, ctx.t(`legal:treaties.${t.treaty}.name`))),
      required: ctx.t('pages.q.declaration.treaties.required'),
    }),
    field(ctx, 'declaration', {
      name: 'kind',
      kind: 'radios',
      path: [...base, 'kind'],
      // A later notification extends a treaty to a territory; it makes no other declaration (VCLT 19, 23).
      options: DECLARATION_KINDS.filter((k) => !isNotifying(pkg) || k === 'territorial').map((k) =>
        opt(k, ctx.t(`pages.q.declaration.kinds.${k}`), H(ctx, 'declaration', `kinds-${k}`)),
      ),
      required: ctx.t('pages.q.declaration.kind.required'),
    }),
    field(ctx, 'declaration', {
      name: 'text',
      kind: 'textarea',
      path: [...base, 'text'],
      required: ctx.t('pages.q.declaration.text.required'),
      // It appears in the notification, not in an instrument.
      ...(isNotifying(pkg) ? { hint: ctx.t('pages.q.declaration.text.hintNotify') } : {}),
    }),
  ];
}

/**
 * The requirements the declarations page cites: territorial application, what a reservation is, and the
 * test and objections a reservation other than to the dispute clause meets (VCLT 19, 20(5)).
 */
export function declarationRequirements(pkg: Package): string[] {
  const first = pkg.treaties[0]?.treaty ?? CONVENTION;
  const territorial = requirementChecked(first, 'territorial-declaration')!;
  // A later notification makes a declaration of territorial application only (VCLT 29).
  if (isNotifying(pkg)) return [territorial];
  return [
    territorial,
    requirementChecked(first, 'other-declarations')!,
    requirementChecked(first, 'free-text-reservations')!,
  ];
}

/**
 * The page that answers a path in the package (a checklist item's or a rule issue's), as an address
 * relative to the draft: "party", "authorities/k3Jq0aZx"; "" is the task list.
 */
export function pageForPath(p: readonly PathSegment[], requirementId: string | null, pkg: Package): string {
  const [head, second, third] = p;
  switch (head) {
    case 'party':
      return 'party';
    case 'documentLanguage':
      return 'party';
    case 'treaties':
      if (third === 'signatureReservations') return 'signature-reservations';
      // UNTOC 37(2): a Protocol without the Convention is fixed by adding it, or by recording an earlier consent.
      if (
        (third === 'treaty' || (requirementId !== null && isConventionPrecondition(requirementId))) &&
        priorConsentsApply(pkg)
      )
        return 'prior-consents';
      return third === 'instrument' || typeof second === 'number' ? 'instruments' : 'treaties';
    case 'priorConsents':
      return priorConsentsApply(pkg) ? 'prior-consents' : 'treaties';
    case 'signatory':
      return 'signatory';
    case 'fullPowers':
      return 'full-powers';
    case 'signing':
      return 'signing';
    case 'extradition':
      return second === 'conventionAsLegalBasis' && pkg.extradition.conditionalOnTreaty === true
        ? 'extradition-legal-basis'
        : 'extradition';
    case 'article5':
      return 'article5';
    case 'mlaLanguages':
      return 'languages';
    case 'lawCopies':
      return 'law-copies';
    case 'competence':
      return 'competence';
    case 'outsideCompetence':
      return 'outside-competence';
    case 'reservations':
    case 'reservationExplanations':
      return 'reservations';
    case 'withdrawnReservations':
      return 'withdrawals';
    case 'declarations':
      return 'declarations';
    case 'territories': {
      const entry = typeof second === 'number' ? pkg.territories[second] : undefined;
      return entry ? `territories/${entry.id}` : 'territories';
    }
    case 'deposit':
      return 'deposit';
    case 'authorities': {
      const entry = typeof second === 'number' ? pkg.authorities[second] : undefined;
      if (entry) return `authorities/${entry.id}`;
      const role = (AUTHORITY_ROLES as readonly string[]).find((x) => x === requirementId) as
        AuthorityRole | undefined;
      return `${role ? listForRole(role) : 'central-authorities'}`;
    }
    default:
      return '';
  }
}
