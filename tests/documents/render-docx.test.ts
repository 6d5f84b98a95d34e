/**
 * The Word renderer, tested by opening what it writes: mammoth for the text as Word would show it,
 * jszip for the XML parts (styles, page size, footer fields, properties, language), and LibreOffice as a
 * second, independent consumer that must open the file and lay it out.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { DocumentModel } from '../../server/documents/model';
import { PARAGRAPH_STYLE_IDS, renderDocx, STYLE_IDS } from '../../server/documents/render-docx';
import { DISTINCTIVE_SENTENCE, LITERAL_TEXT, sampleModel } from '../fixtures/documents/sample-model';
import { completed, missingInOrder, modelTexts } from './model-texts';

const run = promisify(execFile);

async function rawText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value;
}

async function parts(docx: Buffer): Promise<(name: string) => Promise<string>> {
  const zip = await JSZip.loadAsync(docx);
  return async (name) => {
    const file = zip.file(name);
    if (file === null) throw new Error(`${name} is not in the .docx`);
    return file.async('string');
  };
}

/** The XML-invalid characters the renderer must remove (XML 1.0, §2.2). */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe('renderDocx', () => {
  let docx: Buffer;
  let text: string;
  let part: (name: string) => Promise<string>;

  beforeAll(async () => {
    docx = await renderDocx(sampleModel);
    text = await rawText(docx);
    part = await parts(docx);
  });

  describe('text, as mammoth reads it', () => {
    it('has every text of the model, in order', () => {
      expect(missingInOrder(text, modelTexts(sampleModel))).toEqual([]);
    });

    it('prints the markers of a draft', () => {
      for (const marker of [
        "[à compléter : nom de l'État]",
        '[à compléter : adresse électronique]',
        '[à compléter : nom du signataire]',
      ]) {
        expect(text).toContain(marker);
      }
    });

    it('keeps markup characters as text', () => {
      expect(text).toContain(`Référence du dossier : ${LITERAL_TEXT}/2024`);
    });

    it('numbers numbered paragraphs', () => {
      expect(text).toMatch(/^1\.\tConformément à l'article 18, paragraphe 13/m);
      expect(text).toMatch(/^2\.\tConformément à l'article 18, paragraphe 14/m);
    });

    it('prints blanks as lines of about 6 cm, without their labels', async () => {
      expect(text).toContain(`Fait à ${'_'.repeat(28)}, le ${'_'.repeat(28)}.`);
      expect(await part('word/document.xml')).not.toContain('Lieu');
    });

    it('prints a line to sign on before the signature lines', () => {
      expect(text).toMatch(/_{40}\s+\[à compléter : nom du signataire\]\s+Ministre des affaires étrangères/);
    });
  });

  describe('styles', () => {
    it('defines a paragraph style for every paragraph style of the model, and the built-in title and headings', async () => {
      const styles = await part('word/styles.xml');
      const ids = [
        ...Object.values(PARAGRAPH_STYLE_IDS),
        'Title',
        'Heading1',
        'Heading2',
        'Heading3',
        'Caption',
        'Signature',
        'TableText',
        'TableHeading',
        'Footer',
      ];
      for (const id of ids) expect(styles).toContain(`<w:style w:type="paragraph" w:styleId="${id}"`);
      expect(PARAGRAPH_STYLE_IDS).toEqual({
        normal: 'Normal',
        recital: 'Recital',
        quote: 'Quote',
        note: 'Note',
        centered: 'Centered',
      });
    });

    it('defines the Marker character style, bold and highlighted', async () => {
      const styles = await part('word/styles.xml');
      const marker = /<w:style w:type="character" w:styleId="Marker">.*?<\/w:style>/.exec(styles)?.[0] ?? '';
      expect(marker).toContain('<w:b/>');
      expect(marker).toContain('<w:highlight w:val="yellow"/>');
      expect(styles).toContain(`<w:style w:type="character" w:styleId="${STYLE_IDS.blank}"`);
    });

    it('uses the styles in the body', async () => {
      const body = await part('word/document.xml');
      for (const id of [
        'Title',
        'Centered',
        'Recital',
        'Quote',
        'Note',
        'Heading1',
        'Heading2',
        'Heading3',
        'Caption',
        'Signature',
        'TableText',
        'TableHeading',
      ]) {
        expect(body).toContain(`<w:pStyle w:val="${id}"/>`);
      }
      expect(body).toContain(
        '<w:rStyle w:val="Marker"/></w:rPr><w:t xml:space="preserve">[à compléter : nom de l&apos;État]</w:t>',
      );
    });

    it('sets one serif body font, 12 pt, on the document defaults', async () => {
      const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(await part('word/styles.xml'))?.[0] ?? '';
      expect(defaults).toContain(
        // The language's fonts (i18n/languages.ts): a serif for Latin and complex scripts, SimSun for East Asian.
        '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"/>',
      );
      expect(defaults).toContain('<w:sz w:val="24"/>');
    });
  });

  describe('language', () => {
    it('sets the document language on the default run properties', async () => {
      const defaults = /<w:rPrDefault>.*<\/w:rPrDefault>/.exec(await part('word/styles.xml'))?.[0] ?? '';
      expect(defaults).toContain('<w:lang w:val="fr-FR"/>');
    });

    it('marks a quotation in another language on its run', async () => {
      expect(await part('word/document.xml')).toMatch(
        /<w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">“This Convention shall be open/,
      );
    });

    it('follows the model: an English document is en-GB', async () => {
      const english = await parts(await renderDocx({ ...sampleModel, lang: 'en', languageTag: 'en-GB' }));
      expect(await english('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="en-GB"\/>/);
    });
  });

  describe('page', () => {
    it('is A4 with margins of 2.5 cm', async () => {
      const body = await part('word/document.xml');
      expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(body).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
    });

    it('has a centred footer on every page with PAGE and NUMPAGES fields', async () => {
      const body = await part('word/document.xml');
      expect(body).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
      const footer = await part('word/footer1.xml');
      expect(footer).toContain('<w:pStyle w:val="Footer"/>');
      expect(footer).toMatch(
        /<w:t xml:space="preserve">Page <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> sur <\/w:t>.*<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/,
      );
      expect(await part('word/styles.xml')).toMatch(
        /<w:style w:type="paragraph" w:styleId="Footer">.*?<w:jc w:val="center"\/>.*?<\/w:style>/,
      );
    });

    it('starts a new page at a page break: the heading after it opens the next page', async () => {
      expect(await part('word/document.xml')).toMatch(
        /<w:p><w:pPr><w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>.*?Signature<\/w:t>/,
      );
    });
  });

  describe('blocks', () => {
    it('writes a line break as a break inside the paragraph', async () => {
      expect(await part('word/document.xml')).toMatch(
        /13, place Vendôme<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t xml:space="preserve">75042 Paris Cedex 01/,
      );
    });

    it('makes lists real bullet lists', async () => {
      const numbering = await part('word/numbering.xml');
      expect(numbering).toContain('<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>');
      const items =
        (await part('word/document.xml')).match(
          /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>.*?<\/w:p>/g,
        ) ?? [];
      expect(items.map((item) => /<w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(item)?.[1])).toEqual([
        'le français',
        'l&apos;anglais',
      ]);
    });

    it('repeats the header row of a table on every page, across the full width', async () => {
      const body = await part('word/document.xml');
      const tables = body.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
      expect(tables).toHaveLength(2);
      const [fields, table] = tables as [string, string];
      expect(table).toMatch(/<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>(<w:tc>.*?<\/w:tc>){3}<\/w:tr>/);
      expect(table).toContain('<w:tblW w:type="dxa" w:w="9072"/>');
      // The fields table: a label column of 35 %, and no header row.
      expect(fields).toContain('<w:gridCol w:w="3175"/><w:gridCol w:w="5897"/>');
      expect(fields).not.toContain('<w:tblHeader/>');
    });

    it('shows the value of a missing field in bold', async () => {
      const bolded = await parts(
        await renderDocx({
          ...sampleModel,
          markers: [],
          blocks: [
            {
              type: 'fields',
              rows: [{ label: 'E-mail', value: [{ type: 'text', text: 'not given' }], tone: 'missing' }],
            },
          ],
        }),
      );
      expect(await bolded('word/document.xml')).toContain(
        '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">not given</w:t></w:r>',
      );
    });

    it('still prints the caption of a table without rows, and writes no empty table', async () => {
      const empty = await renderDocx({
        ...sampleModel,
        markers: [],
        blocks: [{ type: 'table', caption: 'No rows', header: [], rows: [] }],
      });
      expect(await rawText(empty)).toContain('No rows');
      expect(await (await parts(empty))('word/document.xml')).not.toContain('<w:tbl>');
    });
  });

  describe('document properties', () => {
    it('come from the model, last modified by the creator', async () => {
      const core = await part('docProps/core.xml');
      expect(core).toContain(
        '<dc:title>Instrument d&apos;adhésion à la Convention contre la criminalité transnationale organisée</dc:title>',
      );
      expect(core).toContain(
        '<dc:subject>Adhésion à la Convention des Nations Unies contre la criminalité transnationale organisée</dc:subject>',
      );
      expect(core).toContain(
        '<dc:creator>Assistant de rédaction des instruments d&apos;adhésion</dc:creator>',
      );
      expect(core).toContain(
        '<cp:lastModifiedBy>Assistant de rédaction des instruments d&apos;adhésion</cp:lastModifiedBy>',
      );
      expect(core).toContain('<cp:keywords>UNTOC; adhésion; instrument; notifications</cp:keywords>');
      expect(core).toContain(
        '<dc:description>Projet établi par l&apos;assistant de rédaction ; à vérifier avant signature.</dc:description>',
      );
    });
  });

  describe('characters', () => {
    const dirty = 'A\u0000B\u0001C\u0008D\u000BE\u000CF\u000EG\u001FH\uFFFEI';

    it('removes the characters XML forbids, and only those', async () => {
      const model: DocumentModel = {
        ...sampleModel,
        markers: [],
        properties: { ...sampleModel.properties, title: `Title ${dirty}` },
        footer: { page: `P${dirty}`, of: 'of' },
        blocks: [
          { type: 'title', text: dirty },
          {
            type: 'paragraph',
            style: 'normal',
            content: [{ type: 'text', text: `Text ${dirty} <&> "quoted" 'single' é ü ä 中文 🙂` }],
          },
          {
            type: 'fields',
            caption: dirty,
            rows: [{ label: dirty, value: [{ type: 'text', text: dirty }] }],
          },
          { type: 'table', header: [dirty], rows: [[[{ type: 'text', text: dirty }]]] },
        ],
      };
      const output = await renderDocx(model);
      const read = await parts(output);
      for (const name of ['word/document.xml', 'word/footer1.xml', 'docProps/core.xml'])
        expect(await read(name)).not.toMatch(XML_INVALID);
      const plain = await rawText(output);
      expect(plain).toContain('ABCDEFGHI');
      expect(plain).toContain(`Text ABCDEFGHI <&> "quoted" 'single' é ü ä 中文 🙂`);
      expect(await read('docProps/core.xml')).toContain('<dc:title>Title ABCDEFGHI</dc:title>');
    });

    it('turns line feeds into breaks and tabs into tabs, keeping the text on both sides', async () => {
      const output = await renderDocx({
        ...sampleModel,
        markers: [],
        blocks: [
          {
            type: 'paragraph',
            style: 'normal',
            content: [{ type: 'text', text: 'one\ntwo\r\nthree\tfour' }],
          },
        ],
      });
      expect(await (await parts(output))('word/document.xml')).toMatch(
        /one<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">two<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">three<\/w:t><w:tab\/><w:t xml:space="preserve">four/,
      );
    });
  });

  describe('final mode', () => {
    it('refuses a final document with a marker in its body', async () => {
      await expect(renderDocx({ ...sampleModel, mode: 'final', markers: [] })).rejects.toThrow(
        /final document must not contain/,
      );
    });

    it('refuses a final document whose list of markers is not empty', async () => {
      await expect(renderDocx({ ...completed(sampleModel), markers: ['nom de l’État'] })).rejects.toThrow(
        /final document must not contain/,
      );
    });

    it('renders a final document without markers', async () => {
      const model = completed(sampleModel);
      const output = await renderDocx(model);
      expect(await (await parts(output))('word/document.xml')).not.toContain('<w:rStyle w:val="Marker"/>');
      expect(missingInOrder(await rawText(output), modelTexts(model))).toEqual([]);
    });

    it('renders a draft with markers', async () => {
      await expect(renderDocx(sampleModel)).resolves.toBeInstanceOf(Buffer);
    });
  });

  describe('right to left', () => {
    const LRM = '\u200E';
    const rtlModel: DocumentModel = {
      ...sampleModel,
      lang: 'ar',
      direction: 'rtl',
      script: 'arabic',
      blocks: [
        {
          type: 'paragraph',
          style: 'normal',
          content: [
            { type: 'text', text: 'الهاتف: ' },
            { type: 'text', text: '+975 2 000 000\tmla@example.bt' },
            { type: 'text', text: ' Kingdom of Bhutan', lang: 'en' },
          ],
        },
        {
          type: 'paragraph',
          style: 'normal',
          content: [{ type: 'text', text: 'Article 16, paragraph 5 (a)', lang: 'en' }],
        },
      ],
    };

    it('holds Latin-only text left to right with a mark at each end of each part between tabs, never an isolate', async () => {
      const xml = await (await parts(await renderDocx(rtlModel)))('word/document.xml');
      const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
      expect(texts).toContain(`${LRM}+975 2 000 000${LRM}`);
      expect(texts).toContain(`${LRM}mla@example.bt${LRM}`);
      // A Latin inline tagged English inside an Arabic paragraph is held too: its tag is not its paragraph's.
      expect(texts).toContain(`${LRM} Kingdom of Bhutan${LRM}`);
      // Arabic text, and a quotation that is a left-to-right paragraph of its own, are left as they are.
      expect(texts).toContain('الهاتف: ');
      expect(texts).toContain('Article 16, paragraph 5 (a)');
      expect(xml).not.toMatch(/[\u2066-\u2069\u202A-\u202E]/);
    });

    it('adds no mark in a left-to-right document', async () => {
      const xml = await (
        await parts(await renderDocx({ ...rtlModel, lang: 'en', direction: 'ltr', script: 'latin' }))
      )('word/document.xml');
      expect(xml).not.toContain(LRM);
    });
  });

  it('refuses a block it does not know rather than leaving it out', async () => {
    const model = { ...sampleModel, blocks: [{ type: 'image', src: 'x.png' }] } as unknown as DocumentModel;
    await expect(renderDocx(model)).rejects.toThrow('Cannot render block of type "image"');
  });

  describe('LibreOffice', () => {
    // LibreOffice is always installed in CI (libreoffice-writer-nogui): a missing soffice fails the test.
    it('opens the document and lays it out, with its page numbers', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-docx-'));
      try {
        const input = path.join(dir, 'sample.docx');
        fs.writeFileSync(input, docx);
        // A profile of its own: two conversions sharing one at once fail.
        const profile = `file://${path.join(dir, 'profile')}`;
        await run(
          'soffice',
          [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
          { timeout: 90_000 },
        ).catch((error: unknown) => {
          throw new Error(`soffice failed (is libreoffice-writer-nogui installed?): ${String(error)}`);
        });
        const pdf = path.join(dir, 'sample.pdf');
        expect(fs.existsSync(pdf)).toBe(true);
        const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { timeout: 30_000 });
        const pages = stdout.split('\f').filter((page) => page.trim() !== '');
        const flat = stdout.replace(/\s+/g, ' ');
        expect(flat).toContain(DISTINCTIVE_SENTENCE);
        expect(flat).toContain(LITERAL_TEXT);
        expect(flat).toContain("[à compléter : nom de l'État]");
        // The page break gives at least two pages, and the footer fields are computed on each.
        expect(pages.length).toBeGreaterThanOrEqual(2);
        pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} sur ${pages.length}`));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
