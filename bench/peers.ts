/**
 * The project against the tools ministries use today (issue 12), on the sample package's instrument
 * (UNTOC):
 *
 * 1. In process, interleaved: docxtemplater filling an equivalent template against the project. The
 *    template is the project's own instrument with the text of every run replaced by a tag ({t0}, {t1}…),
 *    so docxtemplater reads, fills and zips the same document with the same words; its data is those
 *    words. The project is timed twice: writing from a model already built (what a template engine
 *    does: fill and zip), and from the assessment (rules, checklist, model and writing).
 * 2. Whole process, one instrument each, wall time (median of a few runs; each run starts a new
 *    process): the project (node, dist/bench/one-instrument.js: load the words and the data, assess,
 *    build, write), pandoc converting the same text as Markdown to .docx, and LibreOffice converting the
 *    project's HTML of the instrument to .docx (headless, with its own profile folder). A tool that is
 *    not installed is reported as such.
 *
 * Figures only, no thresholds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { buildModel, renderDocxFast, type RenderOptions } from '../server/documents';
import { renderHtml } from '../server/documents/render-html';
import type { Assessment } from '../server/domain/validate';
import { removeFolder, tempFolder } from './child-server';
import { median } from './stats';
import { interleaved } from './writer';

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each non-empty paragraph of a .docx's document.xml. */
function paragraphsOf(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''))
    .filter((p) => p.trim() !== '');
}

const documentXml = (docx: Buffer) => new PizZip(docx).file('word/document.xml')!.asText();

/** The instrument as a docxtemplater template (every run's text a tag) and the data that fills it. */
function templateOf(docx: Buffer): { template: Buffer; data: Record<string, string>; paragraphs: string[] } {
  const zip = new PizZip(docx);
  const xml = documentXml(docx);
  const data: Record<string, string> = {};
  let n = 0;
  const templated = xml.replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (_all, open, text, close) => {
    const key = `t${n++}`;
    data[key] = unescapeXml(text as string);
    return `${open as string}{${key}}${close as string}`;
  });
  const paragraphs = paragraphsOf(xml);
  zip.file('word/document.xml', templated);
  return { template: zip.generate({ type: 'nodebuffer' }), data, paragraphs };
}

function fill(template: Buffer, data: Record<string, string>): Buffer {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Wall time of a command, `runs` times; null when the command cannot be started (not installed). */
function timeCommand(command: string, args: readonly string[], runs: number, cwd: string): number[] | null {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, stdio: 'ignore', timeout: 120_000 });
    if (result.error) return null;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export async function benchPeers(
  assess: () => Assessment,
  options: RenderOptions,
  samplePackage: string,
): Promise<void> {
  const instrument = { ...options, treaty: 'untoc' as const };
  const model = buildModel(assess(), 'instrument', instrument);
  const { template, data, paragraphs } = templateOf(renderDocxFast(model));
  // The filled template must hold the same words, paragraph by paragraph, as the project's instrument.
  if (paragraphsOf(documentXml(fill(template, data))).join('\n') !== paragraphs.join('\n'))
    throw new Error('the filled template does not hold the words of the instrument');

  console.log('\nThe instrument (UNTOC) against docxtemplater filling the same document as a template');
  await interleaved('instrument .docx, in process', 200, [
    { name: 'project: write from the model', run: () => renderDocxFast(model) },
    { name: 'docxtemplater: fill the template', run: () => fill(template, data) },
    {
      name: 'project: assess, build and write',
      run: () => renderDocxFast(buildModel(assess(), 'instrument', instrument)),
    },
  ]);

  const dir = tempFolder('bench-peers-');
  try {
    fs.writeFileSync(path.join(dir, 'instrument.md'), `${paragraphs.join('\n\n')}\n`);
    fs.writeFileSync(path.join(dir, 'instrument.html'), renderHtml(model, { stylesheetHref: '' }));
    const runs = 5;
    const rows: [string, number[] | null][] = [
      [
        'project (node, load + assess + build + write)',
        timeCommand(
          process.execPath,
          [path.join(__dirname, 'one-instrument.js'), samplePackage, path.join(dir, 'project.docx')],
          runs,
          dir,
        ),
      ],
      [
        'pandoc (Markdown to .docx)',
        timeCommand('pandoc', ['instrument.md', '-o', 'pandoc.docx'], runs, dir),
      ],
      [
        'LibreOffice (HTML to .docx, headless)',
        timeCommand(
          'soffice',
          [
            `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
            '--headless',
            '--norestore',
            '--convert-to',
            'docx:MS Word 2007 XML',
            '--outdir',
            path.join(dir, 'lo'),
            'instrument.html',
          ],
          3,
          dir,
        ),
      ],
    ];
    const ours = median(rows[0]![1] ?? [Number.NaN]);
    console.log('\nOne instrument, whole process (wall time, median; each run a new process)');
    for (const [label, samples] of rows) {
      if (samples === null) {
        console.log(`  ${label.padEnd(46)} not installed`);
        continue;
      }
      const m = median(samples);
      const ratio = label.startsWith('project') ? '' : `   ${(m / ours).toFixed(1)} x project`;
      console.log(
        `  ${label.padEnd(46)} median ${m.toFixed(0).padStart(6)} ms (${samples.length} runs)${ratio}`,
      );
    }
  } finally {
    removeFolder(dir);
  }
}
