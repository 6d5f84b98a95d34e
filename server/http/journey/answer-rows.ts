/**
 * Every answer of a draft as rows, by section: what check answers shows, what a reviewer comments on, and
 * the list the review page's "comment on" offers. Each row has a stable reference (`ref`), so that a
 * comment stays on its answer while others are added or removed:
 *
 *   q/{page}/{field}        a question's answer ("q/party/formalName")
 *   q/{page}/{n}            a row of a page that writes its own rows (n from 1)
 *   authority/{entry}       an authority's whole directory entry
 *   q/languages             the languages accepted for requests for mutual legal assistance
 *   declaration/{entry}     a declaration: its kind, the treaties it concerns, its whole text
 *   translation/{lng}       how far the answers' translation into a language has come
 *
 * A reviewer needs every answer in full, so declarations print their texts and the treaties they concern,
 * and each authority its whole directory entry (unit, officer, address, contacts, hours and time zone,
 * channels, territory, date of designation), not a summary.
 */
import type { Request } from 'express';
import type { Draft, SectionId } from '../../domain/draft';
import type { Authority, Package, Territory } from '../../domain/package';
import { excerpt, slotStatuses } from '../../domain/translations';
import { addressLines } from '../../catalogue/address-formats';
import { currentTimeZoneName } from '../../catalogue/time-zones';
import { formatDate, formatList, languageName, regionName } from '../../i18n/format';
import { fieldKey } from '../../i18n/messages';
import { getIn } from '../forms';
import { answerLines, declarationName } from './answers';
import {
  AUTHORITY_LISTS,
  applicableSections,
  PAGES,
  sectionTitleKey,
  type AuthorityList,
} from './definitions';
import { lr, type PageKit } from './kit';
import { progressOf, targetLanguages } from './translate';

export interface AnswerRow {
  readonly ref: string;
  readonly key: string;
  readonly lines: readonly string[];
  /** The page that changes the answer (for the drafter), returning to check answers once saved. */
  readonly href: string;
}

export interface AnswerSection {
  readonly id: SectionId | 'translations';
  readonly title: string;
  readonly rows: readonly AnswerRow[];
}

/** An authority's directory entry, one "Label: value" line each; the rows the package leaves empty are left out. */
function authorityLines(req: Request, a: Authority): string[] {
  const { t, lng } = lr(req);
  const out: string[] = [
    a.territory ? t('pages.authorities.forTerritory', { name: a.name, territory: a.territory }) : a.name,
  ];
  const line = (key: string, value: string | null | readonly string[]) => {
    const v = typeof value === 'string' ? value : value && value.length > 0 ? value.join(', ') : null;
    if (v) out.push(t('pages.check.entryLine', { label: t(`documents:directory.${key}`), value: v }));
  };
  line('unit', a.unit);
  line('officer', a.officerTitle);
  if (a.address) line('address', addressLines(a.address, (code) => regionName(code, lng)).join(', '));
  line('phone', a.phone);
  line('fax', a.fax);
  line('email', a.email);
  line('website', a.website);
  line('officeHours', a.officeHours);
  line('timeZone', a.timeZone ? currentTimeZoneName(a.timeZone) : null);
  const ch = a.channels;
  const yesNo = (v: boolean | null) => (v === null ? null : t(v ? 'pages.common.yes' : 'pages.common.no'));
  for (const name of ['diplomaticOnly', 'interpolForUrgent', 'oralForUrgent'] as const) {
    const v = yesNo(ch[name]);
    if (v)
      out.push(t('pages.check.entryLine', { label: t(`fields.authorities/channels/${name}`), value: v }));
  }
  line('designatedOn', a.designatedOn ? formatDate(a.designatedOn, lng) : null);
  return out;
}

/**
 * A special region or territory's own answers, one row each (its languages, its extradition, its 5(3)
 * answers): what its card on the list and check answers show. A blank answer is the State's.
 */
export function territoryRows(
  r: {
    t: (key: string, options?: Record<string, unknown>) => string;
    lng: Parameters<typeof languageName>[1];
  },
  territory: Territory,
): { key: string; lines: string[] }[] {
  const same = r.t('pages.territories.same');
  const { conditionalOnTreaty: conditional, conventionAsLegalBasis: basis } = territory.extradition;
  const { requiresOrganizedCriminalGroup: group, requiresActInFurtherance: act } = territory.article5;
  const extradition =
    conditional === null
      ? same
      : !conditional
        ? r.t('pages.territories.extradition.notConditional')
        : basis === null
          ? r.t('pages.territories.extradition.basisUnanswered')
          : r.t(`pages.territories.extradition.${basis ? 'basisYes' : 'basisNo'}`);
  const article5 =
    group === null && act === null
      ? same
      : group === null || act === null
        ? r.t('pages.territories.article5.partial')
        : r.t(`pages.territories.article5.${group ? (act ? 'both' : 'group') : act ? 'act' : 'neither'}`);
  return [
    {
      key: r.t('pages.territories.rows.languages'),
      lines:
        territory.mlaLanguages.length > 0
          ? territory.mlaLanguages.map((l) => languageName(l, r.lng))
          : [same],
    },
    { key: r.t('pages.territories.rows.extradition'), lines: [extradition] },
    { key: r.t('pages.territories.rows.article5'), lines: [article5] },
  ];
}

function translationRows(req: Request, kit: PageKit, pkg: Package): AnswerRow[] {
  const t = lr(req).t;
  return targetLanguages(pkg)
    .filter((lng) => Object.keys(pkg.translations[lng] ?? {}).length > 0)
    .map((lng) => {
      const progress = progressOf(pkg, lng);
      const stale = slotStatuses(pkg, lng).filter((st) => st.state === 'stale');
      return {
        ref: `translation/${lng}`,
        key: t(`languages.${lng}`),
        lines: [
          t('pages.translate.progress', { ...progress, count: progress.total }),
          ...stale.map((st) =>
            t('pages.check.staleTranslation', {
              field: t(`fields.${fieldKey(st.slot.path)}`),
              source: excerpt(st.slot.source, 40),
            }),
          ),
        ],
        href: `${kit.base(req)}/translate/${lng}`,
      };
    });
}

/** The draft's answers as check answers shows them, section by section. */
export function answerSections(req: Request, kit: PageKit, draft: Draft): AnswerSection[] {
  const r = lr(req);
  const pkg = draft.package;
  const ctx = kit.ctxOf(req);
  const base = kit.base(req);
  const change = (path: string) => `${base}/${path}${path.includes('?') ? '&' : '?'}return=check`;
  const sections: AnswerSection[] = applicableSections(pkg).map((s) => {
    const rows: AnswerRow[] = [];
    for (const page of PAGES.filter((p) => p.section === s.id && p.applies(pkg))) {
      const saved = draft.visited.includes(page.section);
      if (page.answers) {
        page
          .answers(pkg, ctx, saved)
          .forEach((row, i) => rows.push({ ...row, ref: `q/${page.id}/${i + 1}`, href: change(page.id) }));
        continue;
      }
      for (const f of page.fields(pkg, ctx)) {
        rows.push({
          ref: `q/${page.id}/${f.name}`,
          key: f.label,
          lines: answerLines(r, f, getIn(pkg, f.path), saved),
          href: change(page.id),
        });
      }
    }
    if (s.id in AUTHORITY_LISTS) {
      const role = AUTHORITY_LISTS[s.id as AuthorityList];
      const list = pkg.authorities.filter((a) => a.roles.includes(role));
      if (list.length === 0)
        rows.push({
          ref: `q/${s.id}`,
          key: r.t(`pages.lists.${s.id}.title`),
          lines: [r.t('pages.common.notAnswered')],
          href: change(`authorities/new?role=${role}`),
        });
      for (const a of list)
        rows.push({
          ref: `authority/${a.id}`,
          key: r.t(`pages.lists.${s.id}.summaryKey`),
          lines: authorityLines(req, a),
          href: change(`authorities/${a.id}?role=${role}`),
        });
      if (s.id === 'central-authorities')
        rows.push({
          ref: 'q/languages',
          key: r.t('pages.q.languages.summaryKey'),
          lines:
            pkg.mlaLanguages.length > 0
              ? pkg.mlaLanguages.map((l) => languageName(l, r.lng))
              : [r.t('pages.common.notAnswered')],
          href: change('languages'),
        });
    }
    if (s.id === 'territories') {
      if (pkg.territories.length === 0)
        rows.push({
          ref: 'q/territories',
          key: r.t('pages.territories.title'),
          // Optional, and complete when empty (most States have none).
          lines: [r.t('pages.territories.none')],
          href: change('territories'),
        });
      for (const territory of pkg.territories)
        rows.push({
          ref: `territory/${territory.id}`,
          key: territory.name,
          lines: territoryRows(r, territory).map(({ key, lines }) =>
            r.t('pages.check.entryLine', { label: key, value: formatList(lines, r.lng) }),
          ),
          href: change(`territories/${territory.id}`),
        });
    }
    if (s.id === 'declarations') {
      if (pkg.declarations.length === 0)
        rows.push({
          ref: 'q/declarations',
          key: r.t('pages.declarations.title'),
          lines: [r.t('pages.declarations.none')],
          href: change('declarations'),
        });
      pkg.declarations.forEach((d, i) =>
        rows.push({
          ref: `declaration/${d.id}`,
          // "Declaration 1: Territorial application"; a reservation is named as one ("Reservation 2").
          key:
            d.kind === 'reservation'
              ? declarationName(r.t, d, i + 1)
              : r.t('legal:titled', {
                  before: declarationName(r.t, d, i + 1),
                  after: r.t(`pages.q.declaration.kinds.${d.kind}`),
                }),
          lines: [
            r.t('pages.check.declarationTreaties', {
              treaties: formatList(
                d.treaties.map((tr) => r.t(`legal:treaties.${tr}.name`)),
                r.lng,
              ),
            }),
            ...d.text.split('\n'),
          ],
          href: change(`declarations/${d.id}`),
        }),
      );
    }
    return { id: s.id, title: r.t(sectionTitleKey(s.id, pkg)), rows };
  });
  const translations = translationRows(req, kit, pkg);
  if (translations.length > 0)
    sections.push({ id: 'translations', title: r.t('pages.check.translationsHeading'), rows: translations });
  return sections;
}
