/**
 * The writer's ZIP code (server/documents/docx-writer/zip.ts) read back by another implementation
 * (JSZip, checking every CRC-32): stored and deflated entries, a name in another script (UTF-8 names,
 * general purpose flag bit 11), the date of every entry, an empty entry, and an empty archive.
 */
import JSZip from 'jszip';
import { deflatedEntry, storedEntry, writeZip } from '../../server/documents/docx-writer/zip';

const DATE = new Date('2026-12-01T10:20:30Z');

test('stored and deflated entries come back as written, with their names and dates', async () => {
  const text = 'مرحبا 你好 <xml> & '.repeat(200);
  const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
  const zip = writeZip(
    [
      deflatedEntry('word/document.xml', text),
      deflatedEntry('level-9.txt', text, 9),
      storedEntry('دليل/ملف.docx', bytes),
      storedEntry('empty.txt', ''),
      deflatedEntry('empty-deflated.txt', ''),
    ],
    DATE,
  );
  const read = await JSZip.loadAsync(zip, { checkCRC32: true });
  expect(Object.keys(read.files)).toEqual([
    'word/document.xml',
    'level-9.txt',
    'دليل/ملف.docx',
    'empty.txt',
    'empty-deflated.txt',
  ]);
  expect(await read.file('word/document.xml')!.async('string')).toBe(text);
  expect(await read.file('level-9.txt')!.async('string')).toBe(text);
  expect(await read.file('دليل/ملف.docx')!.async('nodebuffer')).toEqual(bytes);
  expect(await read.file('empty.txt')!.async('string')).toBe('');
  expect(await read.file('empty-deflated.txt')!.async('string')).toBe('');
  // MS-DOS times count seconds in twos.
  for (const file of Object.values(read.files))
    expect(file.date.toISOString()).toBe('2026-12-01T10:20:30.000Z');
});

test('an entry deflated is smaller than stored, for text', () => {
  const text = 'the same words again and again '.repeat(100);
  expect(deflatedEntry('a', text).data.length).toBeLessThan(storedEntry('a', text).data.length / 5);
});

test('an archive of no entries is its end record alone', async () => {
  const zip = writeZip([], DATE);
  expect(zip).toHaveLength(22);
  expect(Object.keys((await JSZip.loadAsync(zip)).files)).toEqual([]);
});
