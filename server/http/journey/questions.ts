/**
 * The task list, the question pages (journey definitions: definitions.ts) and check answers. Registered
 * last: a question page's address ends in its id, a parameter.
 */
import type { Request, Response, Router } from 'express';
import type { Package } from '../../domain/package';
import { formatDate, languageName } from '../../i18n/format';
import { verifyCsrf } from '../csrf';
import {
  fieldView,
  getIn,
  rawFromValue,
  submitForm,
  type FieldDef,
  type FieldError,
  type RawValue,
} from '../forms';
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
import { dr, lr, type PageKit } from './kit';

export function registerQuestionPages(router: Router, kit: PageKit): void {
  const {
    form,
    ctxOf,
    render,
    errorPage,
    refuseForgery,
    requirementViews,
    clearedNotice,
    base,
    save,
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
            r.t(allDone ? 'pages.tasks.checkReady' : 'pages.tasks.checkHint'),
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
      links: {
        self: `${base(req)}`,
        documents: `${base(req)}/documents`,
        checklist: `${base(req)}/checklist`,
        export: `${base(req)}/export`,
      },
    });
  });

  // -------------------------------------------------------------------------------------------------
  // Question pages

  /** The raw values a page shows when first opened. */
  function initialRaw(
    page: QuestionPage,
    fields: readonly FieldDef[],
    pkg: Package,
  ): Record<string, RawValue> {
    if (page.initial) return page.initial(pkg);
    return Object.fromEntries(fields.map((f) => [f.name, rawFromValue(f, getIn(pkg, f.path))]));
  }

  function renderQuestion(
    req: Request,
    res: Response,
    page: QuestionPage,
    raw: Record<string, RawValue>,
    errors: readonly FieldError[],
  ) {
    const r = dr(req);
    const pkg = r.draft.package;
    const fields = page.fields(pkg, ctxOf(req));
    const errorOf = (name: string) => errors.find((e) => e.name === name)?.message ?? null;
    const single = page.single === true && fields.length === 1;
    const back =
      returnTo(req) === 'check'
        ? `${base(req)}/check`
        : page.id === 'languages'
          ? `${base(req)}/central-authorities`
          : base(req);
    const leadKey = `pages.q.${page.id}.lead`;
    const lead = r.t(leadKey, { returnObjects: true, defaultValue: [] }) as unknown;
    render(
      req,
      res,
      'question',
      {
        title: single ? fields[0]!.label : r.t(`pages.q.${page.id}.title`),
        caption: r.t(`pages.sections.${page.section}`),
        heading: single ? null : r.t(`pages.q.${page.id}.title`),
        lead: Array.isArray(lead) ? lead : [],
        notice: clearedNotice(req),
        requirements: requirementViews(page.requirements(pkg), req),
        action: `${base(req)}/${page.id}`,
        fields: fields.map((f) => fieldView(f, raw[f.name] ?? '', errorOf(f.name), { pageHeading: single })),
        submitText: r.t('pages.common.saveAndContinue'),
        cancel: null,
        returnTo: returnTo(req),
      },
      { errors, back },
    );
  }

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

  /** An answer in words; a blank one is "not answered yet", or what blank means once the page was saved. */
  function answerLines(req: Request, f: FieldDef, value: unknown, saved: boolean): string[] {
    const r = lr(req);
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      return [saved && f.blank ? f.blank : r.t('pages.common.notAnswered')];
    }
    const label = (v: string) => f.options?.find((o) => o.value === v)?.label ?? v;
    switch (f.kind) {
      case 'yesno':
        return [r.t(value === true ? 'pages.common.yes' : 'pages.common.no')];
      case 'date':
        return [formatDate(value as string, r.lng)];
      case 'checkboxes':
        return (value as string[]).map(label);
      case 'radios':
      case 'select':
        return [label(value as string)];
      case 'list':
        return (value as string[]).map(String);
      default:
        return String(value).split('\n');
    }
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
            lines: answerLines(req, f, getIn(pkg, f.path), saved),
            ...change(`${base(req)}/${page.id}`, f.label),
          });
        }
      }
      if (s.id in AUTHORITY_LISTS) {
        const role = AUTHORITY_LISTS[s.id as AuthorityList];
        const list = pkg.authorities.map((a, i) => ({ a, i })).filter(({ a }) => a.roles.includes(role));
        if (list.length === 0)
          rows.push({
            key: r.t(`pages.lists.${s.id}.title`),
            lines: [r.t('pages.common.notAnswered')],
            ...change(`${base(req)}/authorities/new?role=${role}`, r.t(`pages.lists.${s.id}.title`)),
          });
        for (const { a, i } of list) {
          const contact = [...a.email, ...a.phone].slice(0, 2);
          rows.push({
            key: r.t(`pages.lists.${s.id}.summaryKey`),
            lines: [
              a.territory
                ? r.t('pages.authorities.forTerritory', { name: a.name, territory: a.territory })
                : a.name,
              ...contact,
            ],
            ...change(`${base(req)}/authorities/${i}?role=${role}`, a.name),
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

  router.get('/drafts/:id/:page', (req, res) => {
    const r = dr(req);
    const page = pageById(req.params.page as string);
    if (!page)
      return errorPage(req, res, 404, 'notFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    if (!page.applies(r.draft.package))
      return errorPage(req, res, 404, 'notApplicable', [
        { href: base(req), text: r.t('pages.common.toTasks') },
      ]);
    const fields = page.fields(r.draft.package, ctxOf(req));
    renderQuestion(req, res, page, initialRaw(page, fields, r.draft.package), []);
  });

  router.post('/drafts/:id/:page', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const page = pageById(req.params.page as string);
    if (!page)
      return errorPage(req, res, 404, 'notFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    const pkg = r.draft.package;
    if (!page.applies(pkg))
      return errorPage(req, res, 404, 'notApplicable', [
        { href: base(req), text: r.t('pages.common.toTasks') },
      ]);
    const ctx = ctxOf(req);
    const fields = page.fields(pkg, ctx);
    const result = submitForm(
      pkg,
      fields,
      req.body as Record<string, unknown>,
      r.t,
      page.apply ? (p, values) => page.apply!(p, values, ctx) : undefined,
    );
    if (!result.pkg)
      return renderQuestion(req, res, page, result.raw as Record<string, RawValue>, result.errors);
    save(req, res, result.pkg, page.section, nextHref(req, page, result.pkg));
  });
}
