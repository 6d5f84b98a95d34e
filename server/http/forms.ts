/**
 * Forms as data (the DEFRA forms-engine habit): a page lists its fields, each with the package path it
 * answers; this file reads a submitted form into values, writes them into a copy of the package, checks
 * the result against the package schema (the one zod schema the API uses too), and turns the schema's
 * issues into the GOV.UK error summary and inline messages, in the page's language.
 *
 * A blank answer is "not answered yet" (null), never an error, unless the field says it is required:
 * a draft may be saved half done, and the task list, the checklist and final mode say what is missing.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isRealDate, PackageSchema, type Package } from '../domain/package';
import { fromZodIssues, type PathSegment } from '../domain/issues';

export type FieldKind = 'text' | 'textarea' | 'date' | 'yesno' | 'radios' | 'checkboxes' | 'select' | 'list';

export interface FieldOption {
  readonly value: string;
  /** Already translated. */
  readonly label: string;
  readonly hint?: string;
  /** The language of the label, when it is not the page's (a language's own name). */
  readonly lang?: string;
  /** For a select: the group it is listed under (an <optgroup>), in order of first appearance. */
  readonly group?: string;
}

export interface FieldDef {
  /** The HTML name and id; unique on its page. */
  readonly name: string;
  readonly kind: FieldKind;
  /** Where the value lives in the package. */
  readonly path: readonly PathSegment[];
  /** Already translated. */
  readonly label: string;
  readonly hint?: string;
  readonly options?: readonly FieldOption[];
  /** The message when left blank; absent = optional. */
  readonly required?: string;
  readonly width?: 'full' | 'two-thirds' | 'half' | 'third' | 'short';
  readonly autocomplete?: string;
  /** For "list" fields (several values in one input): what separates them. */
  readonly separator?: 'lines' | 'commas';
  /**
   * The language the answer is written in, when it is not the page's (an answer that goes into the
   * documents as typed, in the documents' language): the input's lang.
   */
  readonly lang?: string;
  /** The hint's language, when it is not the page's (the answer being translated, shown as the hint). */
  readonly hintLang?: string;
  /** A heading printed before the field: it starts a group of fields on a long form. */
  readonly groupHeading?: string;
  /** What a blank answer means, shown on check answers once the page has been saved ("None"). */
  readonly blank?: string;
  /**
   * A schema the value is checked against on its own, for a field whose place in the package is not
   * one path (a competence text per treaty becomes an entry of a list only when it is written).
   */
  readonly schema?: z.ZodType;
}

/** What the user typed, kept as typed, so that a page with errors shows it back. */
export type RawValue =
  string | readonly string[] | { readonly day: string; readonly month: string; readonly year: string };

export type FieldValue = string | boolean | readonly string[] | null;

export interface FieldError {
  readonly name: string;
  /** The element the error summary links to (a date's day input, a radio group's first radio). */
  readonly href: string;
  readonly message: string;
}

type Body = Record<string, unknown>;

function str(body: Body, name: string): string {
  const v = body[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
}

function strings(body: Body, name: string): string[] {
  const v = body[name];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** The anchor the error summary links to for a field. */
export function fieldHref(field: FieldDef): string {
  switch (field.kind) {
    case 'date':
      return `#${field.name}-day`;
    case 'yesno':
    case 'radios':
    case 'checkboxes':
      return `#${field.name}${field.options && field.options.length > 0 ? `-${field.options[0]!.value}` : '-yes'}`;
    default:
      return `#${field.name}`;
  }
}

export function readRaw(body: Body, field: FieldDef): RawValue {
  switch (field.kind) {
    case 'date':
      return {
        day: str(body, `${field.name}-day`).trim(),
        month: str(body, `${field.name}-month`).trim(),
        year: str(body, `${field.name}-year`).trim(),
      };
    case 'checkboxes':
      return strings(body, field.name);
    default:
      return str(body, field.name);
  }
}

/**
 * A raw value as the form fields that send it: a date as its three inputs, checkboxes as one value each.
 * What the conflict page and the "entry removed" page carry in hidden fields, so that what was typed is
 * sent again exactly as it was.
 */
export function bodyFromRaw(field: FieldDef, raw: RawValue): { name: string; value: string }[] {
  if (field.kind === 'date') {
    const d =
      typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as { day: string; month: string; year: string })
        : null;
    return [
      { name: `${field.name}-day`, value: d?.day ?? '' },
      { name: `${field.name}-month`, value: d?.month ?? '' },
      { name: `${field.name}-year`, value: d?.year ?? '' },
    ];
  }
  if (Array.isArray(raw)) return (raw as readonly string[]).map((value) => ({ name: field.name, value }));
  return [{ name: field.name, value: typeof raw === 'string' ? raw : '' }];
}

/** The names a field's inputs send (a date sends three). */
export function inputNames(field: FieldDef): string[] {
  return field.kind === 'date'
    ? [`${field.name}-day`, `${field.name}-month`, `${field.name}-year`]
    : [field.name];
}

/** The raw value as the field shows it when the page is first opened. */
export function rawFromValue(field: FieldDef, value: unknown): RawValue {
  if (field.kind === 'date') {
    const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    return m
      ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! }
      : { day: '', month: '', year: '' };
  }
  if (field.kind === 'checkboxes') return Array.isArray(value) ? value.map(String) : [];
  if (field.kind === 'yesno') return value === true ? 'yes' : value === false ? 'no' : '';
  if (field.kind === 'list')
    return Array.isArray(value) ? value.join(field.separator === 'lines' ? '\n' : ', ') : '';
  return typeof value === 'string' ? value : '';
}

type Parsed =
  { readonly ok: true; readonly value: FieldValue } | { readonly ok: false; readonly message: string };

function parseDate(field: FieldDef, raw: { day: string; month: string; year: string }, t: TFunction): Parsed {
  const { day, month, year } = raw;
  if (!day && !month && !year)
    return field.required ? { ok: false, message: field.required } : { ok: true, value: null };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter((x): x is string => Boolean(x));
  if (missing.length > 0) {
    return {
      ok: false,
      message: t('pages.errors.dateIncomplete', {
        label: field.label,
        parts: missing.map((p) => t(`pages.date.${p}`)).join(t('pages.date.and')),
      }),
    };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: t('pages.errors.dateNotReal', { label: field.label }) };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isRealDate(iso)) return { ok: false, message: t('pages.errors.dateNotReal', { label: field.label }) };
  return { ok: true, value: iso };
}

/** Turn what was typed into the value the package holds, or a message. */
export function parseRaw(field: FieldDef, raw: RawValue, t: TFunction): Parsed {
  const blank = (): Parsed =>
    field.required ? { ok: false, message: field.required } : { ok: true, value: null };
  const allowed = (v: string) => (field.options ?? []).some((o) => o.value === v);
  if (field.kind === 'date')
    return parseDate(
      field,
      typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as { day: string; month: string; year: string })
        : { day: '', month: '', year: '' },
      t,
    );
  if (field.kind === 'checkboxes') {
    const list: readonly string[] = Array.isArray(raw)
      ? raw
      : typeof raw === 'string' && raw !== ''
        ? [raw]
        : [];
    if (list.some((v) => !allowed(v)))
      return { ok: false, message: t('pages.errors.notInList', { label: field.label }) };
    if (list.length === 0 && field.required) return { ok: false, message: field.required };
    return { ok: true, value: [...new Set(list)] };
  }
  const text = (typeof raw === 'string' ? raw : '').trim();
  switch (field.kind) {
    case 'yesno':
      if (text === '') return blank();
      if (text !== 'yes' && text !== 'no')
        return { ok: false, message: t('pages.errors.notInList', { label: field.label }) };
      return { ok: true, value: text === 'yes' };
    case 'radios':
    case 'select':
      if (text === '') return blank();
      if (!allowed(text)) return { ok: false, message: t('pages.errors.notInList', { label: field.label }) };
      return { ok: true, value: text };
    case 'list': {
      const parts = (field.separator === 'lines' ? text.split(/\r\n|\r|\n/) : text.split(/[,;]/))
        .map((s) => s.trim())
        .filter(Boolean);
      if (parts.length === 0 && field.required) return { ok: false, message: field.required };
      return { ok: true, value: parts };
    }
    default:
      // Line breaks typed in a text area are kept as \n (the schema allows them there).
      return text === ''
        ? blank()
        : { ok: true, value: field.kind === 'textarea' ? text.replace(/\r\n?/g, '\n') : text };
  }
}

/** A copy of `root` with `value` at `path`, creating objects on the way. */
export function setIn<T>(root: T, path: readonly PathSegment[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const container: Record<string | number, unknown> = Array.isArray(root)
    ? ([...root] as unknown as Record<number, unknown>)
    : { ...(root as object) };
  container[head] = setIn(container[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  return container as T;
}

export function getIn(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

/** The page's message for a schema issue on a field ("pages.errors.<schema code>"). */
function schemaMessage(code: string, field: FieldDef, params: Record<string, unknown>, t: TFunction): string {
  const name = code.replace(/^schema\./, '');
  const key = `pages.errors.${name}`;
  return t(key, {
    label: field.label,
    ...params,
    defaultValue: t('pages.errors.invalid', { label: field.label }),
  });
}

/** Each field's value written at its path (a blank answer as null), in a copy of the package. */
export function writeFields(
  pkg: Package,
  fields: readonly FieldDef[],
  values: ReadonlyMap<string, FieldValue>,
): unknown {
  return fields.reduce<unknown>((acc, f) => setIn(acc, f.path, values.get(f.name) ?? null), pkg);
}

export interface FormResult {
  readonly raw: Readonly<Record<string, RawValue>>;
  readonly errors: readonly FieldError[];
  /** The package with the answers written in, when there is no error. */
  readonly pkg: Package | null;
}

/**
 * Read the fields from the body and write them into the package with `apply` (by default, each value
 * at its field's path); then check the whole package against the schema and keep the issues that fall
 * on this page's fields.
 */
export function submitForm(
  pkg: Package,
  fields: readonly FieldDef[],
  body: Body,
  t: TFunction,
  apply: (pkg: Package, values: ReadonlyMap<string, FieldValue>) => unknown = (p, values) =>
    writeFields(p, fields, values),
): FormResult {
  const raw: Record<string, RawValue> = {};
  const values = new Map<string, FieldValue>();
  const errors: FieldError[] = [];
  for (const field of fields) {
    raw[field.name] = readRaw(body, field);
    const parsed = parseRaw(field, raw[field.name]!, t);
    if (!parsed.ok) {
      errors.push({ name: field.name, href: fieldHref(field), message: parsed.message });
      continue;
    }
    const own = field.schema && parsed.value !== null ? field.schema.safeParse(parsed.value) : null;
    if (own && !own.success) {
      const issue = fromZodIssues(own.error.issues)[0];
      const params = Object.fromEntries(
        Object.entries(issue?.params ?? {}).filter(([, v]) => typeof v === 'number' || typeof v === 'string'),
      );
      errors.push({
        name: field.name,
        href: fieldHref(field),
        message: schemaMessage(issue?.code ?? 'schema.invalid', field, params, t),
      });
      continue;
    }
    values.set(field.name, parsed.value);
  }
  if (errors.length > 0) return { raw, errors, pkg: null };
  const candidate = apply(pkg, values);
  const parsed = PackageSchema.safeParse(candidate, { reportInput: true });
  if (parsed.success) return { raw, errors: [], pkg: parsed.data };
  // Each issue goes to the field whose path is the longest prefix of the issue's path.
  const byField = new Map<string, string>();
  const unplaced: string[] = [];
  for (const issue of fromZodIssues(parsed.error.issues)) {
    const owner = [...fields]
      .filter((f) => startsWith(issue.path, f.path))
      .sort((a, b) => b.path.length - a.path.length)[0];
    const params = Object.fromEntries(
      Object.entries(issue.params).filter(([, v]) => typeof v === 'number' || typeof v === 'string'),
    );
    if (owner) {
      if (!byField.has(owner.name)) byField.set(owner.name, schemaMessage(issue.code, owner, params, t));
    } else {
      unplaced.push(issue.code);
    }
  }
  for (const field of fields) {
    const message = byField.get(field.name);
    if (message) errors.push({ name: field.name, href: fieldHref(field), message });
  }
  // An issue outside this page's fields means the stored draft itself is off; say so rather than lose it.
  // A rule of the whole package with its own page-level words (pages.errors.page.*) says what to do.
  if (errors.length === 0 && unplaced.length > 0) {
    const own = unplaced
      .map((code) => t(`pages.errors.page.${code.replace(/^schema\./, '')}`, { defaultValue: '' }))
      .find((m) => m !== '');
    errors.push({ name: '_page', href: '#main', message: own ?? t('pages.errors.elsewhere') });
  }
  return { raw, errors, pkg: null };
}

/**
 * Autocomplete tokens (HTML's autofill field names) whose values are written left to right in every
 * language: e-mail addresses, telephone numbers, web addresses, postcodes.
 */
const LEFT_TO_RIGHT = new Set(['email', 'tel', 'tel-national', 'tel-local', 'url', 'impp', 'postal-code']);

/**
 * The direction of what is typed in a text field: "ltr" for values that are always left to right (by
 * the field's autocomplete token, the last one: "fax tel" is a telephone number), "auto" for free text,
 * whose first strong letter decides (a Latin name in an Arabic page, an Arabic one in an English page);
 * null for the other kinds (choices and dates: their text is the page's).
 */
export function fieldDirection(field: FieldDef): 'ltr' | 'auto' | null {
  if (field.kind !== 'text' && field.kind !== 'textarea' && field.kind !== 'list') return null;
  const token = field.autocomplete?.trim().split(/\s+/).pop();
  return token !== undefined && LEFT_TO_RIGHT.has(token) ? 'ltr' : 'auto';
}

const WIDTHS: Readonly<Record<NonNullable<FieldDef['width']>, string>> = {
  full: 'input-full',
  'two-thirds': 'input-two-thirds',
  half: 'input-half',
  third: 'input-third',
  short: 'input-short',
};

/**
 * What a field's partial (templates/partials/field-*.hbs) reads. Every property is present (null when
 * unused), since the templates compile in strict mode.
 */
export function fieldView(
  field: FieldDef,
  raw: RawValue,
  error: string | null,
  options: { pageHeading?: boolean } = {},
) {
  const selected = Array.isArray(raw) ? (raw as readonly string[]) : typeof raw === 'string' ? [raw] : [];
  const date =
    typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as { day: string; month: string; year: string })
      : { day: '', month: '', year: '' };
  const kind =
    field.kind === 'yesno'
      ? 'radios'
      : field.kind === 'list'
        ? field.separator === 'lines'
          ? 'textarea'
          : 'text'
        : field.kind;
  const optionViews = (field.options ?? []).map((o, i) => ({
    value: o.value,
    label: o.label,
    hint: o.hint ?? null,
    hintId: o.hint ? `${field.name}-${o.value}-hint` : null,
    id: `${field.name}-${o.value}`,
    first: i === 0,
    checked: selected.includes(o.value),
    lang: o.lang ?? null,
    // A drop-down's option in another language may be in another script: its own letters set its
    // direction (radios and checkboxes isolate such a label in a <bdi>: partials/label.hbs).
    dir: o.lang ? ('auto' as const) : null,
  }));
  return {
    partial: `field-${kind}`,
    name: field.name,
    id: field.name,
    label: field.label,
    hint: field.hint ?? null,
    hintId: field.hint ? `${field.name}-hint` : null,
    hintLang: field.hintLang ?? null,
    error,
    errorId: error ? `${field.name}-error` : null,
    describedBy:
      [field.hint ? `${field.name}-hint` : null, error ? `${field.name}-error` : null]
        .filter(Boolean)
        .join(' ') || null,
    value: typeof raw === 'string' ? raw : '',
    day: date.day,
    month: date.month,
    year: date.year,
    widthClass: field.width ? WIDTHS[field.width] : null,
    autocomplete: field.autocomplete ?? null,
    dir: fieldDirection(field),
    lang: field.lang ?? null,
    pageHeading: options.pageHeading === true,
    groupHeading: field.groupHeading ?? null,
    inline: field.kind === 'yesno',
    options: optionViews,
    groups: optionGroups(field.options ?? [], optionViews),
  };
}

/**
 * A drop-down's options under their groups (<optgroup>), in order of each group's first option, when its
 * options name groups (the time zones of the authority's country, then the others); null otherwise.
 * Options with no group form a run of their own with a null label, drawn outside any <optgroup> (an
 * <optgroup label=""> is an unnamed group to a screen reader).
 */
function optionGroups<T>(
  defs: readonly FieldOption[],
  views: readonly T[],
): { label: string | null; options: T[] }[] | null {
  if (!defs.some((o) => o.group !== undefined)) return null;
  const groups = new Map<string | null, T[]>();
  defs.forEach((o, i) => {
    const label = o.group ?? null;
    groups.set(label, [...(groups.get(label) ?? []), views[i]!]);
  });
  return [...groups].map(([label, options]) => ({ label, options }));
}

/** What a field's partial reads: its params (templates/partials/field-*.hbs document them). */
export type FieldView = ReturnType<typeof fieldView>;
