/**
 * The golden test of the fast writer (server/documents/docx-writer/): every package fixture that parses,
 * good and bad, rendered by the writer and by the reference renderer (render-docx.ts and bilingual.ts,
 * with the docx library), every document it produces (an instrument per treaty, the notifications, full
 * powers where needed, the note verbale, the checklist), must give the same parts with the same XML.
 *
 * Each fixture is rendered in one language, taken in turn from the six (so every fixture once, and
 * every language, English, Arabic right to left and Chinese East Asian among them, many times), and one
 * fixture in five also beside the next language (Arabic beside Chinese, Chinese beside French...); the
 * sample package in English, Arabic and Chinese, and in three bilingual pairs; the good fixtures' first
 * instrument in final mode too, where the two must refuse alike. A synthetic model holds every block and
 * inline with the characters XML escapes. The bundle is checked to hold the writer's .docx files,
 * stored, each what the reference writes.
 *
 * One normalisation only: the two timestamps of docProps/core.xml (dcterms:created, dcterms:modified),
 * which both renderers set to the time of rendering. Nothing else is normalised: no rsid (neither
 * writes any), no whitespace, no attribute order.
 */
import JSZip from 'jszip';
import type { TreatyId } from '../../server/catalogue';
import {
  buildBundle,
  documentModels,
  fileName,
  fullPowersNeeded,
  renderDocxFast,
  renderDocxReference,
  type DocumentName,
  type RenderOptions,
} from '../../server/documents';
import type { DocumentModel } from '../../server/documents/model';
import { parsePackage, type Assessment } from '../../server/domain/validate';
import type { Language } from '../../server/i18n';
import { allFixtures } from '../unit/support/fixtures';
import { assessIn, i18n, TODAY } from './helpers';

type Name = Exclude<DocumentName, 'bundle'>;

const TIMESTAMP = /(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:)/g;

/**
 * Every part of a .docx by name, as text; core.xml's timestamps replaced (see the file's comment). Each
 * entry's CRC-32 is checked against its bytes, which the writer's own ZIP code computes.
 */
async function parts(docx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const text = await zip.file(name)!.async('string');
    out.set(name, name === 'docProps/core.xml' ? text.replace(TIMESTAMP, '$1(time)$2') : text);
  }
  return out;
}

/** Where two texts first differ, with some context of each; null when they are the same. */
function firstDifference(ours: string, reference: string): string | null {
  if (ours === reference) return null;
  let i = 0;
  while (i < ours.length && i < reference.length && ours[i] === reference[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 160), i + 160));
  return `at ${i}:\n  writer:    ${around(ours)}\n  reference: ${around(reference)}`;
}

/** Requires the same part names and the same text in each part. */
async function expectSameDocx(ours: Buffer, reference: Buffer, label: string): Promise<void> {
  const [a, b] = await Promise.all([parts(ours), parts(reference)]);
  expect([label, [...a.keys()]]).toEqual([label, [...b.keys()]]);
  const differences = [...b.keys()].flatMap((name) => {
    const difference = firstDifference(a.get(name)!, b.get(name)!);
    return difference === null ? [] : [`${label}: ${name} ${difference}`];
  });
  expect(differences).toEqual([]);
}

/** Renders `models` with both, and requires the same parts, or the same refusal. */
async function compare(
  models: readonly [DocumentModel] | readonly [DocumentModel, DocumentModel],
  label: string,
) {
  const [first, second] = models;
  const reference = await renderDocxReference(first, second).then(
    (bytes) => ({ bytes }),
    (error: unknown) => ({ error: (error as Error).message }),
  );
  let ours: { bytes: Buffer } | { error: string };
  try {
    ours = { bytes: renderDocxFast(first, second) };
  } catch (error) {
    ours = { error: (error as Error).message };
  }
  if ('error' in reference || 'error' in ours) {
    expect([label, 'error' in ours ? ours.error : 'rendered']).toEqual([
      label,
      'error' in reference ? reference.error : 'rendered',
    ]);
    return;
  }
  await expectSameDocx(ours.bytes, reference.bytes, label);
}

const tr = (lng: Language) => ({ lng, t: i18n.t(lng) });

/** The documents a package produces (as the bundle has them), with the treaty of each instrument. */
function documentsOf(assessment: Assessment, withFullPowers = false): { name: Name; treaty?: TreatyId }[] {
  return [
    ...assessment.facts.treaties.map(({ treaty }) => ({ name: 'instrument' as const, treaty })),
    { name: 'notifications' },
    ...(withFullPowers || fullPowersNeeded(assessment) ? [{ name: 'full-powers' as const }] : []),
    { name: 'note-verbale' },
    { name: 'checklist' },
  ];
}

async function compareAll(
  input: unknown,
  lng: Language,
  options: { parallel?: Language; mode?: 'draft' | 'final'; only?: Name; withFullPowers?: boolean } = {},
): Promise<number> {
  const assessment = assessIn(input, lng);
  const render: RenderOptions = {
    tr: tr(lng),
    mode: options.mode ?? 'draft',
    today: TODAY,
    ...(options.parallel
      ? { parallel: { assessment: assessIn(input, options.parallel), tr: tr(options.parallel) } }
      : {}),
  };
  let count = 0;
  for (const document of documentsOf(assessment, options.withFullPowers)) {
    if (options.only && document.name !== options.only) continue;
    const models = documentModels(assessment, document.name, { ...render, ...document });
    const label = `${lng}${options.parallel ? `-${options.parallel}` : ''} ${render.mode} ${document.name} ${document.treaty ?? ''}`;
    await compare(models, label);
    count++;
    // One instrument is enough in final mode.
    if (options.only) break;
  }
  return count;
}

const LANGUAGES: readonly Language[] = ['en', 'ar', 'zh', 'fr', 'ru', 'es'];
const fixtures = allFixtures().filter((fixture) => parsePackage(fixture.input).ok);
const SAMPLE = fixtures.find((fixture) => fixture.name === 'bhutan-accedes-untoc-tip-som')!;

test('the fixtures that parse are most of them, good and bad', () => {
  expect(fixtures.filter((f) => f.kind === 'good').length).toBeGreaterThan(40);
  expect(fixtures.filter((f) => f.kind === 'bad').length).toBeGreaterThan(10);
  expect(SAMPLE).toBeDefined();
});

describe.each(fixtures.map((fixture, index) => [`${fixture.kind}/${fixture.name}`, fixture, index] as const))(
  '%s',
  (_name, fixture, index) => {
    const lng = LANGUAGES[index % LANGUAGES.length]!;
    test(`every document, in ${lng}: the same XML, part by part`, async () => {
      expect(await compareAll(fixture.input, lng)).toBeGreaterThanOrEqual(4);
    });
    if (fixture.kind === 'good')
      test(`the first instrument in final mode, in ${lng}: the same XML, or the same refusal`, async () => {
        await compareAll(fixture.input, lng, { mode: 'final', only: 'instrument' });
      });
    // One fixture in five bilingual too, beside the next language of the six.
    const parallel = LANGUAGES[(index + 1) % LANGUAGES.length]!;
    if (index % 5 === 0)
      test(`every document, in ${lng} beside ${parallel}: the same XML, part by part`, async () => {
        expect(await compareAll(fixture.input, lng, { parallel })).toBeGreaterThanOrEqual(4);
      });
  },
);

describe('the sample package (Bhutan: UNTOC, TIP, SOM)', () => {
  test.each(['en', 'ar', 'zh'] as const)('every document in %s, full powers too', async (lng) => {
    expect(await compareAll(SAMPLE.input, lng, { withFullPowers: true })).toBe(7);
  });
  test.each([
    ['ar', 'en'],
    ['zh', 'en'],
    ['en', 'fr'],
  ] as const)('bilingual, %s beside %s', async (lng, parallel) => {
    expect(await compareAll(SAMPLE.input, lng, { parallel, withFullPowers: true })).toBe(7);
  });
});

describe('a synthetic model: every block and inline, and the characters XML escapes', () => {
  const base: DocumentModel = {
    kind: 'notifications',
    lang: 'en',
    languageTag: 'en-GB',
    direction: 'ltr',
    script: 'latin',
    fonts: { latin: 'Times New Roman', complexScript: 'Times New Roman', eastAsian: 'SimSun' },
    mode: 'draft',
    properties: {
      title: 'A & B <title> "quoted" \'single\'',
      subject: '',
      description: 'Line\u0001with a control character',
      keywords: 'k1, k2',
      creator: 'Test',
    },
    footer: { page: 'Page & <p>', of: 'of' },
    markers: ['m'],
    blocks: [
      { type: 'title', text: 'Title with & and < and >' },
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'Heading "one"' }], id: 'h1' },
      {
        type: 'paragraph',
        style: 'recital',
        content: [
          { type: 'text', text: 'Plain, ' },
          { type: 'text', text: 'bold', bold: true },
          { type: 'text', text: 'italic', italic: true },
          { type: 'text', text: 'two\nlines\r\nand\ta tab\t' },
          { type: 'marker', text: '[to be completed: place]' },
          { type: 'blank', label: 'date' },
          { type: 'break' },
          { type: 'link', text: 'a link', href: '/x', bold: true },
          { type: 'text', text: 'English quote', lang: 'en-GB' },
          { type: 'text', text: 'بوتان and +975 2 000 000' },
          { type: 'text', text: '' },
        ],
      },
      { type: 'paragraph', style: 'quote', content: [{ type: 'text', text: 'Quoted', lang: 'en-GB' }] },
      { type: 'paragraph', style: 'note', number: 3, content: [{ type: 'text', text: 'Numbered' }] },
      { type: 'paragraph', style: 'centered', content: [] },
      { type: 'list', items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'list', compact: true, items: [[{ type: 'text', text: 'compact' }]] },
      {
        type: 'fields',
        caption: 'Fields',
        rows: [
          { label: 'Label', value: [{ type: 'text', text: 'value' }], tone: 'missing' },
          { label: 'Other', value: [{ type: 'text', text: '+975 2 000 000' }] },
        ],
      },
      { type: 'fields', caption: 'No rows', rows: [] },
      { type: 'fields', rows: [] },
      {
        type: 'table',
        caption: 'Table',
        header: ['A', 'B', 'C'],
        widths: [2, 1, 1],
        compact: true,
        rows: [[[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]], []],
      },
      { type: 'table', header: [], rows: [[[{ type: 'text', text: 'headless' }]]] },
      { type: 'table', header: [], rows: [] },
      { type: 'page-break' },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'After a page break' }] },
      { type: 'page-break' },
      { type: 'paragraph', style: 'normal', content: [{ type: 'text', text: 'After a page break too' }] },
      {
        type: 'details',
        level: 3,
        summary: 'Details',
        blocks: [{ type: 'paragraph', style: 'normal', content: [{ type: 'text', text: 'inside' }] }],
      },
      {
        type: 'timeline',
        caption: 'Timeline',
        description: 'd',
        header: ['Date', 'Event'],
        events: [
          { date: '2027-01-01', dateText: '1 January 2027', label: 'Deposit', mark: 'D', kind: 'deposit' },
        ],
        undated: [{ label: 'Later', when: 'to follow' }],
      },
      { type: 'signature', lines: [[{ type: 'text', text: 'Name' }], [{ type: 'text', text: 'Title' }]] },
      { type: 'signature', lines: [] },
    ],
  };
  const arabic: DocumentModel = {
    ...base,
    lang: 'ar',
    languageTag: 'ar-SA',
    direction: 'rtl',
    script: 'arabic',
  };
  const chinese: DocumentModel = { ...base, lang: 'zh', languageTag: 'zh-CN', script: 'han' };

  test.each([
    ['en', base],
    ['ar', arabic],
    ['zh', chinese],
  ] as const)('alone, in %s', async (lng, model) => {
    await compare([model], `synthetic ${lng}`);
  });
  test.each([
    ['ar', 'en', arabic, base],
    ['zh', 'ar', chinese, arabic],
  ] as const)('bilingual, %s beside %s, and with blocks that differ', async (a, b, first, second) => {
    await compare([first, second], `synthetic ${a}-${b}`);
    await compare([first, { ...second, blocks: second.blocks.slice(2) }], `synthetic ${a}-${b} unpaired`);
  });
  test('a final model with markers is refused by both, alike', async () => {
    await compare([{ ...base, mode: 'final' }], 'synthetic final');
  });
});

/** The compression method (0 stored, 8 deflated) of each entry, from the ZIP's central directory. */
function methods(zip: Buffer): Map<string, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    out.set(zip.toString('utf8', at + 46, at + 46 + nameLength), zip.readUInt16LE(at + 10));
    at += 46 + skip;
  }
  return out;
}

test.each([
  ['en', undefined],
  ['ar', 'en'],
] as const)(
  'the bundle in %s (beside %s): the writer’s .docx files, stored, each what the reference writes',
  async (lng, parallel) => {
    const assessment = assessIn(SAMPLE.input, lng);
    const options: RenderOptions = {
      tr: tr(lng),
      mode: 'draft',
      today: TODAY,
      ...(parallel ? { parallel: { assessment: assessIn(SAMPLE.input, parallel), tr: tr(parallel) } } : {}),
    };
    const bundle = await buildBundle(assessment, { ...options, stylesheet: 'body { color: black }' });
    const zip = await JSZip.loadAsync(bundle, { checkCRC32: true });
    const compression = methods(bundle);
    const languages = parallel ? `${lng}-${parallel}` : lng;
    const documents = documentsOf(assessment);
    for (const document of documents) {
      const name = fileName(
        assessment,
        document.name,
        document.name === 'checklist' ? lng : languages,
        'draft',
        document.treaty,
      );
      expect([name, compression.get(name)]).toEqual([name, 0]);
      const [first, second] = documentModels(assessment, document.name, { ...options, ...document });
      const reference = await renderDocxReference(first, second);
      await expectSameDocx(await zip.file(name)!.async('nodebuffer'), reference, name);
    }
    expect(compression.get('package.json')).toBe(8);
    expect(await zip.file('document.css')!.async('string')).toBe('body { color: black }');
    expect([...compression.keys()].filter((n) => n.endsWith('.docx'))).toHaveLength(documents.length);
  },
);

/*
 * Where the two differ on purpose: docx reads a run's string child that is exactly "CURRENT",
 * "TOTAL_PAGES", "TOTAL_PAGES_IN_SECTION" or "SECTION" as a page-number field (its PageNumber values),
 * so the reference turns a line of text such as "SECTION" into a PAGE or SECTION field and loses the
 * text. The writer writes the text. The fixtures and the synthetic model above hold no such line.
 */
test.each(['CURRENT', 'TOTAL_PAGES', 'TOTAL_PAGES_IN_SECTION', 'SECTION'])(
  'a line that reads "%s" stays text in the writer',
  async (line) => {
    const en = assessIn(SAMPLE.input, 'en');
    const [model] = documentModels(en, 'notifications', { tr: tr('en'), mode: 'draft', today: TODAY });
    const withLine: DocumentModel = {
      ...model,
      blocks: [{ type: 'paragraph', style: 'normal', content: [{ type: 'text', text: line }] }],
    };
    const xml = (await parts(renderDocxFast(withLine))).get('word/document.xml')!;
    expect(xml).toContain(`<w:t xml:space="preserve">${line}</w:t>`);
    expect(xml).not.toContain('<w:fldChar');
  },
);
