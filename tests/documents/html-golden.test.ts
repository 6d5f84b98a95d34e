/**
 * The golden test of the fast HTML writer (server/documents/html-writer.ts): every package fixture that
 * parses, good and bad, rendered by the writer (renderHtml, renderHtmlBody) and by the reference renderer
 * (render-html-reference.ts, the Handlebars templates of templates/documents/), must give the same HTML.
 *
 * The checklist, the document pages and the bundle render as HTML, is rendered for each fixture as the
 * bundle has it (a page, no links) and as the site's checklist page has it (an element, each missing
 * item a link to the page that fixes it, with the legal adviser's approval in turn none, current and
 * outdated); every other document of the fixture is rendered as a page too. Each fixture is rendered in
 * one language taken in turn from the six; the sample package in all six. A synthetic model holds every
 * block and inline, the characters HTML escapes, control characters and line breaks, and the values the
 * templates test (a paragraph numbered 0, empty ids and captions, a timeline without a dated event).
 *
 * Nothing is normalised: the two must be equal byte for byte, whitespace between tags included.
 */
import type { TreatyId } from '../../server/catalogue';
import { buildModel, fullPowersNeeded, type DocumentName, type RenderOptions } from '../../server/documents';
import type { DocumentModel } from '../../server/documents/model';
import { renderHtml, renderHtmlBody } from '../../server/documents/render-html';
import { renderHtmlBodyReference, renderHtmlReference } from '../../server/documents/render-html-reference';
import type { ApprovalState } from '../../server/domain/review';
import { parsePackage, type Assessment } from '../../server/domain/validate';
import type { Language } from '../../server/i18n';
import { sampleModel } from '../fixtures/documents/sample-model';
import { allFixtures } from '../unit/support/fixtures';
import { assessIn, i18n, TODAY } from './helpers';

type Name = Exclude<DocumentName, 'bundle'>;

const STYLESHEET = 'document.css';

/** Where two texts first differ, with some context of each; null when they are the same. */
function firstDifference(ours: string, reference: string): string | null {
  if (ours === reference) return null;
  let i = 0;
  while (i < ours.length && i < reference.length && ours[i] === reference[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 160), i + 160));
  return `at ${i}:\n  writer:    ${around(ours)}\n  reference: ${around(reference)}`;
}

/** What a renderer gives: the HTML, or the message it refuses with. */
function outcome(render: () => string): { html: string } | { error: string } {
  try {
    return { html: render() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Requires the page and the element of `model` to be the same from both renderers, or the same refusal. */
function compare(model: DocumentModel, label: string, only?: 'page' | 'body'): void {
  const pairs = [
    ...(only === 'body'
      ? []
      : [
          {
            what: 'page',
            ours: () => renderHtml(model, { stylesheetHref: STYLESHEET }),
            reference: () => renderHtmlReference(model, { stylesheetHref: STYLESHEET }),
          },
        ]),
    ...(only === 'page'
      ? []
      : [
          {
            what: 'body',
            ours: () => renderHtmlBody(model),
            reference: () => renderHtmlBodyReference(model),
          },
        ]),
  ];
  for (const { what, ours, reference } of pairs) {
    const a = outcome(ours);
    const b = outcome(reference);
    if ('error' in a || 'error' in b) {
      expect([label, what, 'error' in a ? a.error : 'rendered']).toEqual([
        label,
        what,
        'error' in b ? b.error : 'rendered',
      ]);
      continue;
    }
    expect([label, what, firstDifference(a.html, b.html)]).toEqual([label, what, null]);
  }
}

const tr = (lng: Language) => ({ lng, t: i18n.t(lng) });

/** The documents a package produces, with the treaty of each instrument. */
function documentsOf(assessment: Assessment): { name: Name; treaty?: TreatyId }[] {
  return [
    ...assessment.facts.treaties.map(({ treaty }) => ({ name: 'instrument' as const, treaty })),
    { name: 'notifications' },
    ...(fullPowersNeeded(assessment) ? [{ name: 'full-powers' as const }] : []),
    { name: 'note-verbale' },
  ];
}

/** An approval whose name and title hold the characters HTML escapes. */
function approvalOf(kind: ApprovalState['kind']): ApprovalState {
  if (kind === 'none') return { kind };
  const approval = {
    id: 'a1',
    revision: 3,
    packageHash: '0'.repeat(64),
    name: 'A. <Adviser> & "Co" \'x\' `y` =z',
    title: 'Legal Adviser',
    at: '2026-11-30T10:00:00.000Z',
    package: null,
  };
  return kind === 'current' ? { kind, approval } : { kind, approval, approved: null };
}

/** Renders a fixture's checklist (page and element) and every other document (page) with both. */
function compareFixture(input: unknown, lng: Language, index: number): number {
  const assessment = assessIn(input, lng);
  const options: RenderOptions = { tr: tr(lng), mode: 'draft', today: TODAY };
  // As the bundle has it.
  compare(buildModel(assessment, 'checklist', options), `${lng} checklist`, 'page');
  // As the site's checklist page has it: missing items linked, an approval stated.
  const site = buildModel(assessment, 'checklist', {
    ...options,
    fixHref: (item) => `/drafts/d1/pages/${item.requirement.id}?from="checklist"&a='b'`,
    approval: approvalOf((['none', 'current', 'outdated'] as const)[index % 3]!),
  });
  compare(site, `${lng} checklist on the site`);
  let count = 1;
  for (const document of documentsOf(assessment)) {
    compare(
      buildModel(assessment, document.name, { ...options, ...document }),
      `${lng} ${document.name} ${document.treaty ?? ''}`,
      'page',
    );
    count++;
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
    test(`the checklist and every document, in ${lng}: the same HTML`, () => {
      expect(compareFixture(fixture.input, lng, index)).toBeGreaterThanOrEqual(3);
    });
  },
);

test.each(LANGUAGES)('the sample package in %s: the same HTML', (lng) => {
  expect(compareFixture(SAMPLE.input, lng, LANGUAGES.indexOf(lng))).toBeGreaterThanOrEqual(6);
});

test('the sample model of the renderer tests: the same HTML', () => {
  compare(sampleModel, 'sample model');
});

describe('a synthetic model: every block and inline, and the characters HTML escapes', () => {
  const nasty = `A & B <b>"quoted"</b> 'single' \`tick\` a=b`;
  const base: DocumentModel = {
    kind: 'notifications',
    lang: 'en',
    languageTag: 'en-GB',
    direction: 'ltr',
    script: 'latin',
    fonts: { latin: 'Times New Roman', complexScript: 'Times New Roman', eastAsian: 'SimSun' },
    mode: 'draft',
    properties: {
      title: nasty,
      subject: '',
      description: 'Line\u0001with a control character\uFFFE and = "quotes"',
      keywords: 'k1, k2',
      creator: 'Test',
    },
    footer: { page: 'Page', of: 'of' },
    markers: ['m'],
    blocks: [
      { type: 'title', text: `Title ${nasty}\u0007` },
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'Heading "one"' }], id: 'h"1' },
      { type: 'heading', level: 2, content: [], id: '' },
      { type: 'heading', level: 3, content: [{ type: 'text', text: 'Three' }] },
      {
        type: 'paragraph',
        style: 'recital',
        content: [
          { type: 'text', text: 'Plain, ' },
          { type: 'text', text: 'bold', bold: true },
          { type: 'text', text: 'italic', italic: true },
          { type: 'text', text: 'both\nlines', bold: true, italic: true, lang: 'ar-SA' },
          { type: 'text', text: 'two\nlines\r\nand\rthree\n\n\ta tab\t\u000B' },
          { type: 'marker', text: `[to be completed: ${nasty}]` },
          { type: 'blank', label: 'date <&>' },
          { type: 'break' },
          { type: 'link', text: 'a link', href: '/x?a=1&b="2"', bold: true },
          { type: 'link', text: `plain ${nasty}`, href: "/y'z" },
          { type: 'text', text: 'English quote', lang: 'en-GB' },
          { type: 'text', text: 'an empty language', lang: '' },
          { type: 'text', text: 'an unknown language', lang: 'xx-YY' },
          { type: 'text', text: 'بوتان and +975 2 000 000' },
          { type: 'text', text: '' },
        ],
      },
      { type: 'paragraph', style: 'quote', content: [{ type: 'text', text: 'Quoted', lang: 'en-GB' }] },
      { type: 'paragraph', style: 'note', number: 3, content: [{ type: 'text', text: 'Numbered' }] },
      { type: 'paragraph', style: 'normal', number: 0, content: [{ type: 'text', text: 'Numbered 0' }] },
      { type: 'paragraph', style: 'centered', content: [] },
      { type: 'list', items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }], []] },
      { type: 'list', compact: true, items: [[{ type: 'text', text: 'compact' }]] },
      { type: 'list', items: [] },
      {
        type: 'fields',
        caption: `Fields ${nasty}`,
        rows: [
          { label: 'Label', value: [{ type: 'text', text: 'value' }], tone: 'missing' },
          { label: 'OK', value: [{ type: 'text', text: 'fine' }], tone: 'ok' },
          { label: 'Neutral', value: [], tone: 'neutral' },
          { label: 'Info <i>', value: [{ type: 'marker', text: 'm' }], tone: 'info' },
          { label: 'Other', value: [{ type: 'text', text: '+975 2 000 000' }] },
        ],
      },
      { type: 'fields', caption: '\u0001', rows: [] },
      { type: 'fields', caption: '', rows: [] },
      { type: 'fields', rows: [] },
      {
        type: 'table',
        caption: 'Table',
        header: ['A', 'B <&>', 'C\u0002'],
        widths: [2, 1, 1],
        compact: true,
        rows: [[[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }], []], []],
      },
      { type: 'table', header: [], rows: [[[{ type: 'text', text: 'headless' }]]] },
      { type: 'table', caption: '', header: [], rows: [] },
      { type: 'page-break' },
      {
        type: 'details',
        level: 3,
        summary: `Details ${nasty}`,
        id: 'd1',
        blocks: [
          { type: 'paragraph', style: 'normal', content: [{ type: 'text', text: 'inside' }] },
          {
            type: 'details',
            level: 1,
            summary: 'Nested',
            blocks: [{ type: 'list', items: [[{ type: 'text', text: 'deep' }]] }],
          },
        ],
      },
      { type: 'details', level: 2, summary: 'Empty', id: '', blocks: [] },
      {
        type: 'timeline',
        caption: `Timeline ${nasty}`,
        description: 'd & e',
        header: ['Date', 'Event <x>'],
        events: [
          { date: '2027-01-01', dateText: '1 January 2027', label: 'Deposit', mark: 'D', kind: 'deposit' },
          {
            date: '2027-02-10',
            dateText: '10 February 2027',
            label: 'Deadline "x"',
            mark: 'X & y',
            kind: 'deadline',
          },
          {
            date: '2027-03-31',
            dateText: '31 March 2027',
            label: 'Entry into force',
            mark: 'EIF',
            kind: 'entry-into-force',
          },
        ],
        undated: [{ label: 'Later', when: 'to follow\nlater' }],
      },
      {
        type: 'timeline',
        caption: 'One day',
        description: 'one',
        header: ['Date', 'Event'],
        events: [
          { date: '2027-01-01', dateText: '1 January 2027', label: 'A', mark: 'A', kind: 'deposit' },
          { date: '2027-01-01', dateText: '1 January 2027', label: 'B', mark: 'B', kind: 'deadline' },
        ],
        undated: [],
      },
      {
        type: 'timeline',
        caption: 'Nothing dated',
        description: 'none',
        header: ['Date', 'Event'],
        events: [],
        undated: [{ label: 'Later', when: 'to follow' }],
      },
      { type: 'signature', lines: [[{ type: 'text', text: 'Name' }], [{ type: 'text', text: 'Title' }]] },
      { type: 'signature', lines: [] },
    ],
  };
  const arabic: DocumentModel = {
    ...base,
    kind: 'checklist',
    lang: 'ar',
    languageTag: 'ar-SA',
    direction: 'rtl',
    script: 'arabic',
    mode: 'final',
  };
  const chinese: DocumentModel = { ...base, lang: 'zh', languageTag: 'zh-CN', script: 'han' };

  test.each([
    ['en', base],
    ['ar', arabic],
    ['zh', chinese],
  ] as const)('in %s', (lng, model) => {
    compare(model, `synthetic ${lng}`);
  });

  test('an empty document', () => {
    compare({ ...base, blocks: [] }, 'empty');
  });

  test('a block or an inline of a type unknown: the same refusal', () => {
    const block = { ...base, blocks: [{ type: 'image', src: 'x.png' }] } as unknown as DocumentModel;
    compare(block, 'unknown block');
    const inline = {
      ...base,
      blocks: [{ type: 'paragraph', style: 'normal', content: [{ type: 'image' }] }],
    } as unknown as DocumentModel;
    compare(inline, 'unknown inline');
    expect(() => renderHtml(block, { stylesheetHref: STYLESHEET })).toThrow(
      'Cannot render block of type "image"',
    );
    expect(() => renderHtmlBody(inline)).toThrow('Cannot render inline of type "image"');
  });
});
