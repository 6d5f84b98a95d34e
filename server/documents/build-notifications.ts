/**
 * The notifications document: one numbered paragraph per notification that applies to the package,
 * citing its article, with each authority laid out as a directory entry. Which requirements print a
 * paragraph, its text and its place are catalogue data (a requirement's `paragraph`,
 * catalogue/requirements.ts): the Convention's notifications due at deposit (18(13), 18(14), 16(5)(a),
 * 5(3)), then those with no deadline (31(6)), copies of laws (6(2)(d), 13(5)), then the Protocols' (SOM
 * 8(6), FP 13(2)). How a paragraph is laid out is the shape its requirement's `check` names (SHAPES
 * below), the name that also picks its checklist evaluator.
 *
 * Conditions follow the law: 16(5)(a) only when extradition is conditional on a treaty; 5(3) only when
 * domestic law requires an organized criminal group or an act in furtherance; a further central
 * authority only for a named special region or territory (18(13)). A special region or territory with
 * its own answer to 18(14), 16(5)(a) or 5(3) gets its own paragraph after the State's ("With respect to
 * ..."), in the order of the package's list; one whose answer is the State's gets none.
 *
 * A regional economic integration organization is bound "within the limits of [its] competence" (UNTOC
 * 2(j)). A notification it answers as outside its competence is not owed by it, so no notification is
 * made; but it gets a sentence saying the matter falls outside its competence, as its declaration of
 * competence sets out, in place of the notification. Silence could not be told from an omitted mandatory
 * notification (18(13) and 18(14) are due at deposit), and the Secretary-General circulates what is
 * notified: the sentence tells the other parties where the matter stands. The sentence is the project's
 * wording, not a model of the Treaty Section.
 */
import {
  CONVENTION,
  disputeReservationId,
  isDesignationId,
  NOTIFICATION_PARAGRAPHS,
  TREATIES,
  type CheckId,
  type DesignationId,
  type ParagraphRequirement,
  type TreatyId,
} from '../catalogue';
import { authoritiesFor } from '../domain/facts';
import type { Assessment } from '../domain/validate';
import type { Authority, AuthorityRole } from '../domain/package';
import { formatDate, formatList, languageName } from '../i18n/format';
import { articleInProse } from '../i18n/grammar';
import {
  createContext,
  dateOrBlank,
  finishModel,
  genderOf,
  partyKey,
  partyParams,
  placeOrBlank,
  signatureBlock,
  treatyTitle,
  type DocumentContext,
} from './context';
import { directoryEntry } from './directory-entry';
import { sentence, text } from './inline';
import type { Block, DocumentModel, Inline } from './model';

/** What a shape writes with: the document being built and its helpers. */
interface Writer {
  readonly ctx: DocumentContext;
  /** Appends a block (an unnumbered paragraph). */
  push(block: Block): void;
  /** Appends a numbered paragraph. */
  numbered(content: Inline[]): void;
  /** A numbered paragraph "in accordance with" the requirement's article of its treaty. */
  inAccordance(req: ParagraphRequirement, key: string, params?: Parameters<typeof sentence>[2]): void;
  /** The directory entries of authorities under a designation. */
  entries(role: AuthorityRole, list: readonly { authority: Authority }[]): void;
  /**
   * The party's own answer left blank: a marker in a draft of the notifications made with an instrument;
   * a later notification carries only what it notifies, so there it is not part of it.
   */
  unanswered(print: () => void): void;
}

/**
 * How a requirement's paragraph is laid out. `outside`: the organization answers it as outside its
 * competence, and the sentence in its place is already written.
 */
type Shape = (req: ParagraphRequirement, w: Writer, outside: boolean) => void;

const key = (name: string) => `documents:notifications.${name}`;

/** The territory variant of a requirement's paragraph (catalogue data, for the shapes that have one). */
function territoryKey(req: ParagraphRequirement): string {
  const name = req.paragraph.territoryKey;
  if (name === undefined) throw new Error(`${req.id} has no paragraph for a special region or territory`);
  return key(name);
}

/** The designation a requirement answers: its id is the authorities' role. */
function roleOf(req: ParagraphRequirement): DesignationId {
  if (!isDesignationId(req.id)) throw new Error(`${req.id} prints authorities but is no designation`);
  return req.id;
}

/**
 * A designation with one authority for the whole State, then one per special region or territory with a
 * distinct authority (UNTOC 18(13)). Due at deposit: a draft marks one not named.
 */
const centralAuthority: Shape = (req, w, outside) => {
  const { ctx } = w;
  const role = roleOf(req);
  const found = outside ? [] : authoritiesFor(ctx.assessment.pkg, role);
  const forState = found.filter(({ authority }) => authority.territory === null);
  const paragraph = () => w.inAccordance(req, partyKey(ctx, key(req.paragraph.key)));
  if (outside) {
    // said in its place
  } else if (forState.length === 0) {
    w.unanswered(() => {
      paragraph();
      w.push({ type: 'paragraph', style: 'normal', content: [ctx.marker('centralAuthority')] });
    });
  } else {
    paragraph();
    w.entries(role, forState.slice(0, 1));
  }
  for (const item of found.filter(({ authority }) => authority.territory !== null)) {
    w.inAccordance(req, partyKey(ctx, territoryKey(req)), { territory: item.authority.territory! });
    w.entries(role, [item]);
  }
};

/**
 * The designations not due at deposit (31(6), SOM 8(6), FP 13(2)): printed once named, each authority's
 * entry with a marker in a draft for what it lacks. None is left out silently: one named but incomplete
 * is missing from the checklist, so final documents wait for it (or for the designation to be taken off
 * the authority).
 */
const authorities: Shape = (req, w, outside) => {
  const role = roleOf(req);
  const found = outside ? [] : authoritiesFor(w.ctx.assessment.pkg, role);
  if (found.length === 0) return;
  w.inAccordance(req, partyKey(w.ctx, key(req.paragraph.key)));
  w.entries(role, found);
};

/** UNTOC 18(14): the languages, then each special region or territory with languages of its own. */
const languages: Shape = (req, w, outside) => {
  const { ctx } = w;
  const { pkg } = ctx.assessment;
  const names = pkg.mlaLanguages.map((c) => languageName(c, ctx.lng));
  const paragraph = () =>
    w.inAccordance(req, partyKey(ctx, key(req.paragraph.key)), {
      languages: names.length > 0 ? formatList(names, ctx.lng) : ctx.marker('languages'),
    });
  if (!outside) {
    if (names.length === 0) w.unanswered(paragraph);
    else paragraph();
  }
  // In the order of the list. (A territory is a State's: the schema refuses one for an organization, so
  // these keys have no organization form.)
  for (const territory of pkg.territories)
    if (territory.mlaLanguages.length > 0)
      w.inAccordance(req, territoryKey(req), {
        territory: territory.name,
        languages: formatList(
          territory.mlaLanguages.map((c) => languageName(c, ctx.lng)),
          ctx.lng,
        ),
      });
};

/**
 * UNTOC 16(5)(a): only for a party that makes extradition conditional on a treaty, saying whether it
 * takes the Convention as the legal basis (`<key>.yes`, `<key>.no`; `<key>Unknown` with a marker while
 * unanswered). A territory whose own extradition is conditional on a treaty answers for itself; one whose
 * extradition is not conditional has nothing to notify.
 */
const extradition: Shape = (req, w, outside) => {
  const { ctx } = w;
  const { pkg } = ctx.assessment;
  const basis = (name: string, legalBasis: boolean | null) =>
    legalBasis === null ? `${name}Unknown` : `${name}.${legalBasis ? 'yes' : 'no'}`;
  const decision = (legalBasis: boolean | null): Record<string, Inline> =>
    legalBasis === null ? { decision: ctx.marker('legalBasis') } : {};
  const { conditionalOnTreaty, conventionAsLegalBasis } = pkg.extradition;
  if (outside) {
    // said in its place
  } else if (conditionalOnTreaty === null) {
    w.unanswered(() => w.numbered([ctx.marker('extraditionConditional')]));
  } else if (conditionalOnTreaty) {
    w.inAccordance(
      req,
      partyKey(ctx, basis(key(req.paragraph.key), conventionAsLegalBasis)),
      decision(conventionAsLegalBasis),
    );
  }
  for (const territory of pkg.territories) {
    const own = territory.extradition;
    if (own.conditionalOnTreaty !== true) continue;
    w.inAccordance(req, basis(territoryKey(req), own.conventionAsLegalBasis), {
      territory: territory.name,
      ...decision(own.conventionAsLegalBasis),
    });
  }
};

/**
 * UNTOC 5(3): only when the law requires an organized criminal group or an act in furtherance (the list
 * of what it requires: `<key>Group`, `<key>Act`). An organization has no "domestic law": its paragraph
 * speaks of its legal order (`<key>Organization`). Then a territory with its own law on the offence of
 * article 5(1)(a)(i): a paragraph when that law requires either; a marker in a draft for a territory
 * answered in part.
 */
const article5: Shape = (req, w, outside) => {
  const { ctx } = w;
  const { pkg, facts } = ctx.assessment;
  const name = key(req.paragraph.key);
  const what = (group: boolean, act: boolean) =>
    formatList(
      [group && ctx.t(`${name}Group`), act && ctx.t(`${name}Act`)].filter(
        (x): x is string => typeof x === 'string',
      ),
      ctx.lng,
    );
  const { requiresOrganizedCriminalGroup: group, requiresActInFurtherance: act } = pkg.article5;
  const own = facts.isOrganization ? 'Organization' : '';
  const marker = () => w.numbered([ctx.marker(`article5${own}`)]);
  if (outside) {
    // said in its place
  } else if (group === null && act === null) {
    w.unanswered(marker);
  } else if (group === null || act === null) {
    marker();
  } else if (group || act) {
    w.inAccordance(req, `${name}${own}`, { what: what(group, act) });
  }
  for (const territory of pkg.territories) {
    const { requiresOrganizedCriminalGroup: g, requiresActInFurtherance: a } = territory.article5;
    if (g === null && a === null) continue;
    if (g === null || a === null) {
      w.numbered([ctx.marker('territoryArticle5', { territory: territory.name })]);
      continue;
    }
    if (!g && !a) continue;
    w.inAccordance(req, territoryKey(req), { territory: territory.name, what: what(g, a) });
  }
};

/** Copies of laws (UNTOC 6(2)(d), 13(5)): a paragraph when they are enclosed. */
const lawCopies =
  (field: 'moneyLaundering' | 'confiscation'): Shape =>
  (req, w, outside) => {
    if (!outside && w.ctx.assessment.pkg.lawCopies[field] === 'enclosed')
      w.inAccordance(req, partyKey(w.ctx, key(req.paragraph.key)));
  };

/** The shape of each requirement that prints a paragraph, by its `check` (as the checklist's evaluators). */
const SHAPES: Partial<Record<CheckId, Shape>> = {
  'central-authority': centralAuthority,
  'mla-languages': languages,
  extradition,
  'article-5': article5,
  'prevention-authority': authorities,
  'maritime-authority': authorities,
  'firearms-contact': authorities,
  'law-copies-money-laundering': lawCopies('moneyLaundering'),
  'law-copies-confiscation': lawCopies('confiscation'),
};

/** Whether the notifications document has a layout for a requirement's paragraph (for the tests). */
export function hasParagraphShape(check: CheckId): boolean {
  return SHAPES[check] !== undefined;
}

/**
 * Whether an assessment's notifications are a letter to send (something is notified), recorded when they
 * are built: the note verbale encloses them only then, and need not build them again to know.
 */
const IS_LETTER = new WeakMap<Assessment, boolean>();
export function notificationsAreLetter(ctx: DocumentContext): boolean {
  if (!IS_LETTER.has(ctx.assessment))
    buildNotifications(createContext(ctx.assessment, ctx.tr, 'draft', ctx.today));
  return IS_LETTER.get(ctx.assessment)!;
}

export function buildNotifications(ctx: DocumentContext): DocumentModel {
  const { pkg, facts } = ctx.assessment;
  const t = ctx.t;
  const { party, ofParty } = partyParams(ctx);
  const blocks: Block[] = [{ type: 'title', text: t('documents:notifications.title') }];
  // The introduction is chosen once the paragraphs are known: "makes the notifications below" only
  // when there are some (replaced below otherwise).
  const introAt = blocks.length;
  // A later notification (no instrument) is made by a party: it names the treaties it concerns and when
  // the party's instrument was deposited, where the data or the user records it.
  const later = facts.isLaterNotification;
  const introParams = { party, ofParty };
  blocks.push({
    type: 'paragraph',
    style: 'recital',
    content: sentence(t, `documents:notifications.${later ? 'laterIntro' : 'intro'}`, introParams),
  });
  blocks.push({
    type: 'list',
    items: facts.treaties.map((f) => [
      text(
        later
          ? f.earlierConsent
            ? t('documents:notifications.partyLine', {
                title: treatyTitle(ctx, f.treaty),
                date: formatDate(f.earlierConsent.date, ctx.lng),
              })
            : t('documents:notifications.partyLineUndated', { title: treatyTitle(ctx, f.treaty) })
          : t('documents:notifications.treatyLine', {
              title: treatyTitle(ctx, f.treaty),
              type: t(`documents:instrument.typeOf.${f.choice.instrument}`),
            }),
      ),
    ]),
  });

  let number = 0;
  const numbered = (content: Inline[]) =>
    blocks.push({ type: 'paragraph', style: 'recital', content, number: ++number });
  const inAccordance = (
    treaty: TreatyId,
    article: string,
    key: string,
    params: Parameters<typeof sentence>[2] = {},
  ) =>
    numbered(
      sentence(t, key, {
        party,
        ofParty,
        article: articleInProse(article, t, ctx.lng),
        instrument:
          treaty === CONVENTION
            ? t('documents:notifications.ofTheConvention')
            : t('documents:notifications.ofTheProtocol', { title: treatyTitle(ctx, treaty) }),
        ...params,
      }),
    );
  const writer: Writer = {
    ctx,
    push: (block) => blocks.push(block),
    numbered,
    inAccordance: (req, key, params) => inAccordance(req.appliesTo, req.citation.article, key, params),
    entries: (role, list) =>
      list.forEach(({ authority }) => blocks.push(directoryEntry(ctx, authority, { role }))),
    unanswered: (print) => {
      if (!later) print();
    },
  };

  // An organization's later notification of a modification in the extent of its competence (UNTOC 36(3)
  // and its Protocols' equivalents), per treaty as the checklist counts it made: its text follows.
  if (later)
    for (const item of ctx.assessment.checklist.items) {
      const treaty = item.requirement.appliesTo;
      if (item.requirement.check !== 'competence' || item.status !== 'provided' || !treaty) continue;
      const entry = pkg.competence.find((c) => c.treaties.includes(treaty));
      if (!entry) continue;
      inAccordance(
        treaty,
        item.requirement.citation.article,
        'documents:notifications.competenceModification',
      );
      blocks.push({ type: 'paragraph', style: 'normal', content: [text(entry.text)] });
    }

  // Each requirement's paragraph, in the catalogue's order for the document, for the treaties joined.
  for (const req of NOTIFICATION_PARAGRAPHS) {
    if (!facts.inPackage.has(req.appliesTo)) continue;
    const shape = SHAPES[req.check];
    if (!shape) throw new Error(`No layout for the notification paragraph of ${req.id} (${req.check})`);
    // UNTOC 2(j): the sentence in place of a notification outside the organization's competence. A later
    // notification carries only what it notifies: the matters outside the organization's competence were
    // said with its instrument, and a change is a modification of its competence.
    const outside = facts.outsideCompetence.has(req.id);
    if (outside && !later)
      inAccordance(req.appliesTo, req.citation.article, 'documents:notifications.outsideCompetence');
    shape(req, writer, outside);
  }

  // UNTOC 35(4), TIP 15(4), SOM 20(4), FP 16(4): a dispute-clause reservation withdrawn "by notification
  // to the Secretary-General" (the schema allows it in a later notification only).
  for (const f of facts.treaties) {
    if (!(pkg.withdrawnReservations as readonly string[]).includes(disputeReservationId(f.treaty))) continue;
    inAccordance(
      f.treaty,
      `${TREATIES[f.treaty].disputeArticle}(4)`,
      partyKey(ctx, 'documents:notifications.withdrawal'),
    );
  }
  // VCLT 29: a later notification can extend a treaty to a territory, under that treaty's title (the
  // schema allows no other declaration in one; an instrument carries its own, build-instrument.ts).
  if (later)
    for (const f of facts.treaties)
      for (const d of pkg.declarations.filter(
        (x) => x.kind === 'territorial' && x.treaties.includes(f.treaty),
      )) {
        numbered(
          sentence(
            t,
            partyKey(ctx, 'documents:notifications.territorial'),
            { party, ofParty, title: treatyTitle(ctx, f.treaty) },
            { context: genderOf(ctx, f.treaty) },
          ),
        );
        blocks.push({ type: 'paragraph', style: 'quote', content: [text(d.text)] });
      }
  IS_LETTER.set(ctx.assessment, number > 0);
  if (number === 0) {
    // Nothing to notify: a note for the file, not a letter. No "makes the notifications below", no
    // place, date or signature for a text nobody would send.
    blocks[introAt] = {
      type: 'paragraph',
      style: 'recital',
      content: sentence(t, `documents:notifications.${later ? 'laterNoneIntro' : 'noneIntro'}`, introParams),
    };
    blocks.push({
      type: 'paragraph',
      style: 'normal',
      content: [text(t(`documents:notifications.${later ? 'laterNone' : 'none'}`))],
    });
    blocks.push({
      type: 'paragraph',
      style: 'normal',
      // A later notification has nothing "due later" to point to: it is empty until something is entered.
      content: [text(t(`documents:notifications.${later ? 'nothingToSignLater' : 'nothingToSign'}`))],
    });
    return finishModel(
      ctx,
      'notifications',
      { title: t('documents:notifications.title'), subject: t('documents:notifications.subject') },
      blocks,
    );
  }

  blocks.push({
    type: 'paragraph',
    style: 'recital',
    content: sentence(t, 'documents:notifications.done', {
      place: placeOrBlank(ctx, pkg.signing.place),
      date: dateOrBlank(ctx, pkg.signing.date),
    }),
  });
  blocks.push(signatureBlock(ctx, pkg.signatory, 'signatory'));
  return finishModel(
    ctx,
    'notifications',
    { title: t('documents:notifications.title'), subject: t('documents:notifications.subject') },
    blocks,
  );
}
