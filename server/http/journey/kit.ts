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
import { requirementById } from '../../catalogue/requirements';
import { SOURCES } from '../../catalogue/sources';
import { CLEARED_ANSWERS, clearInapplicable, type ClearedAnswer } from '../../domain/applicability';
import { isoToday } from '../../domain/dates';
import type { Draft, SectionId } from '../../domain/draft';
import type { Package } from '../../domain/package';
import { assessPackage, type Assessment } from '../../domain/validate';
import { SUPPORTED_LANGUAGES, type I18n, LANGUAGE_DIRECTIONS } from '../../i18n';
import { regionName } from '../../i18n/format';
import { formatCitation, type Translator } from '../../i18n/messages';
import { PATHS } from '../../paths';
import { createDrafts, type Drafts } from '../../store/drafts';
import type { Store } from '../../store/store';
import type { CsrfRequest } from '../csrf';
import type { FieldError } from '../forms';
import type { PageContext } from './definitions';
import type { RequestWithLanguage } from '../middleware';
import type { Views } from '../views';
import type { Logger } from '../../logger';

export interface DraftPagesDeps {
  readonly participation: Participation;
  readonly store: Store;
  readonly clock: () => Date;
  readonly bodyLimitBytes: number;
  readonly i18n: I18n;
  readonly views: Views;
  readonly logger: Logger;
  /** The limit on creating drafts (limits.ts), one instance for the pages and the API. */
  readonly draftCreationLimiter: RequestHandler;
}

export interface DraftRequest extends RequestWithLanguage, CsrfRequest {
  draftId: string;
  draft: Draft;
}

export const MODES = ['draft', 'final'] as const;

/** The request as the middleware left it: language (middleware.ts), token (csrf.ts), draft (below). */
export const lr = (req: Request) => req as unknown as RequestWithLanguage;
export const dr = (req: Request) => req as unknown as DraftRequest;

/** The query parameters pages keep when the language is switched. */
const KEPT_QUERY = ['return', 'role', 'mode', 'doclang', 'party', 'cleared'] as const;

export function queryString(req: Request, name: string): string | null {
  const v: unknown = req.query[name];
  return typeof v === 'string' ? v : null;
}

export function createPageKit(deps: DraftPagesDeps) {
  const drafts: Drafts = createDrafts(deps.store, deps.clock);
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
      deps.views.render(template, {
        ...data,
        lang: r.lng,
        dir: LANGUAGE_DIRECTIONS[r.lng],
        t: r.t,
        title,
        errors,
        csrf: r.csrfToken,
        otherLanguages: otherLanguages(req, (options.status ?? 200) !== 404, options.here ?? null),
        backLink: options.back ? { href: options.back, text: r.t('pages.common.back') } : null,
        stylesheets: options.stylesheets ?? [],
      }),
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

  function requirementViews(ids: readonly string[], req: Request) {
    const r = lr(req);
    const tr: Translator = { lng: r.lng, t: r.t };
    return ids.flatMap((id) => {
      const req2 = requirementById(id);
      if (!req2) return [];
      return [
        {
          citation: formatCitation(req2.citation, tr),
          label: r.t(`legal:requirements.${id}.label`),
          quote: req2.quote.text,
          quoteLang: r.lng === 'en' ? null : 'en',
          source: r.t('pages.common.quoteSource', { source: SOURCES[req2.quote.source].title }),
        },
      ];
    });
  }

  function clearedNotice(req: Request) {
    const r = lr(req);
    const raw = queryString(req, 'cleared');
    if (raw === null) return null;
    const names = raw
      .split(',')
      .filter((n): n is ClearedAnswer => (CLEARED_ANSWERS as readonly string[]).includes(n));
    if (names.length === 0) return null;
    return { title: r.t('pages.cleared.title'), lines: names.map((n) => r.t(`pages.cleared.${n}`)) };
  }

  const base = (req: Request) => `/drafts/${dr(req).draftId}`;

  // -------------------------------------------------------------------------------------------------
  // Saving

  function save(req: Request, res: Response, pkg: Package, section: SectionId | null, next: string): void {
    const r = dr(req);
    const { pkg: cleaned, cleared } = clearInapplicable(pkg);
    const visited =
      section && !r.draft.visited.includes(section) ? [...r.draft.visited, section] : r.draft.visited;
    drafts.save(r.draftId, { package: cleaned, visited });
    const sep = next.includes('?') ? '&' : '?';
    res.redirect(303, cleared.length > 0 ? `${next}${sep}cleared=${cleared.join(',')}` : next);
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
    save,
    returnTo,
    partyLabel,
    assess,
  };
}

export type PageKit = ReturnType<typeof createPageKit>;
