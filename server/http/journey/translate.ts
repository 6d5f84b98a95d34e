/**
 * Translating the answers (domain/translations.ts): an overview of the document languages, with how far
 * each has come, and one page per language with each printed answer as written (the source) and its
 * translation side by side. A page of the form controller (form-page.ts): saved through the revisions
 * like every other page, merged with others' saves, and shown as a conflict when two people translated
 * the same answer differently.
 *
 *   GET  /drafts/:id/translate          the languages, with their progress
 *   GET  /drafts/:id/translate/:lng     the answers and their translations into :lng
 *   POST /drafts/:id/translate/:lng     save them
 *
 * A stale translation (its source changed since) stays stale when saved unchanged: the translator says
 * it is still right ("confirm"), or changes it. The State's formal name as the UN write it is a fixed
 * term, shown and not asked.
 */
import type { Request, Response, Router } from 'express';
import type { Draft } from '../../domain/draft';
import { LongTextSchema, ShortTextSchema, type Package } from '../../domain/package';
import { slotStatuses, type SlotStatus, type TextSlot } from '../../domain/translations';
import { SUPPORTED_LANGUAGES, isLanguage, type Language } from '../../i18n';
import { fieldKey } from '../../i18n/messages';
import { verifyCsrf } from '../csrf';
import type { FieldDef, FieldValue } from '../forms';
import type { FormPage, FormPages } from './form-page';
import { dr, lr, type PageKit } from './kit';
import { slotLabel } from './slot-label';
import { xliffLinks, xliffNotice } from './xliff';

/** The languages a draft's answers can be translated into: every document language but the answers'. */
export function targetLanguages(pkg: Package): Language[] {
  return SUPPORTED_LANGUAGES.filter((l) => l !== pkg.documentLanguage);
}

/** How far a language has come: answers to translate (personal names and fixed terms aside). */
export function progressOf(pkg: Package, lng: Language) {
  const statuses = slotStatuses(pkg, lng).filter((s) => s.state !== 'fixed' && !s.slot.personal);
  return {
    total: statuses.length,
    translated: statuses.filter((s) => s.state === 'translated').length,
    stale: statuses.filter((s) => s.state === 'stale').length,
  };
}

/** The id of a slot's field on the translation page: its key (letters, digits, "_", "-" and dots). */
export const slotFieldName = (slot: TextSlot) => slot.key;
const confirmName = (slot: TextSlot) => `${slot.key}.confirm`;

export function registerTranslatePages(router: Router, kit: PageKit, forms: FormPages): void {
  const { form, render, errorPage, refuseForgery, base } = kit;

  /** The label of an answer: its field, and which entry it belongs to where there are several. */
  function labelOf(req: Request, pkg: Package, slot: TextSlot): string {
    return slotLabel(lr(req).t, pkg, slot);
  }

  function fieldsOf(req: Request, draft: Draft, lng: Language): FieldDef[] {
    const t = lr(req).t;
    const pkg = draft.package;
    const source = pkg.documentLanguage;
    return slotStatuses(pkg, lng)
      .filter((s) => s.state !== 'fixed')
      .flatMap((s): FieldDef[] => {
        const label = labelOf(req, pkg, s.slot);
        const answer: FieldDef = {
          name: slotFieldName(s.slot),
          kind: s.slot.kind === 'text' ? 'textarea' : 'text',
          path: ['translations', lng, s.slot.key, 'text'],
          label: `${label} (${t(`pages.translate.states.${s.state}`)})`,
          hint: s.slot.source,
          hintLang: source,
          lang: lng,
          schema: s.slot.kind === 'text' ? LongTextSchema : ShortTextSchema,
        };
        if (s.state !== 'stale') return [answer];
        const confirm: FieldDef = {
          name: confirmName(s.slot),
          kind: 'checkboxes',
          path: ['translations', lng, s.slot.key, 'source'],
          label: t('pages.translate.confirmLegend', { field: label }),
          options: [
            {
              value: 'yes',
              label: t('pages.translate.confirm'),
              hint: t('pages.translate.translatedFrom', { text: s.translatedFrom ?? '' }),
            },
          ],
        };
        return [answer, confirm];
      });
  }

  /**
   * Each answer's translation written with the source it is now a translation of: a new or changed
   * translation, or one confirmed, records today's source; one saved unchanged keeps the source it was
   * made from (so a stale one stays stale); a blank one is removed, and so is the translation of an
   * answer that is no longer there.
   */
  function apply(pkg: Package, lng: Language, values: ReadonlyMap<string, FieldValue>): Package {
    // Built afresh from the answers there are: the translation of an answer since removed (an authority,
    // a declaration) goes with it.
    const saved = pkg.translations[lng] ?? {};
    const texts: Record<string, { text: string; source: string }> = {};
    for (const s of slotStatuses(pkg, lng)) {
      if (s.state === 'fixed') continue;
      const value = values.get(slotFieldName(s.slot));
      const before = saved[s.slot.key];
      if (typeof value !== 'string' || value === '') continue;
      const confirmed = (values.get(confirmName(s.slot)) as readonly string[] | null)?.includes('yes');
      const unchanged = before !== undefined && before.text === value;
      texts[s.slot.key] = {
        text: value,
        source: unchanged && !confirmed ? before.source : s.slot.source,
      };
    }
    return { ...pkg, translations: { ...pkg.translations, [lng]: texts } };
  }

  function fixedLines(req: Request, statuses: readonly SlotStatus[], lng: Language): string[] {
    const t = lr(req).t;
    return statuses
      .filter((s) => s.state === 'fixed')
      .map((s) =>
        t('pages.translate.fixed', {
          field: t(`fields.${fieldKey(s.slot.path)}`),
          text: s.translation ?? '',
          language: t(`languages.${lng}`),
        }),
      );
  }

  function translateForm(req: Request, lng: Language): FormPage {
    const r = dr(req);
    const t = r.t;
    return {
      record: `translate/${lng}`,
      section: null,
      fields: (draft) => (isTarget(draft.package, lng) ? fieldsOf(req, draft, lng) : null),
      initial: (draft, fields) =>
        Object.fromEntries(
          fields.map((f) => {
            const key = String(f.path[2]);
            const saved = draft.package.translations[lng]?.[key];
            return [f.name, f.kind === 'checkboxes' ? [] : (saved?.text ?? '')];
          }),
        ),
      apply: (pkg, _fields, values) => apply(pkg, lng, values),
      next: () => `${base(req)}/translate`,
      view: (draft) => {
        const pkg = draft.package;
        const progress = progressOf(pkg, lng);
        const language = t(`languages.${lng}`);
        return {
          title: t('pages.translate.title', { language }),
          caption: t('pages.translate.caption'),
          heading: t('pages.translate.title', { language }),
          lead: [
            ...(t('pages.translate.lead', {
              returnObjects: true,
              source: t(`languages.${pkg.documentLanguage}`),
              language,
            }) as string[]),
            t('pages.translate.progress', { ...progress, count: progress.total }),
            ...fixedLines(req, slotStatuses(pkg, lng), lng),
          ],
          requirements: [],
          action: `${base(req)}/translate/${lng}`,
          submitText: t('pages.translate.save'),
          cancel: { href: `${base(req)}/translate`, text: t('pages.translate.toOverview') },
          back: `${base(req)}/translate`,
          single: false,
          notice: xliffNotice(req),
          links: xliffLinks(req, lng),
        };
      },
      gone: (rq, rs) =>
        errorPage(rq, rs, 404, 'notApplicable', [{ href: base(rq), text: lr(rq).t('pages.common.toTasks') }]),
    };
  }

  const isTarget = (pkg: Package, lng: string): lng is Language =>
    isLanguage(lng) && lng !== pkg.documentLanguage;

  /** The language the address names, when the draft's answers can be translated into it. */
  function languageFor(req: Request, res: Response): Language | null {
    const lng = req.params.lng as string;
    if (isTarget(dr(req).draft.package, lng)) return lng;
    errorPage(req, res, 404, 'notFound', [
      { href: `${base(req)}/translate`, text: lr(req).t('pages.translate.toOverview') },
    ]);
    return null;
  }

  router.get(['/drafts/:id/translate', '/shared/:token/translate'], (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    render(
      req,
      res,
      'translate',
      {
        title: r.t('pages.translate.overviewTitle'),
        source: r.t(`languages.${pkg.documentLanguage}`),
        languages: targetLanguages(pkg).map((lng) => {
          const p = progressOf(pkg, lng);
          return {
            code: lng,
            name: r.t(`languages.${lng}`),
            href: `${base(req)}/translate/${lng}`,
            progress: r.t('pages.translate.progress', { ...p, count: p.total }),
            complete: p.translated === p.total,
          };
        }),
      },
      { back: dr(req).link ? null : base(req) },
    );
  });

  router.get(['/drafts/:id/translate/:lng', '/shared/:token/translate/:lng'], (req, res) => {
    const lng = languageFor(req, res);
    if (lng) forms.show(req, res, translateForm(req, lng));
  });

  router.post(
    ['/drafts/:id/translate/:lng', '/shared/:token/translate/:lng'],
    form,
    verifyCsrf(refuseForgery),
    (req, res) => {
      const lng = languageFor(req, res);
      if (lng) forms.submit(req, res, translateForm(req, lng));
    },
  );
}
