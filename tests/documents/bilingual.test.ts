/**
 * bilingual.ts on its own: two models of one document paired row by row (a title beside a title, a page
 * break starting a new table), each cell in its own language (Arabic bidirectional, Chinese with the East
 * Asian hint, every run with its language), one cell per language when the models' blocks differ, and
 * no markers in a final document in either language.
 */
import { renderBilingualDocx, sameStructure } from '../../server/documents/bilingual';
import type { DocumentModel } from '../../server/documents/model';
import { assess, docxPart, example, model } from './helpers';

const bhutan = assess(example('bhutan-accession'));
const notifications = (lng: 'ar' | 'en' | 'zh') => model(bhutan, 'notifications', lng);

/** The body-level tables' rows of a document.xml, as counts of their cells (nested tables left out). */
function bodyRows(xml: string): number[][] {
  const tables: number[][] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<w:tbl>|<\/w:tbl>|<w:tr[ >]|<w:tc>/g)) {
    if (m[0] === '<w:tbl>') {
      depth += 1;
      if (depth === 1) tables.push([]);
    } else if (m[0] === '</w:tbl>') depth -= 1;
    else if (depth === 1 && m[0].startsWith('<w:tr')) tables[tables.length - 1]!.push(0);
    else if (depth === 1) {
      const rows = tables[tables.length - 1]!;
      rows[rows.length - 1]! += 1;
    }
  }
  return tables;
}

test('the same builder in two languages gives the same blocks', () => {
  expect(sameStructure(notifications('ar'), notifications('en'))).toBe(true);
});

test('Chinese and English: one row per block, two cells each; the Chinese runs hint the East Asian font', async () => {
  const zh = notifications('zh');
  const xml = await docxPart(await renderBilingualDocx(zh, notifications('en')), 'word/document.xml');
  const rows = bodyRows(xml).flat();
  const blocks = zh.blocks.filter((b) => b.type !== 'page-break').length;
  expect(rows).toHaveLength(blocks);
  expect(rows.every((cells) => cells === 2)).toBe(true);
  expect(xml).toContain('w:eastAsia="zh-CN"');
  expect(xml).toContain('w:hint="eastAsia"');
  expect(xml).toContain('w:val="en-GB"');
  // Left to right: Chinese first, on the left.
  expect(xml).not.toContain('<w:bidiVisual/>');
});

test('models whose blocks differ: one row, each language whole in its own cell', async () => {
  const en = notifications('en');
  const fewer: DocumentModel = { ...notifications('ar'), blocks: notifications('ar').blocks.slice(1) };
  expect(sameStructure(fewer, en)).toBe(false);
  const xml = await docxPart(await renderBilingualDocx(fewer, en), 'word/document.xml');
  expect(bodyRows(xml)).toEqual([[2]]);
  expect(xml).toContain('<w:bidiVisual/>');
});

test('a final document with a marker in either language is refused, as are two of one language', async () => {
  const ar = model(bhutan, 'instrument', 'ar', { mode: 'final', treaty: 'untoc' });
  const en = model(bhutan, 'instrument', 'en', { mode: 'final', treaty: 'untoc' });
  const withMarker: DocumentModel = { ...en, markers: ['place of signature'] };
  await expect(renderBilingualDocx(ar, withMarker)).rejects.toThrow(/markers/);
  await expect(renderBilingualDocx(withMarker, ar)).rejects.toThrow(/markers/);
  await expect(renderBilingualDocx(ar, ar)).rejects.toThrow(/two different languages/);
  await expect(renderBilingualDocx(ar, en)).resolves.toBeInstanceOf(Buffer);
});
