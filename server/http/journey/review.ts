/**
 * The legal adviser's review (domain/review.ts): comments on answers and checklist items, in threads, and
 * the approval of one revision. The reviewer opens it with a reviewer link (/shared/{secret}/review: their
 * first page); the drafter at /drafts/{id}/review, linked from the task list.
 *
 *   GET  {draft}/review                              what is missing and due later, the approval (current
 *                                                    or outdated, with what changed since in words), the
 *                                                    threads, and the forms to comment and approve
 *   POST {draft}/review/comments                     a new thread on an answer or a checklist item (reviewer)
 *   POST {draft}/review/comments/{comment}/reply     an answer in a thread (both)
 *   POST {draft}/review/comments/{comment}/resolve   the drafter resolves a thread
 *   POST {draft}/review/approve                      the reviewer approves the revision they read
 *
 * {draft} is /drafts/{id} or /shared/{secret} (kit.ts `base`); shared.ts opens the reviewer's addresses
 * only. Every change goes through the one save (store/drafts.ts) on the draft as saved now: a comment is
 * added, never merged. An approval is of the revision the page showed (`_revision`): if anyone saved since,
 * the page comes back with what changed, and nothing is approved unseen.
 */
import type { Request, Response, Router } from 'express';
import { assessPackage } from '../../domain/validate';
import type { Due } from '../../domain/checklist';
import type { Draft } from '../../domain/draft';
import {
  addComment,
  approvalState,
  approve,
  isReviewId,
  openComments,
  reply,
  resolve,
  type CommentTarget,
  type Review,
  type ReviewResult,
  type ReviewRole,
} from '../../domain/review';
import { LongTextSchema, ShortTextSchema } from '../../domain/package';
import { formatDate } from '../../i18n/format';
import { formatCitation } from '../../i18n/messages';
import { verifyCsrf } from '../csrf';
import { fieldHref, fieldView, parseRaw, readRaw, type FieldDef, type FieldError } from '../forms';
import { answerSections } from './answer-rows';
import { pageForPath } from './definitions';
import { changesInWords } from './changes';
import { dr, lr, queryString, type PageKit } from './kit';

/** A target a comment can be on, with its words: "Central authorities: Central authority". */
interface TargetOption {
  readonly value: string;
  readonly label: string;
  readonly group: string;
  readonly href: string;
}

const roleOf = (req: Request): ReviewRole => (dr(req).link?.role === 'reviewer' ? 'reviewer' : 'drafter');

/** A due date without a date, in words (legal:due.*). */
const DUE_WORDS: Record<Due['kind'], string> = {
  'at-deposit': 'atDeposit',
  'with-notification': 'withNotification',
  'within-one-month-of-designation': 'withinOneMonth',
  'no-deadline': 'noDeadline',
  ongoing: 'ongoing',
};

export function registerReviewPages(router: Router, kit: PageKit): void {
  const { deps, form, render, refuseForgery, base, partyLabel, errorPage, drafts, today } = kit;
  const both = (path: string) => [`/drafts/:id/review${path}`, `/shared/:token/review${path}`];

  /** Every answer and checklist item of the draft a comment can be on, as "answer:{ref}" / "item:{id}". */
  function targets(req: Request, draft: Draft): TargetOption[] {
    const r = dr(req);
    const answers = answerSections(req, kit, draft).flatMap((s) =>
      s.rows.map((row) => ({
        value: `answer:${row.ref}`,
        label: row.lines[0] && row.key !== row.lines[0] ? `${row.key}: ${row.lines[0]}` : row.key,
        group: s.title,
        href: `${base(req)}/check`,
      })),
    );
    const checklist = assessPackage(draft.package, { participation: deps.participation, today: today() })
      .checklist.items;
    const seen = new Set<string>();
    const items = checklist.flatMap((item) => {
      if (seen.has(item.id)) return [];
      seen.add(item.id);
      return [
        {
          value: `item:${item.id}`,
          label: `${r.t(`legal:requirements.${item.requirement.id}.label`)} (${formatCitation(item.requirement.citation, r)})`,
          group: r.t('pages.review.checklistGroup'),
          href: `${base(req)}/checklist`,
        },
      ];
    });
    return [...answers, ...items];
  }

  function targetOf(value: string): CommentTarget | null {
    const m = /^(answer|item):(.+)$/.exec(value);
    return m ? { kind: m[1] as CommentTarget['kind'], ref: m[2]! } : null;
  }

  function commentFields(req: Request, options: readonly TargetOption[]): FieldDef[] {
    const t = lr(req).t;
    return [
      {
        name: 'target',
        kind: 'select',
        path: ['target'],
        label: t('pages.review.target'),
        hint: t('pages.review.targetHint'),
        options: options.map((o) => ({ value: o.value, label: o.label, group: o.group })),
        required: t('pages.review.targetRequired'),
      },
      {
        name: 'text',
        kind: 'textarea',
        path: ['text'],
        label: t('pages.review.text'),
        required: t('pages.review.textRequired'),
      },
      {
        name: 'name',
        kind: 'text',
        path: ['name'],
        label: t('pages.review.name'),
        hint: t('pages.review.nameHint'),
        width: 'two-thirds',
        autocomplete: 'name',
      },
    ];
  }

  function approveFields(req: Request, revision: number): FieldDef[] {
    const t = lr(req).t;
    return [
      {
        name: 'approverName',
        kind: 'text',
        path: ['approverName'],
        label: t('pages.review.approverName'),
        required: t('pages.review.approverNameRequired'),
        width: 'two-thirds',
        autocomplete: 'name',
      },
      {
        name: 'approverTitle',
        kind: 'text',
        path: ['approverTitle'],
        label: t('pages.review.approverTitle'),
        hint: t('pages.review.approverTitleHint'),
        required: t('pages.review.approverTitleRequired'),
        width: 'two-thirds',
        autocomplete: 'organization-title',
      },
      {
        name: 'confirm',
        kind: 'checkboxes',
        path: ['confirm'],
        label: t('pages.review.confirmLegend'),
        options: [{ value: 'yes', label: t('pages.review.confirm', { revision }) }],
        required: t('pages.review.confirmRequired'),
      },
    ];
  }

  /** The typed values of a form, its errors, and the values it parsed to. */
  function readForm(req: Request, defs: readonly FieldDef[]) {
    const t = lr(req).t;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw: Record<string, string | readonly string[]> = {};
    const errors: FieldError[] = [];
    const values: Record<string, unknown> = {};
    for (const f of defs) {
      const typed = readRaw(body, f);
      raw[f.name] = typeof typed === 'string' || Array.isArray(typed) ? (typed as string | string[]) : '';
      const parsed = parseRaw(f, typed, t);
      if (!parsed.ok) errors.push({ name: f.name, href: fieldHref(f), message: parsed.message });
      else values[f.name] = parsed.value;
    }
    // Free text as the package takes it (length, characters): the same schema, the same messages.
    for (const f of defs.filter((d) => d.kind === 'text' || d.kind === 'textarea')) {
      const v = values[f.name];
      if (typeof v !== 'string') continue;
      const checked = (f.kind === 'textarea' ? LongTextSchema : ShortTextSchema).safeParse(v);
      if (checked.success) values[f.name] = checked.data;
      else
        errors.push({
          name: f.name,
          href: fieldHref(f),
          message: t('pages.review.textInvalid', { label: f.label }),
        });
    }
    return { raw, errors, values };
  }

  interface FormState {
    readonly form: 'comment' | 'approve' | `reply-${string}`;
    readonly raw: Record<string, string | readonly string[]>;
    readonly errors: readonly FieldError[];
  }

  function renderReview(req: Request, res: Response, state: FormState | null = null, status?: number) {
    const r = dr(req);
    const t = r.t;
    const draft = r.draft;
    const pkg = draft.package;
    const role = roleOf(req);
    const options = targets(req, draft);
    const byValue = new Map(options.map((o) => [o.value, o]));
    const rawOf = (f: string, name: string) => (state?.form === f ? (state.raw[name] ?? '') : '');
    const errorOf = (f: string, name: string) =>
      state?.form === f ? (state.errors.find((e) => e.name === name)?.message ?? null) : null;
    const when = (at: string) =>
      t('pages.review.at', { date: formatDate(at.slice(0, 10), r.lng), time: at.slice(11, 16) });

    // What the checklist says is missing, and what is due after deposit.
    const checklist = assessPackage(pkg, { participation: deps.participation, today: today() }).checklist;
    const itemLine = (item: (typeof checklist.items)[number]) =>
      `${t(`legal:requirements.${item.requirement.id}.label`)} (${formatCitation(item.requirement.citation, r)})`;
    // The drafter goes to the page that fixes each; the reviewer, who opens no question page, to the checklist.
    const missing = checklist.missing.map((item) => {
      const page = role === 'drafter' ? pageForPath(item.path, item.requirement.id, pkg) : 'checklist';
      return { text: itemLine(item), href: page ? `${base(req)}/${page}` : base(req) };
    });
    const later = checklist.items
      .filter((item) => item.status === 'to-follow')
      .map((item) => ({
        text: itemLine(item),
        due:
          'date' in item.due && item.due.date
            ? t('pages.review.dueBy', { date: formatDate(item.due.date, r.lng) })
            : t(`legal:due.${DUE_WORDS[item.due.kind]}`),
      }));

    const state2 = approvalState(draft.review, pkg);
    const approval =
      state2.kind === 'none'
        ? { kind: 'none', line: t('pages.review.approval.none'), changes: [] as string[] }
        : {
            kind: state2.kind,
            line: t(`pages.review.approval.${state2.kind}`, {
              revision: state2.approval.revision,
              name: state2.approval.name,
              title: state2.approval.title,
              date: formatDate(state2.approval.at.slice(0, 10), r.lng),
            }),
            changes:
              state2.kind === 'outdated'
                ? state2.approved
                  ? changesInWords(r, state2.approved, pkg).map((c) => c.text)
                  : [t('pages.review.approval.changesUnknown')]
                : [],
          };

    const thread = (c: Review['comments'][number]) => {
      const target = byValue.get(`${c.target.kind}:${c.target.ref}`);
      const replyForm = `reply-${c.id}` as const;
      return {
        id: `comment-${c.id}`,
        target: target ? `${target.group}: ${target.label}` : t('pages.review.targetGone'),
        targetHref: target?.href ?? null,
        resolved: c.resolved ? t('pages.review.resolvedOn', { when: when(c.resolved.at) }) : null,
        messages: c.messages.map((m) => ({
          by: t('pages.review.by', {
            role: t(`pages.review.roles.${m.role}`),
            name: m.name ?? '',
            context: m.name ? 'named' : undefined,
          }),
          when: when(m.at),
          lines: m.text.split('\n'),
        })),
        replyAction: `${base(req)}/review/comments/${c.id}/reply`,
        replyFields: [
          fieldView(
            { name: 'text', kind: 'textarea', path: ['text'], label: t('pages.review.replyText') },
            rawOf(replyForm, 'text') as string,
            errorOf(replyForm, 'text'),
          ),
        ].map((v) => ({
          ...v,
          id: `reply-${c.id}-text`,
          errorId: v.errorId ? `reply-${c.id}-text-error` : null,
          describedBy: v.errorId ? `reply-${c.id}-text-error` : null,
        })),
        resolveAction:
          role === 'drafter' && !c.resolved ? `${base(req)}/review/comments/${c.id}/resolve` : null,
      };
    };
    const open = openComments(draft.review);
    const commentDefs = commentFields(req, options);
    const preset = queryString(req, 'on');
    const approveDefs = approveFields(req, r.revision);
    render(
      req,
      res,
      'review',
      {
        title: t('pages.review.title'),
        heading: t('pages.review.title'),
        caption: partyLabel(req, pkg),
        lead: t(`pages.review.lead.${role}`),
        missing,
        later,
        approval,
        open: open.map(thread),
        resolved: draft.review.comments.filter((c) => c.resolved).map(thread),
        canComment: role === 'reviewer',
        canApprove: role === 'reviewer' && state2.kind !== 'current',
        commentAction: `${base(req)}/review/comments`,
        commentFields: commentDefs.map((f) =>
          fieldView(
            f,
            state?.form === 'comment'
              ? (state.raw[f.name] ?? '')
              : f.name === 'target' && preset && byValue.has(preset)
                ? preset
                : '',
            errorOf('comment', f.name),
          ),
        ),
        approveAction: `${base(req)}/review/approve`,
        approveFields: approveDefs.map((f) =>
          fieldView(f, rawOf('approve', f.name), errorOf('approve', f.name)),
        ),
        links: {
          checklist: `${base(req)}/checklist`,
          check: `${base(req)}/check`,
          documents: `${base(req)}/documents`,
          history: `${base(req)}/history`,
        },
      },
      { back: r.link ? null : base(req), errors: state?.errors ?? [], ...(status ? { status } : {}) },
    );
  }

  /** Save a change to the review, on the draft as saved now; then back to the review page. */
  function saveReview(
    req: Request,
    res: Response,
    page: string,
    op: (draft: Draft) => ReviewResult,
    onRefused: (refusal: Exclude<ReviewResult, { ok: true }>['refusal'] | 'stale') => void,
    options: { anchor?: string; readAt?: number } = {},
  ) {
    const r = dr(req);
    let refused: Exclude<ReviewResult, { ok: true }>['refusal'] | null = null;
    const outcome = drafts.save<null>(r.draftId, {
      // An approval is of the revision read, and refused if anyone saved since; the rest is added as is.
      baseRevision: options.readAt ?? null,
      stale: options.readAt === undefined ? 'merge' : 'refuse',
      role: r.link?.role ?? 'drafter',
      page,
      change: (current) => {
        const result = op(current);
        if (!result.ok) {
          refused = result.refusal;
          return { ok: false, refusal: null };
        }
        return { ok: true, draft: { ...current, review: result.review } };
      },
    });
    switch (outcome.kind) {
      case 'saved':
        return res.redirect(303, `${base(req)}/review${options.anchor ?? ''}`);
      case 'stale':
        r.draft = outcome.current.draft;
        r.revision = outcome.current.revision;
        return onRefused('stale');
      case 'refused':
        r.draft = outcome.current.draft;
        r.revision = outcome.current.revision;
        return onRefused(refused ?? 'unknown-comment');
      case 'full':
        return errorPage(req, res, 507, 'storageFull');
      case 'not-found':
        return errorPage(req, res, 404, 'draftNotFound', [{ href: '/', text: r.t('pages.common.toStart') }]);
      default:
        // A review change touches no answer: it cannot conflict or break the package.
        return errorPage(req, res, 500, 'draftUnreadable');
    }
  }

  const goneComment = (req: Request, res: Response) =>
    errorPage(req, res, 404, 'commentNotFound', [
      { href: `${base(req)}/review`, text: lr(req).t('pages.review.toReview') },
    ]);

  router.get(both(''), (req, res) => renderReview(req, res));

  router.post(both('/comments'), form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    if (roleOf(req) !== 'reviewer')
      return errorPage(req, res, 403, 'reviewerOnly', [
        { href: `${base(req)}/review`, text: r.t('pages.review.toReview') },
      ]);
    const options = targets(req, r.draft);
    const { raw, errors, values } = readForm(req, commentFields(req, options));
    if (errors.length > 0) return renderReview(req, res, { form: 'comment', raw, errors });
    const target = targetOf(values.target as string)!;
    const at = deps.clock().toISOString();
    const name = typeof values.name === 'string' ? values.name : null;
    saveReview(
      req,
      res,
      'review/comment',
      (d) => addComment(d.review, target, { role: 'reviewer', name }, values.text as string, at),
      () =>
        renderReview(req, res, {
          form: 'comment',
          raw,
          errors: [{ name: 'text', href: '#text', message: r.t('pages.review.tooMany') }],
        }),
    );
  });

  router.post(both('/comments/:comment/reply'), form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const id = req.params.comment;
    if (!isReviewId(id) || !r.draft.review.comments.some((c) => c.id === id)) return goneComment(req, res);
    const defs: FieldDef[] = [
      {
        name: 'text',
        kind: 'textarea',
        path: ['text'],
        label: r.t('pages.review.replyText'),
        required: r.t('pages.review.textRequired'),
      },
    ];
    const { raw, errors, values } = readForm(req, defs);
    const fix = (e: FieldError) => ({ ...e, href: `#reply-${id}-text` });
    if (errors.length > 0)
      return renderReview(req, res, { form: `reply-${id}`, raw, errors: errors.map(fix) });
    const at = deps.clock().toISOString();
    saveReview(
      req,
      res,
      'review/reply',
      (d) => reply(d.review, id, { role: roleOf(req), name: null }, values.text as string, at),
      (refusal) =>
        refusal === 'unknown-comment'
          ? goneComment(req, res)
          : renderReview(req, res, {
              form: `reply-${id}`,
              raw,
              errors: [{ name: 'text', href: `#reply-${id}-text`, message: r.t('pages.review.tooMany') }],
            }),
      { anchor: `#comment-${id}` },
    );
  });

  router.post(both('/comments/:comment/resolve'), form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const id = req.params.comment;
    if (roleOf(req) !== 'drafter')
      return errorPage(req, res, 403, 'linkScope', [
        { href: `${base(req)}/review`, text: r.t('pages.review.toReview') },
      ]);
    if (!isReviewId(id)) return goneComment(req, res);
    const at = deps.clock().toISOString();
    saveReview(
      req,
      res,
      'review/resolve',
      (d) => resolve(d.review, id, 'drafter', at),
      () => goneComment(req, res),
    );
  });

  router.post(both('/approve'), form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    if (roleOf(req) !== 'reviewer')
      return errorPage(req, res, 403, 'reviewerOnly', [
        { href: `${base(req)}/review`, text: r.t('pages.review.toReview') },
      ]);
    const read = kit.formRevision(req);
    const { raw, errors, values } = readForm(req, approveFields(req, read ?? r.revision));
    // Approve only what was read: a save since the page was shown is shown first.
    if (read !== r.revision)
      errors.unshift({
        name: 'confirm',
        href: '#confirm-yes',
        message: r.t('pages.review.changedSince', { revision: read ?? '?', current: r.revision }),
      });
    if (errors.length > 0)
      return renderReview(req, res, { form: 'approve', raw: { ...raw, confirm: [] }, errors });
    const at = deps.clock().toISOString();
    saveReview(
      req,
      res,
      'review/approve',
      (d) =>
        approve(
          d.review,
          d.package,
          read!,
          { name: values.approverName as string, title: values.approverTitle as string },
          at,
        ),
      (refusal) =>
        renderReview(req, res, {
          form: 'approve',
          raw: { ...raw, confirm: [] },
          errors: [
            {
              name: 'confirm',
              href: '#confirm-yes',
              message:
                refusal === 'stale'
                  ? r.t('pages.review.changedSince', { revision: read!, current: dr(req).revision })
                  : r.t('pages.review.alreadyApproved'),
            },
          ],
        }),
      { readAt: read! },
    );
  });
}
