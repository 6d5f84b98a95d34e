/**
 * Soak: many generated requests, hostile and ordinary, against the built server; not a test, a report
 * (`npm run soak`). No request may be answered with a 5xx and the server may log no `unhandled_error`.
 *
 * It starts dist/server/main.js as a child process on a free port, with a new temporary DATA_DIR, the
 * request log off, no limit on creating drafts (DRAFT_CREATE_LIMIT=0), DATABASE_MAX_BYTES of 64 GiB and
 * BODY_LIMIT_BYTES=262144; reads every line the server prints (an `unhandled_error` line is a fault of the
 * server's); then sends SOAK_REQUESTS requests (100,000 by default; or the first argument:
 * `npm run soak -- 20000`) from SOAK_CONCURRENCY workers (24), each always having one request in flight.
 * Categories (the table's rows):
 *
 *   a1 schema: validate      packages from fast-check arbitraries walked from GET /api/v1/schema (the zod
 *                            schema as JSON Schema): valid ones and wild ones (wrong types, over limits,
 *                            required keys missing, unknown keys), POST /api/v1/validate
 *   a2 schema: documents     the same to POST /api/v1/documents/{name}?lang=&mode=&treaty=&format=
 *   a3 samples mutated       examples/*.json and tests/fixtures/packages/{good,bad}/*: keys dropped, entries
 *                            duplicated past limits, values retyped, strings at, under and over their limits
 *                            and the body limit, nesting 40,000 deep, arrays for objects and the reverse,
 *                            __proto__ and constructor keys, odd numbers, entry ids; sometimes JSON text
 *                            tweaks (1e999, duplicate keys, BOM, cut, invalid UTF-8): to validate,
 *                            documents, and the drafts API
 *   b1 hostile: validate     a hostile string in every free-text field: control characters, NUL, line
 *                            breaks, lone surrogates (JSON escapes "\ud800"), U+FFFE, bidi overrides,
 *                            zero-width characters, "\uE000" + digit + "\uE001", "{{party}}", "$t(x)",
 *                            "<script>", strings at their limits and very long
 *   b2 hostile: documents    hostile strings the schema accepts, so that they reach every document (docx,
 *                            zip, the HTML checklist)
 *   b3 hostile: drafts+pages the same saved as a draft (API), then its pages opened (task list, check
 *                            answers, checklist, documents, authorities, export)
 *   c1 bodies & types        not JSON, wrong or odd Content-Type and charset, Content-Encoding gzip on a
 *                            plain body (and deflate, br, unknown, a real gzip, a gzip bomb), bodies over
 *                            BODY_LIMIT_BYTES, chunked bodies, a body on a GET; to the API and the pages
 *   c2 query parameters      lang=, mode=, treaty=, format=, names=, doclang=, party= with bad, repeated,
 *                            empty, very long and badly percent-encoded values
 *   c3 paths & methods       unknown paths, `//drafts/x`, `/%64rafts/...`, dot segments, encoded slashes,
 *                            NUL, very long paths, absolute-form targets; odd methods on every address
 *   c4 headers               Accept-Language, Cookie, Origin, Host, Sec-Fetch-Site, If-Match on other
 *                            routes, Range, very large headers
 *   c5 raw HTTP              bytes on a socket: no Host, HTTP/1.0 and 0.9, bad request lines, conflicting
 *                            Content-Length and Transfer-Encoding, bad chunks, pipelining, CONNECT,
 *                            Upgrade, requests cut short (those get no answer, by design: "none")
 *   d1 drafts API            create, GET, PUT with the right, a stale, a future, no or a garbage If-Match,
 *                            If-None-Match, DELETE, history, on real and random ids
 *   e1 new draft (form)      GET /drafts/new for the anti-forgery cookie and token, POST /drafts/new (the
 *                            party), GET the treaties page, POST /drafts (party and treaties), valid or not
 *   e2 question pages        every question page of server/http/journey/definitions.ts (PAGES): opened,
 *                            then posted with its fields filled with plausible, random or hostile values
 *                            and a `_revision` that is right, stale, in the future, garbage or missing;
 *                            sometimes a conflict resolution (`_resolve`), return=check, unknown fields
 *   e3 authorities & decl.   authority and declaration lists: add, change, remove (yes, no, garbage) with
 *                            real and random entry ids; "done" on the declarations
 *   e4 forgery & limits      no, wrong, repeated or foreign token, cross-site Origin / Sec-Fetch-Site,
 *                            more than 500 fields, bodies over the limit, malformed percent-encoding, JSON
 *                            or multipart where a form is expected
 *   e5 import                POST /drafts/import (multipart) with an exported draft, packages (good,
 *                            mutated, hostile), garbage, empty and oversized files, two files, too many
 *                            fields, wrong field names, malformed multipart
 *   e6 views & downloads     task list, check answers, documents page, checklist, export, and downloads
 *                            GET /drafts/{id}/documents/{name}?mode=&doclang=&treaty=
 *   e7 delete                the confirmation, then POST with right, stale, garbage or no `_revision`
 *
 * Setup requests (category "setup"): the schema, a dozen drafts from the good samples, and one validation
 * per hostile piece to learn which pieces the schema accepts in a one-line field (those go to b2 and b3).
 *
 * Reading the output: a progress line every tenth of the run; then the count per status code; the table:
 * requests, 2xx, 3xx, 4xx, 5xx and "none" (no response) per category, and the mean time to answer; the
 * reasons for "none" (expected in c5 for bytes that are not a whole request, and in c4 when headers over
 * 16 KB make the server close the socket); the server's CPU time and memory; then, framed, the 5xx count
 * and the unhandled_error count (both must be 0: the script exits with status 1 otherwise), requests per
 * second and the duration. Each cause of 5xx is then listed once: how often, from which routes, the
 * shortest request that reproduces it (method, path, headers, body) and the server's log line; every
 * failing request, whole, is written to a JSON file (SOAK_REPORT, by default in the temporary folder)
 * whose path is printed.
 *
 * Settings: SOAK_REQUESTS (or the first argument), SOAK_CONCURRENCY, SOAK_SEED (repeats a run's choices;
 * the order of requests still depends on timing), SOAK_ONLY=c3,e4 (only those categories), SOAK_REPORT.
 * Exit status: 0 with no 5xx and no unhandled_error, 1 otherwise, 2 when the script itself fails.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { PAGES } from '../server/http/journey/definitions';
import { maskPath } from '../server/http/log-path';
import { PATHS } from '../server/paths';
import { freePort, installCleanup, startServer, tempFolder, type ServerProcess } from './child-server';
import { cpuMsOfStat } from './stats';
import {
  Browser,
  encodeForm,
  formAction,
  formFields,
  hrefs,
  HttpClient,
  multipart,
  percentEncode,
  revisionOf,
  type FormEntry,
  type FormField,
  type IncomingResponse,
  type MultipartPart,
  type OutgoingRequest,
} from './http-client';
import {
  arbitraryFor,
  Draw,
  HOSTILE_PIECES,
  hostileFields,
  hostileString,
  mutatePackage,
  plainText,
  Random,
  textKeys,
  tidyPackage,
  toJson,
  tweakJsonText,
  usePassablePieces,
  type JsonSchema,
} from './soak-data';

// -------------------------------------------------------------------------------------------------
// Settings

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return n;
}

const TOTAL = positiveInteger('requests', process.argv[2] ?? process.env.SOAK_REQUESTS, 100_000);
const CONCURRENCY = positiveInteger('SOAK_CONCURRENCY', process.env.SOAK_CONCURRENCY, 24);
const SEED = positiveInteger('SOAK_SEED', process.env.SOAK_SEED, 1 + Math.floor(Math.random() * 2 ** 30));
const BODY_LIMIT = 262_144;

const SERVER_ENV = {
  BODY_LIMIT_BYTES: String(BODY_LIMIT),
  DRAFT_RETENTION_DAYS: '365',
  DATABASE_MAX_BYTES: String(64 * 1024 ** 3),
  // The limit on creating drafts per client address (server/http/limits.ts): 0 turns it off.
  DRAFT_CREATE_LIMIT: process.env.DRAFT_CREATE_LIMIT ?? '0',
};

const DOCUMENTS = ['instrument', 'notifications', 'full-powers', 'checklist', 'bundle'] as const;
const TREATIES = ['untoc', 'tip', 'som', 'fp'] as const;
const ROLES = ['untoc-18-13', 'untoc-31-6', 'som-8-6', 'fp-13-2'] as const;
const LISTS = ['central-authorities', 'prevention', 'maritime', 'firearms'] as const;

const CATEGORIES = [
  'setup',
  'a1 schema: validate',
  'a2 schema: documents',
  'a3 samples mutated',
  'b1 hostile: validate',
  'b2 hostile: documents',
  'b3 hostile: drafts+pages',
  'c1 bodies & types',
  'c2 query parameters',
  'c3 paths & methods',
  'c4 headers',
  'c5 raw HTTP',
  'd1 drafts API',
  'e1 new draft (form)',
  'e2 question pages',
  'e3 authorities & decl.',
  'e4 forgery & limits',
  'e5 import',
  'e6 views & downloads',
  'e7 delete',
] as const;
type Category = (typeof CATEGORIES)[number];

/** How often each category is chosen (documents are slow to build: they get fewer turns). */
const WEIGHTS: readonly (readonly [Exclude<Category, 'setup'>, number])[] = [
  ['a1 schema: validate', 9],
  ['a2 schema: documents', 1],
  ['a3 samples mutated', 9],
  ['b1 hostile: validate', 6],
  ['b2 hostile: documents', 2],
  ['b3 hostile: drafts+pages', 3],
  ['c1 bodies & types', 6],
  ['c2 query parameters', 4],
  ['c3 paths & methods', 6],
  ['c4 headers', 3],
  ['c5 raw HTTP', 1],
  ['d1 drafts API', 10],
  ['e1 new draft (form)', 3],
  ['e2 question pages', 12],
  ['e3 authorities & decl.', 6],
  ['e4 forgery & limits', 3],
  ['e5 import', 2],
  ['e6 views & downloads', 3],
  ['e7 delete', 1],
];

/** SOAK_ONLY=d1,e2: only the categories whose code is listed (to look at a few closely). */
const ONLY = (process.env.SOAK_ONLY ?? '')
  .split(',')
  .map((c) => c.trim())
  .filter((c) => c !== '');
const CHOSEN = WEIGHTS.filter(([category]) => ONLY.length === 0 || ONLY.includes(category.split(' ')[0]!));
if (CHOSEN.length === 0) throw new Error(`SOAK_ONLY=${process.env.SOAK_ONLY ?? ''} names no category`);

// -------------------------------------------------------------------------------------------------
// Counting

/** The budget of requests is spent: the worker stops. */
class BudgetSpent extends Error {}

type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'none';

interface Row {
  requests: number;
  classes: Record<StatusClass, number>;
  /** The sum of the requests' times, in milliseconds. */
  ms: number;
}

const NOT_KEPT = '(not kept)';

interface Failure {
  readonly category: Category;
  readonly request: OutgoingRequest | { raw: string };
  readonly status: number;
  readonly response: string;
  readonly at: string;
}

function classOf(status: number): StatusClass {
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 300 && status < 400) return '3xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500) return '5xx';
  return 'none';
}

const headerText = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : (value ?? '');

/** The status of the first final (not 1xx) response in raw bytes; 0 when none is there yet. */
function finalStatus(data: string): number {
  for (const m of data.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/g)) {
    const status = Number(m[1]);
    if (status >= 200) return status;
  }
  return 0;
}

/** The shape of a path, for grouping: draft and entry ids replaced. */
function shapeOf(p: string): string {
  return p
    .split('?')[0]!
    .replace(/\/drafts\/[A-Za-z0-9_-]{24}(?=\/|$)/g, '/drafts/{id}')
    .replace(/\/(authorities|declarations)\/(?!new\b)[^/]+/g, '/$1/{entry}')
    .slice(0, 120);
}

interface Sample {
  readonly name: string;
  readonly pkg: unknown;
}

// -------------------------------------------------------------------------------------------------
// The soak

class Soak {
  sent = 0;
  readonly rows = new Map<Category, Row>(
    CATEGORIES.map((c) => [
      c,
      { requests: 0, classes: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, none: 0 }, ms: 0 },
    ]),
  );
  readonly statuses = new Map<number, number>();
  readonly failures: Failure[] = [];
  readonly noResponse = new Map<string, { count: number; example: string }>();
  readonly scriptErrors = new Map<string, number>();
  readonly unhandled: { at: string; line: string }[] = [];
  readonly otherServerOutput: string[] = [];
  /** Drafts known to exist (most recently created last); pages and the API pick from them. */
  readonly drafts: string[] = [];
  readonly random = new Random(SEED);
  client!: HttpClient;
  origin = '';
  schema!: JsonSchema;
  textKeys!: ReadonlySet<string>;
  stateCodes: readonly string[] = ['BT'];
  valid!: Draw<unknown>;
  hostile!: Draw<unknown>;
  wild!: Draw<unknown>;
  readonly goodSamples: Sample[] = [];
  readonly allSamples: Sample[] = [];
  private nextProgress = 0;
  private started = 0;

  constructor() {
    this.loadSamples();
  }

  private loadSamples(): void {
    const read = (file: string, name: string, good: boolean) => {
      const sample = { name, pkg: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
      this.allSamples.push(sample);
      if (good) this.goodSamples.push(sample);
    };
    const examples = path.join(PATHS.root, 'examples');
    for (const f of fs.readdirSync(examples).filter((f) => f.endsWith('.json')))
      read(path.join(examples, f), `examples/${f}`, true);
    for (const kind of ['good', 'bad'] as const) {
      const dir = path.join(PATHS.root, 'tests', 'fixtures', 'packages', kind);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name, 'package.json');
        if (fs.existsSync(file)) read(file, `${kind}/${name}`, kind === 'good');
      }
    }
    if (this.goodSamples.length === 0) throw new Error('no sample package found under examples/');
  }

  begin(origin: string): void {
    this.origin = origin;
    this.client = new HttpClient(origin, { sockets: CONCURRENCY + 4 });
    this.started = performance.now();
    this.nextProgress = Math.ceil(TOTAL / 10);
  }

  /** Everything the schema gives: the arbitraries, the text fields, the State codes. */
  useSchema(schema: JsonSchema): void {
    this.schema = schema;
    this.textKeys = textKeys(schema);
    const party = schema.properties?.party;
    const codes = (party?.oneOf ?? party?.anyOf ?? []).flatMap((b) => b.properties?.code?.enum ?? []);
    this.stateCodes = codes.filter((c): c is string => typeof c === 'string');
    this.valid = new Draw(arbitraryFor(schema, 'valid').map(tidyPackage), this.random);
    this.hostile = new Draw(arbitraryFor(schema, 'hostile').map(tidyPackage), this.random);
    this.wild = new Draw(arbitraryFor(schema, 'wild'), this.random);
  }

  private count(category: Category, status: number, ms: number): void {
    const row = this.rows.get(category)!;
    row.requests++;
    row.ms += ms;
    row.classes[classOf(status)]++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (this.sent >= this.nextProgress) {
      const seconds = (performance.now() - this.started) / 1000;
      const fives = [...this.rows.values()].reduce((n, r) => n + r.classes['5xx'], 0);
      console.log(
        `  ${String(this.sent).padStart(7)} / ${TOTAL} requests, ${(this.sent / seconds).toFixed(0)} req/s, ` +
          `${fives} 5xx, ${this.unhandled.length} unhandled_error`,
      );
      this.nextProgress += Math.ceil(TOTAL / 10);
    }
  }

  private claim(): void {
    if (this.sent >= TOTAL) throw new BudgetSpent();
    this.sent++;
  }

  async send(category: Category, request: OutgoingRequest): Promise<IncomingResponse> {
    this.claim();
    const res = await this.client.send(request);
    this.count(category, res.status, res.ms);
    if (res.status >= 500)
      this.fail(category, request, res.status, res.body.subarray(0, 600).toString('utf8'));
    if (res.status === 0) {
      // Node answers headers over 16 KB with 431 and closes the socket, which may beat the answer.
      const headerBytes = Object.entries(request.headers ?? {}).reduce(
        (n, [k, v]) => n + k.length + v.length,
        0,
      );
      const why =
        headerBytes > 16 * 1024 ? ' (expected: headers over 16 KB, the server closes the socket)' : '';
      this.noAnswer(category, `${request.method} ${shapeOf(request.path)}`, `${res.error ?? ''}${why}`);
    }
    return res;
  }

  /**
   * Bytes on a new socket; the status of the first response line, 0 when none came. `silence` says why
   * no answer is the right outcome for bytes that are not a complete request (then only 300 ms are given).
   */
  async sendRaw(
    category: Category,
    name: string,
    bytes: Buffer,
    silence: string | null = null,
  ): Promise<number> {
    this.claim();
    const url = new URL(this.origin);
    const started = performance.now();
    let error = '';
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve) => {
      const socket = net.connect(Number(url.port), url.hostname);
      let data = '';
      let settled = false;
      const finish = (err?: NodeJS.ErrnoException) => {
        if (err?.code) error = err.code;
        if (settled) return;
        settled = true;
        socket.destroy();
        resolve({ status: finalStatus(data), text: data });
      };
      socket.setTimeout(silence ? 300 : 30_000, () => finish());
      socket.on('data', (chunk: Buffer) => {
        data += chunk.toString('latin1');
        // One answer is enough (pipelined requests may bring two).
        if (finalStatus(data) > 0 && !silence) setTimeout(() => finish(), 20);
      });
      socket.on('error', finish);
      socket.on('close', () => finish());
      socket.on('connect', () => socket.write(bytes));
    });
    this.count(category, status, performance.now() - started);
    if (status >= 500) this.fail(category, { raw: bytes.toString('latin1') }, status, text.slice(0, 600));
    if (status === 0) {
      // A request the parser refuses with bytes left unread: closing such a socket sends a TCP reset,
      // which can overtake the 400 on its way.
      const why = silence
        ? `expected: ${silence}`
        : error === 'ECONNRESET'
          ? 'ECONNRESET (refused with bytes unread: the reset can overtake the 400)'
          : error || 'no answer';
      this.noAnswer(category, `raw: ${name}`, why);
    }
    return status;
  }

  private fail(category: Category, request: Failure['request'], status: number, response: string): void {
    // Every failure is kept (for the causes); the bodies of the first 500 only.
    const kept: Failure['request'] =
      this.failures.length < 500 || 'raw' in request ? request : { ...request, body: NOT_KEPT };
    const failure: Failure = { category, request: kept, status, response, at: new Date().toISOString() };
    this.failures.push(failure);
  }

  private noAnswer(category: Category, what: string, error: string): void {
    const key = `${category} | ${what.slice(0, 90)} | ${error}`;
    const entry = this.noResponse.get(key);
    if (entry) entry.count++;
    else this.noResponse.set(key, { count: 1, example: what });
  }

  scriptError(category: Category, err: unknown): void {
    const text = `${category}: ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 3).join(' | ') : String(err)}`;
    this.scriptErrors.set(text, (this.scriptErrors.get(text) ?? 0) + 1);
  }

  onServerLine(line: string, stream: 'stdout' | 'stderr'): void {
    if (line.includes('"unhandled_error"')) this.unhandled.push({ at: new Date().toISOString(), line });
    else if (stream === 'stderr' || !/"level":"info"/.test(line)) {
      if (this.otherServerOutput.length < 200) this.otherServerOutput.push(`[${stream}] ${line}`);
    }
  }

  addDraft(id: string): void {
    this.drafts.push(id);
    if (this.drafts.length > 400) this.drafts.splice(0, this.drafts.length - 400);
  }

  forgetDraft(id: string): void {
    const i = this.drafts.indexOf(id);
    if (i >= 0) this.drafts.splice(i, 1);
  }
}

// -------------------------------------------------------------------------------------------------
// A worker: one request in flight at a time, categories chosen by weight

/** An id of the right shape that no draft has, or a malformed one. */
function randomDraftId(random: Random): string {
  return random.pick([
    () => random.word(24),
    () => random.word(random.int(1, 40)),
    () => 'new',
    () => 'import',
    () => '%2e%2e',
    () => `${random.word(23)}%00`,
    () => 'A'.repeat(24),
    () => percentEncode(random.pick(HOSTILE_PIECES)) || 'x',
  ])();
}

const JSON_TYPE = { 'content-type': 'application/json' };

class Worker {
  category: Category = 'setup';
  readonly browser: Browser;
  readonly random: Random;

  constructor(
    readonly soak: Soak,
    index: number,
  ) {
    this.random = new Random(SEED * 31 + index * 7919);
    this.browser = new Browser((request) => this.soak.send(this.category, request));
  }

  send(request: OutgoingRequest): Promise<IncomingResponse> {
    return this.soak.send(this.category, request);
  }

  get(p: string, headers: Record<string, string> = {}): Promise<IncomingResponse> {
    return this.send({ method: 'GET', path: p, headers });
  }

  postJson(
    p: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<IncomingResponse> {
    return this.send({ method: 'POST', path: p, headers: { ...JSON_TYPE, ...headers }, body });
  }

  async run(): Promise<void> {
    for (;;) {
      this.category = this.random.weighted(CHOSEN);
      try {
        await SCENARIOS[this.category as Exclude<Category, 'setup'>](this);
      } catch (err) {
        if (err instanceof BudgetSpent) return;
        this.soak.scriptError(this.category, err);
      }
    }
  }

  // ---- Shared choices

  /**
   * A document to build. The bundle holds all the others and blocks the server's event loop for longest
   * (a second or more under load): it gets fewer turns, so that the soak keeps a useful pace.
   */
  documentName(): (typeof DOCUMENTS)[number] {
    return this.random.weighted([
      ['instrument', 3],
      ['notifications', 3],
      ['full-powers', 2],
      ['checklist', 3],
      ['bundle', 1],
    ] as const);
  }

  /** A draft that exists (mostly), or a random id. */
  draftId(): string {
    const { drafts } = this.soak;
    return drafts.length > 0 && this.random.chance(0.92)
      ? this.random.pick(drafts)
      : randomDraftId(this.random);
  }

  /** A draft that exists, creating one through the API from a good sample if none is known. */
  async existingDraft(): Promise<string | null> {
    const { drafts } = this.soak;
    if (drafts.length > 0 && this.random.chance(0.9)) return this.random.pick(drafts);
    return this.createDraft(this.random.pick(this.soak.goodSamples).pkg);
  }

  async createDraft(pkg: unknown): Promise<string | null> {
    const res = await this.postJson('/api/v1/drafts', toJson(pkg));
    if (res.status !== 201) return null;
    const id = /\/api\/v1\/drafts\/([A-Za-z0-9_-]{24})$/.exec(headerText(res.headers.location))?.[1] ?? null;
    if (id) this.soak.addDraft(id);
    return id;
  }

  sample(good = true): unknown {
    return this.random.pick(good ? this.soak.goodSamples : this.soak.allSamples).pkg;
  }

  documentQuery(pkg: unknown, name: string): string {
    const r = this.random;
    const inPackage = Array.isArray((pkg as { treaties?: unknown })?.treaties)
      ? ((pkg as { treaties: { treaty?: unknown }[] }).treaties
          .map((t) => t?.treaty)
          .filter((t) => typeof t === 'string') as string[])
      : [];
    const params: string[] = [];
    if (r.chance(0.8)) params.push(`lang=${r.pick(['en', 'fr', 'en', 'fr', 'xx'])}`);
    if (r.chance(0.8)) params.push(`mode=${r.pick(['draft', 'draft', 'draft', 'final'])}`);
    if (name === 'instrument' || r.chance(0.1))
      params.push(
        `treaty=${percentEncode(inPackage.length > 0 && r.chance(0.9) ? r.pick(inPackage) : r.pick(TREATIES))}`,
      );
    if (name === 'checklist' && r.chance(0.5)) params.push(`format=${r.pick(['html', 'docx'])}`);
    return params.length > 0 ? `?${params.join('&')}` : '';
  }

  /** A `_revision` value: right, stale, future, garbage or none (null). */
  revisionValue(current: number | null): string | null {
    const r = this.random;
    const kind = r.weighted([
      ['right', 50],
      ['stale', 15],
      ['future', 8],
      ['garbage', 17],
      ['none', 10],
    ] as const);
    const now = current ?? 1;
    switch (kind) {
      case 'right':
        return String(now);
      case 'stale':
        return String(Math.max(1, now - r.int(1, 3)));
      case 'future':
        return String(now + r.int(1, 100));
      case 'garbage':
        return r.pick([
          '0',
          '-1',
          'abc',
          '1.5',
          ' 1',
          '01',
          '99999999999',
          '1e3',
          '',
          '\u0661',
          'NaN',
          hostileString(r, 20),
        ]);
      case 'none':
        return null;
    }
  }

  /** A value for a form field, plausible or not. */
  fieldValues(field: FormField): string[] {
    const r = this.random;
    const name = field.name;
    if (field.kind === 'radio' || field.kind === 'select') {
      if (r.chance(0.8)) return field.options.length > 0 ? [r.pick(field.options)] : [];
      return [r.pick(['maybe', '', 'yes', 'true', hostileString(r, 30)])];
    }
    if (field.kind === 'checkbox') {
      const chosen = field.options.filter(() => r.chance(0.5));
      if (r.chance(0.15)) chosen.push(r.pick(['untoc ', 'xx', 'untoc-18-13', 'fp', hostileString(r, 20)]));
      if (r.chance(0.1)) chosen.push(...chosen);
      return chosen;
    }
    if (field.kind === 'hidden') return field.options.slice(0, 1);
    const mode = r.weighted([
      ['plausible', 55],
      ['hostile', 35],
      ['blank', 10],
    ] as const);
    if (mode === 'blank') return [r.pick(['', ' ', '\t'])];
    if (mode === 'hostile') return [hostileString(r, field.kind === 'textarea' ? 5000 : 200)];
    if (/-day$/.test(name)) return [String(r.int(r.chance(0.9) ? 1 : 0, r.chance(0.9) ? 28 : 99))];
    if (/-month$/.test(name)) return [String(r.int(r.chance(0.9) ? 1 : 0, r.chance(0.9) ? 12 : 13))];
    if (/-year$/.test(name)) return [String(r.chance(0.9) ? r.int(1990, 2040) : r.int(0, 99999))];
    if (name === 'phone' || name === 'fax')
      return [
        Array.from(
          { length: r.int(1, 3) },
          () => `+${r.int(1, 999)} ${r.int(100, 9999)} ${r.int(1000, 99999)}`,
        ).join(', '),
      ];
    if (name === 'email')
      return [Array.from({ length: r.int(1, 3) }, () => `${r.word(6)}@example.org`).join(', ')];
    if (name === 'website')
      return [r.pick(['https://example.org/mla', 'http://example.bt', 'example.org', 'javascript:alert(1)'])];
    if (name === 'addressLines') return [Array.from({ length: r.int(1, 7) }, () => plainText(r)).join('\n')];
    if (name === 'postcode') return [String(r.int(1000, 99999))];
    return [plainText(r, field.kind === 'textarea' ? 12 : 4)];
  }

  /** The entries a form sends: its fields filled in, the token, a `_revision`, and some extras. */
  formEntries(fields: readonly FormField[], revision: number | null): FormEntry[] {
    const r = this.random;
    const entries: FormEntry[] = [];
    for (const field of fields) {
      if (field.name === '_csrf' || field.name === '_revision') continue;
      for (const value of this.fieldValues(field)) entries.push([field.name, value]);
    }
    const rev = this.revisionValue(revision);
    if (rev !== null) entries.unshift(['_revision', rev]);
    entries.unshift(['_csrf', this.browser.token ?? '']);
    if (r.chance(0.05)) {
      entries.push(['_resolve', '1']);
      const names = fields.filter((f) => !f.name.startsWith('_')).map((f) => f.name);
      for (let i = r.int(0, 3); i >= 0; i--) {
        entries.push([`_group-${i}`, names.filter(() => r.chance(0.5)).join(',') || 'nope']);
        entries.push([`_keep-${i}`, r.pick(['mine', 'theirs', 'both', ''])]);
      }
    }
    if (r.chance(0.06)) entries.push(['return', r.pick(['check', 'tasks', hostileString(r, 20)])]);
    if (r.chance(0.05))
      entries.push([r.pick(['__proto__', 'constructor', 'unknown', 'a[b]', '']), hostileString(r, 20)]);
    return entries;
  }

  /** Open a page, then post its form filled in; optionally follow the redirect. */
  async openAndPost(
    pagePath: string,
    fallbackFields: readonly FormField[] = [],
  ): Promise<IncomingResponse | null> {
    const page = await this.browser.get(pagePath);
    const html = page.status === 200 ? page.body.toString('utf8') : '';
    const fields = html ? formFields(html) : fallbackFields;
    if (!html && !this.random.chance(0.4)) return null;
    const action = (html && formAction(html)) || pagePath.split('?')[0]!;
    const res = await this.browser.postForm(
      action,
      encodeForm(this.formEntries(fields, html ? revisionOf(html) : null)),
    );
    const location = headerText(res.headers.location);
    if (res.status === 303 && location.startsWith('/') && this.random.chance(0.4))
      await this.browser.get(location);
    return res;
  }
}

// -------------------------------------------------------------------------------------------------
// Scenarios

const garbageBodies = (random: Random): Buffer => {
  const pick = random.int(0, 11);
  switch (pick) {
    case 0:
      return Buffer.from('hello', 'utf8');
    case 1:
      return Buffer.from('{', 'utf8');
    case 2:
      return Buffer.alloc(0);
    case 3:
      return Buffer.from([0, 0, 0]);
    case 4:
      return Buffer.from(Array.from({ length: random.int(1, 2000) }, () => random.int(0, 255)));
    case 5:
      return Buffer.from("{'party': 1}", 'utf8');
    case 6:
      return Buffer.from('[1,2,', 'utf8');
    case 7:
      return Buffer.from(' '.repeat(random.int(1, 100_000)), 'utf8');
    case 8:
      return Buffer.from('NaN', 'utf8');
    case 9:
      return Buffer.from('"\\ud800"', 'utf8');
    case 10:
      return Buffer.from('party=BT&treaties=untoc', 'utf8');
    default:
      return Buffer.from(`<?xml version="1.0"?><package/>`, 'utf8');
  }
};

type Scenario = (w: Worker) => Promise<void>;

const SCENARIOS: Record<Exclude<Category, 'setup'>, Scenario> = {
  'a1 schema: validate': async (w) => {
    const r = w.random;
    const pkg = r.chance(0.55) ? w.soak.valid.next() : w.soak.wild.next();
    await w.postJson(`/api/v1/validate${r.chance(0.3) ? `?lang=${r.pick(['en', 'fr'])}` : ''}`, toJson(pkg));
  },

  'a2 schema: documents': async (w) => {
    const r = w.random;
    const pkg = r.chance(0.8) ? w.soak.valid.next() : w.soak.wild.next();
    const name = w.documentName();
    await w.postJson(`/api/v1/documents/${name}${w.documentQuery(pkg, name)}`, toJson(pkg));
  },

  'a3 samples mutated': async (w) => {
    const r = w.random;
    const { value } = mutatePackage(w.sample(r.chance(0.7)), r, BODY_LIMIT);
    const text = toJson(value);
    const body = r.chance(0.25) ? tweakJsonText(text, r) : Buffer.from(text, 'utf8');
    const target = r.weighted([
      ['validate', 64],
      ['documents', 8],
      ['create', 18],
      ['put', 10],
    ] as const);
    if (target === 'validate') await w.postJson('/api/v1/validate', body);
    else if (target === 'documents') {
      const name = w.documentName();
      await w.postJson(`/api/v1/documents/${name}${w.documentQuery(value, name)}`, body);
    } else if (target === 'create') {
      const res = await w.postJson('/api/v1/drafts', body);
      const id = /([A-Za-z0-9_-]{24})$/.exec(headerText(res.headers.location))?.[1];
      if (res.status === 201 && id) w.soak.addDraft(id);
    } else {
      await w.send({
        method: 'PUT',
        path: `/api/v1/drafts/${w.draftId()}`,
        headers: { ...JSON_TYPE, 'if-match': `"r${r.int(1, 4)}"` },
        body,
      });
    }
  },

  'b1 hostile: validate': async (w) => {
    const r = w.random;
    const pkg = r.chance(0.5)
      ? w.soak.hostile.next()
      : hostileFields(w.sample(), w.soak.textKeys, r, { share: r.pick([1, 0.5, 0.2]) });
    await w.postJson(`/api/v1/validate${r.chance(0.3) ? '?lang=fr' : ''}`, toJson(pkg));
  },

  'b2 hostile: documents': async (w) => {
    const r = w.random;
    const pkg = hostileFields(w.sample(), w.soak.textKeys, r, { share: r.pick([1, 0.5]), passable: true });
    const name = w.documentName();
    await w.postJson(`/api/v1/documents/${name}${w.documentQuery(pkg, name)}`, toJson(pkg));
  },

  'b3 hostile: drafts+pages': async (w) => {
    const r = w.random;
    const pkg = hostileFields(w.sample(), w.soak.textKeys, r, {
      share: r.pick([1, 0.5]),
      passable: r.chance(0.85),
    });
    const id = await w.createDraft(pkg);
    if (!id) return;
    const base = `/drafts/${id}`;
    const views = [
      base,
      `${base}/check`,
      `${base}/checklist?doclang=${r.pick(['en', 'fr'])}`,
      `${base}/documents`,
      `${base}/documents?mode=final`,
      `${base}/central-authorities`,
      `${base}/declarations`,
      `${base}/export`,
      `${base}/party`,
      `${base}/signatory`,
      `/api/v1/drafts/${id}`,
      `/api/v1/drafts/${id}/history`,
    ];
    for (let i = r.int(1, 3); i > 0; i--) {
      const res = await w.browser.get(r.pick(views));
      // The authorities' own pages, from the list's links.
      if (res.status === 200 && r.chance(0.3)) {
        const links = hrefs(res.body.toString('utf8')).filter((h) =>
          /\/(authorities|declarations)\/[^/]+/.test(h),
        );
        if (links.length > 0) await w.browser.get(r.pick(links));
      }
    }
  },

  'c1 bodies & types': async (w) => {
    const r = w.random;
    const json = Buffer.from(toJson(w.sample()), 'utf8');
    const target = r.pick([
      '/api/v1/validate',
      '/api/v1/documents/checklist',
      '/api/v1/drafts',
      `/api/v1/drafts/${w.draftId()}`,
      '/drafts/new',
      '/drafts',
      `/drafts/${w.draftId()}/party`,
      '/drafts/import',
    ]);
    const method = target.startsWith('/api/v1/drafts/') ? 'PUT' : 'POST';
    const base: Record<string, string> = target.startsWith('/api/v1/drafts/') ? { 'if-match': '"r1"' } : {};
    if (!target.startsWith('/api/')) {
      const cookie = w.browser.cookieHeader();
      if (cookie) base.cookie = cookie;
    }
    const variant = r.int(0, 7);
    let body: Buffer;
    let headers: Record<string, string>;
    switch (variant) {
      case 0:
        body = garbageBodies(r);
        headers = {
          'content-type': r.pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain']),
        };
        break;
      case 1:
        body = json;
        headers = {
          'content-type': r.pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'multipart/form-data; boundary=x',
            'application/json; charset=utf-16',
            'application/json; charset=latin1',
            'application/json; charset=bogus',
            'application/json; charset="utf-8"',
            'application/vnd.api+json',
            'application/merge-patch+json',
            'APPLICATION/JSON',
            'application/json, text/html',
            'application/json;;;',
            '',
            'application/*',
            '*/*',
          ]),
        };
        break;
      case 2:
        body = r.chance(0.5) ? json : garbageBodies(r);
        headers = {
          'content-type': 'application/json',
          'content-encoding': r.pick([
            'gzip',
            'deflate',
            'br',
            'gzip, gzip',
            'identity',
            'x-unknown',
            'GZIP',
            'compress',
            '',
          ]),
        };
        break;
      case 3: {
        const kind = r.pick(['gzip', 'deflate', 'bomb'] as const);
        body =
          kind === 'gzip'
            ? zlib.gzipSync(json)
            : kind === 'deflate'
              ? zlib.deflateSync(json)
              : zlib.gzipSync(Buffer.alloc(r.pick([BODY_LIMIT + 1, 5 * 1024 * 1024]), 0x20));
        headers = {
          'content-type': 'application/json',
          'content-encoding': kind === 'deflate' ? 'deflate' : 'gzip',
        };
        break;
      }
      case 4: {
        const size = r.pick([BODY_LIMIT - 1, BODY_LIMIT, BODY_LIMIT + 1, BODY_LIMIT * 2, 3 * 1024 * 1024]);
        const padded = `{"party":{"kind":"state","code":"BT","formalName":"${'x'.repeat(Math.max(0, size - 70))}"},"treaties":[]}`;
        body = Buffer.from(padded, 'utf8');
        headers = { 'content-type': r.pick(['application/json', 'application/x-www-form-urlencoded']) };
        break;
      }
      case 5:
        body = json;
        headers = { 'content-type': 'application/json', 'transfer-encoding': 'chunked' };
        break;
      case 6:
        body = json;
        headers = { 'content-type': 'application/json', 'content-length': String(json.length) };
        await w.send({
          method: 'GET',
          path: r.pick(['/api/v1/health', '/api/v1/schema', '/drafts/new']),
          headers,
          body,
        });
        return;
      default:
        body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]);
        headers = { 'content-type': 'application/json; charset=utf-8' };
    }
    await w.send({ method, path: target, headers: { ...base, ...headers }, body });
  },

  'c2 query parameters': async (w) => {
    const r = w.random;
    const bad = () =>
      r.pick([
        'xx',
        'EN',
        '%20en',
        '',
        'en-GB',
        'fr%00',
        '%ZZ',
        '%C0%AF',
        '%',
        '%ff',
        '%ED%A0%80',
        'x'.repeat(4096),
        percentEncode(r.pick(HOSTILE_PIECES)),
        'draft%20',
        'FINAL',
        'UNTOC',
        'pdf',
        'html',
        '__proto__',
      ]);
    const name = w.documentName();
    const param = r.pick(['lang', 'mode', 'treaty', 'format']);
    const query = r.pick([
      `${param}=${bad()}`,
      `${param}=en&${param}=fr`,
      `${param}[]=x`,
      `${param}[a]=b`,
      `${param}`,
      `${param}=${bad()}&lang=fr`,
      `&&&=${bad()}`,
    ]);
    const kind = r.weighted([
      ['document', 4],
      ['validate', 1],
      ['api-get', 2],
      ['page', 3],
    ] as const);
    if (kind === 'document') await w.postJson(`/api/v1/documents/${name}?${query}`, toJson(w.sample()));
    else if (kind === 'validate') await w.postJson(`/api/v1/validate?${query}`, toJson(w.sample()));
    else if (kind === 'api-get')
      await w.get(
        `${r.pick(['/api/v1/treaties', '/api/v1/states', '/api/v1/schema', '/api/v1', `/api/v1/drafts/${w.draftId()}`])}?${r.pick(
          [`names=${bad()}`, `lang=${bad()}`, 'names=ar&names=fr', 'names=zh', query],
        )}`,
      );
    else {
      const id = w.draftId();
      await w.browser.get(
        `${r.pick([
          '/',
          '/drafts/new',
          '/drafts/new/treaties',
          `/drafts/${id}`,
          `/drafts/${id}/documents`,
          `/drafts/${id}/documents/${name}`,
          `/drafts/${id}/checklist`,
          `/drafts/${id}/authorities/new`,
          `/drafts/${id}/check`,
        ])}?${r.pick([
          `lang=${bad()}`,
          `doclang=${bad()}`,
          `mode=${bad()}`,
          `party=${bad()}`,
          `treaty=${bad()}`,
          `role=${bad()}`,
          `return=${bad()}`,
          `cleared=${bad()},${r.pick(['extradition-legal-basis', 'full-powers'])}`,
          'merged=1&cleared=x,y,z',
          'deleted=1',
          'imported=1',
          'party=EU',
          'doclang=fr&mode=final',
          query,
        ])}`,
      );
    }
  },

  'c3 paths & methods': async (w) => {
    const r = w.random;
    const id = w.draftId();
    const paths = [
      '//drafts/x',
      `//drafts/${id}`,
      '//api/v1/validate',
      '/%64rafts/new',
      `/%64rafts/${id}/party`,
      '/drafts/%2e%2e/api/v1/health',
      '/api/v1/../v1/health',
      '/api/v1/%2e%2e/',
      '/drafts/new/',
      '/drafts//new',
      '/api//v1/health',
      '/api/v1/drafts/',
      '/api/v1/drafts/%00',
      '/api/v1/drafts/%ff',
      '/api/v1/documents/%',
      `/drafts/${id}/%ff`,
      `/drafts/${id}/authorities/%ff`,
      `/drafts/${id}/declarations/%/remove`,
      '/drafts/%ff',
      '/drafts/%',
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/%2e%2e%2fpackage.json',
      '/assets/css/',
      `/assets/${'a'.repeat(r.pick([300, 5000]))}`,
      `/?${'x=1&'.repeat(r.pick([10, 2000]))}`,
      '/api/v1/documents/%69nstrument',
      '/API/V1/HEALTH',
      `/drafts/${id}/%70arty`,
      `/drafts/${id}/authorities/%2e%2e`,
      `/drafts/${id}/..%2fexport`,
      `/api/v1/drafts/${id}/history/`,
      `/api/v1/drafts/${id}/history/x`,
      '/api/v1/schema.json',
      '/favicon.ico',
      '/robots.txt',
      '/.env',
      '/api/v1/%7B*rest%7D',
      '/api/v2/health',
      '/drafts/new/treaties/x',
      `/drafts/${id}/documents/${r.pick(DOCUMENTS)}/x`,
      `/drafts/${id}/authorities/new/remove`,
      `/drafts/${id}/declarations/new/remove`,
      `/drafts/${percentEncode(r.pick(HOSTILE_PIECES)) || 'x'}`,
      `/drafts/${id}/${percentEncode(hostileString(r, 30)) || 'x'}`,
      `/${r.word(r.int(1, 30))}/${r.word(5)}`,
      'http://127.0.0.1/api/v1/health',
      `http://evil.example/drafts/${id}`,
      '*',
    ];
    const known = [
      '/',
      '/api/v1',
      '/api/v1/health',
      '/api/v1/validate',
      '/api/v1/documents/bundle',
      '/api/v1/drafts',
      `/api/v1/drafts/${id}`,
      `/api/v1/drafts/${id}/history`,
      '/api/v1/schema',
      '/drafts/new',
      '/drafts',
      '/drafts/import',
      `/drafts/${id}`,
      `/drafts/${id}/party`,
      `/drafts/${id}/check`,
      `/drafts/${id}/delete`,
      `/drafts/${id}/export`,
      `/drafts/${id}/documents`,
      `/drafts/${id}/authorities/new`,
      '/assets/css/document.css',
    ];
    const method = r.pick([
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      'TRACE',
      'PROPFIND',
      'MKCOL',
      'SEARCH',
      'QUERY',
      'PURGE',
      'LINK',
      'M-SEARCH',
      'FOO',
    ]);
    const target = r.chance(0.5) ? r.pick(paths) : r.pick(known);
    const withBody = method !== 'GET' && method !== 'HEAD' && r.chance(0.6);
    await w.send({
      method,
      path: target,
      headers: withBody ? JSON_TYPE : {},
      body: withBody ? toJson(w.sample()) : null,
    });
  },

  'c4 headers': async (w) => {
    const r = w.random;
    const id = w.draftId();
    const headers: Record<string, string> = {};
    const set = r.int(1, 3);
    for (let i = 0; i < set; i++) {
      const kind = r.int(0, 8);
      if (kind === 0)
        headers['accept-language'] = r.pick([
          '*',
          'fr-CA,fr;q=0.9',
          'xx',
          'a'.repeat(5000),
          'en;q=abc',
          ';;;',
          'zh-Hant-TW',
          'ar',
          'fr;q=0, en;q=0',
          '',
        ]);
      else if (kind === 1)
        headers.cookie = r.pick([
          `csrf=${r.word(43)}`,
          'csrf=',
          'lang=xx',
          'lang=ar',
          'lang=fr; lang=en',
          `csrf=${r.word(43)}; csrf=${r.word(43)}`,
          'x'.repeat(r.pick([100, 9000])),
          '=;=;',
          ';',
          'csrf=%00',
        ]);
      else if (kind === 2)
        headers.origin = r.pick(['null', 'http://evil.example', 'not a url', 'http://127.0.0.1', '']);
      else if (kind === 3)
        headers.host = r.pick(['evil.example', 'localhost:1', '[::1]', 'a'.repeat(300), '']);
      else if (kind === 4)
        headers['sec-fetch-site'] = r.pick(['cross-site', 'same-site', 'none', 'same-origin', 'garbage']);
      else if (kind === 5) headers['if-match'] = r.pick(['*', '"r1"', 'garbage', '"r0"']);
      else if (kind === 6)
        headers.range = r.pick(['bytes=0-10', 'bytes=999999-', 'bytes=-1', 'bytes=a-b', 'bytes=0-1,2-3,4-5']);
      else if (kind === 7) headers['x-big'] = 'h'.repeat(r.pick([1000, 20_000, 70_000]));
      else headers.accept = r.pick(['application/json', 'text/html', '*/*', 'image/png', '']);
    }
    const method = r.pick(['GET', 'GET', 'POST']);
    if (method === 'GET') {
      await w.send({
        method,
        path: r.pick([
          '/',
          '/drafts/new',
          `/drafts/${id}`,
          `/drafts/${id}/check`,
          '/api/v1/health',
          `/api/v1/drafts/${id}`,
          '/assets/css/document.css',
          '/nope',
        ]),
        headers,
      });
    } else if (r.chance(0.5)) {
      await w.send({
        method,
        path: '/api/v1/validate',
        headers: { ...JSON_TYPE, ...headers },
        body: toJson(w.sample()),
      });
    } else {
      const token = await w.browser.csrf();
      await w.send({
        method,
        path: `/drafts/${id}/signing`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: w.browser.cookieHeader(),
          ...headers,
        },
        body: encodeForm([
          ['_csrf', token],
          ['place', plainText(r)],
        ]),
      });
    }
  },

  'c5 raw HTTP': async (w) => {
    const r = w.random;
    const host = `Host: ${new URL(w.soak.origin).host}\r\n`;
    const json = toJson(w.sample());
    const post = `POST /api/v1/validate HTTP/1.1\r\n${host}Content-Type: application/json\r\n`;
    // [name, bytes, why no answer is right (bytes that are not a whole request)]
    const cases: (() => [string, string, string?])[] = [
      () => ['no Host', 'GET / HTTP/1.1\r\n\r\n'],
      () => ['HTTP/1.0', 'GET /api/v1/health HTTP/1.0\r\n\r\n'],
      () => ['garbage request line', 'GARBAGE\r\n\r\n'],
      () => ['empty lines', '\r\n\r\n', 'empty lines before a request line are ignored (RFC 9112 2.2)'],
      () => ['HTTP/0.9', 'GET /\r\n\r\n'],
      () => ['HTTP/9.9', `GET / HTTP/9.9\r\n${host}\r\n`],
      () => [
        'very long request line',
        `GET /${'a'.repeat(r.pick([20_000, 90_000]))} HTTP/1.1\r\n${host}\r\n`,
      ],
      () => ['NUL in the path', `GET /\u0000 HTTP/1.1\r\n${host}\r\n`],
      () => ['Content-Length: -1', `GET / HTTP/1.1\r\n${host}Content-Length: -1\r\n\r\n`],
      () => ['Content-Length: abc', `${post}Content-Length: abc\r\n\r\n{}`],
      () => ['two Content-Lengths', `${post}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`],
      () => [
        'Content-Length and chunked',
        `${post}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      ],
      () => ['bad chunk size', `${post}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
      () => [
        'chunked package',
        `${post}Transfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(json).toString(16)}\r\n${json}\r\n0\r\n\r\n`,
      ],
      () => ['header without colon', `GET / HTTP/1.1\r\n${host}Bad Header\r\n\r\n`],
      () => ['folded header', `GET / HTTP/1.1\r\n${host}X-Folded: a\r\n b\r\n\r\n`],
      () => ['space before colon', `GET / HTTP/1.1\r\n${host}X-Space : a\r\n\r\n`],
      () => [
        'pipelined',
        `GET /api/v1/health HTTP/1.1\r\n${host}\r\nGET /api/v1/schema HTTP/1.1\r\n${host}\r\n`,
      ],
      () => [
        'CONNECT',
        `CONNECT 127.0.0.1:80 HTTP/1.1\r\n${host}\r\n`,
        'Node closes a CONNECT that has no handler',
      ],
      () => [
        'Upgrade: websocket',
        `GET / HTTP/1.1\r\n${host}Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
      ],
      () => [
        'Expect: 100-continue',
        `${post}Expect: 100-continue\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
      ],
      () => ['body cut short', `${post}Content-Length: 100\r\n\r\n{"par`, 'request cut short'],
      () => ['headers cut short', `GET /drafts/new HTTP/1.1\r\n${host}X-Partial: `, 'request cut short'],
      () => ['request line cut short', 'GET / HT', 'request cut short'],
    ];
    const [name, bytes, silence] = r.pick(cases)();
    await w.soak.sendRaw(w.category, name, Buffer.from(bytes, 'latin1'), silence ?? null);
  },

  'd1 drafts API': async (w) => {
    const r = w.random;
    const op = r.weighted([
      ['create', 3],
      ['get-put', 5],
      ['conditional-get', 1],
      ['history', 2],
      ['delete', 1],
      ['random-id', 2],
    ] as const);
    const ifMatch = (etag: string) => {
      const revision = Number(/"r(\d+)"/.exec(etag)?.[1] ?? 1);
      return r.weighted<string | null>([
        [etag, 40],
        [`"r${Math.max(1, revision - 1)}"`, 12],
        [`"r${revision + r.int(1, 50)}"`, 8],
        [null, 8],
        [
          r.pick([
            '*',
            'r1',
            `"r${revision}", "r${revision + 1}"`,
            `W/${etag}`,
            '"r0"',
            `"r0${revision}"`,
            '"r99999999999"',
            '',
            '""',
            'x'.repeat(1000),
            `${etag}${etag}`,
          ]),
          12,
        ],
      ]);
    };
    if (op === 'create') {
      const pkg = r.weighted<unknown>([
        [w.sample(), 4],
        [w.soak.valid.next(), 3],
        [w.soak.wild.next(), 2],
        [{ package: w.sample(), id: 'x', revision: 99, links: {} }, 1],
        [{ package: w.sample(), party: null }, 1],
      ]);
      await w.createDraft(pkg);
      return;
    }
    const id = op === 'random-id' ? randomDraftId(r) : w.draftId();
    const url = `/api/v1/drafts/${id}`;
    if (op === 'random-id') {
      const method = r.pick(['GET', 'PUT', 'DELETE', 'HEAD']);
      await w.send({
        method,
        path: r.chance(0.3) ? `${url}/history` : url,
        headers: method === 'PUT' ? { ...JSON_TYPE, 'if-match': '"r1"' } : {},
        body: method === 'PUT' ? toJson(w.sample()) : null,
      });
      return;
    }
    if (op === 'history') {
      await w.get(`${url}/history`);
      return;
    }
    if (op === 'conditional-get') {
      await w.get(url, { 'if-none-match': r.pick(['"r1"', '*', '"r2", "r1"', 'W/"r1"', 'garbage', '"r0"']) });
      return;
    }
    const current = await w.get(url);
    const etag = headerText(current.headers.etag) || '"r1"';
    if (op === 'delete') {
      const match = ifMatch(etag);
      const res = await w.send({
        method: 'DELETE',
        path: url,
        headers: match === null ? {} : { 'if-match': match },
      });
      if (res.status === 204) w.soak.forgetDraft(id);
      return;
    }
    const base =
      current.status === 200
        ? (JSON.parse(current.body.toString('utf8')) as { package: unknown }).package
        : w.sample();
    const body = r.weighted<unknown>([
      [base, 3],
      [w.sample(), 2],
      [{ package: w.sample() }, 1],
      [w.soak.valid.next(), 2],
      [w.soak.wild.next(), 1],
      [hostileFields(base, w.soak.textKeys, r, { share: 0.3, passable: r.chance(0.7) }), 2],
    ]);
    for (let i = r.int(1, 2); i > 0; i--) {
      const match = ifMatch(etag);
      await w.send({
        method: 'PUT',
        path: url,
        headers: { ...JSON_TYPE, ...(match === null ? {} : { 'if-match': match }) },
        body: toJson(body),
      });
    }
  },

  'e1 new draft (form)': async (w) => {
    const r = w.random;
    if (r.chance(0.2)) w.browser.reset();
    await w.browser.get('/drafts/new');
    const party = r.weighted([
      [r.pick(w.soak.stateCodes), 8],
      ['EU', 1],
      [r.pick(['', 'XX', 'bt', 'EU ', 'ZZ', '__proto__', hostileString(r, 10)]), 2],
    ]);
    const first = await w.browser.postForm(
      '/drafts/new',
      encodeForm([
        ['_csrf', w.browser.token ?? ''],
        ['party', party],
      ]),
    );
    const location = headerText(first.headers.location);
    if (first.status === 303 && location.startsWith('/')) await w.browser.get(location);
    const treaties: string[] = TREATIES.filter(() => r.chance(0.5));
    if (r.chance(0.1)) treaties.push(r.pick(['xx', 'UNTOC', '']));
    const created = await w.browser.postForm(
      '/drafts',
      encodeForm([
        ['_csrf', w.browser.token ?? ''],
        ['party', r.chance(0.9) ? party : r.pick(w.soak.stateCodes)],
        ...treaties.map((t): FormEntry => ['treaties', t]),
      ]),
    );
    const id = /^\/drafts\/([A-Za-z0-9_-]{24})$/.exec(headerText(created.headers.location))?.[1];
    if (created.status === 303 && id) {
      w.soak.addDraft(id);
      if (r.chance(0.5)) await w.browser.get(`/drafts/${id}`);
    }
  },

  'e2 question pages': async (w) => {
    const r = w.random;
    const id = r.chance(0.95) ? await w.existingDraft() : randomDraftId(r);
    if (!id) return;
    await w.browser.csrf();
    const page = r.chance(0.93)
      ? r.pick(PAGES).id
      : r.pick(['nope', 'check', 'export', 'documents', 'delete', 'new', 'tasks', 'authorities']);
    const query = r.chance(0.1) ? `?return=check${r.chance(0.3) ? '&lang=fr' : ''}` : '';
    await w.openAndPost(`/drafts/${id}/${page}${query}`, [
      { name: 'place', kind: 'text', options: [] },
      { name: 'formalName', kind: 'text', options: [] },
    ]);
  },

  'e3 authorities & decl.': async (w) => {
    const r = w.random;
    const id = await w.existingDraft();
    if (!id) return;
    await w.browser.csrf();
    const base = `/drafts/${id}`;
    const collection = r.chance(0.65) ? 'authorities' : 'declarations';
    const listPath = collection === 'authorities' ? `${base}/${r.pick(LISTS)}` : `${base}/declarations`;
    const list = await w.browser.get(listPath);
    const entries =
      list.status === 200
        ? [
            ...new Set(
              hrefs(list.body.toString('utf8')).flatMap(
                (h) => new RegExp(`/${collection}/([^/?]+)`).exec(h)?.[1] ?? [],
              ),
            ),
          ].filter((e) => e !== 'new')
        : [];
    const entry =
      entries.length > 0 && r.chance(0.85)
        ? r.pick(entries)
        : r.pick([
            'a1',
            'd1',
            'new',
            r.word(8),
            r.word(40),
            '%2e%2e',
            '-',
            '_',
            percentEncode(hostileString(r, 10)) || 'x',
          ]);
    const op = r.weighted([
      ['add', 4],
      ['change', 4],
      ['remove', 3],
      ['done', collection === 'declarations' ? 1 : 0],
    ] as const);
    if (op === 'add') {
      const query =
        collection === 'authorities'
          ? `?role=${r.chance(0.85) ? r.pick(ROLES) : r.pick(['xx', '', 'untoc-18-13,fp-13-2'])}`
          : '';
      await w.openAndPost(`${base}/${collection}/new${query}`);
    } else if (op === 'change') {
      await w.openAndPost(`${base}/${collection}/${entry}`);
    } else if (op === 'remove') {
      const page = await w.browser.get(`${base}/${collection}/${entry}/remove`);
      const html = page.status === 200 ? page.body.toString('utf8') : '';
      const rev = w.revisionValue(html ? revisionOf(html) : null);
      const entriesToSend: FormEntry[] = [
        ['_csrf', w.browser.token ?? ''],
        ...(rev === null ? [] : ([['_revision', rev]] as FormEntry[])),
        ['confirm', r.pick(['yes', 'yes', 'no', '', 'maybe', hostileString(r, 10)])],
      ];
      await w.browser.postForm(
        (html && formAction(html)) || `${base}/${collection}/${entry}/remove`,
        encodeForm(entriesToSend),
      );
    } else {
      const html = list.status === 200 ? list.body.toString('utf8') : '';
      await w.browser.postForm(
        `${base}/declarations`,
        encodeForm(w.formEntries(formFields(html), html ? revisionOf(html) : null)),
      );
    }
  },

  'e4 forgery & limits': async (w) => {
    const r = w.random;
    const id = w.draftId();
    const token = await w.browser.csrf();
    const target = r.pick([
      `/drafts/${id}/signing`,
      `/drafts/${id}/party`,
      '/drafts/new',
      '/drafts',
      `/drafts/${id}/delete`,
      `/drafts/${id}/authorities/new?role=untoc-18-13`,
    ]);
    const variant = r.int(0, 9);
    const form = (entries: FormEntry[], headers: Record<string, string> = {}) =>
      w.browser.postForm(target, encodeForm(entries), headers);
    switch (variant) {
      case 0:
        await form([['place', plainText(r)]]);
        return;
      case 1:
        await form([
          [
            '_csrf',
            r.pick([r.word(43), '', token.slice(1), `${token}x`, token.toUpperCase(), 'x'.repeat(10_000)]),
          ],
          ['place', plainText(r)],
        ]);
        return;
      case 2:
        await form([
          ['_csrf', token],
          ['_csrf', token],
          ['place', plainText(r)],
        ]);
        return;
      case 3:
        await form(
          [['_csrf', token]],
          r.pick<Record<string, string>>([
            { 'sec-fetch-site': 'cross-site' },
            { origin: 'http://evil.example' },
            { 'sec-fetch-site': 'same-site' },
            { origin: 'null' },
          ]),
        );
        return;
      case 4: {
        // More than 500 fields (the form parser's parameter limit), or exactly at it.
        const count = r.pick([499, 500, 501, 502, 1000, 5000]);
        const entries: FormEntry[] = [['_csrf', token]];
        for (let i = entries.length; i < count; i++)
          entries.push([r.chance(0.5) ? 'place' : `f${i}`, r.word(3)]);
        await form(entries);
        return;
      }
      case 5: {
        const big = `_csrf=${token}&place=${'x'.repeat(r.pick([BODY_LIMIT - 100, BODY_LIMIT + 1, BODY_LIMIT * 3]))}`;
        await w.browser.postForm(target, big);
        return;
      }
      case 6: {
        const tail = r.pick([
          '%',
          '%ZZ',
          '%ED%A0%80',
          '%FF%FE',
          '&&&',
          '=',
          'a=b=c',
          '%00=%00',
          'place=%C0%AE',
          `place=${'%'.repeat(1000)}`,
          'place[__proto__]=1',
        ]);
        await w.browser.postForm(target, `_csrf=${token}&${tail}`);
        return;
      }
      case 7:
        await w.browser.send({
          method: 'POST',
          path: target,
          headers: {
            'content-type': r.pick([
              'application/json',
              'text/plain',
              'multipart/form-data; boundary=zz',
              '',
            ]),
          },
          body: r.chance(0.5) ? JSON.stringify({ _csrf: token, place: 'x' }) : `_csrf=${token}&place=x`,
        });
        return;
      case 8: {
        const { body, contentType } = multipart([
          { name: '_csrf', value: token },
          { name: 'place', value: plainText(r) },
        ]);
        await w.browser.send({
          method: 'POST',
          path: target,
          headers: { 'content-type': contentType },
          body,
        });
        return;
      }
      default:
        // A token that is well formed but not this browser's.
        await w.send({
          method: 'POST',
          path: target,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `csrf=${r.word(43)}` },
          body: encodeForm([
            ['_csrf', token],
            ['place', 'x'],
          ]),
        });
    }
  },

  'e5 import': async (w) => {
    const r = w.random;
    await w.browser.get('/drafts/import');
    const token = w.browser.token ?? '';
    const json = (value: unknown) => Buffer.from(toJson(value), 'utf8');
    let file: Buffer;
    const kind = r.weighted([
      ['export', 4],
      ['package', 3],
      ['mutated', 3],
      ['hostile', 2],
      ['garbage', 2],
      ['special', 2],
    ] as const);
    if (kind === 'export') {
      const id = await w.existingDraft();
      const exported = id ? await w.browser.get(`/drafts/${id}/export`) : null;
      file = exported && exported.status === 200 ? exported.body : json(w.sample());
      if (r.chance(0.4)) {
        const text = file.toString('utf8');
        file = Buffer.from(
          r.pick([
            text.replace(/"format"\s*:\s*\d+/, `"format":${r.pick([0, 1, 3, 999, -1, 1.5])}`),
            text.replace(/"kind"\s*:\s*"[^"]*"/, '"kind":"other"'),
            text.replace(/"visited"\s*:\s*\[/, '"visited":["nope",'),
            toJson(mutatePackage(JSON.parse(text) as unknown, r, BODY_LIMIT).value),
          ]),
          'utf8',
        );
      }
    } else if (kind === 'package')
      file = json(r.chance(0.5) ? { package: w.sample(false) } : w.sample(false));
    else if (kind === 'mutated') file = json(mutatePackage(w.sample(), r, BODY_LIMIT).value);
    else if (kind === 'hostile')
      file = json(hostileFields(w.sample(), w.soak.textKeys, r, { passable: r.chance(0.6) }));
    else if (kind === 'garbage') file = garbageBodies(r);
    else
      file = r.pick([
        Buffer.alloc(0),
        Buffer.from('[]', 'utf8'),
        Buffer.from('{"kind":"untoc-accession-draft","format":999,"draft":{}}', 'utf8'),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(w.sample())]),
        Buffer.alloc(BODY_LIMIT + 1, 0x20),
        Buffer.from('\uFEFF{"party":1}', 'utf8'),
      ]);
    const filePart: MultipartPart = {
      name: 'file',
      file: {
        filename: r.pick([
          'draft.json',
          '../../etc/passwd',
          'a"b.json',
          hostileString(r, 30).replace(/[\r\n"]/g, '_'),
          '',
        ]),
        type: r.pick(['application/json', 'application/octet-stream', 'text/plain', 'image/png']),
        content: file,
      },
    };
    const shape = r.weighted([
      ['normal', 12],
      ['no-token', 1],
      ['token-after', 1],
      ['two-files', 1],
      ['wrong-name', 1],
      ['many-fields', 1],
      ['no-file', 1],
      ['malformed', 2],
    ] as const);
    const parts: MultipartPart[] =
      shape === 'no-token'
        ? [filePart]
        : shape === 'token-after'
          ? [filePart, { name: '_csrf', value: token }]
          : shape === 'two-files'
            ? [{ name: '_csrf', value: token }, filePart, filePart]
            : shape === 'wrong-name'
              ? [
                  { name: '_csrf', value: token },
                  { ...filePart, name: 'upload' },
                ]
              : shape === 'many-fields'
                ? [
                    { name: '_csrf', value: token },
                    ...Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, value: 'x' })),
                    filePart,
                  ]
                : shape === 'no-file'
                  ? [{ name: '_csrf', value: token }]
                  : [{ name: '_csrf', value: token }, filePart];
    const built = multipart(parts);
    let body = built.body;
    let contentType = built.contentType;
    if (shape === 'malformed') {
      const variant = r.int(0, 3);
      if (variant === 0) body = body.subarray(0, Math.max(0, body.length - r.int(3, 40)));
      else if (variant === 1) contentType = 'multipart/form-data';
      else if (variant === 2) contentType = 'multipart/form-data; boundary=other';
      else body = Buffer.from(body.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    }
    const res = await w.browser.send({
      method: 'POST',
      path: '/drafts/import',
      headers: { 'content-type': contentType },
      body,
    });
    const id = /^\/drafts\/([A-Za-z0-9_-]{24})\?imported=1$/.exec(headerText(res.headers.location))?.[1];
    if (res.status === 303 && id) {
      w.soak.addDraft(id);
      if (r.chance(0.5)) await w.browser.get(`/drafts/${id}?imported=1`);
    }
  },

  'e6 views & downloads': async (w) => {
    const r = w.random;
    const id = w.draftId();
    const base = `/drafts/${id}`;
    const doclang = () => r.pick(['en', 'fr', 'en', 'fr', 'xx', '']);
    const mode = () => r.pick(['draft', 'draft', 'final', 'x']);
    const view = r.weighted([
      ['download', 4],
      ['tasks', 2],
      ['check', 2],
      ['documents', 2],
      ['checklist', 1],
      ['export', 1],
      ['lists', 2],
    ] as const);
    let target: string;
    if (view === 'download') {
      const name = r.chance(0.95) ? w.documentName() : r.pick(['x', 'package', 'bundle.zip']);
      target = `${base}/documents/${name}?mode=${mode()}&doclang=${doclang()}${name === 'instrument' || r.chance(0.1) ? `&treaty=${r.pick(TREATIES)}` : ''}`;
    } else if (view === 'tasks')
      target = `${base}${r.pick(['', '?cleared=full-powers', '?merged=1', '?imported=1', '?lang=fr'])}`;
    else if (view === 'check') target = `${base}/check${r.pick(['', '?lang=fr'])}`;
    else if (view === 'documents') target = `${base}/documents?mode=${mode()}&doclang=${doclang()}`;
    else if (view === 'checklist') target = `${base}/checklist?doclang=${doclang()}`;
    else if (view === 'export') target = `${base}/export`;
    else target = `${base}/${r.pick([...LISTS, 'declarations'])}`;
    await w.browser.get(
      target,
      r.chance(0.2) ? { 'accept-language': r.pick(['fr', 'fr-CA', 'de', 'ar']) } : {},
    );
  },

  'e7 delete': async (w) => {
    const r = w.random;
    // Mostly a draft made for the purpose, so that the others stay for the other categories.
    const id = r.chance(0.7) ? await w.createDraft(w.sample()) : w.draftId();
    if (!id) return;
    const page = await w.browser.get(`/drafts/${id}/delete`);
    const html = page.status === 200 ? page.body.toString('utf8') : '';
    const rev = w.revisionValue(html ? revisionOf(html) : null);
    const res = await w.browser.postForm(
      `/drafts/${id}/delete`,
      encodeForm([
        ['_csrf', w.browser.token ?? ''],
        ...(rev === null ? [] : ([['_revision', rev]] as FormEntry[])),
      ]),
    );
    if (res.status === 303) {
      w.soak.forgetDraft(id);
      if (r.chance(0.5)) await w.browser.get(`/drafts/${id}`);
    }
  },
};

// -------------------------------------------------------------------------------------------------
// The report

function memoryOf(pid: number): string {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The CPU time (user + system) a process has used, in seconds (Linux /proc; null elsewhere). */
function cpuSecondsOf(pid: number): number | null {
  const ms = cpuMsOfStat(`/proc/${pid}/stat`);
  return ms === undefined ? null : ms / 1000;
}

const excerpt = (s: string, n: number) => {
  const shown = JSON.stringify(s.length > n ? `${s.slice(0, n)}...` : s);
  return s.length > n ? `${shown} (${s.length} characters in all)` : shown;
};

function describeRequest(request: Failure['request']): string[] {
  if ('raw' in request) return [`    raw bytes: ${excerpt(request.raw, 400)}`];
  const body =
    request.body === null || request.body === undefined
      ? ''
      : Buffer.isBuffer(request.body)
        ? request.body.toString('utf8')
        : request.body;
  return [
    `    ${request.method} ${request.path.length > 300 ? `${request.path.slice(0, 300)}...` : request.path}`,
    `    headers: ${JSON.stringify(request.headers ?? {})}`,
    `    body: ${body === '' ? '(none)' : excerpt(body, 600)}`,
  ];
}

interface LogLine {
  readonly line: string;
  readonly method: string;
  readonly path: string;
  readonly cause: string;
  used: boolean;
}

/** The server's unhandled_error lines, read: the request they name, and the cause (name, first frame). */
function readLogLines(soak: Soak): LogLine[] {
  return soak.unhandled.map(({ line }) => {
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      // The first frame in a file (not "decodeURIComponent (<anonymous>)"), relative to the project.
      const frames = String(parsed.stack ?? '')
        .split('|')
        .map((f) => f.trim().replace(/^at /, ''));
      const frame = (frames.find((f) => /:\d+:\d+\)?$/.test(f)) ?? frames[0] ?? '')
        .split(`${PATHS.root}/`)
        .join('');
      return {
        line,
        method: String(parsed.method),
        path: String(parsed.path),
        cause: `${String(parsed.name)} at ${frame}`,
        used: false,
      };
    } catch {
      return { line, method: '', path: '', cause: line.slice(0, 200), used: false };
    }
  });
}

/**
 * Every 5xx, grouped by its cause: the unhandled_error line the server logged for it (matched in order by
 * method and path as the log writes it), with the routes it came from and one request that reproduces it;
 * then the unhandled_error lines that no 5xx answer goes with.
 */
function printCauses(soak: Soak): void {
  const lines = readLogLines(soak);
  const causes = new Map<
    string,
    { count: number; routes: Map<string, number>; example: Failure; line: string | null }
  >();
  for (const failure of soak.failures) {
    let cause = `${failure.status}, no unhandled_error line`;
    let line: string | null = null;
    let route = `${failure.category} (raw bytes)`;
    if (!('raw' in failure.request)) {
      const { method, path: target } = failure.request;
      route = `${method} ${shapeOf(target)}`;
      const logged = maskPath(target.split('?')[0]!);
      const match = lines.find((l) => !l.used && l.method === method && l.path === logged);
      if (match) {
        match.used = true;
        cause = `${failure.status}: ${match.cause}`;
        line = match.line;
      }
    }
    const group = causes.get(cause) ?? {
      count: 0,
      routes: new Map<string, number>(),
      example: failure,
      line,
    };
    group.count++;
    group.routes.set(route, (group.routes.get(route) ?? 0) + 1);
    // The shortest request makes the best reproducer.
    if (requestSize(failure.request) < requestSize(group.example.request)) {
      group.example = failure;
      group.line = line ?? group.line;
    }
    causes.set(cause, group);
  }
  console.log('\n5xx, by cause (one request that reproduces each: the shortest seen):');
  for (const [cause, group] of [...causes.entries()].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`\n  ${group.count} x ${cause}`);
    const routes = [...group.routes.entries()].sort((a, b) => b[1] - a[1]);
    const more = routes.length > 12 ? `, and ${routes.length - 12} more routes` : '';
    console.log(
      `    from: ${routes
        .slice(0, 12)
        .map(([r, n]) => `${r} (${n})`)
        .join(', ')}${more}`,
    );
    console.log(`    reproducer [${group.example.category}]:`);
    for (const text of describeRequest(group.example.request)) console.log(`  ${text}`);
    console.log(`      response: ${excerpt(group.example.response, 200)}`);
    if (group.line) console.log(`      server log: ${group.line.slice(0, 1500)}`);
  }
  const alone = lines.filter((l) => !l.used);
  if (alone.length > 0) {
    console.log('\nunhandled_error lines with no 5xx answer matched to them:');
    const kinds = new Map<string, { count: number; line: string }>();
    for (const l of alone) {
      const key = `${l.method} ${l.path} ${l.cause}`;
      const entry = kinds.get(key);
      if (entry) entry.count++;
      else kinds.set(key, { count: 1, line: l.line });
    }
    for (const { count, line } of [...kinds.values()].sort((a, b) => b.count - a.count))
      console.log(`  ${count} x ${line.slice(0, 1500)}`);
  }
}

function requestSize(request: Failure['request']): number {
  if ('raw' in request) return request.raw.length;
  const body = request.body ?? '';
  if (body === NOT_KEPT) return Infinity;
  return request.method.length + request.path.length + (typeof body === 'string' ? body.length : body.length);
}

function report(
  soak: Soak,
  seconds: number,
  memory: { before: string; after: string; cpu: string },
  server: ServerProcess,
  exit: string,
): boolean {
  const rows = [...soak.rows.entries()].filter(([, row]) => row.requests > 0);
  const total = rows.reduce((n, [, row]) => n + row.requests, 0);
  const fives = rows.reduce((n, [, row]) => n + row.classes['5xx'], 0);
  console.log(
    `\nRequests: ${total} in ${seconds.toFixed(1)} s: ${(total / seconds).toFixed(0)} requests/s (${CONCURRENCY} in flight, seed ${SEED})`,
  );
  console.log('\nBy status code:');
  for (const [status, count] of [...soak.statuses.entries()].sort((a, b) => a[0] - b[0]))
    console.log(`  ${status === 0 ? 'none' : String(status)}`.padEnd(8) + String(count).padStart(8));
  console.log('\nBy category (ms: mean time to answer, in milliseconds):');
  const columns = ['requests', '2xx', '3xx', '4xx', '5xx', 'none', 'ms'];
  const line = (label: string, cells: (number | string)[]) =>
    `  ${label.padEnd(26)}${cells.map((n) => String(n).padStart(9)).join('')}`;
  const head = line('category', columns);
  const rule = `  ${'-'.repeat(head.length - 2)}`;
  console.log(head);
  console.log(rule);
  const sums = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, none: 0 } as Record<StatusClass, number>;
  let ms = 0;
  for (const [category, row] of rows) {
    const c = row.classes;
    for (const k of Object.keys(sums) as StatusClass[]) sums[k] += c[k];
    ms += row.ms;
    const mean = (row.ms / row.requests).toFixed(1);
    console.log(line(category, [row.requests, c['2xx'], c['3xx'], c['4xx'], c['5xx'], c.none, mean]));
  }
  console.log(rule);
  console.log(
    line('all', [
      total,
      sums['2xx'],
      sums['3xx'],
      sums['4xx'],
      sums['5xx'],
      sums.none,
      (ms / total).toFixed(1),
    ]),
  );

  if (soak.noResponse.size > 0) {
    console.log('\nNo response ("none"):');
    for (const [key, { count }] of [...soak.noResponse.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, 30))
      console.log(`  ${String(count).padStart(6)}  ${key}`);
  }
  if (soak.scriptErrors.size > 0) {
    console.log('\nErrors of this script (not of the server):');
    for (const [text, count] of soak.scriptErrors) console.log(`  ${String(count).padStart(6)}  ${text}`);
  }
  if (soak.otherServerOutput.length > 0) {
    console.log('\nOther server output (not info lines):');
    for (const line of soak.otherServerOutput.slice(0, 20)) console.log(`  ${line.slice(0, 400)}`);
  }
  console.log(
    `\nServer: ${memory.cpu} during the run; memory (RSS) ${memory.before} after start-up, ${memory.after} at the end;`,
  );
  console.log(`  ${exit}`);
  console.log(`Drafts known at the end: ${soak.drafts.length} (of the most recent 400 kept)`);

  const bar = '='.repeat(72);
  console.log(`\n${bar}`);
  console.log(`  5xx responses:             ${fives}${fives === 0 ? '' : '   <-- must be 0'}`);
  console.log(
    `  unhandled_error log lines: ${soak.unhandled.length}${soak.unhandled.length === 0 ? '' : '   <-- must be 0'}`,
  );
  console.log(`  requests: ${total}, ${(total / seconds).toFixed(0)} requests/s, ${seconds.toFixed(1)} s`);
  console.log(bar);

  if (soak.failures.length > 0 || soak.unhandled.length > 0) printCauses(soak);
  if (soak.failures.length > 0 || soak.unhandled.length > 0) {
    const file = process.env.SOAK_REPORT ?? path.join(os.tmpdir(), `soak-5xx-${SEED}-${Date.now()}.json`);
    const serializable = soak.failures.map((f) => ({
      category: f.category,
      status: f.status,
      at: f.at,
      response: f.response,
      request:
        'raw' in f.request
          ? { raw: f.request.raw }
          : {
              method: f.request.method,
              path: f.request.path,
              headers: f.request.headers ?? {},
              body:
                f.request.body === null || f.request.body === undefined
                  ? null
                  : Buffer.isBuffer(f.request.body)
                    ? {
                        base64: f.request.body.toString('base64'),
                        utf8: f.request.body.toString('utf8').slice(0, 100_000),
                      }
                    : f.request.body,
            },
    }));
    fs.writeFileSync(
      file,
      JSON.stringify(
        { seed: SEED, origin: server.origin, failures: serializable, unhandled: soak.unhandled },
        null,
        2,
      ),
    );
    console.log(`\nEvery failing request, whole, and every unhandled_error line: ${file}`);
  }
  return fives === 0 && soak.unhandled.length === 0;
}

// -------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  installCleanup();
  const soak = new Soak();
  const dataDir = tempFolder('soak-');
  const port = await freePort();
  console.log(`Soak: ${TOTAL} requests, ${CONCURRENCY} in flight, seed ${SEED}`);
  console.log(
    `Server: dist/server/main.js on 127.0.0.1:${port}, DATA_DIR ${dataDir}, BODY_LIMIT_BYTES ${BODY_LIMIT}`,
  );
  const server = await startServer({
    dataDir,
    port,
    env: SERVER_ENV,
    onLine: (line, stream) => soak.onServerLine(line, stream),
  });
  const memoryBefore = memoryOf(server.pid);
  const cpuBefore = cpuSecondsOf(server.pid);
  soak.begin(server.origin);
  const schemaResponse = await soak.send('setup', { method: 'GET', path: '/api/v1/schema' });
  if (schemaResponse.status !== 200) throw new Error(`GET /api/v1/schema answered ${schemaResponse.status}`);
  soak.useSchema(JSON.parse(schemaResponse.body.toString('utf8')) as JsonSchema);
  // A few drafts to start with, so that the pages have something to open.
  for (const sample of soak.goodSamples.slice(0, 12)) {
    const res = await soak.send('setup', {
      method: 'POST',
      path: '/api/v1/drafts',
      headers: JSON_TYPE,
      body: toJson(sample.pkg),
    });
    const id = /([A-Za-z0-9_-]{24})$/.exec(headerText(res.headers.location))?.[1];
    if (res.status === 201 && id) soak.addDraft(id);
  }
  // Which hostile pieces does the schema accept in a one-line field? Those go into the documents (b2).
  const accepted: string[] = [];
  const probe = soak.goodSamples[0]!.pkg as { party: Record<string, unknown> };
  for (const piece of HOSTILE_PIECES.filter((p) => p.trim() !== '')) {
    const res = await soak.send('setup', {
      method: 'POST',
      path: '/api/v1/validate',
      headers: JSON_TYPE,
      body: toJson({ ...probe, party: { ...probe.party, formalName: `A${piece}B` } }),
    });
    if (res.status === 200) accepted.push(piece);
  }
  usePassablePieces(accepted);
  console.log(
    `Hostile pieces the schema accepts in a one-line field (used for b2, b3): ${accepted.length} of ${HOSTILE_PIECES.length}`,
  );
  console.log(
    `${soak.goodSamples.length} good and ${soak.allSamples.length - soak.goodSamples.length} bad sample packages; ${soak.textKeys.size} free-text fields in the schema`,
  );
  // One sample of each flavour, to fail early if the schema walk cannot generate.
  fc.sample(arbitraryFor(soak.schema, 'wild'), 1);
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => new Worker(soak, i).run()));
  const seconds = (performance.now() - started) / 1000;
  const memoryAfter = memoryOf(server.pid);
  const cpuAfter = cpuSecondsOf(server.pid);
  const serverCpu =
    cpuBefore !== null && cpuAfter !== null
      ? `${(cpuAfter - cpuBefore).toFixed(1)} s of CPU (${((100 * (cpuAfter - cpuBefore)) / seconds).toFixed(0)}% of one core)`
      : 'unknown CPU time';
  const alive =
    server.pid > 0 && (await soak.client.send({ method: 'GET', path: '/api/v1/health' })).status === 200;
  soak.client.close();
  await server.stop();
  const { code, signal } = await server.exited;
  const exit = `${alive ? 'it still answered /api/v1/health at the end' : 'IT NO LONGER ANSWERED /api/v1/health'}, and exited with ${signal ?? `code ${code}`} on SIGTERM`;
  const ok = report(
    soak,
    seconds,
    { before: memoryBefore, after: memoryAfter, cpu: serverCpu },
    server,
    exit,
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
