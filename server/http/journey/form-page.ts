/**
 * The form page controller: every page that is a form of fields (a question page, an authority or a
 * declaration) is shown, saved and, when someone else saved in between, merged or shown as a conflict
 * here, from a `FormPage` description. Question pages and list entries differ only in their description.
 *
 *   GET   the fields, with the draft's values (or the "entry removed" page when its entry is gone)
 *   POST  read the fields; save through kit.saveDraft, which applies them to the draft as the user read it
 *         (the `_revision` of the form) and merges with what others saved since. Then one of:
 *         - saved: on to the next page (told on it when the save was merged with someone else's);
 *         - the form has errors: the page again, with what was typed;
 *         - conflict: a page showing, for each answer changed on both sides, the user's answer and the
 *           saved one, to choose between (GOV.UK radios). Choosing posts the form again (`_resolve`), based
 *           on the revision the conflict was shown at;
 *         - the entry the page edits was removed meanwhile: a page that says so and offers to add what
 *           was typed as a new entry.
 */
import type { Request, Response } from 'express';
import type { Draft, SectionId } from '../../domain/draft';
import { changedPaths, keyedPath, pathsOverlap, pathText } from '../../domain/merge';
import type { SaveOutcome } from '../../store/drafts';
import {
  bodyFromRaw,
  fieldView,
  getIn,
  parseRaw,
  rawFromValue,
  readRaw,
  submitForm,
  writeFields,
  type FieldDef,
  type FieldError,
  type FieldValue,
  type RawValue,
} from '../forms';
import type { Package } from '../../domain/package';
import { answerLines } from './answers';
import { dr, lr, type PageKit } from './kit';

/** What the question template shows around the fields. */
export interface FormView {
  readonly title: string;
  readonly caption: string;
  /** The h1; null when the only field's legend is the heading. */
  readonly heading: string | null;
  readonly lead: readonly string[];
  readonly requirements: readonly object[];
  /** Where the form posts (the page's own address, with its query). */
  readonly action: string;
  readonly submitText: string;
  readonly cancel: { href: string; text: string } | null;
  readonly back: string;
  readonly single: boolean;
  readonly notice: { title: string; lines: string[] } | null;
  /** Links shown under the lead (the translation page's XLIFF download and import); none by default. */
  readonly links?: readonly { href: string; text: string }[];
}

export interface FormPage {
  /** The page in the record of changes, relative to the draft: "party", "authorities/k3Jq0aZx". */
  readonly record: string;
  readonly section: SectionId | null;
  /** The fields, read against a draft; null when what the page edits is not in that draft (removed). */
  fields(draft: Draft): readonly FieldDef[] | null;
  /** The values shown when the page opens; by default each field's value at its path. */
  initial?(draft: Draft, fields: readonly FieldDef[]): Record<string, RawValue>;
  /** Write the values into the package; by default each value at its field's path. */
  apply?(pkg: Package, fields: readonly FieldDef[], values: ReadonlyMap<string, FieldValue>): unknown;
  /** Where the page goes once saved. */
  next(saved: Draft): string;
  /** The texts around the fields, for a draft. */
  view(draft: Draft): FormView;
  /** The page that says the entry is gone, with what was typed (null on a GET). */
  gone(req: Request, res: Response, typed: Record<string, RawValue> | null): void;
}

type Refusal =
  | { readonly kind: 'form'; readonly raw: Record<string, RawValue>; readonly errors: readonly FieldError[] }
  | { readonly kind: 'gone' }
  | { readonly kind: 'choose'; readonly errors: readonly FieldError[] };

const KEEP = ['mine', 'theirs'] as const;
/** At most this many answers in conflict on one page (a page has fewer fields than this). */
const MAX_GROUPS = 60;

export function createFormPages(kit: PageKit) {
  const { render, saveDraft, returnTo } = kit;

  const initialOf = (page: FormPage, draft: Draft, fields: readonly FieldDef[]) =>
    page.initial
      ? page.initial(draft, fields)
      : Object.fromEntries(fields.map((f) => [f.name, rawFromValue(f, getIn(draft.package, f.path))]));

  const typedIn = (fields: readonly FieldDef[], body: Record<string, unknown>) =>
    Object.fromEntries(fields.map((f) => [f.name, readRaw(body, f)]));

  function renderForm(
    req: Request,
    res: Response,
    page: FormPage,
    raw: Record<string, RawValue> | null,
    errors: readonly FieldError[],
    status?: number,
  ) {
    const r = dr(req);
    const fields = page.fields(r.draft);
    if (!fields) return page.gone(req, res, raw);
    const values = raw ?? initialOf(page, r.draft, fields);
    const view = page.view(r.draft);
    const single = view.single && fields.length === 1;
    const errorOf = (name: string) => errors.find((e) => e.name === name)?.message ?? null;
    render(
      req,
      res,
      'question',
      {
        title: single ? fields[0]!.label : view.title,
        caption: view.caption,
        heading: single ? null : view.heading,
        lead: view.lead,
        links: view.links ?? [],
        notice: view.notice,
        requirements: view.requirements,
        action: view.action,
        fields: fields.map((f) =>
          fieldView(f, values[f.name] ?? '', errorOf(f.name), { pageHeading: single }),
        ),
        submitText: view.submitText,
        cancel: view.cancel,
        returnTo: returnTo(req),
      },
      { errors, back: view.back, ...(status ? { status } : {}) },
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Conflicts

  /** The groups of a conflict form as posted: `_group-N` lists the field names of group N. */
  function postedGroups(body: Record<string, unknown>, fields: readonly FieldDef[]): string[][] {
    const names = new Set(fields.map((f) => f.name));
    const groups: string[][] = [];
    for (let i = 0; i < MAX_GROUPS; i++) {
      const v = body[`_group-${i}`];
      if (typeof v !== 'string') break;
      groups.push(v.split(',').filter((n) => names.has(n)));
    }
    return groups;
  }

  /**
   * A conflict form posted back: the body with, for each answer the user chose to leave as saved, the
   * saved value (the draft the conflict was shown with is the base of this post); or the groups still
   * without a choice.
   */
  function resolveChoices(
    req: Request,
    page: FormPage,
    base: Draft,
    fields: readonly FieldDef[],
  ): { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
    const body = req.body as Record<string, unknown>;
    if (body._resolve !== '1') return { ok: true, body };
    const groups = postedGroups(body, fields);
    const t = lr(req).t;
    const errors: FieldError[] = [];
    const saved = initialOf(page, base, fields);
    const out: Record<string, unknown> = { ...body };
    groups.forEach((names, i) => {
      const keep = body[`_keep-${i}`];
      if (keep !== 'mine' && keep !== 'theirs') {
        const label = groupLegend(page, base, fields, names);
        errors.push({
          name: `_keep-${i}`,
          href: `#_keep-${i}-mine`,
          message: t('pages.conflict.choose', { label }),
        });
        return;
      }
      if (keep === 'mine') return;
      for (const f of fields.filter((x) => names.includes(x.name))) {
        for (const { name } of bodyFromRaw(f, readRaw(body, f))) delete out[name];
        for (const { name, value } of bodyFromRaw(f, saved[f.name] ?? '')) {
          const prev = out[name];
          out[name] = prev === undefined ? value : ([] as unknown[]).concat(prev, value);
        }
      }
    });
    return errors.length > 0 ? { ok: false, errors } : { ok: true, body: out };
  }

  function groupLegend(page: FormPage, draft: Draft, fields: readonly FieldDef[], names: readonly string[]) {
    const inGroup = fields.filter((f) => names.includes(f.name));
    return inGroup.length === 1 ? inGroup[0]!.label : page.view(draft).title;
  }

  /**
   * The conflict page: `draft` is the draft as saved now, `proposed` what this user's form would make
   * every field (their answer where they changed it, the saved one elsewhere), `groups` the fields changed
   * on both sides, one choice each.
   */
  function renderConflict(
    req: Request,
    res: Response,
    page: FormPage,
    draft: Draft,
    proposed: Record<string, RawValue>,
    groups: readonly (readonly string[])[],
    errors: readonly FieldError[],
  ) {
    const r = dr(req);
    const fields = page.fields(draft);
    if (!fields) return page.gone(req, res, proposed);
    const saved = initialOf(page, draft, fields);
    const t = r.t;
    const words = (f: FieldDef, raw: RawValue) => {
      const parsed = parseRaw(f, raw, t);
      return parsed.ok ? answerLines(r, f, parsed.value, false) : [String(raw)];
    };
    const view = page.view(draft);
    const choices = groups.map((names, i) => {
      const inGroup = fields.filter((f) => names.includes(f.name));
      const legend = groupLegend(page, draft, fields, names);
      const several = inGroup.length > 1;
      const rows = inGroup.flatMap((f) => [
        {
          key: several ? `${f.label}: ${t('pages.conflict.yours')}` : t('pages.conflict.yours'),
          lines: words(f, proposed[f.name] ?? ''),
          href: null,
          action: '',
          actionHidden: '',
        },
        {
          key: several ? `${f.label}: ${t('pages.conflict.saved')}` : t('pages.conflict.saved'),
          lines: words(f, saved[f.name] ?? ''),
          href: null,
          action: '',
          actionHidden: '',
        },
      ]);
      const keep = (req.body as Record<string, unknown> | undefined)?.[`_keep-${i}`];
      const choice: FieldDef = {
        name: `_keep-${i}`,
        kind: 'radios',
        path: [],
        label: t('pages.conflict.which', { label: legend }),
        options: KEEP.map((k) => ({ value: k, label: t(`pages.conflict.keep.${k}`) })),
      };
      return {
        legend,
        groupName: `_group-${i}`,
        fieldNames: names.join(','),
        rows,
        choice: fieldView(
          choice,
          typeof keep === 'string' ? keep : '',
          errors.find((e) => e.name === choice.name)?.message ?? null,
        ),
      };
    });
    const hidden = fields.flatMap((f) => bodyFromRaw(f, proposed[f.name] ?? ''));
    render(
      req,
      res,
      'conflict',
      {
        title: t('pages.conflict.title'),
        caption: view.caption,
        heading: t('pages.conflict.title'),
        lead: t('pages.conflict.lead', { returnObjects: true, count: groups.length }) as string[],
        action: view.action,
        hidden,
        choices,
        returnTo: returnTo(req),
        submitText: t('pages.conflict.save'),
        cancel: { href: view.action, text: t('pages.conflict.cancel') },
      },
      { errors, back: view.back, status: errors.length > 0 ? 400 : 409 },
    );
  }

  function conflictFrom(
    req: Request,
    res: Response,
    page: FormPage,
    outcome: Extract<SaveOutcome<Refusal>, { kind: 'conflict' }>,
  ) {
    const current = outcome.current.draft;
    const fields = page.fields(current);
    const body = req.body as Record<string, unknown>;
    if (!fields) return page.gone(req, res, typedIn(page.fields(outcome.mine) ?? [], body));
    const typed = typedIn(fields, body);
    const saved = initialOf(page, current, fields);
    const mineChanged = outcome.base
      ? changedPaths(outcome.base.package, outcome.mine.package)
      : outcome.conflicts;
    const groups = new Map<string, string[]>();
    const proposed: Record<string, RawValue> = {};
    for (const f of fields) {
      const at = keyedPath(current.package, f.path);
      const conflicting = outcome.conflicts.some((c) => pathsOverlap(c, at));
      const changed = conflicting || mineChanged.some((c) => pathsOverlap(c, at));
      proposed[f.name] = changed ? (typed[f.name] ?? '') : (saved[f.name] ?? '');
      if (conflicting) groups.set(pathText(at), [...(groups.get(pathText(at)) ?? []), f.name]);
    }
    // A conflict on nothing this page shows (it cannot happen: the page's change is what conflicts).
    if (groups.size === 0) return renderForm(req, res, page, typed, []);
    renderConflict(req, res, page, current, proposed, [...groups.values()], []);
  }

  // -------------------------------------------------------------------------------------------------
  // Show and save

  function show(req: Request, res: Response, page: FormPage) {
    renderForm(req, res, page, null, []);
  }

  function submit(req: Request, res: Response, page: FormPage) {
    const r = dr(req);
    const body = req.body as Record<string, unknown>;
    saveDraft<Refusal>(req, res, {
      page: page.record,
      section: page.section,
      change: (base) => {
        const fields = page.fields(base);
        if (!fields) return { ok: false, refusal: { kind: 'gone' } };
        const resolved = resolveChoices(req, page, base, fields);
        if (!resolved.ok) return { ok: false, refusal: { kind: 'choose', errors: resolved.errors } };
        const result = submitForm(base.package, fields, resolved.body, r.t, (pkg, values) =>
          page.apply ? page.apply(pkg, fields, values) : writeFields(pkg, fields, values),
        );
        if (!result.pkg)
          return {
            ok: false,
            refusal: { kind: 'form', raw: result.raw as Record<string, RawValue>, errors: result.errors },
          };
        return { ok: true, draft: { ...base, package: result.pkg } };
      },
      next: (saved) => page.next(saved),
      refused: (refusal) => {
        if (refusal.kind === 'form') return renderForm(req, res, page, refusal.raw, refusal.errors);
        const fields = page.fields(r.draft) ?? [];
        if (refusal.kind === 'gone') return page.gone(req, res, typedIn(fields, body));
        renderConflict(
          req,
          res,
          page,
          r.draft,
          typedIn(fields, body),
          postedGroups(body, fields),
          refusal.errors,
        );
      },
      conflict: (outcome) => conflictFrom(req, res, page, outcome),
      pageError: (message, status) => {
        const fields = page.fields(r.draft) ?? [];
        renderForm(
          req,
          res,
          page,
          typedIn(fields, body),
          [{ name: '_page', href: '#main', message }],
          status,
        );
      },
    });
  }

  return { show, submit, renderForm };
}

export type FormPages = ReturnType<typeof createFormPages>;
