/**
 * A party's later notifications through the pages: "what do you want to draft?" starts one; the draft
 * concerns treaties the party has joined, holds no instrument, and asks only what a notification carries
 * (no instruments page, no full powers, reservations, declarations or deposit); each notification
 * section is optional; the documents page offers no instrument, and says what stops final documents.
 */
import { docxText } from '../documents/helpers';
import { binaryParser } from './helpers';
import { createTestApp, type TestApp } from './test-app';
import {
  checkedValues,
  decodeEntities,
  errorSummary,
  h1s,
  hiddenFields,
  JourneyClient,
  redirectOf,
  summaryRows,
  textOf,
  type Draft,
} from './journey-helpers';

let t: TestApp;
let c: JourneyClient;

beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

const page = async (url: string) =>
  decodeEntities((await c.get(`${url}${url.includes('?') ? '&' : '?'}lang=en`)).text);

/** Thailand (a party to the Convention since 2013 in the data) notifies under the Convention. */
async function createNotification(): Promise<Draft> {
  const start = await page('/drafts/new');
  expect(h1s(start)).toEqual(['Start a new draft']);
  // Joining is selected to begin with.
  expect(checkedValues(start, 'purpose')).toEqual(['join']);
  const treatiesPage = redirectOf(await c.post('/drafts/new', { purpose: 'notify', party: 'TH' }));
  expect(treatiesPage).toBe('/drafts/new/treaties?party=TH&purpose=notify');
  const form = await page(treatiesPage);
  expect(h1s(form)).toEqual(['Under which treaties does Thailand make these notifications?']);
  expect(hiddenFields(form)).toMatchObject({ party: 'TH', purpose: 'notify' });
  const url = redirectOf(await c.post('/drafts', { party: 'TH', purpose: 'notify', treaties: ['untoc'] }));
  const id = /^\/drafts\/([A-Za-z0-9_-]+)$/.exec(url)![1]!;
  return { id, url };
}

test('the start asks what to draft; an unknown purpose is refused with a message, and nothing is created', async () => {
  const bad = await c.post('/drafts/new', { purpose: 'withdraw', party: 'TH' });
  expect(bad.status).toBe(400);
  expect(errorSummary(bad.text).map((e) => e.href)).toEqual(['#purpose']);
  // A form without the question (an older page) joins, as before.
  expect(redirectOf(await c.post('/drafts/new', { party: 'TH' }))).toBe('/drafts/new/treaties?party=TH');
});

test('a later notification: no instrument, the notification sections optional, titles that speak of it', async () => {
  const d = await createNotification();
  const api = await c.get(`/api/v1/drafts/${d.id}`);
  const pkg = (api.body as { package: { purpose: string; treaties: { instrument: unknown }[] } }).package;
  expect(pkg.purpose).toBe('notify');
  expect(pkg.treaties).toEqual([expect.objectContaining({ treaty: 'untoc', instrument: null })]);

  const tasks = await page(d.url);
  const text = textOf(tasks);
  expect(text).toContain('This draft holds notifications by a party');
  expect(text).toContain('Prepare the notifications');
  expect(text).toContain('Treaties the notifications concern');
  expect(text).toContain('Who signs the notification');
  expect(text).toContain('Reservations and the deposit: they go with an instrument');
  expect(tasks).not.toContain(`href="${d.url}/deposit"`);
  expect(tasks).not.toContain(`href="${d.url}/reservations"`);
  expect(tasks).toContain(`href="${d.url}/central-authorities"`);

  // The treaties page leads to when the party joined, not to an instrument.
  expect(redirectOf(await c.post(`${d.url}/treaties`, { treaties: ['untoc'] }))).toBe(
    `${d.url}/prior-consents`,
  );
  const consents = await page(`${d.url}/prior-consents`);
  expect(h1s(consents)).toEqual(['When did you join these treaties?']);
  // The data records Thailand's Convention consent: the page asks nothing of it, and says what it knows.
  expect(consents).not.toContain('name="prior-untoc-date-day"');

  const signing = await page(`${d.url}/signing`);
  expect(h1s(signing)).toEqual(['Where and when will the notification be signed?']);
  const signatory = await page(`${d.url}/signatory`);
  expect(textOf(signatory)).toContain('Another office');
  expect(textOf(signatory)).not.toContain('full powers are needed');
  // Another office asks for no full powers in a notification.
  expect(
    redirectOf(
      await c.post(`${d.url}/signatory`, {
        name: 'A. Person',
        signerTitle: 'Permanent Representative',
        office: 'other',
      }),
    ),
  ).toBe(d.url);
  redirectOf(
    await c.post(`${d.url}/signing`, {
      place: 'New York',
      'date-day': '1',
      'date-month': '12',
      'date-year': '2026',
    }),
  );
  redirectOf(
    await c.post(`${d.url}/party`, { formalName: 'the Kingdom of Thailand', documentLanguage: 'en' }),
  );

  // Nothing notified yet: check answers opens (no section started is held back), the documents say why
  // final ones wait.
  const ready = textOf(await page(d.url));
  expect(ready).toContain('Every section you have started is completed.');
  const documents = await page(`${d.url}/documents?mode=final`);
  expect(textOf(documents)).toContain('This notification makes no notification yet');
  expect(documents).not.toContain('/documents/instrument');

  // A central authority started without contact holds check answers back; completed, it is notified.
  redirectOf(
    await c.post(`${d.url}/authorities/new?role=untoc-18-13`, {
      roles: 'untoc-18-13',
      name: 'Office of the Attorney General',
      email: 'mla@example.th',
    }),
  );
  const check = await page(`${d.url}/check`);
  expect(check).toContain('Office of the Attorney General');
  const rows = summaryRows(check).map((r) => r.key);
  expect(rows).toContain('Which treaties do the notifications concern?');
  expect(rows.some((k) => /instrument will you deposit/i.test(k))).toBe(false);

  const notifications = await c.agent
    .get(`${d.url}/documents/notifications?mode=draft&doclang=en`)
    .buffer(true)
    .parse(binaryParser);
  expect(notifications.status).toBe(200);
  const body = await docxText(notifications.body as Buffer);
  expect(body).toContain('a party to the following treaties');
  expect(body).toContain('Office of the Attorney General');
  expect(body).not.toContain('On the deposit of its instruments');
  // No instrument to download.
  expect((await c.get(`${d.url}/documents/instrument?treaty=untoc&lang=en`)).status).toBe(404);
});

test('an instrument is not offered for a later notification: the instruments page does not apply', async () => {
  const d = await createNotification();
  const res = await c.get(`${d.url}/instruments?lang=en`);
  expect(res.status).not.toBe(200);
  expect(res.status).toBeLessThan(500);
});

test('a later notification withdraws the dispute-clause reservation on its own page, and says so', async () => {
  const d = await createNotification();
  const tasks = await page(d.url);
  expect(tasks).toContain(`href="${d.url}/withdrawals"`);
  const form = await page(`${d.url}/withdrawals`);
  expect(h1s(form)).toEqual(['Which reservations to the dispute settlement clauses do you withdraw?']);
  expect(textOf(form)).toContain('UNTOC art. 35(4)');
  expect(redirectOf(await c.post(`${d.url}/withdrawals`, { withdrawnReservations: 'untoc-35-3' }))).toBe(
    d.url,
  );
  const api = await c.get(`/api/v1/drafts/${d.id}`);
  expect(
    (api.body as { package: { withdrawnReservations: string[] } }).package.withdrawnReservations,
  ).toEqual(['untoc-35-3']);
  // A reservation of a treaty the notification does not concern is not offered, and refused if sent.
  const refused = await c.post(`${d.url}/withdrawals`, { withdrawnReservations: 'som-20-3' });
  expect(refused.status).toBe(400);
  expect(errorSummary(refused.text)).toHaveLength(1);
  // An instrument's draft has no such page.
  const join = redirectOf(await c.post('/drafts', { party: 'TH', treaties: ['som'] }));
  expect((await c.get(`${join}/withdrawals?lang=en`)).status).not.toBe(200);
});

test('a later notification offers only a declaration of territorial application (VCLT 29)', async () => {
  const d = await createNotification();
  expect(textOf(await page(d.url))).toContain('Territorial application (Vienna Convention, article 29)');
  const form = await page(`${d.url}/declarations/new`);
  expect(textOf(form)).toContain('Territorial application');
  for (const other of ['Interpretative declaration', 'Other declaration', 'Reservation (other than'])
    expect(textOf(form)).not.toContain(other);
  expect(
    redirectOf(
      await c.post(`${d.url}/declarations/new`, {
        treaties: 'untoc',
        kind: 'territorial',
        text: 'The Convention shall extend to Tokelau.',
      }),
    ),
  ).toBe(`${d.url}/declarations`);
  // An interpretative declaration sent anyway is refused with a message.
  const refused = await c.post(`${d.url}/declarations/new`, {
    treaties: 'untoc',
    kind: 'interpretative',
    text: 'The Republic understands article 5 as follows.',
  });
  expect(refused.status).toBe(400);
});
