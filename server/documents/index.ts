/**
 * The documents a package produces, by name: build the model for one, render it, or pack them all into
 * the bundle (.zip with every document and the package as JSON). Final mode is refused upstream
 * (http/) while anything mandatory is missing; the renderers refuse a final model with markers too.
 *
 * Word files are written by the fast writer (docx-writer/, `renderDocxFast`); the docx library is the
 * reference renderer (render-docx.ts, bilingual.ts, `renderDocxReference`), loaded only when asked for:
 * by the golden test and the benchmark.
 *
 * With a parallel text (a second language), the instrument, the notifications and the full powers are
 * bilingual, one language per column (bilingual.ts); the checklist, a working paper for the legal
 * adviser rather than a deposited text, stays in the first language.
 */
import type { TreatyId } from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';
import { fullPowersFor } from '../domain/full-powers';
import type { ApprovalState } from '../domain/review';
import type { Assessment } from '../domain/validate';
import type { Translator } from '../i18n/messages';
import { buildChecklistDocument } from './build-checklist';
import type { FixHref } from './checklist-overview';
import { buildFullPowers } from './build-full-powers';
import { buildInstrument } from './build-instrument';
import { buildNoteVerbale } from './build-note-verbale';
import { buildNotifications } from './build-notifications';
import { createContext, type Mode } from './context';
import { fileStem, type DocumentModel } from './model';
import { writeBilingualDocx, writeDocx } from './docx-writer';
import { deflatedEntry, storedEntry, writeZip, type ZipEntry } from './docx-writer/zip';
import { renderHtml } from './render-html';

export { DOCUMENT_NAMES, type DocumentName } from './names';
import type { DocumentName } from './names';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface RenderOptions {
  readonly tr: Translator;
  readonly mode: Mode;
  readonly today: IsoDate;
  /** A second language, beside the first, one language per column: its assessment and its words. */
  readonly parallel?: ParallelText;
  /** The checklist on the site: the address of the page that fixes a missing item (none in files). */
  readonly fixHref?: FixHref;
  /**
   * The legal adviser's approval of the draft the package comes from (domain/review.ts), which the
   * checklist states; absent for a package alone (the API's), which has no review.
   */
  readonly approval?: ApprovalState;
}

/** The documents in a second language: the package as they print it in that language, and its words. */
export interface ParallelText {
  readonly assessment: Assessment;
  readonly tr: Translator;
}

/** The documents a parallel text applies to: those deposited or sent to the depositary. */
export const BILINGUAL_DOCUMENTS = ['instrument', 'notifications', 'full-powers', 'note-verbale'] as const;

/** The languages a file name gives: "ar", or "ar-en" for a bilingual document. */
export function languagesLabel(options: Pick<RenderOptions, 'tr' | 'parallel'>): string {
  return options.parallel ? `${options.tr.lng}-${options.parallel.tr.lng}` : options.tr.lng;
}

/**
 * The one function that turns models into Word bytes: one model, or two side by side (`second`, in the
 * second column). It uses the fast writer (docx-writer/), which writes what the reference renderer
 * writes, part by part (tests/documents/writer-golden.test.ts).
 */
export function renderDocxFast(first: DocumentModel, second?: DocumentModel): Buffer {
  return second === undefined ? writeDocx(first) : writeBilingualDocx(first, second);
}

/**
 * The reference renderer, with the docx library (render-docx.ts, bilingual.ts): what the golden test and
 * the benchmark compare the fast writer with. Loaded on first use, so that serving documents never loads
 * docx.
 */
export async function renderDocxReference(first: DocumentModel, second?: DocumentModel): Promise<Buffer> {
  if (second === undefined) return (await import('./render-docx')).renderDocx(first);
  return (await import('./bilingual')).renderBilingualDocx(first, second);
}

/**
 * A document as Word bytes: in one language, or in two side by side when `options.parallel` is given
 * (the checklist is always in the first).
 */
export async function documentDocx(
  assessment: Assessment,
  name: Exclude<DocumentName, 'bundle'>,
  options: RenderOptions & { readonly treaty?: TreatyId },
): Promise<Buffer> {
  const [first, second] = documentModels(assessment, name, options);
  return Promise.resolve(renderDocxFast(first, second));
}

/** The model of a document, and of its second language when it has one (never for the checklist). */
export function documentModels(
  assessment: Assessment,
  name: Exclude<DocumentName, 'bundle'>,
  options: RenderOptions & { readonly treaty?: TreatyId },
): [DocumentModel] | [DocumentModel, DocumentModel] {
  const first = buildModel(assessment, name, options);
  const parallel = options.parallel;
  if (parallel === undefined || name === 'checklist') return [first];
  return [first, buildModel(parallel.assessment, name, { ...options, tr: parallel.tr })];
}

/** Whether full powers are produced: for a State whose signer holds none of the three offices (VCLT 7). */
export function fullPowersNeeded(assessment: Assessment): boolean {
  return fullPowersFor(assessment.pkg) === 'needed';
}

/** The treaties an instrument is produced for: each one joined; none in a party's later notification. */
export function instrumentTreaties(assessment: Assessment): TreatyId[] {
  return assessment.facts.isLaterNotification ? [] : assessment.facts.treaties.map((t) => t.treaty);
}

export function buildModel(
  assessment: Assessment,
  name: Exclude<DocumentName, 'bundle'>,
  options: RenderOptions & { readonly treaty?: TreatyId },
): DocumentModel {
  const ctx = createContext(assessment, options.tr, options.mode, options.today);
  switch (name) {
    case 'instrument':
      if (!options.treaty) throw new Error('an instrument needs a treaty');
      return buildInstrument(ctx, options.treaty);
    case 'notifications':
      return buildNotifications(ctx);
    case 'full-powers':
      return buildFullPowers(ctx);
    case 'note-verbale':
      return buildNoteVerbale(ctx);
    case 'checklist':
      return buildChecklistDocument(ctx, options.fixHref ?? null, options.approval ?? null);
  }
}

/** A file name for a document, e.g. "instrument-som-ratification-en.docx" ("…-ar-en.docx" in two languages). */
export function fileName(
  assessment: Assessment,
  name: DocumentName,
  lng: string,
  mode: Mode,
  treaty?: TreatyId,
  ext = 'docx',
): string {
  const parts: string[] = [name];
  if (treaty)
    parts.push(treaty, assessment.facts.treaties.find((t) => t.treaty === treaty)?.choice.instrument ?? '');
  parts.push(assessment.pkg.party.code, lng);
  if (mode === 'draft') parts.push('draft');
  return `${fileStem(parts)}.${ext}`;
}

/**
 * The bundle: an instrument per treaty, the notifications, full powers when needed, the checklist as
 * .docx and as HTML (with its stylesheet), and the package itself as JSON, dated from the clock. With a
 * parallel text, the instruments, the notifications and the full powers are bilingual, and the
 * checklist is in the first language.
 */
export async function buildBundle(
  assessment: Assessment,
  options: RenderOptions & { readonly stylesheet: string },
): Promise<Buffer> {
  const entries: ZipEntry[] = [];
  // The .docx files are compressed already: stored, not compressed a second time.
  const docx = async (name: string, bytes: Promise<Buffer>) => entries.push(storedEntry(name, await bytes));
  const text = (name: string, content: string) => entries.push(deflatedEntry(name, content));
  const lng = options.tr.lng;
  const languages = languagesLabel(options);
  for (const treaty of instrumentTreaties(assessment)) {
    await docx(
      fileName(assessment, 'instrument', languages, options.mode, treaty),
      documentDocx(assessment, 'instrument', { ...options, treaty }),
    );
  }
  await docx(
    fileName(assessment, 'notifications', languages, options.mode),
    documentDocx(assessment, 'notifications', options),
  );
  if (fullPowersNeeded(assessment)) {
    await docx(
      fileName(assessment, 'full-powers', languages, options.mode),
      documentDocx(assessment, 'full-powers', options),
    );
  }
  await docx(
    fileName(assessment, 'note-verbale', languages, options.mode),
    documentDocx(assessment, 'note-verbale', options),
  );
  const checklist = buildModel(assessment, 'checklist', options);
  await docx(
    fileName(assessment, 'checklist', lng, options.mode),
    Promise.resolve(renderDocxFast(checklist)),
  );
  text(
    fileName(assessment, 'checklist', lng, options.mode, undefined, 'html'),
    renderHtml(checklist, { stylesheetHref: 'document.css' }),
  );
  text('document.css', options.stylesheet);
  text('package.json', `${JSON.stringify(assessment.answers, null, 2)}\n`);
  return writeZip(entries, new Date(`${options.today}T00:00:00Z`));
}
