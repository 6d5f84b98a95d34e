/**
 * The notification checklist for the legal adviser: first the overview, alone on the first page (every
 * requirement against every treaty, what is due at deposit, what later, what does not apply:
 * checklist-overview.ts), then the timeline, a summary (treaties, instrument types, entry into force,
 * whether final documents can be produced), the rules' findings, then every requirement of the chosen
 * treaties once with its article, obligation, due date, status (with the reason), what was supplied and
 * the quoted treaty text; last, the sources and how far each was verified. One model, rendered as .docx
 * and as HTML.
 */
import type { TFunction } from 'i18next';
import { fullPowersFor } from '../domain/full-powers';
import { SOURCES, TREATIES, type Quote, type Requirement } from '../catalogue';
import type { ApprovalState } from '../domain/review';
import type { ChecklistItem, Status } from '../domain/checklist';
import type { EntryIntoForce } from '../domain/entry-into-force';
import { UN_NAMES } from '../catalogue/un-names';
import { LANGUAGE_TAGS, profileOf } from '../i18n';
import { QUOTE_LANGUAGE } from '../i18n/languages';
import { formatDate, regionName } from '../i18n/format';
import { formatCitation, localizeIssue, translate } from '../i18n/messages';
import { detailGroups, dueText, overviewBlocks, timelineBlocks, type FixHref } from './checklist-overview';
import { finishModel, type DocumentContext } from './context';
import { text } from './inline';
import type { Block, Inline, Tone } from './model';

const TONES: Record<Status, Tone> = {
  provided: 'ok',
  missing: 'missing',
  'not-applicable': 'neutral',
  'optional-not-made': 'neutral',
  'to-follow': 'info',
  'left-blank': 'info',
};

/** "UNTOC art. 18(13)" */
export function requirementCitation(ctx: DocumentContext, req: Requirement): string {
  return formatCitation(req.citation, ctx.tr);
}

/**
 * One card of the details: a requirement as it applies to one treaty, or to several whose quoted text is
 * the same (checklist-overview.ts detailGroups). A field whose value differs between them is given once
 * per treaty ("Status (TIP Protocol)").
 */
/**
 * The requirement texts already looked up, per translation function, per kind of package (a later
 * notification or not, an organization's or not), by requirement id (the catalogue's: a few dozen).
 * A checklist looks each up several times.
 */
const REQUIREMENT_TEXTS = new WeakMap<TFunction, Map<string, { label?: string; supply?: string }>[]>();

/**
 * A requirement's label or supply text. A party's later notification is no instrument: the elements it
 * shares with one (name, signer, place and date) have their own wording where the locale has it
 * (requirements.<id>.labelLater, supplyLater); an organization's supply text, where it differs, is
 * requirements.<id>.supplyOrganization (UNTOC 5(3): its legal order).
 */
function requirementText(ctx: DocumentContext, id: string, key: 'label' | 'supply'): string {
  const { isLaterNotification: later, isOrganization: organization } = ctx.assessment.facts;
  let variants = REQUIREMENT_TEXTS.get(ctx.t);
  if (variants === undefined) {
    variants = [new Map(), new Map(), new Map(), new Map()];
    REQUIREMENT_TEXTS.set(ctx.t, variants);
  }
  const byId = variants[(later ? 2 : 0) + (organization ? 1 : 0)]!;
  let texts = byId.get(id);
  if (texts === undefined) {
    texts = {};
    byId.set(id, texts);
  }
  return (texts[key] ??= ctx.t([
    ...(later ? [`legal:requirements.${id}.${key}Later`] : []),
    ...(organization && key === 'supply' ? [`legal:requirements.${id}.supplyOrganization`] : []),
    `legal:requirements.${id}.${key}`,
  ]));
}

/** Whether two inlines say the same: every field of either has the same value in the other. */
function sameInline(a: Inline, b: Inline): boolean {
  if (a === b) return true;
  const x = a as Partial<Record<string, unknown>>;
  const y = b as Partial<Record<string, unknown>>;
  for (const name in x) if (x[name] !== y[name]) return false;
  for (const name in y) if (x[name] !== y[name]) return false;
  return true;
}

/** Whether two runs of inlines are the same, inline by inline (a field left undefined being no field). */
function sameInlines(a: readonly Inline[], b: readonly Inline[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameInline(a[i]!, b[i]!)) return false;
  return true;
}

function itemBlocks(ctx: DocumentContext, group: readonly ChecklistItem[]): Block[] {
  const t = ctx.t;
  const first = group[0]!;
  type Row = { label: string; value: Inline[]; tone?: Tone };
  const rows: Row[] = [];
  const field = (
    label: string,
    valueOf: (item: ChecklistItem) => Inline[],
    toneOf?: (item: ChecklistItem) => Tone,
  ) => {
    const values = group.map((item) => ({ item, value: valueOf(item) }));
    // One item is the same as itself: only a group's values are compared.
    const same = group.length === 1 || values.every((v) => sameInlines(v.value, values[0]!.value));
    const withTone = (row: Row, item: ChecklistItem): Row => (toneOf ? { ...row, tone: toneOf(item) } : row);
    if (same) {
      if (values[0]!.value.length > 0) rows.push(withTone({ label, value: values[0]!.value }, first));
      return;
    }
    for (const { item, value } of values) {
      if (value.length === 0) continue;
      const treaty = item.requirement.appliesTo;
      rows.push(
        withTone(
          {
            label: treaty
              ? t('documents:checklist.overview.fieldFor', {
                  field: label,
                  treaty: t(`legal:instruments.${treaty}`),
                })
              : label,
            value,
          },
          item,
        ),
      );
    }
  };
  field(
    t('documents:checklist.fields.status'),
    (item) => [
      text(t(`legal:statuses.${item.status}`), { bold: true }),
      ...(item.reason ? [text(` (${translate(item.reason, ctx.tr)})`)] : []),
    ],
    (item) => TONES[item.status],
  );
  // A later notification's own elements are the notification's, not an instrument's.
  const later = ctx.assessment.facts.isLaterNotification;
  field(t('documents:checklist.fields.kind'), (item) => [
    text(
      t(
        later && item.requirement.kind === 'instrument'
          ? 'legal:kinds.instrumentLater'
          : `legal:kinds.${item.requirement.kind}`,
      ),
    ),
  ]);
  field(t('documents:checklist.fields.obligation'), (item) => [
    text(t(`legal:obligations.${item.requirement.obligation}`)),
  ]);
  field(t('documents:checklist.fields.due'), (item) => [text(dueText(ctx, item.due))]);
  field(t('documents:checklist.fields.toSupply'), (item) => [
    text(requirementText(ctx, item.requirement.id, 'supply')),
  ]);
  field(t('documents:checklist.fields.supplied'), (item) =>
    item.supplied.flatMap((s, i) => [
      ...(i > 0 ? [{ type: 'break' } as const] : []),
      text(translate(s, ctx.tr)),
    ]),
  );
  const quoteLang = ctx.lng === QUOTE_LANGUAGE ? undefined : LANGUAGE_TAGS[QUOTE_LANGUAGE];
  const labels = [...new Set(group.map((i) => requirementText(ctx, i.id, 'label')))];
  const citations = [...new Set(group.map((i) => requirementCitation(ctx, i.requirement)))];
  // One article for several treaties (VCLT 23(2), UNTOC 37(2)): the treaties it is cited for.
  const cited =
    citations.length < group.length
      ? t('documents:checklist.overview.fieldFor', {
          field: citations.join(', '),
          treaty: group
            .map((i) => t(`legal:instruments.${i.requirement.appliesTo ?? 'handbook'}`))
            .join(', '),
        })
      : citations.join(', ');
  // A later notification's own elements (its party's name, place and date) follow no Handbook model: the
  // label alone, not "UN Treaty Handbook, model instrument".
  const modelOfNothing =
    ctx.assessment.facts.isLaterNotification &&
    group.every((i) => i.requirement.citation.instrument === 'handbook');
  const heading =
    labels.length === 1 && modelOfNothing
      ? labels[0]!
      : labels.length === 1
        ? t('legal:titled', { before: cited, after: labels[0] })
        : group
            .map((i) =>
              t('legal:titled', {
                before: requirementCitation(ctx, i.requirement),
                after: requirementText(ctx, i.id, 'label'),
              }),
            )
            .join('; ');
  // The items of a group quote the same texts (detailGroups); each text with its source and, unless it
  // was read verbatim in a copy of that source, how far it was verified.
  const quoteBlocks = (quote: Quote): Block[] => [
    {
      type: 'paragraph',
      style: 'quote',
      content: [text(`“${quote.text}”`, quoteLang ? { lang: quoteLang } : {})],
    },
    {
      type: 'paragraph',
      style: 'note',
      content: [
        text(
          t('documents:checklist.quoteSource', {
            source: SOURCES[quote.source].title,
            where: SOURCES[quote.source].where,
          }),
        ),
        ...(quote.verification
          ? [text(` ${t(`legal:quoteVerification.${quote.verification}`)}`, { bold: true })]
          : []),
      ],
    },
  ];
  return [
    { type: 'heading', level: 2, id: `item-${first.id}`, content: [text(heading)] },
    { type: 'fields', rows },
    // A party's later notification is no instrument: the Handbook's model instrument ("I have signed
    // this instrument of ...") and VCLT 7 on representing the State for the conclusion of a treaty are
    // not its text, so its own elements (name, signer, place and date) quote neither.
    ...(ctx.assessment.facts.isLaterNotification && first.requirement.kind === 'instrument'
      ? []
      : first.quotes.flatMap(quoteBlocks)),
    // The further texts the item rests on (VCLT 20(5) after 19), each under its article.
    ...(first.requirement.related ?? []).flatMap((r): Block[] => [
      {
        type: 'paragraph',
        style: 'note',
        content: [
          text(t('documents:checklist.relatedText', { citation: formatCitation(r.citation, ctx.tr) })),
        ],
      },
      ...quoteBlocks(r.quote),
    ]),
  ];
}

function eifText(ctx: DocumentContext, eif: EntryIntoForce): string {
  const t = ctx.t;
  if (!eif.deposit) return t('documents:checklist.eif.noDeposit');
  if (!eif.date || !eif.basis) return t('documents:checklist.eif.noConvention');
  return t(`documents:checklist.eif.basis.${eif.basis}`, {
    date: formatDate(eif.date, ctx.lng),
    deposit: formatDate(eif.deposit, ctx.lng),
    citation: formatCitation(eif.citation, ctx.tr),
    general: formatDate(TREATIES[eif.treaty].entryIntoForce.date, ctx.lng),
  });
}

/**
 * The checklist: the overview (matrix and groups) on its first page, then the timeline, the summary, what
 * blocks final documents and the rules' findings, each requirement in detail, and the sources. `fixHref`
 * links each missing item to the page that fixes it (the site's checklist page); null elsewhere.
 */
export function buildChecklistDocument(
  ctx: DocumentContext,
  fixHref: FixHref | null = null,
  approval: ApprovalState | null = null,
) {
  const { pkg, facts, checklist, issues, entryIntoForce, finalAllowed } = ctx.assessment;
  const t = ctx.t;
  const later = facts.isLaterNotification;
  const partyName = regionName(pkg.party.code, ctx.lng);
  const blocks: Block[] = [{ type: 'title', text: t('documents:checklist.title') }];
  blocks.push({
    type: 'paragraph',
    style: 'centered',
    content: [
      text(t('documents:checklist.subtitle', { party: partyName, date: formatDate(ctx.today, ctx.lng) })),
    ],
  });

  // The overview, alone on the first page.
  blocks.push(...overviewBlocks(ctx, fixHref), { type: 'page-break' }, ...timelineBlocks(ctx));

  // Summary.
  blocks.push({
    type: 'heading',
    level: 1,
    id: 'summary',
    content: [text(t('documents:checklist.summary'))],
  });
  blocks.push({
    type: 'fields',
    rows: [
      {
        label: t('documents:checklist.fields.party'),
        value: [
          text(
            t(`documents:checklist.partyKind.${pkg.party.kind}`, { name: partyName, code: pkg.party.code }),
          ),
        ],
      },
      // A party's later notification deposits nothing: its own date (the signing date) instead.
      ...(later
        ? [
            {
              label: t('documents:checklist.overview.timeline.notification'),
              value: [
                text(
                  pkg.signing.date
                    ? formatDate(pkg.signing.date, ctx.lng)
                    : t('documents:checklist.notDated'),
                ),
              ],
            },
          ]
        : [
            {
              label: t('documents:checklist.fields.deposit'),
              value: [
                text(
                  pkg.deposit.plannedOn
                    ? formatDate(pkg.deposit.plannedOn, ctx.lng)
                    : t('documents:checklist.notPlanned'),
                ),
              ],
            },
            {
              label: t('documents:checklist.fields.depositPlace'),
              value: [text(pkg.deposit.place ?? t('documents:checklist.headquarters'))],
            },
          ]),
      {
        label: t('documents:checklist.fields.final'),
        value: [
          text(
            finalAllowed
              ? t('documents:checklist.finalAllowed')
              : t('documents:checklist.finalBlocked', {
                  missing: checklist.missing.length,
                  errors: issues.filter((i) => i.severity === 'error').length,
                }),
            { bold: true },
          ),
        ],
        tone: finalAllowed ? 'ok' : 'missing',
      },
      // The legal adviser's approval, when the package is a draft's: never a condition of final documents.
      ...(approval
        ? [
            {
              label: t('documents:checklist.fields.approval'),
              value: [
                text(
                  approval.kind === 'none'
                    ? t('documents:checklist.approval.none')
                    : t(`documents:checklist.approval.${approval.kind}`, {
                        revision: approval.approval.revision,
                        name: approval.approval.name,
                        title: approval.approval.title,
                        date: formatDate(approval.approval.at.slice(0, 10), ctx.lng),
                      }),
                ),
              ],
              tone: (approval.kind === 'current' ? 'ok' : 'info') as Tone,
            },
          ]
        : []),
    ],
  });
  const signed = (f: (typeof facts.treaties)[number]) => [
    text(f.signedPerData ? formatDate(f.signedPerData, ctx.lng) : t('documents:checklist.notSigned')),
  ];
  blocks.push(
    later
      ? {
          // A later notification: the instrument the party deposited earlier, as the data or the user
          // record it (its date is in the notifications' list of treaties), and no entry into force.
          type: 'table',
          caption: t('documents:checklist.treatiesCaption'),
          header: [
            t('documents:checklist.columns.treaty'),
            t('documents:checklist.columns.instrument'),
            t('documents:checklist.columns.signed'),
          ],
          rows: facts.treaties.map((f) => [
            [text(t(`legal:treaties.${f.treaty}.name`))],
            [
              text(
                f.earlierConsent
                  ? t('legal:participation.consentTypes.' + (f.earlierConsent.type ?? 'unknown'))
                  : t('documents:checklist.notSigned'),
              ),
            ],
            signed(f),
          ]),
        }
      : {
          type: 'table',
          caption: t('documents:checklist.treatiesCaption'),
          header: [
            t('documents:checklist.columns.treaty'),
            t('documents:checklist.columns.instrument'),
            t('documents:checklist.columns.signed'),
            t('documents:checklist.columns.entryIntoForce'),
          ],
          rows: facts.treaties.map((f) => [
            [text(t(`legal:treaties.${f.treaty}.name`))],
            [text(t(`legal:instrumentTypes.${f.choice.instrument}`))],
            signed(f),
            [
              text(
                eifText(
                  ctx,
                  entryIntoForce.find((e) => e.treaty === f.treaty)!,
                ),
              ),
            ],
          ]),
        },
  );

  // What blocks final documents, then the rules' findings.
  if (checklist.missing.length > 0) {
    blocks.push({
      type: 'heading',
      level: 1,
      id: 'missing',
      content: [text(t('documents:checklist.missingHeading'))],
    });
    blocks.push({
      type: 'list',
      items: checklist.missing.map((item) => [
        text(
          t('legal:titled', {
            before: requirementCitation(ctx, item.requirement),
            after: requirementText(ctx, item.id, 'label'),
          }),
          { bold: true },
        ),
        text(item.reason ? ` (${translate(item.reason, ctx.tr)})` : ''),
      ]),
    });
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const found = issues.filter((i) => i.severity === severity);
    if (found.length === 0) continue;
    blocks.push({
      type: 'heading',
      level: 1,
      id: `issues-${severity}`,
      content: [text(t(`documents:checklist.issues.${severity}`))],
    });
    blocks.push({
      type: 'list',
      items: found.map((issue) => {
        const l = localizeIssue(issue, ctx.tr);
        return [text(l.message), ...(l.source ? [text(` (${l.source.label})`, { italic: true })] : [])];
      }),
    });
  }

  // Each requirement in detail, once (a text the Protocols share is quoted once for all of them).
  blocks.push({
    type: 'heading',
    level: 1,
    id: 'details',
    content: [text(t('documents:checklist.overview.detailsHeading'))],
  });
  for (const group of detailGroups(checklist.items)) blocks.push(...itemBlocks(ctx, group));

  // Sources and verification.
  blocks.push({
    type: 'heading',
    level: 1,
    id: 'sources',
    content: [text(t('documents:checklist.sourcesHeading'))],
  });
  const notes: Inline[][] = [];
  for (const f of facts.treaties) {
    const title = TREATIES[f.treaty].titles[ctx.lng];
    notes.push([
      text(
        t(`documents:checklist.titleVerification.${title.verification}`, {
          treaty: t(`legal:treaties.${f.treaty}.name`),
          source: title.source,
        }),
      ),
    ]);
    notes.push([
      text(
        t('documents:checklist.participationNote', {
          treaty: t(`legal:treaties.${f.treaty}.name`),
          asAt: formatDate(f.dataAsAt, ctx.lng),
        }),
      ),
    ]);
  }
  // The instrument's model and full powers: neither is drafted for a party's later notification.
  if (!facts.isLaterNotification) notes.push([text(t('documents:checklist.modelNote'))]);
  if (fullPowersFor(facts.pkg) === 'needed') notes.push([text(t('documents:checklist.fullPowersModelNote'))]);
  if (ctx.lng !== QUOTE_LANGUAGE) notes.push([text(t('documents:checklist.quotesInEnglish'))]);
  if (!profileOf(ctx.lng).reviewed) notes.push([text(t('documents:checklist.translationNote'))]);
  const unName = pkg.party.kind === 'state' ? UN_NAMES.get(pkg.party.code) : undefined;
  const unFormal = unName?.formal[ctx.lng as keyof typeof unName.formal];
  if (unName && unFormal !== undefined) {
    notes.push([
      text(
        t('documents:checklist.stateNameNote', {
          name: unFormal,
          status: t(`legal:verification.${unName.status === 'partly' ? 'partly-verified' : unName.status}`),
          source: 'unterm-efsrca.xlsx, 2019-2022',
        }),
      ),
    ]);
  }
  if (issues.some((i) => i.code.startsWith('translation.'))) {
    notes.push([
      text(
        t('documents:checklist.freeTextLanguage', {
          language: t(`common:languages.${pkg.documentLanguage}`),
        }),
        { bold: true },
      ),
    ]);
  }
  blocks.push({ type: 'list', items: notes });

  return finishModel(
    ctx,
    'checklist',
    {
      title: t('legal:titled', { before: t('documents:checklist.title'), after: partyName }),
      subject: t('documents:checklist.subject'),
      keywords: facts.treaties.map((f) => TREATIES[f.treaty].untcChapter),
    },
    blocks,
  );
}
