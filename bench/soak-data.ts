/**
 * What the soak (bench/soak.ts) sends, without sending it: a seeded random source, hostile strings,
 * fast-check arbitraries built by walking the package's JSON Schema (GET /api/v1/schema, generated from
 * the zod schema `PackageSchema`), mutations of the sample packages, and values for the pages' form fields.
 *
 * Three flavours of generated package:
 * - valid: every value of the right type and within its limits (the legal rules may still object);
 * - hostile: the same, with a hostile string in every free-text field;
 * - wild: any node may be of the wrong type, arrays and strings may pass their limits, required keys may
 *   be missing and unknown keys present.
 */
import fc from 'fast-check';

// -------------------------------------------------------------------------------------------------
// Randomness

/** A small seeded random source (mulberry32), so that a run can be repeated (SOAK_SEED). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One of the entries, each with its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, weight] of entries) {
      x -= weight;
      if (x < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A seed for fast-check. */
  seed(): number {
    return Math.floor(this.next() * 0x7fffffff);
  }

  /** Letters and digits, as in ids and markers. */
  word(length: number): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += chars[this.int(0, chars.length - 1)];
    return out;
  }
}

/** Values of an arbitrary, drawn in batches (fc.sample) with seeds from a Random. */
export class Draw<T> {
  private buffer: T[] = [];

  constructor(
    private readonly arbitrary: fc.Arbitrary<T>,
    private readonly random: Random,
    private readonly batch = 50,
  ) {}

  next(): T {
    if (this.buffer.length === 0)
      this.buffer = fc.sample(this.arbitrary, { numRuns: this.batch, seed: this.random.seed() });
    return this.buffer.pop()!;
  }
}

// -------------------------------------------------------------------------------------------------
// Hostile strings

/** Private-use markers: "\uE000" + digit + "\uE001" (the shape of an internal placeholder). */
const PRIVATE_USE = Array.from({ length: 10 }, (_, d) => `\uE000${d}\uE001`);

/** Pieces that have broken text handling somewhere: escaping, templating, XML, Unicode, controls. */
export const HOSTILE_PIECES: readonly string[] = [
  // Control characters, NUL, line breaks in one-line fields.
  '\u0000',
  'a\u0000b',
  '\u0001',
  '\u0007',
  '\b',
  '\u000B',
  '\f',
  '\u001B[31m',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u2029',
  // Lone and reversed surrogates (sent as JSON escapes "\ud800"), a real pair.
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\uDC00\uD800',
  '\uD83D\uDE00',
  // Non-characters, BOM, replacement character.
  '\uFFFE',
  '\uFFFF',
  '\uFEFF',
  '\uFFFD',
  // Bidi overrides and isolates, marks.
  '\u202E',
  'abc\u202Edef\u202C',
  '\u202D',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  // Zero-width and invisible characters.
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\u00AD',
  '\u034F',
  // Private use, including placeholders' shape, and planes 15-16.
  ...PRIVATE_USE,
  '\uE000',
  '\uE001',
  '\uF8FF',
  '\u{F0000}',
  '\u{10FFFD}',
  // Templates and translation syntax.
  '{{party}}',
  '{{{party}}}',
  '{{- party}}',
  '{{treaty}}',
  '$t(x)',
  '$t(legal:treaties.untoc.name)',
  '$t(pages.home.title, {"count": 1})',
  '{{#each this}}x{{/each}}',
  '{{constructor.constructor}}',
  // Markup and other injections.
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE drafts; --",
  '</w:t></w:r><w:r><w:t>',
  ']]>',
  '<?xml version="1.0"?>',
  '&amp;&lt;&#0;&#x0;',
  '%00',
  '%s%s%n',
  '\\',
  '\\u0000',
  '../../../../etc/passwd',
  'C:\\con\\aux',
  '__proto__',
  'constructor',
  'toString',
  // Combining marks, emoji sequences, right-to-left and wide text, odd spaces.
  'e\u0301\u0301\u0301\u0301',
  'Z\u0324\u032C\u033F\u0344a\u0334\u0321l\u0338g\u0336o',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}',
  '\u{1F3F3}\uFE0F\u200D\u{1F308}',
  '\uFDFA',
  '\u0645\u0645\u0644\u0643\u0629 \u0628\u0648\u062A\u0627\u0646',
  '\u4E0D\u4E39\u738B\u56FD',
  '\u216B',
  '\u3000',
  '\u00A0',
  ' ',
  '',
  // Values that look like other types.
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  '1e999',
];

const NORMAL_WORDS = ['Ministry', 'of', 'Justice', 'Office', 'the', 'Kingdom', 'Thimphu', 'Unit', 'Bureau'];

/**
 * A hostile string: one piece, a few pieces among words, a piece repeated to a field's limit (just under,
 * at, just over), or very long.
 */
export function hostileString(random: Random, limit = 200): string {
  const mode = random.weighted([
    ['one', 4],
    ['mix', 5],
    ['limit', 2],
    ['long', 1],
  ] as const);
  switch (mode) {
    case 'one':
      return random.pick(HOSTILE_PIECES);
    case 'mix': {
      const parts: string[] = [];
      for (let i = random.int(1, 4); i > 0; i--)
        parts.push(random.chance(0.4) ? random.pick(NORMAL_WORDS) : random.pick(HOSTILE_PIECES));
      return parts.join(random.chance(0.5) ? ' ' : '');
    }
    case 'limit': {
      const piece = random.pick(HOSTILE_PIECES) || 'x';
      const length = limit + random.int(-1, 1);
      return piece.repeat(Math.ceil(length / piece.length)).slice(0, Math.max(1, length));
    }
    case 'long': {
      // Long, but mostly within the body limit: a package has twenty-odd text fields.
      const piece = random.pick(HOSTILE_PIECES.filter((p) => p !== '' && p.length <= 4));
      return piece.repeat(random.int(300, 3_000));
    }
  }
}

// eslint-disable-next-line no-control-regex -- the characters a one-line field refuses
const REFUSED = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/**
 * The hostile pieces the package schema accepts in a one-line field. By default those without a control
 * character or line break; the soak replaces the list with what the running server accepts (it asks
 * POST /api/v1/validate about each piece), so that it follows the schema's rules as they change.
 */
let passable: readonly string[] = HOSTILE_PIECES.filter((p) => !REFUSED.test(p) && p.trim() !== '');

export function usePassablePieces(pieces: readonly string[]): void {
  if (pieces.length > 0) passable = pieces;
}

/**
 * A hostile string the package schema accepts (markup, templates, scripts, and whatever Unicode the
 * schema lets through), so that it reaches the documents and the pages rather than being refused at the
 * edge.
 */
export function passableHostile(random: Random, limit = 200): string {
  const parts: string[] = [];
  for (let i = random.int(1, 4); i > 0; i--)
    parts.push(random.chance(0.3) ? random.pick(NORMAL_WORDS) : random.pick(passable));
  const text = parts.join(random.chance(0.5) ? ' ' : '').trim();
  return text === '' ? 'x' : text.slice(0, limit);
}

/** A plausible answer: a few words. */
export function plainText(random: Random, words = 3): string {
  return Array.from({ length: random.int(1, words) }, () => random.pick(NORMAL_WORDS)).join(' ');
}

// -------------------------------------------------------------------------------------------------
// Arbitraries from the JSON Schema

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly default?: unknown;
}

export type Flavour = 'valid' | 'hostile' | 'wild';

/** Strings the schema describes only by length, whose content has rules of its own (zod refinements). */
const PHONE_KEYS = new Set(['phone', 'fax']);

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
  fc.constantFrom<unknown>({}, [], [[]], { '': null }, { length: 1 }),
  fc.integer({ min: 2, max: 400 }).map((depth) => nested(depth)),
);

/** Arrays in arrays, `depth` deep. */
export function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A real date mostly; sometimes one that does not exist, is out of range, or is not written YYYY-MM-DD. */
const dateArbitrary = (flavour: Flavour): fc.Arbitrary<string> => {
  const real = fc
    .date({
      min: new Date('1945-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const odd = fc.constantFrom(
    '2023-02-29',
    '2027-02-31',
    '2027-13-01',
    '0000-00-00',
    '1900-01-01',
    '2101-01-01',
    '9999-12-31',
    '2027-1-5',
    '15/01/2027',
    '2027-01-15T00:00:00Z',
    ' 2027-01-15',
  );
  return flavour === 'valid' ? real : fc.oneof({ weight: 3, arbitrary: real }, { weight: 1, arbitrary: odd });
};

const phoneArbitrary = (flavour: Flavour): fc.Arbitrary<string> => {
  const good = fc
    .tuple(
      fc.integer({ min: 1, max: 999 }),
      fc.array(fc.integer({ min: 10, max: 9999 }), { minLength: 2, maxLength: 3 }),
    )
    .map(([cc, groups]) => `+${cc} ${groups.join(' ')}`);
  const bad = fc.constantFrom(
    '+1',
    '12345678',
    '+44 (0) 20 7946 0000 ext 12',
    '+',
    '+1234567890123456',
    'tel:+975',
  );
  return flavour === 'valid' ? good : fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: bad });
};

function textArbitrary(schema: JsonSchema, flavour: Flavour): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  const words = fc
    .array(fc.constantFrom(...NORMAL_WORDS), { minLength: 1, maxLength: 6 })
    .map((w) => w.join(' ').slice(0, max));
  const any = fc.string({ minLength: Math.max(1, min), maxLength: Math.min(max, 40), unit: 'grapheme' });
  const nearLimit = fc.integer({ min: Math.max(1, max - 1), max }).map((n) => 'x'.repeat(n));
  const valid = fc.oneof(
    { weight: 6, arbitrary: words },
    { weight: 2, arbitrary: any.filter((s) => s.trim().length > 0) },
    { weight: 1, arbitrary: nearLimit },
  );
  if (flavour === 'valid') return valid;
  const hostile = fc.integer().map((seed) => hostileString(new Random(seed), max));
  if (flavour === 'hostile')
    return fc.oneof({ weight: 1, arbitrary: valid }, { weight: 4, arbitrary: hostile });
  const over = fc.integer({ min: max + 1, max: max * 3 + 10 }).map((n) => 'y'.repeat(n));
  const blank = fc.constantFrom('', ' ', '\t', '\u00A0');
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: over },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  );
}

function stringArbitrary(schema: JsonSchema, key: string, flavour: Flavour): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) {
    const values = fc.constantFrom(...schema.enum);
    if (flavour !== 'wild') return values;
    const near = fc.constantFrom(...schema.enum).map((v) => (typeof v === 'string' ? v.toUpperCase() : v));
    return fc.oneof(
      { weight: 8, arbitrary: values },
      { weight: 1, arbitrary: near },
      { weight: 1, arbitrary: fc.constantFrom('', 'xx', 'XX', 'other', 'untoc ', 'en-GB') },
    );
  }
  if (PHONE_KEYS.has(key)) return phoneArbitrary(flavour);
  if (schema.pattern && new RegExp(schema.pattern).test('2027-01-15')) return dateArbitrary(flavour);
  if (schema.format === 'email') {
    const email = fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
    return flavour === 'valid'
      ? fc.oneof(email, fc.constantFrom('mla@example.bt', 'a.b-c@ministry.example.org'))
      : fc.oneof(
          email,
          fc.constantFrom('no-at-sign', 'a@b', '@example.org', 'a@@example.org', 'x@example.c'),
        );
  }
  if (schema.format === 'uri') {
    const url = fc
      .webUrl({ validSchemes: ['http', 'https'] })
      .filter((u) => u.length <= (schema.maxLength ?? 500));
    return flavour === 'valid'
      ? url
      : fc.oneof(
          url,
          fc.constantFrom(
            'javascript:alert(1)',
            'ftp://example.org',
            'example.org',
            'http://',
            'https://a b',
          ),
        );
  }
  if (schema.pattern) {
    const matching = fc.stringMatching(new RegExp(schema.pattern));
    return flavour === 'wild'
      ? fc.oneof(matching, fc.constantFrom('new', '', 'a/b', 'x'.repeat(33)))
      : matching;
  }
  return textArbitrary(schema, flavour);
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return typeof schema.type === 'string' ? [schema.type] : [...schema.type];
}

/**
 * An arbitrary for the values a JSON Schema node describes. `key` is the property the node is under (to
 * recognise the few strings whose rules the JSON Schema does not carry, such as telephone numbers).
 */
export function arbitraryFor(schema: JsonSchema, flavour: Flavour, key = ''): fc.Arbitrary<unknown> {
  const normal = plainArbitraryFor(schema, flavour, key);
  if (flavour !== 'wild') return normal;
  return fc.oneof({ weight: 14, arbitrary: normal }, { weight: 1, arbitrary: wrongValue });
}

function plainArbitraryFor(schema: JsonSchema, flavour: Flavour, key: string): fc.Arbitrary<unknown> {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => arbitraryFor(b, flavour, key)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  const types = typesOf(schema);
  if (types.length > 1)
    return fc.oneof(...types.map((type) => plainArbitraryFor({ ...schema, type }, flavour, key)));
  switch (types[0]) {
    case 'object':
      return objectArbitrary(schema, flavour);
    case 'array':
      return arrayArbitrary(schema, flavour, key);
    case 'string':
      return stringArbitrary(schema, key, flavour);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'integer':
      return fc.integer();
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    default:
      return schema.enum ? fc.constantFrom(...schema.enum) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, flavour: Flavour): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, child] of Object.entries(properties)) model[name] = arbitraryFor(child, flavour, name);
  const required = (schema.required ?? []).filter((name) => name in model);
  const record = fc.record(model, { requiredKeys: required });
  if (flavour !== 'wild') return record;
  return fc
    .tuple(
      record,
      fc.option(
        fc.dictionary(fc.constantFrom('extra', '__proto__', 'constructor', 'Party', 'id', ''), wrongValue),
        {
          freq: 6,
        },
      ),
      fc.option(fc.constantFrom(...(required.length > 0 ? required : [''])), { freq: 6 }),
    )
    .map(([value, extra, drop]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (extra)
        for (const [k, v] of Object.entries(extra))
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      if (drop) delete out[drop];
      return out;
    });
}

function arrayArbitrary(schema: JsonSchema, flavour: Flavour, key: string): fc.Arbitrary<unknown> {
  const item = arbitraryFor(schema.items ?? {}, flavour, key);
  const min = schema.minItems ?? 0;
  const max = schema.maxItems ?? 8;
  // Long lists make every document longer, not more interesting: a few entries, sometimes the most.
  const cap = Math.max(min, Math.min(max, 3));
  const unique = schema.items?.enum !== undefined;
  const normal = unique
    ? fc.uniqueArray(item, { minLength: min, maxLength: cap, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength: min, maxLength: cap });
  if (flavour !== 'wild') return normal;
  const over = fc.array(item, { minLength: max + 1, maxLength: max + 2 });
  return fc.oneof(
    { weight: 10, arbitrary: normal },
    { weight: 1, arbitrary: over },
    { weight: 1, arbitrary: fc.constant([]) },
  );
}

/**
 * Make a generated valid package more likely to parse: one choice per treaty, one earlier consent per
 * treaty, entry ids unique (rules the JSON Schema cannot state).
 */
export function tidyPackage(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const pkg = { ...(value as Record<string, unknown>) };
  const uniqueBy = (list: unknown, field: string) => {
    if (!Array.isArray(list)) return list;
    const seen = new Set<unknown>();
    return list.filter((entry: unknown) => {
      const k =
        typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[field] : entry;
      if (k === undefined) return true;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  pkg.treaties = uniqueBy(pkg.treaties, 'treaty');
  pkg.priorConsents = uniqueBy(pkg.priorConsents, 'treaty');
  pkg.authorities = uniqueBy(pkg.authorities, 'id');
  pkg.declarations = uniqueBy(pkg.declarations, 'id');
  return pkg;
}

/** The property names whose values are free text (strings with only a length), from the schema. */
export function textKeys(schema: JsonSchema, out = new Set<string>(), key = ''): Set<string> {
  const isText =
    typesOf(schema).includes('string') &&
    schema.enum === undefined &&
    schema.const === undefined &&
    schema.pattern === undefined &&
    schema.format === undefined &&
    schema.maxLength !== undefined &&
    !PHONE_KEYS.has(key);
  if (isText && key) out.add(key);
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) textKeys(branch, out, key);
  for (const [name, child] of Object.entries(schema.properties ?? {})) textKeys(child, out, name);
  if (schema.items) textKeys(schema.items, out, key);
  return out;
}

// -------------------------------------------------------------------------------------------------
// Mutations of the samples

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

interface Slot {
  readonly parent: Json[] | { [key: string]: Json };
  readonly key: string | number;
  /** The property the value is under: its key, or for an array item the array's key. */
  readonly name: string;
}

/** Every place in a JSON value that holds a value (not the root). */
function slots(value: Json, out: Slot[] = [], name = ''): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ parent: value, key: i, name });
      slots(v, out, name);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value, key: k, name: k });
      slots(v, out, k);
    }
  }
  return out;
}

const get = (slot: Slot): Json => (slot.parent as Record<string | number, Json>)[slot.key]!;
const set = (slot: Slot, v: Json) => {
  (slot.parent as Record<string | number, Json>)[slot.key] = v;
};

/** Put a hostile string in every free-text field of a package (or in some of them). */
export function hostileFields(
  pkg: unknown,
  keys: ReadonlySet<string>,
  random: Random,
  options: { share?: number; passable?: boolean } = {},
): unknown {
  const share = options.share ?? 1;
  const make = options.passable ? passableHostile : hostileString;
  const out = clone(pkg as Json);
  for (const slot of slots(out)) {
    const value = get(slot);
    const name = slot.name;
    if (typeof value === 'string' && keys.has(name) && random.chance(share))
      set(slot, make(random, name === 'text' ? 5000 : name === 'postcode' ? 30 : 200));
  }
  return out;
}

export const MUTATIONS = [
  'drop',
  'duplicate',
  'retype',
  'huge-string',
  'deep-nesting',
  'array-for-object',
  'object-for-array',
  'prototype-keys',
  'odd-number',
  'swap-values',
  'entry-ids',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** One to three mutations of a package, named (for the report). */
export function mutatePackage(
  pkg: unknown,
  random: Random,
  bodyLimit: number,
): { value: unknown; applied: Mutation[] } {
  const out = clone(pkg as Json);
  const applied: Mutation[] = [];
  for (let n = random.int(1, 3); n > 0; n--) {
    const all = slots(out);
    if (all.length === 0) break;
    const slot = random.pick(all);
    const value = get(slot);
    const mutation = random.pick(MUTATIONS);
    applied.push(mutation);
    switch (mutation) {
      case 'drop':
        if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
        else delete slot.parent[slot.key as string];
        break;
      case 'duplicate': {
        const arrays = all.map(get).filter((v): v is Json[] => Array.isArray(v) && v.length > 0);
        if (arrays.length > 0) {
          const list = random.pick(arrays);
          for (let i = random.pick([1, 1, 2, 20, 25]); i > 0; i--) list.push(clone(random.pick(list)));
        } else set(slot, [value, clone(value)]);
        break;
      }
      case 'retype':
        set(
          slot,
          random.pick<Json>([
            null,
            true,
            false,
            0,
            -1,
            1.5,
            1e21,
            '',
            'x',
            [],
            {},
            [value],
            { value },
            String(value),
          ]),
        );
        break;
      case 'huge-string': {
        const strings = all.filter((s) => typeof get(s) === 'string');
        const target = strings.length > 0 ? random.pick(strings) : slot;
        const length = random.pick([
          199,
          200,
          201,
          4999,
          5000,
          5001,
          100_000,
          bodyLimit - 200,
          bodyLimit + 10,
        ]);
        set(
          target,
          random.pick(['x', '\u00E9', '\u{1F600}', ' ']).repeat(Math.max(1, length)).slice(0, length),
        );
        break;
      }
      case 'deep-nesting':
        // Written into the JSON text by toJson: JSON.stringify itself would overflow the stack.
        set(slot, `@@deep:${random.pick(['array', 'object'])}:${random.pick([50, 1_000, 10_000, 40_000])}@@`);
        break;
      case 'array-for-object':
        set(slot, random.chance(0.5) ? [value] : []);
        break;
      case 'object-for-array':
        set(
          slot,
          Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : { 0: value },
        );
        break;
      case 'prototype-keys': {
        const objects = [out, ...all.map(get)].filter(
          (v): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v),
        );
        const target = random.pick(objects);
        const keyName = random.pick([
          '__proto__',
          'constructor',
          'prototype',
          'toString',
          'hasOwnProperty',
          'valueOf',
        ]);
        Object.defineProperty(target, keyName, {
          value: random.pick<Json>([{ polluted: true }, null, 'x', [], 1]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        break;
      }
      case 'odd-number':
        set(slot, random.pick([Number.MAX_SAFE_INTEGER + 2, -0, 1e308, 5e-324, 0.1 + 0.2]));
        break;
      case 'swap-values': {
        const other = random.pick(all);
        const a = get(slot);
        set(slot, clone(get(other)));
        set(other, a);
        break;
      }
      case 'entry-ids': {
        const entries = all
          .map(get)
          .filter(
            (v): v is { [key: string]: Json } =>
              typeof v === 'object' && v !== null && !Array.isArray(v) && ('roles' in v || 'kind' in v),
          );
        if (entries.length > 0)
          random.pick(entries).id = random.pick<Json>([
            'new',
            'a1',
            'd1',
            '',
            'x'.repeat(33),
            'a/b',
            '..',
            7,
            null,
          ]);
        break;
      }
    }
  }
  return { value: out, applied };
}

const DEEP = /"@@deep:(array|object):(\d+)@@"/g;

/** JSON text for a value, with the deep nestings `mutatePackage` asked for written out. */
export function toJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'null';
  } catch {
    text = 'null';
  }
  return text.replace(DEEP, (_m, kind: string, depth: string) => {
    const n = Number(depth);
    return kind === 'array' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}{}${'}'.repeat(n)}`;
  });
}

/**
 * JSON text with a change only text can carry: a number too large for a double, duplicate keys, a byte
 * order mark, trailing garbage, a cut, invalid UTF-8 bytes inside a string.
 */
export function tweakJsonText(text: string, random: Random): Buffer {
  switch (random.int(0, 8)) {
    case 0:
      return Buffer.from(text.replace(/\bnull\b/, '1e999'), 'utf8');
    case 1:
      return Buffer.from(text.replace(/^\{/, '{"party":null,"treaties":"x",'), 'utf8');
    case 2:
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 3:
      return Buffer.from(`${text}${random.pick(['x', '}', ',', ' ', '\u0000', '[]'])}`, 'utf8');
    case 4:
      return Buffer.from(text.slice(0, random.int(0, text.length)), 'utf8');
    case 5: {
      const at = text.indexOf('":"');
      const bytes = Buffer.from(text, 'utf8');
      if (at < 0) return bytes;
      const cut = Buffer.byteLength(text.slice(0, at + 3), 'utf8');
      return Buffer.concat([
        bytes.subarray(0, cut),
        Buffer.from([random.pick([0xff, 0xc0, 0xed, 0x80]), 0xa0, 0x80]),
        bytes.subarray(cut),
      ]);
    }
    case 6:
      return Buffer.from(text.replace(/"([a-z]+)":/, '"$1\\u0000":'), 'utf8');
    case 7:
      return Buffer.from(text.replace(/"/, "'"), 'utf8');
    default:
      return Buffer.from(text.replace(/:/g, ' : '), 'utf8');
  }
}
