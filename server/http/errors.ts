/**
 * API errors: `{ error: { code, message, issues } }`, with a stable code, a message in the request's
 * language and, for a package, every issue. Anything thrown that is not an ApiError is a fault of ours:
 * 500, logged without the request's content, with a message that says nothing was stored.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import type { LocalizedIssue } from '../i18n/messages';
import { logPath } from './log-path';
import type { RequestWithLanguage } from './middleware';

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
  'full_powers_not_needed',
  'not_found',
  'method_not_allowed',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
  ) {
    super(code);
  }
}

/** body-parser's error types, as it documents them. */
const BODY_ERRORS: Record<string, { status: number; code: ErrorCode; key: string }> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json', key: 'api.errors.malformedJson' },
  'entity.too.large': { status: 413, code: 'payload_too_large', key: 'api.errors.payloadTooLarge' },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    key: 'api.errors.unsupportedMediaType',
  },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    key: 'api.errors.unsupportedMediaType',
  },
  'request.aborted': { status: 400, code: 'bad_request', key: 'api.errors.badRequest' },
  'request.size.invalid': { status: 400, code: 'bad_request', key: 'api.errors.badRequest' },
};

/** Errors from Express's own layers (serve-static, body-parser's decompression) carry an HTTP status. */
function statusOf(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const status =
    (err as { status?: unknown; statusCode?: unknown }).status ??
    (err as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function toApiError(err: unknown, bodyLimitBytes: number, req: RequestWithLanguage): ApiError | null {
  if (err instanceof ApiError) return err;
  const limit = new Intl.NumberFormat(req.lng ?? 'en', {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bodyLimitBytes / 1024);
  const type =
    typeof err === 'object' && err !== null && 'type' in err ? String((err as { type: unknown }).type) : '';
  const known = BODY_ERRORS[type];
  if (known) {
    // Only the position of a JSON syntax error is reported: the parser's own message is English and may
    // quote part of the body.
    const position = err instanceof Error ? /position (\d+)/.exec(err.message)?.[1] : undefined;
    return new ApiError(known.status, known.code, position ? `${known.key}AtPosition` : known.key, {
      position: position ?? '',
      limit,
    });
  }
  switch (statusOf(err)) {
    case null:
      return null;
    case 403:
    case 404:
      // A path refused by serve-static (403) is reported as absent: it reveals nothing about the files.
      return new ApiError(404, 'not_found', 'api.errors.notFound');
    case 405:
      return new ApiError(
        405,
        'method_not_allowed',
        'api.errors.methodNotAllowed',
        { method: req.method, allow: 'GET, HEAD' },
        [],
        'GET, HEAD',
      );
    case 413:
      return new ApiError(413, 'payload_too_large', 'api.errors.payloadTooLarge', { limit });
    case 415:
      return new ApiError(415, 'unsupported_media_type', 'api.errors.unsupportedMediaType');
    default:
      return new ApiError(400, 'bad_request', 'api.errors.badRequest');
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
      logger.error('unhandled_error', {
        method: req.method,
        path: logPath(req),
        name: err instanceof Error ? err.name : typeof err,
        // The frames only: an error's message (its first line) can quote what was sent, such as a draft's
        // answers in a validation error, and nothing of a draft's content may reach the logs.
        stack: err instanceof Error ? (err.stack ?? '').split('\n').slice(1, 7).join(' | ') : '',
      });
      apiError = new ApiError(500, 'internal_error', 'api.errors.internal');
    }
    if (apiError.allow) res.setHeader('Allow', apiError.allow);
    res
      .status(apiError.status)
      .type('application/json')
      .json({
        error: {
          code: apiError.code,
          message: r.t ? r.t(apiError.messageKey, apiError.params) : apiError.code,
          issues: apiError.issues,
        },
      });
  };
}
