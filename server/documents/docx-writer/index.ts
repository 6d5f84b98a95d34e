/**
 * The fast writer: a DocumentModel to the bytes of a .docx, with string templates and no object tree.
 * What changes with each document (word/document.xml, the footer, docProps/core.xml) is written and
 * deflated per call; everything else is written and deflated once per language profile, at its first
 * use, and kept. It writes what render-docx.ts and bilingual.ts (the reference, with the docx library)
 * write, part by part: tests/documents/writer-golden.test.ts holds it to that.
 */
import type { DocumentModel } from '../model';
import {
  assertBilingualPair,
  assertNoMarkersInFinal,
  bilingualProperties,
  CELL_MARGIN,
  COLUMN,
  pages,
  sameStructure,
} from '../word-layout';
import {
  columnCell,
  columnsTable,
  emptyParagraph,
  footerParagraph,
  PAGE_BREAK_PARAGRAPH,
  writeBlocks,
  writingOf,
} from './body';
import {
  APP,
  CONTENT_TYPES,
  CUSTOM,
  DOCUMENT_OPEN,
  DOCUMENT_RELS,
  EMPTY_RELS,
  ENDNOTES,
  FONT_TABLE,
  FOOTER_OPEN,
  FOOTNOTES,
  PACKAGE_RELS,
  SETTINGS,
  THEME,
} from './constant-parts';
import { numberingXml, profileKey, stylesXml, type StyleProfile } from './styles';
import { escapeXml } from './xml';
import { deflatedEntry, writeZip, type ZipEntry } from './zip';

/** The section: A4, 2.5 cm margins, the footer (rId6 in document.xml.rels) on every page. */
const SECTION =
  '<w:sectPr><w:footerReference w:type="default" r:id="rId6"/><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>' +
  '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="709" w:footer="709" w:gutter="0"/>' +
  '<w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>';

/**
 * The deflate level of the parts written per call: 1, zlib's fastest. On the sample checklist's
 * document.xml (159 kB) it takes half the time of the default 6 (0.46 against 0.92 ms) for a part of
 * 11.8 kB rather than 9.1 kB. The constant parts take 9: they are compressed once.
 */
const PER_CALL_LEVEL = 1;

/** The parts that do not depend on the document, deflated once. */
let fixedParts: readonly ZipEntry[] | undefined;
function fixed(): readonly ZipEntry[] {
  fixedParts ??= [
    deflatedEntry('_rels/.rels', PACKAGE_RELS, 9),
    deflatedEntry('docProps/app.xml', APP, 9),
    deflatedEntry('docProps/custom.xml', CUSTOM, 9),
    deflatedEntry('word/_rels/document.xml.rels', DOCUMENT_RELS, 9),
    deflatedEntry('word/_rels/footer1.xml.rels', EMPTY_RELS, 9),
    deflatedEntry('word/footnotes.xml', FOOTNOTES, 9),
    deflatedEntry('word/_rels/footnotes.xml.rels', EMPTY_RELS, 9),
    deflatedEntry('word/endnotes.xml', ENDNOTES, 9),
    deflatedEntry('word/_rels/endnotes.xml.rels', EMPTY_RELS, 9),
    deflatedEntry('word/settings.xml', SETTINGS, 9),
    deflatedEntry('word/fontTable.xml', FONT_TABLE, 9),
    deflatedEntry('word/_rels/fontTable.xml.rels', EMPTY_RELS, 9),
    deflatedEntry('word/theme/theme1.xml', THEME, 9),
  ];
  return fixedParts;
}

let contentTypes: ZipEntry | undefined;
const stylesByProfile = new Map<string, ZipEntry>();
const numbering: { list?: ZipEntry; none?: ZipEntry } = {};

function styles(profile: StyleProfile): ZipEntry {
  const key = profileKey(profile);
  let entry = stylesByProfile.get(key);
  if (entry === undefined) {
    entry = deflatedEntry('word/styles.xml', stylesXml(profile), 9);
    stylesByProfile.set(key, entry);
  }
  return entry;
}

function numberingEntry(hasList: boolean): ZipEntry {
  const slot = hasList ? 'list' : 'none';
  return (numbering[slot] ??= deflatedEntry('word/numbering.xml', numberingXml(hasList), 9));
}

/** docProps/core.xml (ECMA-376 Part 2, §11): the document's properties, created and modified now. */
function coreXml(properties: DocumentModel['properties'], now: Date): string {
  const element = (name: string, value: string) => {
    const text = escapeXml(value);
    return text ? `<${name}>${text}</${name}>` : '';
  };
  const stamp = now.toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.creator) +
    element('cp:keywords', properties.keywords) +
    element('dc:description', properties.description) +
    element('cp:lastModifiedBy', properties.creator) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Whether the body uses the bulleted list (then numbering.xml carries its concrete numbering, as docx
 * writes it only for a list in use). Text cannot fake the tag: its "<" is written "&lt;".
 */
const BULLET_MARK = '<w:numPr>';

/** The .docx of a body and footer (already XML), with `model`'s profile and `properties`. */
function pack(
  model: DocumentModel,
  properties: DocumentModel['properties'],
  body: string,
  footer: string,
): Buffer {
  const now = new Date();
  const document = `${DOCUMENT_OPEN}<w:body>${body}${SECTION}</w:body></w:document>`;
  contentTypes ??= deflatedEntry('[Content_Types].xml', CONTENT_TYPES, 9);
  return writeZip(
    [
      contentTypes,
      ...fixed(),
      deflatedEntry('docProps/core.xml', coreXml(properties, now), PER_CALL_LEVEL),
      deflatedEntry('word/document.xml', document, PER_CALL_LEVEL),
      styles(model),
      numberingEntry(body.includes(BULLET_MARK)),
      deflatedEntry('word/footer1.xml', `${FOOTER_OPEN}${footer}</w:ftr>`, PER_CALL_LEVEL),
    ],
    now,
  );
}

/** The .docx of one model. Throws on a final document that still has markers. */
export function writeDocx(model: DocumentModel): Buffer {
  assertNoMarkersInFinal(model);
  const w = writingOf(model);
  return pack(model, model.properties, writeBlocks(w, model.blocks).join(''), footerParagraph(w, model));
}

/**
 * One document in two languages side by side, as bilingual.ts lays it out: each block of `first` beside
 * the same block of `second`, a table per page; or, should their blocks differ, each language's text in
 * one cell. Throws as bilingual.ts does.
 */
export function writeBilingualDocx(first: DocumentModel, second: DocumentModel): Buffer {
  assertBilingualPair(first, second);
  // Tables inside a cell (an authority's directory entry) span the cell, between its margins.
  const inner = COLUMN - 2 * CELL_MARGIN;
  const a = writingOf(first, inner, true);
  const b = writingOf(second, inner, true);
  const rtl = first.direction === 'rtl';
  const children: string[] = [];
  if (sameStructure(first, second)) {
    const pagesB = pages(second.blocks);
    pages(first.blocks).forEach((blocksA, p) => {
      const blocksB = pagesB[p]!;
      if (p > 0) children.push(PAGE_BREAK_PARAGRAPH);
      if (blocksA.length === 0) return;
      children.push(
        columnsTable(
          blocksA.map((block, i) => columnCell(a, [block], COLUMN) + columnCell(b, [blocksB[i]!], COLUMN)),
          rtl,
          COLUMN,
        ),
      );
    });
  } else {
    const text = (m: DocumentModel) => m.blocks.filter((block) => block.type !== 'page-break');
    children.push(
      columnsTable([columnCell(a, text(first), COLUMN) + columnCell(b, text(second), COLUMN)], rtl, COLUMN),
    );
  }
  // Word merges a table with one that follows it; an empty paragraph ends the last one.
  children.push(emptyParagraph(a));
  return pack(
    first,
    bilingualProperties(first, second),
    children.join(''),
    // The page number in both languages, each line in its own.
    footerParagraph(a, first) + footerParagraph(b, second),
  );
}
