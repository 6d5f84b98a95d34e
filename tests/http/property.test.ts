/**
 * Property tests (fast-check): whatever the body, the content type, the query or the language, the API
 * answers with a status it documents (200, 400, 404, 413, 415, 422), never a 500, and every error has the
 * error shape. Bodies are random JSON values, random values of any kind, random strings, and mutations of
 * the sample packages (random values at random paths, deleted keys, huge strings, unicode and control
 * characters, prototype keys).
 */
import fc from 'fast-check';
import type { Response } from 'supertest';
import { expectErrorShape, postForBytes, postRaw } from './helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const DOCUMENTED = [200, 400, 404, 413, 415, 422];
const DOCUMENT_NAMES = ['instrument', 'notifications', 'full-powers', 'checklist', 'bundle'] as const;

/** A documented status, and the error shape for every error; otherwise an error naming the request and the logged fault. */
function checkResponse(res: Response, label: string): void {
  if (!DOCUMENTED.includes(res.status)) {
    const lastLog = t.logLines.filter((l) => l.includes('unhandled_error')).slice(-1)[0] ?? '';
    throw new Error(
      `${label}: status ${res.status}: ${Buffer.isBuffer(res.body) ? res.body.toString('utf8').slice(0, 300) : res.text?.slice(0, 300)}\n${lastLog.slice(0, 600)}`,
    );
  }
  if (res.status !== 200) expectErrorShape(res);
}

/** A 200 from a document endpoint is a page (the HTML checklist), a .docx or a .zip. */
function checkDocument(res: Response, bytes: Buffer): void {
  if (res.status !== 200) return;
  const type = String(res.headers['content-type']);
  if (type.startsWith('text/html')) {
    expect(bytes.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    return;
  }
  expect([
    'application/zip',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ]).toContain(type);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** JSON text for any value (undefined and functions become null). */
function serialize(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

// ---- Mutations of the samples ----------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

function fullPowersVariant(): Json {
  return {
    ...(samplePackage('bhutan-accession') as { [key: string]: Json }),
    signatory: { name: 'Jane Envoy', title: 'Ambassador', office: 'other' },
    fullPowers: {
      issuer: { name: 'Pema Example', title: 'Minister', office: 'minister-for-foreign-affairs' },
      place: 'Thimphu',
      date: '2027-01-05',
    },
  };
}

const SAMPLES: Json[] = [
  samplePackage('bhutan-accession') as Json,
  samplePackage('thailand-som-ratification') as Json,
  fullPowersVariant(),
];

/** Every path in a JSON value (objects' keys and arrays' indices), the root included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'toJSON',
];

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\t',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\r\n',
  'line\nbreak',
  '\u2028\u2029',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\u200d\u200b\ufeff',
  'e\u0301\u0301\u0301',
  '👩🏽‍⚖️🇧🇹',
  '𝔘𝔑𝔗𝔒ℭ',
  'ضمان',
  '条约',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit()}',
  '%s%n%x',
  '../../etc/passwd',
  '2021-02-31',
  '2024-02-29',
  '1944-12-31',
  '2101-01-01',
  '2027-01-15',
  '2000-11-15',
  '2002-12-12',
  '0000-00-00',
  '+975 2 000 000',
  '+1',
  'a@b',
  'mla@example.bt',
  'https://example.bt/',
  'javascript:alert(1)',
  'Asia/Thimphu',
  'Mars/Olympus',
  ...PROTOTYPE_KEYS,
];

/** Values the schema knows, so mutations often stay valid and reach the rules and the document builders. */
const DOMAIN_VALUES: Json[] = [
  'untoc',
  'tip',
  'som',
  'fp',
  'accession',
  'ratification',
  'acceptance',
  'approval',
  'succession',
  'state',
  'reio',
  'EU',
  'BT',
  'TH',
  'FR',
  'XX',
  'head-of-state',
  'head-of-government',
  'minister-for-foreign-affairs',
  'other',
  'untoc-18-13',
  'untoc-31-6',
  'som-8-6',
  'fp-13-2',
  'untoc-35-3',
  'tip-15-3',
  'som-20-3',
  'fp-16-3',
  'enclosed',
  'to-follow',
  'territorial',
  'interpretative',
  'en',
  'fr',
  'dz',
  [],
  {},
  [{ treaty: 'untoc', instrument: 'accession' }],
  [
    { treaty: 'untoc', instrument: 'ratification' },
    { treaty: 'fp', instrument: 'accession' },
  ],
  [{ treaty: 'fp', instrument: 'accession' }],
  [
    {
      treaty: 'som',
      instrument: 'ratification',
      signedOn: '2001-12-18',
      signatureReservations: [{ text: 'A reservation.', confirm: null }],
    },
  ],
  [{ treaties: ['untoc'], kind: 'territorial', text: 'Does not apply to X.' }],
  [{ treaty: 'untoc', depositedOn: '2010-01-01', type: 'ratification' }],
  { kind: 'reio', code: 'EU', formalName: null },
  { kind: 'state', code: 'TH', formalName: 'the Kingdom of Thailand' },
  { name: null, title: null, office: null },
  { issuer: { name: null, title: null, office: null }, place: null, date: null },
];

const hugeString = fc.constantFrom(5001, 200, 201, 30_000, 300_000).map((n) => 'x'.repeat(n));
const unicodeString = fc.string({ unit: 'binary', maxLength: 40 });
const graphemeString = fc.string({ unit: 'grapheme', maxLength: 40 });
const controlString = fc
  .array(fc.integer({ min: 0, max: 0x9f }), { maxLength: 20 })
  .map((codes) => String.fromCharCode(...codes));

const randomValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 3, arbitrary: fc.constantFrom(...DOMAIN_VALUES) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: unicodeString },
  { weight: 1, arbitrary: graphemeString },
  { weight: 1, arbitrary: controlString },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
  },
);

type Mutation =
  | { kind: 'leaf'; pick: number; text: string; flag: boolean | null; domain: Json }
  | { kind: 'set'; pick: number; value: Json }
  | { kind: 'delete'; pick: number }
  | { kind: 'addKey'; pick: number; key: string; value: Json }
  | { kind: 'wrap'; pick: number };

/** Text a free-text field accepts (no control characters), and texts that test its edges. */
const fieldText = fc.oneof(
  graphemeString,
  fc.constantFrom(...SPECIAL_STRINGS),
  fc.constantFrom(200, 201, 5000).map((n) => 'é'.repeat(n)),
);

/** A mutation that keeps each leaf's kind (text for text, yes/no for yes/no): packages often still parse. */
const leafMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('leaf' as const),
  pick: fc.nat(),
  text: fieldText,
  flag: fc.constantFrom(true, false, null),
  domain: fc.constantFrom(...DOMAIN_VALUES),
});

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: leafMutation },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: randomValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('addKey' as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 })),
      value: randomValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), pick: fc.nat() }) },
);

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/**
 * Sets an own property, even "__proto__" (which plain assignment would turn into a prototype change), to a
 * copy of the value: the arbitraries hand out the same constant objects ({} and [] among the domain values)
 * again and again, and putting one object in two places lets a later "addKey" make the package contain
 * itself, a cycle that no JSON body can be made of.
 */
function setOwn(target: { [key: string]: Json } | Json[], key: string | number, value: Json): void {
  Object.defineProperty(target, key, {
    value: structuredClone(value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function parentOf(
  root: Json,
  path: Path,
): { parent: { [key: string]: Json } | Json[]; key: string | number } | null {
  if (path.length === 0) return null;
  let node: Json = root;
  for (const seg of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as { [key: string]: Json })[seg as string] ?? null;
  }
  if (node === null || typeof node !== 'object') return null;
  return { parent: node, key: path[path.length - 1] as string | number };
}

function getAt(root: Json, path: Path): Json {
  let node: Json = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as { [key: string]: Json })[seg as string] ?? null;
  }
  return node;
}

function applyMutation(root: Json, m: Mutation): Json {
  const paths = pathsOf(root);
  const path = paths[m.pick % paths.length] ?? [];
  const at = parentOf(root, path);
  switch (m.kind) {
    case 'leaf': {
      // Only leaves: strings get other text (or a code from the lists), yes/no answers another answer.
      const leaves = paths.filter((p) => {
        const v = getAt(root, p);
        return p.length > 0 && (v === null || typeof v === 'string' || typeof v === 'boolean');
      });
      const leafPath = leaves[m.pick % Math.max(1, leaves.length)];
      const leafAt = leafPath ? parentOf(root, leafPath) : null;
      if (!leafPath || !leafAt) return root;
      const current = getAt(root, leafPath);
      const next =
        typeof current === 'string'
          ? m.pick % 3 === 0
            ? m.domain
            : m.text
          : typeof current === 'boolean'
            ? m.flag
            : m.pick % 2 === 0
              ? m.flag
              : m.domain;
      setOwn(leafAt.parent, leafAt.key, next);
      return root;
    }
    case 'set':
      if (!at) return structuredClone(m.value);
      setOwn(at.parent, at.key, m.value);
      return root;
    case 'delete':
      if (!at) return root;
      if (Array.isArray(at.parent) && typeof at.key === 'number') at.parent.splice(at.key, 1);
      else delete (at.parent as { [key: string]: Json })[at.key as string];
      return root;
    case 'addKey': {
      const target = getAt(root, path);
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        setOwn(target, m.key, m.value);
      return root;
    }
    case 'wrap': {
      const value = getAt(root, path);
      if (!at) return [structuredClone(value)];
      setOwn(at.parent, at.key, Array.isArray(value) ? (value[0] ?? null) : [value]);
      return root;
    }
  }
}

function mutated(of: fc.Arbitrary<Mutation>, maxLength: number): fc.Arbitrary<Json> {
  return fc
    .tuple(fc.nat({ max: SAMPLES.length - 1 }), fc.array(of, { minLength: 1, maxLength }))
    .map(([which, mutations]) =>
      mutations.reduce((pkg, m) => applyMutation(pkg, m), clone(SAMPLES[which] ?? null)),
    );
}

/** Any mutation: most of these packages no longer parse. */
const mutatedSample = mutated(mutation, 4);
/** Mutations that keep the kind of each leaf: many of these packages parse and reach the documents. */
const gentlyMutatedSample = mutated(leafMutation, 3);

// ---- Queries and headers -----------------------------------------------------------------------------

const queryValue = (valid: readonly string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom('', 'xyz', 'FR', '../../etc', '%00', '<x>') },
  );
const query: fc.Arbitrary<string> = fc
  .record(
    {
      mode: queryValue(['draft', 'final']),
      lang: queryValue(['en', 'fr']),
      treaty: queryValue(['untoc', 'tip', 'som', 'fp']),
      format: queryValue(['docx', 'html']),
      x: fc.string({ maxLength: 8 }),
    },
    { requiredKeys: [] },
  )
  .map((params) =>
    Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&'),
  )
  .map((q) => (q ? `?${q}` : ''));

const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
const contentType = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=UTF-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json; charset=nope',
      'application/json;',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'application/ld+json',
      'application/x-ndjson',
      'text/json',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      '*/*',
      'application/*',
      'json',
      ';',
    ),
  },
  { weight: 1, arbitrary: headerText },
);
const acceptLanguage = fc.oneof(
  fc.constantFrom('fr', 'en', 'fr-CH, fr;q=0.9', 'de', '*', 'fr;q=0', 'en;q=abc', ''),
  headerText,
);

// ---- The properties ------------------------------------------------------------------------------------

describe('POST /api/v1/validate never answers with an undocumented status', () => {
  test('random JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await postRaw(t.app, '/api/v1/validate', serialize(value), JSON_HEADERS);
        checkResponse(res, 'jsonValue');
        expect(res.status).toBe(422); // a random value is never a package
      }),
      { numRuns: 200 },
    );
  });

  test('random values of any kind, serialized', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
        async (value) => {
          checkResponse(await postRaw(t.app, '/api/v1/validate', serialize(value), JSON_HEADERS), 'anything');
        },
      ),
      { numRuns: 150 },
    );
  });

  test('random strings as bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          unicodeString,
          controlString,
          fc.constantFrom('{', '[', '"', '{"a":', '\ufeff{}', '{}\u0000'),
        ),
        async (body) => {
          const res = await postRaw(t.app, '/api/v1/validate', body, JSON_HEADERS);
          checkResponse(res, 'string');
          expect([400, 422]).toContain(res.status);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('random content types, languages and queries, with a sample package', async () => {
    await fc.assert(
      fc.asyncProperty(
        contentType,
        acceptLanguage,
        query,
        fc.constantFrom(...SAMPLES),
        async (type, lang, q, pkg) => {
          const headers: Record<string, string> = { 'Content-Type': type };
          if (lang) headers['Accept-Language'] = lang;
          const res = await postRaw(t.app, `/api/v1/validate${q}`, serialize(pkg), headers);
          checkResponse(res, `content type ${JSON.stringify(type)}`);
          expect(res.headers['content-language']).toMatch(/^(en|fr)$/);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('mutations of the sample packages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedSample, gentlyMutatedSample), async (pkg) => {
        const res = await postRaw(t.app, '/api/v1/validate', serialize(pkg), JSON_HEADERS);
        checkResponse(res, 'mutated sample');
        expect([200, 413, 422]).toContain(res.status);
      }),
      { numRuns: 200 },
    );
  });
});

describe('POST /api/v1/documents/{name} never answers with an undocumented status', () => {
  test('mutations of the sample packages, with random documents and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DOCUMENT_NAMES, 'nope'),
        query,
        fc.oneof({ weight: 1, arbitrary: mutatedSample }, { weight: 3, arbitrary: gentlyMutatedSample }),
        async (name, q, pkg) => {
          const { res, bytes } = await postForBytes(t.app, `/api/v1/documents/${name}${q}`, pkg);
          checkResponse(res, `${name}${q}`);
          checkDocument(res, bytes);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('the samples themselves, with every document and random queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DOCUMENT_NAMES),
        query,
        fc.constantFrom(...SAMPLES),
        async (name, q, pkg) => {
          const { res, bytes } = await postForBytes(t.app, `/api/v1/documents/${name}${q}`, pkg);
          checkResponse(res, `${name}${q}`);
          checkDocument(res, bytes);
        },
      ),
      { numRuns: 50 },
    );
  });

  test('random JSON values and strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DOCUMENT_NAMES),
        fc.oneof(fc.jsonValue().map(serialize), fc.string()),
        async (name, body) => {
          const res = await postRaw(t.app, `/api/v1/documents/${name}`, body, JSON_HEADERS);
          checkResponse(res, name);
          expect([400, 422]).toContain(res.status);
        },
      ),
      { numRuns: 100 },
    );
  });
});
