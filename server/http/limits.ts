/**
 * The limit on creating drafts: how many new or imported drafts one client address may create in a window
 * (DRAFT_CREATE_LIMIT per DRAFT_CREATE_WINDOW_MINUTES, config.ts). Every draft is a row in SQLite that
 * nothing lists and nothing expires, so a script posting forms in a loop would fill the disk.
 *
 * - One instance, built in createApp, serves every route that creates a draft (the pages' POST /drafts and
 *   POST /drafts/import; the API's creation route when it comes): a client has one budget whichever way
 *   it creates drafts.
 * - Only creations count (skipFailedRequests): a form shown again with an error, a forgery refused with
 *   403 and the 429 itself are given back, so another site cannot spend a reader's budget by making their
 *   browser post forms, and correcting a mistake costs nothing.
 * - The key is req.ip, which TRUST_PROXY makes the client's address behind a proxy; express-rate-limit
 *   reads IPv4-mapped IPv6 addresses as IPv4 and groups other IPv6 addresses by /56 (one household or
 *   office network), so a client cannot step around the limit by changing the last bits of its address.
 * - A refusal is passed on as a RateLimited error: the pages answer it with a page, the API with JSON
 *   (request-errors.ts), both with Retry-After in seconds and the RateLimit headers of the IETF draft 8.
 * - express-rate-limit's own checks of its set-up (trust proxy too permissive, X-Forwarded-For without
 *   trust proxy...) go to our log, not the console.
 */
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LANGUAGE_TAGS, type Language } from '../i18n';
import type { Logger } from '../logger';

export interface DraftCreationLimit {
  /** Drafts one address may create per window; 0 turns the limit off. */
  readonly limit: number;
  readonly windowMinutes: number;
}

/** A request refused for having created too many drafts: when to try again. */
export class RateLimited extends Error {
  readonly status = 429;
  constructor(
    /** What Retry-After says. */
    readonly retryAfterSeconds: number,
    /** The same moment by the app's clock, for the page and the message. */
    readonly retryAt: Date,
  ) {
    super('rate_limited');
    this.name = 'RateLimited';
  }
}

export function createDraftCreationLimiter(
  options: DraftCreationLimit & { readonly clock: () => Date; readonly logger: Logger },
): RequestHandler {
  if (options.limit === 0) return (_req, _res, next) => next();
  const windowSeconds = options.windowMinutes * 60;
  const toLog = (level: 'info' | 'error') => (error: unknown) =>
    // The check's code only (its page is https://express-rate-limit.github.io/{code}/): some checks'
    // messages quote the client's address.
    options.logger[level]('rate_limit_check', {
      code: String((error as { code?: unknown }).code ?? (error instanceof Error ? error.name : 'unknown')),
    });
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: 'draft-creation',
    skipFailedRequests: true,
    logger: { warn: toLog('info'), error: toLog('error') },
    handler: (_req: Request, res, next) => {
      // express-rate-limit has set Retry-After (seconds until the window ends) before calling this.
      const seconds = Math.max(1, Number(res.getHeader('Retry-After')) || windowSeconds);
      // The moment is told by the app's clock (the tests' is fixed), so page and header agree.
      next(new RateLimited(seconds, new Date(options.clock().getTime() + seconds * 1000)));
    },
  });
}

/**
 * When to try again, in the reader's language: the time in UTC (the server cannot know the reader's time
 * zone), rounded up to the minute so it is never too early, and the wait in minutes.
 */
export function retryParams(refusal: RateLimited, lng: Language): { time: string; duration: string } {
  const minute = 60_000;
  const at = new Date(Math.ceil(refusal.retryAt.getTime() / minute) * minute);
  return {
    time: new Intl.DateTimeFormat(LANGUAGE_TAGS[lng], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(at),
    duration: new Intl.NumberFormat(LANGUAGE_TAGS[lng], {
      style: 'unit',
      unit: 'minute',
      unitDisplay: 'long',
    }).format(Math.ceil(refusal.retryAfterSeconds / 60)),
  };
}
