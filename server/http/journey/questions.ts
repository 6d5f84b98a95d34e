/**
 * The task list, the question pages (journey definitions: definitions.ts) and check answers. Registered
 * last: a question page's address ends in its id, a parameter.
 */
import type { Request, Response, Router } from 'express';
import type { Package } from '../../domain/package';
import { approvalState, openComments } from '../../domain/review';
import { verifyCsrf } from '../csrf';
import { getIn } from '../forms';
import { answerSections } from './answer-rows';
import {
  applicableSections,
  holdsBack,
  isNotifying,
  pageById,
  SECTIONS,
  sectionStatus,
  sectionTitleKey,
  type QuestionPage,
} from './definitions';
import type { FormPage, FormPages } from './form-page';
import { dr, lr, type PageKit } from './kit';

export function registerQuestionPages(router: Router, kit: PageKit, forms: FormPages): void {
  const {
    deps,
    form,
    ctxOf,
    render,
    errorPage,
    refuseForgery,
    requirementViews,
    clearedNotice,
    base,
    returnTo,
    partyLabel,
  } = kit;
  // -------------------------------------------------------------------------------------------------
  // Task list

  router.get('/drafts/:id', (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const sections = applicableSections(pkg);
    const statuses = sections.map((s) => ({ s, status: sectionStatus(s, r.draft) }));
    const completed = statuses.filter((x) => x.status === 'completed').length;
    // Check answers opens once every section due at deposit is completed (the others may follow later).
    const allDone = statuses.every(({ s, status }) => status === 'completed' || !holdsBack(s, r.draft));
    const notifying = isNotifying(pkg);
    // Whether final documents can be produced, from the assessment the documents page uses, so that the
    // two pages agree (a completed section does not mean nothing is missing).
    const assessment = kit.assessIn(pkg, pkg.documentLanguage);
    const toFix =
      assessment.checklist.missing.length + assessment.issues.filter((i) => i.severity === 'error').length;
    const readiness =
      toFix === 0 ? r.t('pages.tasks.finalReady') : r.t('pages.tasks.finalNotReady', { count: toFix });
    const task = (
      id: string,
      title: string,
      href: string | null,
      status: string,
      hint: string | null = null,
    ) => ({
      id,
      title,
      href,
      status,
      statusText: r.t(`pages.tasks.status.${status}`),
      hint,
    });
    /** The legal adviser's review: its open comments and whether the approval still holds. */
    const reviewTask = () => {
      const open = openComments(r.draft.review).length;
      const approval = approvalState(r.draft.review, pkg);
      const status =
        approval.kind === 'current' && open === 0
          ? 'completed'
          : open > 0 || r.draft.review.comments.length > 0 || approval.kind !== 'none'
            ? 'in-progress'
            : 'not-started';
      const hint = [
        ...(open > 0 ? [r.t('pages.tasks.openComments', { count: open })] : []),
        r.t(`pages.tasks.approval.${approval.kind}`),
      ].join(' ');
      return task('review', r.t('pages.tasks.review'), `${base(req)}/review`, status, hint);
    };
    const groups = [
      {
        title: r.t(`pages.tasks.groups.${notifying ? 'prepareNotify' : 'prepare'}`),
        tasks: statuses.map(({ s, status }) =>
          task(
            s.id,
            r.t(sectionTitleKey(s.id, pkg)),
            `${base(req)}/${s.id}`,
            status,
            // The hints speak of an instrument (full powers): none for a retitled section of a notification.
            notifying && s.retitledWhenNotifying
              ? null
              : r.t(`pages.sectionHints.${s.id}`, { defaultValue: '' }) || null,
          ),
        ),
      },
      {
        title: r.t('pages.tasks.groups.finish'),
        tasks: [
          task(
            'check',
            r.t('pages.tasks.check'),
            allDone ? `${base(req)}/check` : null,
            allDone ? 'not-started' : 'cannot-start',
            `${r.t(`pages.tasks.${allDone ? 'checkReady' : 'checkHint'}${notifying ? 'Notify' : ''}`)} ${readiness}`,
          ),
          reviewTask(),
        ],
      },
    ];
    // One line per reason: the Convention's five sections share theirs.
    const reasons = new Set(
      SECTIONS.filter((s) => !s.applies(pkg) && s.absentBecause).map((s) => s.absentBecause!),
    );
    // In a later notification, a treaty's sections are absent because the notifications do not concern it.
    const notApplicable = [...reasons].map((key) =>
      r.t(
        notifying && key !== 'notification' && key !== 'competence'
          ? `pages.notApplicableNotify.${key}`
          : `pages.notApplicable.${key}`,
      ),
    );
    const notice =
      req.query.imported === '1'
        ? { title: r.t('pages.import.done.title'), lines: [r.t('pages.import.done.line')] }
        : clearedNotice(req);
    render(req, res, 'tasks', {
      title: r.t('pages.tasks.title'),
      heading: r.t('pages.tasks.title'),
      partyName: partyLabel(req, pkg),
      notice,
      summary: r.t('pages.tasks.summary', { completed, count: sections.length }),
      // A party's later notification says so, since no instrument comes out of it.
      purpose: notifying ? r.t('pages.tasks.purposeNotify') : null,
      groups,
      notApplicable,
      bookmark: r.t('pages.tasks.bookmarkLink'),
      retention: r.t('pages.tasks.retention', { count: deps.retentionDays }),
      links: {
        self: `${base(req)}`,
        documents: `${base(req)}/documents`,
        checklist: `${base(req)}/checklist`,
        translate: `${base(req)}/translate`,
        share: `${base(req)}/links`,
        export: `${base(req)}/export`,
        delete: `${base(req)}/delete`,
      },
    });
  });

  // -------------------------------------------------------------------------------------------------
  // Question pages

  /** Where a saved page goes: its next page, or back to check answers when the user came from there. */
  function nextHref(req: Request, page: QuestionPage, pkg: Package): string {
    const next = page.next(pkg);
    if (returnTo(req) === 'check') {
      const follow = next !== 'tasks' ? pageById(next) : undefined;
      // A follow-up question that now applies (extradition became conditional on a treaty) is asked first.
      if (
        follow &&
        follow.applies(pkg) &&
        follow.fields(pkg, ctxOf(req)).every((f) => (getIn(pkg, f.path) ?? null) === null)
      ) {
        return `${base(req)}/${follow.id}?return=check`;
      }
      return `${base(req)}/check`;
    }
    if (next === 'tasks') return base(req);
    if (next === 'central-authorities') return `${base(req)}/central-authorities`;
    return `${base(req)}/${next}`;
  }

  // -------------------------------------------------------------------------------------------------
  // Check answers: every answer with its Change link; for a reviewer, read only, each with a link to
  // comment on it; the open comments on an answer are counted beside it.

  router.get(['/drafts/:id/check', '/shared/:token/check'], (req, res) => {
    const r = dr(req);
    const reviewer = r.link?.role === 'reviewer';
    const open = openComments(r.draft.review);
    const sections = answerSections(req, kit, r.draft).map((s) => ({
      title: s.title,
      rows: s.rows.map((row) => {
        const count = open.filter((c) => c.target.kind === 'answer' && c.target.ref === row.ref).length;
        const lines = count > 0 ? [...row.lines, r.t('pages.check.openComments', { count })] : [...row.lines];
        return reviewer
          ? {
              key: row.key,
              lines,
              href: `${base(req)}/review?on=${encodeURIComponent(`answer:${row.ref}`)}#new-comment`,
              action: r.t('pages.check.comment'),
              actionHidden: row.key,
            }
          : {
              key: row.key,
              lines,
              href: row.href,
              action: r.t('pages.common.change'),
              actionHidden: row.key,
            };
      }),
    }));
    render(
      req,
      res,
      'check',
      {
        title: r.t('pages.check.title'),
        heading: r.t('pages.check.title'),
        partyName: partyLabel(req, r.draft.package),
        notice: clearedNotice(req),
        sections,
        documentsHref: `${base(req)}/documents`,
      },
      { back: reviewer ? `${base(req)}/review` : base(req) },
    );
  });

  // -------------------------------------------------------------------------------------------------
  // Question pages (last: the page id is a parameter)

  /** A question page as a form page (form-page.ts). */
  function questionForm(req: Request, page: QuestionPage): FormPage {
    const r = dr(req);
    const ctx = ctxOf(req);
    return {
      record: page.id,
      section: page.section,
      fields: (draft) => (page.applies(draft.package) ? page.fields(draft.package, ctx) : null),
      ...(page.initial ? { initial: (draft) => page.initial!(draft.package) } : {}),
      ...(page.apply ? { apply: (pkg, _fields, values) => page.apply!(pkg, values, ctx) } : {}),
      next: (saved) => nextHref(req, page, saved.package),
      view: (draft) => {
        const leadKey = page.leadKey?.(draft.package) ?? `pages.q.${page.id}.lead`;
        const lead = r.t(leadKey, { returnObjects: true, defaultValue: [] }) as unknown;
        return {
          title: r.t(page.titleKey?.(draft.package) ?? `pages.q.${page.id}.title`),
          caption: r.t(sectionTitleKey(page.section, draft.package)),
          heading: r.t(page.titleKey?.(draft.package) ?? `pages.q.${page.id}.title`),
          lead: Array.isArray(lead) ? (lead as string[]) : [],
          notice: clearedNotice(req),
          requirements: requirementViews(page.requirements(draft.package), req, draft.package),
          action: `${base(req)}/${page.id}`,
          submitText: r.t('pages.common.saveAndContinue'),
          cancel: null,
          back:
            returnTo(req) === 'check'
              ? `${base(req)}/check`
              : page.id === 'languages'
                ? `${base(req)}/central-authorities`
                : base(req),
          single: page.single === true,
        };
      },
      // The page stopped applying while it was open (another answer made it unnecessary).
      gone: (rq, rs) =>
        errorPage(rq, rs, 404, 'notApplicable', [{ href: base(rq), text: lr(rq).t('pages.common.toTasks') }]),
    };
  }

  /** The question page the address names, when it applies to the draft; otherwise the error page. */
  function questionFor(req: Request, res: Response): QuestionPage | null {
    const r = dr(req);
    const page = pageById(req.params.page as string);
    const toTasks = [{ href: base(req), text: r.t('pages.common.toTasks') }];
    if (!page) {
      errorPage(req, res, 404, 'notFound', toTasks);
      return null;
    }
    if (!page.applies(r.draft.package)) {
      errorPage(req, res, 404, 'notApplicable', toTasks);
      return null;
    }
    return page;
  }

  router.get('/drafts/:id/:page', (req, res) => {
    const page = questionFor(req, res);
    if (page) forms.show(req, res, questionForm(req, page));
  });

  router.post('/drafts/:id/:page', form, verifyCsrf(refuseForgery), (req, res) => {
    const page = questionFor(req, res);
    if (page) forms.submit(req, res, questionForm(req, page));
  });
}
