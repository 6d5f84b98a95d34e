/**
 * The server-rendered pages: the start page and the guided journey (journey/). Every page works
 * without JavaScript, has a language switcher that keeps the reader's place, and is rendered from
 * templates/ in the request's language. A language chosen with ?lang= is remembered in a cookie, so
 * that the next page (after a form post, say) stays in it.
 */
import express, { type Router } from 'express';
import { isLanguage } from '../i18n';
import { csrfToken } from './csrf';
import { createDraftPagesRouter, type DraftPagesDeps } from './journey';

export const LANGUAGE_COOKIE = 'lang';

export function createPagesRouter(deps: DraftPagesDeps): Router {
  const router = express.Router();
  router.use((req, res, next) => {
    // The pages only: the API stays stateless and sets no cookie.
    if (req.path.startsWith('/api/') || req.path.startsWith('/assets/')) return next('router');
    const asked = typeof req.query.lang === 'string' ? req.query.lang.trim().toLowerCase() : '';
    if (isLanguage(asked)) {
      res.cookie(LANGUAGE_COOKIE, asked, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/',
        maxAge: 365 * 24 * 3600 * 1000,
      });
    }
    next();
  });
  router.use(csrfToken());
  router.use(createDraftPagesRouter(deps));
  return router;
}
