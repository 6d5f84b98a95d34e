/**
 * A draft opened with a link (store/links.ts): /shared/{secret}. The secret opens the draft for its
 * link's role, and only the pages that role needs; the draft's own address (its id, the drafter's key
 * to every answer) appears nowhere on them: every page links within /shared/{secret} (kit.ts `base`).
 *
 *   translator  the translation of the answers (translate.ts), and the documents and checklist to see
 *               the translations printed; never a question page, so never the answers themselves
 *   reviewer    the review (comments, approval), check answers, the history, the checklist and the
 *               documents: everything to read, nothing to change but the review (review.ts)
 *
 * An unknown or revoked secret is one page not found (never saying which). A page the role does not
 * open is a 403 page linking to the role's first page.
 *
 *   GET /shared/{secret}      the role's first page
 */
import type { Request, Response, Router } from 'express';
import type { LinkRole } from '../../store/links';
import { dr, lr, type PageKit } from './kit';

interface Opening {
  /** The address under /shared/{secret}, as Express gives it to the mount ("/translate/fr"). */
  readonly path: RegExp;
  readonly methods: readonly string[];
}

/** What each role opens, as data: the only addresses under /shared/{secret} that answer. */
export const ROLE_OPENS: Readonly<Record<LinkRole, readonly Opening[]>> = {
  translator: [
    { path: /^\/?$/, methods: ['GET', 'HEAD'] },
    { path: /^\/translate(?:\/[a-z]{2}(?:\/[a-z-]+)*)?\/?$/, methods: ['GET', 'HEAD', 'POST'] },
    { path: /^\/(?:documents(?:\/[a-z-]+)?|checklist)\/?$/, methods: ['GET', 'HEAD'] },
  ],
  reviewer: [
    { path: /^\/?$/, methods: ['GET', 'HEAD'] },
    { path: /^\/(?:documents(?:\/[a-z-]+)?|checklist|check|history|review)\/?$/, methods: ['GET', 'HEAD'] },
    {
      path: /^\/review\/(?:approve|comments|comments\/[A-Za-z0-9_-]{8}\/reply)\/?$/,
      methods: ['POST'],
    },
  ],
};

/** The page a link opens first. */
const HOME: Readonly<Record<LinkRole, string>> = { translator: 'translate', reviewer: 'review' };

export function registerSharedAccess(router: Router, kit: PageKit): void {
  const { deps, drafts, errorPage } = kit;

  const notFound = (req: Request, res: Response) =>
    errorPage(req, res, 404, 'linkNotFound', [{ href: '/', text: lr(req).t('pages.common.toStart') }]);

  router.use('/shared/:token', (req, res, next) => {
    const token = req.params.token as string;
    const opened = deps.links.open(token);
    if (!opened) return notFound(req, res);
    const loaded = drafts.load(opened.draftId);
    if (!loaded.ok) return notFound(req, res);
    const r = dr(req);
    r.draftId = opened.draftId;
    r.draft = loaded.record.draft;
    r.revision = loaded.record.revision;
    r.updatedAt = loaded.record.updatedAt;
    r.base = `/shared/${token}`;
    r.link = opened.link;
    res.set('X-Robots-Tag', 'noindex, nofollow');
    res.set('Cache-Control', 'no-store');
    const role = opened.link.role;
    if (!ROLE_OPENS[role].some((o) => o.path.test(req.path) && o.methods.includes(req.method)))
      return errorPage(req, res, 403, 'linkScope', [
        { href: `${r.base}/${HOME[role]}`, text: r.t(`pages.links.home.${role}`) },
      ]);
    next();
  });

  router.get('/shared/:token', (req, res) => {
    const r = dr(req);
    res.redirect(303, `${r.base}/${HOME[r.link?.role ?? 'reviewer']}`);
  });
}
