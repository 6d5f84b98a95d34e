/**
 * createApp(deps): the one place the application is wired. No listen, no environment reads: main.ts
 * does those, and tests build the app with a temporary store and a fixed clock.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Participation } from './catalogue';
import type { TrustProxy } from './config';
import type { I18n } from './i18n';
import type { Logger } from './logger';
import { createInProcessRenderer, type DocumentRenderer } from './documents/produce';
import type { PdfConverter } from './documents/pdf';
import { createApiRouter } from './http/api';
import { apiCors } from './http/cors';
import { ApiError, errorHandler } from './http/errors';
import { createDraftCreationLimiter, type DraftCreationLimit } from './http/limits';
import { languageMiddleware, permissionsPolicy, requestLog } from './http/middleware';
import { createPagesRouter } from './http/pages';
import { createViews } from './http/views';
import { PATHS } from './paths';
import { createDrafts, type Drafts } from './store/drafts';
import { createDraftLinks } from './store/links';
import type { Store } from './store/store';

export interface AppDeps {
  readonly i18n: I18n;
  readonly participation: Participation;
  readonly store: Store;
  readonly logger: Logger;
  /** The clock: "today" for due dates, the checklist and the bundle's file dates. */
  readonly clock: () => Date;
  readonly bodyLimitBytes: number;
  readonly requestLog: boolean;
  /** Which proxies' X-Forwarded-For and -Proto to believe (config.ts TRUST_PROXY): req.ip and req.secure. */
  readonly trustProxy: TrustProxy;
  /** The origins whose pages may call /api/v1 from a browser (config.ts CORS_ORIGINS; http/cors.ts). */
  readonly corsOrigins?: readonly string[];
  /** New or imported drafts per client address and window (limits.ts). */
  readonly draftCreateLimit: DraftCreationLimit;
  /** Drafts unchanged for this many days are deleted (DRAFT_RETENTION_DAYS); pages say so. */
  readonly draftRetentionDays: number;
  /** No new draft and no save once the database uses this many bytes (DATABASE_MAX_BYTES). */
  readonly databaseMaxBytes: number;
  /**
   * Who builds and renders documents: the worker pool (documents/pool.ts; main.ts creates it from
   * DOCUMENT_WORKERS and DOCUMENT_QUEUE, and closes it with the server), or, when absent, the same work
   * in process (the tests' default).
   */
  readonly documents?: DocumentRenderer;
  /**
   * The PDF converter (documents/pdf.ts; main.ts creates it from PDF and SOFFICE_PATH, and closes it with
   * the server); when absent, PDF is unavailable as if turned off.
   */
  readonly pdf?: PdfConverter;
}

/** The drafts over the store, as the app uses them (main.ts purges expired drafts with the same). */
export function draftsOf(
  deps: Pick<AppDeps, 'store' | 'clock' | 'draftRetentionDays' | 'databaseMaxBytes'>,
): Drafts {
  return createDrafts(deps.store, {
    clock: deps.clock,
    retentionDays: deps.draftRetentionDays,
    maxBytes: deps.databaseMaxBytes,
  });
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  const drafts = draftsOf(deps);
  const documents = deps.documents ?? createInProcessRenderer(deps);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      // No Referer to other sites (a draft's address is its key), but the browser still names this site
      // in the Origin of its own form posts: under no-referrer it sends "Origin: null", which csrf.ts refuses.
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use(permissionsPolicy());
  if (deps.requestLog) app.use(requestLog(deps.logger));
  app.use(languageMiddleware(deps.i18n));
  app.use('/assets', express.static(PATHS.public, { fallthrough: false, index: false, maxAge: '1h' }));
  // One limiter for every route that creates a draft: the pages' new draft and import, and the API's.
  const draftCreationLimiter = createDraftCreationLimiter({
    ...deps.draftCreateLimit,
    clock: deps.clock,
    logger: deps.logger,
  });
  app.use('/api/v1', apiCors(deps.corsOrigins ?? []));
  app.use('/api/v1', createApiRouter({ ...deps, drafts, draftCreationLimiter, documents }));
  app.use(
    createPagesRouter({
      ...deps,
      drafts,
      documents,
      links: createDraftLinks(deps.store, deps.clock),
      retentionDays: deps.draftRetentionDays,
      views: createViews(PATHS.templates),
      draftCreationLimiter,
    }),
  );
  app.use((req, _res, next) =>
    next(new ApiError(404, 'not_found', 'api.errors.notFound', { method: req.method })),
  );
  app.use(errorHandler(deps.logger, deps.bodyLimitBytes));
  return app;
}
