/**
 * The document worker pool: documents are checked, assessed, decided, built and rendered on worker
 * threads (worker.ts), as many as the configuration says (DOCUMENT_WORKERS, the cores by default), so that
 * the server's event loop keeps answering pages and the API's small requests while documents render. The queue is bounded
 * (DOCUMENT_QUEUE): a job that finds every worker busy and the queue full is refused at once ('busy': the
 * edges answer 503 with Retry-After), never left to wait longer and longer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { DocumentRenderer, DocumentRequest, RenderOutcome } from './produce';

export interface DocumentPoolOptions {
  /** Worker threads (at least 1). */
  readonly workers: number;
  /** Jobs that may wait for a worker (0: none wait; a job is refused when every worker is busy). */
  readonly queue: number;
  /**
   * The workers' CPU priority on Linux (nice, 0 to 19; 0 by default): a niced worker yields the cores
   * to the event loop when both want them (worker.ts).
   */
  readonly nice?: number;
  /**
   * The worker's file: by default worker.js beside this file, as compiled in dist/. The tests, which run
   * the TypeScript sources, give a small loader (tests/support/document-worker.js).
   */
  readonly filename?: string;
}

/** The compiled worker beside this file; absent when this file runs as TypeScript (jest). */
export function compiledWorkerFile(): string {
  const file = path.join(__dirname, 'worker.js');
  if (!fs.existsSync(file))
    throw new Error(`The document worker ${file} does not exist: run "npm run build", or give its filename`);
  return file;
}

/** Piscina's refusals of a task when its queue is full (or when there is none and every worker is busy). */
const FULL = /task queue is at limit|no task queue available/i;

export function createDocumentPool(options: DocumentPoolOptions): DocumentRenderer {
  const workers = Math.max(1, Math.floor(options.workers));
  const filename = options.filename ?? compiledWorkerFile();
  // The threads start when the server is listening (start) or at the first document, not while the
  // server loads: each thread loads the words and the data, and on a machine with few cores that would
  // double the time before the first page is served.
  let pool: Piscina | undefined;
  const open = (): Piscina =>
    (pool ??= new Piscina({
      filename,
      minThreads: workers,
      maxThreads: workers,
      // Workers stay up (minThreads = maxThreads): loading the words and the data again would cost time.
      maxQueue: Math.max(0, Math.floor(options.queue)),
      workerData: { nice: options.nice ?? 0 },
    }));
  return {
    async produce(request: DocumentRequest) {
      try {
        return (await open().run(request)) as RenderOutcome;
      } catch (err) {
        if (err instanceof Error && FULL.test(err.message)) return 'busy';
        throw err;
      }
    },
    start: () => void open(),
    // A bundle takes tens of milliseconds: a full queue drains in about a second.
    retryAfterSeconds: 1,
    close: () => (pool ? pool.destroy() : Promise.resolve()),
  };
}
