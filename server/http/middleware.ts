/**
 * Request middleware: the request's language (one place, from ?lang=, the pages' language cookie or
 * Accept-Language, only ever a supported code), the Permissions-Policy header, the request log (method,
 * path with draft ids masked (log-path.ts), status, duration: never a body or query string), and the
 * JSON-only rule for the API's POST bodies.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { TFunction } from 'i18next';
import { detectLanguage, type I18n, type Language } from '../i18n';
import { readCookies } from './csrf';
import type { Logger } from '../logger';
import { ApiError } from './errors';
import { logPath } from './log-path';

export interface RequestWithLanguage extends Request {
  lng: Language;
  t: TFunction;
}

export function languageMiddleware(i18n: I18n): RequestHandler {
  return (req, res, next) => {
    const r = req as RequestWithLanguage;
    // ?lang= first, then the language the reader chose on an earlier page (the pages' `lang` cookie),
    // then Accept-Language (Express's req.acceptsLanguages). detectLanguage only ever returns a supported code.
    const asked =
      typeof req.query.lang === 'string' && req.query.lang.trim() !== ''
        ? req.query.lang
        : readCookies(req).lang;
    r.lng = detectLanguage(asked, (languages) => req.acceptsLanguages(languages));
    r.t = i18n.t(r.lng);
    res.setHeader('Content-Language', r.lng);
    res.vary('Accept-Language');
    next();
  };
}

/**
 * Permissions-Policy: the browser features a drafting service never uses, denied to its pages and to
 * anything they could ever embed, so that an injected script or frame cannot ask for them either. Only
 * names Chromium knows (an unknown name is a console warning on every page).
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'clipboard-read',
  'compute-pressure',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
] as const;
const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

export function permissionsPolicy(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  };
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info('request', {
        method: req.method,
        path: logPath(req),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  };
}

/**
 * POST bodies must be JSON (415 otherwise). This also keeps the API out of reach of cross-site HTML
 * forms, which cannot send application/json without a CORS preflight, granted only to the origins
 * CORS_ORIGINS lists (cors.ts), and never with credentials.
 */
export function requireJson(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'POST' && !req.is('application/json')) {
    next(new ApiError(415, 'unsupported_media_type', 'api.errors.unsupportedMediaType'));
    return;
  }
  next();
}
