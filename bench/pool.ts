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
 *    and the network work of bundles at normal priority.
 * 2. Bundles offered at a steady rate (150 per second for 10 s, open loop: bench/steady.ts): latency p50
 *    and p99 from each request's planned time, answers other than 200 (503 when the pool is full) and
 *    errors.
 *
 * Figures only, no thresholds (issue 12 states the goals: task list p95 ≤ 20 ms and at most 1.5 times its
 * p95 alone; bundles p99 ≤ 100 ms, no errors).
 */
import type { AutocannonResult } from './run';
import os from 'node:os';
import { freePort, removeFolder, startBusyLoops, startServer, tempFolder } from './child-server';
import { steadyRate } from './steady';

type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

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

const figures = (s: readonly number[]) =>
  `p50 ${quantile(s, 0.5).toFixed(1)} ms, p95 ${quantile(s, 0.95).toFixed(1)} ms (${s.length} requests)`;

/** The task list sampled for 5 s while 8 clients download bundles from `bundleUrl`, and the bundles' figures. */
async function underLoad(
  autocannon: Autocannon,
  taskList: string,
  bundleUrl: string,
  body: string,
): Promise<{ loaded: number[]; load: AutocannonResult }> {
  const [loaded, load] = await Promise.all([
    // The first half second lets the 8 clients start.
    new Promise<number[]>((resolve) => setTimeout(() => resolve(sample(taskList, 5000)), 500)),
    // The 8 clients on a thread of their own, so that the sampler's latencies are the server's and not
    // the wait for the benchmark's own event loop, busy receiving bundles.
    autocannon({
      url: bundleUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 8,
      duration: 6,
      workers: 1,
    }),
  ]);
  return { loaded, load };
}

const againstAlone = (loaded: readonly number[], alone: readonly number[]) =>
  `p95 ${(quantile(loaded, 0.95) / quantile(alone, 0.95)).toFixed(2)} times its p95 alone ` +
  `(${(quantile(loaded, 0.95) - quantile(alone, 0.95)).toFixed(1)} ms added)`;

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
    const alone = await sample(taskList, 5000);
    console.log(`GET task list alone: ${figures(alone)}`);
    const { loaded, load } = await underLoad(autocannon, taskList, bundleUrl, body);
    console.log(
      `GET task list while 8 clients download bundles: ${figures(loaded)}; ${againstAlone(loaded, alone)}`,
    );
    console.log(
      `  the bundles meanwhile: ${load.requests.average.toFixed(1)} answers/s, ` +
        `${((load.requests.total - load.non2xx) / 6).toFixed(1)} bundles delivered/s, p50 ${load.latency.p50} ms, ` +
        `p99 ${load.latency.p99} ms, ${load.non2xx} non-2xx (503 busy), ${load.errors} errors`,
    );
    const control = await underLoad(autocannon, taskList, otherBundleUrl, body);
    console.log(
      `  control, the 8 clients downloading from another server process on the same cores: ` +
        `${figures(control.loaded)}; ${againstAlone(control.loaded, alone)}; ` +
        `${((control.load.requests.total - control.load.non2xx) / 6).toFixed(1)} bundles delivered/s`,
    );
    // The cores kept busy at a low priority, as the document workers keep them (nice 10 by default), but
    // without what a bundle also costs at normal priority: the server's event loop sending it, the load
    // generator receiving it, the kernel between them.
    const loops = startBusyLoops(os.cpus().length);
    let busy: number[];
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      busy = await sample(taskList, 5000);
    } finally {
      await loops.stop();
    }
    console.log(
      `  control, ${os.cpus().length} busy loops at nice 19 and no bundles: ${figures(busy)}; ${againstAlone(busy, alone)}`,
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
