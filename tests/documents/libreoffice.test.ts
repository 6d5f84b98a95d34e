/**
 * A real word processor opens every document of a real bundle: LibreOffice (headless) converts each
 * .docx to PDF and pdftotext reads it back. LibreOffice is installed in CI (.ci/run); a missing soffice
 * fails the test rather than skipping it. Every file here comes from the fast writer (docx-writer/), the
 * one that serves documents: the bundle and documentDocx use it, and the hostile text is written by it
 * directly, through its one escaping function.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { buildBundle, documentDocx, renderDocxFast } from '../../server/documents';
import { assessInLanguage } from '../../server/domain/validate';
import { PATHS } from '../../server/paths';
import { inArabic } from '../support/translations';
import { assess, example, i18n, model, participation, TODAY } from './helpers';

const run = promisify(execFile);

async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/** Convert files with a fresh LibreOffice profile (`target`: "pdf", or "txt:Text (encoded):UTF8"). */
async function convert(files: readonly string[], target: string, outdir: string): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        target,
        '--outdir',
        outdir,
        ...files,
      ],
      { timeout: 120_000 },
    );
  } catch (error) {
    throw new Error(
      `soffice failed (is libreoffice-writer-nogui installed? .ci/run installs it): ${String(error)}`,
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

describe('LibreOffice opens the bundle', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['en', 'fr'] as const)(
    'converts every .docx of the %s bundle to PDF with the expected text',
    async (lng) => {
      const pkg = example('bhutan-accession');
      const assessment = assess(
        lng === 'fr'
          ? {
              ...pkg,
              party: { kind: 'state', code: 'BT', formalName: 'le Royaume du Bhoutan' },
              documentLanguage: 'fr',
            }
          : pkg,
      );
      const zip = await JSZip.loadAsync(
        await buildBundle(assessment, {
          tr: { lng, t: i18n.t(lng) },
          mode: 'final',
          today: TODAY,
          stylesheet: fs.readFileSync(path.join(PATHS.public, 'css', 'document.css'), 'utf8'),
        }),
      );
      const out = path.join(dir, lng);
      fs.mkdirSync(out);
      const docs = Object.keys(zip.files).filter((name) => name.endsWith('.docx'));
      expect(docs).toHaveLength(6); // three instruments, the notifications, the note verbale, the checklist
      for (const name of docs)
        fs.writeFileSync(path.join(out, name), await zip.file(name)!.async('nodebuffer'));

      await convert(
        docs.map((d) => path.join(out, d)),
        'pdf',
        out,
      );

      const expected: Record<string, string> =
        lng === 'en'
          ? {
              'instrument-untoc':
                'WHEREAS the United Nations Convention against Transnational Organized Crime was adopted at New York on 15 November 2000,',
              'instrument-som': 'Protocol against the Smuggling of Migrants by Land, Sea and Air',
              notifications: 'In accordance with article 18, paragraph 13, of the Convention',
              'note-verbale': 'presents its compliments to the Secretary-General of the United Nations',
              checklist: 'Notification checklist',
            }
          : {
              'instrument-untoc':
                'CONSIDÉRANT QUE la Convention des Nations Unies contre la criminalité transnationale organisée a été adoptée à New York le 15 novembre 2000,',
              'instrument-som': 'par terre, air et mer',
              notifications: "Conformément à l'article 18, paragraphe 13, de la Convention",
              'note-verbale': 'présente ses compliments au Secrétaire général',
              checklist: 'Liste de contrôle des notifications',
            };
      for (const [prefix, sentence] of Object.entries(expected)) {
        const pdf = fs.readdirSync(out).find((f) => f.startsWith(prefix) && f.endsWith('.pdf'));
        expect(pdf).toBeDefined();
        expect(await pdfText(path.join(out, pdf!))).toContain(sentence);
      }
      // Page numbers come from the footer's fields: "Page 1 of N" / "Page 1 sur N".
      const checklistPdf = fs.readdirSync(out).find((f) => f.startsWith('checklist') && f.endsWith('.pdf'))!;
      expect(await pdfText(path.join(out, checklistPdf))).toMatch(
        lng === 'en' ? /Page 2 of \d+/ : /Page 2 sur \d+/,
      );
    },
  );
});

describe('LibreOffice opens the writer’s Chinese and Arabic files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scripts-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['zh', 'ar'] as const)(
    'converts every .docx of the %s bundle to PDF, each titled document showing its title',
    async (lng) => {
      const assessment = assess(example('bhutan-accession'));
      const options = { tr: { lng, t: i18n.t(lng) }, mode: 'draft' as const, today: TODAY };
      const zip = await JSZip.loadAsync(await buildBundle(assessment, { ...options, stylesheet: '' }));
      const out = path.join(dir, lng);
      fs.mkdirSync(out);
      const docs = Object.keys(zip.files).filter((name) => name.endsWith('.docx'));
      expect(docs).toHaveLength(6);
      for (const name of docs)
        fs.writeFileSync(path.join(out, name), await zip.file(name)!.async('nodebuffer'));
      await convert(
        docs.map((d) => path.join(out, d)),
        'pdf',
        out,
      );
      // Each document's title, as its model has it; read without layout, direction marks and spaces
      // aside. pdftotext writes an Arabic lam-alef ligature as alef then lam: alefs and lams aside too.
      const bare = (text: string) =>
        text.replace(/[\u200e\u200f\u202a-\u202e\s\u0622\u0623\u0625\u0627\u0644]/g, '');
      const titles = {
        'instrument-untoc': model(assessment, 'instrument', lng, { treaty: 'untoc' }),
        notifications: model(assessment, 'notifications', lng),
        checklist: model(assessment, 'checklist', lng),
      };
      for (const [prefix, m] of Object.entries(titles)) {
        const title = m.blocks.find((b) => b.type === 'title');
        expect(title).toBeDefined();
        const pdf = fs.readdirSync(out).find((f) => f.startsWith(prefix) && f.endsWith('.pdf'));
        expect(pdf).toBeDefined();
        const { stdout } = await run('pdftotext', [path.join(out, pdf!), '-']);
        expect(bare(stdout)).toContain(bare(title?.type === 'title' ? title.text : 'no title'));
      }
    },
    180_000,
  );
});

describe('LibreOffice reads text that looks like markup, and other scripts, exactly as typed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Accepted by the schema: XML and i18next syntax in one-line fields, Arabic script, a joiner and a mark in a declaration. */
  const formalName = `the Kingdom of <Bhutan> & "Druk" 'Yul' {{party}}`;
  const territory = 'Phuentsholing $t(documents:marker) &amp; <b>';
  const authorityName =
    '\u0645\u0643\u062A\u0628 \u0627\u0644\u0646\u0627\u0626\u0628 \u0627\u0644\u0639\u0627\u0645';
  const declaration =
    'Persian: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645; Arabic: \u0645\u0631\u062D\u0628\u0627\u200F 2027; markup: <>&"\'';

  it('converts an instrument and the notifications to text and to PDF', async () => {
    const pkg = example('bhutan-accession');
    const assessment = assess({
      ...pkg,
      party: { kind: 'state', code: 'BT', formalName },
      authorities: [
        ...(pkg.authorities ?? []),
        { roles: ['untoc-18-13'], territory, name: authorityName, email: ['t@example.bt'] },
      ],
      declarations: [{ treaties: ['untoc'], kind: 'other', text: declaration }],
    });
    const files = {
      instrument: renderDocxFast(model(assessment, 'instrument', 'en', { mode: 'final', treaty: 'untoc' })),
      notifications: renderDocxFast(model(assessment, 'notifications', 'en', { mode: 'final' })),
    };
    const docx = Object.entries(files).map(([name, bytes]) => {
      const file = path.join(dir, `${name}.docx`);
      fs.writeFileSync(file, bytes);
      return file;
    });
    await convert(docx, 'txt:Text (encoded):UTF8', dir);
    await convert(docx, 'pdf', dir);
    const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8').replace(/\s+/g, ' ');

    // The text LibreOffice read holds every character typed, the joiner and the mark included.
    const instrument = read('instrument.txt');
    expect(instrument).toContain(`declare that the Government of ${formalName}, having considered`);
    expect(instrument).toContain(declaration);
    const notifications = read('notifications.txt');
    expect(notifications).toContain(
      `the Government of ${formalName} designates the following distinct central authority for ${territory}, a special region`,
    );
    expect(notifications).toContain(authorityName);

    // And it lays them out: the PDF shows the markup-like text as text.
    expect(await pdfText(path.join(dir, 'instrument.pdf'))).toContain(
      `the Government of ${formalName}, having considered`,
    );
    expect(await pdfText(path.join(dir, 'notifications.pdf'))).toContain(
      `for ${territory}, a special region`,
    );
  });
});

describe('LibreOffice lays out a bilingual instrument', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilingual-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('Arabic and English side by side: the Arabic column on the right, each read whole', async () => {
    const pkg = assess(inArabic(example('bhutan-accession') as Record<string, unknown>)).answers;
    const edition = (lng: 'ar' | 'en') => {
      const tr = { lng, t: i18n.t(lng) };
      const deps = { participation, today: TODAY };
      return { tr, assessment: assessInLanguage(pkg, lng, deps, (source) => `[${source}]`) };
    };
    const arabic = edition('ar');
    const file = path.join(dir, 'instrument-ar-en.docx');
    fs.writeFileSync(
      file,
      await documentDocx(arabic.assessment, 'instrument', {
        tr: arabic.tr,
        mode: 'final',
        today: TODAY,
        treaty: 'untoc',
        parallel: edition('en'),
      }),
    );
    await convert([file], 'pdf', dir);
    const pdf = path.join(dir, 'instrument-ar-en.pdf');
    // Read cell by cell (no -layout), each column's paragraphs come back whole.
    const { stdout } = await run('pdftotext', [pdf, '-']);
    const text = stdout.replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(
      'NOW THEREFORE I, Pema Example, Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan, declare that the Government of the Kingdom of Bhutan',
    );
    expect(text).toContain('صك انضمام');
    expect(text).toContain('وزير الخارجية والتجارة الخارجية لمملكة بوتان');
    // Laid out: line by line, the English title on the left of the Arabic one.
    const layout = await pdfText(pdf);
    expect(layout.indexOf('INSTRUMENT OF')).toBeLessThan(layout.indexOf('صك انضمام'));
  }, 180_000);
});
