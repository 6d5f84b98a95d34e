/**
 * GET /translations: where each language's translation of the product's own strings stands (units
 * translated, missing, stale, not reviewed, English words to translate), from the locale files and their
 * status files (i18n/translation-status.ts; `npm run i18n:report` prints the same). Read once, when the
 * routes are registered: the files do not change while the server runs.
 */
import type { Router } from 'express';
import { NAMESPACES, SUPPORTED_LANGUAGES, profileOf, type Language } from '../../i18n';
import { SOURCE_LANGUAGE } from '../../i18n/languages';
import { languageReport, type NamespaceReport } from '../../i18n/translation-status';
import { PATHS } from '../../paths';
import { lr, type PageKit } from './kit';

interface LanguageReport {
  readonly lng: Language;
  readonly namespaces: readonly NamespaceReport[];
}

/** Whether no unit of any language has been reviewed yet: the page then says they are all drafts. */
export function noneReviewed(reports: readonly LanguageReport[]): boolean {
  return reports.every((r) => r.namespaces.every((n) => n.notReviewed === n.units));
}

export function registerTranslationPages(router: Router, kit: PageKit): void {
  const reports: LanguageReport[] = SUPPORTED_LANGUAGES.filter((lng) => lng !== SOURCE_LANGUAGE).map(
    (lng) => ({ lng, namespaces: languageReport(PATHS.locales, lng, NAMESPACES, SOURCE_LANGUAGE) }),
  );
  const drafts = noneReviewed(reports);
  router.get('/translations', (req, res) => {
    const r = lr(req);
    kit.render(req, res, 'translations', {
      title: r.t('pages.translations.title'),
      noneReviewed: drafts,
      languages: reports.map(({ lng, namespaces }) => ({
        code: lng,
        name: profileOf(lng).nativeName,
        rows: namespaces.map((n) => ({
          namespace: r.t(`pages.translations.namespaces.${n.namespace}`),
          units: n.units,
          translated: n.translated,
          missing: n.missing.length,
          stale: n.stale.length,
          notReviewed: n.notReviewed,
          words: n.wordsToTranslate,
        })),
        missing: namespaces.flatMap((n) => n.missing.map((unit) => `${n.namespace}:${unit}`)),
        stale: namespaces.flatMap((n) => n.stale.map((unit) => `${n.namespace}:${unit}`)),
      })),
    });
  });
}
