/**
 * The task list, the question pages (journey definitions: definitions.ts) and check answers. Registered
 * last: a question page's address ends in its id, a parameter.
 */
import type { Request, Response, Router } from 'express';
import type { Package } from '../../domain/package';
import { excerpt, slotStatuses } from '../../domain/translations';
import { languageName } from '../../i18n/format';
import { fieldKey } from '../../i18n/messages';
import { verifyCsrf } from '../csrf';
import { getIn } from '../forms';
import { answerLines } from './answers';
import {
  AUTHORITY_LISTS,
  applicableSections,
  PAGES,
  pageById,
  SECTIONS,
  sectionStatus,
  type AuthorityList,
  type QuestionPage,
} from './definitions';
import type { FormPage, FormPages } from './form-page';
import { dr, lr, type PageKit } from './kit';
import { progressOf, targetLanguages } from './translate';

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
    const allDone = statuses.every(({ s, status }) => status === 'completed' || s.dueAtDeposit === false);
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
    const groups = [
      {
        title: r.t('pages.tasks.groups.prepare'),
        tasks: statuses.map(({ s, status }) =>
          task(
            s.id,
            r.t(`pages.sections.${s.id}`),
            `${base(req)}/${s.id}`,
            status,
            r.t(`pages.sectionHints.${s.id}`, { defaultValue: '' }) || null,
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
            `${r.t(allDone ? 'pages.tasks.checkReady' : 'pages.tasks.checkHint')} ${readiness}`,
          ),
        ],
      },
    ];
    // One line per reason: the Convention's five sections share theirs.
    const reasons = new Set(
      SECTIONS.filter((s) => !s.applies(pkg) && s.absentBecause).map((s) => s.absentBecause!),
    );
    const notApplicable = [...reasons].map((key) => r.t(`pages.notApplicable.${key}`));
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
  // Check answers

  /**
   * A row per language the answers are being translated into: how far it has come, and each translation
   * gone out of date since (its answer changed), so that the drafter sees what a change has undone.
   */
  function translationRows(req: Request, pkg: Package) {
    const t = lr(req).t;
    return targetLanguages(pkg)
      .filter((lng) => Object.keys(pkg.translations[lng] ?? {}).length > 0)
      .map((lng) => {
        const progress = progressOf(pkg, lng);
        const stale = slotStatuses(pkg, lng).filter((st) => st.state === 'stale');
        const language = t(`languages.${lng}`);
        return {
          key: language,
          lines: [
            t('pages.translate.progress', { ...progress, count: progress.total }),
            ...stale.map((st) =>
              t('pages.check.staleTranslation', {
                field: t(`fields.${fieldKey(st.slot.path)}`),
                source: excerpt(st.slot.source, 40),
              }),
            ),
          ],
          href: `${base(req)}/translate/${lng}`,
          action: t('pages.common.change'),
          actionHidden: t('pages.translate.title', { language }),
        };
      });
  }

  router.get('/drafts/:id/check', (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const ctx = ctxOf(req);
    const change = (href: string, what: string) => ({
      href: `${href}${href.includes('?') ? '&' : '?'}return=check`,
      action: r.t('pages.common.change'),
      actionHidden: what,
    });
    const sections = applicableSections(pkg).map((s) => {
      const rows: object[] = [];
      for (const page of PAGES.filter((p) => p.section === s.id && p.applies(pkg))) {
        const saved = r.draft.visited.includes(page.section);
        if (page.answers) {
          for (const row of page.answers(pkg, ctx, saved))
            rows.push({ ...row, ...change(`${base(req)}/${page.id}`, row.key) });
          continue;
        }
        for (const f of page.fields(pkg, ctx)) {
          rows.push({
            key: f.label,
            lines: answerLines(lr(req), f, getIn(pkg, f.path), saved),
            ...change(`${base(req)}/${page.id}`, f.label),
          });
        }
      }
      if (s.id in AUTHORITY_LISTS) {
        const role = AUTHORITY_LISTS[s.id as AuthorityList];
        const list = pkg.authorities.filter((a) => a.roles.includes(role));
        if (list.length === 0)
          rows.push({
            key: r.t(`pages.lists.${s.id}.title`),
            lines: [r.t('pages.common.notAnswered')],
            ...change(`${base(req)}/authorities/new?role=${role}`, r.t(`pages.lists.${s.id}.title`)),
          });
        for (const a of list) {
          const contact = [...a.email, ...a.phone].slice(0, 2);
          rows.push({
            key: r.t(`pages.lists.${s.id}.summaryKey`),
            lines: [
              a.territory
                ? r.t('pages.authorities.forTerritory', { name: a.name, territory: a.territory })
                : a.name,
              ...contact,
            ],
            ...change(`${base(req)}/authorities/${a.id}?role=${role}`, a.name),
          });
        }
        if (s.id === 'central-authorities') {
          rows.push({
            key: r.t('pages.q.languages.summaryKey'),
            lines:
              pkg.mlaLanguages.length > 0
                ? pkg.mlaLanguages.map((l) => languageName(l, r.lng))
                : [r.t('pages.common.notAnswered')],
            ...change(`${base(req)}/languages`, r.t('pages.q.languages.summaryKey')),
          });
        }
      }
      if (s.id === 'declarations') {
        rows.push({
          key: r.t('pages.declarations.title'),
          lines:
            pkg.declarations.length > 0
              ? pkg.declarations.map(
                  (d, i) =>
                    `${r.t('pages.declarations.item', { n: i + 1 })}: ${r.t(`pages.q.declaration.kinds.${d.kind}`)}`,
                )
              : [r.t('pages.declarations.none')],
          ...change(`${base(req)}/declarations`, r.t('pages.declarations.title')),
        });
      }
      return { title: r.t(`pages.sections.${s.id}`), rows };
    });
    const translations = translationRows(req, pkg);
    if (translations.length > 0)
      sections.push({ title: r.t('pages.check.translationsHeading'), rows: translations });
    render(
      req,
      res,
      'check',
      {
        title: r.t('pages.check.title'),
        heading: r.t('pages.check.title'),
        partyName: partyLabel(req, pkg),
        notice: clearedNotice(req),
        sections,
        documentsHref: `${base(req)}/documents`,
      },
      { back: base(req) },
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
        const lead = r.t(`pages.q.${page.id}.lead`, { returnObjects: true, defaultValue: [] }) as unknown;
        return {
          title: r.t(`pages.q.${page.id}.title`),
          caption: r.t(`pages.sections.${page.section}`),
          heading: r.t(`pages.q.${page.id}.title`),
          lead: Array.isArray(lead) ? (lead as string[]) : [],
          notice: clearedNotice(req),
          requirements: requirementViews(page.requirements(draft.package), req),
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
