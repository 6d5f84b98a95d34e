/**
 * The guided journey's routes: new draft, task list, question pages, the authority and declaration
 * lists, check answers, documents, the checklist page, export and import.
 *
 *   GET  /drafts/new                  choose the State or the European Union
 *   POST /drafts/new                  -> /drafts/new/treaties?party=XX
 *   GET  /drafts/new/treaties         choose the treaties, with what the data says of each
 *   POST /drafts                      create the draft -> /drafts/{id}
 *   GET  /drafts/import, POST         read an exported draft file into a new draft
 *   GET  /translations                where each language's translation of the service's strings stands
 *   GET  /drafts/{id}                 the task list
 *   GET  /drafts/{id}/{page}, POST    a question page (definitions.ts PAGES)
 *   GET  /drafts/{id}/{list}          an authority list (central-authorities, prevention, maritime, firearms)
 *   GET  /drafts/{id}/authorities/new?role=, /authorities/{entry}, /authorities/{entry}/remove (and POST)
 *   GET  /drafts/{id}/declarations, /declarations/new, /declarations/{entry}, /declarations/{entry}/remove
 *   GET  /drafts/{id}/delete, POST    delete the draft, after a confirmation
 *   GET  /drafts/{id}/check           check answers
 *   GET  /drafts/{id}/documents       the documents, draft or final; GET /documents/{name} downloads one
 *   GET  /drafts/{id}/checklist       the checklist for the legal adviser, printable
 *   GET  /drafts/{id}/export          the draft as a JSON file
 *   GET  /drafts/{id}/translate, /translate/{lng}, POST   the answers translated (translate.ts)
 *   GET  /drafts/{id}/links, POST; POST /links/{link}/revoke   links for a translator or a reviewer
 *   GET  /shared/{secret}/...         the draft opened with a link, for its role's pages only (shared.ts)
 *   GET  /drafts/{id}/translate/{lng}/xliff, /xliff/import (and POST)   answers for translators' tools
 *   GET  /drafts/{id}/review, POST /review/comments, /comments/{c}/reply, /comments/{c}/resolve, /approve
 *                                     the legal adviser's comments and approval (review.ts)
 *   GET  /drafts/{id}/history         the revisions and what each changed, in words (history.ts)
 *
 * Every POST is checked against cross-site forgery (csrf.ts), saves the draft through the one save of
 * kit.ts (merged with what others saved since the form was read, or shown as a conflict) and redirects
 * (so a reload never posts twice); answers made inapplicable by the change are cleared and the next page
 * says which. GET never writes.
 *
 * The files: definitions.ts (the journey as data), kit.ts (rendering, saving, error pages), form-page.ts
 * (the controller of every form page: show, save, merge, conflict), start.ts (start page, new draft,
 * import), lists.ts (authorities, declarations), delete.ts (deleting a draft), documents.ts (documents,
 * checklist, export), questions.ts (task list, question pages, check answers: last, as a question
 * page's id is a parameter). This file counts new drafts against the client's limit (limits.ts), loads
 * the draft for every /drafts/{id} address, and answers what a request got wrong (request-errors.ts) with
 * a page.
 */
import express, { type Request, type Response, type Router } from 'express';
import { isDraftId } from '../../store/drafts';
import { retryParams } from '../limits';
import { logFault, requestErrorOf, type RequestErrorKind } from '../request-errors';
import { createPageKit, dr, lr, type DraftPagesDeps } from './kit';
import { registerDeletePages } from './delete';
import { registerDocumentPages } from './documents';
import { createFormPages } from './form-page';
import { registerTranslatePages } from './translate';
import { registerLinkPages } from './links';
import { registerSharedAccess } from './shared';
import { registerListPages } from './lists';
import { registerQuestionPages } from './questions';
import { registerHistoryPages } from './history';
import { registerReviewPages } from './review';
import { registerStartPages } from './start';
import { registerTranslationPages } from './translations';
import { registerXliffPages } from './xliff';

export type { DraftPagesDeps } from './kit';

/**
 * The page for each mistake a request can make before a route answers it (request-errors.ts): a 4xx in
 * the reader's language, as the API answers with JSON. A method an address does not accept is a page
 * not found, as everywhere else in the pages.
 */
const ERROR_PAGES: Readonly<Record<RequestErrorKind, { status: number; key: string; toStart?: true }>> = {
  malformedBody: { status: 400, key: 'badRequest' },
  unreadableBody: { status: 400, key: 'badRequest' },
  tooLarge: { status: 413, key: 'tooLarge' },
  tooManyFields: { status: 413, key: 'tooManyFields' },
  unsupportedEncoding: { status: 415, key: 'unsupportedEncoding' },
  notFound: { status: 404, key: 'notFound', toStart: true },
  methodNotAllowed: { status: 404, key: 'notFound', toStart: true },
  rateLimited: { status: 429, key: 'rateLimited', toStart: true },
};

export function createDraftPagesRouter(deps: DraftPagesDeps): Router {
  const router = express.Router();
  const kit = createPageKit(deps);
  const { drafts, errorPage } = kit;
  // New and imported drafts count against the client's budget (limits.ts), before their forms are read.
  router.post(['/drafts', '/drafts/import'], deps.draftCreationLimiter);
  registerStartPages(router, kit);
  registerTranslationPages(router, kit);

  // -------------------------------------------------------------------------------------------------
  // Loading a draft

  router.use('/drafts/:id', (req, res, next) => {
    const id = req.params.id;
    if (!isDraftId(id))
      return errorPage(req, res, 404, 'draftNotFound', [
        { href: '/drafts/new', text: lr(req).t('pages.home.start') },
      ]);
    const loaded = drafts.load(id);
    if (!loaded.ok) {
      return loaded.error.code === 'not-found'
        ? errorPage(req, res, 404, 'draftNotFound', [
            { href: '/drafts/new', text: lr(req).t('pages.home.start') },
          ])
        : errorPage(req, res, 500, 'draftUnreadable');
    }
    const r = dr(req);
    r.draftId = id;
    r.draft = loaded.record.draft;
    r.revision = loaded.record.revision;
    r.updatedAt = loaded.record.updatedAt;
    r.base = `/drafts/${id}`;
    r.link = null;
    res.set('X-Robots-Tag', 'noindex, nofollow');
    next();
  });

  registerSharedAccess(router, kit);

  const forms = createFormPages(kit);
  registerDeletePages(router, kit);
  registerLinkPages(router, kit);
  registerListPages(router, kit, forms);
  registerDocumentPages(router, kit);
  registerTranslatePages(router, kit, forms);
  registerXliffPages(router, kit);
  registerReviewPages(router, kit);
  registerHistoryPages(router, kit);
  registerQuestionPages(router, kit, forms);

  // -------------------------------------------------------------------------------------------------
  // Anything else: a page not found, and what a request got wrong (a form too large, with too many fields,
  // badly compressed; too many new drafts), as pages (the API answers JSON)

  router.use((req, res) =>
    errorPage(req, res, 404, 'notFound', [{ href: '/', text: lr(req).t('pages.common.toStart') }]),
  );

  router.use((err: unknown, req: Request, res: Response, next: (e?: unknown) => void) => {
    if (res.headersSent) return next(err);
    const known = requestErrorOf(err);
    if (known) {
      const { status, key, toStart } = ERROR_PAGES[known.kind];
      const links = toStart ? [{ href: '/', text: lr(req).t('pages.common.toStart') }] : [];
      const params = known.kind === 'rateLimited' ? retryParams(known.refusal, lr(req).lng) : {};
      return errorPage(req, res, status, key, links, params);
    }
    // A fault of ours: logged (the frames only), and told to the reader as a page.
    logFault(deps.logger, req, err);
    return errorPage(req, res, 500, 'internal', [{ href: '/', text: lr(req).t('pages.common.toStart') }]);
  });

  return router;
}
