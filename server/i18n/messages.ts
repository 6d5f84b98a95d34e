/**
 * The edge where the domain's message keys become words: parameters are formatted for the language
 * (dates, treaty names, language names, nested keys), then the key is translated.
 */
import type { TFunction } from 'i18next';
import type { Citation, Issue, MessageRef, Param, Params, PathSegment } from '../domain/issues';
import { formatDate, formatList, languageName, regionName } from './format';
import { articleShort } from './grammar';
import type { Language } from './index';

export interface Translator {
  readonly lng: Language;
  readonly t: TFunction;
}

function formatParam(param: Param, tr: Translator): string | number {
  if (typeof param === 'string' || typeof param === 'number') return param;
  if ('date' in param) return formatDate(param.date, tr.lng);
  if ('treaty' in param) return tr.t(`legal:treaties.${param.treaty}.name`);
  if ('instrumentType' in param) return tr.t(`legal:instrumentTypes.${param.instrumentType}`);
  if ('languages' in param)
    return formatList(
      param.languages.map((c) => languageName(c, tr.lng)),
      tr.lng,
    );
  if ('region' in param) return regionName(param.region, tr.lng);
  if ('keys' in param)
    return formatList(
      param.keys.map((k) => tr.t(k.includes(':') ? k : `legal:${k}`)),
      tr.lng,
    );
  return tr.t(param.key.includes(':') ? param.key : `legal:${param.key}`);
}

export function formatParams(params: Params | undefined, tr: Translator): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) out[name] = formatParam(value, tr);
  return out;
}

/** Translate a message reference; keys without a namespace are looked up in `legal`. */
export function translate(ref: MessageRef, tr: Translator): string {
  const key = ref.key.includes(':') ? ref.key : `legal:${ref.key}`;
  return tr.t(key, formatParams(ref.params, tr));
}

/**
 * The citations already written, per translation function and language: the catalogue's citations are
 * the same objects from start to end, and a checklist writes each several times.
 */
const citations = new WeakMap<TFunction, Map<Language, WeakMap<Citation, string>>>();

/** "UNTOC art. 18(13)", "VCLT art. 7(2)(a)"; for the Treaty Handbook, "UN Treaty Handbook, model instrument". */
export function formatCitation(citation: Citation, tr: Translator): string {
  let byLanguage = citations.get(tr.t);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    citations.set(tr.t, byLanguage);
  }
  let written = byLanguage.get(tr.lng);
  if (written === undefined) {
    written = new WeakMap();
    byLanguage.set(tr.lng, written);
  }
  let value = written.get(citation);
  if (value === undefined) {
    value = writeCitation(citation, tr);
    written.set(citation, value);
  }
  return value;
}

function writeCitation(citation: Citation, tr: Translator): string {
  const instrument = tr.t(`legal:instruments.${citation.instrument}`);
  if (citation.instrument === 'handbook') {
    return tr.t('legal:citation', {
      context: 'handbook',
      instrument,
      article: tr.t(`legal:handbookParts.${citation.article}`),
    });
  }
  return tr.t('legal:citation', { instrument, article: articleShort(citation.article, tr.t, tr.lng) });
}

/** "treaties[0].instrument" */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg),
    '',
  );
}

/**
 * The field's label key: the path without indices, joined with "/" (i18next uses "." for nesting, and
 * "party" is a label as well as the parent of "party/kind"), e.g. "authorities/email".
 */
export function fieldKey(path: readonly PathSegment[]): string {
  return path.filter((seg) => typeof seg === 'string').join('/');
}

export interface LocalizedIssue {
  readonly severity: Issue['severity'];
  readonly code: string;
  readonly message: string;
  readonly path: string;
  readonly field: string | null;
  readonly source: (Citation & { readonly label: string }) | null;
}

export function localizeIssue(issue: Issue, tr: Translator): LocalizedIssue {
  const key = issue.code.startsWith('schema.') ? `common:${issue.code}` : `legal:${issue.code}`;
  const labelKey = `common:fields.${fieldKey(issue.path)}`;
  const field =
    issue.path.length === 0
      ? tr.t('common:packageLabel')
      : tr.t(labelKey, { defaultValue: '' }) !== ''
        ? tr.t(labelKey)
        : null;
  const params = { ...formatParams(issue.params, tr), field: field ?? formatPath(issue.path) };
  return {
    severity: issue.severity,
    code: issue.code,
    message: tr.t(key, params),
    path: formatPath(issue.path),
    field,
    source: issue.source ? { ...issue.source, label: formatCitation(issue.source, tr) } : null,
  };
}
