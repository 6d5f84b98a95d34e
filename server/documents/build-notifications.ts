/**
 * The notifications document: one numbered paragraph per notification that applies to the package,
 * citing its article, with each authority laid out as a directory entry. Order: the Convention's
 * notifications due at deposit (18(13), 18(14), 16(5)(a), 5(3)), then those with no deadline (31(6)),
 * copies of laws (6(2)(d), 13(5)), then the Protocols' (SOM 8(6), FP 13(2)).
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
import { disputeReservationId, TREATIES, type TreatyId } from '../catalogue';
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
          treaty === 'untoc'
            ? t('documents:notifications.ofTheConvention')
            : t('documents:notifications.ofTheProtocol', { title: treatyTitle(ctx, treaty) }),
        ...params,
      }),
    );
  const entries = (role: AuthorityRole, list: { authority: Authority }[]) =>
    list.forEach(({ authority }) => blocks.push(directoryEntry(ctx, authority, { role })));
  /**
   * The designations not due at deposit (31(6), SOM 8(6), FP 13(2)): each one named, with a marker in a
   * draft for what it lacks. None is left out silently: one named but incomplete is missing from the
   * checklist, so final documents wait for it (or for the designation to be taken off the authority).
   */
  const notifiable = (role: AuthorityRole) => authoritiesFor(pkg, role);
  /** UNTOC 2(j): the sentence in place of a notification outside the organization's competence. */
  const outside = (treaty: TreatyId, article: string, id: string): boolean => {
    if (!facts.outsideCompetence.has(id)) return false;
    // A later notification carries only what it notifies: the matters outside the organization's
    // competence were said with its instrument, and a change is a modification of its competence.
    if (!later) inAccordance(treaty, article, 'documents:notifications.outsideCompetence');
    return true;
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

  if (facts.inPackage.has('untoc')) {
    // 18(13): the central authority for the whole State, then one per special region or territory.
    const isOutside = outside('untoc', '18(13)', 'untoc-18-13');
    const central = isOutside ? [] : authoritiesFor(pkg, 'untoc-18-13');
    const forState = central.filter(({ authority }) => authority.territory === null);
    if (isOutside || (later && forState.length === 0)) {
      // said by outside(); or, in a later notification, not part of it
    } else if (forState.length === 0) {
      inAccordance('untoc', '18(13)', partyKey(ctx, 'documents:notifications.centralAuthority'));
      blocks.push({ type: 'paragraph', style: 'normal', content: [ctx.marker('centralAuthority')] });
    } else {
      inAccordance('untoc', '18(13)', partyKey(ctx, 'documents:notifications.centralAuthority'));
      entries('untoc-18-13', forState.slice(0, 1));
    }
    for (const item of central.filter(({ authority }) => authority.territory !== null)) {
      inAccordance('untoc', '18(13)', partyKey(ctx, 'documents:notifications.centralAuthorityTerritory'), {
        territory: item.authority.territory!,
      });
      entries('untoc-18-13', [item]);
    }

    // 18(14): languages.
    const languages = pkg.mlaLanguages.map((c) => languageName(c, ctx.lng));
    if (later && languages.length === 0) {
      // not part of this later notification
    } else if (!outside('untoc', '18(14)', 'untoc-18-14'))
      inAccordance('untoc', '18(14)', partyKey(ctx, 'documents:notifications.languages'), {
        languages: languages.length > 0 ? formatList(languages, ctx.lng) : ctx.marker('languages'),
      });
    // Then each special region or territory with languages of its own, in the order of the list. (A
    // territory is a State's: the schema refuses one for an organization, so these keys have no
    // organization form.)
    for (const territory of pkg.territories)
      if (territory.mlaLanguages.length > 0)
        inAccordance('untoc', '18(14)', 'documents:notifications.territoryLanguages', {
          territory: territory.name,
          languages: formatList(
            territory.mlaLanguages.map((c) => languageName(c, ctx.lng)),
            ctx.lng,
          ),
        });

    // 16(5)(a): only for States that make extradition conditional on a treaty.
    const { conditionalOnTreaty, conventionAsLegalBasis } = pkg.extradition;
    if (outside('untoc', '16(5)(a)', 'untoc-16-5-a') || (later && conditionalOnTreaty === null)) {
      // said by outside(); or, in a later notification, not part of it
    } else if (conditionalOnTreaty === null) {
      numbered([ctx.marker('extraditionConditional')]);
    } else if (conditionalOnTreaty) {
      inAccordance(
        'untoc',
        '16(5)(a)',
        conventionAsLegalBasis === null
          ? partyKey(ctx, 'documents:notifications.extraditionUnknown')
          : partyKey(ctx, `documents:notifications.extradition.${conventionAsLegalBasis ? 'yes' : 'no'}`),
        conventionAsLegalBasis === null ? { decision: ctx.marker('legalBasis') } : {},
      );
    }
    // A territory whose own extradition is conditional on a treaty answers 16(5)(a) for itself; one
    // whose extradition is not conditional has nothing to notify.
    for (const territory of pkg.territories) {
      const own = territory.extradition;
      if (own.conditionalOnTreaty !== true) continue;
      inAccordance(
        'untoc',
        '16(5)(a)',
        own.conventionAsLegalBasis === null
          ? 'documents:notifications.territoryExtraditionUnknown'
          : `documents:notifications.territoryExtradition.${own.conventionAsLegalBasis ? 'yes' : 'no'}`,
        {
          territory: territory.name,
          ...(own.conventionAsLegalBasis === null ? { decision: ctx.marker('legalBasis') } : {}),
        },
      );
    }

    // 5(3): only when domestic law requires an organized criminal group or an act in furtherance.
    const { requiresOrganizedCriminalGroup: group, requiresActInFurtherance: act } = pkg.article5;
    // An organization has no "domestic law": its notification speaks of its legal order.
    const own = facts.isOrganization ? 'Organization' : '';
    if (outside('untoc', '5(3)', 'untoc-5-3') || (later && group === null && act === null)) {
      // said by outside(); or, in a later notification, not part of it
    } else if (group === null || act === null) {
      numbered([ctx.marker(`article5${own}`)]);
    } else if (group || act) {
      const what = [
        group && t('documents:notifications.article5Group'),
        act && t('documents:notifications.article5Act'),
      ].filter((x): x is string => typeof x === 'string');
      inAccordance('untoc', '5(3)', `documents:notifications.article5${own}`, {
        what: formatList(what, ctx.lng),
      });
    }
    // A territory with its own law on the offence of article 5(1)(a)(i): a paragraph when that law
    // requires either; a marker in a draft for a territory answered in part.
    for (const territory of pkg.territories) {
      const { requiresOrganizedCriminalGroup: g, requiresActInFurtherance: a } = territory.article5;
      if (g === null && a === null) continue;
      if (g === null || a === null) {
        numbered([ctx.marker('territoryArticle5', { territory: territory.name })]);
        continue;
      }
      if (!g && !a) continue;
      const what = [
        g && t('documents:notifications.article5Group'),
        a && t('documents:notifications.article5Act'),
      ].filter((x): x is string => typeof x === 'string');
      inAccordance('untoc', '5(3)', 'documents:notifications.territoryArticle5', {
        territory: territory.name,
        what: formatList(what, ctx.lng),
      });
    }

    // 31(6): no deadline; included once supplied.
    const prevention = outside('untoc', '31(6)', 'untoc-31-6') ? [] : notifiable('untoc-31-6');
    if (prevention.length > 0) {
      inAccordance('untoc', '31(6)', partyKey(ctx, 'documents:notifications.prevention'));
      entries('untoc-31-6', prevention);
    }

    if (outside('untoc', '6(2)(d)', 'untoc-6-2-d')) {
      // said by outside()
    } else if (pkg.lawCopies.moneyLaundering === 'enclosed')
      inAccordance('untoc', '6(2)(d)', partyKey(ctx, 'documents:notifications.lawsMoneyLaundering'));
    if (outside('untoc', '13(5)', 'untoc-13-5')) {
      // said by outside()
    } else if (pkg.lawCopies.confiscation === 'enclosed')
      inAccordance('untoc', '13(5)', partyKey(ctx, 'documents:notifications.lawsConfiscation'));
  }

  if (facts.inPackage.has('som')) {
    const maritime = outside('som', '8(6)', 'som-8-6') ? [] : notifiable('som-8-6');
    if (maritime.length > 0) {
      inAccordance('som', '8(6)', partyKey(ctx, 'documents:notifications.maritime'));
      entries('som-8-6', maritime);
    }
  }
  if (facts.inPackage.has('fp')) {
    const contact = outside('fp', '13(2)', 'fp-13-2') ? [] : notifiable('fp-13-2');
    if (contact.length > 0) {
      inAccordance('fp', '13(2)', partyKey(ctx, 'documents:notifications.firearms'));
      entries('fp-13-2', contact);
    }
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
