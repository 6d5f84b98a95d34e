/**
 * Protection against cross-site form posts, for the pages (the API accepts JSON only, which a
 * cross-site form cannot send). Two checks, both must pass on every POST:
 *
 * 1. Fetch metadata / Origin: a browser that says the request comes from another site
 *    (Sec-Fetch-Site: cross-site or same-site, or an Origin header naming another host, or "null") is
 *    refused.
 * 2. A double-submit token (OWASP CSRF cheat sheet): a random value in an HttpOnly, SameSite=Strict
 *    cookie, repeated in a hidden `_csrf` field of every form. Another site can neither read the cookie
 *    nor set it, so it cannot write the matching field. Compared in constant time.
 *
 * The token is per browser, not per draft, and carries nothing of a draft.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The cookies of a request, parsed from the header (only the few this site sets). */
export function readCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !(name in out)) out[name] = value;
  }
  return out;
}

export interface CsrfRequest extends Request {
  csrfToken: string;
}

/** Gives every page request a token (res.locals and req.csrfToken), setting the cookie when absent. */
export function csrfToken(): RequestHandler {
  return (req, res, next) => {
    let token = readCookies(req)[CSRF_COOKIE];
    if (!token || !TOKEN.test(token)) {
      token = randomBytes(32).toString('base64url');
      res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
    }
    (req as CsrfRequest).csrfToken = token;
    next();
  };
}

function sameOrigin(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.get('origin');
  // "null" is what a sandboxed frame, a file: or data: page, or a redirect from another site sends; never
  // this service's own pages, whose Referrer-Policy (same-origin, app.ts) lets the browser name them.
  if (origin === 'null') return false;
  if (origin) {
    try {
      return new URL(origin).host === req.get('host');
    } catch {
      return false;
    }
  }
  return true;
}

/** Checks a POST after its body is parsed; calls `refuse` (a 403 page) when a check fails. */
export function verifyCsrf(refuse: (req: Request, res: Response) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    const cookie = readCookies(req)[CSRF_COOKIE];
    const body = req.body as Record<string, unknown> | undefined;
    const sent = typeof body?.[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : '';
    const ok =
      sameOrigin(req) &&
      cookie !== undefined &&
      TOKEN.test(cookie) &&
      sent.length === cookie.length &&
      timingSafeEqual(Buffer.from(sent), Buffer.from(cookie));
    if (!ok) return refuse(req, res);
    next();
  };
}
