/**
 * The guided journey's routes: new draft, task list, question pages, the authority and declaration
 * lists, check answers, documents, the checklist page, export and import.
 *
 *   GET  /drafts/new                  choose the State or the European Union
 *   POST /drafts/new                  -> /drafts/new/treaties?party=XX
 *   GET  /drafts/new/treaties         choose the treaties, with what the data says of each
 *   POST /drafts                      create the draft -> /drafts/{id}
 *   GET  /drafts/import, POST         read an exported draft file into a new draft
 *   GET  /drafts/{id}                 the task list
 *   GET  /drafts/{id}/{page}, POST    a question page (journey.ts PAGES)
 *   GET  /drafts/{id}/{list}          an authority list (central-authorities, prevention, maritime, firearms)
 *   GET  /drafts/{id}/authorities/new?role=, /authorities/{n}, /authorities/{n}/remove (and POST)
 *   GET  /drafts/{id}/declarations, /declarations/new, /declarations/{n}, /declarations/{n}/remove (and POST)
 *   GET  /drafts/{id}/check           check answers
 *   GET  /drafts/{id}/documents       the documents, draft or final; GET /documents/{name} downloads one
 *   GET  /drafts/{id}/checklist       the checklist for the legal adviser, printable
 *   GET  /drafts/{id}/export          the draft as a JSON file
 *
 * Every POST is checked against cross-site forgery (csrf.ts), saves the draft and redirects (so a
 * reload never posts twice); answers made inapplicable by the change are cleared and the next page
 * says which.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { REIO_CODES, STATE_CODES, TREATY_IDS, type Participation } from '../catalogue';
import { requirementById } from '../catalogue/requirements';
import { SOURCES } from '../catalogue/sources';
import { CLEARED_ANSWERS, clearInapplicable, type ClearedAnswer } from '../domain/applicability';
import type { Checklist } from '../domain/checklist';
import { isoToday } from '../domain/dates';
import { draftFile, newDraft, parseDraftFile, type Draft, type DraftReadError, type SectionId } from '../domain/draft';
import type { PathSegment } from '../domain/issues';
import { AUTHORITY_ROLES, PackageSchema, type Authority, type AuthorityRole, type Package } from '../domain/package';
import { assessPackage, type Assessment } from '../domain/validate';
import { buildBundle, buildModel, DOCX_MIME, fileName, fullPowersNeeded, type DocumentName } from '../documents';
import type { Mode } from '../documents/context';
import { renderDocx } from '../documents/render-docx';
import { renderHtmlBody } from '../documents/render-html';
import { SUPPORTED_LANGUAGES, isLanguage, type I18n, type Language } from '../i18n';
import { formatDate, languageName, regionName } from '../i18n/format';
import { formatCitation, localizeIssue, translate, type Translator } from '../i18n/messages';
import { PATHS } from '../paths';
import { createDrafts, isDraftId, type Drafts } from '../store/drafts';
import type { Store } from '../store/store';
import { CSRF_FIELD, verifyCsrf, type CsrfRequest } from './csrf';
import { fieldView, getIn, rawFromValue, submitForm, type FieldDef, type FieldError, type RawValue } from './forms';
import {
  AUTHORITY_LIST_IDS,
  AUTHORITY_LISTS,
  applicableRoles,
  applicableSections,
  authorityFields,
  chooseTreaties,
  declarationFields,
  declarationRequirements,
  listForRole,
  OTHER_LANGUAGE_SLOTS,
  PAGES,
  pageById,
  ROLE_REQUIREMENT,
  SECTIONS,
  sectionStatus,
  treatyOptions,
  UN_LANGUAGE_CODES,
  type AuthorityList,
  type PageContext,
  type QuestionPage,
} from './journey';
import type { RequestWithLanguage } from './middleware';
import type { Views } from './views';

export interface DraftPagesDeps {
  readonly participation: Participation;
  readonly store: Store;
  readonly clock: () => Date;
  readonly bodyLimitBytes: number;
  readonly i18n: I18n;
  readonly views: Views;
}

interface DraftRequest extends RequestWithLanguage, CsrfRequest {
  draftId: string;
  draft: Draft;
}

const MODES = ['draft', 'final'] as const;

/** The request as the middleware left it: language (middleware.ts), token (csrf.ts), draft (below). */
const lr = (req: Request) => req as unknown as RequestWithLanguage;
const dr = (req: Request) => req as unknown as DraftRequest;

/** The query parameters pages keep when the language is switched. */
const KEPT_QUERY = ['return', 'role', 'mode', 'doclang', 'party', 'cleared'] as const;

function queryString(req: Request, name: string): string | null {
  const v: unknown = req.query[name];
  return typeof v === 'string' ? v : null;
}

export function createDraftPagesRouter(deps: DraftPagesDeps): Router {
  const router = express.Router();
  const drafts: Drafts = createDrafts(deps.store, deps.clock);
  const today = () => isoToday(deps.clock());
  const form = express.urlencoded({ extended: false, limit: deps.bodyLimitBytes, parameterLimit: 500 });
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: deps.bodyLimitBytes, files: 1, fields: 10, parts: 12 } });
  const stylesheet = fs.readFileSync(path.join(PATHS.public, 'css', 'document.css'), 'utf8');

  const ctxOf = (req: Request): PageContext => {
    const r = lr(req);
    return { t: r.t, lng: r.lng, participation: deps.participation };
  };

  // -------------------------------------------------------------------------------------------------
  // Rendering

  function otherLanguages(req: Request, samePage: boolean, here: { path: string; query: Record<string, string> } | null) {
    const r = lr(req);
    return SUPPORTED_LANGUAGES.filter((code) => code !== r.lng).map((code) => {
      const params = new URLSearchParams(here?.query ?? {});
      for (const name of KEPT_QUERY) {
        const v = queryString(req, name);
        if (v !== null && !params.has(name)) params.set(name, v);
      }
      // A page shown again after a POST (with its errors) keeps the way back to check answers.
      if (returnTo(req) === 'check') params.set('return', 'check');
      params.set('lang', code);
      // An address that is not a page (a 404) is not echoed back: the switcher leads to the start page.
      if (!samePage) return { code, name: r.t('languageName', { lng: code }), href: `/?lang=${code}` };
      return { code, name: r.t('languageName', { lng: code }), href: `${here?.path ?? `${req.baseUrl}${req.path}`}?${params.toString()}` };
    });
  }

  function render(
    req: Request,
    res: Response,
    template: string,
    data: Record<string, unknown> & { title: string },
    options: {
      status?: number;
      errors?: readonly FieldError[];
      back?: string | null;
      stylesheets?: string[];
      /** The page's own address, when the request's is not it (a form posted elsewhere shown again). */
      here?: { path: string; query: Record<string, string> };
    } = {},
  ): void {
    const r = dr(req);
    const errors = options.errors ?? [];
    const service = r.t('pages.serviceName');
    const title = `${errors.length > 0 ? r.t('pages.common.errorTitlePrefix') : ''}${data.title === service ? service : `${data.title} – ${service}`}`;
    res.status(options.status ?? (errors.length > 0 ? 400 : 200));
    res.set('Cache-Control', 'no-store');
    res.type('html').send(
      deps.views.render(template, {
        ...data,
        lang: r.lng,
        dir: 'ltr',
        t: r.t,
        title,
        errors,
        csrf: r.csrfToken,
        otherLanguages: otherLanguages(req, (options.status ?? 200) !== 404, options.here ?? null),
        backLink: options.back ? { href: options.back, text: r.t('pages.common.back') } : null,
        stylesheets: options.stylesheets ?? [],
      }),
    );
  }

  function errorPage(req: Request, res: Response, status: number, key: string, links: { href: string; text: string }[] = []) {
    const r = lr(req);
    render(req, res, 'error', { title: r.t(`pages.errorPages.${key}.title`), heading: r.t(`pages.errorPages.${key}.title`), lines: r.t(`pages.errorPages.${key}.lines`, { returnObjects: true }) as string[], links }, { status });
  }

  const refuseForgery = (req: Request, res: Response) =>
    errorPage(req, res, 403, 'forbidden', [{ href: req.originalUrl.split('?')[0]!, text: lr(req).t('pages.errorPages.forbidden.retry') }]);

  function requirementViews(ids: readonly string[], req: Request) {
    const r = lr(req);
    const tr: Translator = { lng: r.lng, t: r.t };
    return ids.flatMap((id) => {
      const req2 = requirementById(id);
      if (!req2) return [];
      return [
        {
          citation: formatCitation(req2.citation, tr),
          label: r.t(`legal:requirements.${id}.label`),
          quote: req2.quote.text,
          quoteLang: r.lng === 'en' ? null : 'en',
          source: r.t('pages.common.quoteSource', { source: SOURCES[req2.quote.source].title }),
        },
      ];
    });
  }

  function clearedNotice(req: Request) {
    const r = lr(req);
    const raw = queryString(req, 'cleared');
    if (raw === null) return null;
    const names = raw.split(',').filter((n): n is ClearedAnswer => (CLEARED_ANSWERS as readonly string[]).includes(n));
    if (names.length === 0) return null;
    return { title: r.t('pages.cleared.title'), lines: names.map((n) => r.t(`pages.cleared.${n}`)) };
  }

  const base = (req: Request) => `/drafts/${dr(req).draftId}`;

  // -------------------------------------------------------------------------------------------------
  // Saving

  function save(req: Request, res: Response, pkg: Package, section: SectionId | null, next: string): void {
    const r = dr(req);
    const { pkg: cleaned, cleared } = clearInapplicable(pkg);
    const visited = section && !r.draft.visited.includes(section) ? [...r.draft.visited, section] : r.draft.visited;
    drafts.save(r.draftId, { package: cleaned, visited });
    const sep = next.includes('?') ? '&' : '?';
    res.redirect(303, cleared.length > 0 ? `${next}${sep}cleared=${cleared.join(',')}` : next);
  }

  const returnTo = (req: Request): 'check' | null => {
    const body = req.body as Record<string, unknown> | undefined;
    const v = req.method === 'POST' ? body?.return : req.query.return;
    return v === 'check' ? 'check' : null;
  };

  // -------------------------------------------------------------------------------------------------
  // The start page

  router.get('/', (req, res) => {
    const r = lr(req);
    render(req, res, 'home', {
      title: r.t('pages.home.title'),
      examples: { treaties: `/api/v1/treaties?lang=${r.lng}`, states: `/api/v1/states?lang=${r.lng}`, schema: '/api/v1/schema' },
    });
  });

  // -------------------------------------------------------------------------------------------------
  // New draft

  const partyOptions = (lng: Language) => {
    const collator = new Intl.Collator(lng);
    return STATE_CODES.map((c) => ({ value: c, label: regionName(c, lng) })).sort((a, b) => collator.compare(a.label, b.label));
  };

  function partyFields(req: Request): FieldDef[] {
    const r = lr(req);
    return [
      {
        name: 'party',
        kind: 'select',
        path: ['party', 'code'],
        label: r.t('pages.newDraft.party.label'),
        hint: r.t('pages.newDraft.party.hint'),
        options: [...REIO_CODES.map((c) => ({ value: c, label: r.t('pages.newDraft.party.reio', { name: regionName(c, r.lng) }) })), ...partyOptions(r.lng)],
        required: r.t('pages.newDraft.party.required'),
      },
    ];
  }

  function renderNewParty(req: Request, res: Response, raw: RawValue, errors: FieldError[]) {
    const r = lr(req);
    const [f] = partyFields(req);
    render(
      req,
      res,
      'question',
      {
        title: r.t('pages.newDraft.title'),
        caption: r.t('pages.newDraft.caption'),
        heading: r.t('pages.newDraft.title'),
        lead: [r.t('pages.newDraft.lead')],
        notice: null,
        requirements: [],
        action: '/drafts/new',
        fields: [fieldView(f!, raw, errors[0]?.message ?? null)],
        submitText: r.t('pages.common.continue'),
        cancel: null,
        returnTo: null,
      },
      { errors, back: '/' },
    );
  }

  router.get('/drafts/new', (req, res) => renderNewParty(req, res, '', []));

  router.post('/drafts/new', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = lr(req);
    const [f] = partyFields(req);
    const raw = typeof (req.body as Record<string, unknown>).party === 'string' ? ((req.body as Record<string, string>).party ?? '') : '';
    const valid = f!.options!.some((o) => o.value === raw);
    if (!valid) {
      return renderNewParty(req, res, raw, [{ name: 'party', href: '#party', message: raw === '' ? f!.required! : r.t('pages.errors.notInList', { label: f!.label }) }]);
    }
    res.redirect(303, `/drafts/new/treaties?party=${encodeURIComponent(raw)}`);
  });

  function newPartyFromQuery(code: unknown): Package['party'] | null {
    if (typeof code !== 'string') return null;
    if ((REIO_CODES as readonly string[]).includes(code)) return { kind: 'reio', code: code as (typeof REIO_CODES)[number], formalName: null };
    if (STATE_CODES.includes(code)) return { kind: 'state', code, formalName: null };
    return null;
  }

  function renderNewTreaties(req: Request, res: Response, party: Package['party'], raw: RawValue, errors: FieldError[]) {
    const r = lr(req);
    const ctx = ctxOf(req);
    const f: FieldDef = {
      name: 'treaties',
      kind: 'checkboxes',
      path: ['treaties'],
      label: r.t('pages.newDraft.treaties.label', { party: regionName(party.code, r.lng) }),
      hint: r.t('pages.newDraft.treaties.hint'),
      options: treatyOptions({ party }, ctx),
      required: r.t('pages.q.treaties.treaties.required'),
    };
    render(
      req,
      res,
      'new-treaties',
      {
        title: r.t('pages.newDraft.treaties.title'),
        caption: r.t('pages.newDraft.caption'),
        party: party.code,
        requirements: requirementViews(['tip-untoc-37-2'], req),
        fields: [fieldView(f, raw, errors[0]?.message ?? null, { pageHeading: true })],
        dataNote: r.t('pages.newDraft.treaties.dataNote'),
      },
      { errors, back: '/drafts/new', here: { path: '/drafts/new/treaties', query: { party: party.code } } },
    );
  }

  router.get('/drafts/new/treaties', (req, res) => {
    const party = newPartyFromQuery(req.query.party);
    if (!party) return res.redirect(303, '/drafts/new');
    renderNewTreaties(req, res, party, [], []);
  });

  router.post('/drafts', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = lr(req);
    const body = req.body as Record<string, unknown>;
    const party = newPartyFromQuery(body.party);
    if (!party) return res.redirect(303, '/drafts/new');
    const chosen = (Array.isArray(body.treaties) ? body.treaties : [body.treaties]).filter((v): v is string => typeof v === 'string');
    const unknown = chosen.some((c) => !(TREATY_IDS as readonly string[]).includes(c));
    if (chosen.length === 0 || unknown) {
      const message = unknown ? r.t('pages.errors.notInList', { label: r.t('pages.newDraft.treaties.title') }) : r.t('pages.q.treaties.treaties.required');
      return renderNewTreaties(req, res, party, chosen, [{ name: 'treaties', href: '#treaties-untoc', message }]);
    }
    const pkg: Package = PackageSchema.parse({
      party,
      treaties: chooseTreaties({ party, treaties: [] }, chosen, deps.participation),
      // The documents start in the pages' language; the party page changes it.
      documentLanguage: r.lng,
    });
    const id = drafts.create(newDraft(pkg));
    res.redirect(303, `/drafts/${id}`);
  });

  // -------------------------------------------------------------------------------------------------
  // Import

  function renderImport(req: Request, res: Response, errors: FieldError[], status?: number) {
    const r = lr(req);
    render(req, res, 'import', { title: r.t('pages.import.title'), action: '/drafts/import', fieldError: errors[0]?.message ?? null }, { errors, back: '/', ...(status ? { status } : {}) });
  }

  function importError(req: Request, error: DraftReadError): string {
    const r = lr(req);
    if (error.code === 'newer-version') return r.t('pages.import.errors.newer-version', { version: error.version });
    if (error.code === 'invalid') {
      const tr: Translator = { lng: r.lng, t: r.t };
      const first = error.issues[0];
      return r.t('pages.import.errors.invalid', { count: error.issues.length, first: first ? localizeIssue({ ...first, path: first.path.slice(1) }, tr).message : '' });
    }
    return r.t(`pages.import.errors.${error.code}`);
  }

  router.get('/drafts/import', (req, res) => renderImport(req, res, []));

  router.post(
    '/drafts/import',
    (req, res, next) => {
      upload.single('file')(req, res, (err: unknown) => {
        if (err) {
          const r = lr(req);
          const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE';
          const message = tooLarge ? r.t('pages.import.errors.tooLarge', { kb: Math.round(deps.bodyLimitBytes / 1024) }) : r.t('pages.import.errors.upload');
          // The form's fields may not have been read: check the origin at least before answering.
          return renderImport(req, res, [{ name: 'file', href: '#file', message }], tooLarge ? 413 : 400);
        }
        next();
      });
    },
    verifyCsrf(refuseForgery),
    (req, res) => {
      const r = lr(req);
      const file = req.file;
      if (!file || file.size === 0) return renderImport(req, res, [{ name: 'file', href: '#file', message: r.t('pages.import.errors.noFile') }]);
      const text = file.buffer.toString('utf8');
      const read = parseDraftFile(text);
      if (!read.ok) return renderImport(req, res, [{ name: 'file', href: '#file', message: importError(req, read.error) }]);
      const { pkg } = clearInapplicable(read.draft.package);
      const id = drafts.create({ package: pkg, visited: read.draft.visited });
      res.redirect(303, `/drafts/${id}?imported=1`);
    },
  );

  // -------------------------------------------------------------------------------------------------
  // Loading a draft

  router.use('/drafts/:id', (req, res, next) => {
    const id = req.params.id;
    if (!isDraftId(id)) return errorPage(req, res, 404, 'draftNotFound', [{ href: '/drafts/new', text: lr(req).t('pages.home.start') }]);
    const loaded = drafts.load(id);
    if (!loaded.ok) {
      return loaded.error.code === 'not-found'
        ? errorPage(req, res, 404, 'draftNotFound', [{ href: '/drafts/new', text: lr(req).t('pages.home.start') }])
        : errorPage(req, res, 500, 'draftUnreadable');
    }
    const r = dr(req);
    r.draftId = id;
    r.draft = loaded.draft;
    res.set('X-Robots-Tag', 'noindex, nofollow');
    next();
  });

  // -------------------------------------------------------------------------------------------------
  // Task list

  router.get('/drafts/:id', (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const sections = applicableSections(pkg);
    const statuses = sections.map((s) => ({ s, status: sectionStatus(s, r.draft) }));
    const completed = statuses.filter((x) => x.status === 'completed').length;
    // Check answers opens once every section due at deposit is completed (the others may follow later).
    const allDone = statuses.every(({ s, status }) => status === 'completed' || s.dueAtDeposit === false);
    const task = (id: string, title: string, href: string | null, status: string, hint: string | null = null) => ({
      id,
      title,
      href,
      status,
      statusText: r.t(`pages.tasks.status.${status}`),
      hint,
    });
    const groups = [
      {
        title: r.t('pages.tasks.groups.prepare'),
        tasks: statuses.map(({ s, status }) => task(s.id, r.t(`pages.sections.${s.id}`), `${base(req)}/${s.start}`, status, r.t(`pages.sectionHints.${s.id}`, { defaultValue: '' }) || null)),
      },
      {
        title: r.t('pages.tasks.groups.finish'),
        tasks: [
          task('check', r.t('pages.tasks.check'), allDone ? `${base(req)}/check` : null, allDone ? 'not-started' : 'cannot-start', r.t(allDone ? 'pages.tasks.checkReady' : 'pages.tasks.checkHint')),
        ],
      },
    ];
    const notApplicable = SECTIONS.filter((s) => !s.applies(pkg)).map((s) => r.t(`pages.notApplicable.${s.id}`));
    const notice = req.query.imported === '1' ? { title: r.t('pages.import.done.title'), lines: [r.t('pages.import.done.line')] } : clearedNotice(req);
    render(req, res, 'tasks', {
      title: r.t('pages.tasks.title'),
      heading: r.t('pages.tasks.title'),
      partyName: partyLabel(req, pkg),
      notice,
      summary: r.t('pages.tasks.summary', { completed, count: sections.length }),
      groups,
      notApplicable,
      bookmark: r.t('pages.tasks.bookmarkLink'),
      links: {
        self: `${base(req)}`,
        documents: `${base(req)}/documents`,
        checklist: `${base(req)}/checklist`,
        export: `${base(req)}/export`,
      },
    });
  });

  function partyLabel(req: Request, pkg: Package): string {
    const r = lr(req);
    return regionName(pkg.party.code, r.lng);
  }

  // -------------------------------------------------------------------------------------------------
  // Question pages

  /** The raw values a page shows when first opened. */
  function initialRaw(page: QuestionPage, fields: readonly FieldDef[], pkg: Package): Record<string, RawValue> {
    const raw: Record<string, RawValue> = {};
    if (page.id === 'treaties') return { treaties: pkg.treaties.map((t) => t.treaty) };
    if (page.id === 'languages') {
      const others = pkg.mlaLanguages.filter((l) => !(UN_LANGUAGE_CODES as readonly string[]).includes(l));
      raw.un = pkg.mlaLanguages.filter((l) => (UN_LANGUAGE_CODES as readonly string[]).includes(l));
      for (let i = 0; i < OTHER_LANGUAGE_SLOTS; i++) raw[`other${i + 1}`] = others[i] ?? '';
      return raw;
    }
    if (page.id === 'competence') {
      for (const choice of pkg.treaties) raw[`competence-${choice.treaty}`] = pkg.competence.find((c) => c.treaties.includes(choice.treaty))?.text ?? '';
      return raw;
    }
    if (page.id === 'signature-reservations') {
      // A treaty with no reservation has no entry to read the fields from: they start blank.
      for (const f of fields) raw[f.name] = rawFromValue(f, getIn(pkg, f.path) ?? null);
      return raw;
    }
    for (const f of fields) raw[f.name] = rawFromValue(f, getIn(pkg, f.path));
    return raw;
  }

  function renderQuestion(req: Request, res: Response, page: QuestionPage, raw: Record<string, RawValue>, errors: readonly FieldError[]) {
    const r = dr(req);
    const pkg = r.draft.package;
    const fields = page.fields(pkg, ctxOf(req));
    const errorOf = (name: string) => errors.find((e) => e.name === name)?.message ?? null;
    const single = page.single === true && fields.length === 1;
    const back = returnTo(req) === 'check' ? `${base(req)}/check` : page.id === 'languages' ? `${base(req)}/central-authorities` : base(req);
    const leadKey = `pages.q.${page.id}.lead`;
    const lead = r.t(leadKey, { returnObjects: true, defaultValue: [] }) as unknown;
    render(
      req,
      res,
      'question',
      {
        title: single ? fields[0]!.label : r.t(`pages.q.${page.id}.title`),
        caption: r.t(`pages.sections.${page.section}`),
        heading: single ? null : r.t(`pages.q.${page.id}.title`),
        lead: Array.isArray(lead) ? lead : [],
        notice: clearedNotice(req),
        requirements: requirementViews(page.requirements(pkg), req),
        action: `${base(req)}/${page.id}`,
        fields: fields.map((f) => fieldView(f, raw[f.name] ?? '', errorOf(f.name), { pageHeading: single })),
        submitText: r.t('pages.common.saveAndContinue'),
        cancel: null,
        returnTo: returnTo(req),
      },
      { errors, back },
    );
  }

  /** Where a saved page goes: its next page, or back to check answers when the user came from there. */
  function nextHref(req: Request, page: QuestionPage, pkg: Package): string {
    const next = page.next(pkg);
    if (returnTo(req) === 'check') {
      const follow = next !== 'tasks' ? pageById(next) : undefined;
      // A follow-up question that now applies (extradition became conditional on a treaty) is asked first.
      if (follow && follow.applies(pkg) && follow.fields(pkg, ctxOf(req)).every((f) => (getIn(pkg, f.path) ?? null) === null)) {
        return `${base(req)}/${follow.id}?return=check`;
      }
      return `${base(req)}/check`;
    }
    if (next === 'tasks') return base(req);
    if (next === 'central-authorities') return `${base(req)}/central-authorities`;
    return `${base(req)}/${next}`;
  }

  // -------------------------------------------------------------------------------------------------
  // Authority lists

  function authorityRows(req: Request, a: Authority, changeHref: string | null) {
    const r = lr(req);
    const lines = (...xs: (string | null | undefined)[]) => xs.filter((x): x is string => typeof x === 'string' && x !== '');
    const addr = a.address ? lines(...a.address.lines, [a.address.postcode, a.address.city].filter(Boolean).join(' '), a.address.country ? regionName(a.address.country, r.lng) : null) : [];
    const row = (key: string, value: string[]) => ({
      key: r.t(`pages.q.authority.${key}.label`),
      lines: value.length > 0 ? value : [r.t('pages.common.notAnswered')],
      href: changeHref,
      action: r.t('pages.common.change'),
      actionHidden: r.t(`pages.q.authority.${key}.label`),
    });
    return [
      row('roles', a.roles.map((role) => r.t(`pages.roles.${role}`))),
      row('unit', lines(a.unit, a.officerTitle)),
      row('addressLines', addr),
      row('phone', [...a.phone]),
      row('email', [...a.email]),
      ...(a.territory ? [row('territory', [a.territory])] : []),
      ...(a.roles.includes('som-8-6') ? [row('designatedOn', a.designatedOn ? [formatDate(a.designatedOn, r.lng)] : [])] : []),
    ];
  }

  function renderAuthorityList(req: Request, res: Response, list: AuthorityList) {
    const r = dr(req);
    const pkg = r.draft.package;
    const role = AUTHORITY_LISTS[list];
    const authorities = pkg.authorities
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.roles.includes(role))
      .map(({ a, i }) => ({
        title: a.territory ? r.t('pages.authorities.forTerritory', { name: a.name, territory: a.territory }) : a.name,
        rows: authorityRows(req, a, null),
        changeHref: `${base(req)}/authorities/${i}?role=${role}`,
        removeHref: `${base(req)}/authorities/${i}/remove?role=${role}`,
      }));
    const languages =
      list === 'central-authorities'
        ? {
            heading: r.t('pages.q.languages.title'),
            rows: [
              {
                key: r.t('pages.q.languages.summaryKey'),
                lines: pkg.mlaLanguages.length > 0 ? pkg.mlaLanguages.map((l) => languageName(l, r.lng)) : [r.t('pages.common.notAnswered')],
                href: `${base(req)}/languages`,
                action: r.t('pages.common.change'),
                actionHidden: r.t('pages.q.languages.summaryKey'),
              },
            ],
          }
        : null;
    const lead = r.t(`pages.lists.${list}.lead`, { returnObjects: true, defaultValue: [] }) as unknown;
    render(
      req,
      res,
      'authority-list',
      {
        title: r.t(`pages.lists.${list}.title`),
        caption: r.t(`pages.sections.${list}`),
        heading: r.t(`pages.lists.${list}.title`),
        lead: Array.isArray(lead) ? lead : [],
        notice: clearedNotice(req),
        requirements: requirementViews(list === 'central-authorities' ? ['untoc-18-13', 'untoc-18-14'] : [ROLE_REQUIREMENT[role]], req),
        authorities,
        addHref: `${base(req)}/authorities/new?role=${role}`,
        addText: r.t(authorities.length > 0 ? `pages.lists.${list}.addAnother` : `pages.lists.${list}.add`),
        emptyText: r.t(`pages.lists.${list}.empty`),
        extra: languages,
        continueHref: base(req),
      },
      { back: base(req) },
    );
  }

  for (const list of AUTHORITY_LIST_IDS) {
    router.get(`/drafts/:id/${list}`, (req, res) => {
      const r = dr(req);
      const section = SECTIONS.find((s) => s.id === list)!;
      if (!section.applies(r.draft.package)) return errorPage(req, res, 404, 'notApplicable', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
      // Opening the list counts as starting the section.
      if (!r.draft.visited.includes(list)) drafts.save(r.draftId, { ...r.draft, visited: [...r.draft.visited, list] });
      renderAuthorityList(req, res, list);
    });
  }

  /** The role a link asked for (?role=), when it applies to the package. */
  function roleFromQuery(req: Request, pkg: Package): AuthorityRole | null {
    const v = queryString(req, 'role') ?? (req.body as Record<string, unknown> | undefined)?.role;
    return typeof v === 'string' && (AUTHORITY_ROLES as readonly string[]).includes(v) && applicableRoles(pkg).includes(v as AuthorityRole) ? (v as AuthorityRole) : null;
  }

  /** The authority index in the address, when it names one. */
  function indexParam(req: Request, length: number): number | null {
    const raw = req.params.n;
    if (typeof raw !== 'string' || !/^\d{1,2}$/.test(raw)) return null;
    const n = Number(raw);
    return n < length ? n : null;
  }

  const EMPTY_AUTHORITY: Authority = {
    roles: [],
    territory: null,
    name: '',
    unit: null,
    officerTitle: null,
    address: null,
    phone: [],
    fax: [],
    email: [],
    website: null,
    officeHours: null,
    timeZone: null,
    channels: { diplomaticOnly: null, interpolForUrgent: null, oralForUrgent: null },
    designatedOn: null,
  };

  function renderAuthorityForm(req: Request, res: Response, index: number | null, raw: Record<string, RawValue> | null, errors: readonly FieldError[]) {
    const r = dr(req);
    const pkg = r.draft.package;
    const role = roleFromQuery(req, pkg);
    const at = index ?? pkg.authorities.length;
    const fields = authorityFields(pkg, ['authorities', at], ctxOf(req));
    const current = index !== null ? pkg.authorities[index]! : { ...EMPTY_AUTHORITY, roles: role ? [role] : [] };
    const values = raw ?? Object.fromEntries(fields.map((f) => [f.name, rawFromValue(f, getIn({ authorities: { [at]: current } }, f.path))]));
    const listHref = returnTo(req) === 'check' ? `${base(req)}/check` : `${base(req)}/${listForRole(role ?? current.roles[0] ?? 'untoc-18-13')}`;
    const roleQuery = role ? `?role=${role}` : '';
    render(
      req,
      res,
      'question',
      {
        title: r.t(index === null ? 'pages.q.authority.titleNew' : 'pages.q.authority.titleChange'),
        caption: r.t(`pages.sections.${listForRole(role ?? current.roles[0] ?? 'untoc-18-13')}`),
        heading: r.t(index === null ? 'pages.q.authority.titleNew' : 'pages.q.authority.titleChange'),
        lead: [r.t('pages.q.authority.lead')],
        notice: null,
        requirements: requirementViews(applicableRoles(pkg).map((x) => ROLE_REQUIREMENT[x]), req),
        action: `${base(req)}/authorities/${index === null ? 'new' : index}${roleQuery}`,
        fields: fields.map((f) => fieldView(f, values[f.name] ?? '', errors.find((e) => e.name === f.name)?.message ?? null)),
        submitText: r.t('pages.q.authority.save'),
        cancel: { href: listHref, text: r.t('pages.common.cancel') },
        returnTo: returnTo(req),
      },
      { errors, back: listHref },
    );
  }

  function saveAuthority(req: Request, res: Response, index: number | null) {
    const r = dr(req);
    const pkg = r.draft.package;
    const at = index ?? pkg.authorities.length;
    const fields = authorityFields(pkg, ['authorities', at], ctxOf(req));
    const start: Package = index === null ? { ...pkg, authorities: [...pkg.authorities, EMPTY_AUTHORITY] } : pkg;
    const result = submitForm(start, fields, req.body as Record<string, unknown>, r.t, (p, values) => {
      let out: unknown = p;
      for (const f of fields) {
        const v = values.get(f.name) ?? null;
        // An address with nothing in it is no address.
        out = setPath(out, f.path, v);
      }
      const a = getIn(out, ['authorities', at]) as Record<string, unknown> & { address: { lines: string[]; city: unknown; postcode: unknown; country: unknown } };
      const addr = a.address;
      if (addr && addr.lines.length === 0 && addr.city === null && addr.postcode === null && addr.country === null) a.address = null as never;
      return out;
    });
    if (!result.pkg) return renderAuthorityForm(req, res, index, result.raw as Record<string, RawValue>, result.errors);
    const saved = result.pkg.authorities[at]!;
    const role = roleFromQuery(req, pkg) ?? saved.roles[0]!;
    const list = saved.roles.includes(role) ? listForRole(role) : listForRole(saved.roles[0]!);
    save(req, res, result.pkg, list, returnTo(req) === 'check' ? `${base(req)}/check` : `${base(req)}/${list}`);
  }

  /** setIn that also builds the authority's nested objects (address, channels) from null. */
  function setPath(root: unknown, p: readonly PathSegment[], value: unknown): unknown {
    if (p.length === 0) return value;
    const [head, ...rest] = p as [PathSegment, ...PathSegment[]];
    const container: Record<string | number, unknown> = Array.isArray(root) ? ([...(root as unknown[])] as unknown as Record<number, unknown>) : { ...((root ?? {}) as object) };
    const child = container[head];
    const seed = child === null || child === undefined ? (head === 'address' ? { lines: [], city: null, postcode: null, country: null } : {}) : child;
    container[head] = setPath(seed, rest, value);
    return container;
  }

  router.get('/drafts/:id/authorities/new', (req, res) => renderAuthorityForm(req, res, null, null, []));
  router.post('/drafts/:id/authorities/new', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    if (r.draft.package.authorities.length >= 20) {
      return renderAuthorityForm(req, res, null, null, [{ name: '_page', href: '#main', message: r.t('pages.errors.tooManyAuthorities', { max: 20 }) }]);
    }
    saveAuthority(req, res, null);
  });
  router.get('/drafts/:id/authorities/:n', (req, res) => {
    const r = dr(req);
    const n = indexParam(req, r.draft.package.authorities.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    renderAuthorityForm(req, res, n, null, []);
  });
  router.post('/drafts/:id/authorities/:n', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const n = indexParam(req, r.draft.package.authorities.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    saveAuthority(req, res, n);
  });

  // Remove (authorities and declarations share the confirmation page)
  function removeField(req: Request, name: string): FieldDef {
    const r = lr(req);
    return {
      name: 'confirm',
      kind: 'yesno',
      path: ['_confirm'],
      label: r.t('pages.remove.question', { name }),
      options: [
        { value: 'yes', label: r.t('pages.common.yes') },
        { value: 'no', label: r.t('pages.common.no') },
      ],
      required: r.t('pages.remove.required', { name }),
    };
  }

  function renderRemove(req: Request, res: Response, name: string, caption: string, action: string, back: string, errors: FieldError[]) {
    const r = lr(req);
    const f = removeField(req, name);
    render(
      req,
      res,
      'remove',
      { title: f.label, caption, action, fields: [fieldView(f, '', errors[0]?.message ?? null, { pageHeading: true })], submitText: r.t('pages.common.continue') },
      { errors, back },
    );
  }

  router.get('/drafts/:id/authorities/:n/remove', (req, res) => {
    const r = dr(req);
    const n = indexParam(req, r.draft.package.authorities.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    const a = r.draft.package.authorities[n]!;
    const role = roleFromQuery(req, r.draft.package) ?? a.roles[0]!;
    renderRemove(req, res, a.name, r.t(`pages.sections.${listForRole(role)}`), `${base(req)}/authorities/${n}/remove?role=${role}`, `${base(req)}/${listForRole(role)}`, []);
  });
  router.post('/drafts/:id/authorities/:n/remove', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const n = indexParam(req, pkg.authorities.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    const a = pkg.authorities[n]!;
    const role = roleFromQuery(req, pkg) ?? a.roles[0]!;
    const answer = (req.body as Record<string, unknown>).confirm;
    if (answer !== 'yes' && answer !== 'no') {
      const f = removeField(req, a.name);
      return renderRemove(req, res, a.name, r.t(`pages.sections.${listForRole(role)}`), `${base(req)}/authorities/${n}/remove?role=${role}`, `${base(req)}/${listForRole(role)}`, [{ name: 'confirm', href: '#confirm-yes', message: f.required! }]);
    }
    const list = `${base(req)}/${listForRole(role)}`;
    if (answer === 'no') return res.redirect(303, list);
    save(req, res, { ...pkg, authorities: pkg.authorities.filter((_, i) => i !== n) }, null, list);
  });

  // -------------------------------------------------------------------------------------------------
  // Declarations

  function renderDeclarations(req: Request, res: Response) {
    const r = dr(req);
    const pkg = r.draft.package;
    const declarations = pkg.declarations.map((d, i) => ({
      title: r.t('pages.declarations.item', { n: i + 1 }),
      rows: [
        { key: r.t('pages.q.declaration.treaties.label'), lines: d.treaties.map((t) => r.t(`legal:treaties.${t}.name`)), href: null, action: '', actionHidden: '' },
        { key: r.t('pages.q.declaration.kind.label'), lines: [r.t(`pages.q.declaration.kinds.${d.kind}`)], href: null, action: '', actionHidden: '' },
        { key: r.t('pages.q.declaration.text.label'), lines: d.text.split('\n'), href: null, action: '', actionHidden: '' },
      ],
      changeHref: `${base(req)}/declarations/${i}`,
      removeHref: `${base(req)}/declarations/${i}/remove`,
    }));
    const lead = r.t('pages.declarations.lead', { returnObjects: true }) as unknown;
    render(
      req,
      res,
      'declarations',
      {
        title: r.t('pages.declarations.title'),
        caption: r.t('pages.sections.declarations'),
        heading: r.t('pages.declarations.title'),
        lead: Array.isArray(lead) ? lead : [],
        notice: clearedNotice(req),
        requirements: requirementViews(declarationRequirements(pkg), req),
        declarations,
        addHref: `${base(req)}/declarations/new`,
        addText: r.t(declarations.length > 0 ? 'pages.declarations.addAnother' : 'pages.declarations.add'),
        emptyText: r.t('pages.declarations.empty'),
        action: `${base(req)}/declarations`,
        submitText: r.t('pages.declarations.done'),
        returnTo: returnTo(req),
      },
      { back: returnTo(req) === 'check' ? `${base(req)}/check` : base(req) },
    );
  }

  router.get('/drafts/:id/declarations', (req, res) => renderDeclarations(req, res));
  router.post('/drafts/:id/declarations', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    save(req, res, r.draft.package, 'declarations', returnTo(req) === 'check' ? `${base(req)}/check` : base(req));
  });

  function renderDeclarationForm(req: Request, res: Response, index: number | null, raw: Record<string, RawValue> | null, errors: readonly FieldError[]) {
    const r = dr(req);
    const pkg = r.draft.package;
    const at = index ?? pkg.declarations.length;
    const fields = declarationFields(pkg, ['declarations', at], ctxOf(req));
    const current = index !== null ? pkg.declarations[index]! : { treaties: pkg.treaties.map((t) => t.treaty), kind: null, text: '' };
    const values = raw ?? Object.fromEntries(fields.map((f) => [f.name, rawFromValue(f, getIn({ declarations: { [at]: current } }, f.path))]));
    render(
      req,
      res,
      'question',
      {
        title: r.t(index === null ? 'pages.q.declaration.titleNew' : 'pages.q.declaration.titleChange'),
        caption: r.t('pages.sections.declarations'),
        heading: r.t(index === null ? 'pages.q.declaration.titleNew' : 'pages.q.declaration.titleChange'),
        lead: [r.t('pages.q.declaration.lead')],
        notice: null,
        requirements: requirementViews(declarationRequirements(pkg), req),
        action: `${base(req)}/declarations/${index === null ? 'new' : index}`,
        fields: fields.map((f) => fieldView(f, values[f.name] ?? '', errors.find((e) => e.name === f.name)?.message ?? null)),
        submitText: r.t('pages.q.declaration.save'),
        cancel: { href: `${base(req)}/declarations`, text: r.t('pages.common.cancel') },
        returnTo: null,
      },
      { errors, back: `${base(req)}/declarations` },
    );
  }

  function saveDeclaration(req: Request, res: Response, index: number | null) {
    const r = dr(req);
    const pkg = r.draft.package;
    const at = index ?? pkg.declarations.length;
    const fields = declarationFields(pkg, ['declarations', at], ctxOf(req));
    const start: Package = index === null ? { ...pkg, declarations: [...pkg.declarations, { treaties: [], kind: 'other', text: '' }] } : pkg;
    const result = submitForm(start, fields, req.body as Record<string, unknown>, r.t);
    if (!result.pkg) return renderDeclarationForm(req, res, index, result.raw as Record<string, RawValue>, result.errors);
    save(req, res, result.pkg, 'declarations', `${base(req)}/declarations`);
  }

  router.get('/drafts/:id/declarations/new', (req, res) => renderDeclarationForm(req, res, null, null, []));
  router.post('/drafts/:id/declarations/new', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    if (r.draft.package.declarations.length >= 20) {
      return renderDeclarationForm(req, res, null, null, [{ name: '_page', href: '#main', message: r.t('pages.errors.tooManyDeclarations', { max: 20 }) }]);
    }
    saveDeclaration(req, res, null);
  });
  router.get('/drafts/:id/declarations/:n', (req, res) => {
    const r = dr(req);
    const n = indexParam(req, r.draft.package.declarations.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    renderDeclarationForm(req, res, n, null, []);
  });
  router.post('/drafts/:id/declarations/:n', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const n = indexParam(req, r.draft.package.declarations.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    saveDeclaration(req, res, n);
  });
  router.get('/drafts/:id/declarations/:n/remove', (req, res) => {
    const r = dr(req);
    const n = indexParam(req, r.draft.package.declarations.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    renderRemove(req, res, r.t('pages.declarations.item', { n: n + 1 }), r.t('pages.sections.declarations'), `${base(req)}/declarations/${n}/remove`, `${base(req)}/declarations`, []);
  });
  router.post('/drafts/:id/declarations/:n/remove', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const n = indexParam(req, pkg.declarations.length);
    if (n === null) return errorPage(req, res, 404, 'entryNotFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    const name = r.t('pages.declarations.item', { n: n + 1 });
    const answer = (req.body as Record<string, unknown>).confirm;
    if (answer !== 'yes' && answer !== 'no') {
      return renderRemove(req, res, name, r.t('pages.sections.declarations'), `${base(req)}/declarations/${n}/remove`, `${base(req)}/declarations`, [{ name: 'confirm', href: '#confirm-yes', message: removeField(req, name).required! }]);
    }
    if (answer === 'no') return res.redirect(303, `${base(req)}/declarations`);
    save(req, res, { ...pkg, declarations: pkg.declarations.filter((_, i) => i !== n) }, null, `${base(req)}/declarations`);
  });

  // -------------------------------------------------------------------------------------------------
  // Check answers

  function answerLines(req: Request, f: FieldDef, value: unknown): string[] {
    const r = lr(req);
    const none = [r.t('pages.common.notAnswered')];
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return none;
    const label = (v: string) => f.options?.find((o) => o.value === v)?.label ?? v;
    switch (f.kind) {
      case 'yesno':
        return [r.t(value === true ? 'pages.common.yes' : 'pages.common.no')];
      case 'date':
        return [formatDate(value as string, r.lng)];
      case 'checkboxes':
        return (value as string[]).map(label);
      case 'radios':
      case 'select':
        return [label(value as string)];
      case 'list':
        return (value as string[]).map(String);
      default:
        return String(value).split('\n');
    }
  }

  router.get('/drafts/:id/check', (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const ctx = ctxOf(req);
    const change = (href: string, what: string) => ({ href: `${href}${href.includes('?') ? '&' : '?'}return=check`, action: r.t('pages.common.change'), actionHidden: what });
    const sections = applicableSections(pkg).map((s) => {
      const rows: object[] = [];
      for (const page of PAGES.filter((p) => p.section === s.id && p.applies(pkg))) {
        if (page.id === 'treaties') {
          rows.push({ key: r.t('pages.q.treaties.treaties.label'), lines: pkg.treaties.map((t) => r.t(`legal:treaties.${t.treaty}.name`)), ...change(`${base(req)}/treaties`, r.t('pages.q.treaties.treaties.label')) });
          continue;
        }
        if (page.id === 'languages') continue;
        if (page.id === 'competence') {
          for (const c of pkg.treaties) {
            const key = r.t('pages.q.competence.text.label', { treaty: r.t(`legal:treaties.${c.treaty}.name`) });
            const text = pkg.competence.find((x) => x.treaties.includes(c.treaty))?.text;
            rows.push({ key, lines: text ? text.split('\n') : [r.t('pages.common.notAnswered')], ...change(`${base(req)}/competence`, key) });
          }
          continue;
        }
        for (const f of page.fields(pkg, ctx)) {
          rows.push({ key: f.label, lines: answerLines(req, f, getIn(pkg, f.path)), ...change(`${base(req)}/${page.id}#${f.name}`.replace(/#.*/, ''), f.label) });
        }
      }
      if (s.id in AUTHORITY_LISTS) {
        const role = AUTHORITY_LISTS[s.id as AuthorityList];
        const list = pkg.authorities.map((a, i) => ({ a, i })).filter(({ a }) => a.roles.includes(role));
        if (list.length === 0) rows.push({ key: r.t(`pages.lists.${s.id}.title`), lines: [r.t('pages.common.notAnswered')], ...change(`${base(req)}/authorities/new?role=${role}`, r.t(`pages.lists.${s.id}.title`)) });
        for (const { a, i } of list) {
          const contact = [...a.email, ...a.phone].slice(0, 2);
          rows.push({ key: r.t(`pages.lists.${s.id}.summaryKey`), lines: [a.territory ? r.t('pages.authorities.forTerritory', { name: a.name, territory: a.territory }) : a.name, ...contact], ...change(`${base(req)}/authorities/${i}?role=${role}`, a.name) });
        }
        if (s.id === 'central-authorities') {
          rows.push({ key: r.t('pages.q.languages.summaryKey'), lines: pkg.mlaLanguages.length > 0 ? pkg.mlaLanguages.map((l) => languageName(l, r.lng)) : [r.t('pages.common.notAnswered')], ...change(`${base(req)}/languages`, r.t('pages.q.languages.summaryKey')) });
        }
      }
      if (s.id === 'declarations') {
        rows.push({
          key: r.t('pages.declarations.title'),
          lines: pkg.declarations.length > 0 ? pkg.declarations.map((d, i) => `${r.t('pages.declarations.item', { n: i + 1 })}: ${r.t(`pages.q.declaration.kinds.${d.kind}`)}`) : [r.t('pages.declarations.none')],
          ...change(`${base(req)}/declarations`, r.t('pages.declarations.title')),
        });
      }
      return { title: r.t(`pages.sections.${s.id}`), rows };
    });
    render(req, res, 'check', {
      title: r.t('pages.check.title'),
      heading: r.t('pages.check.title'),
      partyName: partyLabel(req, pkg),
      notice: clearedNotice(req),
      sections,
      documentsHref: `${base(req)}/documents`,
    }, { back: base(req) });
  });

  // -------------------------------------------------------------------------------------------------
  // Documents and the checklist

  const assess = (pkg: Package): Assessment => assessPackage(pkg, { participation: deps.participation, today: today() });

  /** The page that answers a path in the package (a checklist item's or an issue's). */
  function hrefForPath(req: Request, p: readonly PathSegment[], requirementId: string | null, pkg: Package): string {
    const b = base(req);
    const [head, second, third] = p;
    switch (head) {
      case 'party':
        return `${b}/party`;
      case 'documentLanguage':
        return `${b}/party`;
      case 'treaties':
        if (third === 'signatureReservations') return `${b}/signature-reservations`;
        return third === 'instrument' || typeof second === 'number' ? `${b}/instruments` : `${b}/treaties`;
      case 'priorConsents':
        return `${b}/treaties`;
      case 'signatory':
        return `${b}/signatory`;
      case 'fullPowers':
        return `${b}/full-powers`;
      case 'signing':
        return `${b}/signing`;
      case 'extradition':
        return second === 'conventionAsLegalBasis' && pkg.extradition.conditionalOnTreaty === true ? `${b}/extradition-legal-basis` : `${b}/extradition`;
      case 'article5':
        return `${b}/article5`;
      case 'mlaLanguages':
        return `${b}/languages`;
      case 'lawCopies':
        return `${b}/law-copies`;
      case 'competence':
        return `${b}/competence`;
      case 'reservations':
        return `${b}/reservations`;
      case 'declarations':
        return `${b}/declarations`;
      case 'deposit':
        return `${b}/deposit`;
      case 'authorities': {
        if (typeof second === 'number' && second < pkg.authorities.length) return `${b}/authorities/${second}`;
        const role = (AUTHORITY_ROLES as readonly string[]).find((x) => x === requirementId) as AuthorityRole | undefined;
        return `${b}/${role ? listForRole(role) : 'central-authorities'}`;
      }
      default:
        return b;
    }
  }

  const docLang = (req: Request, pkg: Package): Language => {
    const v = queryString(req, 'doclang');
    return v !== null && isLanguage(v) ? v : pkg.documentLanguage;
  };
  const modeOf = (req: Request): Mode => (queryString(req, 'mode') === 'final' ? 'final' : 'draft');

  function missingView(req: Request, assessment: Assessment) {
    const r = lr(req);
    const tr: Translator = { lng: r.lng, t: r.t };
    const checklist: Checklist = assessment.checklist;
    const missing = checklist.missing.map((item) => ({
      text: r.t('legal:titled', { before: formatCitation(item.requirement.citation, tr), after: r.t(`legal:requirements.${item.requirement.id}.label`) }),
      reason: item.reason ? translate(item.reason, tr) : null,
      href: hrefForPath(req, item.path, item.requirement.id, assessment.pkg),
    }));
    const errors = assessment.issues
      .filter((i) => i.severity === 'error')
      .map((i) => ({ text: localizeIssue(i, tr).message, reason: i.source ? formatCitation(i.source, tr) : null, href: hrefForPath(req, i.path, null, assessment.pkg) }));
    return [...errors, ...missing];
  }

  router.get('/drafts/:id/documents', (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const assessment = assess(pkg);
    const mode = modeOf(req);
    const lng = docLang(req, pkg);
    const q = (extra: Record<string, string>) => `?${new URLSearchParams({ mode, doclang: lng, ...extra }).toString()}`;
    const blocked = mode === 'final' && !assessment.finalAllowed;
    const documents = [
      ...pkg.treaties.map((c) => ({ text: r.t('pages.documents.instrument', { treaty: r.t(`legal:treaties.${c.treaty}.name`), type: r.t(`pages.q.instruments.types.${c.instrument}`) }), href: `${base(req)}/documents/instrument${q({ treaty: c.treaty })}` })),
      { text: r.t('pages.documents.notifications'), href: `${base(req)}/documents/notifications${q({})}` },
      ...(fullPowersNeeded(assessment) ? [{ text: r.t('pages.documents.fullPowers'), href: `${base(req)}/documents/full-powers${q({})}` }] : []),
      { text: r.t('pages.documents.checklist'), href: `${base(req)}/documents/checklist${q({})}` },
    ];
    const warnings = assessment.issues.filter((i) => i.severity === 'warning').map((i) => localizeIssue(i, { lng: r.lng, t: r.t }).message);
    const docLangOptions = SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: r.t('languageName', { lng: l }), checked: l === lng, id: `doclang-${l}` }));
    const modeOptions = MODES.map((m) => ({ value: m, label: r.t(`pages.documents.modes.${m}`), hint: r.t(`pages.documents.modeHints.${m}`), checked: m === mode, id: `mode-${m}` }));
    render(
      req,
      res,
      'documents',
      {
        title: r.t('pages.documents.title'),
        heading: r.t('pages.documents.title'),
        partyName: partyLabel(req, pkg),
        action: `${base(req)}/documents`,
        modeOptions,
        docLangOptions,
        blocked,
        missing: blocked ? missingView(req, assessment) : [],
        missingCount: r.t('pages.documents.missingCount', { count: blocked ? missingView(req, assessment).length : 0 }),
        documents: blocked ? [] : documents,
        bundleHref: blocked ? null : `${base(req)}/documents/bundle${q({})}`,
        checklistPage: `${base(req)}/checklist?doclang=${lng}`,
        warnings,
        languageNote: lng !== pkg.documentLanguage ? r.t('pages.documents.languageNote', { answers: r.t('languageName', { lng: pkg.documentLanguage }), documents: r.t('languageName', { lng }) }) : null,
        modeText: r.t(`pages.documents.modes.${mode}`),
      },
      { back: base(req) },
    );
  });

  const DOWNLOADS = ['instrument', 'notifications', 'full-powers', 'checklist', 'bundle'] as const;

  router.get('/drafts/:id/documents/:name', async (req, res) => {
    const r = dr(req);
    const name = req.params.name as DocumentName;
    if (!(DOWNLOADS as readonly string[]).includes(name)) return errorPage(req, res, 404, 'notFound', [{ href: `${base(req)}/documents`, text: r.t('pages.documents.title') }]);
    const pkg = r.draft.package;
    const assessment = assess(pkg);
    const mode = modeOf(req);
    const lng = docLang(req, pkg);
    const tv = queryString(req, 'treaty');
    const treaty = name === 'instrument' ? (pkg.treaties.find((c) => c.treaty === tv)?.treaty ?? null) : null;
    if (name === 'instrument' && !treaty) return errorPage(req, res, 404, 'notFound', [{ href: `${base(req)}/documents`, text: r.t('pages.documents.title') }]);
    if (name === 'full-powers' && !fullPowersNeeded(assessment)) return errorPage(req, res, 404, 'notFound', [{ href: `${base(req)}/documents`, text: r.t('pages.documents.title') }]);
    if (mode === 'final' && !assessment.finalAllowed) return res.redirect(303, `${base(req)}/documents?mode=final&doclang=${lng}`);
    const tr: Translator = { lng, t: deps.i18n.t(lng) };
    res.set('Cache-Control', 'no-store');
    if (name === 'bundle') {
      const zip = await buildBundle(assessment, { tr, mode, today: today(), stylesheet });
      res.type('application/zip').attachment(fileName(assessment, 'bundle', lng, mode, undefined, 'zip')).send(zip);
      return;
    }
    const model = buildModel(assessment, name, { tr, mode, today: today(), ...(treaty ? { treaty } : {}) });
    const docx = await renderDocx(model);
    res.type(DOCX_MIME).attachment(fileName(assessment, name, lng, mode, treaty ?? undefined)).send(docx);
  });

  router.get('/drafts/:id/checklist', (req, res) => {
    const r = dr(req);
    const pkg = r.draft.package;
    const assessment = assess(pkg);
    const lng = docLang(req, pkg);
    const tr: Translator = { lng, t: deps.i18n.t(lng) };
    const model = buildModel(assessment, 'checklist', { tr, mode: 'draft', today: today() });
    render(
      req,
      res,
      'checklist',
      {
        title: r.t('pages.checklist.title'),
        heading: r.t('pages.checklist.title'),
        partyName: partyLabel(req, pkg),
        documentLang: lng,
        documentHtml: renderHtmlBody(model),
        downloadHref: `${base(req)}/documents/checklist?mode=draft&doclang=${lng}`,
        otherDocLangs: SUPPORTED_LANGUAGES.filter((l) => l !== lng).map((l) => ({ href: `${base(req)}/checklist?doclang=${l}`, text: r.t('pages.checklist.inLanguage', { language: r.t('languageName', { lng: l }) }), code: l })),
      },
      { back: base(req), stylesheets: ['/assets/css/document.css'] },
    );
  });

  router.get('/drafts/:id/export', (req, res) => {
    const r = dr(req);
    const stem = `draft-${r.draft.package.party.code.toLowerCase()}-${today()}`;
    res.set('Cache-Control', 'no-store');
    res.type('application/json').attachment(`${stem}.json`).send(draftFile(r.draft, deps.clock().toISOString()));
  });

  // -------------------------------------------------------------------------------------------------
  // Question pages (last: the page id is a parameter)

  router.get('/drafts/:id/:page', (req, res) => {
    const r = dr(req);
    const page = pageById(req.params.page as string);
    if (!page) return errorPage(req, res, 404, 'notFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    if (!page.applies(r.draft.package)) return errorPage(req, res, 404, 'notApplicable', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    const fields = page.fields(r.draft.package, ctxOf(req));
    renderQuestion(req, res, page, initialRaw(page, fields, r.draft.package), []);
  });

  router.post('/drafts/:id/:page', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const page = pageById(req.params.page as string);
    if (!page) return errorPage(req, res, 404, 'notFound', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    const pkg = r.draft.package;
    if (!page.applies(pkg)) return errorPage(req, res, 404, 'notApplicable', [{ href: base(req), text: r.t('pages.common.toTasks') }]);
    const ctx = ctxOf(req);
    const fields = page.fields(pkg, ctx);
    const result = submitForm(pkg, fields, req.body as Record<string, unknown>, r.t, page.apply ? (p, values) => page.apply!(p, values, ctx) : undefined);
    if (!result.pkg) return renderQuestion(req, res, page, result.raw as Record<string, RawValue>, result.errors);
    save(req, res, result.pkg, page.section, nextHref(req, page, result.pkg));
  });

  // -------------------------------------------------------------------------------------------------
  // Anything else: a page not found, and errors from the form parsers, as pages (the API answers JSON)

  router.use((req, res) => errorPage(req, res, 404, 'notFound', [{ href: '/', text: lr(req).t('pages.common.toStart') }]));

  router.use((err: unknown, req: Request, res: Response, next: (e?: unknown) => void) => {
    if (res.headersSent) return next(err);
    const type = typeof err === 'object' && err !== null && 'type' in err ? String((err as { type: unknown }).type) : '';
    if (type === 'entity.too.large') return errorPage(req, res, 413, 'tooLarge');
    if (type.startsWith('entity.') || type.startsWith('request.') || type.startsWith('charset.') || type.startsWith('encoding.')) return errorPage(req, res, 400, 'badRequest');
    next(err);
  });

  void CSRF_FIELD;
  return router;
}
