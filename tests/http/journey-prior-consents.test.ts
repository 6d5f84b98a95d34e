/**
 * Treaties already joined (UNTOC 37(2)): a State joining a Protocol alone, which the participation data
 * (2014) does not know as a party to the Convention, records the Convention's deposit on the
 * prior-consents page; the final-mode list of what is missing then drops the 37(2) item.
 */
import { createTestApp, type TestApp } from './test-app';
import {
  checkedValues,
  createDraft,
  decodeEntities,
  errorSummary,
  inputValue,
  JourneyClient,
  redirectOf,
  summaryRows,
} from './journey-helpers';

let t: TestApp;
let c: JourneyClient;

beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

const documentsFinal = async (url: string) =>
  decodeEntities((await c.get(`${url}/documents?mode=final&doclang=en&lang=en`)).text);

test('the 37(2) item links to the page, and recording the Convention’s deposit satisfies it', async () => {
  const d = await createDraft(c, 'BT', ['tip']);
  let page = await documentsFinal(d.url);
  expect(page).toContain(`<a href="${d.url}/prior-consents">UNTOC art. 37(2)`);

  // The instruments page leads to it (Bhutan accedes: no signature question).
  expect(redirectOf(await c.post(`${d.url}/instruments`, { 'instrument-tip': 'accession' }))).toBe(
    `${d.url}/prior-consents`,
  );
  const form = await c.get(`${d.url}/prior-consents?lang=en`);
  expect(form.status).toBe(200);
  expect(decodeEntities(form.text)).toContain('Not signed (data as at');
  const french = await c.get(`${d.url}/prior-consents?lang=fr`);
  expect(french.text).toContain('<html lang="fr" dir="ltr">');
  expect(decodeEntities(french.text)).toContain('Traités auxquels votre État est déjà partie');
  await c.get(`${d.url}/prior-consents?lang=en`);

  const bad = await c.post(`${d.url}/prior-consents`, {
    'prior-untoc-date-day': '31',
    'prior-untoc-date-month': '2',
    'prior-untoc-date-year': '2025',
  });
  expect(bad.status).toBe(400);
  expect(errorSummary(bad.text).map((e) => e.href)).toEqual(['#prior-untoc-date-day']);

  const saved = await c.post(`${d.url}/prior-consents`, {
    'prior-untoc-date-day': '3',
    'prior-untoc-date-month': '11',
    'prior-untoc-date-year': '2025',
    'prior-untoc-type': 'accession',
  });
  expect(redirectOf(saved)).toBe(d.url);
  const again = await c.get(`${d.url}/prior-consents`);
  expect(inputValue(again.text, 'prior-untoc-date-day')).toBe('3');
  expect(checkedValues(again.text, 'prior-untoc-type')).toEqual(['accession']);

  page = await documentsFinal(d.url);
  expect(page).not.toContain('UNTOC art. 37(2)');
  const rows = summaryRows((await c.get(`${d.url}/check?lang=en`)).text);
  expect(
    rows.find((r) =>
      r.key.startsWith('Date your State deposited its instrument for the United Nations Convention'),
    )?.value,
  ).toBe('3 November 2025 (accession)');
});

test('the page does not apply when the Convention is in the draft', async () => {
  const d = await createDraft(c, 'BT', ['untoc', 'tip']);
  expect((await c.get(`${d.url}/prior-consents`)).status).toBe(404);
});

test('check answers shows the Convention consent the data records, as the checklist does (not "none recorded")', async () => {
  // Iceland: a party to the Convention since 13 May 2010 according to the 2014 data.
  const d = await createDraft(c, 'IS', ['fp']);
  await c.get(`${d.url}/prior-consents?lang=en`);
  expect(redirectOf(await c.post(`${d.url}/prior-consents`, {}))).toBe(d.url);
  const rows = summaryRows((await c.get(`${d.url}/check?lang=en`)).text);
  const convention = rows.find((r) =>
    r.key.startsWith('Date your State deposited its instrument for the United Nations Convention'),
  );
  // Regression: "Not joined (none recorded)", while the checklist said "party to the Convention".
  expect(convention?.value).toBe(
    '13 May 2010 (ratification), according to the UN Treaty Collection data as at 27 January 2014',
  );
  const checklist = decodeEntities((await c.get(`${d.url}/checklist?doclang=en`)).text);
  expect(checklist).toContain('party to the Convention by its instrument of 13 May 2010');
});

test('the page asks only for the Convention, and not when the data already records it', async () => {
  // Regression: it asked for every treaty not in the draft (the Protocols too), and for consents the
  // data records.
  const bt = await createDraft(c, 'BT', ['tip']);
  const page = (await c.get(`${bt.url}/prior-consents?lang=en`)).text;
  expect(page).toContain('id="prior-untoc-date-day"');
  for (const other of ['som', 'fp', 'tip']) expect(page).not.toContain(`id="prior-${other}-date-day"`);
  // Iceland: a party to the Convention since 2010 according to the data.
  const is = await createDraft(c, 'IS', ['fp']);
  const known = (await c.get(`${is.url}/prior-consents?lang=en`)).text;
  expect(known).not.toContain('id="prior-untoc-date-day"');
  expect(known).not.toContain('id="prior-som-date-day"');
});
