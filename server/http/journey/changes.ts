/**
 * What changed between two versions of a package, in words: "E-mail address of the authority (Ministry of
 * Justice): mla@justice.example → legal@justice.example". The review page says what changed since the
 * approved revision, the history page what each save changed and what differs between two revisions.
 *
 * The paths come from domain/merge.ts `changedPaths` (entries named by id); each is labelled with the
 * field's label (common:fields, the labels validation messages use), the entry it belongs to (an
 * authority's name, a treaty, a declaration's number) and the values before and after, written as the
 * pages write answers: dates written out, codes as their names, long texts cut short.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import { formatDate, languageName, regionName } from '../../i18n/format';
import { changedPaths, indexPath, type KeyedPath } from '../../domain/merge';
import type { Package } from '../../domain/package';
import { excerpt } from '../../domain/translations';
import { getIn } from '../forms';
import { declarationName } from './answers';

interface Reader {
  readonly t: TFunction;
  readonly lng: Language;
}

/** One change: the words of its label, and of the values before and after (null: there was none). */
export interface ChangeInWords {
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
  /** The whole line: "label: before → after", "label added: after", "label removed: before". */
  readonly text: string;
}

/** How a coded value is written, by the field's key (the path's names joined with "/"). */
const CODE_WORDS: Readonly<Record<string, (r: Reader, code: string) => string>> = {
  'party/code': (r, c) => regionName(c, r.lng),
  'authorities/address/country': (r, c) => regionName(c, r.lng),
  'treaties/treaty': (r, c) => r.t(`legal:treaties.${c}.name`),
  'priorConsents/treaty': (r, c) => r.t(`legal:treaties.${c}.name`),
  'treaties/instrument': (r, c) => r.t(`legal:instrumentTypes.${c}`),
  'priorConsents/type': (r, c) => r.t(`legal:instrumentTypes.${c}`),
  'signatory/office': (r, c) => r.t(`legal:offices.${c}`),
  'fullPowers/issuer/office': (r, c) => r.t(`legal:offices.${c}`),
  'declarations/kind': (r, c) => r.t(`legal:declarationKinds.${c}`),
  'declarations/treaties': (r, c) => r.t(`legal:treaties.${c}.name`),
  'competence/treaties': (r, c) => r.t(`legal:treaties.${c}.name`),
  'authorities/roles': (r, c) => r.t(`pages.roles.${c}`, { defaultValue: c }),
  mlaLanguages: (r, c) => languageName(c, r.lng),
  'territories/mlaLanguages': (r, c) => languageName(c, r.lng),
  documentLanguage: (r, c) => languageName(c, r.lng),
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const fieldKeyOf = (path: KeyedPath) => path.filter((s): s is string => typeof s === 'string').join('/');

/** A value in words; null for none (absent, null, an empty list). */
function valueWords(r: Reader, key: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => valueWords(r, key, v)).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (typeof value === 'boolean') return r.t(value ? 'pages.common.yes' : 'pages.common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const code = CODE_WORDS[key];
    if (code) return code(r, value);
    if (ISO_DATE.test(value)) return formatDate(value, r.lng);
    return excerpt(value, 120);
  }
  if (typeof value === 'object') {
    const entry = value as Record<string, unknown>;
    // An entry added or removed whole: its name or its text; a translation: its text.
    for (const name of ['name', 'text'])
      if (typeof entry[name] === 'string') return excerpt(entry[name], 120);
    const parts = Object.entries(entry)
      .filter(([k]) => k !== 'id')
      .map(([k, v]) => valueWords(r, key ? `${key}/${k}` : k, v))
      .filter((v): v is string => v !== null);
    return parts.length > 0 ? excerpt(parts.join(', '), 160) : null;
  }
  return null;
}

function valueAt(pkg: Package, path: KeyedPath): unknown {
  const at = indexPath(pkg, path);
  return at === null ? undefined : getIn(pkg, at);
}

/** The field's label, or its nearest labelled parent's. */
function fieldLabel(r: Reader, key: string): string {
  const parts = key.split('/');
  for (let n = parts.length; n > 0; n--) {
    const label = r.t(`fields.${parts.slice(0, n).join('/')}`, { defaultValue: '' });
    if (label !== '') return label;
  }
  return key;
}

/** The entry a path is in, named: an authority's name, a treaty's name, "Declaration 2". */
function entryName(r: Reader, before: Package, after: Package, path: KeyedPath): string | null {
  const i = path.findIndex((s) => typeof s !== 'string');
  if (i < 0) return null;
  const seg = path[i] as { id: string };
  const list = path[i - 1];
  if (list === 'treaties' || list === 'priorConsents') return r.t(`legal:treaties.${seg.id}.name`);
  const entry = (valueAt(after, path.slice(0, i + 1)) ?? valueAt(before, path.slice(0, i + 1))) as
    Record<string, unknown> | undefined;
  if ((list === 'authorities' || list === 'territories') && typeof entry?.name === 'string')
    return entry.name;
  if (list === 'declarations') {
    const n = after.declarations.findIndex((d) => d.id === seg.id);
    const m = before.declarations.findIndex((d) => d.id === seg.id);
    return declarationName(r.t, entry as { kind: string } | undefined, (n >= 0 ? n : m) + 1);
  }
  return null;
}

function labelOf(r: Reader, before: Package, after: Package, path: KeyedPath): string {
  if (path[0] === 'translations' && typeof path[1] === 'string')
    return r.t('pages.changes.translation', { language: languageName(path[1], r.lng) });
  const label = fieldLabel(r, fieldKeyOf(path));
  // A whole entry added or removed is named by its value ("Authorities added: Ministry of Justice").
  const whole = typeof path[path.length - 1] !== 'string';
  const entry = whole ? null : entryName(r, before, after, path);
  return entry ? r.t('pages.changes.inEntry', { label, entry }) : label;
}

/** Every change from `before` to `after`, in words, in the package's order. */
export function changesInWords(r: Reader, before: Package, after: Package): ChangeInWords[] {
  return changedPaths(before, after).map((path) => {
    const key = path[0] === 'translations' ? '' : fieldKeyOf(path);
    const label = labelOf(r, before, after, path);
    const was = valueWords(r, key, valueAt(before, path));
    const now = valueWords(r, key, valueAt(after, path));
    const none = r.t('pages.changes.none');
    const text =
      was === null && now !== null
        ? r.t('pages.changes.added', { label, after: now })
        : now === null && was !== null
          ? r.t('pages.changes.removed', { label, before: was })
          : r.t('pages.changes.changed', { label, before: was ?? none, after: now ?? none });
    return { label, before: was, after: now, text };
  });
}

/** The labels of the fields a save changed, when only its paths are known (the revision is no longer kept). */
export function changedLabels(r: Reader, paths: readonly KeyedPath[]): string[] {
  return [
    ...new Set(
      paths.map((p) =>
        p[0] === 'translations' && typeof p[1] === 'string'
          ? r.t('pages.changes.translation', { language: languageName(p[1], r.lng) })
          : fieldLabel(r, fieldKeyOf(p)),
      ),
    ),
  ];
}
