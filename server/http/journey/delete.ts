/**
 * Deleting a draft (its lifetime's end before DRAFT_RETENTION_DAYS): a confirmation page that offers to
 * save the draft as a file first, then a warning button. A draft changed by someone else since the page
 * was opened is not deleted: the page asks again, saying so.
 *
 *   GET  /drafts/{id}/delete    the confirmation
 *   POST /drafts/{id}/delete    delete it and its record of changes -> /?deleted=1
 */
import type { Request, Response, Router } from 'express';
import { verifyCsrf } from '../csrf';
import { dr, type PageKit } from './kit';

export function registerDeletePages(router: Router, kit: PageKit): void {
  const { deps, form, render, refuseForgery, base, partyLabel, formRevision, errorPage } = kit;

  function renderConfirm(req: Request, res: Response, changed: boolean) {
    const r = dr(req);
    render(
      req,
      res,
      'confirm',
      {
        title: r.t('pages.delete.title'),
        caption: partyLabel(req, r.draft.package),
        heading: r.t('pages.delete.title'),
        notice: changed
          ? { title: r.t('pages.delete.changed.title'), lines: [r.t('pages.delete.changed.line')] }
          : null,
        lines: r.t('pages.delete.lines', { returnObjects: true }) as string[],
        links: [{ href: `${base(req)}/export`, text: r.t('pages.tasks.exportLink') }],
        warning: r.t('pages.delete.warning'),
        action: `${base(req)}/delete`,
        submitText: r.t('pages.delete.submit'),
        cancel: { href: base(req), text: r.t('pages.delete.cancel') },
      },
      { back: base(req), ...(changed ? { status: 409 } : {}) },
    );
  }

  router.get('/drafts/:id/delete', (req, res) => renderConfirm(req, res, false));

  router.post('/drafts/:id/delete', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const outcome = deps.drafts.delete(r.draftId, formRevision(req));
    if (outcome === 'stale') {
      const loaded = deps.drafts.load(r.draftId);
      if (loaded.ok) {
        r.draft = loaded.record.draft;
        r.revision = loaded.record.revision;
      }
      return renderConfirm(req, res, true);
    }
    if (outcome === 'not-found') return errorPage(req, res, 404, 'draftNotFound');
    res.redirect(303, '/?deleted=1');
  });
}
