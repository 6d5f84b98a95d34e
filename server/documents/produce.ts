/**
 * Producing a file: the one entry point the API and the pages call (`produceDocument`). It decides
 * everything, in this order: an unknown document; a body that is not a package; an instrument for a
 * later notification, without a treaty or for a treaty not in the package; full powers that are not
 * drafted (domain/full-powers.ts); final documents while anything is missing; then it builds, renders
 * and names the file. The edges only map a refusal to their answer (a JSON error, an error page or a
 * redirect).
 *
 * The assessment, the decisions, the building and the rendering all run where the `DocumentRenderer`
 * runs them (`produceHere`): on a thread of the worker pool (pool.ts, worker.ts), which receives the
 * request as plain data and answers a refusal or the named file, or in process. The server's event loop
 * only parses the body's JSON and sends the answer (the API's body is checked against the package's
 * schema where the document is made: `checkRequest`), so that pages do not wait behind a document.
 * A full pool is a refusal too (`busy`), never a growing wait.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Participation, TreatyId } from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';
import { fullPowersFor } from '../domain/full-powers';
import type { Package } from '../domain/package';
import type { ApprovalState } from '../domain/review';
import type { Issue } from '../domain/issues';
import { assessInLanguage, parsePackage, type Assessment } from '../domain/validate';
import type { I18n, Language } from '../i18n';
import type { Translator } from '../i18n/messages';
import { PATHS } from '../paths';
import type { Mode } from './context';
import {
  buildBundle,
  buildModel,
  DOCUMENT_NAMES,
  documentDocx,
  DOCX_MIME,
  fileName,
  instrumentTreaties,
  type DocumentName,
  type RenderOptions,
} from './index';
import { writeZip, deflatedEntry, storedEntry, type ZipEntry } from './docx-writer/zip';
import { PdfError, type PdfConverter, type PdfUnavailableReason } from './pdf';
import { renderHtml } from './render-html';
import {
  DIRECTORY_DOCUMENT,
  DIRECTORY_FORMATS,
  DIRECTORY_TYPES,
  directoryCsv,
  directoryJson,
  directoryRecords,
  isDirectoryFormat,
} from './directory';
import { fileStem } from './model';

/** One language, or two side by side. */
export type Languages = readonly [Language] | readonly [Language, Language];

/** A body not yet checked against the package's schema (the API's, parsed from JSON only). */
export interface UncheckedPackage {
  readonly unchecked: unknown;
}

/** What a caller asks for: plain data, so that a worker thread can receive it as it is. */
export interface DocumentRequest {
  /** The document's name as asked (an unknown one is refused). */
  readonly name: string;
  /**
   * The package: a draft's answers, or the API's body as it came (`unchecked`), checked against the
   * package's schema where the document is made, off the event loop (`checkRequest`).
   */
  readonly pkg: Package | UncheckedPackage;
  /**
   * The documents' language, and a second one beside it for a bilingual document; without them, the
   * package's own document language.
   */
  readonly languages?: Languages | undefined;
  readonly mode: Mode;
  /** The treaty of an instrument as asked; without it, the package's only treaty (unless `offeredOnly`). */
  readonly treaty?: string | undefined;
  /**
   * Only the files the documents page offers (the pages' downloads): an instrument for a treaty named in
   * the address, and full powers only when needed, not while the signer's office is unknown. The API,
   * without it, gives the package's only treaty's instrument unasked, and full powers with markers for an
   * office not yet known.
   */
  readonly offeredOnly?: boolean;
  /**
   * The checklist as HTML (the API's ?format=html) instead of Word; the authorities' directory as CSV or
   * JSON; any document as PDF (converted by LibreOffice, pdf.ts); the bundle with a PDF beside each .docx.
   */
  readonly format?: 'docx' | 'html' | 'csv' | 'json' | 'pdf';
  readonly today: IsoDate;
  /** The legal adviser's approval the checklist states (a draft's; none for the API's package). */
  readonly approval?: ApprovalState;
  /** The draft's last revision (its date), the directory export's last update; the day of the export without. */
  readonly lastUpdated?: IsoDate;
}

/** Why a file is not produced, with what the edge needs to say so. */
export type Refusal =
  | { readonly kind: 'refused'; readonly reason: 'unknown-document' }
  /** The body is not a package (a field of the wrong type, one missing...): every issue the schema finds. */
  | { readonly kind: 'refused'; readonly reason: 'invalid-package'; readonly issues: readonly Issue[] }
  /** The authorities' directory without a format it is produced in (csv, json). */
  | { readonly kind: 'refused'; readonly reason: 'format-missing'; readonly allowed: readonly string[] }
  /** A file the documents page does not offer (`offeredOnly`): full powers while the office is unknown. */
  | { readonly kind: 'refused'; readonly reason: 'not-offered' }
  /** A party's later notification deposits no instrument, and no full powers to sign one. */
  | { readonly kind: 'refused'; readonly reason: 'no-instrument' }
  | { readonly kind: 'refused'; readonly reason: 'treaty-missing'; readonly allowed: readonly TreatyId[] }
  | {
      readonly kind: 'refused';
      readonly reason: 'treaty-not-in-package';
      readonly treaty: string;
      readonly allowed: readonly TreatyId[];
    }
  | { readonly kind: 'refused'; readonly reason: 'full-powers-organization' }
  | { readonly kind: 'refused'; readonly reason: 'full-powers-not-needed'; readonly office: string }
  /** Final documents while an edition lacks something: each edition's assessment says what. */
  | { readonly kind: 'refused'; readonly reason: 'final-refused'; readonly editions: readonly Assessment[] }
  /** PDF asked for where LibreOffice is not available (pdf.ts): off, not installed, or a wrong path. */
  | { readonly kind: 'refused'; readonly reason: 'pdf-unavailable'; readonly why: PdfUnavailableReason }
  /** LibreOffice gave no PDF in time (it is started again for the next one). */
  | { readonly kind: 'refused'; readonly reason: 'pdf-failed'; readonly retryAfterSeconds: number }
  /** Every worker busy and the queue full: try again after `retryAfterSeconds`. */
  | { readonly kind: 'refused'; readonly reason: 'busy'; readonly retryAfterSeconds: number };

export interface ProducedFile {
  readonly kind: 'file';
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
  /** The languages the file is in, first first (the API's Content-Language). */
  readonly languages: readonly Language[];
}

/** A request whose package is checked, in its languages. */
export interface CheckedRequest extends DocumentRequest {
  readonly pkg: Package;
  readonly languages: Languages;
}

/** The job a renderer runs: the request checked, with its treaty decided. Plain data. */
export interface DocumentJob extends CheckedRequest {
  readonly name: DocumentName;
  readonly treaty?: TreatyId | undefined;
}

/** A refusal the decisions give (`decide`): everything but the renderer's and the converter's own. */
export type DecidedRefusal = Exclude<Refusal, { reason: 'busy' | 'pdf-unavailable' | 'pdf-failed' }>;

/** A file rendered: its name, type and bytes (a .docx for a PDF asked for: the converter follows). */
export interface RenderedFile {
  readonly kind: 'rendered';
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  readonly languages: Languages;
}

/** What a renderer answers for a request: a refusal, or the file. Plain data. */
export type RenderOutcome = DecidedRefusal | RenderedFile;

/** What produces a request: the worker pool, or the same work in process. */
export interface DocumentRenderer {
  /** Assess, decide, render and name (`produceHere`); 'busy' when the pool cannot take the job now. */
  produce(request: DocumentRequest): Promise<RenderOutcome | 'busy'>;
  /** How long a refused caller should wait before trying again, in seconds. */
  readonly retryAfterSeconds: number;
  /** Start the workers now rather than at the first document (the server calls it once listening). */
  start?(): void;
  /** Stop the workers (server close). */
  close(): Promise<void>;
}

/** What producing needs besides the request: the words, the data, and who renders. */
export interface ProduceDeps {
  readonly i18n: I18n;
  readonly participation: Participation;
  readonly documents: DocumentRenderer;
  /** The PDF converter (pdf.ts); without it, PDF is unavailable as if turned off. */
  readonly pdf?: PdfConverter;
}

const translatorOf = (i18n: I18n, lng: Language): Translator => ({ lng, t: i18n.t(lng) });

/** The assessment documents in `lng` are built from (the answers in that language). */
export function assessEdition(
  deps: Pick<ProduceDeps, 'i18n' | 'participation'>,
  pkg: Package,
  lng: Language,
  today: IsoDate,
): Assessment {
  return assessInLanguage(
    pkg,
    lng,
    { participation: deps.participation, today },
    (source) => deps.i18n.t(lng)('documents:toBeTranslated', { source }),
    { inProgress: deps.i18n.missingUnits(lng) > 0 },
  );
}

/**
 * The request with its package checked against the package's schema (an unchecked body: the API's), and
 * its languages (the package's own by default); or every issue that keeps the body from being a package.
 */
export function checkRequest(
  request: DocumentRequest,
): CheckedRequest | Extract<Refusal, { reason: 'invalid-package' }> {
  let pkg: Package;
  if ('unchecked' in request.pkg) {
    const parsed = parsePackage(request.pkg.unchecked);
    if (!parsed.ok) return { kind: 'refused', reason: 'invalid-package', issues: parsed.issues };
    pkg = parsed.pkg;
  } else pkg = request.pkg;
  return { ...request, pkg, languages: request.languages ?? [pkg.documentLanguage] };
}

/** The refusal for a request, if any, and otherwise the job with its treaty decided. */
export function decide(
  request: CheckedRequest,
  editions: readonly Assessment[],
): DecidedRefusal | DocumentJob {
  const name = request.name as DocumentName;
  if (!(DOCUMENT_NAMES as readonly string[]).includes(name))
    return { kind: 'refused', reason: 'unknown-document' };
  const first = editions[0]!;
  let treaty: TreatyId | undefined;
  if (name === 'instrument') {
    if (first.facts.isLaterNotification) return { kind: 'refused', reason: 'no-instrument' };
    const allowed = instrumentTreaties(first);
    const asked = request.treaty;
    if (asked === undefined && (allowed.length !== 1 || request.offeredOnly === true))
      return { kind: 'refused', reason: 'treaty-missing', allowed };
    treaty = allowed.find((t) => t === (asked ?? allowed[0]));
    if (!treaty) return { kind: 'refused', reason: 'treaty-not-in-package', treaty: asked ?? '', allowed };
  }
  if (name === 'full-powers') {
    // Produced when needed, and while the signer's office is unknown (a draft, with markers) when asked
    // for outside the documents page.
    switch (fullPowersFor(first.pkg)) {
      case 'later-notification':
        return { kind: 'refused', reason: 'no-instrument' };
      case 'organization':
        return { kind: 'refused', reason: 'full-powers-organization' };
      case 'not-needed':
        return {
          kind: 'refused',
          reason: 'full-powers-not-needed',
          office: first.pkg.signatory.office ?? '',
        };
      case 'office-unknown':
        if (request.offeredOnly === true) return { kind: 'refused', reason: 'not-offered' };
        break;
      case 'needed':
        break;
    }
  }
  if (request.mode === 'final' && !editions.every((e) => e.finalAllowed))
    return { kind: 'refused', reason: 'final-refused', editions };
  return { ...request, name, treaty };
}

/** The options the builders take, for a job and its assessments. */
function renderOptions(
  deps: Pick<ProduceDeps, 'i18n'>,
  job: DocumentJob,
  editions: readonly Assessment[],
): RenderOptions & { readonly treaty?: TreatyId } {
  const [lng, lng2] = job.languages;
  const second = editions[1];
  return {
    tr: translatorOf(deps.i18n, lng),
    mode: job.mode,
    today: job.today,
    ...(job.approval ? { approval: job.approval } : {}),
    ...(lng2 !== undefined && second
      ? { parallel: { assessment: second, tr: translatorOf(deps.i18n, lng2) } }
      : {}),
    ...(job.treaty ? { treaty: job.treaty } : {}),
  };
}

let stylesheetText: string | undefined;
/** The documents' stylesheet, which the bundle holds beside the checklist's HTML. */
function stylesheet(): string {
  stylesheetText ??= fs.readFileSync(path.join(PATHS.public, 'css', 'document.css'), 'utf8');
  return stylesheetText;
}

/** Build and render a job: what a worker runs, and the in-process renderer too. */
export async function renderJob(
  deps: Pick<ProduceDeps, 'i18n'>,
  job: DocumentJob,
  editions: readonly Assessment[],
): Promise<Buffer> {
  const first = editions[0]!;
  const options = renderOptions(deps, job, editions);
  if (job.name === 'bundle') return buildBundle(first, { ...options, stylesheet: stylesheet() });
  if (job.name === 'checklist' && job.format === 'html') {
    const model = buildModel(first, 'checklist', options);
    return Buffer.from(renderHtml(model, { stylesheetHref: '/assets/css/document.css' }), 'utf8');
  }
  return documentDocx(first, job.name, options);
}

/** The file's name and type, e.g. "instrument-som-ratification-en.docx" ("…-ar-en…" in two languages). */
function nameAndType(job: DocumentJob, first: Assessment): { name: string; type: string } {
  const [lng, lng2] = job.languages;
  // The checklist stays in the first language (index.ts): its file name says so.
  const label = job.name === 'checklist' || lng2 === undefined ? lng : `${lng}-${lng2}`;
  if (job.name === 'bundle')
    return { name: fileName(first, 'bundle', label, job.mode, undefined, 'zip'), type: 'application/zip' };
  if (job.name === 'checklist' && job.format === 'html')
    return {
      name: fileName(first, 'checklist', label, job.mode, undefined, 'html'),
      type: 'text/html; charset=utf-8',
    };
  if (job.format === 'pdf')
    return { name: fileName(first, job.name, label, job.mode, job.treaty, 'pdf'), type: 'application/pdf' };
  return { name: fileName(first, job.name, label, job.mode, job.treaty), type: DOCX_MIME };
}

/** The editions a request is built from: its package assessed in each of its languages. */
function editionsOf(
  deps: Pick<ProduceDeps, 'i18n' | 'participation'>,
  request: CheckedRequest,
): Assessment[] {
  return request.languages.map((lng) => assessEdition(deps, request.pkg, lng, request.today));
}

/**
 * Check, assess, decide, build, render and name: what a worker thread runs for each request (worker.ts),
 * and the in-process renderer on the caller's thread.
 */
export async function produceHere(
  deps: Pick<ProduceDeps, 'i18n' | 'participation'>,
  request: DocumentRequest,
): Promise<RenderOutcome> {
  const checked = checkRequest(request);
  if ('reason' in checked) return checked;
  const editions = editionsOf(deps, checked);
  const decided = decide(checked, editions);
  if ('reason' in decided) return decided;
  const bytes = await renderJob(deps, decided, editions);
  return { kind: 'rendered', ...nameAndType(decided, editions[0]!), bytes, languages: decided.languages };
}

/** The renderer that works on the caller's thread (tests, the command line with one package). */
export function createInProcessRenderer(deps: Pick<ProduceDeps, 'i18n' | 'participation'>): DocumentRenderer {
  return {
    produce: (request) => produceHere(deps, request),
    retryAfterSeconds: 1,
    close: () => Promise.resolve(),
  };
}

/**
 * The competent-authorities directory (directory.ts), in the first language asked, as CSV or JSON. Built
 * on the caller's thread, not by the worker pool: a text of a few kilobytes, asked for now and then, not
 * worth a thread's queue.
 */
function produceDirectory(deps: ProduceDeps, asked: DocumentRequest): Refusal | ProducedFile {
  const request = checkRequest(asked);
  if ('reason' in request) return request;
  const format = request.format;
  if (!isDirectoryFormat(format))
    return { kind: 'refused', reason: 'format-missing', allowed: DIRECTORY_FORMATS };
  const lng = request.languages[0];
  const edition = assessEdition(deps, request.pkg, lng, request.today);
  if (request.mode === 'final' && !edition.finalAllowed)
    return { kind: 'refused', reason: 'final-refused', editions: [edition] };
  const tr = translatorOf(deps.i18n, lng);
  const records = directoryRecords(edition, tr, {
    today: request.today,
    lastUpdated: request.lastUpdated ?? request.today,
  });
  const parts = [
    DIRECTORY_DOCUMENT,
    request.pkg.party.code,
    lng,
    ...(request.mode === 'draft' ? ['draft'] : []),
  ];
  return {
    kind: 'file',
    name: `${fileStem(parts)}.${format}`,
    type: DIRECTORY_TYPES[format],
    bytes: format === 'csv' ? directoryCsv(records, tr) : directoryJson(records, tr),
    languages: [lng],
  };
}

/** A refusal with its reason, or the file: the one way the API and the pages produce a document. */
export async function produceDocument(
  deps: ProduceDeps,
  request: DocumentRequest,
): Promise<Refusal | ProducedFile> {
  if (request.name === DIRECTORY_DOCUMENT) return produceDirectory(deps, request);
  if (!(DOCUMENT_NAMES as readonly string[]).includes(request.name))
    return { kind: 'refused', reason: 'unknown-document' };
  const pdf = request.format === 'pdf' ? deps.pdf : undefined;
  if (request.format === 'pdf' && !pdf?.availability.available) {
    // The request's own refusals first (a treaty missing...), decided here since nothing is rendered.
    const checked = checkRequest(request);
    if ('reason' in checked) return checked;
    const decided = decide(checked, editionsOf(deps, checked));
    if ('reason' in decided) return decided;
    return {
      kind: 'refused',
      reason: 'pdf-unavailable',
      why: pdf && !pdf.availability.available ? pdf.availability.reason : 'off',
    };
  }
  const outcome = await deps.documents.produce(request);
  if (outcome === 'busy')
    return { kind: 'refused', reason: 'busy', retryAfterSeconds: deps.documents.retryAfterSeconds };
  if (outcome.kind === 'refused') return outcome;
  const rendered = outcome.bytes;
  let bytes = Buffer.isBuffer(rendered)
    ? rendered
    : Buffer.from(rendered.buffer, rendered.byteOffset, rendered.byteLength);
  if (pdf) {
    try {
      bytes =
        request.name === 'bundle' ? await withPdfs(bytes, pdf, request.today) : await pdf.convert(bytes);
    } catch (err) {
      if (!(err instanceof PdfError)) throw err;
      if (err.reason === 'unavailable') return { kind: 'refused', reason: 'pdf-unavailable', why: 'off' };
      return {
        kind: 'refused',
        reason: err.reason === 'busy' ? 'busy' : 'pdf-failed',
        retryAfterSeconds: pdf.retryAfterSeconds,
      };
    }
  }
  return { kind: 'file', name: outcome.name, type: outcome.type, bytes, languages: outcome.languages };
}

/**
 * The bundle with a PDF beside each .docx (`format=pdf` on the bundle): the same entries, in the same
 * order, each document's PDF after it, converted one after the other by the one resident LibreOffice.
 */
async function withPdfs(bundle: Buffer, pdf: PdfConverter, today: IsoDate): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bundle);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const content = await file.async('nodebuffer');
    if (!file.name.endsWith('.docx')) {
      entries.push(deflatedEntry(file.name, content));
      continue;
    }
    entries.push(storedEntry(file.name, content));
    entries.push(deflatedEntry(file.name.replace(/\.docx$/, '.pdf'), await pdf.convert(content)));
  }
  return writeZip(entries, new Date(`${today}T00:00:00Z`));
}
