/**
 * Benchmarks: figures only, no thresholds (`npm run bench`).
 *
 * 1. In process: the median (and p95) time to build each document from the sample package (assess,
 *    build the model, write the .docx with the fast writer), and the whole bundle (.zip), over many runs
 *    after a warm-up; then the fast writer against the reference renderer (docx), interleaved, with
 *    their ratio, and the bundle against its floor (bench/writer.ts).
 * 2. Over loopback: requests per second and latency of POST /api/v1/documents/bundle under load
 *    (autocannon, 10 connections, 10 seconds), against the real app on a temporary SQLite file.
 * 3. The guided pages: saving and loading a draft in SQLite in process, and over loopback the task list,
 *    check answers and a question page's POST (with its anti-forgery cookie and field, as a browser sends).
 * 4. Documents off the event loop (bench/pool.ts): the built server as a child process, the task list's
 *    p95 alone and while 8 clients download bundles, and bundles offered at a steady 150 per second.
 * 1b. The instrument against its peers (bench/peers.ts): docxtemplater filling the same document as a
 *    template, in process; and one instrument's whole process against pandoc and LibreOffice.
 * 5. Start-up of the built server (bench/startup.ts): time to its first answer, and its CPU time by then.
 * 6. Memory over 10,000 bundles in process (bench/memory.ts; BENCH_MEMORY_BUNDLES to change the count):
 *    the heap after a full collection at every tenth, and its slope over the second half.
 * Also the process's resident memory before and after. BENCH_ONLY=writer|pool|startup|memory|peers runs that part alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { createHttpServer } from '../server/http/http-server';
import { loadParticipation } from '../server/catalogue';
import { buildBundle, buildModel, renderDocxFast } from '../server/documents';
import { assessPackage, parsePackage } from '../server/domain/validate';
import { createI18n } from '../server/i18n';
import { createLogger } from '../server/logger';
import { PATHS } from '../server/paths';
import { openStore } from '../server/store/store';
import { createDrafts } from '../server/store/drafts';
import { newDraft } from '../server/domain/draft';
import { installCleanup } from './child-server';
import { benchMemory } from './memory';
import { benchPeers } from './peers';
import { benchPool } from './pool';
import { benchStartup } from './startup';
import { quantile } from './stats';
import { benchWriter } from './writer';

// autocannon ships no types; this is the part of its API used here.
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

const TODAY = '2026-12-01';
const SAMPLE = path.join(
  PATHS.root,
  'tests',
  'fixtures',
  'packages',
  'good',
  'bhutan-accedes-untoc-tip-som',
  'package.json',
);

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} median ${quantile(samples, 0.5).toFixed(2).padStart(7)} ms   p95 ${quantile(samples, 0.95).toFixed(2).padStart(7)} ms   (${runs} runs)`,
  );
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${os.cpus().length} CPU(s): ${os.cpus()[0]?.model ?? 'unknown'}`);
  console.log(`RSS at start: ${mb(process.memoryUsage().rss)}`);
  const i18n = createI18n(PATHS.locales);
  const participation = loadParticipation(PATHS.participationData);
  const body = fs.readFileSync(SAMPLE, 'utf8');
  installCleanup();
  const parsed = parsePackage(JSON.parse(body));
  if (!parsed.ok) throw new Error('the sample package does not parse');
  const tr = { lng: 'en' as const, t: i18n.t('en') };
  const options = { tr, mode: 'draft' as const, today: TODAY };
  const assess = () => assessPackage(parsed.pkg, { participation, today: TODAY });
  const stylesheet = fs.readFileSync(path.join(PATHS.public, 'css', 'document.css'), 'utf8');
  const memory = () =>
    benchMemory(
      () => buildBundle(assess(), { ...options, stylesheet }),
      Number(process.env.BENCH_MEMORY_BUNDLES ?? 10_000),
    );
  const only = process.env.BENCH_ONLY;
  if (only === 'pool') return benchPool(autocannon, body);
  if (only === 'startup') return benchStartup();
  if (only === 'memory') return memory();
  if (only === 'peers') return benchPeers(assess, options, SAMPLE);
  if (only === 'writer') return benchWriter(assess, { ...options, stylesheet });

  console.log('\nIn process (parse + assess + build + render), sample package: Bhutan, UNTOC + TIP + SOM');
  await time('assess only (rules, checklist, EIF)', 500, async () => assess());
  const write = async (model: Parameters<typeof renderDocxFast>[0]) => renderDocxFast(model);
  await time('instrument (UNTOC) .docx', 200, () =>
    write(buildModel(assess(), 'instrument', { ...options, treaty: 'untoc' })),
  );
  await time('notifications .docx', 200, () => write(buildModel(assess(), 'notifications', options)));
  await time('full powers .docx', 200, () => write(buildModel(assess(), 'full-powers', options)));
  await time('checklist .docx', 100, () => write(buildModel(assess(), 'checklist', options)));
  await time('bundle .zip (all documents)', 50, () => buildBundle(assess(), { ...options, stylesheet }));
  await benchWriter(assess, { ...options, stylesheet });
  await benchPeers(assess, options, SAMPLE);
  console.log(`RSS after in-process runs: ${mb(process.memoryUsage().rss)}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const store = openStore(path.join(dir, 'bench.sqlite'));
  const app = createApp({
    i18n,
    participation,
    store,
    logger: createLogger(() => undefined),
    clock: () => new Date(`${TODAY}T12:00:00Z`),
    bodyLimitBytes: 256 * 1024,
    requestLog: false,
    draftRetentionDays: 365,
    databaseMaxBytes: 1024 * 1024 * 1024,
    trustProxy: false,
    // Not measured: the bench creates its drafts in the store.
    draftCreateLimit: { limit: 0, windowMinutes: 10 },
  });
  const server = createHttpServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  for (const [label, url] of [
    ['POST /api/v1/validate', `http://127.0.0.1:${port}/api/v1/validate`],
    ['POST /api/v1/documents/bundle', `http://127.0.0.1:${port}/api/v1/documents/bundle`],
  ] as const) {
    const result = await autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 10,
      duration: 10,
    });
    console.log(
      `\n${label} over loopback (10 connections, 10 s): ${result.requests.average.toFixed(1)} req/s, ` +
        `latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms; ` +
        `${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  }

  // The guided pages, on a draft holding the sample package.
  const drafts = createDrafts(store, {
    clock: () => new Date(`${TODAY}T12:00:00Z`),
    retentionDays: 365,
    maxBytes: 1024 * 1024 * 1024,
  });
  const draft = newDraft(parsed.pkg);
  const create = () => {
    const outcome = drafts.create(draft, { role: 'api', page: 'bench' });
    if (outcome.kind !== 'created') throw new Error('the bench database is full');
    return outcome.record.id;
  };
  let id = create();
  let created = 1;
  let flip = false;
  console.log('\nDrafts in SQLite (in process)');
  // A save that changes one answer: read, merge, clear, write the revision and its record, in one
  // BEGIN IMMEDIATE transaction.
  await time('save a draft (one answer changed, a new revision)', 2000, async () => {
    flip = !flip;
    drafts.save(id, {
      baseRevision: null,
      stale: 'merge',
      role: 'api',
      page: 'bench',
      change: (d) => ({
        ok: true,
        draft: {
          ...d,
          package: { ...d.package, signing: { ...d.package.signing, place: flip ? 'A' : 'B' } },
        },
      }),
    });
  });
  await time('load and parse a draft', 2000, async () => drafts.load(id));
  await time('create a draft (INSERT)', 500, async () => {
    id = create();
    created++;
  });
  const base = `http://127.0.0.1:${port}/drafts/${id}`;
  const first = await fetch(`${base}/signing`);
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await first.text())?.[1] ?? '';
  for (const [label, url, method, form] of [
    ['GET task list', base, 'GET', null],
    ['GET check answers', `${base}/check`, 'GET', null],
    [
      'POST a question page (signing)',
      `${base}/signing`,
      'POST',
      `_csrf=${token}&place=Thimphu&date-day=15&date-month=1&date-year=2027`,
    ],
  ] as const) {
    const result = await autocannon({
      url,
      method,
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form } : {}),
      connections: 10,
      duration: 5,
    });
    console.log(
      `${label} over loopback (10 connections, 5 s): ${result.requests.average.toFixed(1)} req/s, ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${result.non2xx} non-2xx (a POST answers 303), ${result.errors} errors`,
    );
  }
  const size =
    fs.statSync(path.join(dir, 'bench.sqlite')).size +
    (fs.existsSync(path.join(dir, 'bench.sqlite-wal'))
      ? fs.statSync(path.join(dir, 'bench.sqlite-wal')).size
      : 0);
  console.log(`SQLite file with ${created} drafts (with WAL): ${mb(size)}`);
  console.log(`RSS after load: ${mb(process.memoryUsage().rss)}`);
  server.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await benchPool(autocannon, body);
  await benchStartup();
  await memory();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
