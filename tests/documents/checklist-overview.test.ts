/**
 * The checklist's overview and timeline in the documents: the timeline's dates (planned deposit, entry
 * into force per treaty, the Smuggling Protocol 8(6)'s month after designation), the .docx read back
 * with JSZip (the overview's table first, the page break right after the overview, the details after
 * it), and LibreOffice's PDF of a typical three-treaty package in the six languages: the overview ends
 * on page 1 and the timeline opens page 2.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Block } from '../../server/documents/model';
import { renderDocx } from '../../server/documents/render-docx';
import { SUPPORTED_LANGUAGES } from '../../server/i18n';
import { assess, assessIn, docxPart, example, fixture, model } from './helpers';

const run = promisify(execFile);

function timelineOf(blocks: readonly Block[]): Extract<Block, { type: 'timeline' }> {
  const found = blocks.find((b): b is Extract<Block, { type: 'timeline' }> => b.type === 'timeline');
  if (!found) throw new Error('no timeline');
  return found;
}

describe('the timeline', () => {
  it('Bhutan: deposit on 15 January 2027, 8(6) one month after the designation of 4 January, each treaty in force on the thirtieth day', () => {
    const tl = timelineOf(model(assess(example('bhutan-accession')), 'checklist', 'en').blocks);
    expect(tl.events.map((e) => [e.date, e.kind, e.label])).toEqual([
      ['2027-01-15', 'deposit', 'Planned deposit'],
      ['2027-02-04', 'deadline', 'Deadline: Authority for vessels (smuggling by sea) (SOM Protocol 8(6))'],
      ['2027-02-14', 'entry-into-force', 'Entry into force: UNTOC'],
      ['2027-02-14', 'entry-into-force', 'Entry into force: TIP Protocol'],
      ['2027-02-14', 'entry-into-force', 'Entry into force: SOM Protocol'],
    ]);
    expect(tl.undated).toEqual([]);
  });

  it('Thailand, already a party to UNTOC, ratifies SOM: designated on 31 January, due on 28 February (no 31 February); in force on the thirtieth day after deposit', () => {
    const tl = timelineOf(
      model(assess(fixture('good', 'som-8-6-due-end-of-february')), 'checklist', 'en').blocks,
    );
    expect(tl.events.map((e) => [e.date, e.kind, e.dateText])).toEqual([
      ['2027-02-15', 'deposit', '15 February 2027'],
      ['2027-02-28', 'deadline', '28 February 2027'],
      ['2027-03-17', 'entry-into-force', '17 March 2027'],
    ]);
  });

  it('without a deposit date or a designation date, says so rather than inventing dates', () => {
    const pkg = example('bhutan-accession');
    const undated = {
      ...pkg,
      deposit: { plannedOn: null, place: null },
      authorities: (pkg.authorities as Record<string, unknown>[]).map((a) => ({ ...a, designatedOn: null })),
    };
    const tl = timelineOf(model(assess(undated), 'checklist', 'en').blocks);
    expect(tl.events).toEqual([]);
    expect(tl.undated).toEqual([
      { label: 'Planned deposit', when: 'not planned yet' },
      { label: 'Entry into force: UNTOC', when: 'plan a deposit date to compute it' },
      { label: 'Entry into force: TIP Protocol', when: 'plan a deposit date to compute it' },
      { label: 'Entry into force: SOM Protocol', when: 'plan a deposit date to compute it' },
      {
        label: 'Deadline: Authority for vessels (smuggling by sea) (SOM Protocol 8(6))',
        when: 'Within one month of the designation (date of designation not given)',
      },
    ]);
  });
});

describe('the .docx', () => {
  it('opens with the overview: its table is the first, the page break follows the overview, the details come after', async () => {
    const xml = await docxPart(
      await renderDocx(model(assess(example('bhutan-accession')), 'checklist', 'en')),
      'word/document.xml',
    );
    const at = (needle: string) => {
      const i = xml.indexOf(needle);
      expect({ needle, found: i >= 0 }).toEqual({ needle, found: true });
      return i;
    };
    const firstTable = at('<w:tbl>');
    const firstBreak = at('<w:pageBreakBefore/>');
    // The matrix is the first table, and the only one before the break.
    expect(xml.indexOf('Each requirement for each treaty of the draft')).toBeLessThan(firstTable);
    expect(xml.indexOf('<w:tbl>', firstTable + 1)).toBeGreaterThan(firstBreak);
    // Before the break: the matrix, then the three groups; the timeline opens the next page.
    expect(at('>Reservation on dispute settlement<')).toBeLessThan(firstBreak);
    expect(at('Due at deposit, planned for 15 January 2027')).toBeLessThan(firstBreak);
    expect(at('>After deposit<')).toBeLessThan(firstBreak);
    expect(at('>Not applicable<')).toBeLessThan(firstBreak);
    expect(xml.slice(firstBreak, firstBreak + 2000)).toContain('>Timeline<');
    // The timeline as a table on the next page, then the details, once per requirement.
    expect(at('>Entry into force: SOM Protocol<')).toBeGreaterThan(firstBreak);
    expect(at('>Each requirement in detail<')).toBeGreaterThan(firstBreak);
    expect(
      xml.match(
        />VCLT art\. 23\(2\) \(UNTOC, TIP Protocol, Smuggling Protocol\): Confirmation of reservations made on signature</g,
      ),
    ).toHaveLength(1);
    expect(
      xml.match(
        />UNTOC art\. 37\(2\) \(TIP Protocol, Smuggling Protocol\): Party to the Convention, or joining it in the same package</g,
      ),
    ).toHaveLength(1);
  });
});

async function pageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']);
  return stdout.replace(/\s+/g, ' ').trim();
}

describe('LibreOffice: the overview of a typical three-treaty package fits on the first A4 page', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overview-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['bhutan-accession (UNTOC, TIP, SOM)', () => example('bhutan-accession'), 'bhutan'],
    [
      'korea-ratifies-untoc-tip-fp (UNTOC, TIP, FP)',
      () => fixture('good', 'korea-ratifies-untoc-tip-fp'),
      'korea',
    ],
  ] as const)(
    '%s, in the six languages: page 1 ends with the overview, page 2 opens with the timeline',
    async (_name, pkg, stem) => {
      const files: string[] = [];
      const expected: Record<string, { lastOnPage1: string; heading: string }> = {};
      for (const lng of SUPPORTED_LANGUAGES) {
        const m = model(assessIn(pkg(), lng), 'checklist', lng);
        const file = path.join(dir, `${stem}-${lng}.docx`);
        fs.writeFileSync(file, await renderDocx(m));
        files.push(file);
        // The last line of the overview (what does not apply), and the timeline's heading.
        const overviewEnd = m.blocks.findIndex((b) => b.type === 'page-break');
        const details = m.blocks[overviewEnd - 1];
        const heading = m.blocks[overviewEnd + 1];
        if (details?.type !== 'details' || heading?.type !== 'heading') throw new Error('unexpected layout');
        const list = details.blocks[0];
        const last = list?.type === 'list' ? list.items[list.items.length - 1] : undefined;
        const lastText = (last ?? []).map((i) => (i.type === 'text' ? i.text : '')).join('');
        expected[lng] = {
          lastOnPage1: lastText,
          heading: heading.content.map((i) => (i.type === 'text' ? i.text : '')).join(''),
        };
      }
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
      try {
        await run(
          'soffice',
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            ...files,
          ],
          { timeout: 180_000 },
        );
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
      const squash = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e]+/g, '');
      for (const lng of SUPPORTED_LANGUAGES) {
        const pdf = path.join(dir, `${stem}-${lng}.pdf`);
        const [page1, page2] = [squash(await pageText(pdf, 1)), squash(await pageText(pdf, 2))];
        // The timeline starts a new page: had the overview run over, page 2 would open with its rest.
        expect({ lng, page2: page2.slice(0, 40) }).toEqual({
          lng,
          page2: expect.stringMatching(new RegExp(`^${squash(expected[lng]!.heading)}`)) as unknown,
        });
        // The overview's last line is on page 1 (Arabic comes back from the PDF in visual order: its
        // page 2 is enough).
        if (lng !== 'ar')
          expect({ lng, page1: page1.includes(squash(expected[lng]!.lastOnPage1).slice(-30)) }).toEqual({
            lng,
            page1: true,
          });
      }
    },
    240_000,
  );
});
