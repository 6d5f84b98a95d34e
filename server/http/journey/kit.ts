/**
 * What every journey page shares: the dependencies, the drafts, rendering a page in the layout (title with
 * "Error: ", language switcher keeping the place, back link), error pages, the treaty texts a page cites,
 * the notice of cleared answers, and saving a draft (clearing what no longer applies, then redirecting).
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import type { Participation } from '../../catalogue';
import { quotesFor, requirementById, routeOf, ROUTES } from '../../catalogue/requirements';
import { SOURCES } from '../../catalogue/sources';
import { CLEARED_ANSWERS, type ClearedAnswer } from '../../domain/applicability';
import { isoToday } from '../../domain/dates';
import type { Draft, SectionId } from '../../domain/draft';
import type { Package } from '../../domain/package';
import { assessInLanguage, assessPackage, type Assessment } from '../../domain/validate';
import { SUPPORTED_LANGUAGES, type I18n, type Language, LANGUAGE_DIRECTIONS } from '../../i18n';
import { profileOf, QUOTE_LANGUAGE } from '../../i18n/languages';
import { regionName } from '../../i18n/format';
import { formatCitation, type Translator } from '../../i18n/messages';
import { PATHS } from '../../paths';
import type { ChangeResult, Drafts, SaveOutcome } from '../../store/drafts';
import type { DraftLink, DraftLinks } from '../../store/links';
import type { CsrfRequest } from '../csrf';
import type { FieldError } from '../forms';
import { holdsBack, SECTIONS, sectionStatus, type PageContext } from './definitions';
import type { RequestWithLanguage } from '../middleware';
import type { Views } from '../views';
import type { Logger } from '../../logger';
import type { PdfConverter } from '../../documents/pdf';
import type { DocumentRenderer } from '../../documents/produce';

export interface DraftPagesDeps {
  readonly participation: Participation;
  readonly drafts: Drafts;
  /** The links to drafts for translators and reviewers (store/links.ts). */
  readonly links: DraftLinks;
  /** How long a draft is kept unchanged (DRAFT_RETENTION_DAYS), said on the start page and the task list. */
  readonly retentionDays: number;
  readonly clock: () => Date;
  readonly bodyLimitBytes: number;
  readonly i18n: I18n;
  readonly views: Views;
  readonly logger: Logger;
  /** The limit on creating drafts (limits.ts), one instance for the pages and the API. */
  readonly draftCreationLimiter: RequestHandler;
  /** Who builds and renders documents (documents/produce.ts): the worker pool or in process. */
  readonly documents: DocumentRenderer;
  /** The PDF converter (documents/pdf.ts); without it, the documents page says PDF is unavailable. */
  readonly pdf?: PdfConverter;
}

export interface DraftRequest extends RequestWithLanguage, CsrfRequest {
  draftId: string;
  draft: Draft;
  /** The revision `draft` is at; forms carry it (`_revision`) so that a save knows what its user read. */
  revision: number;
  /** When the draft was last saved (ISO 8601), where the loader knows it: the directory's last update. */
  updatedAt?: string;
  /**
   * The address the draft was opened at: "/drafts/{id}" for the drafter, "/shared/{secret}" for a link
   * (shared.ts), whose holder never sees the draft's id.
   */
  base: string;
  /** The link the draft was opened with, or null for the drafter. */
  link: DraftLink | null;
}

export const MODES = ['draft', 'final'] as const;

/** The request as the middleware left it: language (middleware.ts), token (csrf.ts), draft (below). */
export const lr = (req: Request) => req as unknown as RequestWithLanguage;
export const dr = (req: Request) => req as unknown as DraftRequest;

/** The query parameters pages keep when the language is switched. */
const KEPT_QUERY = ['return', 'role', 'mode', 'doclang', 'party', 'cleared', 'merged'] as const;

export function queryString(req: Request, name: string): string | null {
  const v: unknown = req.query[name];
  return typeof v === 'string' ? v : null;
}

export function createPageKit(deps: DraftPagesDeps) {
  const { drafts } = deps;
  const today = () => isoToday(deps.clock());
  const form = express.urlencoded({ extended: false, limit: deps.bodyLimitBytes, parameterLimit: 500 });
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.bodyLimitBytes, files: 1, fields: 10, parts: 12 },
  });
  const stylesheet = fs.readFileSync(path.join(PATHS.public, 'css', 'document.css'), 'utf8');

  const ctxOf = (req: Request): PageContext => {
    const r = lr(req);
    return { t: r.t, lng: r.lng, participation: deps.participation };
  };

  // -------------------------------------------------------------------------------------------------
  // Rendering

  function otherLanguages(
    req: Request,
    samePage: boolean,
    here: { path: string; query: Record<string, string> } | null,
  ) {
    const r = lr(req);
    return SUPPORTED_LANGUAGES.filter((code) => code !== r.lng).map((code) => {
      const params = new URLSearchParams(here?.query ?? {});
      for (const name of KEPT_QUERY) {
        const v = queryString(req, name);
        if (v !== null && !params.has(name)) params.set(name, v);
      }
      // A page shown again after a POST (with its errors) keeps the way back to check answers.
      if (returnTo(req) === 'check') params.set('return', 'check');
      params.set('lang', code);
      // An address that is not a page (a 404) is not echoed back: the switcher leads to the start page.
      if (!samePage) return { code, name: r.t('languageName', { lng: code }), href: `/?lang=${code}` };
      return {
        code,
        name: r.t('languageName', { lng: code }),
        href: `${here?.path ?? `${req.baseUrl}${req.path}`}?${params.toString()}`,
      };
    });
  }

  function render(
    req: Request,
    res: Response,
    template: string,
    data: Record<string, unknown> & { title: string },
    options: {
      status?: number;
      errors?: readonly FieldError[];
      back?: string | null;
      stylesheets?: string[];
      /** The page's own address, when the request's is not it (a form posted elsewhere shown again). */
      here?: { path: string; query: Record<string, string> };
    } = {},
  ): void {
    const r = dr(req);
    const errors = options.errors ?? [];
    const service = r.t('pages.serviceName');
    const title = `${errors.length > 0 ? r.t('pages.common.errorTitlePrefix') : ''}${data.title === service ? service : `${data.title} – ${service}`}`;
    res.status(options.status ?? (errors.length > 0 ? 400 : 200));
    res.set('Cache-Control', 'no-store');
    res.type('html').send(
      // Object.assign, not `{ ...data, lang, ... }`: see views.ts render (V8 keeps a page's work alive
      // through the young generation's collections after an object spread followed by properties).
      deps.views.render(
        template,
        Object.assign({}, data, {
          lang: r.lng,
          dir: LANGUAGE_DIRECTIONS[r.lng],
          t: r.t,
          title,
          errors,
          csrf: r.csrfToken,
          // Draft pages only: every form of the page carries the revision it was read at.
          revision: typeof r.revision === 'number' ? r.revision : null,
          otherLanguages: otherLanguages(req, (options.status ?? 200) !== 404, options.here ?? null),
          backLink: options.back ? { href: options.back, text: r.t('pages.common.back') } : null,
          stylesheets: options.stylesheets ?? [],
          // Until a qualified translator has reviewed a language's strings, its pages say they are a draft.
          draftTranslation: profileOf(r.lng).reviewed
            ? null
            : r.t('pages.draftTranslation', { language: r.t(`languages.${r.lng}`) }),
          // A language still being translated shows English where it lacks a string, and says so.
          inProgress:
            deps.i18n.missingUnits(r.lng) > 0
              ? r.t('pages.inProgress', { language: r.t(`languages.${r.lng}`) })
              : null,
        }),
      ),
    );
  }

  function errorPage(
    req: Request,
    res: Response,
    status: number,
    key: string,
    links: { href: string; text: string }[] = [],
    /** The variables of the page's lines (a 429 page's time to try again). */
    params: Record<string, string> = {},
  ) {
    const r = lr(req);
    render(
      req,
      res,
      'error',
      {
        title: r.t(`pages.errorPages.${key}.title`),
        heading: r.t(`pages.errorPages.${key}.title`),
        lines: r.t(`pages.errorPages.${key}.lines`, { ...params, returnObjects: true }) as string[],
        links,
      },
      { status },
    );
  }

  const refuseForgery = (req: Request, res: Response) =>
    errorPage(req, res, 403, 'forbidden', [
      { href: req.originalUrl.split('?')[0]!, text: lr(req).t('pages.errorPages.forbidden.retry') },
    ]);

  /**
   * The requirements a page asks for, each once, with its quoted text. A text that differs by route (the
   * Handbook's models of ratification and of accession) is that of the draft's instruments (`pkg`): one
   * quote per route it takes, each headed with its model when there are two. Each quote's note says where
   * it is from, in words that fit its source (an authentic text of the Convention or a Protocol, the
   * Vienna Convention, a model instrument), and how far it was verified when it was not read verbatim.
   */
  function requirementViews(ids: readonly string[], req: Request, pkg?: Package) {
    const r = lr(req);
    const tr: Translator = { lng: r.lng, t: r.t };
    const routes = (pkg?.treaties ?? []).flatMap((choice) =>
      choice.instrument ? [routeOf(choice.instrument)] : [],
    );
    return ids.flatMap((id) => {
      const req2 = requirementById(id);
      if (!req2) return [];
      const taken = ROUTES.filter((route) => routes.includes(route));
      const quotes = quotesFor(req2, routes);
      return [
        {
          citation: formatCitation(req2.citation, tr),
          label: r.t(`legal:requirements.${id}.label`),
          quoteLang: r.lng === QUOTE_LANGUAGE ? null : QUOTE_LANGUAGE,
          quotes: quotes.map((quote, i) => ({
            // Quotes per route come in ROUTES order, one per route taken (quotesFor).
            heading:
              req2.quotesByRoute && quotes.length > 1 ? r.t(`pages.common.routeModel.${taken[i]}`) : null,
            quote: quote.text,
            source: [
              r.t('pages.common.quoteSource', { source: SOURCES[quote.source].title }),
              r.t(`pages.common.quoteNote.${SOURCES[quote.source].kind}`),
              ...(quote.verification ? [r.t(`legal:quoteVerification.${quote.verification}`)] : []),
            ].join(' '),
          })),
        },
      ];
    });
  }

  /**
   * What the last save did besides saving, told on the page it led to: answers removed because they no
   * longer apply (?cleared=), and a save merged with someone else's (?merged=1).
   */
  function clearedNotice(req: Request) {
    const r = lr(req);
    const raw = queryString(req, 'cleared');
    const names = (raw ?? '')
      .split(',')
      .filter((n): n is ClearedAnswer => (CLEARED_ANSWERS as readonly string[]).includes(n));
    const merged = queryString(req, 'merged') === '1';
    const blankIn = queryString(req, 'blank');
    const blank = SECTIONS.find((s) => s.id === blankIn) ?? null;
    if (names.length === 0 && !merged && !blank) return null;
    return {
      title: r.t(
        names.length > 0 ? 'pages.cleared.title' : merged ? 'pages.merged.title' : 'pages.leftBlank.title',
      ),
      lines: [
        ...(merged ? [r.t('pages.merged.line')] : []),
        ...names.map((n) => r.t(`pages.cleared.${n}`)),
        ...(blank ? [r.t('pages.leftBlank.line', { section: r.t(`pages.sections.${blank.id}`) })] : []),
      ],
    };
  }

  /**
   * A section left with required answers blank (a blank answer is saved as "not answered yet"): said
   * when the save leads out of the section, to the task list or to check answers.
   */
  function leftBlank(req: Request, section: SectionId | null, saved: Draft, next: string): SectionId | null {
    const s = SECTIONS.find((x) => x.id === section);
    const out = next === base(req) || next.startsWith(`${base(req)}/check`);
    if (!s || !out || !holdsBack(s, saved) || !s.applies(saved.package)) return null;
    return sectionStatus(s, saved) === 'completed' ? null : s.id;
  }

  const base = (req: Request) => dr(req).base;

  // -------------------------------------------------------------------------------------------------
  // Saving

  /** The revision a form was read at (`_revision`); null when the form carries none (the current one). */
  function formRevision(req: Request): number | null {
    const v = (req.body as Record<string, unknown> | undefined)?._revision;
    return typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null;
  }

  /**
   * Save a page: the one way every page changes a draft (store/drafts.ts `save`). `change` is applied to
   * the draft as it was when the form was read; the outcome is a redirect to `next` (with what was
   * cleared, and whether the save was merged with someone else's), the page again with its errors
   * (`refused`, shown against the draft as the user read it), or the conflict (`conflict`).
   */
  function saveDraft<R>(
    req: Request,
    res: Response,
    spec: {
      page: string;
      section: SectionId | null;
      change: (base: Draft) => ChangeResult<R>;
      next: (saved: Draft) => string;
      refused: (refusal: R) => void;
      conflict: (outcome: Extract<SaveOutcome<R>, { kind: 'conflict' }>) => void;
      /** The page again with one message for the whole page (a merge the schema refuses, storage full). */
      pageError: (message: string, status: number) => void;
      /** The revision the change was made against, when not the form's `_revision` (an imported file's). */
      baseRevision?: number;
    },
  ): void {
    const r = dr(req);
    const outcome = drafts.save(r.draftId, {
      baseRevision: spec.baseRevision ?? formRevision(req),
      stale: 'merge',
      role: r.link?.role ?? 'drafter',
      page: spec.page,
      section: spec.section,
      change: spec.change,
    });
    switch (outcome.kind) {
      case 'saved': {
        const next = spec.next(outcome.record.draft);
        const blank = leftBlank(req, spec.section, outcome.record.draft, next.replace(/\?.*$/, ''));
        const query = [
          ...(outcome.cleared.length > 0 ? [`cleared=${outcome.cleared.join(',')}`] : []),
          ...(outcome.merged && outcome.changed.length > 0 ? ['merged=1'] : []),
          ...(blank ? [`blank=${blank}`] : []),
        ];
        const sep = next.includes('?') ? '&' : '?';
        return res.redirect(303, query.length > 0 ? `${next}${sep}${query.join('&')}` : next);
      }
      case 'refused':
        // Shown against the draft as its user read it, and carrying that revision again.
        r.draft = outcome.base;
        r.revision = outcome.baseRevision;
        return spec.refused(outcome.refusal);
      case 'conflict':
        r.draft = outcome.current.draft;
        r.revision = outcome.current.revision;
        return spec.conflict(outcome);
      case 'unmergeable':
        r.draft = outcome.current.draft;
        r.revision = outcome.current.revision;
        return spec.pageError(lr(req).t('pages.errors.unmergeable'), 409);
      case 'full':
        return spec.pageError(lr(req).t('pages.errors.storageFull'), 507);
      case 'stale':
      case 'not-found':
        return errorPage(req, res, 404, 'draftNotFound', [
          { href: '/drafts/new', text: lr(req).t('pages.home.start') },
        ]);
      case 'unreadable':
        return errorPage(req, res, 500, 'draftUnreadable');
    }
  }

  const returnTo = (req: Request): 'check' | null => {
    const body = req.body as Record<string, unknown> | undefined;
    const v = req.method === 'POST' ? body?.return : req.query.return;
    return v === 'check' ? 'check' : null;
  };

  function partyLabel(req: Request, pkg: Package): string {
    const r = lr(req);
    return regionName(pkg.party.code, r.lng);
  }

  const assess = (pkg: Package): Assessment =>
    assessPackage(pkg, { participation: deps.participation, today: today() });

  /** The assessment documents in `lng` are built from: the answers in that language (domain/translations.ts). */
  const assessIn = (pkg: Package, lng: Language): Assessment =>
    assessInLanguage(
      pkg,
      lng,
      { participation: deps.participation, today: today() },
      (source) => deps.i18n.t(lng)('documents:toBeTranslated', { source }),
      { inProgress: deps.i18n.missingUnits(lng) > 0 },
    );

  return {
    deps,
    drafts,
    today,
    form,
    upload,
    stylesheet,
    ctxOf,
    render,
    errorPage,
    refuseForgery,
    requirementViews,
    clearedNotice,
    base,
    saveDraft,
    formRevision,
    returnTo,
    partyLabel,
    assess,
    assessIn,
  };
}

export type PageKit = ReturnType<typeof createPageKit>;
