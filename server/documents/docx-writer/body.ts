/**
 * The body of a document as WordprocessingML, written straight from the model with string templates:
 * the same mapping as render-docx.ts (which drives the docx library, and stays the reference), element
 * for element and attribute for attribute in the order docx writes them, so that the golden test can
 * require the same XML. Every text goes through `escapeXml` (xml.ts), and only there.
 *
 * Element names and their order follow ECMA-376 Part 1: a paragraph's properties (§17.3.1.26 pPr), a
 * run's (§17.3.2.28 rPr), a table's (§17.4.60 tblPr), a row's (§17.4.82 trPr), a cell's (§17.4.70 tcPr).
 */
import type { Block, DocumentModel, Inline, Tone } from '../model';
import {
  BLANK_LINE,
  CELL_MARGIN,
  columnWidths,
  COMPACT_MARGINS,
  CONTENT_WIDTH,
  HANGING,
  HEADER_FILL,
  isForeign,
  LABEL_SHARE,
  leftToRight,
  PARAGRAPH_STYLE_IDS,
  removeXmlInvalidCharacters,
  RTL_LETTER,
  SIGNATURE_SPACE,
  signatureLine,
  STYLE_IDS,
  timelineTable,
  unknownType,
} from '../word-layout';
import { BULLETS_NUM_ID, languageElement } from './styles';
import { escapeXml } from './xml';

/**
 * How the document's language is written (render-docx.ts `Writing`): right to left, East Asian, the
 * width its tables span, and the language element written on every run that names none (a bilingual
 * document's columns), already as XML.
 */
export interface Writing {
  readonly rtl: boolean;
  readonly eastAsian: boolean;
  readonly width: number;
  readonly language?: string;
}

/** How a model's text is written, its tables spanning `width`; `withLanguage` for a bilingual column. */
export function writingOf(model: DocumentModel, width = CONTENT_WIDTH, withLanguage = false): Writing {
  return {
    rtl: model.direction === 'rtl',
    eastAsian: model.script === 'han',
    width,
    ...(withLanguage ? { language: languageElement(model) } : {}),
  };
}

interface RunOptions {
  readonly style?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** The run's own language, when it is not the document's (a quotation). */
  readonly lang?: string;
}

/**
 * A run's properties: its character style, the East Asian font hint (§17.3.2.26), bold, italic, right to
 * left when its text (`sample`) holds right-to-left letters in a right-to-left document (§17.3.2.30), and
 * its language (§17.3.2.20).
 */
function runProperties(w: Writing, options: RunOptions, sample: string): string {
  const language =
    options.lang !== undefined ? `<w:lang w:val="${escapeXml(options.lang)}"/>` : (w.language ?? '');
  const properties =
    (options.style ? `<w:rStyle w:val="${options.style}"/>` : '') +
    (w.eastAsian ? '<w:rFonts w:hint="eastAsia"/>' : '') +
    (options.bold ? '<w:b/><w:bCs/>' : '') +
    (options.italic ? '<w:i/><w:iCs/>' : '') +
    (w.rtl && RTL_LETTER.test(sample) ? '<w:rtl/>' : '') +
    language;
  return properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`;
}

/** A run of `content` (already XML). */
function run(w: Writing, options: RunOptions, sample: string, content: string): string {
  return `<w:r>${runProperties(w, options, sample)}${content}</w:r>`;
}

/** Text in a run (§17.3.3.31 t), its spaces kept. */
const t = (text: string) => `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;

/** A run of plain text. */
function textRun(w: Writing, text: string, options: RunOptions = {}): string {
  return run(w, options, text, t(text));
}

interface ParagraphOptions {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
  /** In the bulleted list (§17.3.1.19 numPr). */
  readonly bullet?: boolean;
  /** "1." then a tab to a hanging indent. */
  readonly numbered?: boolean;
  readonly spacing?: { readonly before?: number; readonly after?: number };
}

const BULLET = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${BULLETS_NUM_ID}"/></w:numPr>`;
const NUMBER_TAB = `<w:tabs><w:tab w:val="left" w:pos="${HANGING}"/></w:tabs>`;
const NUMBER_INDENT = `<w:ind w:left="${HANGING}" w:hanging="${HANGING}"/>`;

/** A paragraph (§17.3.1.22 p) of `runs` (already XML), bidirectional when `bidi` (§17.3.1.6). */
function paragraph(bidi: boolean, options: ParagraphOptions, runs: string): string {
  let properties = '';
  if (options.style) properties += `<w:pStyle w:val="${options.style}"/>`;
  if (options.keepNext) properties += '<w:keepNext/>';
  if (options.pageBreakBefore) properties += '<w:pageBreakBefore/>';
  if (options.bullet) properties += BULLET;
  if (options.numbered) properties += NUMBER_TAB;
  if (bidi) properties += '<w:bidi/>';
  const spacing = options.spacing;
  if (spacing) {
    properties += '<w:spacing';
    if (spacing.after !== undefined) properties += ` w:after="${spacing.after}"`;
    if (spacing.before !== undefined) properties += ` w:before="${spacing.before}"`;
    properties += '/>';
  }
  if (options.numbered) properties += NUMBER_INDENT;
  if (properties === '') return runs === '' ? '<w:p/>' : `<w:p>${runs}</w:p>`;
  return `<w:p><w:pPr>${properties}</w:pPr>${runs}</w:p>`;
}

/**
 * One text inline as runs: one per line, with a break before each line after the first; tabs become
 * tabs, and each part between tabs is held in its own direction (render-docx.ts textRuns).
 */
function textRuns(w: Writing, inline: Extract<Inline, { type: 'text' }>, bold: boolean): string {
  const options: RunOptions = {
    bold: inline.bold === true || bold,
    italic: inline.italic === true,
    ...(inline.lang === undefined ? {} : { lang: inline.lang }),
  };
  return removeXmlInvalidCharacters(inline.text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => {
      const parts = line
        .split('\t')
        .map((part) => t(leftToRight(w.rtl, part)))
        .join('<w:tab/>');
      return run(w, options, line, (index > 0 ? '<w:br/>' : '') + parts);
    })
    .join('');
}

function inlineRuns(w: Writing, content: readonly Inline[], bold = false): string {
  return content
    .map((inline): string => {
      switch (inline.type) {
        case 'text':
          return textRuns(w, inline, bold);
        case 'marker':
          return textRun(w, inline.text, { style: STYLE_IDS.marker });
        case 'blank':
          // The label is for screen readers in HTML; on paper the line speaks for itself.
          return textRun(w, BLANK_LINE, { style: STYLE_IDS.blank });
        case 'break':
          return run(w, {}, '', '<w:br/>');
        case 'link':
          // A site address means nothing on paper: the text alone.
          return textRuns(w, { type: 'text', text: inline.text, bold: inline.bold }, bold);
        default:
          return unknownType(inline, 'inline');
      }
    })
    .join('');
}

/** Values the reader must act on stand out in bold, which survives black-and-white printing. */
const toneBold = (tone: Tone | undefined) => tone === 'missing';

/** A paragraph of `w`'s direction. */
const directed = (w: Writing, options: ParagraphOptions, runs: string) => paragraph(w.rtl, options, runs);

/* Tables. */

const border = (side: string, color: string | null) =>
  color === null
    ? `<w:${side} w:val="none" w:color="auto" w:sz="0"/>`
    : `<w:${side} w:val="single" w:color="${color}" w:sz="4"/>`;

/** A table's borders (§17.4.39 tblBorders): top, left, bottom, right, inside horizontal, inside vertical. */
function borders(outer: string | null, sides: string | null, insideH: string | null, insideV: string | null) {
  return `<w:tblBorders>${border('top', outer)}${border('left', sides)}${border('bottom', outer)}${border('right', sides)}${border('insideH', insideH)}${border('insideV', insideV)}</w:tblBorders>`;
}
/** A grid, in black. */
const GRID_BORDERS = borders('000000', '000000', '000000', '000000');
/** Label and value: light rules between rows, no vertical lines. */
const FIELDS_BORDERS = borders('808080', null, '808080', null);
/** A bilingual document's columns: no lines. */
const NO_BORDERS = borders(null, null, null, null);

const dxa = (name: string, width: number) => `<w:${name} w:type="dxa" w:w="${width}"/>`;

function table(
  w: Pick<Writing, 'rtl'>,
  widths: readonly number[],
  tableBorders: string,
  rows: string,
  cellMargin?: number,
): string {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    '<w:tbl><w:tblPr>' +
    (w.rtl ? '<w:bidiVisual/>' : '') +
    dxa('tblW', total) +
    tableBorders +
    '<w:tblLayout w:type="fixed"/>' +
    (cellMargin === undefined
      ? ''
      : `<w:tblCellMar>${dxa('left', cellMargin)}${dxa('right', cellMargin)}</w:tblCellMar>`) +
    `</w:tblPr><w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>` +
    rows +
    '</w:tbl>'
  );
}

/** A row that does not split across pages; a header row is repeated on each (§17.4.49 tblHeader). */
const row = (cells: string, header = false) =>
  `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;

function cell(
  w: Writing,
  runs: string,
  width: number,
  style: string,
  header = false,
  compact = false,
): string {
  const m = COMPACT_MARGINS;
  return (
    '<w:tc><w:tcPr>' +
    dxa('tcW', width) +
    (header ? `<w:shd w:fill="${HEADER_FILL}" w:color="auto" w:val="clear"/>` : '') +
    (compact
      ? `<w:tcMar>${dxa('top', m.top)}${dxa('left', m.left)}${dxa('bottom', m.bottom)}${dxa('right', m.right)}</w:tcMar>`
      : '') +
    '</w:tcPr>' +
    directed(w, { style }, runs) +
    '</w:tc>'
  );
}

/** An empty paragraph after every table: it spaces it from what follows, and keeps two tables apart. */
const afterTable = (w: Writing) =>
  directed(w, { style: PARAGRAPH_STYLE_IDS.normal, spacing: { after: 0 } }, '');

function caption(w: Writing, text: string | undefined): string[] {
  return text === undefined ? [] : [directed(w, { style: STYLE_IDS.caption }, textRun(w, text))];
}

/** Word cannot open a table without rows, so an empty table is left out (its caption is still printed). */
function fieldsBlock(w: Writing, block: Extract<Block, { type: 'fields' }>): string[] {
  if (block.rows.length === 0) return caption(w, block.caption);
  const label = Math.round(w.width * LABEL_SHARE);
  const value = w.width - label;
  const rows = block.rows
    .map((r) =>
      row(
        cell(w, textRun(w, r.label), label, STYLE_IDS.tableText) +
          cell(w, inlineRuns(w, r.value, toneBold(r.tone)), value, STYLE_IDS.tableText),
      ),
    )
    .join('');
  return [...caption(w, block.caption), table(w, [label, value], FIELDS_BORDERS, rows), afterTable(w)];
}

function tableBlock(w: Writing, block: Extract<Block, { type: 'table' }>): string[] {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  if (columns === 0) return caption(w, block.caption);
  const widths = columnWidths(w.width, columns, block.widths);
  const compact = block.compact === true;
  const textStyle = compact ? STYLE_IDS.tableTextCompact : STYLE_IDS.tableText;
  const headingStyle = compact ? STYLE_IDS.tableHeadingCompact : STYLE_IDS.tableHeading;
  const header =
    block.header.length === 0
      ? ''
      : row(
          widths
            .map((width, index) =>
              cell(w, textRun(w, block.header[index] ?? ''), width, headingStyle, true, compact),
            )
            .join(''),
          true,
        );
  // Short rows are padded with empty cells so that every row matches the grid.
  const body = block.rows
    .map((r) =>
      row(
        widths
          .map((width, index) => cell(w, inlineRuns(w, r[index] ?? []), width, textStyle, false, compact))
          .join(''),
      ),
    )
    .join('');
  return [...caption(w, block.caption), table(w, widths, GRID_BORDERS, header + body), afterTable(w)];
}

/** Room to sign above the line, then the signer's lines; the whole block is kept on one page. */
function signatureBlock(w: Writing, block: Extract<Block, { type: 'signature' }>): string[] {
  const last = block.lines.length - 1;
  return [
    directed(
      w,
      { style: STYLE_IDS.signature, keepNext: last >= 0, spacing: { before: SIGNATURE_SPACE } },
      textRun(w, signatureLine(w.width)),
    ),
    ...block.lines.map((line, index) =>
      directed(w, { style: STYLE_IDS.signature, keepNext: index < last }, inlineRuns(w, line)),
    ),
  ];
}

const headingStyle = (level: 1 | 2 | 3) => `Heading${level}`;

function headingParagraph(w: Writing, block: Extract<Block, { type: 'heading' }>, newPage: boolean): string {
  return directed(
    w,
    { style: headingStyle(block.level), pageBreakBefore: newPage },
    inlineRuns(w, block.content),
  );
}

/**
 * The blocks in order. A page break before a heading starts the heading on a new page (§17.3.1.23
 * pageBreakBefore) rather than being a paragraph of its own (render-docx.ts renderBlocks).
 */
export function writeBlocks(w: Writing, blocks: readonly Block[]): string[] {
  return blocks.flatMap((block, index) => {
    if (block.type === 'page-break' && blocks[index + 1]?.type === 'heading') return [];
    if (block.type === 'heading' && blocks[index - 1]?.type === 'page-break')
      return [headingParagraph(w, block, true)];
    return writeBlock(w, block);
  });
}

export function writeBlock(w: Writing, block: Block): string[] {
  switch (block.type) {
    case 'title':
      return [directed(w, { style: 'Title' }, textRun(w, block.text))];
    case 'heading':
      return [headingParagraph(w, block, false)];
    case 'paragraph': {
      const style = PARAGRAPH_STYLE_IDS[block.style];
      if (block.number === undefined) {
        // All of it in another language (an English quotation in an Arabic document): left to right.
        const foreign = isForeign(block.content);
        const inner = foreign ? { ...w, rtl: false } : w;
        return [paragraph(w.rtl && !foreign, { style }, inlineRuns(inner, block.content))];
      }
      const number = `${block.number}.`;
      return [
        directed(
          w,
          { style, numbered: true },
          run(w, {}, number, `${t(number)}<w:tab/>`) + inlineRuns(w, block.content),
        ),
      ];
    }
    case 'list':
      return block.items.map((item) =>
        directed(
          w,
          { style: block.compact ? STYLE_IDS.listCompact : 'ListParagraph', bullet: true },
          inlineRuns(w, item),
        ),
      );
    case 'fields':
      return fieldsBlock(w, block);
    case 'table':
      return tableBlock(w, block);
    case 'signature':
      return signatureBlock(w, block);
    case 'page-break':
      return [directed(w, {}, run(w, {}, '', '<w:br w:type="page"/>'))];
    case 'details':
      return [
        directed(w, { style: headingStyle(block.level) }, textRun(w, block.summary)),
        ...block.blocks.flatMap((inner) => writeBlock(w, inner)),
      ];
    case 'timeline':
      return tableBlock(w, timelineTable(block));
    default:
      return unknownType(block, 'block');
  }
}

/** The footer's line: "Page 2 of 5" in the model's language, with PAGE and NUMPAGES fields (§17.16.5). */
export function footerParagraph(w: Writing, model: DocumentModel): string {
  const page = model.footer.page;
  const of = model.footer.of;
  const part = (content: string) => run(w, {}, page, content);
  const field = (instruction: string) =>
    part('<w:fldChar w:fldCharType="begin"/>') +
    part(`<w:instrText xml:space="preserve">${instruction}</w:instrText>`) +
    part('<w:fldChar w:fldCharType="separate"/>') +
    part('<w:fldChar w:fldCharType="end"/>');
  return directed(
    w,
    { style: STYLE_IDS.footer },
    part(t(`${page} `)) + field('PAGE') + part(t(` ${of} `)) + field('NUMPAGES'),
  );
}

/* Bilingual documents (bilingual.ts): one language per column. */

/** A column's cell: the blocks in its language (Word wants a paragraph last in every cell). */
function column(w: Writing, blocks: readonly Block[], width: number): string {
  const children = blocks.flatMap((block) => writeBlock(w, block));
  const last = children[children.length - 1];
  if (last === undefined || last.startsWith('<w:tbl>')) children.push(directed(w, {}, ''));
  return `<w:tc><w:tcPr>${dxa('tcW', width)}</w:tcPr>${children.join('')}</w:tc>`;
}

/** One borderless table of rows of two cells, laid out in the first language's direction. */
export function columnsTable(rows: readonly string[], rtl: boolean, column: number): string {
  return table(
    { rtl },
    [column, column],
    NO_BORDERS,
    rows.map((cells) => `<w:tr>${cells}</w:tr>`).join(''),
    CELL_MARGIN,
  );
}

export { column as columnCell };

/** A page break of its own, as docx's PageBreak writes it (no run properties). */
export const PAGE_BREAK_PARAGRAPH = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** An empty paragraph in `w`'s direction (what ends a bilingual document's last table). */
export const emptyParagraph = (w: Writing) => directed(w, {}, '');
