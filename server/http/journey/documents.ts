/**
 * The documents page (draft or final, in either document language, optionally with a parallel text in a
 * second language beside it; in final mode the list of what is missing, each linked to the page that
 * fixes it), the downloads, the printable checklist page, and the draft exported as a file.
 */
import type { Request, Router } from 'express';
import type { Checklist, ChecklistItem } from '../../domain/checklist';
import type { PathSegment } from '../../domain/issues';
import { draftFile } from '../../domain/draft';
import type { Package } from '../../domain/package';
import { approvalState } from '../../domain/review';
import type { Assessment } from '../../domain/validate';
import { buildModel, fullPowersNeeded, instrumentTreaties } from '../../documents';
import { DIRECTORY_DOCUMENT, DIRECTORY_FORMATS, isDirectoryFormat } from '../../documents/directory';
import { produceDocument } from '../../documents/produce';
import type { Mode } from '../../documents/context';
import { renderHtmlBody } from '../../documents/render-html';
import { SUPPORTED_LANGUAGES, isLanguage, type Language } from '../../i18n';
import { formatCitation, localizeIssue, translate, type Translator } from '../../i18n/messages';
import { textSlots } from '../../domain/translations';
import { pageForPath } from './definitions';
import { dr, lr, MODES, queryString, type PageKit } from './kit';
import { sendDownload } from '../download';

/** The field of the translation page for the answer at `path` (its key; slotFieldName in translate.ts). */
function translationField(pkg: Package, path: readonly PathSegment[]): string {
  const at = JSON.stringify(path);
  return textSlots(pkg).find((s) => JSON.stringify(s.path) === at)?.key ?? '';
}

export function registerDocumentPages(router: Router, kit: PageKit): void {
  const { deps, today, render, errorPage, base, partyLabel, assessIn } = kit;
  // -------------------------------------------------------------------------------------------------
  // Documents and the checklist

  /** A page of the draft by its address relative to the draft ("" is the task list). */
  const pageHref = (req: Request, page: string) => (page ? `${base(req)}/${page}` : base(req));

  const docLang = (req: Request, pkg: Package): Language => {
    const v = queryString(req, 'doclang');
    return v !== null && isLanguage(v) ? v : pkg.documentLanguage;
  };
  /** The parallel text's language (?doclang2=): another language than the documents' first, or none. */
  const parallelLang = (req: Request, first: Language): Language | null => {
    const v = queryString(req, 'doclang2');
    return v !== null && isLanguage(v) && v !== first ? v : null;
  };
  /** The query of the documents' options: mode, language, and the parallel text's language if any. */
  const optionsQuery = (mode: Mode, lng: Language, lng2: Language | null) => ({
    mode,
    doclang: lng,
    ...(lng2 ? { doclang2: lng2 } : {}),
  });
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
    const lng2 = parallelLang(req, lng);
    const assessment = assessIn(pkg, lng);
    // Each language's assessment: final waits for both, and each says what it lacks.
    const editions = [{ lng, assessment }, ...(lng2 ? [{ lng: lng2, assessment: assessIn(pkg, lng2) }] : [])];
    const q = (extra: Record<string, string>) =>
      `?${new URLSearchParams({ ...optionsQuery(mode, lng, lng2), ...extra }).toString()}`;
    const blocked = mode === 'final' && !editions.every((e) => e.assessment.finalAllowed);
    const languageNotes = editions.flatMap((e) => {
      const untranslated = e.assessment.issues.filter((i) => i.code.startsWith('translation.')).length;
      if (untranslated === 0) return [];
      return [
        {
          text: r.t('pages.documents.untranslatedNote', {
            count: untranslated,
            answers: r.t(`languages.${pkg.documentLanguage}`),
            documents: r.t(`languages.${e.lng}`),
          }),
          href: `${base(req)}/translate/${e.lng}`,
          linkText: r.t('pages.documents.translateLink', { language: r.t(`languages.${e.lng}`) }),
        },
      ];
    });
    // What either language lacks, once (an untranslated answer names its language and links its page):
    // in final mode instead of the documents, in draft mode beside them, so that a draft never looks
    // ready for final when it is not.
    const ready = editions.every((e) => e.assessment.finalAllowed);
    const seen = new Set<string>();
    const missing = !ready
      ? editions
          .flatMap((e) => missingView(req, e.assessment, e.lng))
          .filter((item) => !seen.has(item.href + item.text) && seen.add(item.href + item.text))
      : [];
    // PDF beside each .docx when LibreOffice is here (documents/pdf.ts); otherwise the page says why not.
    const pdfAvailability = deps.pdf?.availability ?? { available: false as const, reason: 'off' as const };
    const withPdf = (doc: { text: string; href: string }) => ({
      ...doc,
      pdfHref: pdfAvailability.available ? `${doc.href}&format=pdf` : null,
    });
    const documents = [
      ...pkg.treaties
        .filter((c) => instrumentTreaties(assessment).includes(c.treaty))
        .map((c) => ({
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
      // The covering note: this project's model, which the page says (no model in the Treaty Handbook).
      {
        text: r.t(
          `pages.documents.${assessment.facts.isLaterNotification ? 'noteVerbaleNotify' : 'noteVerbale'}`,
        ),
        href: `${base(req)}/documents/note-verbale${q({})}`,
      },
      { text: r.t('pages.documents.checklist'), href: `${base(req)}/documents/checklist${q({})}` },
    ].map(withPdf);
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
    const parallelOptions = [
      {
        value: 'none',
        label: r.t('pages.documents.parallelNone'),
        hint: null,
        hintId: null,
        checked: lng2 === null,
        id: 'doclang2-none',
        lang: null,
      },
      ...SUPPORTED_LANGUAGES.map((l) => ({
        value: l,
        label: r.t('languageName', { lng: l }),
        hint: null,
        hintId: null,
        checked: l === lng2,
        id: `doclang2-${l}`,
        lang: l,
      })),
    ];
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
        parallelOptions,
        parallelNote: lng2
          ? r.t('pages.documents.parallelNote', {
              first: r.t(`languages.${lng}`),
              second: r.t(`languages.${lng2}`),
            })
          : null,
        blocked,
        notReady: !blocked && !ready,
        missing,
        missingCount: r.t('pages.documents.missingCount', { count: missing.length }),
        documents: blocked ? [] : documents,
        bundleHref: blocked ? null : `${base(req)}/documents/bundle${q({})}`,
        // The competent-authorities directory (documents/directory.ts), in the documents' first language.
        directory: {
          empty: pkg.authorities.length === 0,
          links: DIRECTORY_FORMATS.map((format) => ({
            text: r.t(`pages.documents.directory.${format}`),
            href: `${base(req)}/documents/${DIRECTORY_DOCUMENT}?${new URLSearchParams({ mode, doclang: lng, format }).toString()}`,
            ext: `.${format}`,
          })),
        },
        bundlePdfHref:
          blocked || !pdfAvailability.available
            ? null
            : `${base(req)}/documents/bundle${q({ format: 'pdf' })}`,
        pdfUnavailable: pdfAvailability.available
          ? null
          : r.t(`pages.documents.pdfUnavailable.${pdfAvailability.reason}`),
        checklistPage: `${base(req)}/checklist?doclang=${lng}`,
        warnings,
        languageNotes,
        modeText: r.t(`pages.documents.modes.${mode}`),
      },
      { back: r.link ? null : base(req) },
    );
  });

  router.get(['/drafts/:id/documents/:name', '/shared/:token/documents/:name'], async (req, res) => {
    const r = dr(req);
    const name = String(req.params.name);
    const pkg = r.draft.package;
    const mode = modeOf(req);
    const lng = docLang(req, pkg);
    const lng2 = parallelLang(req, lng);
    const format = queryString(req, 'format');
    const produced = await produceDocument(deps, {
      name,
      pkg,
      languages: lng2 ? [lng, lng2] : [lng],
      mode,
      treaty: queryString(req, 'treaty') ?? undefined,
      offeredOnly: true,
      ...(queryString(req, 'format') === 'pdf' ? { format: 'pdf' as const } : {}),
      today: today(),
      approval: approvalState(r.draft.review, pkg),
      ...(isDirectoryFormat(format) ? { format } : {}),
      // The directory's last update: the draft's last save (its date, UTC).
      ...(r.updatedAt ? { lastUpdated: r.updatedAt.slice(0, 10) } : {}),
    });
    if (produced.kind === 'file') {
      res.set('Cache-Control', 'no-store');
      sendDownload(res, produced);
      return;
    }
    switch (produced.reason) {
      case 'final-refused':
        // The documents page in final mode says what is missing.
        return res.redirect(
          303,
          `${base(req)}/documents?${new URLSearchParams(optionsQuery('final', lng, lng2)).toString()}`,
        );
      case 'pdf-unavailable':
        return errorPage(
          req,
          res,
          501,
          'pdfUnavailable',
          [{ href: `${base(req)}/documents`, text: r.t('pages.documents.title') }],
          { reason: r.t(`pages.documents.pdfUnavailable.${produced.why}`) },
        );
      case 'pdf-failed':
        res.set('Retry-After', String(produced.retryAfterSeconds));
        return errorPage(req, res, 503, 'pdfFailed', [
          { href: req.originalUrl, text: r.t('pages.errorPages.busy.retry') },
        ]);
      case 'busy':
        res.set('Retry-After', String(produced.retryAfterSeconds));
        return errorPage(req, res, 503, 'busy', [
          { href: req.originalUrl, text: r.t('pages.errorPages.busy.retry') },
        ]);
      default:
        // No such document for this draft: an unknown name, a treaty it does not join, full powers it needs not.
        return errorPage(req, res, 404, 'notFound', [
          { href: `${base(req)}/documents`, text: r.t('pages.documents.title') },
        ]);
    }
  });

  router.get(['/drafts/:id/checklist', '/shared/:token/checklist'], (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const lng = docLang(req, pkg);
    const assessment = assessIn(pkg, lng);
    const tr: Translator = { lng, t: deps.i18n.t(lng) };
    // The drafter's missing items link to the page that fixes them; a link's holder cannot open those pages.
    const fixHref = r.link
      ? undefined
      : (item: ChecklistItem) => pageHref(req, pageForPath(item.path, item.requirement.id, assessment.pkg));
    const model = buildModel(assessment, 'checklist', {
      tr,
      mode: 'draft',
      today: today(),
      approval: approvalState(r.draft.review, pkg),
      ...(fixHref ? { fixHref } : {}),
    });
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
