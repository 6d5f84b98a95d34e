/**
 * Memory after many bundles (issue 12: "Memory after 10,000 bundles: flat"): the sample package's
 * bundle built and written in process, one after another, with the heap measured after a full garbage
 * collection at every tenth of the run. A leak shows as a heap that keeps growing from one tenth to the
 * next; flat is the goal. The slope over the second half (after caches have filled) is printed in
 * kilobytes per 1,000 bundles.
 *
 * Figures only, no thresholds.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A full collection: --expose-gc when given, else the flag set at run time. */
function collector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export async function benchMemory(bundle: () => Promise<unknown>, total = 10_000): Promise<void> {
  const gc = collector();
  const step = Math.max(1, Math.floor(total / 10));
  gc();
  const points: { n: number; heap: number; rss: number }[] = [];
  points.push({ n: 0, heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
  const start = process.hrtime.bigint();
  for (let n = 1; n <= total; n++) {
    await bundle();
    if (n % step === 0) {
      gc();
      const { heapUsed, rss } = process.memoryUsage();
      points.push({ n, heap: heapUsed, rss });
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`\nMemory over ${total} bundles in process (${seconds.toFixed(1)} s), heap after a full GC:`);
  console.log(
    points.map((p) => `  after ${String(p.n).padStart(6)}: heap ${mb(p.heap)}, RSS ${mb(p.rss)}`).join('\n'),
  );
  const half = points.slice(Math.floor(points.length / 2));
  const first = half[0]!;
  const last = half[half.length - 1]!;
  const slope = ((last.heap - first.heap) / 1024 / Math.max(1, last.n - first.n)) * 1000;
  console.log(
    `  heap slope over the second half: ${slope.toFixed(1)} kB per 1,000 bundles ` +
      `(${mb(last.heap - first.heap)} from ${first.n} to ${last.n})`,
  );
}
