/**
 * Two people on one draft, as two browsers (two cookie jars) on the real app and a real SQLite file: every
 * scenario the issue found losing work ends with nothing lost, and anything that collided reported.
 *
 *   1. the same page: B saves a field A did not touch -> merged, both kept, B told; the same field ->
 *      the conflict page with both values, B chooses, either way nothing is lost silently;
 *   2. remove by a stale position: B removes the entry B saw, whatever A removed meanwhile;
 *   3. edit by a stale position: B changes the entry B saw; an entry A removed meanwhile is a page that
 *      says so, shows what B typed and can add it again;
 *   4. add then remove, at once: both happen;
 *   5. two tabs of one browser on two pages, and on the same page;
 *   6. the API: PUT with a stale If-Match is 412, without one 428; a page save in between is not lost.
 */
import request from 'supertest';
import {
  createDraft,
  entryId,
  errorSummary,
  expectedString,
  formAction,
  h1s,
  hiddenFields,
  inputValue,
  JourneyClient,
  notice,
  redirectOf,
  revisionOf,
  summaryRows,
  textOf,
  type Draft,
} from './journey-helpers';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

/** The draft's package as stored in the SQLite file. */
function stored(draft: Draft) {
  const row = t.store.drafts.get(draft.id);
  if (!row) throw new Error('no draft');
  return {
    revision: row.revision,
    pkg: (JSON.parse(row.data) as { package: Record<string, unknown> }).package as {
      party: { formalName: string | null };
      documentLanguage: string;
      signing: { place: string | null };
      deposit: { place: string | null };
      authorities: { id: string; name: string }[];
    },
  };
}

const names = (draft: Draft) => stored(draft).pkg.authorities.map((a) => a.name);

async function twoBrowsers(treaties: readonly string[] = ['untoc']) {
  const a = new JourneyClient(t.app);
  const b = new JourneyClient(t.app);
  const draft = await createDraft(a, 'JP', treaties);
  return { a, b, draft };
}

async function addPrevention(client: JourneyClient, draft: Draft, name: string) {
  redirectOf(
    await client.submit(`${draft.url}/authorities/new?role=untoc-31-6`, { roles: 'untoc-31-6', name }),
  );
}

describe('1. the same page, open in two browsers', () => {
  test('B saves only the language after A saved a new formal name: both are kept, and B is told', async () => {
    const { a, b, draft } = await twoBrowsers();
    const pageA = await a.get(`${draft.url}/party`);
    const pageB = await b.get(`${draft.url}/party`);
    expect(revisionOf(pageA.text)).toBe(revisionOf(pageB.text));

    // The name starts as the UN's ("Japan"), as both pages show it.
    redirectOf(await a.send(pageA, { formalName: 'the State of Japan', documentLanguage: 'en' }));
    const saved = await b.send(pageB, { formalName: 'Japan', documentLanguage: 'fr' });
    const next = redirectOf(saved);
    expect(next).toBe(`${draft.url}?merged=1`);

    expect(stored(draft).pkg.party.formalName).toBe('the State of Japan');
    expect(stored(draft).pkg.documentLanguage).toBe('fr');
    const tasks = await b.get(next);
    expect(notice(tasks.text)).toEqual({
      title: expectedString('en', 'pages.merged.title'),
      lines: [expectedString('en', 'pages.merged.line')],
    });
  });

  test("B changes the same answer: a conflict page shows both; keeping B's answer saves it", async () => {
    const { a, b, draft } = await twoBrowsers();
    const pageA = await a.get(`${draft.url}/party`);
    const pageB = await b.get(`${draft.url}/party`);
    redirectOf(await a.send(pageA, { formalName: 'the State of Japan', documentLanguage: 'en' }));
    const before = stored(draft).revision;

    const conflict = await b.send(pageB, { formalName: 'Nippon', documentLanguage: 'fr' });
    expect(conflict.status).toBe(409);
    expect(h1s(conflict.text)).toEqual([expectedString('en', 'pages.conflict.title')]);
    // Nothing was written by the colliding save.
    expect(stored(draft).revision).toBe(before);
    const rows = summaryRows(conflict.text);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: expectedString('en', 'pages.conflict.yours'), value: 'Nippon' }),
        expect.objectContaining({
          key: expectedString('en', 'pages.conflict.saved'),
          value: 'the State of Japan',
        }),
      ]),
    );
    // Only the formal name collided: the language is not asked about.
    expect(textOf(conflict.text)).not.toContain(expectedString('en', 'pages.q.party.documentLanguage.label'));

    // Sent without a choice: asked again, still nothing saved.
    const unanswered = await b.send(conflict, {});
    expect(unanswered.status).toBe(400);
    expect(errorSummary(unanswered.text)).toHaveLength(1);
    expect(stored(draft).revision).toBe(before);

    redirectOf(await b.send(unanswered, { '_keep-0': 'mine' }));
    expect(stored(draft).pkg.party.formalName).toBe('Nippon');
    // B's other change (the language) went through with the choice.
    expect(stored(draft).pkg.documentLanguage).toBe('fr');
  });

  test("keeping the saved answer keeps A's, and B's other changes still go through", async () => {
    const { a, b, draft } = await twoBrowsers();
    const pageA = await a.get(`${draft.url}/party`);
    const pageB = await b.get(`${draft.url}/party`);
    redirectOf(await a.send(pageA, { formalName: 'the State of Japan', documentLanguage: 'en' }));
    const conflict = await b.send(pageB, { formalName: 'Nippon', documentLanguage: 'fr' });
    expect(conflict.status).toBe(409);
    redirectOf(await b.send(conflict, { '_keep-0': 'theirs' }));
    expect(stored(draft).pkg.party.formalName).toBe('the State of Japan');
    expect(stored(draft).pkg.documentLanguage).toBe('fr');
  });

  test('a choice made while a third save happened is merged again, never written over it', async () => {
    const { a, b, draft } = await twoBrowsers();
    const pageA = await a.get(`${draft.url}/party`);
    const pageB = await b.get(`${draft.url}/party`);
    redirectOf(await a.send(pageA, { formalName: 'First', documentLanguage: 'en' }));
    const conflict = await b.send(pageB, { formalName: 'Second', documentLanguage: 'en' });
    expect(conflict.status).toBe(409);
    // A changes the name again while B is choosing.
    redirectOf(await a.submit(`${draft.url}/party`, { formalName: 'Third', documentLanguage: 'en' }));
    const again = await b.send(conflict, { '_keep-0': 'mine' });
    expect(again.status).toBe(409);
    expect(summaryRows(again.text)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: expectedString('en', 'pages.conflict.saved'), value: 'Third' }),
      ]),
    );
    expect(stored(draft).pkg.party.formalName).toBe('Third');
  });
});

describe('2. remove by a stale position', () => {
  test('B removes the second authority after A removed the first: the second goes, the third stays', async () => {
    const { a, b, draft } = await twoBrowsers();
    for (const name of ['First Unit', 'Second Unit', 'Third Unit']) await addPrevention(a, draft, name);
    const second = entryId(t.store, draft, 'authorities', 1);
    const first = entryId(t.store, draft, 'authorities', 0);

    const removeB = await b.get(`${draft.url}/authorities/${second}/remove?role=untoc-31-6`);
    expect(h1s(removeB.text)[0]).toContain('Second Unit');
    redirectOf(
      await a.submit(`${draft.url}/authorities/${first}/remove?role=untoc-31-6`, { confirm: 'yes' }),
    );
    expect(names(draft)).toEqual(['Second Unit', 'Third Unit']);

    const done = redirectOf(await b.send(removeB, { confirm: 'yes' }));
    expect(done).toBe(`${draft.url}/prevention?merged=1`);
    expect(names(draft)).toEqual(['Third Unit']);
  });

  test('B removes an authority A changed meanwhile: asked again, showing the change; nothing removed yet', async () => {
    const { a, b, draft } = await twoBrowsers();
    await addPrevention(a, draft, 'Old Name');
    const id = entryId(t.store, draft, 'authorities', 0);
    const removeB = await b.get(`${draft.url}/authorities/${id}/remove?role=untoc-31-6`);
    redirectOf(
      await a.submit(`${draft.url}/authorities/${id}?role=untoc-31-6`, {
        roles: 'untoc-31-6',
        name: 'New Name',
      }),
    );
    const asked = await b.send(removeB, { confirm: 'yes' });
    expect(asked.status).toBe(409);
    expect(notice(asked.text)?.title).toBe(expectedString('en', 'pages.remove.changed.title'));
    expect(h1s(asked.text)[0]).toContain('New Name');
    expect(names(draft)).toEqual(['New Name']);
    // Confirmed again, from the page that showed the change: removed.
    redirectOf(await b.send(asked, { confirm: 'yes' }));
    expect(names(draft)).toEqual([]);
  });

  test('B removes an authority A already removed: told so, nothing else removed', async () => {
    const { a, b, draft } = await twoBrowsers();
    await addPrevention(a, draft, 'Only Unit');
    await addPrevention(a, draft, 'Other Unit');
    const id = entryId(t.store, draft, 'authorities', 0);
    const removeB = await b.get(`${draft.url}/authorities/${id}/remove?role=untoc-31-6`);
    redirectOf(await a.submit(`${draft.url}/authorities/${id}/remove?role=untoc-31-6`, { confirm: 'yes' }));
    const gone = await b.send(removeB, { confirm: 'yes' });
    expect(gone.status).toBe(404);
    expect(h1s(gone.text)).toEqual([expectedString('en', 'pages.entryGone.title.authorities')]);
    expect(names(draft)).toEqual(['Other Unit']);
  });
});

describe('3. edit by a stale position', () => {
  test('B changes the second authority after A removed the first: the second is changed, the third untouched', async () => {
    const { a, b, draft } = await twoBrowsers();
    for (const name of ['First Unit', 'Second Unit', 'Third Unit']) await addPrevention(a, draft, name);
    const [first, second] = [0, 1].map((i) => entryId(t.store, draft, 'authorities', i));
    const editB = await b.get(`${draft.url}/authorities/${second}?role=untoc-31-6`);
    expect(inputValue(editB.text, 'name')).toBe('Second Unit');
    redirectOf(
      await a.submit(`${draft.url}/authorities/${first}/remove?role=untoc-31-6`, { confirm: 'yes' }),
    );

    redirectOf(await b.send(editB, { roles: 'untoc-31-6', name: 'Second Unit, renamed' }));
    expect(names(draft)).toEqual(['Second Unit, renamed', 'Third Unit']);
  });

  test('B edits an authority A removed: a page says so, shows what B typed, and adds it again', async () => {
    const { a, b, draft } = await twoBrowsers();
    await addPrevention(a, draft, 'Removed Unit');
    const id = entryId(t.store, draft, 'authorities', 0);
    const editB = await b.get(`${draft.url}/authorities/${id}?role=untoc-31-6`);
    redirectOf(await a.submit(`${draft.url}/authorities/${id}/remove?role=untoc-31-6`, { confirm: 'yes' }));

    const gone = await b.send(editB, {
      roles: 'untoc-31-6',
      name: 'Typed Unit',
      email: 'typed@example.jp',
    });
    expect(gone.status).toBe(409);
    expect(h1s(gone.text)).toEqual([expectedString('en', 'pages.entryGone.title.authorities')]);
    expect(textOf(gone.text)).toContain('Typed Unit');
    expect(textOf(gone.text)).toContain('typed@example.jp');
    expect(names(draft)).toEqual([]);

    expect(formAction(gone.text)).toBe(`${draft.url}/authorities/new?role=untoc-31-6`);
    redirectOf(await b.send(gone, {}));
    expect(names(draft)).toEqual(['Typed Unit']);
    const added = stored(draft).pkg.authorities[0] as unknown as { id: string; email: string[] };
    expect(added.email).toEqual(['typed@example.jp']);
    // A new entry, under a new id: the removed one's address still names nothing.
    expect(added.id).not.toBe(id);
  });

  test('A and B change different fields of one authority: both kept; the same field: a conflict', async () => {
    const { a, b, draft } = await twoBrowsers();
    await addPrevention(a, draft, 'Unit');
    const id = entryId(t.store, draft, 'authorities', 0);
    const url = `${draft.url}/authorities/${id}?role=untoc-31-6`;
    const [pageA, pageB] = [await a.get(url), await b.get(url)];
    redirectOf(await a.send(pageA, { roles: 'untoc-31-6', name: 'Unit', email: 'a@example.jp' }));
    redirectOf(await b.send(pageB, { roles: 'untoc-31-6', name: 'Unit', phone: '+81 3 1234 5678' }));
    const merged = stored(draft).pkg.authorities[0] as unknown as { email: string[]; phone: string[] };
    expect(merged.email).toEqual(['a@example.jp']);
    expect(merged.phone).toEqual(['+81 3 1234 5678']);

    const [pageA2, pageB2] = [await a.get(url), await b.get(url)];
    redirectOf(await a.send(pageA2, { roles: 'untoc-31-6', name: 'Name A' }));
    const conflict = await b.send(pageB2, { roles: 'untoc-31-6', name: 'Name B' });
    expect(conflict.status).toBe(409);
    expect(names(draft)).toEqual(['Name A']);
  });
});

describe('4. add then remove, at the same time', () => {
  test("A adds an authority while B removes another: both happen, and neither page's save is lost", async () => {
    const { a, b, draft } = await twoBrowsers();
    await addPrevention(a, draft, 'Kept Unit');
    await addPrevention(a, draft, 'Removed Unit');
    const removed = entryId(t.store, draft, 'authorities', 1);
    const addA = await a.get(`${draft.url}/authorities/new?role=untoc-31-6`);
    const removeB = await b.get(`${draft.url}/authorities/${removed}/remove?role=untoc-31-6`);
    const [added, gone] = await Promise.all([
      a.send(addA, { roles: 'untoc-31-6', name: 'Added Unit' }),
      b.send(removeB, { confirm: 'yes' }),
    ]);
    redirectOf(added);
    redirectOf(gone);
    expect(names(draft).sort()).toEqual(['Added Unit', 'Kept Unit']);
  });

  test('two people add at once: both entries are kept', async () => {
    const { a, b, draft } = await twoBrowsers();
    const [pageA, pageB] = [
      await a.get(`${draft.url}/authorities/new?role=untoc-31-6`),
      await b.get(`${draft.url}/authorities/new?role=untoc-31-6`),
    ];
    redirectOf(await a.send(pageA, { roles: 'untoc-31-6', name: 'Unit A' }));
    redirectOf(await b.send(pageB, { roles: 'untoc-31-6', name: 'Unit B' }));
    expect(names(draft)).toEqual(['Unit A', 'Unit B']);
  });
});

describe('5. two tabs of one browser', () => {
  test('two pages saved in either order: both answers kept', async () => {
    const { a, draft } = await twoBrowsers();
    const signing = await a.get(`${draft.url}/signing`);
    const deposit = await a.get(`${draft.url}/deposit`);
    redirectOf(await a.send(deposit, { place: 'Geneva' }));
    redirectOf(await a.send(signing, { place: 'Tokyo' }));
    expect(stored(draft).pkg.signing.place).toBe('Tokyo');
    expect(stored(draft).pkg.deposit.place).toBe('Geneva');
  });

  test('the same page in two tabs with two different answers: the second tab gets the conflict', async () => {
    const { a, draft } = await twoBrowsers();
    const [tab1, tab2] = [await a.get(`${draft.url}/signing`), await a.get(`${draft.url}/signing`)];
    redirectOf(await a.send(tab1, { place: 'Tokyo' }));
    const conflict = await a.send(tab2, { place: 'Osaka' });
    expect(conflict.status).toBe(409);
    expect(stored(draft).pkg.signing.place).toBe('Tokyo');
    redirectOf(await a.send(conflict, { '_keep-0': 'mine' }));
    expect(stored(draft).pkg.signing.place).toBe('Osaka');
  });

  test('the same answer typed in both tabs is no conflict', async () => {
    const { a, draft } = await twoBrowsers();
    const [tab1, tab2] = [await a.get(`${draft.url}/signing`), await a.get(`${draft.url}/signing`)];
    redirectOf(await a.send(tab1, { place: 'Kyoto' }));
    redirectOf(await a.send(tab2, { place: 'Kyoto' }));
    expect(stored(draft).pkg.signing.place).toBe('Kyoto');
  });
});

describe('6. the API and a person on the pages', () => {
  test('PUT with a stale If-Match is 412 and loses the page save; with the new ETag it is saved', async () => {
    const { a, draft } = await twoBrowsers();
    const read = await request(t.app).get(`/api/v1/drafts/${draft.id}`);
    expect(read.status).toBe(200);
    const etag = read.headers.etag as string;
    const pkg = read.body.package as Record<string, unknown>;

    redirectOf(await a.submit(`${draft.url}/signing`, { place: 'Tokyo' }));

    const stale = await request(t.app)
      .put(`/api/v1/drafts/${draft.id}`)
      .set('If-Match', etag)
      .send({ ...pkg, deposit: { plannedOn: '2027-03-01', place: null } });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('precondition_failed');
    expect(stale.headers.etag).not.toBe(etag);
    expect(stored(draft).pkg.signing.place).toBe('Tokyo');

    const missing = await request(t.app)
      .put(`/api/v1/drafts/${draft.id}`)
      .send({ ...pkg, deposit: { plannedOn: '2027-03-01', place: null } });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('precondition_required');

    const fresh = await request(t.app).get(`/api/v1/drafts/${draft.id}`);
    const saved = await request(t.app)
      .put(`/api/v1/drafts/${draft.id}`)
      .set('If-Match', fresh.headers.etag as string)
      .send({ ...fresh.body.package, deposit: { plannedOn: '2027-03-01', place: null } });
    expect(saved.status).toBe(200);
    expect(saved.body.package.signing.place).toBe('Tokyo');
    expect(saved.body.package.deposit.plannedOn).toBe('2027-03-01');
    expect(saved.headers.etag).toBe(`"r${stored(draft).revision}"`);
  });

  test('a page opened before an API change merges with it', async () => {
    const { a, draft } = await twoBrowsers();
    const page = await a.get(`${draft.url}/signing`);
    const read = await request(t.app).get(`/api/v1/drafts/${draft.id}`);
    const put = await request(t.app)
      .put(`/api/v1/drafts/${draft.id}`)
      .set('If-Match', read.headers.etag as string)
      .send({ ...read.body.package, deposit: { plannedOn: '2027-03-01', place: null } });
    expect(put.status).toBe(200);
    expect(redirectOf(await a.send(page, { place: 'Tokyo' }))).toContain('merged=1');
    expect(stored(draft).pkg.signing.place).toBe('Tokyo');
    expect(stored(draft).pkg.deposit.place).toBeNull();
    const history = await request(t.app).get(`/api/v1/drafts/${draft.id}/history`);
    expect(history.body.revisions.map((r: { role: string; page: string }) => [r.role, r.page])).toEqual([
      ['drafter', 'new'],
      ['api', 'api'],
      ['drafter', 'signing'],
    ]);
    expect(history.body.revisions[1].paths).toEqual(['deposit.plannedOn']);
    expect(history.body.revisions[2].paths).toEqual(['signing.place']);
  });
});

test('the conflict page carries every answer as typed, and the revision it shows', async () => {
  const { a, b, draft } = await twoBrowsers();
  const pageA = await a.get(`${draft.url}/party`);
  const pageB = await b.get(`${draft.url}/party`);
  redirectOf(await a.send(pageA, { formalName: 'A', documentLanguage: 'en' }));
  const conflict = await b.send(pageB, { formalName: 'B <b>', documentLanguage: 'fr' });
  const hidden = hiddenFields(conflict.text);
  expect(hidden).toMatchObject({
    _resolve: '1',
    formalName: 'B <b>',
    documentLanguage: 'fr',
    '_group-0': 'formalName',
  });
  expect(hidden._revision).toBe(String(stored(draft).revision));
  expect(conflict.text).not.toContain('B <b>');
});
