/**
 * Renders a DocumentModel to a Word document (.docx) with the docx library. The mapping is mechanical:
 * every block becomes paragraphs or a table, every inline a run, and all the formatting lives in named
 * styles (Word's Styles pane shows Recital, Quote, Note... rather than direct formatting), so that a
 * ministry can restyle a draft to its own house style in one place.
 *
 * This is the reference renderer: documents are served by the fast writer (docx-writer/), which writes
 * the same XML part by part, as tests/documents/writer-golden.test.ts checks on every fixture. A change
 * to the documents' layout is made here and in the writer (the numbers both read are in word-layout.ts),
 * and the golden test says whether they still agree.
 *
 * Text is raw: docx escapes it for XML itself. The only characters removed are those XML 1.0 forbids
 * (W3C XML 1.0, 5th edition, §2.2 "Characters"), which Word refuses to open.
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type {
  ICharacterStyleOptions,
  IParagraphOptions,
  IParagraphStyleOptions,
  IRunOptions,
  ParagraphChild,
} from 'docx';
import type { Block, DocumentModel, Inline, Tone } from './model';

import {
  A4,
  assertNoMarkersInFinal,
  BLANK_LINE,
  columnWidths,
  COMPACT_MARGINS,
  CONTENT_WIDTH,
  HANGING,
  HEADER_FILL,
  isForeign,
  LABEL_SHARE,
  leftToRight as holdLeftToRight,
  MARGIN,
  PARAGRAPH_STYLE_IDS,
  removeXmlInvalidCharacters,
  RTL_LETTER,
  SIGNATURE_SPACE,
  signatureLine,
  SIZE,
  STYLE_IDS,
  timelineTable,
  unknownType,
} from './word-layout';

export { assertNoMarkersInFinal, CONTENT_WIDTH, PARAGRAPH_STYLE_IDS, STYLE_IDS };

const BULLETS = 'bullets';

interface RunFormat {
  readonly bold?: boolean;
}

/**
 * How the document's language is written: right to left (Arabic: every paragraph bidirectional, tables
 * laid out from the right, and the runs of right-to-left text marked so), and whether its text is East
 * Asian (Chinese: every run hints the East Asian font, so that Word and LibreOffice pick a CJK face for
 * the punctuation and quotation marks CJK shares with Latin).
 */
export interface Writing {
  readonly rtl: boolean;
  readonly eastAsian: boolean;
  /** The width tables span, in twips: the page's, or a column's in a bilingual document. */
  readonly width: number;
  /**
   * The language written on every run that names none, when the document's default language is not
   * the text's (a bilingual document's columns: §17.3.2.20 lang).
   */
  readonly language?: RunLanguage;
}

/** A run's languages (§17.3.2.20 lang): its text's, and the East Asian and complex-script ones. */
type RunLanguage = NonNullable<IRunOptions['language']>;

/** The languages a model's text is proofed in: its tag, also as East Asian or bidirectional text. */
export function runLanguage(model: DocumentModel): RunLanguage {
  return {
    value: model.languageTag,
    ...(model.script === 'han' ? { eastAsia: model.languageTag } : {}),
    ...(model.direction === 'rtl' ? { bidirectional: model.languageTag } : {}),
  };
}

/** How a model's text is written, its tables spanning `width`. */
export function writingOf(model: DocumentModel, width = CONTENT_WIDTH, language?: RunLanguage): Writing {
  return {
    rtl: model.direction === 'rtl',
    eastAsian: model.script === 'han',
    width,
    ...(language ? { language } : {}),
  };
}

/**
 * A run, marked right to left in a right-to-left document when its text holds right-to-left letters: a
 * name or an e-mail address typed in Latin letters, a telephone number, keep their own order (ECMA-376
 * Part 1, §17.3.2.30 rtl; Word would reverse the groups of a number in a right-to-left run), and with
 * the East Asian font hint in an East Asian one (§17.3.2.26 rFonts hint).
 */
function run(w: Writing, options: IRunOptions | string, sample?: string): TextRun {
  const opts: IRunOptions = typeof options === 'string' ? { text: options } : options;
  const text = typeof options === 'string' ? options : (sample ?? opts.text ?? '');
  const rightToLeft = w.rtl && RTL_LETTER.test(text);
  return new TextRun({
    ...opts,
    ...(w.language !== undefined && opts.language === undefined ? { language: w.language } : {}),
    ...(rightToLeft ? { rightToLeft: true } : {}),
    ...(w.eastAsian ? { font: { hint: 'eastAsia' } } : {}),
  });
}

/**
 * A paragraph, bidirectional in a right-to-left document (§17.3.1.6 bidi), unless all its text is in
 * another language (`content`: an English quotation of a treaty reads left to right in an Arabic
 * document; its runs are then written as in a left-to-right document).
 */
export function paragraph(
  w: Writing,
  options: IParagraphOptions,
  content: readonly Inline[] = [],
): Paragraph {
  return new Paragraph(w.rtl && !isForeign(content) ? { ...options, bidirectional: true } : options);
}

/**
 * One text inline as runs: one per line, with a break before each line after the first. Line feeds
 * become line breaks and tabs become tabs, since Word shows both as a plain space inside w:t; each part
 * between tabs is held in its own direction.
 */
function textRuns(w: Writing, inline: Extract<Inline, { type: 'text' }>, format: RunFormat): TextRun[] {
  return removeXmlInvalidCharacters(inline.text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((part, partIndex) => {
        if (partIndex > 0) children.push(new Tab());
        children.push(holdLeftToRight(w.rtl, part));
      });
      return run(
        w,
        {
          children,
          break: index > 0 ? 1 : undefined,
          bold: inline.bold === true || format.bold === true ? true : undefined,
          italics: inline.italic === true ? true : undefined,
          language: inline.lang === undefined ? undefined : { value: inline.lang },
        },
        line,
      );
    });
}

function inlineRuns(w: Writing, content: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  return content.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case 'text':
        return textRuns(w, inline, format);
      case 'marker':
        return [run(w, { text: removeXmlInvalidCharacters(inline.text), style: STYLE_IDS.marker })];
      case 'blank':
        // The label is for screen readers in HTML; on paper the line speaks for itself.
        return [run(w, { text: BLANK_LINE, style: STYLE_IDS.blank })];
      case 'break':
        return [run(w, { break: 1 })];
      case 'link':
        // A site address means nothing on paper: the text alone.
        return textRuns(w, { type: 'text', text: inline.text, bold: inline.bold }, format);
      default:
        return unknownType(inline, 'inline');
    }
  });
}

/** Values the reader must act on stand out in bold, which survives black-and-white printing. */
function toneFormat(tone: Tone | undefined): RunFormat {
  return tone === 'missing' ? { bold: true } : {};
}

/**
 * A page break (ECMA-376 Part 1, §17.3.3.1 br, type page) inside a run of ours, so that it carries the
 * run properties every run has (the East Asian font hint in Chinese), where docx's PageBreak is a bare run.
 */
const pageBreak = () =>
  new BuilderElement<{ type: string }>({
    name: 'w:br',
    attributes: { type: { key: 'w:type', value: 'page' } },
  });

function cell(
  w: Writing,
  children: ParagraphChild[],
  width: number,
  style: string,
  header = false,
  compact = false,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(compact ? { margins: COMPACT_MARGINS } : {}),
    shading: header ? { fill: HEADER_FILL, color: 'auto', type: ShadingType.CLEAR } : undefined,
    children: [paragraph(w, { style, children })],
  });
}

/**
 * An empty paragraph after every table: it spaces the table from what follows, and keeps two tables in a
 * row from merging into one, which Word does to adjacent tables.
 */
function afterTable(w: Writing): Paragraph {
  return paragraph(w, { style: PARAGRAPH_STYLE_IDS.normal, spacing: { after: 0 }, children: [] });
}

function captionParagraph(w: Writing, caption: string | undefined): Paragraph[] {
  return caption === undefined
    ? []
    : [paragraph(w, { style: STYLE_IDS.caption, children: [run(w, removeXmlInvalidCharacters(caption))] })];
}

/** Word cannot open a table without rows, so an empty table is left out (its caption is still printed). */
function fieldsBlock(w: Writing, block: Extract<Block, { type: 'fields' }>): (Paragraph | Table)[] {
  const label = Math.round(w.width * LABEL_SHARE);
  const value = w.width - label;
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(w, [run(w, removeXmlInvalidCharacters(row.label))], label, STYLE_IDS.tableText),
          cell(w, inlineRuns(w, row.value, toneFormat(row.tone)), value, STYLE_IDS.tableText),
        ],
      }),
  );
  if (rows.length === 0) return captionParagraph(w, block.caption);
  return [
    ...captionParagraph(w, block.caption),
    new Table({
      visuallyRightToLeft: w.rtl || undefined,
      borders: FIELDS_BORDERS,
      layout: TableLayoutType.FIXED,
      width: { size: w.width, type: WidthType.DXA },
      columnWidths: [label, value],
      rows,
    }),
    afterTable(w),
  ];
}

function tableBlock(w: Writing, block: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  if (columns === 0) return captionParagraph(w, block.caption);
  const widths = columnWidths(w.width, columns, block.widths);
  const textStyle = block.compact ? STYLE_IDS.tableTextCompact : STYLE_IDS.tableText;
  const headingStyle = block.compact ? STYLE_IDS.tableHeadingCompact : STYLE_IDS.tableHeading;
  const header =
    block.header.length === 0
      ? []
      : [
          new TableRow({
            // Repeated at the top of every page the table runs onto (ECMA-376 Part 1, §17.4.49 tblHeader).
            tableHeader: true,
            cantSplit: true,
            children: widths.map((width, index) =>
              cell(
                w,
                [run(w, removeXmlInvalidCharacters(block.header[index] ?? ''))],
                width,
                headingStyle,
                true,
                block.compact === true,
              ),
            ),
          }),
        ];
  // Short rows are padded with empty cells so that every row matches the grid.
  const body = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: widths.map((width, index) =>
          cell(w, inlineRuns(w, row[index] ?? []), width, textStyle, false, block.compact === true),
        ),
      }),
  );
  return [
    ...captionParagraph(w, block.caption),
    new Table({
      visuallyRightToLeft: w.rtl || undefined,
      borders: GRID_BORDERS,
      layout: TableLayoutType.FIXED,
      width: { size: w.width, type: WidthType.DXA },
      columnWidths: widths,
      rows: [...header, ...body],
    }),
    afterTable(w),
  ];
}

function signatureBlock(w: Writing, block: Extract<Block, { type: 'signature' }>): Paragraph[] {
  const last = block.lines.length - 1;
  return [
    // Room to sign above the line; the whole block is kept on one page.
    paragraph(w, {
      style: STYLE_IDS.signature,
      spacing: { before: SIGNATURE_SPACE },
      keepNext: last >= 0 ? true : undefined,
      children: [run(w, signatureLine(w.width))],
    }),
    ...block.lines.map((line, index) =>
      paragraph(w, {
        style: STYLE_IDS.signature,
        keepNext: index < last ? true : undefined,
        children: inlineRuns(w, line),
      }),
    ),
  ];
}

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function headingParagraph(
  w: Writing,
  block: Extract<Block, { type: 'heading' }>,
  newPage: boolean,
): Paragraph {
  return paragraph(w, {
    heading: HEADING_LEVELS[block.level],
    ...(newPage ? { pageBreakBefore: true } : {}),
    children: inlineRuns(w, block.content),
  });
}

/**
 * The blocks in order. A page break before a heading starts the heading on a new page (§17.3.1.23
 * pageBreakBefore) rather than being a paragraph of its own, which would leave an empty page when the
 * page before it is exactly full.
 */
export function renderBlocks(w: Writing, blocks: readonly Block[]): (Paragraph | Table)[] {
  return blocks.flatMap((block, index) => {
    if (block.type === 'page-break' && blocks[index + 1]?.type === 'heading') return [];
    const previous = blocks[index - 1];
    if (block.type === 'heading' && previous?.type === 'page-break')
      return [headingParagraph(w, block, true)];
    return renderBlock(w, block);
  });
}

export function renderBlock(w: Writing, block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return [
        paragraph(w, {
          heading: HeadingLevel.TITLE,
          children: [run(w, removeXmlInvalidCharacters(block.text))],
        }),
      ];
    case 'heading':
      return [headingParagraph(w, block, false)];
    case 'paragraph': {
      const style = PARAGRAPH_STYLE_IDS[block.style];
      if (block.number === undefined)
        return [
          paragraph(
            w,
            {
              style,
              children: inlineRuns(isForeign(block.content) ? { ...w, rtl: false } : w, block.content),
            },
            block.content,
          ),
        ];
      // "1." then a tab to a hanging indent, so that wrapped lines align with the text, not the number.
      // A text prefix rather than a numbering definition: the number is the builder's, and it survives
      // every reader (mammoth's raw text drops list numbers).
      return [
        paragraph(w, {
          style,
          indent: { left: HANGING, hanging: HANGING },
          tabStops: [{ type: TabStopType.LEFT, position: HANGING }],
          children: [
            run(w, { children: [`${block.number}.`, new Tab()] }, `${block.number}.`),
            ...inlineRuns(w, block.content),
          ],
        }),
      ];
    }
    case 'list':
      return block.items.map((item) =>
        paragraph(w, {
          ...(block.compact ? { style: STYLE_IDS.listCompact } : {}),
          numbering: { reference: BULLETS, level: 0 },
          children: inlineRuns(w, item),
        }),
      );
    case 'fields':
      return fieldsBlock(w, block);
    case 'table':
      return tableBlock(w, block);
    case 'signature':
      return signatureBlock(w, block);
    case 'page-break':
      return [paragraph(w, { children: [run(w, { children: [pageBreak()] }, '')] })];
    case 'details':
      return [
        paragraph(w, {
          heading: HEADING_LEVELS[block.level],
          children: [run(w, removeXmlInvalidCharacters(block.summary))],
        }),
        ...block.blocks.flatMap((inner) => renderBlock(w, inner)),
      ];
    case 'timeline':
      return tableBlock(w, timelineTable(block));
    default:
      return unknownType(block, 'block');
  }
}

/** The body text's size; its fonts are the document defaults' (the language's profile), not a style's. */
const body = { size: SIZE.body, sizeComplexScript: SIZE.body } as const;

const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  {
    id: PARAGRAPH_STYLE_IDS.normal,
    name: 'Normal',
    quickFormat: true,
    run: body,
    paragraph: { spacing: { after: 120 } },
  },
  {
    id: PARAGRAPH_STYLE_IDS.recital,
    name: 'Recital',
    basedOn: 'Normal',
    next: PARAGRAPH_STYLE_IDS.recital,
    quickFormat: true,
    paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 240 } },
  },
  {
    id: PARAGRAPH_STYLE_IDS.quote,
    name: 'Quote',
    basedOn: 'Normal',
    quickFormat: true,
    run: { size: SIZE.quote, sizeComplexScript: SIZE.quote },
    paragraph: { indent: { left: 720, right: 720 }, spacing: { after: 160 } },
  },
  {
    id: PARAGRAPH_STYLE_IDS.note,
    name: 'Note',
    basedOn: 'Normal',
    quickFormat: true,
    run: { italics: true, size: SIZE.note, sizeComplexScript: SIZE.note },
  },
  {
    id: PARAGRAPH_STYLE_IDS.centered,
    name: 'Centered',
    basedOn: 'Normal',
    quickFormat: true,
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
  },
  {
    id: STYLE_IDS.caption,
    name: 'Caption',
    basedOn: 'Normal',
    run: { bold: true },
    paragraph: { keepNext: true, spacing: { before: 120, after: 60 } },
  },
  {
    id: STYLE_IDS.signature,
    name: 'Signature',
    basedOn: 'Normal',
    paragraph: { keepLines: true, spacing: { after: 0 } },
  },
  {
    id: STYLE_IDS.tableText,
    name: 'Table Text',
    basedOn: 'Normal',
    paragraph: { spacing: { before: 40, after: 40 } },
  },
  {
    id: STYLE_IDS.tableHeading,
    name: 'Table Heading',
    basedOn: STYLE_IDS.tableText,
    run: { bold: true },
    paragraph: { keepNext: true },
  },
  {
    id: STYLE_IDS.tableTextCompact,
    name: 'Table Text Compact',
    basedOn: STYLE_IDS.tableText,
    run: { size: SIZE.compact, sizeComplexScript: SIZE.compact },
    paragraph: { spacing: { before: 0, after: 0 } },
  },
  {
    id: STYLE_IDS.listCompact,
    name: 'List Compact',
    basedOn: 'Normal',
    run: { size: SIZE.compact, sizeComplexScript: SIZE.compact },
    paragraph: { spacing: { after: 20 } },
  },
  {
    id: STYLE_IDS.tableHeadingCompact,
    name: 'Table Heading Compact',
    basedOn: STYLE_IDS.tableTextCompact,
    run: { bold: true },
    paragraph: { keepNext: true },
  },
  {
    id: STYLE_IDS.footer,
    name: 'Footer',
    basedOn: 'Normal',
    run: { size: SIZE.footer, sizeComplexScript: SIZE.footer },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
  },
];

const CHARACTER_STYLES: readonly ICharacterStyleOptions[] = [
  // Bold as well as highlighted, so that a marker still shows when printed in black and white. The same
  // yellow as shading too: LibreOffice ignores w:highlight in a character style but shows w:shd.
  {
    id: STYLE_IDS.marker,
    name: 'Marker',
    quickFormat: true,
    run: {
      bold: true,
      highlight: HighlightColor.YELLOW,
      shading: { type: ShadingType.CLEAR, fill: 'FFFF00', color: 'auto' },
    },
  },
  // No spell-checking of the underscores.
  { id: STYLE_IDS.blank, name: 'Blank', run: { noProof: true } },
];

/**
 * Table borders, written on each table. docx 9 has no option for table styles (w:style w:type="table")
 * short of replacing its default styles, so tables are formatted directly, always by these two sets.
 */
const rule = (color: string) => ({ style: BorderStyle.SINGLE, size: 4, color }) as const;
export const noRule = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
/** A grid, in black. */
const GRID_BORDERS = {
  top: rule('000000'),
  bottom: rule('000000'),
  left: rule('000000'),
  right: rule('000000'),
  insideHorizontal: rule('000000'),
  insideVertical: rule('000000'),
} as const;
/** Label and value: light rules between rows, no vertical lines. Grey 50% still prints in black and white. */
const FIELDS_BORDERS = {
  top: rule('808080'),
  bottom: rule('808080'),
  left: noRule,
  right: noRule,
  insideHorizontal: rule('808080'),
  insideVertical: noRule,
} as const;

/** The footer's line: "Page 2 of 5" in the model's language. */
export function footerParagraph(w: Writing, model: DocumentModel): Paragraph {
  const page = removeXmlInvalidCharacters(model.footer.page);
  const of = removeXmlInvalidCharacters(model.footer.of);
  return paragraph(w, {
    style: STYLE_IDS.footer,
    // PAGE and NUMPAGES fields (ECMA-376 Part 1, §17.16.5), which Word and LibreOffice compute.
    children: [
      run(w, { children: [`${page} `, PageNumber.CURRENT, ` ${of} `, PageNumber.TOTAL_PAGES] }, page),
    ],
  });
}

/** Renders the model to the bytes of a .docx file. Throws on a final document that still has markers. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  assertNoMarkersInFinal(model);
  const writing = writingOf(model);
  return packDocx(model, {
    children: renderBlocks(writing, model.blocks),
    footer: [footerParagraph(writing, model)],
  });
}

/**
 * A Word document of `content.children`, with `model`'s properties, styles, language and fonts (the document's
 * defaults), on A4 pages with `content.footer` at the foot of each.
 */
export async function packDocx(
  model: DocumentModel,
  content: { readonly children: readonly (Paragraph | Table)[]; readonly footer: readonly Paragraph[] },
): Promise<Buffer> {
  const properties = {
    title: removeXmlInvalidCharacters(model.properties.title),
    subject: removeXmlInvalidCharacters(model.properties.subject),
    description: removeXmlInvalidCharacters(model.properties.description),
    keywords: removeXmlInvalidCharacters(model.properties.keywords),
    creator: removeXmlInvalidCharacters(model.properties.creator),
  };
  // Word's four font slots (ascii, hAnsi, cs, eastAsia), and the language of each kind of text, from the
  // language's profile: Arabic text takes the complex-script font and size (§17.3.2.26 rFonts, §17.3.2.39
  // szCs), Chinese the East Asian font.
  const fonts = {
    ascii: model.fonts.latin,
    hAnsi: model.fonts.latin,
    cs: model.fonts.complexScript,
    eastAsia: model.fonts.eastAsian,
  };
  const language = runLanguage(model);
  const heading = { font: fonts, bold: true, boldComplexScript: true, color: '000000' } as const;
  const document = new Document({
    ...properties,
    lastModifiedBy: properties.creator,
    styles: {
      default: {
        // The document's language on the default run properties: Word proofs every run in it unless the
        // run says otherwise (ECMA-376 Part 1, §17.3.2.20 lang).
        document: {
          run: { ...body, font: fonts, sizeComplexScript: SIZE.body, language },
          paragraph: { spacing: { after: 120 } },
        },
        title: {
          run: { ...heading, size: SIZE.title, sizeComplexScript: SIZE.title },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, keepNext: true },
        },
        heading1: {
          run: { ...heading, size: SIZE.heading1, sizeComplexScript: SIZE.heading1 },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { ...heading, size: SIZE.heading2, sizeComplexScript: SIZE.heading2 },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
        },
        heading3: {
          run: { ...heading, size: SIZE.heading3, sizeComplexScript: SIZE.heading3, italics: true },
          paragraph: { spacing: { before: 240, after: 60 }, keepNext: true, keepLines: true },
        },
      },
      paragraphStyles: PARAGRAPH_STYLES,
      characterStyles: CHARACTER_STYLES,
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 2 * HANGING, hanging: HANGING } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 709, footer: 709 },
          },
        },
        footers: { default: new Footer({ children: [...content.footer] }) },
        children: [...content.children],
      },
    ],
  });
  return Packer.toBuffer(document);
}
