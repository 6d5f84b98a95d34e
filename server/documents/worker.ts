/**
 * The worker thread of the document pool (pool.ts): it receives a request as plain data (the package, or
 * the API's body still to be checked against the package's schema, and the options), checks it, assesses
 * the package in the request's languages, decides, builds, renders and names the file as produce.ts does
 * in process (`produceHere`), and answers the refusal or the file, its bytes transferred, not copied. The
 * words and the participation data are loaded once per thread.
 */
import os from 'node:os';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { loadParticipation } from '../catalogue';
import { createI18n } from '../i18n';
import { PATHS } from '../paths';
import { produceHere, type DocumentRequest, type RenderOutcome } from './produce';

/**
 * The thread's CPU priority (pool.ts, DOCUMENT_WORKER_NICE). On Linux a thread has its own nice value and
 * setpriority(0) sets the calling thread's only; elsewhere it would set the whole process's, so it is
 * left alone there.
 */
const nice = (workerData as { nice?: unknown } | undefined)?.nice;
if (process.platform === 'linux' && typeof nice === 'number' && nice > 0) os.setPriority(0, nice);

const deps = { i18n: createI18n(PATHS.locales), participation: loadParticipation(PATHS.participationData) };

export default async function produceInWorker(request: DocumentRequest): Promise<RenderOutcome> {
  const outcome = await produceHere(deps, request);
  if (outcome.kind !== 'rendered') return outcome;
  // A Buffer may be a view on a shared pool: transfer a buffer of its own.
  const { bytes } = outcome;
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? bytes
      : new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const answer: RenderOutcome = { ...outcome, bytes: own };
  // Piscina's Transferable: the answer, with its bytes' buffer moved rather than copied.
  return move({
    [transferableSymbol]: [own.buffer],
    [valueSymbol]: answer,
  } as never) as unknown as RenderOutcome;
}
