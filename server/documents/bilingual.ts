/**
 * A bilingual document: the same document in two languages side by side, one language per column (the
 * UN Treaty Section asks that an instrument in another language than English or French be accompanied,
 * preferably, by a translation into one of them: ../shared/LEGAL.md, "Language"). Both
 * models come from the same builder with the same answers, so they have the same blocks in the same
 * order: each block of the first language sits beside the same block of the second, in one row of a
 * borderless two-column table (a page break in the models starts a new page and a new table). Should
 * the two ever differ in their blocks, each language's text fills one cell of a single row instead,
 * rather than pairing a paragraph with the wrong one.
 *
 * Each cell is written in its own language, by render-docx's own blocks: an Arabic cell's paragraphs
 * are bidirectional with right-to-left runs, a Chinese cell's runs hint the East Asian font, and every
 * run carries its language (§17.3.2.20 lang). The table is laid out in the first language's direction,
 * so that its reader starts with it: an Arabic first column is on the right (§17.4.1 bidiVisual).
 */
import { Paragraph, PageBreak, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Block, DocumentModel } from './model';
import {
  footerParagraph,
  noRule,
  packDocx,
  paragraph,
  renderBlock,
  runLanguage,
  writingOf,
  type Writing,
} from './render-docx';
import {
  assertBilingualPair,
  bilingualProperties,
  CELL_MARGIN,
  COLUMN,
  pages,
  sameStructure,
} from './word-layout';

export { sameStructure };

const NO_BORDERS = {
  top: noRule,
  bottom: noRule,
  left: noRule,
  right: noRule,
  insideHorizontal: noRule,
  insideVertical: noRule,
} as const;

/** A column's cell: the blocks in its language (Word wants a paragraph last in every cell). */
function column(w: Writing, blocks: readonly Block[]): TableCell {
  const children = blocks.flatMap((block) => renderBlock(w, block));
  if (children.length === 0 || children[children.length - 1] instanceof Table)
    children.push(paragraph(w, { children: [] }));
  return new TableCell({ width: { size: COLUMN, type: WidthType.DXA }, children });
}

function table(rows: readonly (readonly [TableCell, TableCell])[], rtl: boolean): Table {
  return new Table({
    visuallyRightToLeft: rtl || undefined,
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: 2 * COLUMN, type: WidthType.DXA },
    columnWidths: [COLUMN, COLUMN],
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, marginUnitType: WidthType.DXA },
    rows: rows.map((cells) => new TableRow({ children: [...cells] })),
  });
}

/**
 * The two models as one Word document, `first` in the first column and `second` in the second. Throws
 * on a final document with markers in either language, or on two models of different kinds or modes.
 */
export async function renderBilingualDocx(first: DocumentModel, second: DocumentModel): Promise<Buffer> {
  assertBilingualPair(first, second);
  // Tables inside a cell (an authority's directory entry) span the cell, between its margins.
  const inner = COLUMN - 2 * CELL_MARGIN;
  const a = writingOf(first, inner, runLanguage(first));
  const b = writingOf(second, inner, runLanguage(second));
  const rtl = first.direction === 'rtl';

  const children: (Paragraph | Table)[] = [];
  if (sameStructure(first, second)) {
    const pagesA = pages(first.blocks);
    const pagesB = pages(second.blocks);
    pagesA.forEach((blocksA, p) => {
      const blocksB = pagesB[p]!;
      if (p > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
      if (blocksA.length === 0) return;
      children.push(
        table(
          blocksA.map((block, i) => [column(a, [block]), column(b, [blocksB[i]!])] as const),
          rtl,
        ),
      );
    });
  } else {
    const text = (m: DocumentModel) => m.blocks.filter((block) => block.type !== 'page-break');
    children.push(table([[column(a, text(first)), column(b, text(second))]], rtl));
  }
  // Word merges a table with one that follows it; an empty paragraph ends the last one.
  children.push(paragraph(a, { children: [] }));

  return packDocx(
    {
      ...first,
      properties: bilingualProperties(first, second),
    },
    {
      children,
      // The page number in both languages, each line in its own.
      footer: [footerParagraph(a, first), footerParagraph(b, second)],
    },
  );
}
