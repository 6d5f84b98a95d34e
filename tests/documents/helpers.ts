/**
 * Shared by the document tests: assess a package with the real data and a pinned clock, build a
 * document, render it to .docx and read it back with mammoth (text) or jszip (XML parts).
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { loadParticipation, type TreatyId } from '../../server/catalogue';
import { buildModel, type DocumentName } from '../../server/documents';
import type { DocumentModel } from '../../server/documents/model';
import { renderDocx } from '../../server/documents/render-docx';
import type { PackageInput } from '../../server/domain/package';
import { assessInLanguage, assessPackage, parsePackage, type Assessment } from '../../server/domain/validate';
import { createI18n, type Language } from '../../server/i18n';
import { PATHS } from '../../server/paths';

export const TODAY = '2026-12-01';
export const participation = loadParticipation(PATHS.participationData);
export const i18n = createI18n(PATHS.locales);

export function example(name: string): PackageInput {
  return JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', `${name}.json`), 'utf8'),
  ) as PackageInput;
}

/**
 * A package fixture as written, tests/fixtures/packages/{good,bad}/<name>/package.json, not parsed
 * (assess and assessIn parse it): a bad one need not be a valid package.
 */
export function fixture(kind: 'good' | 'bad', name: string): PackageInput {
  return JSON.parse(
    fs.readFileSync(
      path.join(PATHS.root, 'tests', 'fixtures', 'packages', kind, name, 'package.json'),
      'utf8',
    ),
  ) as PackageInput;
}

export function assess(input: unknown): Assessment {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`package does not parse: ${JSON.stringify(parsed.issues)}`);
  return assessPackage(parsed.pkg, { participation, today: TODAY });
}

/** The assessment documents in `lng` are built from (as the API and the pages build it): translations, markers. */
export function assessIn(input: unknown, lng: Language): Assessment {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`package does not parse: ${JSON.stringify(parsed.issues)}`);
  return assessInLanguage(parsed.pkg, lng, { participation, today: TODAY }, (source) =>
    i18n.t(lng)('documents:toBeTranslated', { source }),
  );
}

export function model(
  assessment: Assessment,
  name: Exclude<DocumentName, 'bundle'>,
  lng: Language,
  options: { mode?: 'draft' | 'final'; treaty?: TreatyId } = {},
): DocumentModel {
  return buildModel(assessment, name, {
    tr: { lng, t: i18n.t(lng) },
    mode: options.mode ?? 'draft',
    today: TODAY,
    ...(options.treaty ? { treaty: options.treaty } : {}),
  });
}

/** The .docx's text as mammoth reads it, with runs of white space folded to one space. */
export async function docxText(docx: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: docx });
  return value.replace(/\s+/g, ' ').trim();
}

export async function renderText(m: DocumentModel): Promise<string> {
  return docxText(await renderDocx(m));
}

export async function docxPart(docx: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(name);
  if (!file) throw new Error(`${name} not in the .docx`);
  return file.async('string');
}
