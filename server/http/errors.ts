/**
 * API errors: `{ error: { code, message, issues } }`, with a stable code, a message in the request's
 * language and, for a package, every issue. Anything thrown that is not an ApiError is a fault of ours:
 * 500, logged without the request's content, with a message that says nothing was stored.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import type { LocalizedIssue } from '../i18n/messages';
import type { RequestWithLanguage } from './middleware';

export const ERROR_CODES = [
  'malformed_json',
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
export type ApiIssue = LocalizedIssue | (Omit<LocalizedIssue, 'source'> & { readonly requirement: string; readonly source: LocalizedIssue['source'] });

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    /** i18next key in common: and its parameters. */
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(code);
  }
}

/** body-parser's error types, as it documents them. */
const BODY_ERRORS: Record<string, { status: number; code: ErrorCode; key: string }> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json', key: 'api.errors.malformedJson' },
  'entity.too.large': { status: 413, code: 'payload_too_large', key: 'api.errors.payloadTooLarge' },
  'encoding.unsupported': { status: 415, code: 'unsupported_media_type', key: 'api.errors.unsupportedMediaType' },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type', key: 'api.errors.unsupportedMediaType' },
  'request.aborted': { status: 400, code: 'malformed_json', key: 'api.errors.malformedJson' },
  'request.size.invalid': { status: 400, code: 'malformed_json', key: 'api.errors.malformedJson' },
};

export function errorHandler(logger: Logger, bodyLimitBytes: number): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const t = (req as RequestWithLanguage).t;
    let apiError: ApiError;
    if (err instanceof ApiError) {
      apiError = err;
    } else {
      const type = typeof err === 'object' && err !== null && 'type' in err ? String((err as { type: unknown }).type) : '';
      const known = BODY_ERRORS[type];
      if (known) {
        // body-parser's parse message names the position of the syntax error: useful, and it quotes no content.
        const detail = type === 'entity.parse.failed' && err instanceof Error ? err.message.slice(0, 200) : '';
        apiError = new ApiError(known.status, known.code, known.key, { detail, limit: `${Math.round(bodyLimitBytes / 1024)} KB` });
      } else {
        logger.error('unhandled_error', {
          method: req.method,
          path: req.path,
          name: err instanceof Error ? err.name : typeof err,
          stack: err instanceof Error ? (err.stack ?? '').split('\n').slice(0, 6).join(' | ') : '',
        });
        apiError = new ApiError(500, 'internal_error', 'api.errors.internal');
      }
    }
    res
      .status(apiError.status)
      .type('application/json')
      .json({ error: { code: apiError.code, message: t ? t(apiError.messageKey, apiError.params) : apiError.code, issues: apiError.issues } });
  };
}
