/**
 * What the domain says about a package: issues that carry message keys and typed parameters, never
 * sentences (STYLE habit 4). The edge (server/i18n/messages.ts) turns them into words in the reader's
 * language, formatting dates, treaty names and language names for that language.
 */
import type { z } from 'zod';
import type { CitedInstrument, TreatyId } from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';

/** A message parameter. Typed values are formatted per language at the edge. */
export type Param =
  | string
  | number
  | { readonly date: IsoDate }
  | { readonly treaty: TreatyId }
  | { readonly instrumentType: string }
  | { readonly languages: readonly string[] }
  | { readonly region: string }
  /** Another message key, translated in the same language (e.g. an office name). */
  | { readonly key: string }
  /** Several message keys, translated and joined as a list ("name and title"). */
  | { readonly keys: readonly string[] };

export type Params = Readonly<Record<string, Param>>;

/** A reference to a message: its key and its parameters. */
export interface MessageRef {
  readonly key: string;
  readonly params?: Params;
}

export interface Citation {
  readonly instrument: CitedInstrument;
  readonly article: string;
}

export type Severity = 'error' | 'warning' | 'info';

export type PathSegment = string | number;

export interface Issue {
  readonly severity: Severity;
  /** The message key, e.g. "rules.instrumentType.nonSignatory". Stable: clients may rely on it. */
  readonly code: string;
  /** Where in the package the issue is, e.g. ["treaties", 0, "instrument"]; [] for the whole package. */
  readonly path: readonly PathSegment[];
  readonly params: Params;
  /** The article the rule applies; null for format checks. */
  readonly source: Citation | null;
}

export function issue(
  severity: Severity,
  code: string,
  path: readonly PathSegment[],
  source: Citation | null,
  params: Params = {},
): Issue {
  return { severity, code, path, params, source };
}

/**
 * zod's issues as ours. Custom checks carry our key as their message ("schema.*"); zod's own codes
 * (a missing field, an unknown key, a wrong type) map to keys here. The issues must come from a parse
 * with `reportInput: true` (parsePackage does so): a missing field is told from a wrong type by `input`.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((zi) => {
    const path = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const own = typeof zi.message === 'string' && zi.message.startsWith('schema.');
    let code = own ? zi.message : 'schema.invalid';
    const params: Record<string, Param> = {};
    switch (zi.code) {
      case 'invalid_type':
        // An absent required field arrives as invalid_type with input undefined.
        code = zi.input === undefined ? 'schema.required' : own ? code : 'schema.invalidType';
        break;
      case 'too_big':
        params.max = Number(zi.maximum);
        if (!own) code = zi.origin === 'array' ? 'schema.tooMany' : 'schema.tooLong';
        break;
      case 'too_small':
        params.min = Number(zi.minimum);
        if (!own) code = zi.origin === 'array' ? 'schema.tooFew' : 'schema.empty';
        break;
      case 'unrecognized_keys':
        code = 'schema.unknownField';
        params.keys = zi.keys.join(', ');
        break;
      case 'invalid_value':
        // The values a closed list allows ("ar, en, es, fr, ru, zh"), for messages that name them.
        params.allowed = zi.values.map(String).join(', ');
        if (!own) code = 'schema.notInList';
        break;
      case 'invalid_union':
        if (!own) code = 'schema.notInList';
        break;
      case 'custom':
        // Our own checks name what they found (package.ts: the character a field refuses, "U+202E").
        for (const [name, value] of Object.entries(zi.params ?? {}))
          if (typeof value === 'string' || typeof value === 'number') params[name] = value;
        break;
      default:
        break;
    }
    return issue('error', code, path, null, params);
  });
}
