/**
 * The drafter's links to the draft for others (store/links.ts): a translator's link, a reviewer's (the
 * legal adviser's). Listed with whom each is for and when it was made; created with its role and an
 * optional label; revoked at once. A new link's address is shown once, on the page that answers its
 * creation, and never again: only its hash is kept.
 *
 *   GET  /drafts/{id}/links                  the links, and a form to create one
 *   POST /drafts/{id}/links                  create one -> the page showing its address, once
 *   POST /drafts/{id}/links/{link}/revoke    revoke one -> /drafts/{id}/links?revoked=1
 *
 * Only the drafter reaches these: a link opens /shared/{secret}, never /drafts/{id} (shared.ts).
 */
import type { Request, Response, Router } from 'express';
import { ShortTextSchema } from '../../domain/package';
import { formatDate } from '../../i18n/format';
import { LINK_ROLES, isLinkId } from '../../store/links';
import { verifyCsrf } from '../csrf';
import { fieldView, parseRaw, readRaw, fieldHref, type FieldDef, type FieldError } from '../forms';
import { dr, lr, queryString, type PageKit } from './kit';

/** The most a label may hold: it names a person or a team, in a list. */
const LABEL_MAX = 80;

export function registerLinkPages(router: Router, kit: PageKit): void {
  const { deps, form, render, refuseForgery, base, partyLabel, errorPage } = kit;

  function fields(req: Request): FieldDef[] {
    const t = lr(req).t;
    return [
      {
        name: 'role',
        kind: 'radios',
        path: ['role'],
        label: t('pages.links.role'),
        options: LINK_ROLES.map((role) => ({
          value: role,
          label: t(`pages.links.roles.${role}`),
          hint: t(`pages.links.roleHints.${role}`),
        })),
        required: t('pages.links.roleRequired'),
      },
      {
        name: 'label',
        kind: 'text',
        path: ['label'],
        label: t('pages.links.label'),
        hint: t('pages.links.labelHint', { max: LABEL_MAX }),
        width: 'two-thirds',
      },
    ];
  }

  function renderList(
    req: Request,
    res: Response,
    form: { raw: Record<string, string>; errors: readonly FieldError[] },
  ) {
    const r = dr(req);
    const t = r.t;
    const defs = fields(req);
    const errorOf = (name: string) => form.errors.find((e) => e.name === name)?.message ?? null;
    const links = deps.links.list(r.draftId).map((link) => ({
      role: t(`pages.links.roles.${link.role}`),
      label: link.label,
      created: formatDate(link.createdAt.slice(0, 10), r.lng),
      revoked: link.revokedAt
        ? t('pages.links.revokedOn', { date: formatDate(link.revokedAt.slice(0, 10), r.lng) })
        : null,
      revokeAction: link.revokedAt ? null : `${base(req)}/links/${link.id}/revoke`,
      revokeText: t('pages.links.revoke', { role: t(`pages.links.roles.${link.role}`) }),
    }));
    render(
      req,
      res,
      'links',
      {
        title: t('pages.links.title'),
        caption: partyLabel(req, r.draft.package),
        notice:
          queryString(req, 'revoked') === '1'
            ? { title: t('pages.links.revokedTitle'), lines: [t('pages.links.revokedLine')] }
            : null,
        lead: t('pages.links.lead', { returnObjects: true }) as string[],
        links,
        action: `${base(req)}/links`,
        fields: defs.map((f) => fieldView(f, form.raw[f.name] ?? '', errorOf(f.name))),
      },
      { back: base(req), errors: form.errors },
    );
  }

  router.get('/drafts/:id/links', (req, res) => renderList(req, res, { raw: {}, errors: [] }));

  router.post('/drafts/:id/links', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const t = r.t;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const defs = fields(req);
    const raw: Record<string, string> = {};
    const errors: FieldError[] = [];
    const values: Record<string, unknown> = {};
    for (const f of defs) {
      const typed = readRaw(body, f);
      raw[f.name] = typeof typed === 'string' ? typed : '';
      const parsed = parseRaw(f, typed, t);
      if (!parsed.ok) errors.push({ name: f.name, href: fieldHref(f), message: parsed.message });
      else values[f.name] = parsed.value;
    }
    const label = typeof values.label === 'string' ? values.label : null;
    if (label !== null && (label.length > LABEL_MAX || !ShortTextSchema.safeParse(label).success))
      errors.push({
        name: 'label',
        href: '#label',
        message: t('pages.links.labelInvalid', { max: LABEL_MAX }),
      });
    if (errors.length > 0) return renderList(req, res, { raw, errors });

    const role = LINK_ROLES.find((x) => x === values.role) ?? 'translator';
    const { token } = deps.links.create(r.draftId, role, label);
    const address = `${req.protocol}://${req.get('host') ?? 'localhost'}/shared/${token}`;
    render(
      req,
      res,
      'link-created',
      {
        title: t('pages.links.createdTitle', { role: t(`pages.links.roles.${role}`) }),
        heading: t('pages.links.createdTitle', { role: t(`pages.links.roles.${role}`) }),
        caption: partyLabel(req, r.draft.package),
        role: t(`pages.links.roles.${role}`),
        label,
        address,
        lines: t(`pages.links.createdLines.${role}`, { returnObjects: true }) as string[],
        back: { href: `${base(req)}/links`, text: t('pages.links.toLinks') },
      },
      { status: 201 },
    );
  });

  router.post('/drafts/:id/links/:link/revoke', form, verifyCsrf(refuseForgery), (req, res) => {
    const r = dr(req);
    const linkId = req.params.link;
    if (!isLinkId(linkId) || !deps.links.revoke(r.draftId, linkId))
      return errorPage(req, res, 404, 'notFound', [
        { href: `${base(req)}/links`, text: r.t('pages.links.toLinks') },
      ]);
    res.redirect(303, `${base(req)}/links?revoked=1`);
  });
}
