/**
 * The fast writers (server/documents/docx-writer/, html-writer.ts) against the reference renderers (docx,
 * Handlebars), in process,
 * the contenders interleaved run by run (A B, B A, ...) so that the machine's other load falls on both
 * alike: the median of each and their ratio (issue 12).
 *
 * - the instrument (UNTOC): assess, build the model, write the .docx; the writer against docx;
 * - the HTML checklist from a built model: the HTML writer (html-writer.ts) against Handlebars;
 * - the bundle: every document and the .zip; the writers' (the .docx files stored) against the bundle as
 *   it was built before the writers (docx for each document, Handlebars for the HTML checklist, JSZip
 *   deflating everything again);
 * - the floor: the same bundle's documents written from models already built, and zipped, which is what
 *   the bundle cannot go below without assessing and building faster.
 */
import JSZip from 'jszip';
import {
  buildBundle,
  buildModel,
  documentModels,
  fileName,
  fullPowersNeeded,
  languagesLabel,
  renderDocxFast,
  renderDocxReference,
  type DocumentName,
  type RenderOptions,
} from '../server/documents';
import type { DocumentModel } from '../server/documents/model';
import { renderHtml } from '../server/documents/render-html';
import { renderHtmlReference } from '../server/documents/render-html-reference';
import { deflatedEntry, storedEntry, writeZip } from '../server/documents/docx-writer/zip';
import type { TreatyId } from '../server/catalogue';
import type { Assessment } from '../server/domain/validate';
import { median } from './stats';

type Name = Exclude<DocumentName, 'bundle'>;

interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

/** Runs the contenders in turn, `runs` times each after a warm-up, rotating who goes first; returns the medians. */
export async function interleaved(
  label: string,
  runs: number,
  contenders: readonly Contender[],
): Promise<number[]> {
  for (let i = 0; i < 10; i++) for (const c of contenders) await c.run();
  const samples = contenders.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (i + k) % contenders.length;
      const start = process.hrtime.bigint();
      await contenders[index]!.run();
      samples[index]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const medians = samples.map(median);
  console.log(`${label} (${runs} runs each, interleaved)`);
  contenders.forEach((c, i) => {
    const ratio = i === 0 ? '' : `   ${(medians[i]! / medians[0]!).toFixed(2)} x ${contenders[0]!.name}`;
    console.log(`  ${c.name.padEnd(44)} median ${medians[i]!.toFixed(2).padStart(7)} ms${ratio}`);
  });
  return medians;
}

/** The documents of a bundle, with the treaty of each instrument and the languages of its file name. */
function bundleDocuments(assessment: Assessment): { name: Name; treaty?: TreatyId }[] {
  return [
    ...assessment.facts.treaties.map(({ treaty }) => ({ name: 'instrument' as const, treaty })),
    { name: 'notifications' },
    ...(fullPowersNeeded(assessment) ? [{ name: 'full-powers' as const }] : []),
    { name: 'note-verbale' },
    { name: 'checklist' },
  ];
}

/**
 * The bundle as it was built before the writers: docx for each document, the HTML checklist with
 * Handlebars, JSZip deflating them again.
 */
async function referenceBundle(
  assessment: Assessment,
  options: RenderOptions & { readonly stylesheet: string },
): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(`${options.today}T00:00:00Z`);
  const lng = options.tr.lng;
  const languages = languagesLabel(options);
  for (const document of bundleDocuments(assessment)) {
    const [first, second] = documentModels(assessment, document.name, { ...options, ...document });
    const label = document.name === 'checklist' ? lng : languages;
    zip.file(
      fileName(assessment, document.name, label, options.mode, document.treaty),
      await renderDocxReference(first, second),
      { date },
    );
  }
  const checklist = buildModel(assessment, 'checklist', options);
  zip.file(
    fileName(assessment, 'checklist', lng, options.mode, undefined, 'html'),
    renderHtmlReference(checklist, { stylesheetHref: 'document.css' }),
    { date },
  );
  zip.file('document.css', options.stylesheet, { date });
  zip.file('package.json', `${JSON.stringify(assessment.answers, null, 2)}\n`, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/** The figures of issue 12 for the writer, in process, on one package. */
export async function benchWriter(
  assess: () => Assessment,
  options: RenderOptions & { readonly stylesheet: string },
): Promise<void> {
  console.log('\nThe fast writer against the reference renderer (docx), in process');
  const instrument = () => buildModel(assess(), 'instrument', { ...options, treaty: 'untoc' });
  await interleaved('Instrument (UNTOC): assess + build + .docx', 300, [
    { name: 'writer', run: () => renderDocxFast(instrument()) },
    { name: 'docx (reference)', run: () => renderDocxReference(instrument()) },
  ]);
  const model = instrument();
  await interleaved('Instrument (UNTOC): the .docx alone, from a built model', 300, [
    { name: 'writer', run: () => renderDocxFast(model) },
    { name: 'docx (reference)', run: () => renderDocxReference(model) },
  ]);

  const checklistModel = buildModel(assess(), 'checklist', options);
  await interleaved('The HTML checklist alone, from a built model', 300, [
    { name: 'writer', run: () => renderHtml(checklistModel, { stylesheetHref: 'document.css' }) },
    {
      name: 'Handlebars (reference)',
      run: () => renderHtmlReference(checklistModel, { stylesheetHref: 'document.css' }),
    },
  ]);

  // The floor: the bundle's documents from models built beforehand, written and zipped.
  const assessment = assess();
  const models: (readonly [DocumentModel] | readonly [DocumentModel, DocumentModel])[] = bundleDocuments(
    assessment,
  ).map((document) => documentModels(assessment, document.name, { ...options, ...document }));
  const checklist = buildModel(assessment, 'checklist', options);
  const html = renderHtml(checklist, { stylesheetHref: 'document.css' });
  const json = `${JSON.stringify(assessment.answers, null, 2)}\n`;
  const floor = () =>
    writeZip(
      [
        ...models.map(([first, second], i) => storedEntry(`${i}.docx`, renderDocxFast(first, second))),
        deflatedEntry('checklist.html', html),
        deflatedEntry('document.css', options.stylesheet),
        deflatedEntry('package.json', json),
      ],
      new Date(`${options.today}T00:00:00Z`),
    );
  await interleaved('Bundle (.zip, every document): the writer against the reference', 60, [
    { name: 'writer: assess + buildBundle', run: () => buildBundle(assess(), options) },
    { name: 'docx (reference) + JSZip: assess + bundle', run: () => referenceBundle(assess(), options) },
  ]);
  // Against its floor, without the reference among them: a reference run leaves some 100 MB of garbage,
  // whose collection fell on whichever run came next and made the goal's ratio depend on the order.
  const [bundle, assessed, floorTime] = await interleaved(
    'Bundle (.zip, every document): against its floor',
    200,
    [
      { name: 'writer: assess + buildBundle', run: () => buildBundle(assess(), options) },
      { name: 'writer: buildBundle, assessed beforehand', run: () => buildBundle(assessment, options) },
      { name: 'floor: writer + zip, models built beforehand', run: floor },
    ],
  );
  console.log(
    `  buildBundle is ${(assessed! / floorTime!).toFixed(2)} x the floor (goal: at most 1.5), ` +
      `${(bundle! / floorTime!).toFixed(2)} x with the assessment; median ${assessed!.toFixed(2)} ms ` +
      `(${bundle!.toFixed(2)} ms with the assessment) against a goal of 10 ms`,
  );
}
