/**
 * The notification checklist for the legal adviser: a summary (treaties, instrument types, entry into
 * force, whether final documents can be produced), the rules' findings, then every requirement of the
 * chosen treaties with its article, obligation, due date, status (with the reason), what was supplied
 * and the quoted treaty text; last, the sources and how far each was verified. One model, rendered as
 * .docx and as HTML.
 */
import { SOURCES, TREATIES, type Requirement } from '../catalogue';
import type { ChecklistItem, Due, Status } from '../domain/checklist';
import type { EntryIntoForce } from '../domain/entry-into-force';
import { UN_NAMES } from '../catalogue/un-names';
import { LANGUAGE_TAGS, profileOf } from '../i18n';
import { QUOTE_LANGUAGE } from '../i18n/languages';
import { formatDate, regionName } from '../i18n/format';
import { formatCitation, localizeIssue, translate } from '../i18n/messages';
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

function dueText(ctx: DocumentContext, due: Due): string {
  const t = ctx.t;
  switch (due.kind) {
    case 'at-deposit':
      return due.date
        ? t('legal:due.atDepositOn', { date: formatDate(due.date, ctx.lng) })
        : t('legal:due.atDeposit');
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

/** "UNTOC art. 18(13)" */
export function requirementCitation(ctx: DocumentContext, req: Requirement): string {
  return formatCitation(req.citation, ctx.tr);
}

function itemBlocks(ctx: DocumentContext, item: ChecklistItem): Block[] {
  const t = ctx.t;
  const req = item.requirement;
  const status: Inline[] = [text(t(`legal:statuses.${item.status}`), { bold: true })];
  if (item.reason) status.push(text(` (${translate(item.reason, ctx.tr)})`));
  const rows: { label: string; value: Inline[]; tone?: Tone }[] = [
    { label: t('documents:checklist.fields.status'), value: status, tone: TONES[item.status] },
    { label: t('documents:checklist.fields.kind'), value: [text(t(`legal:kinds.${req.kind}`))] },
    {
      label: t('documents:checklist.fields.obligation'),
      value: [text(t(`legal:obligations.${req.obligation}`))],
    },
    { label: t('documents:checklist.fields.due'), value: [text(dueText(ctx, item.due))] },
    {
      label: t('documents:checklist.fields.toSupply'),
      value: [text(t(`legal:requirements.${req.id}.supply`))],
    },
  ];
  if (item.supplied.length > 0) {
    rows.push({
      label: t('documents:checklist.fields.supplied'),
      value: item.supplied.flatMap((s, i) => [
        ...(i > 0 ? [{ type: 'break' } as const] : []),
        text(translate(s, ctx.tr)),
      ]),
    });
  }
  const quoteLang = ctx.lng === QUOTE_LANGUAGE ? undefined : LANGUAGE_TAGS[QUOTE_LANGUAGE];
  return [
    {
      type: 'heading',
      level: 2,
      id: `item-${item.id}`,
      content: [
        text(
          t('legal:titled', {
            before: requirementCitation(ctx, req),
            after: t(`legal:requirements.${req.id}.label`),
          }),
        ),
      ],
    },
    { type: 'fields', rows },
    {
      type: 'paragraph',
      style: 'quote',
      content: [text(`“${req.quote.text}”`, quoteLang ? { lang: quoteLang } : {})],
    },
    {
      type: 'paragraph',
      style: 'note',
      content: [
        text(
          t('documents:checklist.quoteSource', {
            source: SOURCES[req.quote.source].title,
            where: SOURCES[req.quote.source].where,
          }),
        ),
      ],
    },
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

export function buildChecklistDocument(ctx: DocumentContext) {
  const { pkg, facts, checklist, issues, entryIntoForce, finalAllowed } = ctx.assessment;
  const t = ctx.t;
  const partyName = regionName(pkg.party.code, ctx.lng);
  const blocks: Block[] = [{ type: 'title', text: t('documents:checklist.title') }];
  blocks.push({
    type: 'paragraph',
    style: 'centered',
    content: [
      text(t('documents:checklist.subtitle', { party: partyName, date: formatDate(ctx.today, ctx.lng) })),
    ],
  });

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
    ],
  });
  blocks.push({
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
      [text(f.signedPerData ? formatDate(f.signedPerData, ctx.lng) : t('documents:checklist.notSigned'))],
      [
        text(
          eifText(
            ctx,
            entryIntoForce.find((e) => e.treaty === f.treaty)!,
          ),
        ),
      ],
    ]),
  });

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
            after: t(`legal:requirements.${item.id}.label`),
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

  // The requirements: package-wide first, then per treaty.
  const groups: { key: string; heading: string; items: ChecklistItem[] }[] = [
    {
      key: 'instrument',
      heading: t('documents:checklist.instrumentHeading'),
      items: checklist.items.filter((i) => i.requirement.appliesTo === null),
    },
    ...facts.treaties.map((f) => ({
      key: f.treaty,
      heading: t('documents:checklist.treatyHeading', {
        treaty: t(`legal:treaties.${f.treaty}.name`),
        type: t(`legal:instrumentTypes.${f.choice.instrument}`),
      }),
      items: checklist.items.filter((i) => i.requirement.appliesTo === f.treaty),
    })),
  ];
  for (const group of groups) {
    blocks.push({ type: 'heading', level: 1, id: `group-${group.key}`, content: [text(group.heading)] });
    for (const item of group.items) blocks.push(...itemBlocks(ctx, item));
  }

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
  notes.push([text(t('documents:checklist.modelNote'))]);
  if (facts.signerNeedsFullPowers) notes.push([text(t('documents:checklist.fullPowersModelNote'))]);
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
