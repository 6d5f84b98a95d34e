/**
 * A real word processor opens every document of a real bundle: LibreOffice (headless) converts each
 * .docx to PDF and pdftotext reads it back. LibreOffice is installed in CI (.ci/run); a missing soffice
 * fails the test rather than skipping it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { buildBundle } from '../../server/documents';
import { PATHS } from '../../server/paths';
import { assess, example, i18n, TODAY } from './helpers';

const run = promisify(execFile);

async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

describe('LibreOffice opens the bundle', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['en', 'fr'] as const)('converts every .docx of the %s bundle to PDF with the expected text', async (lng) => {
    const pkg = example('bhutan-accession');
    const assessment = assess(lng === 'fr' ? { ...pkg, party: { kind: 'state', code: 'BT', formalName: 'le Royaume du Bhoutan' }, documentLanguage: 'fr' } : pkg);
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
    expect(docs).toHaveLength(5); // three instruments, the notifications, the checklist
    for (const name of docs) fs.writeFileSync(path.join(out, name), await zip.file(name)!.async('nodebuffer'));

    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    try {
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docs.map((d) => path.join(out, d))], {
        timeout: 120_000,
      });
    } catch (error) {
      throw new Error(`soffice failed (is libreoffice-writer-nogui installed? .ci/run installs it): ${String(error)}`);
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }

    const expected: Record<string, string> = lng === 'en'
      ? {
          'instrument-untoc': 'WHEREAS the United Nations Convention against Transnational Organized Crime was adopted at New York on 15 November 2000,',
          'instrument-som': 'Protocol against the Smuggling of Migrants by Land, Sea and Air',
          notifications: 'In accordance with article 18, paragraph 13, of the Convention',
          checklist: 'Notification checklist',
        }
      : {
          'instrument-untoc': 'CONSIDÉRANT QUE la Convention des Nations Unies contre la criminalité transnationale organisée a été adoptée à New York le 15 novembre 2000,',
          'instrument-som': 'par terre, air et mer',
          notifications: "Conformément à l'article 18, paragraphe 13, de la Convention",
          checklist: 'Liste de contrôle des notifications',
        };
    for (const [prefix, sentence] of Object.entries(expected)) {
      const pdf = fs.readdirSync(out).find((f) => f.startsWith(prefix) && f.endsWith('.pdf'));
      expect(pdf).toBeDefined();
      expect(await pdfText(path.join(out, pdf!))).toContain(sentence);
    }
    // Page numbers come from the footer's fields: "Page 1 of N" / "Page 1 sur N".
    const checklistPdf = fs.readdirSync(out).find((f) => f.startsWith('checklist') && f.endsWith('.pdf'))!;
    expect(await pdfText(path.join(out, checklistPdf))).toMatch(lng === 'en' ? /Page 2 of \d+/ : /Page 2 sur \d+/);
  });
});
