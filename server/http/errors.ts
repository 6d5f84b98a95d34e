/**
 * API errors as RFC 9457 problem details (`application/problem+json`): `type` (a URI reference per code,
 * `/api/v1/problems/{code}`, which GET answers with the code's status and title), `title` (fixed per code,
 * in the request's language), `status`, `detail` (this occurrence's message in the request's language),
 * and two extension members: `code` (the stable code) and `issues` (for a package, every issue). No
 * `instance`: nothing stores an occurrence to point at, and the request's path would copy a draft's id,
 * its only key, into bodies that clients log. The former `{ error: { code, message, issues } }` is kept
 * beside them for one release (deprecated; README). A mistake the request made before reaching a route (a body
 * too large or badly compressed, too many new drafts...: request-errors.ts) is a 4xx like an ApiError.
 * Anything else is a fault of ours: 500, logged without the request's content, with a message that says
 * nothing was stored.
 */
import { DEFAULT_LANGUAGE } from '../i18n/languages';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import type { Issue } from '../domain/issues';
import { localizeIssue, type LocalizedIssue, type Translator } from '../i18n/messages';
import { retryParams } from './limits';
import type { RequestWithLanguage } from './middleware';
import { logFault, requestErrorOf, type RequestErrorKind } from './request-errors';

export const ERROR_CODES = [
  'malformed_json',
  'bad_request',
  'unsupported_media_type',
  'payload_too_large',
  'invalid_package',
  'final_refused',
  'invalid_parameter',
  'missing_parameter',
  'treaty_not_in_package',
  'no_instrument',
  'full_powers_not_needed',
  'not_found',
  'method_not_allowed',
  'precondition_required',
  'precondition_failed',
  'storage_full',
  'draft_unreadable',
  'rate_limited',
  'busy',
  'pdf_unavailable',
  'pdf_failed',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each code comes with (one each). */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  malformed_json: 400,
  bad_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  invalid_package: 422,
  final_refused: 422,
  invalid_parameter: 400,
  missing_parameter: 400,
  treaty_not_in_package: 422,
  no_instrument: 422,
  full_powers_not_needed: 422,
  not_found: 404,
  method_not_allowed: 405,
  precondition_required: 428,
  precondition_failed: 412,
  storage_full: 507,
  draft_unreadable: 500,
  rate_limited: 429,
  busy: 503,
  pdf_unavailable: 501,
  pdf_failed: 503,
  internal_error: 500,
};

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** Where the problem types live: `type` is this plus the code, a reference relative to the API's host. */
export const PROBLEM_TYPE_BASE = '/api/v1/problems/';

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

export const problemType = (code: ErrorCode): string => `${PROBLEM_TYPE_BASE}${code}`;

/** The i18next key of a code's title: common:api.problems.<code in camelCase>. */
export const problemTitleKey = (code: ErrorCode): string =>
  `api.problems.${code.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())}`;

/** An issue as the API reports it; checklist items missing in final mode carry their requirement id. */
export type ApiIssue =
  | LocalizedIssue
  | (Omit<LocalizedIssue, 'source'> & {
      readonly requirement: string;
      readonly source: LocalizedIssue['source'];
    });

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    /** i18next key in common: and its parameters. */
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: readonly ApiIssue[] = [],
    /** For 405: the methods the address accepts. */
    readonly allow?: string,
    /** For 503 (the document workers busy): the seconds to wait, the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

/** The API's answer to each mistake a request can make (request-errors.ts). */
const ANSWERS: Readonly<Record<RequestErrorKind, { status: number; code: ErrorCode; key: string }>> = {
  malformedBody: { status: 400, code: 'malformed_json', key: 'api.errors.malformedJson' },
  unreadableBody: { status: 400, code: 'bad_request', key: 'api.errors.badRequest' },
  tooLarge: { status: 413, code: 'payload_too_large', key: 'api.errors.payloadTooLarge' },
  tooManyFields: { status: 413, code: 'payload_too_large', key: 'api.errors.payloadTooLarge' },
  unsupportedEncoding: {
    status: 415,
    code: 'unsupported_media_type',
    key: 'api.errors.unsupportedMediaType',
  },
  notFound: { status: 404, code: 'not_found', key: 'api.errors.notFound' },
  methodNotAllowed: { status: 405, code: 'method_not_allowed', key: 'api.errors.methodNotAllowed' },
  rateLimited: { status: 429, code: 'rate_limited', key: 'api.errors.rateLimited' },
};

function toApiError(err: unknown, bodyLimitBytes: number, req: RequestWithLanguage): ApiError | null {
  if (err instanceof ApiError) return err;
  const known = requestErrorOf(err);
  if (!known) return null;
  const { status, code, key } = ANSWERS[known.kind];
  switch (known.kind) {
    case 'malformedBody': {
      // Only the position of a JSON syntax error is reported: the parser's own message is English and may
      // quote part of the body.
      const position = err instanceof Error ? /position (\d+)/.exec(err.message)?.[1] : undefined;
      return position
        ? new ApiError(status, code, `${key}AtPosition`, { position })
        : new ApiError(status, code, key);
    }
    case 'tooLarge':
    case 'tooManyFields': {
      const limit = new Intl.NumberFormat(req.lng ?? DEFAULT_LANGUAGE, {
        style: 'unit',
        unit: 'kilobyte',
        maximumFractionDigits: 1,
      }).format(bodyLimitBytes / 1024);
      return new ApiError(status, code, key, { limit });
    }
    case 'methodNotAllowed':
      // Only express.static answers 405 here (the API's routes throw their own ApiError with Allow).
      return new ApiError(status, code, key, { method: req.method, allow: 'GET, HEAD' }, [], 'GET, HEAD');
    case 'rateLimited':
      return new ApiError(status, code, key, retryParams(known.refusal, req.lng ?? DEFAULT_LANGUAGE));
    default:
      return new ApiError(status, code, key);
  }
}

export function errorHandler(logger: Logger, bodyLimitBytes: number): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const r = req as RequestWithLanguage;
    let apiError = toApiError(err, bodyLimitBytes, r);
    if (!apiError) {
      logFault(logger, req, err);
      apiError = new ApiError(500, 'internal_error', 'api.errors.internal');
    }
    if (apiError.allow) res.setHeader('Allow', apiError.allow);
    if (apiError.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(apiError.retryAfterSeconds));
    res.status(apiError.status).type(PROBLEM_MEDIA_TYPE).json(problemOf(apiError, r.t));
  };
}

/** The problem details of an error; `t` speaks the request's language (absent: the code stands in). */
export function problemOf(apiError: ApiError, t: RequestWithLanguage['t'] | undefined) {
  const detail = t ? t(apiError.messageKey, apiError.params) : apiError.code;
  return {
    type: problemType(apiError.code),
    title: t ? t(problemTitleKey(apiError.code)) : apiError.code,
    status: apiError.status,
    detail,
    code: apiError.code,
    issues: apiError.issues,
    /** Deprecated: the shape before RFC 9457, kept for one release (README, "API errors"). */
    error: { code: apiError.code, message: detail, issues: apiError.issues },
  };
}

/**
 * A package that does not match the schema, as plain parts: 422 with every issue, in the caller's
 * language. The API's error below and a document's refusal (refusals.ts) are both made from it.
 */
export function invalidPackageProblem(issues: readonly Issue[], tr: Translator) {
  return {
    status: 422,
    code: 'invalid_package' as const,
    messageKey: 'api.errors.invalidPackage',
    params: { count: issues.length },
    issues: issues.map((i) => localizeIssue(i, tr)),
  };
}

/** A package that does not match the schema: 422 with every issue, in the request's language. */
export function invalidPackage(issues: readonly Issue[], tr: Translator): ApiError {
  const p = invalidPackageProblem(issues, tr);
  return new ApiError(p.status, p.code, p.messageKey, p.params, p.issues);
}
