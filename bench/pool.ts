/**
 * Documents off the event loop, over loopback, against the built server as a child process (so that the
 * load generator does not share the server's event loop), its documents rendered by the worker pool
 * (DOCUMENT_WORKERS, DOCUMENT_QUEUE: their defaults, the cores and four per worker, unless set):
 *
 * 1. The task list's latency (p50, p95, sequential requests from one client) alone, then while 8 clients
 *    download bundles without pause (POST /api/v1/documents/bundle), with the ratio; then, as a control,
 *    while the 8 clients download from a second server process on the same cores: what the machine's
 *    shared cores cost the page, whatever the server does; and a second control, busy loops (one per core,
 *    at nice 19) and no bundle: the cores kept busy at a low priority, without the HTTP, the load generator
 *    and the network work of bundles at normal priority. In rounds (ROUNDS), each condition after the
 *    other, and each ratio taken within its round: on a shared host the page alone varies by half from one
 *    minute to the next, and a ratio of two minutes apart measures the host.
 * 1b. What one bundle costs the server's threads (Linux): CPU time of the event loop and of the other
 *    threads (document workers, V8's helpers) per bundle delivered, 8 clients and no page asked.
 * 2. Bundles offered at a steady rate (150 per second for 10 s, open loop: bench/steady.ts): latency p50
 *    and p99 from each request's planned time, answers other than 200 (503 when the pool is full) and
 *    errors.
 *
 * Figures only, no thresholds (issue 12 states the goals: task list p95 ≤ 20 ms and at most 1.5 times its
 * p95 alone; bundles p99 ≤ 100 ms, no errors).
 */
import type { AutocannonResult } from './run';
import fs from 'node:fs';
import os from 'node:os';
import { freePort, removeFolder, startBusyLoops, startServer, tempFolder } from './child-server';
import { cpuMsOfStat, median, quantile } from './stats';
import { steadyRate } from './steady';

type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

/** Rounds of the page alone and under each load, and how long each is sampled. */
const ROUNDS = 4;
const ROUND_MS = 3000;

/**
 * Bundles answered 200 per second of a load that lasted `ms` and one second more (the clients start half
 * a second before the page is sampled, and stop half a second after).
 */
const delivered = (load: AutocannonResult, ms: number) =>
  (load.requests.total - load.non2xx) / (ms / 1000 + 1);

/** GET `url` one request after another for `ms`: each latency, in milliseconds, sorted. */
async function sample(url: string, ms: number): Promise<number[]> {
  const samples: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const start = process.hrtime.bigint();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

/** Sixteen bundles, eight at a time: every worker has started and rendered a few. */
async function warmUpWorkers(url: string, body: string): Promise<void> {
  for (let round = 0; round < 2; round++) {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
          async (res) => (await res.arrayBuffer(), res.status),
        ),
      ),
    );
    if (!answers.includes(200)) throw new Error(`warm-up bundles answered ${answers.join(', ')}`);
  }
}

const p95 = (s: readonly number[]) => quantile(s, 0.95);
const list = (xs: readonly number[], digits: number) => xs.map((x) => x.toFixed(digits)).join(', ');

/** The task list sampled for `ms` while 8 clients download bundles from `bundleUrl`, and the bundles' figures. */
async function underLoad(
  autocannon: Autocannon,
  taskList: string,
  bundleUrl: string,
  body: string,
  ms: number,
): Promise<{ loaded: number[]; load: AutocannonResult }> {
  const [loaded, load] = await Promise.all([
    // The first half second lets the 8 clients start.
    new Promise<number[]>((resolve) => setTimeout(() => resolve(sample(taskList, ms)), 500)),
    // The 8 clients on a thread of their own, so that the sampler's latencies are the server's and not
    // the wait for the benchmark's own event loop, busy receiving bundles.
    autocannon({
      url: bundleUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 8,
      duration: ms / 1000 + 1,
      workers: 1,
    }),
  ]);
  return { loaded, load };
}

/**
 * CPU time of a process's threads so far, in milliseconds (Linux, /proc/<pid>/task/<tid>/stat): its main
 * thread (the server's event loop) and the others (the document workers and V8's helper threads, which
 * collect the workers' garbage); undefined elsewhere. A thread that ends meanwhile is left out.
 */
function threadCpu(pid: number): { eventLoop: number; others: number } | undefined {
  const dir = `/proc/${pid}/task`;
  if (!fs.existsSync(dir)) return undefined;
  let eventLoop = 0;
  let others = 0;
  for (const tid of fs.readdirSync(dir)) {
    const ms = cpuMsOfStat(`${dir}/${tid}/stat`) ?? 0;
    if (Number(tid) === pid) eventLoop += ms;
    else others += ms;
  }
  return { eventLoop, others };
}

/**
 * What one bundle costs the server's threads: 8 clients download bundles for 4 s, nothing else asked,
 * and the CPU time of the event loop and of the other threads is divided by the bundles delivered.
 */
async function cpuPerBundle(
  autocannon: Autocannon,
  pid: number,
  bundleUrl: string,
  body: string,
): Promise<string> {
  const before = threadCpu(pid);
  if (!before) return 'not measured (no /proc on this system)';
  const load = await autocannon({
    url: bundleUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 8,
    duration: 4,
    workers: 1,
  });
  const after = threadCpu(pid);
  const bundles = load.requests.total - load.non2xx;
  if (!after || bundles === 0) return 'not measured (no bundle delivered)';
  return (
    `the event loop ${((after.eventLoop - before.eventLoop) / bundles).toFixed(2)} ms, ` +
    `the other threads (document workers, V8's helpers) ${((after.others - before.others) / bundles).toFixed(1)} ms ` +
    `(${bundles} bundles in 4 s, ${load.non2xx} refused)`
  );
}

/** The page's latencies in one condition, round by round. */
interface Condition {
  readonly label: string;
  readonly rounds: number[][];
  /** Bundles delivered per second in each round, where bundles are downloaded. */
  readonly bundlesPerSecond: number[];
}

/**
 * What the page's p95 is in each round, and its ratio to the page alone in the same round: the machine's
 * drift (on a shared host the page alone varies by half from one minute to the next) falls on both sides of each ratio.
 */
function report(condition: Condition, alone: Condition): string {
  const ratios = condition.rounds.map((r, i) => p95(r) / p95(alone.rounds[i] ?? []));
  const added = condition.rounds.map((r, i) => p95(r) - p95(alone.rounds[i] ?? []));
  const bundles = condition.bundlesPerSecond.length
    ? `; ${list(condition.bundlesPerSecond, 0)} bundles delivered/s`
    : '';
  return (
    `  ${condition.label}: p95 ${list(condition.rounds.map(p95), 1)} ms; ` +
    `${list(ratios, 2)} x alone (median ${median(ratios).toFixed(2)} x, ${median(added).toFixed(1)} ms added)${bundles}`
  );
}

export async function benchPool(autocannon: Autocannon, body: string): Promise<void> {
  const dataDir = tempFolder('bench-pool-');
  const otherDir = tempFolder('bench-pool-other-');
  const server = await startServer({ dataDir, port: await freePort(), env: { DRAFT_CREATE_LIMIT: '0' } });
  // The control: a second server on the same cores, whose bundles compete for the machine but not for
  // the first server's process (its event loop, its heap, its threads).
  const other = await startServer({ dataDir: otherDir, port: await freePort() });
  try {
    const created = await fetch(`${server.origin}/api/v1/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (created.status !== 201) throw new Error(`POST /api/v1/drafts answered ${created.status}`);
    const { id } = (await created.json()) as { id: string };
    const taskList = `${server.origin}/drafts/${id}`;
    const bundleUrl = `${server.origin}/api/v1/documents/bundle`;
    const otherBundleUrl = `${other.origin}/api/v1/documents/bundle`;

    const pool = process.env.DOCUMENT_WORKERS ?? 'default (the cores)';
    const queue = process.env.DOCUMENT_QUEUE ?? 'default (4 per worker)';
    console.log(
      `\nDocuments off the event loop: the built server as a child process, DOCUMENT_WORKERS ${pool}, DOCUMENT_QUEUE ${queue}`,
    );
    // Warm-up: the workers start when the server listens, and their first bundles compile the renderer;
    // a task list sampled meanwhile shares the cores with that start-up and is not the page "alone". The
    // page itself settles after about 6 s of requests (its p95 falls from 4 ms to 1.5 ms as the server's
    // and the sampler's code is optimised), so the page "alone" is measured after that.
    await warmUpWorkers(bundleUrl, body);
    await warmUpWorkers(otherBundleUrl, body);
    await sample(taskList, 6000);

    // Rounds, each the page alone, then under each load, one after another: the ratio is taken within a
    // round, so that a slower minute of the host falls on both of its sides.
    const alone: Condition = { label: 'alone', rounds: [], bundlesPerSecond: [] };
    const loaded: Condition = { label: 'while 8 clients download bundles', rounds: [], bundlesPerSecond: [] };
    // Control 1: the same bundles from a second server process on the same cores: what the machine's
    // shared cores cost the page, whatever this server does.
    const control: Condition = {
      label: 'control, the 8 clients downloading from another server process on the same cores',
      rounds: [],
      bundlesPerSecond: [],
    };
    // Control 2: the cores kept busy at a low priority, as the document workers keep them, but without
    // what a bundle also costs at normal priority: the server's event loop sending it, the load generator
    // receiving it, the kernel between them.
    const busy: Condition = {
      label: `control, ${os.cpus().length} busy loops at nice 19 and no bundles`,
      rounds: [],
      bundlesPerSecond: [],
    };
    const loads: AutocannonResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      alone.rounds.push(await sample(taskList, ROUND_MS));
      const mine = await underLoad(autocannon, taskList, bundleUrl, body, ROUND_MS);
      loaded.rounds.push(mine.loaded);
      loaded.bundlesPerSecond.push(delivered(mine.load, ROUND_MS));
      loads.push(mine.load);
      const theirs = await underLoad(autocannon, taskList, otherBundleUrl, body, ROUND_MS);
      control.rounds.push(theirs.loaded);
      control.bundlesPerSecond.push(delivered(theirs.load, ROUND_MS));
      const loops = startBusyLoops(os.cpus().length);
      try {
        await new Promise((resolve) => setTimeout(resolve, 500));
        busy.rounds.push(await sample(taskList, ROUND_MS));
      } finally {
        await loops.stop();
      }
    }
    console.log(
      `GET task list, ${ROUNDS} rounds of ${ROUND_MS / 1000} s each, interleaved (p95 of each round; its ratio to the page alone in the same round):`,
    );
    console.log(
      `  alone: p95 ${list(alone.rounds.map(p95), 1)} ms, p50 ${list(
        alone.rounds.map((r) => quantile(r, 0.5)),
        1,
      )} ms (${alone.rounds.reduce((n, r) => n + r.length, 0)} requests)`,
    );
    for (const condition of [loaded, control, busy]) console.log(report(condition, alone));
    const p99s = loads.map((l) => l.latency.p99);
    const refused = loads.reduce((n, l) => n + l.non2xx, 0);
    const errors = loads.reduce((n, l) => n + l.errors, 0);
    console.log(
      `  the bundles meanwhile: p99 ${list(p99s, 0)} ms, ${refused} non-2xx (503 busy), ${errors} errors`,
    );
    // The part of a bundle the server's own event loop does (HTTP, the body, the pool's messages, sending
    // the bytes): the only part of the page's slowdown above that this server's process decides.
    console.log(
      `CPU per bundle, 8 clients and no page: ${await cpuPerBundle(autocannon, server.pid, bundleUrl, body)}`,
    );
    // Offered at a steady 150 per second (open loop: bench/steady.ts; autocannon's overallRate sends
    // each second's share in a burst), latency from each request's planned time.
    const steady = await steadyRate({ url: bundleUrl, body, rate: 150, seconds: 10 });
    const refusedText =
      [...steady.refused].map(([status, n]) => `${n} x ${status}`).join(', ') || 'none refused';
    const errorsText = [...steady.errors].map(([code, n]) => `${n} x ${code}`).join(', ') || 'no errors';
    console.log(
      `Bundles offered at a steady 150 per second for 10 s (open loop): ${steady.offered} offered, ` +
        `${steady.ok.length} delivered (${((steady.ok.length * 1000) / steady.durationMs).toFixed(1)}/s), ` +
        `p50 ${quantile(steady.ok, 0.5).toFixed(1)} ms, p99 ${quantile(steady.ok, 0.99).toFixed(1)} ms, ` +
        `${refusedText}, ${errorsText}`,
    );
  } finally {
    await Promise.all([server.stop(), other.stop()]);
    removeFolder(dataDir);
    removeFolder(otherDir);
  }
}
