/**
 * Drafts over the JSON API: the same drafts the pages edit, with the same one way to save
 * (store/drafts.ts). A draft's representation carries its revision, and its ETag is that revision:
 * a PUT or DELETE names the revision it was read at (If-Match), and is refused with 412 when someone has
 * saved since, so a program never overwrites a person's work without knowing it.
 *
 *   POST   /api/v1/drafts               create a draft from a package -> 201, Location, ETag
 *   GET    /api/v1/drafts/{id}          the draft: { id, revision, ..., package }, ETag "r{revision}"
 *                                       (If-None-Match -> 304)
 *   PUT    /api/v1/drafts/{id}          replace its package; If-Match required (428 without, 412 when stale)
 *   DELETE /api/v1/drafts/{id}          delete it (If-Match optional; 412 when stale) -> 204
 *   GET    /api/v1/drafts/{id}/history  the record of saves: when, who, which page, which paths changed
 *
 * A body is a package (as /validate takes it, or a bundle's package.json) or a draft representation
 * ({ package, ... }). Answers that stop applying are cleared, as on the pages, and the response says which.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { newDraft, type Draft } from '../domain/draft';
import { pathText } from '../domain/merge';
import { parsePackage } from '../domain/validate';
import { newEntryId, type Package } from '../domain/package';
import type { Translator } from '../i18n/messages';
import { isDraftId, type DraftRecord, type Drafts } from '../store/drafts';
import { ApiError, invalidPackage } from './errors';
import { answeredSections } from './journey/definitions';

const etagOf = (revision: number) => `"r${revision}"`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function withEntryIds(pkg: unknown): unknown {
  if (!isObject(pkg)) return pkg;
  const out: Record<string, unknown> = { ...pkg };
  for (const list of ['authorities', 'declarations'] as const) {
    const entries = out[list];
    if (Array.isArray(entries))
      out[list] = entries.map((e: unknown) => (isObject(e) && !('id' in e) ? { id: newEntryId(), ...e } : e));
  }
  return out;
}

/** The revisions an If-Match / If-None-Match header names; null for `*` or a header we cannot read. */
function revisionsIn(header: string): number[] | null {
  const out: number[] = [];
  for (const part of header.split(',')) {
    const m = /^\s*(?:W\/)?"r([1-9]\d{0,9})"\s*$/.exec(part);
    if (!m) return null;
    out.push(Number(m[1]));
  }
  return out;
}

function representation(record: DraftRecord) {
  return {
    id: record.id,
    revision: record.revision,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    links: { self: `/api/v1/drafts/${record.id}`, page: `/drafts/${record.id}` },
    package: record.draft.package,
  };
}

/** The sections a package answers count as gone through (as for a package imported on the pages). */
const visitedFor = (pkg: Package): Draft['visited'] => answeredSections(pkg);

export function registerDraftRoutes(
  router: Router,
  drafts: Drafts,
  shared: {
    /** The POST and PUT bodies: JSON only, within BODY_LIMIT_BYTES (api.ts). */
    readonly jsonBody: readonly RequestHandler[];
    /** The request's language, for messages. */
    readonly translator: (req: Request) => Translator;
    /** The limit on creating drafts per client address, one budget with the pages (limits.ts). */
    readonly limiter: RequestHandler;
  },
): void {
  const { jsonBody, translator, limiter } = shared;

  /**
   * The package in a body: the package itself, or a draft representation holding one. Entries sent
   * without an id get a random one (as on the pages), never a positional one that an entry removed
   * earlier may have had.
   */
  function packageOf(req: Request): Package {
    const body: unknown = req.body ?? null;
    const candidate =
      isObject(body) && !('party' in body) && 'package' in body
        ? (body as { package: unknown }).package
        : body;
    const parsed = parsePackage(withEntryIds(candidate));
    if (parsed.ok) return parsed.pkg;
    throw invalidPackage(parsed.issues, translator(req));
  }

  function load(req: Request): DraftRecord {
    const id = req.params.id;
    const loaded = isDraftId(id) ? drafts.load(id) : null;
    if (loaded?.ok) return loaded.record;
    if (loaded && loaded.error.code !== 'not-found')
      throw new ApiError(500, 'draft_unreadable', 'api.errors.draftUnreadable');
    throw new ApiError(404, 'not_found', 'api.errors.draftNotFound');
  }

  const storageFull = () => new ApiError(507, 'storage_full', 'api.errors.storageFull');

  function send(res: Response, record: DraftRecord, status = 200, extra: Record<string, unknown> = {}) {
    res.setHeader('ETag', etagOf(record.revision));
    res.setHeader('Last-Modified', new Date(record.updatedAt).toUTCString());
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).json({ ...representation(record), ...extra });
  }

  router.post('/drafts', limiter, ...jsonBody, (req, res) => {
    const pkg = packageOf(req);
    const created = drafts.create(
      { ...newDraft(pkg), visited: visitedFor(pkg) },
      { role: 'api', page: 'api' },
    );
    if (created.kind === 'full') throw storageFull();
    res.setHeader('Location', `/api/v1/drafts/${created.record.id}`);
    send(res, created.record, 201);
  });

  router.get('/drafts/:id', (req, res) => {
    const record = load(req);
    const match = req.get('if-none-match');
    if (match && (match.trim() === '*' || revisionsIn(match)?.includes(record.revision))) {
      res.setHeader('ETag', etagOf(record.revision));
      res.status(304).end();
      return;
    }
    send(res, record);
  });

  router.get('/drafts/:id/history', (req, res) => {
    const record = load(req);
    res.setHeader('ETag', etagOf(record.revision));
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      id: record.id,
      revision: record.revision,
      revisions: drafts.history(record.id).map((h) => ({ ...h, paths: h.paths.map(pathText) })),
    });
  });

  /** The revision the client read (If-Match): required for PUT; one exact revision, not `*`. */
  function ifMatch(req: Request, required: boolean): number | null {
    const header = req.get('if-match');
    if (header === undefined) {
      if (!required) return null;
      throw new ApiError(428, 'precondition_required', 'api.errors.preconditionRequired');
    }
    const revisions = revisionsIn(header);
    if (!revisions || revisions.length !== 1)
      throw new ApiError(428, 'precondition_required', 'api.errors.preconditionRequired');
    return revisions[0]!;
  }

  const stale = (res: Response, current: DraftRecord) => {
    res.setHeader('ETag', etagOf(current.revision));
    return new ApiError(412, 'precondition_failed', 'api.errors.preconditionFailed', {
      revision: current.revision,
    });
  };

  router.put('/drafts/:id', ...jsonBody, (req, res) => {
    const record = load(req);
    const revision = ifMatch(req, true);
    const pkg = packageOf(req);
    const outcome = drafts.save<never>(record.id, {
      baseRevision: revision,
      stale: 'refuse',
      role: 'api',
      page: 'api',
      change: (base) => ({
        ok: true,
        draft: { ...base, package: pkg, visited: [...new Set([...base.visited, ...visitedFor(pkg)])] },
      }),
    });
    switch (outcome.kind) {
      case 'saved':
        return send(res, outcome.record, 200, {
          cleared: outcome.cleared,
          changed: outcome.changed.map(pathText),
        });
      case 'stale':
        throw stale(res, outcome.current);
      case 'full':
        throw storageFull();
      case 'not-found':
        throw new ApiError(404, 'not_found', 'api.errors.draftNotFound');
      default:
        // 'refused', 'conflict' and 'unmergeable' need a stale base, which 'refuse' turns into 'stale'.
        throw new ApiError(500, 'draft_unreadable', 'api.errors.draftUnreadable');
    }
  });

  router.delete('/drafts/:id', (req, res) => {
    const record = load(req);
    const outcome = drafts.delete(record.id, ifMatch(req, false));
    if (outcome === 'stale') {
      const now = drafts.load(record.id);
      throw stale(res, now.ok ? now.record : record);
    }
    if (outcome === 'not-found') throw new ApiError(404, 'not_found', 'api.errors.draftNotFound');
    res.status(204).end();
  });
}
