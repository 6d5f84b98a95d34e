/**
 * The repeating lists (GOV.UK "add another"): the authorities of each designation (central authorities,
 * prevention, maritime, firearms) and the other declarations. Entries are addressed by their id, never
 * their position, so a page opened before someone else removed an entry still names the entry it showed:
 *
 *   GET  /drafts/{id}/{list}                   the list (central-authorities, prevention, maritime,
 *                                              firearms, declarations); opening it changes nothing
 *   POST /drafts/{id}/declarations             "done": marks the section as gone through
 *   GET  /drafts/{id}/{collection}/new, POST   add an entry (collection: authorities, declarations)
 *   GET  /drafts/{id}/{collection}/{entry}, POST                change it (form-page.ts)
 *   GET  /drafts/{id}/{collection}/{entry}/remove, POST         confirm, then remove it
 *
 * An entry removed meanwhile is a page that says so, with what the user typed and a button to add it as
 * a new entry; a removal confirmed after someone else changed the entry asks again, showing the change.
 */
import type { Request, Response, Router } from 'express';
import { DESIGNATIONS, designationWith } from '../../catalogue';
import { addressLines } from '../../catalogue/address-formats';
import type { Draft } from '../../domain/draft';
import {
  AUTHORITY_ROLES,
  LIMITS,
  newEntryId,
  type Authority,
  type AuthorityRole,
  type Declaration,
  type Package,
  type Territory,
} from '../../domain/package';
import { formatDate, languageName, regionName } from '../../i18n/format';
import { verifyCsrf } from '../csrf';
import {
  bodyFromRaw,
  fieldView,
  getIn,
  parseRaw,
  rawFromValue,
  readRaw,
  writeFields,
  type FieldDef,
  type FieldError,
  type FieldValue,
  type RawValue,
} from '../forms';
import { answerLines, declarationName } from './answers';
import {
  applicableRoles,
  authorityFields,
  declarationFields,
  declarationRequirements,
  LIST_PAGES,
  listForRole,
  SECTIONS,
  TERRITORY_REQUIREMENTS,
  territoryFields,
  territoryInitial,
  writeTerritory,
  type AuthorityList,
  type ListPageDef,
  isNotifying,
  sectionTitleKey,
} from './definitions';
import { territoryRows } from './answer-rows';
import type { FormPage, FormPages } from './form-page';
import { dr, lr, queryString, type PageKit } from './kit';

const COLLECTIONS = ['authorities', 'declarations', 'territories'] as const;
type Collection = (typeof COLLECTIONS)[number];
type Entry = Authority | Declaration | Territory;

/** How entries are named in an address: the schema's ENTRY_ID_PATTERN. */
const ENTRY_PARAM = /^[A-Za-z0-9_-]{1,32}$/;

export function registerListPages(router: Router, kit: PageKit, forms: FormPages): void {
  const {
    drafts,
    form,
    ctxOf,
    render,
    errorPage,
    refuseForgery,
    requirementViews,
    clearedNotice,
    base,
    saveDraft,
    returnTo,
  } = kit;

  // -------------------------------------------------------------------------------------------------
  // What differs between the two collections, as data

  interface CollectionSpec {
    /** The entry form's fields for the entry at `index` of the collection. */
    fields(pkg: Package, index: number, req: Request): FieldDef[];
    /** A new entry's values before the form is applied. */
    blank(pkg: Package, req: Request): Omit<Entry, 'id'>;
    /** Turn the form's result into the entry to keep (an empty address is no address). */
    tidy?(entry: Entry): Entry;
    /** What the form shows when it opens, for an entry whose fields are not one path each. */
    initial?(entry: Omit<Entry, 'id'>): Record<string, RawValue>;
    /** Writes the form's answers into the entry at `index`, for the same kind of entry. */
    write?(pkg: Package, index: number, values: ReadonlyMap<string, FieldValue>): Package;
    requirements(pkg: Package, req: Request): string[];
    /** i18next prefix of the form's texts: pages.q.authority, pages.q.declaration. */
    texts: string;
    tooManyKey: string;
    /** The list page an entry returns to, and the section it belongs to. */
    list(
      req: Request,
      entry: Entry | null,
    ): { href: string; section: AuthorityList | 'declarations' | 'territories' };
    /** The entry's name on the removal page and in messages. */
    nameOf(entry: Entry, index: number, req: Request): string;
    /** The query kept in the addresses of the entry's pages (?role=). */
    query(req: Request, entry: Entry | null): string;
  }

  /** The role a link asked for (?role=), when it applies to the package. */
  function roleFromQuery(req: Request, pkg: Package): AuthorityRole | null {
    const v = queryString(req, 'role') ?? (req.body as Record<string, unknown> | undefined)?.role;
    return typeof v === 'string' &&
      (AUTHORITY_ROLES as readonly string[]).includes(v) &&
      applicableRoles(pkg).includes(v as AuthorityRole)
      ? (v as AuthorityRole)
      : null;
  }

  const authorityRole = (req: Request, entry: Entry | null): AuthorityRole => {
    const role = roleFromQuery(req, dr(req).draft.package);
    const roles = entry && 'roles' in entry ? entry.roles : [];
    // By default, the central authority (UNTOC 18(13)).
    return role && (entry === null || roles.includes(role))
      ? role
      : (roles[0] ?? role ?? designationWith('perTerritory'));
  };

  const EMPTY_AUTHORITY: Omit<Authority, 'id'> = {
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

  const SPECS: Record<Collection, CollectionSpec> = {
    authorities: {
      fields: (pkg, index, req) => authorityFields(pkg, ['authorities', index], ctxOf(req)),
      blank: (pkg, req) => {
        const role = roleFromQuery(req, pkg);
        return { ...EMPTY_AUTHORITY, roles: role ? [role] : [] };
      },
      tidy: (entry) => {
        const a = entry as Authority;
        const address = a.address;
        const empty =
          address && address.lines.length === 0 && !address.city && !address.postcode && !address.country;
        return empty ? { ...a, address: null } : a;
      },
      requirements: (pkg) => applicableRoles(pkg),
      texts: 'pages.q.authority',
      tooManyKey: 'pages.errors.tooManyAuthorities',
      list: (req, entry) => {
        const section = listForRole(authorityRole(req, entry));
        return { href: `${base(req)}/${section}`, section };
      },
      nameOf: (entry) => (entry as Authority).name,
      query: (req, entry) => `?role=${authorityRole(req, entry)}`,
    },
    declarations: {
      fields: (pkg, index, req) => declarationFields(pkg, ['declarations', index], ctxOf(req)),
      blank: (pkg) => ({ treaties: pkg.treaties.map((t) => t.treaty), kind: 'other', text: '' }),
      requirements: (pkg) => declarationRequirements(pkg),
      texts: 'pages.q.declaration',
      tooManyKey: 'pages.errors.tooManyDeclarations',
      list: (req) => ({ href: `${base(req)}/declarations`, section: 'declarations' }),
      nameOf: (entry, index, req) => declarationName(lr(req).t, entry as Declaration, index + 1),
      query: () => '',
    },
    territories: {
      fields: (pkg, index, req) => territoryFields(pkg, ['territories', index], ctxOf(req)),
      blank: () => ({
        name: '',
        mlaLanguages: [],
        extradition: { conditionalOnTreaty: null, conventionAsLegalBasis: null },
        article5: { requiresOrganizedCriminalGroup: null, requiresActInFurtherance: null },
      }),
      initial: (entry) => territoryInitial(entry as Omit<Territory, 'id'>),
      write: writeTerritory,
      requirements: () => TERRITORY_REQUIREMENTS,
      texts: 'pages.q.territory',
      tooManyKey: 'pages.errors.tooManyTerritories',
      list: (req) => ({ href: `${base(req)}/territories`, section: 'territories' }),
      nameOf: (entry) => (entry as Territory).name,
      query: () => '',
    },
  };

  const entriesOf = (pkg: Package, collection: Collection): readonly Entry[] => pkg[collection];
  const findEntry = (pkg: Package, collection: Collection, id: string) => {
    const index = entriesOf(pkg, collection).findIndex((e) => e.id === id);
    return index < 0 ? null : { entry: entriesOf(pkg, collection)[index]!, index };
  };

  // -------------------------------------------------------------------------------------------------
  // The list pages (definitions.ts LIST_PAGES)

  function row(req: Request, key: string, lines: readonly string[]) {
    const r = lr(req);
    return {
      key,
      lines: lines.length > 0 ? lines : [r.t('pages.common.notAnswered')],
      href: null,
      action: '',
      actionHidden: '',
    };
  }

  /** An entry's card on its list: its title and its answers. */
  const CARDS: Record<
    Collection,
    (req: Request, entry: Entry, index: number) => { title: string; rows: object[] }
  > = {
    authorities: (req, entry) => {
      const r = lr(req);
      const a = entry as Authority;
      const lines = (...xs: (string | null | undefined)[]) =>
        xs.filter((x): x is string => typeof x === 'string' && x !== '');
      const address = a.address ? addressLines(a.address, (code) => regionName(code, r.lng)) : [];
      const key = (name: string) => r.t(`pages.q.authority.${name}.label`);
      return {
        title: a.territory
          ? r.t('pages.authorities.forTerritory', { name: a.name, territory: a.territory })
          : a.name,
        rows: [
          row(
            req,
            key('roles'),
            a.roles.map((role) => r.t(`pages.roles.${role}`)),
          ),
          row(req, key('unit'), lines(a.unit, a.officerTitle)),
          row(req, key('addressLines'), address),
          row(req, key('phone'), a.phone),
          row(req, key('email'), a.email),
          ...(a.territory ? [row(req, key('territory'), [a.territory])] : []),
          ...(a.roles.some((role) => DESIGNATIONS[role].dated)
            ? [row(req, key('designatedOn'), a.designatedOn ? [formatDate(a.designatedOn, r.lng)] : [])]
            : []),
        ],
      };
    },
    declarations: (req, entry, index) => {
      const r = lr(req);
      const d = entry as Declaration;
      return {
        title: declarationName(r.t, d, index + 1),
        rows: [
          row(
            req,
            r.t('pages.q.declaration.treaties.label'),
            d.treaties.map((t) => r.t(`legal:treaties.${t}.name`)),
          ),
          row(req, r.t('pages.q.declaration.kind.label'), [r.t(`pages.q.declaration.kinds.${d.kind}`)]),
          row(req, r.t('pages.q.declaration.text.label'), d.text.split('\n')),
        ],
      };
    },
    territories: (req, entry) => ({
      title: (entry as Territory).name,
      rows: territoryRows(lr(req), entry as Territory).map(({ key, lines }) => row(req, key, lines)),
    }),
  };

  /** The languages accepted (18(14)), shown under the central authorities. */
  function languagesExtra(req: Request, pkg: Package) {
    const r = lr(req);
    return {
      heading: r.t('pages.q.languages.title'),
      rows: [
        {
          ...row(
            req,
            r.t('pages.q.languages.summaryKey'),
            pkg.mlaLanguages.map((l) => languageName(l, r.lng)),
          ),
          href: `${base(req)}/languages`,
          action: r.t('pages.common.change'),
          actionHidden: r.t('pages.q.languages.summaryKey'),
        },
      ],
    };
  }

  function renderList(req: Request, res: Response, list: ListPageDef) {
    const r = dr(req);
    const pkg = r.draft.package;
    const query = list.role ? `?role=${list.role}` : '';
    const entries = entriesOf(pkg, list.collection)
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => list.role === null || (entry as Authority).roles.includes(list.role))
      .map(({ entry, index }) => ({
        ...CARDS[list.collection](req, entry, index),
        changeHref: `${base(req)}/${list.collection}/${entry.id}${query}`,
        removeHref: `${base(req)}/${list.collection}/${entry.id}/remove${query}`,
      }));
    const lead = r.t(`${list.texts}.lead`, { returnObjects: true, defaultValue: [] }) as unknown;
    const back = returnTo(req) === 'check' ? `${base(req)}/check` : base(req);
    render(
      req,
      res,
      'list',
      {
        title: r.t(`${list.texts}.title`),
        caption: r.t(sectionTitleKey(list.section, pkg)),
        heading: r.t(`${list.texts}.title`),
        lead: Array.isArray(lead) ? lead : [],
        notice: clearedNotice(req),
        requirements: requirementViews(list.requirements(pkg), req, pkg),
        entries,
        addHref: `${base(req)}/${list.collection}/new${query}`,
        addText: r.t(`${list.texts}.${entries.length > 0 ? 'addAnother' : 'add'}`),
        emptyText: r.t(`${list.texts}.empty`),
        extra: list.extra === 'languages' ? languagesExtra(req, pkg) : null,
        finish:
          list.finish === 'form'
            ? {
                href: null,
                text: null,
                action: `${base(req)}/${list.id}`,
                submitText: r.t(`${list.texts}.done`),
                returnTo: returnTo(req),
              }
            : {
                href: base(req),
                text: r.t('pages.common.continueToTasks'),
                action: null,
                submitText: null,
                returnTo: null,
              },
      },
      { back: list.finish === 'form' ? back : base(req) },
    );
  }

  for (const list of LIST_PAGES) {
    router.get(`/drafts/:id/${list.id}`, (req, res) => {
      const r = dr(req);
      const section = SECTIONS.find((s) => s.id === list.section)!;
      if (!section.applies(r.draft.package))
        return errorPage(req, res, 404, 'notApplicable', [
          { href: base(req), text: r.t('pages.common.toTasks') },
        ]);
      renderList(req, res, list);
    });
    if (list.finish !== 'form') continue;
    // "Done": the section has been gone through (an empty list is an answer).
    router.post(`/drafts/:id/${list.id}`, form, verifyCsrf(refuseForgery), (req, res) =>
      saveDraft<never>(req, res, {
        page: list.id,
        section: list.section,
        change: (draft) => ({ ok: true, draft }),
        next: () => (returnTo(req) === 'check' ? `${base(req)}/check` : base(req)),
        refused: () => renderList(req, res, list),
        conflict: () => renderList(req, res, list),
        pageError: () => renderList(req, res, list),
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------
  // An entry's form: add or change (a form page)

  function entryForm(req: Request, collection: Collection, entryId: string | null): FormPage {
    const r = dr(req);
    const spec = SPECS[collection];
    /** The entry's index in a draft: a new entry goes at the end; null when the entry is gone. */
    const indexIn = (draft: Draft): number | null => {
      if (entryId === null) return entriesOf(draft.package, collection).length;
      return findEntry(draft.package, collection, entryId)?.index ?? null;
    };
    const entryIn = (draft: Draft): Entry | null =>
      entryId === null ? null : (findEntry(draft.package, collection, entryId)?.entry ?? null);
    const listOf = (draft: Draft) => spec.list(req, entryIn(draft));
    return {
      record: `${collection}/${entryId ?? 'new'}`,
      section: spec.list(req, entryIn(r.draft)).section,
      fields: (draft) => {
        const index = indexIn(draft);
        return index === null ? null : spec.fields(draft.package, index, req);
      },
      initial: (draft, fields) => {
        const index = indexIn(draft) ?? 0;
        const entry = entryIn(draft) ?? spec.blank(draft.package, req);
        if (spec.initial) return spec.initial(entry);
        const at = { [collection]: { [index]: entry } };
        return Object.fromEntries(fields.map((f) => [f.name, rawFromValue(f, getIn(at, f.path))]));
      },
      apply: (pkg, fields, values) => {
        const start: Package =
          entryId === null
            ? ({
                ...pkg,
                // A random id: never the id of an entry removed earlier, which a stale page may still name.
                [collection]: [...entriesOf(pkg, collection), { id: newEntryId(), ...spec.blank(pkg, req) }],
              } as Package)
            : pkg;
        const out = spec.write
          ? spec.write(
              start,
              entryId === null
                ? entriesOf(start, collection).length - 1
                : (findEntry(start, collection, entryId)?.index ?? 0),
              values,
            )
          : (writeFields(start, fields, values) as Package);
        return spec.tidy
          ? ({ ...out, [collection]: entriesOf(out, collection).map((e) => spec.tidy!(e)) } as Package)
          : out;
      },
      next: (saved) => (returnTo(req) === 'check' ? `${base(req)}/check` : listOf(saved).href),
      view: (draft) => {
        const title = r.t(`${spec.texts}.${entryId === null ? 'titleNew' : 'titleChange'}`);
        const list = listOf(draft);
        const back = returnTo(req) === 'check' ? `${base(req)}/check` : list.href;
        return {
          title,
          caption: r.t(sectionTitleKey(list.section, draft.package)),
          heading: title,
          // A later notification's declaration form says what it is for (territorial application only).
          lead: [
            r.t(isNotifying(draft.package) ? `${spec.texts}.leadNotify` : `${spec.texts}.lead`, {
              defaultValue: r.t(`${spec.texts}.lead`),
            }),
          ],
          notice: null,
          requirements: requirementViews(spec.requirements(draft.package, req), req, draft.package),
          action: `${base(req)}/${collection}/${entryId ?? 'new'}${spec.query(req, entryIn(draft))}`,
          submitText: r.t(`${spec.texts}.save`),
          cancel: { href: back, text: r.t('pages.common.cancel') },
          back,
          single: false,
        };
      },
      gone: (rq, rs, typed) => renderGone(rq, rs, collection, typed),
    };
  }

  /**
   * The entry is no longer in the draft. What was typed (on a POST) is shown and can be added again as a
   * new entry: nothing is lost.
   */
  function renderGone(
    req: Request,
    res: Response,
    collection: Collection,
    typed: Record<string, RawValue> | null,
  ) {
    const r = dr(req);
    const spec = SPECS[collection];
    const pkg = r.draft.package;
    const fields = spec.fields(pkg, entriesOf(pkg, collection).length, req);
    const list = spec.list(req, null);
    // What was typed, read with the fields of a new entry (the entry's own fields are gone with it).
    const body = (req.body ?? {}) as Record<string, unknown>;
    const typedRaw = (f: FieldDef) => typed?.[f.name] ?? readRaw(body, f);
    const rows = typed
      ? fields.flatMap((f) => {
          const parsed = parseRaw(f, typedRaw(f), r.t);
          const value = parsed.ok ? parsed.value : null;
          if (value === null || (Array.isArray(value) && value.length === 0)) return [];
          return [
            {
              key: f.label,
              lines: answerLines(r, f, value, false),
              href: null,
              action: '',
              actionHidden: '',
            },
          ];
        })
      : [];
    const again =
      typed && rows.length > 0
        ? {
            action: `${base(req)}/${collection}/new${spec.query(req, null)}`,
            hidden: fields.flatMap((f) => bodyFromRaw(f, typedRaw(f))),
            submitText: r.t(`pages.entryGone.again.${collection}`),
          }
        : null;
    render(
      req,
      res,
      'entry-gone',
      {
        title: r.t(`pages.entryGone.title.${collection}`),
        caption: r.t(`pages.sections.${list.section}`),
        heading: r.t(`pages.entryGone.title.${collection}`),
        lines: r.t(typed ? 'pages.entryGone.linesTyped' : 'pages.entryGone.lines', {
          returnObjects: true,
        }) as string[],
        rows,
        again,
        links: [
          { href: list.href, text: r.t(`pages.entryGone.toList.${collection}`) },
          { href: base(req), text: r.t('pages.common.toTasks') },
        ],
      },
      // Opened (GET): the entry is not there. Posted: the answers could not be saved where they were meant.
      { status: typed ? 409 : 404 },
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Remove: a yes/no confirmation

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

  function renderRemove(
    req: Request,
    res: Response,
    collection: Collection,
    entryId: string,
    errors: FieldError[],
    notice: { title: string; lines: string[] } | null = null,
  ) {
    const r = dr(req);
    const spec = SPECS[collection];
    const found = findEntry(r.draft.package, collection, entryId);
    if (!found) return renderGone(req, res, collection, null);
    const name = spec.nameOf(found.entry, found.index, req);
    const f = removeField(req, name);
    const list = spec.list(req, found.entry);
    render(
      req,
      res,
      'remove',
      {
        title: f.label,
        caption: r.t(`pages.sections.${list.section}`),
        notice,
        action: `${base(req)}/${collection}/${entryId}/remove${spec.query(req, found.entry)}`,
        fields: [fieldView(f, '', errors[0]?.message ?? null, { pageHeading: true })],
        submitText: r.t('pages.common.continue'),
      },
      { errors, back: list.href, ...(notice ? { status: 409 } : {}) },
    );
  }

  function confirmRemove(req: Request, res: Response, collection: Collection, entryId: string) {
    const r = dr(req);
    const spec = SPECS[collection];
    const answer = (req.body as Record<string, unknown>).confirm;
    const found = findEntry(r.draft.package, collection, entryId);
    if (answer !== 'yes' && answer !== 'no') {
      if (!found) return renderGone(req, res, collection, null);
      const message = removeField(req, spec.nameOf(found.entry, found.index, req)).required!;
      return renderRemove(req, res, collection, entryId, [
        { name: 'confirm', href: '#confirm-yes', message },
      ]);
    }
    if (answer === 'no') return res.redirect(303, spec.list(req, found?.entry ?? null).href);
    // Removed by someone else already (read now, after the form): say so rather than pretend to remove it.
    const now = drafts.load(r.draftId);
    if (now.ok && !findEntry(now.record.draft.package, collection, entryId)) {
      r.draft = now.record.draft;
      r.revision = now.record.revision;
      return renderGone(req, res, collection, null);
    }
    saveDraft<'gone'>(req, res, {
      page: `${collection}/${entryId}/remove`,
      section: null,
      change: (draft) => {
        if (!findEntry(draft.package, collection, entryId)) return { ok: false, refusal: 'gone' };
        const kept = entriesOf(draft.package, collection).filter((e) => e.id !== entryId);
        return {
          ok: true,
          draft: { ...draft, package: { ...draft.package, [collection]: kept } as Package },
        };
      },
      next: () => spec.list(req, found?.entry ?? null).href,
      // Removed by someone else already: what the user wanted is done.
      refused: () => renderGone(req, res, collection, null),
      // Someone else changed the entry since the page was opened: ask again, showing it as it is now.
      conflict: () =>
        renderRemove(req, res, collection, entryId, [], {
          title: r.t('pages.remove.changed.title'),
          lines: [r.t('pages.remove.changed.line')],
        }),
      pageError: (message, status) => {
        res.status(status);
        renderRemove(req, res, collection, entryId, [{ name: '_page', href: '#main', message }]);
      },
    });
  }

  // -------------------------------------------------------------------------------------------------
  // The routes, the same for both collections

  for (const collection of COLLECTIONS) {
    const spec = SPECS[collection];
    const checked = [form, verifyCsrf(refuseForgery)];
    /** The entry named by the address, when it is well formed; else the "not found" page. */
    const entryParam = (req: Request, res: Response): string | null => {
      const raw = req.params.entry;
      if (typeof raw === 'string' && ENTRY_PARAM.test(raw) && raw !== 'new') return raw;
      errorPage(req, res, 404, 'entryNotFound', [
        { href: base(req), text: lr(req).t('pages.common.toTasks') },
      ]);
      return null;
    };

    router.get(`/drafts/:id/${collection}/new`, (req, res) =>
      forms.show(req, res, entryForm(req, collection, null)),
    );
    router.post(`/drafts/:id/${collection}/new`, ...checked, (req, res) => {
      const page = entryForm(req, collection, null);
      if (entriesOf(dr(req).draft.package, collection).length >= LIMITS[collection]) {
        const message = lr(req).t(spec.tooManyKey, { max: LIMITS[collection] });
        return forms.renderForm(req, res, page, null, [{ name: '_page', href: '#main', message }]);
      }
      forms.submit(req, res, page);
    });
    router.get(`/drafts/:id/${collection}/:entry`, (req, res) => {
      const id = entryParam(req, res);
      if (id) forms.show(req, res, entryForm(req, collection, id));
    });
    router.post(`/drafts/:id/${collection}/:entry`, ...checked, (req, res) => {
      const id = entryParam(req, res);
      if (id) forms.submit(req, res, entryForm(req, collection, id));
    });
    router.get(`/drafts/:id/${collection}/:entry/remove`, (req, res) => {
      const id = entryParam(req, res);
      if (id) renderRemove(req, res, collection, id, []);
    });
    router.post(`/drafts/:id/${collection}/:entry/remove`, ...checked, (req, res) => {
      const id = entryParam(req, res);
      if (id) confirmRemove(req, res, collection, id);
    });
  }
}
