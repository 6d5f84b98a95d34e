/**
 * The JSON API under /api/v1. Handlers are short: parse the package (zod), assess it (rules,
 * checklist, entry into force), respond. Every query parameter the API reads is checked against its
 * list; a method an address does not accept is a 405 with the Allow header.
 *
 *   GET  /api/v1                      what is here
 *   GET  /api/v1/health               the store answers, data snapshot dates
 *   GET  /api/v1/openapi.json         the OpenAPI 3.1 document (openapi.ts, from the table in api-routes.ts)
 *   GET  /api/v1/treaties             the catalogue: treaties, titles, requirements (?lang=)
 *   GET  /api/v1/states               States and the European Union with their participation
 *                                     (?lang= for messages, ?names= any ISO 639-1 code for the names)
 *   GET  /api/v1/schema               the JSON Schema of the package (generated from the zod schema)
 *   GET  /api/v1/problems[/{code}]    the problem types of the errors (RFC 9457 `type`): status, title
 *   POST /api/v1/validate             issues, checklist, entry into force
 *   POST /api/v1/documents/{instrument,notifications,full-powers,checklist,bundle}
 *                                     ?treaty=&lang=&mode=draft|final&format=docx|pdf (html too for
 *                                     the checklist; pdf on the bundle: a PDF beside each .docx);
 *                                     lang=ar,en: bilingual, one language per column (not the checklist)
 *   POST /api/v1/documents/authorities?format=csv|json&lang=&mode=
 *                                     the competent-authorities directory (documents/directory.ts)
 *   POST /api/v1/drafts, GET|PUT|DELETE /api/v1/drafts/{id}, GET /api/v1/drafts/{id}/history
 *                                     drafts, with revisions as ETags (api-drafts.ts)
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { LANGUAGE_CODES, TREATY_IDS, type Participation } from '../catalogue';
import { packageJsonSchema } from '../domain/package';
import { assessPackage, parsePackage, type Assessment } from '../domain/validate';
import { isoToday } from '../domain/dates';
import { DOCUMENT_NAMES, type DocumentName } from '../documents';
import type { Mode } from '../documents/context';
import { DIRECTORY_DOCUMENT, DIRECTORY_FORMATS } from '../documents/directory';
import type { PdfConverter } from '../documents/pdf';
import { produceDocument, type DocumentRenderer, type Refusal } from '../documents/produce';
import { refusalProblem } from './refusals';
import { sendDownload } from './download';
import { DEFAULT_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES, type I18n, type Language } from '../i18n';
import type { Translator } from '../i18n/messages';
import type { Drafts } from '../store/drafts';
import type { Store } from '../store/store';
import { registerDraftRoutes } from './api-drafts';
import { allowedMethods, API_ROUTES, DOCUMENT_FORMATS, MODES } from './api-routes';
import { openApiDocument } from './openapi';
import {
  ApiError,
  ERROR_CODES,
  ERROR_STATUS,
  invalidPackage,
  isErrorCode,
  problemTitleKey,
  problemType,
  type ErrorCode,
} from './errors';
import { requireJson, type RequestWithLanguage } from './middleware';
import { assessmentView, catalogueView, statesView } from './present';

export interface ApiDeps {
  readonly participation: Participation;
  readonly store: Store;
  readonly drafts: Drafts;
  /** The limit on creating drafts, shared with the pages (limits.ts). */
  readonly draftCreationLimiter: RequestHandler;
  readonly clock: () => Date;
  readonly bodyLimitBytes: number;
  readonly i18n: I18n;
  /** Who builds and renders documents (documents/produce.ts): the worker pool or in process. */
  readonly documents: DocumentRenderer;
  /** The PDF converter (documents/pdf.ts); without it, format=pdf is 501 pdf_unavailable. */
  readonly pdf?: PdfConverter;
}

/**
 * A query parameter that must be one of `allowed` (compared in lower case); undefined when absent.
 * Arrays (?a=1&a=2) are refused.
 */
function oneOf<T extends string>(req: Request, name: string, allowed: readonly T[]): T | undefined {
  const raw: unknown = req.query[name];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
  if (value !== null && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ApiError(400, 'invalid_parameter', 'api.errors.invalidParameter', {
    name,
    allowed: allowed.join(', '),
  });
}

/**
 * The documents' languages (?lang=): one, or two different ones separated by a comma for a bilingual
 * document ("ar,en": Arabic in the first column, English in the second); undefined when absent.
 */
function documentLanguages(req: Request): readonly [Language] | readonly [Language, Language] | undefined {
  const raw: unknown = req.query.lang;
  if (typeof raw !== 'string' || !raw.includes(',')) {
    const one = oneOf(req, 'lang', SUPPORTED_LANGUAGES);
    return one === undefined ? undefined : [one];
  }
  const [first, second, ...rest] = raw.split(',').map((part) => part.trim().toLowerCase());
  if (rest.length === 0 && isLanguage(first) && isLanguage(second) && first !== second)
    return [first, second];
  throw new ApiError(400, 'invalid_parameter', 'api.errors.invalidLanguagePair', {
    name: 'lang',
    allowed: SUPPORTED_LANGUAGES.join(', '),
  });
}

/** A refusal to produce a document (documents/produce.ts) as the API's error, in the request's language. */
function refusalError(refusal: Refusal, tr: Translator): ApiError {
  const p = refusalProblem(refusal, tr);
  return new ApiError(p.status, p.code, p.messageKey, p.params, p.issues, undefined, p.retryAfterSeconds);
}

export function createApiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  const today = () => isoToday(deps.clock());
  /** The request's language, or another one (documents may be in a language other than the pages'). */
  const translator = (req: Request, lng?: Language): Translator => {
    const language = lng ?? (req as RequestWithLanguage).lng;
    return { lng: language, t: deps.i18n.t(language) };
  };

  /** The POST routes' body: JSON only (415 otherwise), within the size limit (413). */
  const jsonBody = [
    requireJson,
    express.json({ limit: deps.bodyLimitBytes, strict: false, type: 'application/json' }),
  ];

  const domainDeps = () => ({ participation: deps.participation, today: today() });
  /** The body parsed and assessed; one that is not a package (an array, a number...) is a 422 with every issue. */
  const assess = (req: Request): Assessment => {
    const parsed = parsePackage(req.body ?? null);
    if (!parsed.ok) throw invalidPackage(parsed.issues, translator(req));
    return assessPackage(parsed.pkg, domainDeps());
  };

  /** Each address and the methods it accepts (api-routes.ts): any other method is a 405. */
  const routes = allowedMethods();

  router.get('/', (_req, res) => {
    res.json({
      endpoints: API_ROUTES.filter((route) => route.express !== '/').flatMap((route) =>
        Object.keys(route.operations).map(
          (method) =>
            `${method.toUpperCase()} /api/v1${(route.path ?? route.express).replace(/:(\w+)/g, '{$1}')}`,
        ),
      ),
      languages: SUPPORTED_LANGUAGES,
    });
  });

  let openApi: string | undefined;
  router.get('/openapi.json', (_req, res) => {
    openApi ??= JSON.stringify(openApiDocument(deps.i18n.t(DEFAULT_LANGUAGE)));
    res.type('application/json').send(openApi);
  });

  router.get('/health', (_req, res) => {
    const healthy = deps.store.healthy();
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'unavailable',
      storeSchemaVersion: deps.store.schemaVersion(),
      participationAsAt: Object.fromEntries(TREATY_IDS.map((t) => [t, deps.participation[t].asAt])),
    });
  });

  router.get('/treaties', (req, res) => {
    res.json(catalogueView(deps.participation, translator(req)));
  });

  router.get('/states', (req, res) => {
    const r = req as RequestWithLanguage;
    const names = oneOf(req, 'names', LANGUAGE_CODES) ?? r.lng;
    res.json({ ...statesView(deps.participation, names), note: r.t('api.statesNote') });
  });

  router.get('/schema', (_req, res) => {
    res.type('application/schema+json').send(
      JSON.stringify({
        $id: '/api/v1/schema',
        title: 'Accession package',
        ...(packageJsonSchema() as object),
      }),
    );
  });

  /** A problem type, what its `type` URI answers: the code, the status it comes with, its title. */
  const problemTypeView = (code: ErrorCode, req: Request) => ({
    type: problemType(code),
    code,
    status: ERROR_STATUS[code],
    title: (req as RequestWithLanguage).t(problemTitleKey(code)),
  });

  router.get('/problems', (req, res) => {
    res.json({ problems: ERROR_CODES.map((code) => problemTypeView(code, req)) });
  });

  router.get('/problems/:code', (req, res) => {
    const code = req.params.code;
    if (!isErrorCode(code)) throw new ApiError(404, 'not_found', 'api.errors.notFoundApi');
    res.json(problemTypeView(code, req));
  });

  router.post('/validate', ...jsonBody, (req, res) => {
    res.json(assessmentView(assess(req), translator(req)));
  });

  router.post('/documents/:name', ...jsonBody, async (req: Request, res: Response) => {
    const name = req.params.name as DocumentName | typeof DIRECTORY_DOCUMENT;
    const directory = name === DIRECTORY_DOCUMENT;
    if (!directory && !(DOCUMENT_NAMES as readonly string[]).includes(name)) {
      throw new ApiError(404, 'not_found', 'api.errors.notFoundApi');
    }
    const mode: Mode = oneOf(req, 'mode', MODES) ?? 'draft';
    // The directory has no default format (CSV and JSON serve different readers): none is a 400 (produce.ts).
    const format = directory
      ? oneOf(req, 'format', DIRECTORY_FORMATS)
      : (oneOf(req, 'format', DOCUMENT_FORMATS[name]) ?? 'docx');
    const requestedTreaty = oneOf(req, 'treaty', TREATY_IDS);
    // Validate the language before the body, so a bad parameter is a 400 whatever the body says.
    const requestedLanguages = documentLanguages(req);
    // The checklist is the legal adviser's working paper, not a deposited text: one language.
    if (requestedLanguages?.length === 2 && name === 'checklist')
      throw new ApiError(400, 'invalid_parameter', 'api.errors.checklistOneLanguage', {
        name: 'lang',
        allowed: SUPPORTED_LANGUAGES.join(', '),
      });
    // The directory's records are data in one language (each record's labels and legal basis).
    if (requestedLanguages?.length === 2 && directory)
      throw new ApiError(400, 'invalid_parameter', 'api.errors.directoryOneLanguage', {
        name: 'lang',
        allowed: SUPPORTED_LANGUAGES.join(', '),
      });
    // The body goes as it came: it is checked against the package's schema and assessed where the
    // document is made (documents/produce.ts), off the event loop.
    const produced = await produceDocument(deps, {
      name,
      pkg: { unchecked: req.body ?? null },
      languages: requestedLanguages,
      mode,
      treaty: requestedTreaty,
      format,
      today: today(),
    });
    if (produced.kind === 'refused') throw refusalError(produced, translator(req));
    // The response is in the documents' languages, whatever the request asked for its messages.
    res.setHeader('Content-Language', produced.languages.join(', '));
    if (format === 'html') {
      res.type('html').send(produced.bytes);
      return;
    }
    sendDownload(res, produced);
  });

  registerDraftRoutes(router, deps.drafts, {
    jsonBody,
    translator: (req) => translator(req),
    limiter: deps.draftCreationLimiter,
  });

  // A known address with a method it does not accept: 405 with Allow (OPTIONS: 204 with Allow).
  for (const [route, allow] of routes) {
    router.all(route, (req, res) => {
      if (req.method === 'OPTIONS') {
        res.setHeader('Allow', `${allow}, OPTIONS`);
        res.status(204).end();
        return;
      }
      throw new ApiError(
        405,
        'method_not_allowed',
        'api.errors.methodNotAllowed',
        { method: req.method, allow },
        [],
        `${allow}, OPTIONS`,
      );
    });
  }

  router.all('/{*rest}', () => {
    throw new ApiError(404, 'not_found', 'api.errors.notFoundApi');
  });

  return router;
}
