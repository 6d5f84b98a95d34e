/**
 * The documents page (draft or final, in either document language; in final mode the list of what is
 * missing, each linked to the page that fixes it), the downloads, the printable checklist page, and the
 * draft exported as a file.
 */
import type { Request, Router } from 'express';
import type { Checklist } from '../../domain/checklist';
import type { PathSegment } from '../../domain/issues';
import { draftFile } from '../../domain/draft';
import type { Package } from '../../domain/package';
import type { Assessment } from '../../domain/validate';
import {
  buildBundle,
  buildModel,
  DOCX_MIME,
  fileName,
  fullPowersNeeded,
  type DocumentName,
} from '../../documents';
import type { Mode } from '../../documents/context';
import { renderDocx } from '../../documents/render-docx';
import { renderHtmlBody } from '../../documents/render-html';
import { SUPPORTED_LANGUAGES, isLanguage, type Language } from '../../i18n';
import { formatCitation, localizeIssue, translate, type Translator } from '../../i18n/messages';
import { textSlots } from '../../domain/translations';
import { pageForPath } from './definitions';
import { dr, lr, MODES, queryString, type PageKit } from './kit';

/** The field of the translation page for the answer at `path` (its key; slotFieldName in translate.ts). */
function translationField(pkg: Package, path: readonly PathSegment[]): string {
  const at = JSON.stringify(path);
  return textSlots(pkg).find((s) => JSON.stringify(s.path) === at)?.key ?? '';
}

export function registerDocumentPages(router: Router, kit: PageKit): void {
  const { deps, today, stylesheet, render, errorPage, base, partyLabel, assessIn } = kit;
  // -------------------------------------------------------------------------------------------------
  // Documents and the checklist

  /** A page of the draft by its address relative to the draft ("" is the task list). */
  const pageHref = (req: Request, page: string) => (page ? `${base(req)}/${page}` : base(req));

  const docLang = (req: Request, pkg: Package): Language => {
    const v = queryString(req, 'doclang');
    return v !== null && isLanguage(v) ? v : pkg.documentLanguage;
  };
  const modeOf = (req: Request): Mode => (queryString(req, 'mode') === 'final' ? 'final' : 'draft');

  function missingView(req: Request, assessment: Assessment, lng: Language) {
    const r = lr(req);
    const tr: Translator = { lng: r.lng, t: r.t };
    const checklist: Checklist = assessment.checklist;
    const missing = checklist.missing.map((item) => ({
      text: r.t('legal:titled', {
        before: formatCitation(item.requirement.citation, tr),
        after: r.t(`legal:requirements.${item.requirement.id}.label`),
      }),
      reason: item.reason ? translate(item.reason, tr) : null,
      href: pageHref(req, pageForPath(item.path, item.requirement.id, assessment.pkg)),
    }));
    const errors = assessment.issues
      .filter((i) => i.severity === 'error')
      .map((i) => ({
        text: localizeIssue(i, tr).message,
        reason: i.source ? formatCitation(i.source, tr) : null,
        // An answer not yet translated is fixed on its translation page, at its field.
        href:
          i.code === 'language.inProgress'
            ? '/translations'
            : i.code.startsWith('translation.')
              ? `${pageHref(req, `translate/${lng}`)}#${translationField(assessment.answers, i.path)}`
              : pageHref(req, pageForPath(i.path, null, assessment.answers)),
      }));
    return [...errors, ...missing];
  }

  router.get(['/drafts/:id/documents', '/shared/:token/documents'], (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const mode = modeOf(req);
    const lng = docLang(req, pkg);
    const assessment = assessIn(pkg, lng);
    const q = (extra: Record<string, string>) =>
      `?${new URLSearchParams({ mode, doclang: lng, ...extra }).toString()}`;
    const blocked = mode === 'final' && !assessment.finalAllowed;
    const untranslated = assessment.issues.filter((i) => i.code.startsWith('translation.')).length;
    const untranslatedNote = r.t('pages.documents.untranslatedNote', {
      count: untranslated,
      answers: r.t(`languages.${pkg.documentLanguage}`),
      documents: r.t(`languages.${lng}`),
    });
    const missing = blocked ? missingView(req, assessment, lng) : [];
    const documents = [
      ...pkg.treaties.map((c) => ({
        text: r.t('pages.documents.instrument', {
          treaty: r.t(`legal:treaties.${c.treaty}.name`),
          type: r.t(`pages.q.instruments.types.${c.instrument}`),
        }),
        href: `${base(req)}/documents/instrument${q({ treaty: c.treaty })}`,
      })),
      { text: r.t('pages.documents.notifications'), href: `${base(req)}/documents/notifications${q({})}` },
      ...(fullPowersNeeded(assessment)
        ? [{ text: r.t('pages.documents.fullPowers'), href: `${base(req)}/documents/full-powers${q({})}` }]
        : []),
      { text: r.t('pages.documents.checklist'), href: `${base(req)}/documents/checklist${q({})}` },
    ];
    const warnings = assessment.issues
      .filter((i) => i.severity === 'warning')
      .map((i) => localizeIssue(i, { lng: r.lng, t: r.t }).message);
    const docLangOptions = SUPPORTED_LANGUAGES.map((l) => ({
      value: l,
      label: r.t('languageName', { lng: l }),
      hint: null,
      hintId: null,
      checked: l === lng,
      id: `doclang-${l}`,
      // Each language's name is in that language.
      lang: l,
    }));
    const modeOptions = MODES.map((m) => ({
      value: m,
      label: r.t(`pages.documents.modes.${m}`),
      hint: r.t(`pages.documents.modeHints.${m}`),
      hintId: `mode-${m}-hint`,
      checked: m === mode,
      id: `mode-${m}`,
      lang: null,
    }));
    render(
      req,
      res,
      'documents',
      {
        title: r.t('pages.documents.title'),
        heading: r.t('pages.documents.title'),
        partyName: partyLabel(req, pkg),
        action: `${base(req)}/documents`,
        modeOptions,
        docLangOptions,
        blocked,
        missing,
        missingCount: r.t('pages.documents.missingCount', { count: missing.length }),
        documents: blocked ? [] : documents,
        bundleHref: blocked ? null : `${base(req)}/documents/bundle${q({})}`,
        checklistPage: `${base(req)}/checklist?doclang=${lng}`,
        warnings,
        languageNote: untranslated > 0 ? untranslatedNote : null,
        translateLink:
          untranslated > 0
            ? {
                href: `${base(req)}/translate/${lng}`,
                text: r.t('pages.documents.translateLink', { language: r.t(`languages.${lng}`) }),
              }
            : null,
        modeText: r.t(`pages.documents.modes.${mode}`),
      },
      { back: r.link ? null : base(req) },
    );
  });

  const DOWNLOADS = ['instrument', 'notifications', 'full-powers', 'checklist', 'bundle'] as const;

  router.get(['/drafts/:id/documents/:name', '/shared/:token/documents/:name'], async (req, res) => {
    const r = dr(req);
    const name = req.params.name as DocumentName;
    if (!(DOWNLOADS as readonly string[]).includes(name))
      return errorPage(req, res, 404, 'notFound', [
        { href: `${base(req)}/documents`, text: r.t('pages.documents.title') },
      ]);
    const pkg = r.draft.package;
    const mode = modeOf(req);
    const lng = docLang(req, pkg);
    const assessment = assessIn(pkg, lng);
    const tv = queryString(req, 'treaty');
    const treaty = name === 'instrument' ? (pkg.treaties.find((c) => c.treaty === tv)?.treaty ?? null) : null;
    if (name === 'instrument' && !treaty)
      return errorPage(req, res, 404, 'notFound', [
        { href: `${base(req)}/documents`, text: r.t('pages.documents.title') },
      ]);
    if (name === 'full-powers' && !fullPowersNeeded(assessment))
      return errorPage(req, res, 404, 'notFound', [
        { href: `${base(req)}/documents`, text: r.t('pages.documents.title') },
      ]);
    if (mode === 'final' && !assessment.finalAllowed)
      return res.redirect(303, `${base(req)}/documents?mode=final&doclang=${lng}`);
    const tr: Translator = { lng, t: deps.i18n.t(lng) };
    res.set('Cache-Control', 'no-store');
    if (name === 'bundle') {
      const zip = await buildBundle(assessment, { tr, mode, today: today(), stylesheet });
      res
        .type('application/zip')
        .attachment(fileName(assessment, 'bundle', lng, mode, undefined, 'zip'))
        .send(zip);
      return;
    }
    const model = buildModel(assessment, name, { tr, mode, today: today(), ...(treaty ? { treaty } : {}) });
    const docx = await renderDocx(model);
    res
      .type(DOCX_MIME)
      .attachment(fileName(assessment, name, lng, mode, treaty ?? undefined))
      .send(docx);
  });

  router.get(['/drafts/:id/checklist', '/shared/:token/checklist'], (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const lng = docLang(req, pkg);
    const assessment = assessIn(pkg, lng);
    const tr: Translator = { lng, t: deps.i18n.t(lng) };
    const model = buildModel(assessment, 'checklist', { tr, mode: 'draft', today: today() });
    render(
      req,
      res,
      'checklist',
      {
        title: r.t('pages.checklist.title'),
        heading: r.t('pages.checklist.title'),
        partyName: partyLabel(req, pkg),
        documentLang: lng,
        documentHtml: renderHtmlBody(model),
        downloadHref: `${base(req)}/documents/checklist?mode=draft&doclang=${lng}`,
        otherDocLangs: SUPPORTED_LANGUAGES.filter((l) => l !== lng).map((l) => ({
          href: `${base(req)}/checklist?doclang=${l}`,
          text: r.t('pages.checklist.inLanguage', { language: r.t('languageName', { lng: l }) }),
          code: l,
        })),
      },
      { back: r.link ? null : base(req), stylesheets: ['/assets/css/document.css'] },
    );
  });

  router.get('/drafts/:id/export', (req, res) => {
    const r = dr(req);
    const stem = `draft-${r.draft.package.party.code.toLowerCase()}-${today()}`;
    res.set('Cache-Control', 'no-store');
    res
      .type('application/json')
      .attachment(`${stem}.json`)
      .send(draftFile(r.draft, deps.clock().toISOString()));
  });
}
