/**
 * The layout of the Word documents, shared by their two renderers: the page, the sizes, the style ids,
 * how text is held in its direction, how columns and bilingual pages are laid out. render-docx.ts (the
 * reference, with the docx library) and docx-writer/ (the fast writer, with string templates) both read
 * these, so that a number changed here changes both; the golden test (tests/documents/writer-golden.test.ts)
 * checks that they still write the same XML. Nothing here loads docx.
 */
import type { Block, DocumentModel, Inline, ParagraphStyle } from './model';

/** ISO 216 A4, 210 mm x 297 mm, in twentieths of a point (ECMA-376 Part 1, §17.6.13 pgSz). */
export const A4 = { width: 11906, height: 16838 } as const;
/** 2.5 cm in twips (1 cm = 1440 / 2.54 twips). */
export const MARGIN = 1417;
/** The width between the margins, in twips: what a table spans. */
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** 1 cm in twips: the hanging indent of numbered paragraphs and bullets. */
export const HANGING = 567;

/*
 * The fonts are the language's (i18n/languages.ts): Times New Roman for Latin, Cyrillic and Arabic text,
 * which Word has everywhere and LibreOffice replaces with a metric-compatible serif (Liberation Serif);
 * SimSun for Chinese, which LibreOffice replaces with a CJK face (Noto CJK).
 */
/** Run sizes are in half-points (ECMA-376 Part 1, §17.3.2.38 sz). */
export const SIZE = {
  body: 24,
  quote: 22,
  note: 20,
  compact: 17,
  footer: 20,
  title: 32,
  heading1: 28,
  heading2: 26,
  heading3: 24,
} as const;

/**
 * A line to write on by hand. Underscores rather than an underlined tab: a tab's width depends on where
 * it starts on the line, underscores always measure the same, and they survive conversion to plain text
 * (mammoth, pdftotext, copy and paste). 28 underscores of 12 pt Times New Roman (0.5 em each) are 5.9 cm.
 */
export const BLANK_LINE = '_'.repeat(28);
/**
 * The line to sign on: 40 underscores, about 8.5 cm (an underscore of 12 pt Times New Roman is about 120
 * twips), or as many as a narrower column holds on one line.
 */
export const signatureLine = (width: number) => '_'.repeat(Math.min(40, Math.floor(width / 130)));
/** Space above the line to sign on, in twips. */
export const SIGNATURE_SPACE = 1200;

/** Word style ids (the w:styleId values in styles.xml), one per ParagraphStyle of the model. */
export const PARAGRAPH_STYLE_IDS = {
  normal: 'Normal',
  recital: 'Recital',
  quote: 'Quote',
  note: 'Note',
  centered: 'Centered',
} as const satisfies Record<ParagraphStyle, string>;

/** The other style ids the renderers define, besides Word's built-in Title and Heading1 to Heading3. */
export const STYLE_IDS = {
  caption: 'Caption',
  signature: 'Signature',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  tableTextCompact: 'TableTextCompact',
  listCompact: 'ListCompact',
  tableHeadingCompact: 'TableHeadingCompact',
  footer: 'Footer',
  marker: 'Marker',
  blank: 'Blank',
} as const;

/** A compact table's cells: 1 mm each side rather than Word's default 1.9 mm, and none above or below. */
export const COMPACT_MARGINS = { left: 57, right: 57, top: 0, bottom: 0 } as const;
/** Grey 15%: a header row that still reads as one in black and white. */
export const HEADER_FILL = 'D9D9D9';
/** The share of a label/value table given to the label. */
export const LABEL_SHARE = 0.35;

/**
 * Characters XML 1.0 does not allow (W3C XML 1.0, 5th edition, §2.2 "Characters"): C0 controls other
 * than tab, line feed and carriage return, and the non-characters U+FFFE and U+FFFF. Word reports such a
 * file as corrupt.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes the characters Word cannot open, and nothing else. */
export function removeXmlInvalidCharacters(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Final documents go to the depositary: a marker in one would be a missing value in a signed instrument. */
export function assertNoMarkersInFinal(model: DocumentModel): void {
  if (model.mode !== 'final') return;
  if (
    model.markers.length > 0 ||
    model.blocks.some((block) => blockInlines(block).some((inline) => inline.type === 'marker'))
  ) {
    throw new Error(
      'A final document must not contain "to be completed" markers: render it in draft mode, or complete the missing values.',
    );
  }
}

/** Every inline of a block, in document order. */
function blockInlines(block: Block): readonly Inline[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return block.content;
    case 'list':
      return block.items.flat();
    case 'signature':
      return block.lines.flat();
    case 'fields':
      return block.rows.flatMap((row) => row.value);
    case 'table':
      return block.rows.flat(2);
    case 'details':
      return block.blocks.flatMap(blockInlines);
    case 'title':
    case 'page-break':
    case 'timeline':
      return [];
    default:
      return unknownType(block, 'block');
  }
}

/** A model from outside the type system (a stored draft, a bad builder) fails loudly rather than rendering less. */
export function unknownType(value: never, what: string): never {
  throw new Error(`Cannot render ${what} of type ${JSON.stringify((value as { type?: unknown }).type)}`);
}

/** Right-to-left letters (Hebrew, Arabic and its presentation forms). */
export const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Whether all of a paragraph's text is in another language (an English quotation of a treaty). */
export function isForeign(content: readonly Inline[]): boolean {
  return content.length > 0 && content.every((i) => i.type === 'text' && i.lang !== undefined);
}

/** U+200E LEFT-TO-RIGHT MARK: a strong left-to-right character that shows nothing (UAX #9). */
const LRM = '\u200E';

/**
 * In a right-to-left paragraph, text with no right-to-left letter (a telephone number, an e-mail
 * address, a name typed in Latin letters, "UTC+06:00") is held left to right by a LEFT-TO-RIGHT MARK at
 * each end: the digits and the neutrals between them then resolve left to right (UAX #9 W7, N1), where
 * the groups of "+975 2 000 000" would otherwise be laid out from the right. Marks rather than isolates
 * (U+2066 ... U+2069): Word has long read the marks, and the answers themselves may hold marks but
 * never isolates (domain/characters.ts).
 */
export function leftToRight(rtl: boolean, text: string): string {
  return rtl && !RTL_LETTER.test(text) && /[\p{L}\p{N}]/u.test(text) ? `${LRM}${text}${LRM}` : text;
}

/** Column widths in twips spanning `total`: in proportion to `relative` when it gives each column one, else equal. */
export function columnWidths(total: number, columns: number, relative?: readonly number[]): number[] {
  const shares =
    relative && relative.length === columns && relative.every((r) => r > 0)
      ? relative
      : Array.from({ length: columns }, () => 1);
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((share) => Math.floor((total * share) / sum));
  widths[columns - 1] = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  return widths;
}

/** On paper, a timeline is its table: the date, then what happens. */
export function timelineTable(
  block: Extract<Block, { type: 'timeline' }>,
): Extract<Block, { type: 'table' }> {
  const text = (value: string): Inline => ({ type: 'text', text: value });
  return {
    type: 'table',
    caption: block.caption,
    header: block.header,
    widths: [1, 3],
    rows: [
      ...block.events.map((event) => [[text(event.dateText)], [text(event.label)]]),
      ...block.undated.map((event) => [[text(event.when)], [text(event.label)]]),
    ],
  };
}

/* Bilingual documents (bilingual.ts): one language per column. */

/** A column's width in twips: half the page's. */
export const COLUMN = Math.floor(CONTENT_WIDTH / 2);
/** Each cell's inner margin at its sides, in twips (0.3 cm): a gutter of 0.6 cm between the columns. */
export const CELL_MARGIN = 170;

/** What pairs two blocks: their type, and a heading's level. */
function shape(block: Block): string {
  return block.type === 'heading' ? `heading-${block.level}` : block.type;
}

/** Whether two models have the same blocks in the same order, so that they can be paired row by row. */
export function sameStructure(first: DocumentModel, second: DocumentModel): boolean {
  return (
    first.blocks.length === second.blocks.length &&
    first.blocks.every((block, index) => shape(block) === shape(second.blocks[index]!))
  );
}

/** The blocks between page breaks. */
export function pages(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [[]];
  for (const block of blocks) {
    if (block.type === 'page-break') out.push([]);
    else out[out.length - 1]!.push(block);
  }
  return out;
}

/** Checks that two models can make one bilingual document. */
export function assertBilingualPair(first: DocumentModel, second: DocumentModel): void {
  if (first.kind !== second.kind || first.mode !== second.mode || first.lang === second.lang)
    throw new Error('a bilingual document pairs one document in two different languages, in one mode');
  assertNoMarkersInFinal(first);
  assertNoMarkersInFinal(second);
}

/** A bilingual document's properties: each in both languages, "first / second"; the creator the first's. */
export function bilingualProperties(
  first: DocumentModel,
  second: DocumentModel,
): DocumentModel['properties'] {
  const both = (x: string, y: string) => `${x} / ${y}`;
  const p1 = first.properties;
  const p2 = second.properties;
  return {
    title: both(p1.title, p2.title),
    subject: both(p1.subject, p2.subject),
    description: both(p1.description, p2.description),
    keywords: both(p1.keywords, p2.keywords),
    creator: p1.creator,
  };
}
