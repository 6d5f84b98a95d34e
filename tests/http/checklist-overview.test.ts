/**
 * The checklist at a glance on the checklist page (GET /drafts/{id}/checklist), read from its HTML:
 * the matrix (one row per requirement, one column per treaty, the article and when it is due), each
 * missing item linked to the page of the journey that fixes it (the same pages as the documents page's
 * list of what is missing), what does not apply in a <details>, and the timeline's drawing with its
 * table; for fixtures with one, three and four treaties, and in Arabic, right to left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../server/paths';
import { hrefs, inputValue, JourneyClient, textOf } from './journey-helpers';
import { createTestApp, draftThroughApi, samplePackage, type TestApp } from './test-app';

let t: TestApp;
let c: JourneyClient;
beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

function fixture(kind: 'good' | 'bad', name: string): Record<string, unknown> {
  return JSON.parse(
    fs.readFileSync(
      path.join(PATHS.root, 'tests', 'fixtures', 'packages', kind, name, 'package.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;
}

interface Cell {
  readonly text: string;
  readonly links: readonly string[];
}

/** The overview's matrix: its column headers and, per row, each cell's text and links. */
function matrix(html: string): { header: string[]; rows: Cell[][] } {
  const table = /<h2 id="overview">[\s\S]*?<table class="grid grid-compact">([\s\S]*?)<\/table>/.exec(
    html,
  )?.[1];
  if (table === undefined) throw new Error('no overview matrix on the page');
  const header = [...table.matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1]!));
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td dir="auto">([\s\S]*?)<\/td>/g)].map((cell) => ({
      text: textOf(cell[1]!),
      links: hrefs(cell[1]!),
    })),
  );
  return { header, rows };
}

const row = (m: { rows: Cell[][] }, label: string): string[] => {
  const found = m.rows.find((r) => r[0]?.text === label);
  if (!found) throw new Error(`no row "${label}" in ${JSON.stringify(m.rows.map((r) => r[0]?.text))}`);
  return found.map((cell) => cell.text);
};

/** The documents page's list of what is missing in final mode: the pages that fix each item. */
async function missingLinksOfDocumentsPage(url: string): Promise<string[]> {
  const res = await c.get(`${url}/documents?mode=final&doclang=en`);
  return hrefs(/<ul class="error-summary-list">([\s\S]*?)<\/ul>/.exec(res.text)?.[1] ?? '');
}

describe('one treaty, with something missing (the Republic of Korea, no central authority)', () => {
  test('the matrix has a UNTOC column, and the missing central authority links to the page that fixes it', async () => {
    const draft = await draftThroughApi(t.app, fixture('bad', 'no-central-authority'));
    const res = await c.get(`${draft.url}/checklist`);
    expect(res.status).toBe(200);
    const m = matrix(res.text);
    expect(m.header).toEqual(['Requirement', 'Article', 'UNTOC', 'Due']);
    expect(row(m, 'Central authority (mutual legal assistance)')).toEqual([
      'Central authority (mutual legal assistance)',
      'UNTOC 18(13)',
      'Missing',
      'Deposit',
    ]);
    // No Protocol: nothing of 37(2), 8(6) or 13(2).
    expect(m.rows.map((r) => r[0]?.text)).not.toContain('Party to the Convention');
    // Every missing cell is a link, and they are the pages the documents page sends the drafter to.
    const missingCells = m.rows.flat().filter((cell) => cell.text === 'Missing');
    expect(missingCells.length).toBe(1);
    for (const cell of missingCells) expect(cell.links).toHaveLength(1);
    const links = missingCells.flatMap((cell) => cell.links);
    expect(links).toEqual([`${draft.url}/central-authorities`]);
    expect(await missingLinksOfDocumentsPage(draft.url)).toEqual(expect.arrayContaining(links));
    expect((await c.get(links[0]!)).status).toBe(200);
    // The list of what is due at deposit names it, linked too.
    const atDeposit = /<h3 id="due-at-deposit">[\s\S]*?<\/ul>/.exec(res.text)?.[0] ?? '';
    expect(hrefs(atDeposit)).toEqual([`${draft.url}/central-authorities`]);
    expect(textOf(atDeposit)).toContain(
      'Central authority (mutual legal assistance) (UNTOC 18(13)): Missing (designate a central authority)',
    );
  });

  test('a reviewer, who cannot open the journey, reads the same matrix without links', async () => {
    const draft = await draftThroughApi(t.app, fixture('bad', 'no-central-authority'));
    const create = await c.submit(`${draft.url}/links`, { role: 'reviewer', label: 'Legal adviser' });
    expect(create.status).toBe(201);
    const secret = /\/shared\/([A-Za-z0-9_-]{43})$/.exec(inputValue(create.text, 'address') ?? '')?.[1];
    expect(secret).toBeDefined();
    const res = await new JourneyClient(t.app).get(`/shared/${secret}/checklist`);
    expect(res.status).toBe(200);
    const m = matrix(res.text);
    expect(row(m, 'Central authority (mutual legal assistance)')[2]).toBe('Missing');
    expect(m.rows.flat().flatMap((cell) => cell.links)).toEqual([]);
  });
});

describe('three treaties (Bhutan accedes to UNTOC, TIP and SOM)', () => {
  let html = '';
  beforeAll(async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    html = (await c.get(`${draft.url}/checklist`)).text;
  });

  test('one row per requirement, one column per treaty, statuses, articles and due dates', () => {
    const m = matrix(html);
    expect(m.header).toEqual(['Requirement', 'Article', 'UNTOC', 'TIP Protocol', 'SOM Protocol', 'Due']);
    expect(m.rows.map((r) => r[0]?.text)).toEqual([
      'Name of the party',
      'Signer',
      'Full powers',
      'Place and date of signature',
      'Participation offences',
      'Laws on money-laundering',
      'Laws on confiscation',
      'Legal basis for extradition',
      'Central authority (mutual legal assistance)',
      'Languages for requests',
      'Prevention authority',
      'Reservation on dispute settlement',
      'Competence (ratification, acceptance, approval)',
      'Competence (accession)',
      'Reservations made on signature',
      'Other reservations',
      'Territorial declaration',
      'Other declarations',
      'Party to the Convention',
      'Authority for vessels (smuggling by sea)',
    ]);
    for (const r of m.rows) expect(r).toHaveLength(6);
    // The instrument's own elements: the same status for each treaty's instrument.
    expect(row(m, 'Place and date of signature')).toEqual([
      'Place and date of signature',
      'Treaty Handbook',
      'Left blank',
      'Left blank',
      'Left blank',
      'Deposit',
    ]);
    // Each treaty its own article: UNTOC 35(3) made, TIP 15(3) and SOM 20(3) not.
    expect(row(m, 'Reservation on dispute settlement')).toEqual([
      'Reservation on dispute settlement',
      '35(3) / 15(3) / 20(3)',
      'Provided',
      'Not made',
      'Not made',
      'Deposit',
    ]);
    // A reservation other than to the dispute clause (VCLT 19): none made.
    expect(row(m, 'Other reservations')).toEqual([
      'Other reservations',
      'VCLT 19',
      'Not made',
      'Not made',
      'Not made',
      'Deposit',
    ]);
    expect(row(m, 'Competence (accession)').slice(2, 5)).toEqual([
      'Not applicable',
      'Not applicable',
      'Not applicable',
    ]);
    expect(row(m, 'Party to the Convention')).toEqual([
      'Party to the Convention',
      'UNTOC 37(2)',
      '—',
      'Provided',
      'Provided',
      'Deposit',
    ]);
    expect(row(m, 'Laws on money-laundering').slice(2)).toEqual(['To follow', '—', '—', 'Ongoing']);
    // Designated on 4 January 2027: to notify within one month.
    expect(row(m, 'Authority for vessels (smuggling by sea)').slice(1)).toEqual([
      'SOM Protocol 8(6)',
      '—',
      '—',
      'Provided',
      'by 4 February 2027',
    ]);
    // Nothing is missing: no links in the matrix.
    expect(m.rows.flat().flatMap((cell) => cell.links)).toEqual([]);
  });

  test('the three groups: due at deposit, due later with dates, and what does not apply in <details>', () => {
    expect(textOf(/<h3 id="due-at-deposit">[\s\S]*?<\/h3>/.exec(html)?.[0] ?? '')).toBe(
      'Due at deposit, planned for 15 January 2027',
    );
    const later = textOf(/<h3 id="due-later">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '');
    expect(later).toContain(
      'Authority for vessels (smuggling by sea) (SOM Protocol 8(6)): Provided — by 4 February 2027',
    );
    expect(later).toContain('Prevention authority (UNTOC 31(6)): Provided — No deadline');
    const details =
      /<details class="details" id="not-applicable">([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    expect(details).not.toBe('');
    // Closed until opened: no "open" attribute.
    expect(html).not.toMatch(/<details[^>]*\bopen\b/);
    expect(textOf(details)).toContain(
      'Competence (ratification, acceptance, approval); Competence (accession): only for regional economic integration organizations',
    );
    expect(textOf(details)).toContain(
      'Full powers: the signer is the Minister for Foreign Affairs, who needs no full powers',
    );
  });

  test('the timeline: an SVG named and described, with its dates also as a table', () => {
    const figure = /<figure class="timeline">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    expect(figure).toMatch(
      /<svg class="timeline-drawing" role="img" aria-labelledby="timeline-title timeline-desc"/,
    );
    expect(figure).toContain(
      '<title id="timeline-title">Deposit, entry into force and later deadlines</title>',
    );
    expect(textOf(/<desc id="timeline-desc">([\s\S]*?)<\/desc>/.exec(figure)?.[1] ?? '')).toBe(
      'The events in date order: 15 January 2027: Planned deposit; 4 February 2027: Deadline: Authority for vessels (smuggling by sea) (SOM Protocol 8(6)); 14 February 2027: Entry into force: UNTOC; 14 February 2027: Entry into force: TIP Protocol; 14 February 2027: Entry into force: SOM Protocol.',
    );
    expect(figure).not.toMatch(/\sstyle=/);
    // Beside each mark, its label (a deadline by its article alone) and its date.
    const drawn = [...figure.matchAll(/<text class="timeline-(?:label|date)"[^>]*>([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(drawn).toEqual([
      'Planned deposit',
      '15 January 2027',
      'Deadline: SOM Protocol 8(6)',
      '4 February 2027',
      'Entry into force: UNTOC',
      '14 February 2027',
      'Entry into force: TIP Protocol',
      '14 February 2027',
      'Entry into force: SOM Protocol',
      '14 February 2027',
    ]);
    const table = /<table class="grid">([\s\S]*?)<\/table>/.exec(figure)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => textOf(r[1]!));
    expect(rows).toEqual([
      'Date Event',
      '15 January 2027 Planned deposit',
      '4 February 2027 Deadline: Authority for vessels (smuggling by sea) (SOM Protocol 8(6))',
      '14 February 2027 Entry into force: UNTOC',
      '14 February 2027 Entry into force: TIP Protocol',
      '14 February 2027 Entry into force: SOM Protocol',
    ]);
  });

  test('the overview comes first, then the timeline, then each requirement once', () => {
    const at = (needle: string) => html.indexOf(needle);
    expect(at('id="overview"')).toBeGreaterThan(0);
    expect(at('id="overview"')).toBeLessThan(at('id="timeline"'));
    expect(at('id="timeline"')).toBeLessThan(at('id="details"'));
    // VCLT 23(2) for the three treaties: one card.
    expect(html.match(/<h3 id="item-[^"]*vclt-23-2">/g)).toHaveLength(1);
  });
});

describe('four treaties (Bhutan, with each dispute reservation)', () => {
  test('a column per treaty, each treaty its own article, the Firearms Protocol row', async () => {
    const draft = await draftThroughApi(t.app, fixture('good', 'dispute-reservations-all-four-treaties'));
    const m = matrix((await c.get(`${draft.url}/checklist`)).text);
    expect(m.header).toEqual([
      'Requirement',
      'Article',
      'UNTOC',
      'TIP Protocol',
      'SOM Protocol',
      'FP Protocol',
      'Due',
    ]);
    expect(row(m, 'Reservation on dispute settlement')).toEqual([
      'Reservation on dispute settlement',
      '35(3) / 15(3) / 20(3) / 16(3)',
      'Provided',
      'Provided',
      'Provided',
      'Provided',
      'Deposit',
    ]);
    expect(row(m, 'Firearms point of contact').slice(1, 5)).toEqual(['FP Protocol 13(2)', '—', '—', '—']);
    expect(row(m, 'Firearms point of contact')[6]).toBe('No deadline');
    expect(row(m, 'Party to the Convention').slice(2, 6)).toEqual(['—', 'Provided', 'Provided', 'Provided']);
  });
});

describe('in Arabic', () => {
  test('right to left, the timeline drawn from the right: the deposit to the right of entry into force', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const res = await c.get(`${draft.url}/checklist?doclang=ar`);
    expect(res.text).toMatch(
      /<article class="document document-checklist document-draft" lang="ar" dir="rtl">/,
    );
    const marks = [
      ...res.text.matchAll(
        /<g class="timeline-event timeline-([a-z-]+)">\s*<line[^>]*>\s*<circle class="timeline-mark" cx="(\d+)"/g,
      ),
    ].map((m) => ({ kind: m[1], x: Number(m[2]) }));
    expect(marks.map((m) => m.kind)).toEqual([
      'deposit',
      'deadline',
      'entry-into-force',
      'entry-into-force',
      'entry-into-force',
    ]);
    expect(marks[0]!.x).toBeGreaterThan(marks[1]!.x);
    expect(marks[1]!.x).toBeGreaterThan(marks[2]!.x);
    expect(res.text).toMatch(/<text class="timeline-label"[^>]*direction="rtl"/);
  });
});

describe("the Handbook model quoted follows the draft's instruments", () => {
  const ACCEDES = 'accedes to the same and undertakes faithfully';
  const RATIFIES = '[ratifies, accepts, approves] the same and undertakes faithfully';

  test('an accession: the checklist page and the party page quote the model of accession, marked not verified', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    for (const page of ['checklist', 'party']) {
      const text = textOf((await c.get(`${draft.url}/${page}`)).text);
      expect({ page, accedes: text.includes(ACCEDES), ratifies: text.includes(RATIFIES) }).toEqual({
        page,
        accedes: true,
        ratifies: false,
      });
      expect(text).toContain('Not verified: this text is from memory, not read in a copy of its source.');
    }
  });

  test('a ratification: the checklist page and the party page quote the model of ratification', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('thailand-som-ratification'));
    for (const page of ['checklist', 'party']) {
      const text = textOf((await c.get(`${draft.url}/${page}`)).text);
      expect({ page, accedes: text.includes(ACCEDES), ratifies: text.includes(RATIFIES) }).toEqual({
        page,
        accedes: false,
        ratifies: true,
      });
      expect(text).toContain('Partly verified: the beginning of this text was read in a copy of its source');
    }
  });
});
