/**
 * Crash: kill the server with SIGKILL in the middle of its writes, again and again, and check that no
 * acknowledged write is lost (`npm run crash`). Not a test, a report.
 *
 * One DATA_DIR (a temporary folder) serves every run of the server, with no limit on creating drafts
 * (DRAFT_CREATE_LIMIT=0). Each round:
 *   1. start dist/server/main.js on it and wait until GET /api/v1/health answers 200;
 *   2. check the drafts written in the round before (and a random sample of the others) against what
 *      was acknowledged (below);
 *   3. start CRASH_WRITERS writers (8). Each writes only its own drafts, one write at a time, so that at
 *      most one write per draft is in flight when the server dies. A write is one of: create a draft
 *      through the API (POST /api/v1/drafts -> 201, ETag "r1"), create one through the pages (POST
 *      /drafts with the anti-forgery token -> 303), replace a draft's package through the API (PUT with
 *      If-Match -> 200 and the new ETag), or save the signing page (POST /drafts/{id}/signing with its
 *      `_revision` -> 303). Every save writes a new unique value (the place of signing);
 *   4. SIGKILL the server 20 to 300 ms after the writers started (CRASH_MIN_MS, CRASH_MAX_MS).
 * After the last kill the server is started once more, every draft ever acknowledged is checked, the
 * server is stopped (SIGTERM), and the SQLite file is opened with better-sqlite3 for
 * `PRAGMA integrity_check` and `PRAGMA foreign_key_check`.
 *
 * A write counts as acknowledged when its answer arrived: 201 or 200 (the revision from the ETag) or
 * 303 (the revision is the one the form was read at, plus one). After a restart a draft must exist
 * (else: a draft lost) and be at its acknowledged revision with the acknowledged value, or at the next
 * revision with the value of the write that was in flight when the server died (its answer was lost, not
 * its write). Anything else is an acknowledged save lost (counted as the number of acknowledged revisions
 * missing, at least one).
 *
 * Settings: CRASH_KILLS (100; or the first argument: `npm run crash -- 300`), CRASH_WRITERS,
 * CRASH_MIN_MS, CRASH_MAX_MS, CRASH_SEED. Exit status 0 when nothing was lost and the file is intact, 1
 * otherwise, 2 when the script itself fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { freePort, installCleanup, startServer, tempFolder, type ServerProcess } from './child-server';
import { Browser, encodeForm, HttpClient, type IncomingResponse } from './http-client';
import { Random } from './soak-data';
import { PATHS } from '../server/paths';

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return n;
}

const KILLS = positiveInteger('kills', process.argv[2] ?? process.env.CRASH_KILLS, 100);
const WRITERS = positiveInteger('CRASH_WRITERS', process.env.CRASH_WRITERS, 8);
const MIN_MS = positiveInteger('CRASH_MIN_MS', process.env.CRASH_MIN_MS, 20);
const MAX_MS = Math.max(MIN_MS, positiveInteger('CRASH_MAX_MS', process.env.CRASH_MAX_MS, 300));
const SEED = positiveInteger('CRASH_SEED', process.env.CRASH_SEED, 1 + Math.floor(Math.random() * 2 ** 30));
/** Drafts not written in a round are checked in a sample of this size after each restart (all at the end). */
const SAMPLE = 50;

const SERVER_ENV = {
  DRAFT_RETENTION_DAYS: '3650',
  DATABASE_MAX_BYTES: String(64 * 1024 ** 3),
  // The limit on creating drafts per client address (server/http/limits.ts): 0 turns it off.
  DRAFT_CREATE_LIMIT: process.env.DRAFT_CREATE_LIMIT ?? '0',
};

/** The package every draft starts from: a complete sample whose place of signing each save changes. */
const BASE = JSON.parse(
  fs.readFileSync(path.join(PATHS.root, 'examples', 'thailand-som-ratification.json'), 'utf8'),
) as Record<string, unknown> & { signing: Record<string, unknown> };

const withPlace = (place: string) => ({ ...BASE, signing: { ...BASE.signing, place } });

interface Tracked {
  readonly id: string;
  readonly writer: number;
  /** The revision and the place of signing last acknowledged (or read after a restart). */
  revision: number;
  place: string | null;
  /** The write sent and not answered when the server died: it may have been committed or not. */
  pending: { revision: number; place: string } | null;
  /** Written since it was last checked. */
  touched: boolean;
}

interface Counts {
  apiCreates: number;
  formCreates: number;
  apiSaves: number;
  pageSaves: number;
  refused: number;
  unanswered: number;
  draftsLost: number;
  savesLost: number;
  inFlightCommitted: number;
  checks: number;
}

const counts: Counts = {
  apiCreates: 0,
  formCreates: 0,
  apiSaves: 0,
  pageSaves: 0,
  refused: 0,
  unanswered: 0,
  draftsLost: 0,
  savesLost: 0,
  inFlightCommitted: 0,
  checks: 0,
};
const tracked: Tracked[] = [];
const problems: string[] = [];
/** Writes answered with another status than their success (none expected; not a loss). */
const refusals = new Map<string, number>();
const random = new Random(SEED);

const headerText = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : (value ?? '');
const revisionOfEtag = (etag: string) => Number(/^"r(\d+)"$/.exec(etag)?.[1] ?? NaN);

// -------------------------------------------------------------------------------------------------
// Writers

class Writer {
  readonly browser: Browser;
  readonly random: Random;
  private n = 0;

  constructor(
    readonly index: number,
    private readonly client: () => HttpClient,
  ) {
    this.random = new Random(SEED * 17 + index * 104_729);
    this.browser = new Browser((request) => this.client().send(request));
  }

  private own(): Tracked[] {
    return tracked.filter((t) => t.writer === this.index);
  }

  private marker(round: number): string {
    this.n++;
    return `round ${round} writer ${this.index} write ${this.n}`;
  }

  /** Write until the server stops answering (it was killed) or `stopped` says so. */
  async run(round: number, stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      const own = this.own();
      const op =
        own.length === 0
          ? 'api-create'
          : this.random.weighted([
              ['api-create', 2],
              ['form-create', 1],
              ['api-save', 4],
              ['page-save', 4],
            ] as const);
      const answered = await this.write(op, round, own);
      if (!answered) return;
    }
  }

  /** One write; false when no answer came. */
  private async write(
    op: 'api-create' | 'form-create' | 'api-save' | 'page-save',
    round: number,
    own: Tracked[],
  ): Promise<boolean> {
    const place = this.marker(round);
    if (op === 'api-create') {
      const res = await this.client().send({
        method: 'POST',
        path: '/api/v1/drafts',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(withPlace(place)),
      });
      const id = /\/api\/v1\/drafts\/([A-Za-z0-9_-]{24})$/.exec(headerText(res.headers.location))?.[1];
      if (res.status === 201 && id) {
        counts.apiCreates++;
        tracked.push({
          id,
          writer: this.index,
          revision: revisionOfEtag(headerText(res.headers.etag)),
          place,
          pending: null,
          touched: true,
        });
      }
      return this.outcome(res, 201);
    }
    if (op === 'form-create') {
      const token = await this.token();
      if (token === null) return false;
      const res = await this.browser.postForm(
        '/drafts',
        encodeForm([
          ['_csrf', token],
          ['party', 'TH'],
          ['treaties', 'som'],
        ]),
      );
      const id = /^\/drafts\/([A-Za-z0-9_-]{24})$/.exec(headerText(res.headers.location))?.[1];
      if (res.status === 303 && id) {
        counts.formCreates++;
        tracked.push({ id, writer: this.index, revision: 1, place: null, pending: null, touched: true });
      }
      return this.outcome(res, 303);
    }
    const draft = this.random.pick(own);
    draft.touched = true;
    draft.pending = { revision: draft.revision + 1, place };
    if (op === 'api-save') {
      const res = await this.client().send({
        method: 'PUT',
        path: `/api/v1/drafts/${draft.id}`,
        headers: { 'content-type': 'application/json', 'if-match': `"r${draft.revision}"` },
        body: JSON.stringify(withPlace(place)),
      });
      if (res.status === 200) {
        counts.apiSaves++;
        draft.revision = revisionOfEtag(headerText(res.headers.etag));
        draft.place = place;
        draft.pending = null;
      } else if (res.status !== 0) draft.pending = null;
      return this.outcome(res, 200);
    }
    const token = await this.token();
    if (token === null) return false;
    const res = await this.browser.postForm(
      `/drafts/${draft.id}/signing`,
      encodeForm([
        ['_csrf', token],
        ['_revision', String(draft.revision)],
        ['place', place],
        ['date-day', ''],
        ['date-month', ''],
        ['date-year', ''],
      ]),
    );
    if (res.status === 303) {
      counts.pageSaves++;
      draft.revision += 1;
      draft.place = place;
      draft.pending = null;
    } else if (res.status !== 0) draft.pending = null;
    return this.outcome(res, 303);
  }

  /** The anti-forgery token (a cookie and a field: it outlives the server), opening a page once for it. */
  private async token(): Promise<string | null> {
    if (this.browser.token) return this.browser.token;
    const res = await this.browser.get('/drafts/new');
    return res.status === 200 ? this.browser.token : null;
  }

  private outcome(res: IncomingResponse, expected: number): boolean {
    if (res.status === 0) {
      counts.unanswered++;
      return false;
    }
    if (res.status !== expected) {
      counts.refused++;
      const key = `${res.status} ${res.body.toString('utf8').slice(0, 160).replace(/\s+/g, ' ')}`;
      refusals.set(key, (refusals.get(key) ?? 0) + 1);
    }
    return true;
  }
}

// -------------------------------------------------------------------------------------------------
// Checking

async function check(client: HttpClient, drafts: readonly Tracked[], when: string): Promise<void> {
  let next = 0;
  const one = async (draft: Tracked) => {
    counts.checks++;
    const res = await client.send({ method: 'GET', path: `/api/v1/drafts/${draft.id}` });
    if (res.status === 404) {
      counts.draftsLost++;
      problems.push(`${when}: draft ${draft.id} (acknowledged at r${draft.revision}) is gone`);
      // Counted once: it is no longer followed.
      tracked.splice(tracked.indexOf(draft), 1);
      return;
    }
    if (res.status !== 200) {
      counts.draftsLost++;
      problems.push(`${when}: draft ${draft.id} could not be read: ${res.status} ${res.error ?? ''}`);
      tracked.splice(tracked.indexOf(draft), 1);
      return;
    }
    const body = JSON.parse(res.body.toString('utf8')) as {
      revision: number;
      package: { signing: { place: string | null } };
    };
    const revision = body.revision;
    const place = body.package.signing.place;
    const acknowledged = revision === draft.revision && place === draft.place;
    const inFlight =
      draft.pending !== null && revision === draft.pending.revision && place === draft.pending.place;
    if (inFlight) counts.inFlightCommitted++;
    if (!acknowledged && !inFlight) {
      counts.savesLost += Math.max(1, draft.revision - revision);
      problems.push(
        `${when}: draft ${draft.id} is at r${revision} "${place}", acknowledged r${draft.revision} "${draft.place}"` +
          (draft.pending ? ` (in flight: r${draft.pending.revision} "${draft.pending.place}")` : ''),
      );
    }
    draft.revision = revision;
    draft.place = place;
    draft.pending = null;
    draft.touched = false;
  };
  const list = [...drafts];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < list.length) await one(list[next++]!);
    }),
  );
}

function toCheck(): Tracked[] {
  const touched = tracked.filter((t) => t.touched);
  const others = tracked.filter((t) => !t.touched);
  const sample: Tracked[] = [];
  for (let i = 0; i < Math.min(SAMPLE, others.length); i++) sample.push(random.pick(others));
  return [...touched, ...new Set(sample)];
}

// -------------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function start(dataDir: string): Promise<{ server: ServerProcess; client: HttpClient }> {
  const server = await startServer({ dataDir, port: await freePort(), env: SERVER_ENV });
  return { server, client: new HttpClient(server.origin, { sockets: WRITERS + 8, timeoutMs: 30_000 }) };
}

/**
 * Requests that write nothing, so that a freshly started server has compiled its code paths (the first
 * request takes ten times as long) before the writes and the kill timer start.
 */
async function warmUp(client: HttpClient): Promise<void> {
  const some = tracked.length > 0 ? random.pick(tracked).id : null;
  await client.send({ method: 'GET', path: '/drafts/new' });
  await client.send({
    method: 'POST',
    path: '/api/v1/validate',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BASE),
  });
  if (some) await client.send({ method: 'GET', path: `/drafts/${some}/signing` });
}

const acknowledgedWrites = () => counts.apiCreates + counts.formCreates + counts.apiSaves + counts.pageSaves;

async function main(): Promise<void> {
  installCleanup();
  const dataDir = tempFolder('crash-');
  console.log(
    `Crash: ${KILLS} SIGKILLs during writes, ${WRITERS} writers, ${MIN_MS}-${MAX_MS} ms into the writes, seed ${SEED}`,
  );
  console.log(`Server: dist/server/main.js, DATA_DIR ${dataDir} (the same for every start)`);
  const started = performance.now();
  let current: HttpClient | null = null;
  const writers = Array.from({ length: WRITERS }, (_, i) => new Writer(i, () => current!));
  for (let round = 1; round <= KILLS; round++) {
    const { server, client } = await start(dataDir);
    current = client;
    await check(client, toCheck(), `after kill ${round - 1}`);
    await warmUp(client);
    let stopped = false;
    const running = writers.map((w) => w.run(round, () => stopped));
    await sleep(random.int(MIN_MS, MAX_MS));
    await server.kill();
    stopped = true;
    await Promise.all(running);
    client.close();
    if (round % 10 === 0 || round === KILLS)
      console.log(
        `  kill ${String(round).padStart(4)}/${KILLS}: ${acknowledgedWrites()} writes acknowledged, ` +
          `${tracked.length} drafts followed, ${counts.draftsLost} drafts lost, ${counts.savesLost} saves lost`,
      );
  }
  const { server, client } = await start(dataDir);
  await check(client, [...tracked], `after kill ${KILLS} (every draft)`);
  client.close();
  await server.stop();
  const exit = await server.exited;

  const file = path.join(dataDir, 'assistant.sqlite');
  const db = new Database(file);
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join('; ');
  const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
  const rows = (db.prepare('SELECT COUNT(*) AS n FROM drafts').get() as { n: number }).n;
  db.close();
  const seconds = (performance.now() - started) / 1000;

  const bar = '='.repeat(72);
  console.log(`\n${bar}`);
  console.log(`  kills (SIGKILL during writes):  ${KILLS}`);
  console.log(
    `  writes acknowledged:            ${acknowledgedWrites()} (creates: ${counts.apiCreates} API, ` +
      `${counts.formCreates} pages; saves: ${counts.apiSaves} API PUT, ${counts.pageSaves} pages)`,
  );
  console.log(
    `  drafts lost:                    ${counts.draftsLost}${counts.draftsLost === 0 ? '' : '   <-- must be 0'}`,
  );
  console.log(
    `  acknowledged saves lost:        ${counts.savesLost}${counts.savesLost === 0 ? '' : '   <-- must be 0'}`,
  );
  console.log(
    `  integrity_check:                ${integrity}${integrity === 'ok' ? '' : '   <-- must be ok'}`,
  );
  console.log(bar);
  console.log(
    `\nWrites in flight at a kill, found committed after the restart: ${counts.inFlightCommitted} ` +
      `(their answer was lost, not the write); writes unanswered: ${counts.unanswered}; refused: ${counts.refused}`,
  );
  const extra = rows - tracked.length;
  console.log(
    `Checks: ${counts.checks} reads of drafts after restarts; ${tracked.length} drafts followed, ${rows} rows in ` +
      `the drafts table${extra > 0 ? ` (${extra} created by a write whose answer the kill cut off)` : ''}; ` +
      `foreign_key_check: ${foreignKeys === 0 ? 'no violation' : `${foreignKeys} violations`}`,
  );
  console.log(
    `Last stop: ${exit.signal ?? `exit code ${exit.code}`} on SIGTERM; ${seconds.toFixed(1)} s in all`,
  );
  if (refusals.size > 0) {
    console.log('\nWrites refused (not losses):');
    for (const [key, n] of refusals) console.log(`  ${String(n).padStart(5)} x ${key}`);
  }
  if (problems.length > 0) {
    console.log('\nProblems:');
    for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
  }
  const ok = counts.draftsLost === 0 && counts.savesLost === 0 && integrity === 'ok' && foreignKeys === 0;
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
