/**
 * Server-rendered pages. Every page works without JavaScript, has a language switcher that keeps the
 * reader's place, and is rendered from templates/ in the request's language.
 */
import express, { type Request, type Router } from 'express';
import { SUPPORTED_LANGUAGES } from '../i18n';
import type { RequestWithLanguage } from './middleware';
import type { Views } from './views';

/** Links to this same page in the other languages (?lang= is the only parameter pages read). */
function otherLanguages(req: Request) {
  const r = req as RequestWithLanguage;
  return SUPPORTED_LANGUAGES.filter((code) => code !== r.lng).map((code) => ({
    code,
    name: r.t(`languageName`, { lng: code }),
    href: `${req.path}?lang=${code}`,
  }));
}

export function createPagesRouter(views: Views): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    const r = req as RequestWithLanguage;
    res.type('html').send(
      views.render('home', {
        lang: r.lng,
        title: r.t('pages.home.title'),
        t: r.t,
        otherLanguages: otherLanguages(req),
        examples: {
          treaties: `/api/v1/treaties?lang=${r.lng}`,
          states: `/api/v1/states?lang=${r.lng}`,
          schema: '/api/v1/schema',
        },
      }),
    );
  });
  return router;
}
