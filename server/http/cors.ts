/**
 * The CORS policy, for /api/v1 only (the pages and their forms get none):
 *
 * - Allowed origins are configured (CORS_ORIGINS, config.ts): exact origins, compared as whole strings
 *   with the request's Origin; none by default, and then no CORS header is ever sent.
 * - No credentials, ever: no Access-Control-Allow-Credentials, so a browser sends no cookie and reads no
 *   answer to a request that carried one. The API needs none: it sets no cookie and a draft's key is its
 *   id.
 * - An allowed origin is echoed in Access-Control-Allow-Origin (never `*`), with `Vary: Origin` on every
 *   /api/v1 answer once origins are configured, so a cache never serves one origin's answer to another.
 * - Preflights (OPTIONS with Access-Control-Request-Method) from an allowed origin are answered here with
 *   204: the methods the API has, the request headers it reads (Content-Type for JSON bodies, If-Match and
 *   If-None-Match for drafts, Accept-Language), cached by the browser for Max-Age seconds. A preflight from
 *   another origin goes on to the router, which answers without CORS headers: the browser stops there.
 * - The response headers a client needs are exposed: ETag, Location, Retry-After, Content-Disposition,
 *   Content-Language, Allow and the RateLimit headers.
 */
import type { RequestHandler } from 'express';

export const CORS_METHODS = 'GET, HEAD, POST, PUT, DELETE';
export const CORS_REQUEST_HEADERS = 'Content-Type, If-Match, If-None-Match, Accept-Language';
export const CORS_EXPOSED_HEADERS =
  'ETag, Location, Retry-After, Content-Disposition, Content-Language, Allow, RateLimit, RateLimit-Policy';
/** Two hours: the most Chromium keeps a preflight (Firefox keeps a day). */
export const CORS_MAX_AGE_SECONDS = 7200;

export function apiCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin === undefined || !allowed.has(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS' && req.get('access-control-request-method') !== undefined) {
      res.vary('Access-Control-Request-Method');
      res.vary('Access-Control-Request-Headers');
      res.setHeader('Access-Control-Allow-Methods', CORS_METHODS);
      res.setHeader('Access-Control-Allow-Headers', CORS_REQUEST_HEADERS);
      res.setHeader('Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS));
      res.status(204).end();
      return;
    }
    res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    next();
  };
}
