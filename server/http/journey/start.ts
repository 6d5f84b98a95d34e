/**
 * The start page, a new draft (the party, then the treaties with what the UN data says of each), and
 * importing a draft file into a new draft.
 */
import type { Request, Response, Router } from 'express';
import multer from 'multer';
import { REIO_CODES, STATE_CODES, TREATY_IDS, isProtocol, requirementsOfKind } from '../../catalogue';
import { clearInapplicable } from '../../domain/applicability';
import { newDraft, parseImportFile, type DraftReadError } from '../../domain/draft';
import { PackageSchema, PURPOSES, type Package, type Purpose } from '../../domain/package';
import { unFormalName } from '../../catalogue/un-names';
import { regionName } from '../../i18n/format';
import { localizeIssue, type Translator } from '../../i18n/messages';
import { verifyCsrf } from '../csrf';
import { fieldView, parseRaw, readRaw, type FieldDef, type FieldError, type RawValue } from '../forms';
import { answeredSections, chooseTreaties, stateOptions, treatyOptions } from './definitions';
import { lr, type PageKit } from './kit';

export function registerStartPages(router: Router, kit: PageKit): void {
  const { deps, drafts, form, upload, ctxOf, render, refuseForgery, requirementViews, errorPage } = kit;

  /** The database has reached DATABASE_MAX_BYTES: no new draft until space is freed. */
  const storageFull = (req: Request, res: Response) =>
    errorPage(req, res, 507, 'storageFull', [{ href: '/', text: lr(req).t('pages.common.toStart') }]);
  // -------------------------------------------------------------------------------------------------
  // The start page

  router.get('/', (req, res) => {
    const r = lr(req);
    render(req, res, 'home', {
      title: r.t('pages.home.title'),
      notice:
        req.query.deleted === '1'
          ? { title: r.t('pages.delete.done.title'), lines: [r.t('pages.delete.done.line')] }
          : null,
      retention: r.t('pages.home.retention', { count: deps.retentionDays }),
      examples: {
        treaties: `/api/v1/treaties?lang=${r.lng}`,
        states: `/api/v1/states?lang=${r.lng}`,
        schema: '/api/v1/schema',
      },
    });
  });

  // -------------------------------------------------------------------------------------------------
  // New draft

  /**
   * What the draft is for: joining the treaties (an instrument and its notifications), or a party's later
   * notifications (no instrument). Joining is selected to begin with.
   */
  function newDraftFields(req: Request): FieldDef[] {
    const r = lr(req);
    return [
      {
        name: 'purpose',
        kind: 'radios',
        path: ['purpose'],
        label: r.t('pages.newDraft.purpose.label'),
        options: PURPOSES.map((p) => ({
          value: p,
          label: r.t(`pages.newDraft.purpose.${p}.label`),
          hint: r.t(`pages.newDraft.purpose.${p}.hint`),
        })),
        required: r.t('pages.newDraft.purpose.required'),
      },
      {
        name: 'party',
        kind: 'select',
        path: ['party', 'code'],
        label: r.t('pages.newDraft.party.label'),
        hint: r.t('pages.newDraft.party.hint'),
        options: [
          ...REIO_CODES.map((c) => ({
            value: c,
            label: r.t('pages.newDraft.party.reio', { name: regionName(c, r.lng) }),
          })),
          ...stateOptions(r.lng),
        ],
        required: r.t('pages.newDraft.party.required'),
      },
    ];
  }

  function renderNewParty(req: Request, res: Response, raw: Record<string, RawValue>, errors: FieldError[]) {
    const r = lr(req);
    const fields = newDraftFields(req);
    render(
      req,
      res,
      'question',
      {
        title: r.t('pages.newDraft.title'),
        caption: r.t('pages.newDraft.caption'),
        heading: r.t('pages.newDraft.title'),
        lead: [r.t('pages.newDraft.lead')],
        links: [],
        notice: null,
        requirements: [],
        action: '/drafts/new',
        fields: fields.map((f) =>
          fieldView(f, raw[f.name] ?? '', errors.find((e) => e.name === f.name)?.message ?? null),
        ),
        submitText: r.t('pages.common.continue'),
        cancel: null,
        returnTo: null,
      },
      { errors, back: '/' },
    );
  }

  router.get('/drafts/new', (req, res) => renderNewParty(req, res, { purpose: 'join', party: '' }, []));

  router.post('/drafts/new', form, verifyCsrf(refuseForgery), (req, res) => {
    const fields = newDraftFields(req);
    const body = req.body as Record<string, unknown>;
    const raw = Object.fromEntries(fields.map((f) => [f.name, readRaw(body, f)]));
    // A form sent without the purpose (an older page, a script) joins, as before the question existed.
    if (raw.purpose === '' || raw.purpose === undefined) raw.purpose = 'join';
    const errors: FieldError[] = fields.flatMap((f) => {
      const parsed = parseRaw(f, raw[f.name]!, lr(req).t);
      return parsed.ok ? [] : [{ name: f.name, href: `#${f.name}`, message: parsed.message }];
    });
    if (errors.length > 0) return renderNewParty(req, res, raw, errors);
    const purpose = raw.purpose === 'notify' ? '&purpose=notify' : '';
    res.redirect(303, `/drafts/new/treaties?party=${encodeURIComponent(String(raw.party).trim())}${purpose}`);
  });

  const purposeOf = (value: unknown): Purpose => (value === 'notify' ? 'notify' : 'join');

  function newPartyFromQuery(code: unknown): Package['party'] | null {
    if (typeof code !== 'string') return null;
    if ((REIO_CODES as readonly string[]).includes(code))
      return { kind: 'reio', code: code as (typeof REIO_CODES)[number], formalName: null };
    if (STATE_CODES.includes(code)) return { kind: 'state', code, formalName: null };
    return null;
  }

  function renderNewTreaties(
    req: Request,
    res: Response,
    party: Package['party'],
    purpose: Purpose,
    raw: RawValue,
    errors: FieldError[],
  ) {
    const r = lr(req);
    const ctx = ctxOf(req);
    // A later notification concerns the treaties the party has joined.
    const keys = purpose === 'notify' ? 'pages.newDraft.treatiesNotify' : 'pages.newDraft.treaties';
    const f: FieldDef = {
      name: 'treaties',
      kind: 'checkboxes',
      path: ['treaties'],
      label: r.t(`${keys}.label`, { party: regionName(party.code, r.lng) }),
      hint: r.t(`${keys}.hint`),
      options: treatyOptions({ party }, ctx),
      required: r.t('pages.q.treaties.treaties.required'),
    };
    render(
      req,
      res,
      'new-treaties',
      {
        title: r.t(`${keys}.title`),
        caption: r.t('pages.newDraft.caption'),
        party: party.code,
        purpose,
        // UNTOC 37(2), as the first Protocol's precondition gives it: a Protocol needs the Convention.
        requirements: requirementViews(requirementsOfKind(TREATY_IDS.find(isProtocol)!, 'precondition'), req),
        fields: [fieldView(f, raw, errors[0]?.message ?? null, { pageHeading: true })],
        dataNote: r.t('pages.newDraft.treaties.dataNote'),
      },
      {
        errors,
        back: '/drafts/new',
        here: {
          path: '/drafts/new/treaties',
          query: { party: party.code, ...(purpose === 'notify' ? { purpose } : {}) },
        },
      },
    );
  }

  router.get('/drafts/new/treaties', (req, res) => {
    const party = newPartyFromQuery(req.query.party);
    if (!party) return res.redirect(303, '/drafts/new');
    renderNewTreaties(req, res, party, purposeOf(req.query.purpose), [], []);
  });

  router.post('/drafts', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = lr(req);
    const body = req.body as Record<string, unknown>;
    const asked = newPartyFromQuery(body.party);
    if (!asked) return res.redirect(303, '/drafts/new');
    const purpose = purposeOf(body.purpose);
    // A State starts with the United Nations' formal name in the documents' language (editable).
    const party = { ...asked, formalName: unFormalName(asked.code, r.lng) ?? null };
    const chosen = (Array.isArray(body.treaties) ? body.treaties : [body.treaties]).filter(
      (v): v is string => typeof v === 'string',
    );
    const unknown = chosen.some((c) => !(TREATY_IDS as readonly string[]).includes(c));
    if (chosen.length === 0 || unknown) {
      const message = unknown
        ? r.t('pages.errors.notInList', { label: r.t('pages.newDraft.treaties.title') })
        : r.t('pages.q.treaties.treaties.required');
      return renderNewTreaties(req, res, party, purpose, chosen, [
        { name: 'treaties', href: '#treaties-untoc', message },
      ]);
    }
    const pkg: Package = PackageSchema.parse({
      purpose,
      party,
      treaties: chooseTreaties({ party, purpose, treaties: [] }, chosen, deps.participation),
      // The documents start in the pages' language; the party page changes it.
      documentLanguage: r.lng,
    });
    const created = drafts.create(newDraft(pkg), { role: 'drafter', page: 'new' });
    if (created.kind === 'full') return storageFull(req, res);
    res.redirect(303, `/drafts/${created.record.id}`);
  });

  // -------------------------------------------------------------------------------------------------
  // Import

  function renderImport(req: Request, res: Response, errors: FieldError[], status?: number) {
    const r = lr(req);
    render(
      req,
      res,
      'import',
      { title: r.t('pages.import.title'), action: '/drafts/import', fieldError: errors[0]?.message ?? null },
      { errors, back: '/', ...(status ? { status } : {}) },
    );
  }

  function importError(req: Request, error: DraftReadError): string {
    const r = lr(req);
    if (error.code === 'newer-version')
      return r.t('pages.import.errors.newer-version', { version: error.version });
    if (error.code === 'invalid') {
      const tr: Translator = { lng: r.lng, t: r.t };
      const first = error.issues[0];
      return r.t('pages.import.errors.invalid', {
        count: error.issues.length,
        first: first ? localizeIssue({ ...first, path: first.path.slice(1) }, tr).message : '',
      });
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
          const message = tooLarge
            ? r.t('pages.import.errors.tooLarge', { kb: Math.round(deps.bodyLimitBytes / 1024) })
            : r.t('pages.import.errors.upload');
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
      if (!file || file.size === 0)
        return renderImport(req, res, [
          { name: 'file', href: '#file', message: r.t('pages.import.errors.noFile') },
        ]);
      const text = file.buffer.toString('utf8');
      const read = parseImportFile(text);
      if (!read.ok)
        return renderImport(req, res, [
          { name: 'file', href: '#file', message: importError(req, read.error) },
        ]);
      const { pkg } = clearInapplicable(read.draft.package);
      // A package alone (the API's format, a bundle's package.json) counts the sections it answers as gone
      // through; the others are left for the user.
      const visited = read.source === 'package' ? answeredSections(pkg) : read.draft.visited;
      const created = drafts.create(
        { package: pkg, visited, review: read.draft.review },
        { role: 'drafter', page: 'import' },
      );
      if (created.kind === 'full') return storageFull(req, res);
      res.redirect(303, `/drafts/${created.record.id}?imported=1`);
    },
  );
}
