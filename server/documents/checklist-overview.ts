/**
 * The checklist at a glance, for the legal adviser: the overview that opens the checklist (a matrix of
 * every requirement against every treaty of the draft, then what is due at deposit, what is due later and
 * what does not apply), the timeline (deposit, entry into force per treaty, later deadlines), and the
 * grouping of the details, so that a requirement the Protocols share in the same words is described once.
 *
 * A "row" is one requirement across the treaties: the items of one check (and, for the competence
 * declarations, one route), e.g. the dispute-clause reservation of UNTOC 35(3), TIP 15(3) and SOM 20(3).
 */
import type { TFunction } from 'i18next';
import type { TreatyId } from '../catalogue';
import type { ChecklistItem, Due, Status } from '../domain/checklist';
import type { Citation } from '../domain/issues';
import { formatDate } from '../i18n/format';
import { profileOf, type Language } from '../i18n';
import { translate } from '../i18n/messages';
import type { DocumentContext } from './context';
import { text } from './inline';
import type { Block, Inline, TimelineEvent } from './model';

/** The page a missing item is fixed on, when the checklist is shown on the site; null elsewhere. */
export type FixHref = (item: ChecklistItem) => string | null;

export interface Row {
  /** The check, and the route for a competence declaration: the key of its short label. */
  readonly key: string;
  readonly items: readonly ChecklistItem[];
}

const O = (name: string) => `documents:checklist.overview.${name}`;

function rowKey(item: ChecklistItem): string {
  const req = item.requirement;
  return req.route ? `${req.check}-${req.route}` : req.check;
}

/** The checklist's items as rows, in the order each first appears (package-wide first, then by treaty). */
export function rowsOf(items: readonly ChecklistItem[]): Row[] {
  const rows = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    const key = rowKey(item);
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  return [...rows].map(([key, rowItems]) => ({ key, items: rowItems }));
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Whether a citation is left out of the overview: a party's later notification's own elements (its
 * party's name, its place and date) follow no Handbook model instrument, so the Handbook is not cited
 * for them (as the details head them by their label alone); an instrument keeps the citation.
 */
const uncited = (ctx: DocumentContext, citation: Citation) =>
  citation.instrument === 'handbook' && ctx.assessment.facts.isLaterNotification;

/**
 * A citation in a few characters, for the overview: "UNTOC 18(13)", "VCLT 23(2)", « CTO 18(13) »; the
 * article as the treaties number it, the instrument abbreviated (the details give it in full). Null for
 * a citation the overview leaves out (uncited).
 */
function compactCitation(ctx: DocumentContext, citation: Citation): string | null {
  if (uncited(ctx, citation)) return null;
  let byLanguage = COMPACT_CITATIONS.get(ctx.t);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    COMPACT_CITATIONS.set(ctx.t, byLanguage);
  }
  let written = byLanguage.get(ctx.lng);
  if (written === undefined) {
    written = new WeakMap();
    byLanguage.set(ctx.lng, written);
  }
  let value = written.get(citation);
  if (value === undefined) {
    value = writeCompactCitation(ctx, citation);
    written.set(citation, value);
  }
  return value;
}

/**
 * The compact citations already written, per translation function and language: the catalogue's
 * citations are the same objects from start to end, and the overview writes each several times.
 */
const COMPACT_CITATIONS = new WeakMap<TFunction, Map<Language, WeakMap<Citation, string>>>();

function writeCompactCitation(ctx: DocumentContext, citation: Citation): string {
  const instrument = ctx.t(O(`short.${citation.instrument}`));
  return citation.instrument === 'handbook'
    ? instrument
    : ctx.t(O('articleCell'), { instrument, article: article(ctx, citation.article) });
}

/**
 * An article number as the treaties write it, "7(2)(a)", held left to right in a right-to-left document
 * by a LEFT-TO-RIGHT MARK at each end (UAX #9): without them, Arabic text around it turns it into "(a)(2)7".
 */
function article(ctx: DocumentContext, value: string): string {
  return profileOf(ctx.lng).direction === 'rtl' ? `\u200e${value}\u200e` : value;
}

/**
 * The row's article: the citation when all its items share it; else, in the matrix, each treaty's
 * article in column order ("35(3) / 15(3) / 20(3)"), and in a line each citation ("UNTOC 35(3), TIP 15(3)").
 * Empty when none of its items is cited (a later notification's own elements).
 */
function rowArticle(ctx: DocumentContext, row: Row, inLine = false): string {
  const cited = row.items.filter((i) => !uncited(ctx, i.requirement.citation));
  const citations = unique(cited.map((i) => compactCitation(ctx, i.requirement.citation) ?? ''));
  if (citations.length <= 1 || inLine) return citations.join(', ');
  return cited.map((i) => article(ctx, i.requirement.citation.article)).join(' / ');
}

function rowLabel(ctx: DocumentContext, row: Row): string {
  return ctx.t(O(`rows.${row.key}`));
}

/** The due date in a few words: "15 January 2027", "by 4 February 2027", "No deadline". */
function shortDue(ctx: DocumentContext, due: Due): string {
  switch (due.kind) {
    case 'at-deposit':
      // The date is the deposit's, in the heading of the list "Due at deposit".
      return ctx.t(O('dueAtDeposit'));
    case 'with-notification':
      return ctx.t(O('dueWithNotification'));
    case 'within-one-month-of-designation':
      return due.date
        ? ctx.t(O('dueBy'), { date: formatDate(due.date, ctx.lng) })
        : ctx.t('legal:timings.within-one-month-of-designation');
    case 'no-deadline':
      return ctx.t('legal:timings.no-deadline');
    case 'ongoing':
      return ctx.t('legal:timings.ongoing');
  }
}

const statusWord = (ctx: DocumentContext, status: Status) => ctx.t(O(`statuses.${status}`));

/** A status in a cell or a line: missing in bold, and a link to the page that fixes it when there is one. */
function statusInline(ctx: DocumentContext, item: ChecklistItem, fixHref: FixHref | null): Inline {
  const word = statusWord(ctx, item.status);
  if (item.status !== 'missing') return text(word);
  const href = fixHref?.(item) ?? null;
  return href ? { type: 'link', text: word, href, bold: true } : text(word, { bold: true });
}

/** The matrix: one row per requirement, a column per treaty of the draft, the article and the due date. */
function matrix(
  ctx: DocumentContext,
  rows: readonly Row[],
  treaties: readonly TreatyId[],
  fixHref: FixHref | null,
): Block {
  const cellFor = (row: Row, treaty: TreatyId): Inline[] => {
    // A package-wide requirement (the instrument's elements) concerns each treaty's instrument alike.
    const item =
      row.items.find((i) => i.requirement.appliesTo === treaty) ??
      row.items.find((i) => i.requirement.appliesTo === null);
    return item ? [statusInline(ctx, item, fixHref)] : [text(ctx.t(O('notConcerned')))];
  };
  return {
    type: 'table',
    caption: ctx.t(O('matrixCaption')),
    compact: true,
    // In centimetres on A4 (16 cm between the margins): the treaties share what the other columns leave.
    widths: [4.6, 2.9, ...treaties.map(() => 6.3 / treaties.length), 2.2],
    header: [
      ctx.t(O('columns.requirement')),
      ctx.t(O('columns.article')),
      ...treaties.map((treaty) => ctx.t(O(`short.${treaty}`))),
      ctx.t(O('columns.due')),
    ],
    rows: rows.map((row) => [
      [text(rowLabel(ctx, row))],
      [text(rowArticle(ctx, row))],
      ...treaties.map((treaty) => cellFor(row, treaty)),
      [text(unique(row.items.map((i) => shortDue(ctx, i.due))).join('; '))],
    ]),
  };
}

/** "Central authority (UNTOC art. 18(13))"; the label alone when the row is not cited. */
function rowTitle(ctx: DocumentContext, row: Row, items: readonly ChecklistItem[] = row.items): string {
  const cited = rowArticle(ctx, { key: row.key, items }, true);
  return cited
    ? ctx.t(O('labelWithArticle'), { label: rowLabel(ctx, row), article: cited })
    : rowLabel(ctx, row);
}

/** Who the item is for, in a line about a row: the treaty's short name, or nothing for the whole package. */
const treatyShort = (ctx: DocumentContext, item: ChecklistItem) =>
  item.requirement.appliesTo ? ctx.t(O(`short.${item.requirement.appliesTo}`)) : null;

/** An item's status with its reason, as a group line says it: "missing (designate a central authority)". */
function statusWithReason(ctx: DocumentContext, item: ChecklistItem, fixHref: FixHref | null): Inline[] {
  const out: Inline[] = [statusInline(ctx, item, fixHref)];
  if (item.reason && item.status !== 'not-applicable') out.push(text(` (${translate(item.reason, ctx.tr)})`));
  return out;
}

/**
 * One line of a group: the row's title, then its status; when the treaties differ, each treaty's status
 * in turn ("UNTOC: Provided; TIP Protocol: Missing").
 */
function groupLine(
  ctx: DocumentContext,
  row: Row,
  items: readonly ChecklistItem[],
  fixHref: FixHref | null,
  tail: (item: ChecklistItem) => Inline[] = () => [],
): Inline[] {
  const title = text(`${rowTitle(ctx, row, items)}${ctx.t(O('separator'))}`, { bold: true });
  const same = unique(items.map((i) => JSON.stringify([i.status, i.reason, i.due]))).length === 1;
  if (same) return [title, ...statusWithReason(ctx, items[0]!, fixHref), ...tail(items[0]!)];
  const parts: Inline[] = [title];
  items.forEach((item, index) => {
    if (index > 0) parts.push(text('; '));
    const who = treatyShort(ctx, item);
    if (who) parts.push(text(`${who}${ctx.t(O('separator'))}`));
    parts.push(...statusWithReason(ctx, item, fixHref), ...tail(item));
  });
  return parts;
}

/**
 * Whether an item is due after the deposit. A party's later notification has no "after": what it makes
 * (an 8(6) authority due within the month of its designation, a 31(6) authority with no deadline) is
 * made with it, and what it does not make is not applicable to it.
 */
const isLater = (ctx: DocumentContext, item: ChecklistItem) =>
  !ctx.assessment.facts.isLaterNotification &&
  item.due.kind !== 'at-deposit' &&
  item.due.kind !== 'with-notification';
const counts = (item: ChecklistItem) =>
  item.status !== 'not-applicable' && item.status !== 'optional-not-made';

/** The heading of what is due now: at the deposit, or with a later notification (on its date). */
function nowHeading(ctx: DocumentContext): string {
  const { pkg, facts } = ctx.assessment;
  const date = facts.isLaterNotification ? pkg.signing.date : pkg.deposit.plannedOn;
  const key = facts.isLaterNotification ? 'withNotification' : 'atDeposit';
  return date ? ctx.t(O(`${key}On`), { date: formatDate(date, ctx.lng) }) : ctx.t(O(key));
}

/** The overview that opens the checklist: the matrix, then the three groups. */
export function overviewBlocks(ctx: DocumentContext, fixHref: FixHref | null): Block[] {
  const { facts, checklist } = ctx.assessment;
  const treaties = facts.treaties.map((f) => f.treaty);
  const rows = rowsOf(checklist.items);
  const list = (lines: Inline[][]): Block =>
    lines.length > 0
      ? { type: 'list', compact: true, items: lines }
      : { type: 'paragraph', style: 'note', content: [text(ctx.t(O('none')))] };

  // Due at deposit: each missing requirement on a line of its own, with its reason (and on the page a
  // link to the page that fixes it); the others by status, one line each: "Provided: a; b; c".
  const atDeposit: Inline[][] = [];
  const byStatus = new Map<Status, string[]>();
  for (const row of rows) {
    const items = row.items.filter((i) => counts(i) && !isLater(ctx, i));
    const missing = items.filter((i) => i.status === 'missing');
    if (missing.length > 0) atDeposit.push(groupLine(ctx, row, missing, fixHref));
    for (const status of unique(items.map((i) => i.status).filter((st) => st !== 'missing'))) {
      byStatus.set(status, [
        ...(byStatus.get(status) ?? []),
        rowTitle(
          ctx,
          row,
          items.filter((i) => i.status === status),
        ),
      ]);
    }
  }
  for (const [status, titles] of byStatus) {
    atDeposit.push([
      text(`${statusWord(ctx, status)}${ctx.t(O('separator'))}`, { bold: true }),
      text(titles.join('; ')),
    ]);
  }
  const later = rows.flatMap((row) => {
    const items = row.items.filter((i) => counts(i) && isLater(ctx, i));
    return items.length > 0
      ? [
          groupLine(ctx, row, items, fixHref, (i) => [
            text(`${ctx.t(O('dueSeparator'))}${shortDue(ctx, i.due)}`),
          ]),
        ]
      : [];
  });
  // Not applicable: the requirements (their articles are in the matrix) after each reason, one line per
  // reason: "Competence (ratification…); Competence (accession): only for regional … organizations".
  const byReason = new Map<string, string[]>();
  for (const row of rows) {
    const items = row.items.filter((i) => i.status === 'not-applicable');
    if (items.length === 0) continue;
    const reason = unique(items.map((i) => (i.reason ? translate(i.reason, ctx.tr) : ''))).join('; ');
    byReason.set(reason, [...(byReason.get(reason) ?? []), rowLabel(ctx, row)]);
  }
  const notApplicable = [...byReason].map(([reason, labels]): Inline[] => [
    text(`${labels.join('; ')}${ctx.t(O('separator'))}`, { bold: true }),
    text(reason),
  ]);

  return [
    { type: 'heading', level: 1, id: 'overview', content: [text(ctx.t(O('heading')))] },
    matrix(ctx, rows, treaties, fixHref),
    {
      type: 'paragraph',
      style: 'note',
      content: [text(ctx.t(O(facts.isLaterNotification ? 'notConcernedNoteLater' : 'notConcernedNote')))],
    },
    {
      type: 'heading',
      level: 2,
      id: 'due-at-deposit',
      content: [text(nowHeading(ctx))],
    },
    list(atDeposit),
    // "After deposit": nothing in a party's later notification, which deposits nothing.
    ...(facts.isLaterNotification
      ? []
      : [
          { type: 'heading', level: 2, id: 'due-later', content: [text(ctx.t(O('later')))] } as const,
          list(later),
        ]),
    {
      type: 'details',
      level: 2,
      id: 'not-applicable',
      summary: ctx.t(O('notApplicable')),
      blocks: [list(notApplicable)],
    },
  ];
}

/** The due date in full, as the details say it (legal:due.*). */
export function dueText(ctx: DocumentContext, due: Due): string {
  const t = ctx.t;
  switch (due.kind) {
    case 'at-deposit':
      return due.date
        ? t('legal:due.atDepositOn', { date: formatDate(due.date, ctx.lng) })
        : t('legal:due.atDeposit');
    case 'with-notification':
      return due.date
        ? t('legal:due.withNotificationOn', { date: formatDate(due.date, ctx.lng) })
        : t('legal:due.withNotification');
    case 'within-one-month-of-designation':
      return due.date && due.designatedOn
        ? t('legal:due.withinOneMonthBy', {
            designatedOn: formatDate(due.designatedOn, ctx.lng),
            date: formatDate(due.date, ctx.lng),
          })
        : t('legal:due.withinOneMonth');
    case 'no-deadline':
      return t('legal:due.noDeadline');
    case 'ongoing':
      return t('legal:due.ongoing');
  }
}

/** The timeline's events: the planned deposit, each treaty's entry into force, each dated later deadline. */
export function timelineEvents(ctx: DocumentContext): {
  events: TimelineEvent[];
  undated: { label: string; when: string }[];
} {
  const { pkg, checklist, entryIntoForce } = ctx.assessment;
  const t = ctx.t;
  const dated: (TimelineEvent & { order: number })[] = [];
  const undated: { label: string; when: string }[] = [];
  const add = (date: string, label: string, kind: TimelineEvent['kind'], order: number, mark = label) =>
    dated.push({ date, dateText: formatDate(date, ctx.lng), label, mark, kind, order });

  // The deposit, or a later notification's own date (the signing date).
  const later = ctx.assessment.facts.isLaterNotification;
  const start = later ? pkg.signing.date : pkg.deposit.plannedOn;
  const startLabel = t(O(later ? 'timeline.notification' : 'timeline.deposit'));
  if (start) add(start, startLabel, 'deposit', 0);
  else
    undated.push({
      label: startLabel,
      when: t(later ? 'documents:checklist.notDated' : 'documents:checklist.notPlanned'),
    });
  for (const eif of entryIntoForce) {
    const label = t(O('timeline.entryIntoForce'), { treaty: t(O(`short.${eif.treaty}`)) });
    if (eif.date) add(eif.date, label, 'entry-into-force', 1);
    else
      undated.push({
        label,
        when: t(eif.deposit ? 'documents:checklist.eif.noConvention' : 'documents:checklist.eif.noDeposit'),
      });
  }
  for (const item of checklist.items) {
    if (item.status === 'not-applicable' || item.due.kind !== 'within-one-month-of-designation') continue;
    const rowLabelText = t(O(`rows.${rowKey(item)}`));
    const cited = compactCitation(ctx, item.requirement.citation);
    const label = t(O('timeline.deadline'), {
      what: cited ? t(O('labelWithArticle'), { label: rowLabelText, article: cited }) : rowLabelText,
    });
    // Beside its mark, the article alone: "Deadline: SOM Protocol 8(6)".
    const mark = t(O('timeline.deadline'), { what: cited ?? rowLabelText });
    if (item.due.date) add(item.due.date, label, 'deadline', 2, mark);
    else undated.push({ label, when: dueText(ctx, item.due) });
  }
  // In date order; on one day, the deposit, then entry into force, then deadlines, in package order.
  const events = dated
    .map((e, index) => ({ e, index }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.e.order - b.e.order || a.index - b.index)
    .map(({ e }) => ({ date: e.date, dateText: e.dateText, label: e.label, mark: e.mark, kind: e.kind }));
  return { events, undated };
}

/** The timeline block, under its heading. */
export function timelineBlocks(ctx: DocumentContext): Block[] {
  const { events, undated } = timelineEvents(ctx);
  const t = ctx.t;
  const sentence = events.map((e) => t('legal:titled', { before: e.dateText, after: e.label })).join('; ');
  return [
    { type: 'heading', level: 1, id: 'timeline', content: [text(t(O('timeline.heading')))] },
    {
      type: 'timeline',
      // A party's later notification: no deposit, nothing enters into force.
      caption: t(O(ctx.assessment.facts.isLaterNotification ? 'timeline.captionLater' : 'timeline.caption')),
      description: events.length > 0 ? t(O('timeline.description'), { events: sentence }) : t(O('none')),
      header: [t(O('timeline.date')), t(O('timeline.event'))],
      events,
      undated,
    },
  ];
}

/**
 * The details' cards: per row, the items whose quoted text is the same form one card (the three
 * Protocols' 37(2), VCLT 23(2) for each treaty); items quoting different words get a card each.
 */
export function detailGroups(items: readonly ChecklistItem[]): ChecklistItem[][] {
  return rowsOf(items).flatMap((row) => {
    // A row has a few items: each joins the first card quoting the same texts, in the same order.
    const cards: { texts: string[]; items: ChecklistItem[] }[] = [];
    for (const item of row.items) {
      const texts = item.quotes.map((quote) => quote.text);
      const card = cards.find(
        (c) => c.texts.length === texts.length && c.texts.every((t, i) => t === texts[i]),
      );
      if (card) card.items.push(item);
      else cards.push({ texts, items: [item] });
    }
    return cards.map((card) => card.items);
  });
}
