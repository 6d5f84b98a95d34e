/**
 * Behaviours fixed after the first review of the journey (each was a bug found by a test writer):
 * the log masks a draft id whatever the case of the address, a competence text's error lands on its own
 * treaty's field, Back from a removal goes to the list, the declarations list and the authority form keep
 * the way back to check answers, the full-powers question is asked first when it newly applies from check
 * answers, and the treaties page shown again with an error has a language switcher that works.
 */
import { createTestApp, type TestApp } from './test-app';
import {
  createDraft,
  decodeEntities,
  errorSummary,
  inlineErrors,
  JourneyClient,
  redirectOf,
  summaryRows,
  switcherLinks,
  entryId,
} from './journey-helpers';

let t: TestApp;
let c: JourneyClient;

beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

test('the request log masks a draft id in an upper-case address too', async () => {
  const d = await createDraft(c, 'BT', ['untoc']);
  await c.get(`/DRAFTS/${d.id}/signing`);
  await c.get(`/Drafts/${d.id}`);
  expect(t.logLines.join('\n')).not.toContain(d.id);
  expect(t.logLines.some((l) => l.includes('"path":"/drafts/:id/signing"'))).toBe(true);
});

test('a competence text that is too long is reported on its own treaty’s field', async () => {
  const d = await createDraft(c, 'EU', ['untoc', 'tip']);
  const res = await c.post(`${d.url}/competence`, {
    'competence-untoc': 'Within the limits of its competence.',
    'competence-tip': 'x'.repeat(5001),
  });
  expect(res.status).toBe(400);
  expect(errorSummary(res.text).map((e) => e.href)).toEqual(['#competence-tip']);
  expect([...inlineErrors(res.text).keys()]).toEqual(['competence-tip']);
});

test('Back from removing an authority goes to its list', async () => {
  const d = await createDraft(c, 'BT', ['untoc']);
  redirectOf(
    await c.post(`${d.url}/authorities/new?role=untoc-31-6`, {
      roles: 'untoc-31-6',
      name: 'National Crime Prevention Board',
      addressLines: '1 Main Street',
    }),
  );
  const page = await c.get(
    `${d.url}/authorities/${entryId(t.store, d, 'authorities', 0)}/remove?role=untoc-31-6`,
  );
  expect(decodeEntities(page.text)).toContain(`<a class="back-link" href="${d.url}/prevention">`);
  expect((await c.get(`${d.url}/prevention`)).status).toBe(200);
});

test('the declarations list opened from check answers goes back there', async () => {
  const d = await createDraft(c, 'BT', ['untoc']);
  const page = await c.get(`${d.url}/declarations?return=check`);
  expect(page.text).toContain('<input type="hidden" name="return" value="check">');
  expect(redirectOf(await c.post(`${d.url}/declarations`, { return: 'check' }))).toBe(`${d.url}/check`);
});

test('an authority form opened from check answers has Back and Cancel to check answers', async () => {
  const d = await createDraft(c, 'BT', ['untoc']);
  redirectOf(
    await c.post(`${d.url}/authorities/new?role=untoc-18-13`, {
      roles: 'untoc-18-13',
      name: 'Office of the Attorney General',
      email: 'ag@example.org',
    }),
  );
  const page = decodeEntities(
    (
      await c.get(
        `${d.url}/authorities/${entryId(t.store, d, 'authorities', 0)}?role=untoc-18-13&return=check`,
      )
    ).text,
  );
  expect(page).toContain(`<a class="back-link" href="${d.url}/check">`);
  expect(page).toContain(`<a class="link" href="${d.url}/check">`);
});

test('from check answers, a signer who now needs full powers is asked for them first', async () => {
  const d = await createDraft(c, 'BT', ['untoc']);
  redirectOf(
    await c.post(`${d.url}/signatory`, {
      name: 'A. Minister',
      signerTitle: 'Minister for Foreign Affairs',
      office: 'minister-for-foreign-affairs',
    }),
  );
  const to = redirectOf(
    await c.post(`${d.url}/signatory`, {
      name: 'A. Ambassador',
      signerTitle: 'Permanent Representative',
      office: 'other',
      return: 'check',
    }),
  );
  expect(to).toBe(`${d.url}/full-powers?return=check`);
});

test('the treaties page shown again with an error keeps a working language switcher', async () => {
  await c.post('/drafts/new', { party: 'JP' });
  const res = await c.post('/drafts', { party: 'JP' });
  expect(res.status).toBe(400);
  const link = switcherLinks(res.text).find((l) => l.lang === 'fr');
  expect(link?.href).toBe('/drafts/new/treaties?party=JP&lang=fr');
  expect((await c.get(link!.href)).status).toBe(200);
});

test('a question page shown again with errors keeps return=check in the switcher', async () => {
  const d = await createDraft(c, 'BT', ['untoc']);
  const res = await c.post(`${d.url}/signing?lang=en`, {
    'date-day': '31',
    'date-month': '2',
    'date-year': '2027',
    return: 'check',
  });
  expect(res.status).toBe(400);
  expect(switcherLinks(res.text).find((l) => l.lang === 'fr')?.href).toBe(
    `${d.url}/signing?return=check&lang=fr`,
  );
});

test('check answers says what a blank answer means once its page was saved', async () => {
  const d = await createDraft(c, 'BT', ['untoc']);
  const rows = async () =>
    new Map(summaryRows((await c.get(`${d.url}/check?lang=en`)).text).map((r) => [r.key, r.value]));
  let before = await rows();
  expect(before.get('Place of deposit')).toBe('Not answered yet');
  redirectOf(await c.post(`${d.url}/reservations`, {}));
  redirectOf(
    await c.post(`${d.url}/deposit`, {
      'plannedOn-day': '15',
      'plannedOn-month': '1',
      'plannedOn-year': '2027',
      place: '',
    }),
  );
  redirectOf(
    await c.post(`${d.url}/signing`, { place: '', 'date-day': '', 'date-month': '', 'date-year': '' }),
  );
  before = await rows();
  expect(before.get('Place of deposit')).toBe('United Nations Headquarters, New York');
  expect(before.get('Place of signature')).toBe('Left blank, to complete by hand');
  expect(before.get('Date of signature')).toBe('Left blank, to complete by hand');
  expect([...before.values()]).toContain('None: no reservation to the dispute settlement clauses');
});

test('a fault of ours on a page is a 500 page, logged without the request’s content', async () => {
  const broken = createTestApp();
  const client = new JourneyClient(broken.app);
  try {
    const d = await createDraft(client, 'BT', ['untoc']);
    broken.store.close();
    const res = await client.get(`${d.url}/signing`);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Sorry, there is a problem with the service');
    const logged = broken.logLines.filter((l) => l.includes('unhandled_error'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('"path":"/drafts/:id/signing"');
    expect(broken.logLines.join('\n')).not.toContain(d.id);
  } finally {
    broken.close();
  }
});
