/**
 * The worker thread of the document pool (pool.ts): it receives a job as plain data (the package as
 * JSON and the options), assesses the package in the job's languages, builds and renders the file as
 * produce.ts does in process, and returns the bytes, transferred, not copied. The words and the
 * participation data are loaded once per thread.
 */
import os from 'node:os';
import { move, workerData } from 'piscina';
import { loadParticipation } from '../catalogue';
import { createI18n } from '../i18n';
import { PATHS } from '../paths';
import { assessEdition, renderJob, type DocumentJob } from './produce';

/**
 * The thread's CPU priority (pool.ts, DOCUMENT_WORKER_NICE). On Linux a thread has its own nice value and
 * setpriority(0) sets the calling thread's only; elsewhere it would set the whole process's, so it is
 * left alone there.
 */
const nice = (workerData as { nice?: unknown } | undefined)?.nice;
if (process.platform === 'linux' && typeof nice === 'number' && nice > 0) os.setPriority(0, nice);

const deps = { i18n: createI18n(PATHS.locales), participation: loadParticipation(PATHS.participationData) };

export default async function renderInWorker(job: DocumentJob): Promise<ArrayBuffer> {
  const editions = job.languages.map((lng) => assessEdition(deps, job.pkg, lng, job.today));
  const bytes = await renderJob(deps, job, editions);
  // A Buffer may be a view on a shared pool: transfer a buffer of its own.
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return move(own) as unknown as ArrayBuffer;
}
