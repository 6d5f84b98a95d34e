/**
 * The repeating lists (GOV.UK "add another"): the authorities of each designation (central
 * authorities, prevention, maritime, firearms) and the other declarations, each with add, change and
 * remove (a confirmation page).
 */
import type { Request, Response, Router } from 'express';
import {
  AUTHORITY_ROLES,
  LIMITS,
  type Authority,
  type AuthorityRole,
  type Package,
} from '../../domain/package';
import { formatDate, languageName, regionName } from '../../i18n/format';
import { verifyCsrf } from '../csrf';
import {
  fieldView,
  getIn,
  rawFromValue,
  submitForm,
  writeFields,
  type FieldDef,
  type FieldError,
  type RawValue,
} from '../forms';
import {
  AUTHORITY_LIST_IDS,
  AUTHORITY_LISTS,
  applicableRoles,
  authorityFields,
  declarationFields,
  declarationRequirements,
  listForRole,
  SECTIONS,
  type AuthorityList,
} from './definitions';
import { dr, lr, queryString, type PageKit } from './kit';

export function registerListPages(router: Router, kit: PageKit): void {
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
    save,
    returnTo,
  } = kit;
  // -------------------------------------------------------------------------------------------------
  // Authority lists

  function authorityRows(req: Request, a: Authority, changeHref: string | null) {
    const r = lr(req);
    const lines = (...xs: (string | null | undefined)[]) =>
      xs.filter((x): x is string => typeof x === 'string' && x !== '');
    const addr = a.address
      ? lines(
          ...a.address.lines,
          [a.address.postcode, a.address.city].filter(Boolean).join(' '),
          a.address.country ? regionName(a.address.country, r.lng) : null,
        )
      : [];
    const row = (key: string, value: string[]) => ({
      key: r.t(`pages.q.authority.${key}.label`),
      lines: value.length > 0 ? value : [r.t('pages.common.notAnswered')],
      href: changeHref,
      action: r.t('pages.common.change'),
      actionHidden: r.t(`pages.q.authority.${key}.label`),
    });
    return [
      row(
        'roles',
        a.roles.map((role) => r.t(`pages.roles.${role}`)),
      ),
      row('unit', lines(a.unit, a.officerTitle)),
      row('addressLines', addr),
      row('phone', [...a.phone]),
      row('email', [...a.email]),
      ...(a.territory ? [row('territory', [a.territory])] : []),
      ...(a.roles.includes('som-8-6')
        ? [row('designatedOn', a.designatedOn ? [formatDate(a.designatedOn, r.lng)] : [])]
        : []),
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
        title: a.territory
          ? r.t('pages.authorities.forTerritory', { name: a.name, territory: a.territory })
          : a.name,
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
                lines:
                  pkg.mlaLanguages.length > 0
                    ? pkg.mlaLanguages.map((l) => languageName(l, r.lng))
                    : [r.t('pages.common.notAnswered')],
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
        requirements: requirementViews(
          list === 'central-authorities' ? ['untoc-18-13', 'untoc-18-14'] : [role],
          req,
        ),
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
      if (!section.applies(r.draft.package))
        return errorPage(req, res, 404, 'notApplicable', [
          { href: base(req), text: r.t('pages.common.toTasks') },
        ]);
      // Opening the list counts as starting the section.
      if (!r.draft.visited.includes(list))
        drafts.save(r.draftId, { ...r.draft, visited: [...r.draft.visited, list] });
      renderAuthorityList(req, res, list);
    });
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

  function renderAuthorityForm(
    req: Request,
    res: Response,
    index: number | null,
    raw: Record<string, RawValue> | null,
    errors: readonly FieldError[],
  ) {
    const r = dr(req);
    const pkg = r.draft.package;
    const role = roleFromQuery(req, pkg);
    const at = index ?? pkg.authorities.length;
    const fields = authorityFields(pkg, ['authorities', at], ctxOf(req));
    const current =
      index !== null ? pkg.authorities[index]! : { ...EMPTY_AUTHORITY, roles: role ? [role] : [] };
    const values =
      raw ??
      Object.fromEntries(
        fields.map((f) => [f.name, rawFromValue(f, getIn({ authorities: { [at]: current } }, f.path))]),
      );
    const listHref =
      returnTo(req) === 'check'
        ? `${base(req)}/check`
        : `${base(req)}/${listForRole(role ?? current.roles[0] ?? 'untoc-18-13')}`;
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
        requirements: requirementViews(applicableRoles(pkg), req),
        action: `${base(req)}/authorities/${index === null ? 'new' : index}${roleQuery}`,
        fields: fields.map((f) =>
          fieldView(f, values[f.name] ?? '', errors.find((e) => e.name === f.name)?.message ?? null),
        ),
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
    const start: Package =
      index === null ? { ...pkg, authorities: [...pkg.authorities, EMPTY_AUTHORITY] } : pkg;
    const result = submitForm(start, fields, req.body as Record<string, unknown>, r.t, (p, values) => {
      const out = writeFields(p, fields, values) as Package;
      // An address with nothing in it is no address.
      const address = out.authorities[at]!.address;
      const empty =
        address && address.lines.length === 0 && !address.city && !address.postcode && !address.country;
      if (!empty) return out;
      return { ...out, authorities: out.authorities.map((a, i) => (i === at ? { ...a, address: null } : a)) };
    });
    if (!result.pkg)
      return renderAuthorityForm(req, res, index, result.raw as Record<string, RawValue>, result.errors);
    const saved = result.pkg.authorities[at]!;
    const role = roleFromQuery(req, pkg) ?? saved.roles[0]!;
    const list = saved.roles.includes(role) ? listForRole(role) : listForRole(saved.roles[0]!);
    save(
      req,
      res,
      result.pkg,
      list,
      returnTo(req) === 'check' ? `${base(req)}/check` : `${base(req)}/${list}`,
    );
  }

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

  function renderRemove(
    req: Request,
    res: Response,
    name: string,
    caption: string,
    action: string,
    back: string,
    errors: FieldError[],
  ) {
    const r = lr(req);
    const f = removeField(req, name);
    render(
      req,
      res,
      'remove',
      {
        title: f.label,
        caption,
        action,
        fields: [fieldView(f, '', errors[0]?.message ?? null, { pageHeading: true })],
        submitText: r.t('pages.common.continue'),
      },
      { errors, back },
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Declarations

  function renderDeclarations(req: Request, res: Response) {
    const r = dr(req);
    const pkg = r.draft.package;
    const declarations = pkg.declarations.map((d, i) => ({
      title: r.t('pages.declarations.item', { n: i + 1 }),
      rows: [
        {
          key: r.t('pages.q.declaration.treaties.label'),
          lines: d.treaties.map((t) => r.t(`legal:treaties.${t}.name`)),
          href: null,
          action: '',
          actionHidden: '',
        },
        {
          key: r.t('pages.q.declaration.kind.label'),
          lines: [r.t(`pages.q.declaration.kinds.${d.kind}`)],
          href: null,
          action: '',
          actionHidden: '',
        },
        {
          key: r.t('pages.q.declaration.text.label'),
          lines: d.text.split('\n'),
          href: null,
          action: '',
          actionHidden: '',
        },
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
    save(
      req,
      res,
      r.draft.package,
      'declarations',
      returnTo(req) === 'check' ? `${base(req)}/check` : base(req),
    );
  });

  function renderDeclarationForm(
    req: Request,
    res: Response,
    index: number | null,
    raw: Record<string, RawValue> | null,
    errors: readonly FieldError[],
  ) {
    const r = dr(req);
    const pkg = r.draft.package;
    const at = index ?? pkg.declarations.length;
    const fields = declarationFields(pkg, ['declarations', at], ctxOf(req));
    const current =
      index !== null
        ? pkg.declarations[index]!
        : { treaties: pkg.treaties.map((t) => t.treaty), kind: null, text: '' };
    const values =
      raw ??
      Object.fromEntries(
        fields.map((f) => [f.name, rawFromValue(f, getIn({ declarations: { [at]: current } }, f.path))]),
      );
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
        fields: fields.map((f) =>
          fieldView(f, values[f.name] ?? '', errors.find((e) => e.name === f.name)?.message ?? null),
        ),
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
    const start: Package =
      index === null
        ? { ...pkg, declarations: [...pkg.declarations, { treaties: [], kind: 'other', text: '' }] }
        : pkg;
    const result = submitForm(start, fields, req.body as Record<string, unknown>, r.t);
    if (!result.pkg)
      return renderDeclarationForm(req, res, index, result.raw as Record<string, RawValue>, result.errors);
    save(req, res, result.pkg, 'declarations', `${base(req)}/declarations`);
  }

  // -------------------------------------------------------------------------------------------------
  // Add, change and remove: the same six routes for both lists

  interface EntrySpec {
    renderForm(req: Request, res: Response, index: number | null, raw: null, errors: FieldError[]): void;
    saveEntry(req: Request, res: Response, index: number | null): void;
    /** The message when the list is full (LIMITS in domain/package.ts). */
    tooManyKey: string;
    /** What the removal page names, its caption, its own address, and the list it returns to. */
    removal(req: Request, n: number): { name: string; caption: string; action: string; list: string };
  }

  function entryRoutes(kind: 'authorities' | 'declarations', spec: EntrySpec) {
    const count = (req: Request) => dr(req).draft.package[kind].length;
    /** The entry named by the address, or the "entry not found" page. */
    const withEntry =
      (handler: (req: Request, res: Response, n: number) => void) => (req: Request, res: Response) => {
        const n = indexParam(req, count(req));
        if (n === null) {
          return errorPage(req, res, 404, 'entryNotFound', [
            { href: base(req), text: lr(req).t('pages.common.toTasks') },
          ]);
        }
        handler(req, res, n);
      };
    const checked = [form, verifyCsrf(refuseForgery)];

    router.get(`/drafts/:id/${kind}/new`, (req, res) => spec.renderForm(req, res, null, null, []));
    router.post(`/drafts/:id/${kind}/new`, ...checked, (req, res) => {
      if (count(req) >= LIMITS[kind]) {
        const message = lr(req).t(spec.tooManyKey, { max: LIMITS[kind] });
        return spec.renderForm(req, res, null, null, [{ name: '_page', href: '#main', message }]);
      }
      spec.saveEntry(req, res, null);
    });
    router.get(
      `/drafts/:id/${kind}/:n`,
      withEntry((req, res, n) => spec.renderForm(req, res, n, null, [])),
    );
    router.post(
      `/drafts/:id/${kind}/:n`,
      ...checked,
      withEntry((req, res, n) => spec.saveEntry(req, res, n)),
    );

    router.get(
      `/drafts/:id/${kind}/:n/remove`,
      withEntry((req, res, n) => {
        const { name, caption, action, list } = spec.removal(req, n);
        renderRemove(req, res, name, caption, action, list, []);
      }),
    );
    router.post(
      `/drafts/:id/${kind}/:n/remove`,
      ...checked,
      withEntry((req, res, n) => {
        const { name, caption, action, list } = spec.removal(req, n);
        const answer = (req.body as Record<string, unknown>).confirm;
        if (answer !== 'yes' && answer !== 'no') {
          const message = removeField(req, name).required!;
          return renderRemove(req, res, name, caption, action, list, [
            { name: 'confirm', href: '#confirm-yes', message },
          ]);
        }
        if (answer === 'no') return res.redirect(303, list);
        const pkg = dr(req).draft.package;
        const kept =
          kind === 'authorities'
            ? { authorities: pkg.authorities.filter((_, i) => i !== n) }
            : { declarations: pkg.declarations.filter((_, i) => i !== n) };
        save(req, res, { ...pkg, ...kept }, null, list);
      }),
    );
  }

  entryRoutes('authorities', {
    renderForm: renderAuthorityForm,
    saveEntry: saveAuthority,
    tooManyKey: 'pages.errors.tooManyAuthorities',
    removal: (req, n) => {
      const r = dr(req);
      const a = r.draft.package.authorities[n]!;
      const role = roleFromQuery(req, r.draft.package) ?? a.roles[0]!;
      return {
        name: a.name,
        caption: r.t(`pages.sections.${listForRole(role)}`),
        action: `${base(req)}/authorities/${n}/remove?role=${role}`,
        list: `${base(req)}/${listForRole(role)}`,
      };
    },
  });

  entryRoutes('declarations', {
    renderForm: renderDeclarationForm,
    saveEntry: saveDeclaration,
    tooManyKey: 'pages.errors.tooManyDeclarations',
    removal: (req, n) => ({
      name: lr(req).t('pages.declarations.item', { n: n + 1 }),
      caption: lr(req).t('pages.sections.declarations'),
      action: `${base(req)}/declarations/${n}/remove`,
      list: `${base(req)}/declarations`,
    }),
  });
}
