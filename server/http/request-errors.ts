/**
 * What a request itself got wrong, told apart from faults of ours: a body too large or with too many
 * fields, compressed wrongly or in an unknown encoding or charset, cut short; an upload over multer's
 * limits; a path that does not decode; too many new drafts (limits.ts). One list for both edges: the API
 * answers each kind with JSON (errors.ts), the pages with a page in the reader's language
 * (journey/index.ts). Neither logs a stack for them; anything else is a fault of ours, logged by
 * logFault and answered with a 500.
 */
import type { Request } from 'express';
import multer from 'multer';
import type { Logger } from '../logger';
import { RateLimited } from './limits';
import { logPath } from './log-path';

export type RequestErrorKind =
  /** The body is not in its declared format (JSON that does not parse). */
  | 'malformedBody'
  /** The body cannot be read: declared compressed but not, cut short, its length not as declared. */
  | 'unreadableBody'
  | 'tooLarge'
  /** More fields or parts than any form has (urlencoded parameterLimit, multer's counts). */
  | 'tooManyFields'
  /** A Content-Encoding or charset the parsers do not know. */
  | 'unsupportedEncoding'
  | 'notFound'
  | 'methodNotAllowed'
  | 'rateLimited';

/** The kinds that carry nothing but themselves. */
type PlainKind = Exclude<RequestErrorKind, 'rateLimited'>;

export type RequestError =
  { readonly kind: PlainKind } | { readonly kind: 'rateLimited'; readonly refusal: RateLimited };

/** body-parser's and raw-body's error types, as they document them ("stream.*" are ours: left out). */
const BODY_TYPES: ReadonlyMap<string, PlainKind> = new Map<string, PlainKind>(
  Object.entries({
    'entity.parse.failed': 'malformedBody',
    'entity.verify.failed': 'unreadableBody',
    'entity.too.large': 'tooLarge',
    'parameters.too.many': 'tooManyFields',
    'querystring.parse.rangeError': 'tooManyFields',
    'encoding.unsupported': 'unsupportedEncoding',
    'charset.unsupported': 'unsupportedEncoding',
    'request.aborted': 'unreadableBody',
    'request.size.invalid': 'unreadableBody',
  }),
);

/** multer's codes over a limit; its other codes (a file in an unexpected field, a bad field name...) are unreadable. */
const MULTER_CODES: ReadonlyMap<string, PlainKind> = new Map<string, PlainKind>(
  Object.entries({
    LIMIT_FILE_SIZE: 'tooLarge',
    LIMIT_FIELD_VALUE: 'tooLarge',
    LIMIT_FIELD_KEY: 'tooLarge',
    LIMIT_PART_COUNT: 'tooManyFields',
    LIMIT_FILE_COUNT: 'tooManyFields',
    LIMIT_FIELD_COUNT: 'tooManyFields',
  }),
);

/** The 4xx status an error carries (http-errors, serve-static, body-parser's decompression), if any. */
function clientStatus(err: object): number | null {
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = status ?? statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : null;
}

function kindOfStatus(status: number): PlainKind {
  switch (status) {
    case 403: // serve-static's refusal of a path that climbs out: reported as absent, it reveals nothing.
    case 404:
      return 'notFound';
    case 405:
      return 'methodNotAllowed';
    case 413:
      return 'tooLarge';
    case 415:
      return 'unsupportedEncoding';
    default:
      return 'unreadableBody';
  }
}

/** The request's mistake behind `err`, or null when `err` is a fault of ours. */
export function requestErrorOf(err: unknown): RequestError | null {
  if (err instanceof RateLimited) return { kind: 'rateLimited', refusal: err };
  if (typeof err !== 'object' || err === null) return null;
  if (err instanceof multer.MulterError) return { kind: MULTER_CODES.get(err.code) ?? 'unreadableBody' };
  // Express's router answers a path parameter that does not decode ("/drafts/%zz") with a URIError of
  // status 400: no address has such a path.
  if (err instanceof URIError && clientStatus(err) !== null) return { kind: 'notFound' };
  const type = (err as { type?: unknown }).type;
  const byType = typeof type === 'string' ? BODY_TYPES.get(type) : undefined;
  if (byType) return { kind: byType };
  const status = clientStatus(err);
  return status === null ? null : { kind: kindOfStatus(status) };
}

/**
 * Logs a fault of ours: the error's name and frames, never its message (its first line), which can quote
 * what was sent, such as a draft's answers in a validation error.
 */
export function logFault(logger: Logger, req: Request, err: unknown): void {
  logger.error('unhandled_error', {
    method: req.method,
    path: logPath(req),
    name: err instanceof Error ? err.name : typeof err,
    stack: err instanceof Error ? (err.stack ?? '').split('\n').slice(1, 7).join(' | ') : '',
  });
}
