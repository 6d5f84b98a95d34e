/**
 * PDF of a document: LibreOffice converts the .docx the writer produced, running as one resident headless
 * process, started at the first PDF asked for, reused for every conversion, started again when it has
 * died, and stopped with the server.
 *
 * How: the resident is `soffice --headless` with its own profile (`-env:UserInstallation`, a folder of
 * its own under the work folder) holding an empty text file open, so that it has a window, hidden, and
 * stays up (an instance without any window terminates after the first conversion another process
 * forwards to it). Each conversion runs `soffice --convert-to pdf` with the same profile: that process
 * finds the resident through the profile's IPC pipe, forwards the conversion to it, waits until the PDF
 * is written and exits. Measured here (LibreOffice 7.4, 2 cores): 0.06 to 0.5 s a document through the
 * resident, against 1.0 to 1.3 s for a cold `soffice --convert-to` (about 2.4 s the first time, when the
 * profile is created).
 *
 * One conversion at a time (LibreOffice's document loading is not meant to run concurrently, and one
 * conversion takes a fraction of a second): the others wait in a bounded queue of the converter's own,
 * not the document pool's. The resident belongs to the server's main thread, and a conversion only
 * waits on a child process; held in a worker of the pool, it would keep that worker from rendering .docx
 * files for as long. A full queue is the same refusal as a full pool ('busy': 503 with Retry-After).
 * A conversion that takes longer than its timeout kills the resident (it restarts at the next one) and
 * fails. Every file a conversion writes is in a folder of its own, removed when it ends; the work folder
 * (profile included) and the IPC pipe LibreOffice leaves in /tmp are removed when the server stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Why PDF is not offered: turned off (PDF=off), no soffice on PATH, or SOFFICE_PATH names no program. */
export type PdfUnavailableReason = 'off' | 'not-installed' | 'path-missing';

export type PdfAvailability =
  | { readonly available: true; readonly soffice: string }
  | { readonly available: false; readonly reason: PdfUnavailableReason; readonly path?: string };

/**
 * Where soffice is: the configured path (SOFFICE_PATH) if given, else the first `soffice` on PATH;
 * unavailable, with the reason, when PDF is off or there is none.
 */
export function locateSoffice(options: {
  readonly enabled: boolean;
  readonly configuredPath?: string | undefined;
  readonly searchPath?: string | undefined;
}): PdfAvailability {
  if (!options.enabled) return { available: false, reason: 'off' };
  if (options.configuredPath !== undefined && options.configuredPath !== '') {
    const file = path.resolve(options.configuredPath);
    return isExecutable(file)
      ? { available: true, soffice: file }
      : { available: false, reason: 'path-missing', path: file };
  }
  for (const dir of (options.searchPath ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, 'soffice');
    if (isExecutable(file)) return { available: true, soffice: file };
  }
  return { available: false, reason: 'not-installed' };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A conversion that did not give a PDF: the converter is unavailable, busy, or the conversion failed. */
export class PdfError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'busy' | 'failed' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

export interface PdfConverter {
  /** Whether PDF can be produced here, and if not why (the documents page and the API say so). */
  readonly availability: PdfAvailability;
  /** The PDF of a .docx; rejects with a PdfError ('busy' when the queue is full). */
  convert(docx: Uint8Array): Promise<Buffer>;
  /** How long a caller refused as busy should wait, in seconds. */
  readonly retryAfterSeconds: number;
  /** How many times the resident LibreOffice was started (the tests check it is reused). */
  readonly starts: number;
  /** The resident's process id while it runs (the tests kill it to check it is started again). */
  readonly residentPid: number | undefined;
  /** Stop the resident and remove the work folder. */
  close(): Promise<void>;
}

export interface PdfConverterOptions {
  readonly availability: PdfAvailability;
  /** The folder the converter's work folder is made in (the profile and each conversion's files). */
  readonly parentDir?: string;
  /** Conversions that may wait for the one running; beyond, 'busy'. */
  readonly queue?: number;
  /** The longest a conversion may take, start of the resident included, in milliseconds. */
  readonly timeoutMs?: number;
  /** Reports the resident's starts and deaths (the server's logger). */
  readonly log?: (event: string, fields: Record<string, string | number | boolean>) => void;
}

/** The IPC pipe LibreOffice creates for a profile (desktop/source/app/officeipcthread.cxx). */
function ipcPipeFile(profileUrl: string): string {
  const digest = crypto.createHash('md5').update(Buffer.from(profileUrl, 'utf16le')).digest();
  // LibreOffice writes each byte in hexadecimal without a leading zero.
  const hash = [...digest].map((b) => b.toString(16)).join('');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return path.join('/tmp', `OSL_PIPE_${uid}_SingleOfficeIPC_${hash}`);
}

/** Kill a process we started and its children (it leads its own process group). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPdfConverter(options: PdfConverterOptions): PdfConverter {
  const availability = options.availability;
  const queueLimit = Math.max(0, Math.floor(options.queue ?? 8));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const log = options.log ?? (() => undefined);
  let workDir: string | undefined;
  let resident: ChildProcess | undefined;
  let ready: Promise<void> | undefined;
  let starts = 0;
  let count = 0;
  let closed = false;
  /** The conversion running, then those waiting: each runs when the one before it has settled. */
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const dirs = () => {
    workDir ??= fs.mkdtempSync(path.join(options.parentDir ?? os.tmpdir(), 'soffice-'));
    const profile = path.join(workDir, 'profile');
    return {
      workDir,
      profile,
      profileUrl: pathToFileURL(profile).href,
      keep: path.join(workDir, 'keep.txt'),
    };
  };

  function removePipe(): void {
    if (!workDir) return;
    const pipe = ipcPipeFile(dirs().profileUrl);
    try {
      if (fs.lstatSync(pipe).isSocket()) fs.rmSync(pipe, { force: true });
    } catch {
      // None.
    }
  }

  /** Start the resident and wait until it has opened its kept file (its lock file then exists). */
  function startResident(soffice: string, deadline: number): Promise<void> {
    const { workDir: dir, profileUrl, keep } = dirs();
    fs.writeFileSync(keep, '');
    const lock = path.join(dir, '.~lock.keep.txt#');
    fs.rmSync(lock, { force: true });
    removePipe();
    const child = spawn(
      soffice,
      [`-env:UserInstallation=${profileUrl}`, '--headless', '--invisible', '--norestore', '--nologo', keep],
      { detached: true, stdio: 'ignore', cwd: dir },
    );
    starts += 1;
    resident = child;
    log('pdf_resident_started', { pid: child.pid ?? 0 });
    // It leads a process group of its own (to be stopped with its children): stop it if this process
    // exits without closing the converter, rather than leave it running.
    const orphaned = () => killGroup(child, 'SIGKILL');
    process.once('exit', orphaned);
    child.once('exit', (code, signal) => {
      process.removeListener('exit', orphaned);
      if (resident === child) {
        resident = undefined;
        ready = undefined;
        if (!closed) log('pdf_resident_exited', { code: code ?? '', signal: signal ?? '' });
      }
      removePipe();
    });
    return (async () => {
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new PdfError('failed', 'LibreOffice stopped while starting');
        if (fs.existsSync(lock)) return;
        if (Date.now() > deadline) throw new PdfError('timeout', 'LibreOffice did not start in time');
        await sleep(50);
      }
    })();
  }

  async function stopResident(): Promise<void> {
    const child = resident;
    resident = undefined;
    ready = undefined;
    if (!child) return;
    killGroup(child, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const gone = await Promise.race([
      exited(child).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 3000))),
    ]);
    clearTimeout(timer);
    if (!gone) {
      killGroup(child, 'SIGKILL');
      await exited(child);
    }
    removePipe();
  }

  /** One conversion, the resident started if need be: forwarded by a second soffice, awaited. */
  async function runOne(soffice: string, docx: Uint8Array): Promise<Buffer> {
    if (closed) throw new PdfError('failed', 'the server is stopping');
    const deadline = Date.now() + timeoutMs;
    if (!resident || !ready) ready = startResident(soffice, deadline);
    try {
      await ready;
    } catch (err) {
      await stopResident();
      throw err;
    }
    const { workDir: dir, profileUrl } = dirs();
    count += 1;
    const job = fs.mkdtempSync(path.join(dir, `job-${count}-`));
    try {
      const input = path.join(job, 'document.docx');
      fs.writeFileSync(input, docx);
      const forward = spawn(
        soffice,
        [`-env:UserInstallation=${profileUrl}`, '--headless', '--convert-to', 'pdf', '--outdir', job, input],
        { detached: true, stdio: 'ignore', cwd: job },
      );
      let timedOut = false;
      const timer = setTimeout(
        () => {
          timedOut = true;
          killGroup(forward, 'SIGKILL');
        },
        Math.max(1, deadline - Date.now()),
      );
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
        forward.once('error', reject);
        forward.once('exit', (c, s) => resolve([c, s]));
      }).finally(() => clearTimeout(timer));
      const output = path.join(job, 'document.pdf');
      if (timedOut) {
        // Stuck: the resident is started again at the next conversion.
        log('pdf_timeout', { timeoutMs });
        await stopResident();
        throw new PdfError('timeout', `the conversion took longer than ${timeoutMs} ms`);
      }
      if (code !== 0 || !fs.existsSync(output)) {
        await stopResident();
        throw new PdfError('failed', `LibreOffice gave no PDF (exit ${String(code ?? signal)})`);
      }
      return fs.readFileSync(output);
    } finally {
      fs.rmSync(job, { recursive: true, force: true });
    }
  }

  return {
    availability,
    retryAfterSeconds: 2,
    get starts() {
      return starts;
    },
    get residentPid() {
      return resident?.pid;
    },
    convert(docx) {
      if (!availability.available)
        return Promise.reject(new PdfError('unavailable', `PDF is not available (${availability.reason})`));
      // One running and `queueLimit` waiting at most.
      if (pending > queueLimit) return Promise.reject(new PdfError('busy', 'the PDF queue is full'));
      pending += 1;
      const result = tail.then(() => runOne(availability.soffice, docx));
      tail = result.catch(() => undefined).finally(() => (pending -= 1));
      return result;
    },
    async close() {
      closed = true;
      await tail.catch(() => undefined);
      await stopResident();
      if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
      workDir = undefined;
    },
  };
}
