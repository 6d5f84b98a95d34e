/**
 * createApp(deps): the one place the application is wired. No listen, no environment reads: main.ts
 * does those, and tests build the app with a temporary store and a fixed clock.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Participation } from './catalogue';
import type { I18n } from './i18n';
import type { Logger } from './logger';
import { createApiRouter } from './http/api';
import { ApiError, errorHandler } from './http/errors';
import { languageMiddleware, requestLog } from './http/middleware';
import { createPagesRouter } from './http/pages';
import { createViews } from './http/views';
import { PATHS } from './paths';
import { createDrafts, type Drafts } from './store/drafts';
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
  /** Drafts unchanged for this many days are deleted (DRAFT_RETENTION_DAYS); pages say so. */
  readonly draftRetentionDays: number;
  /** No new draft and no save once the database uses this many bytes (DATABASE_MAX_BYTES). */
  readonly databaseMaxBytes: number;
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
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
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
    }),
  );
  if (deps.requestLog) app.use(requestLog(deps.logger));
  app.use(languageMiddleware(deps.i18n));
  app.use('/assets', express.static(PATHS.public, { fallthrough: false, index: false, maxAge: '1h' }));
  app.use('/api/v1', createApiRouter({ ...deps, drafts }));
  app.use(
    createPagesRouter({
      ...deps,
      drafts,
      retentionDays: deps.draftRetentionDays,
      views: createViews(PATHS.templates),
    }),
  );
  app.use((req, _res, next) =>
    next(new ApiError(404, 'not_found', 'api.errors.notFound', { method: req.method })),
  );
  app.use(errorHandler(deps.logger, deps.bodyLimitBytes));
  return app;
}
