/**
 * Drafts over the JSON API (POST /api/v1/drafts, GET/PUT/DELETE /api/v1/drafts/{id}, history), and a
 * draft's lifetime on the pages: deleting one, the retention period said where drafts start, the size
 * limit of the database, opening pages never writing, and importing a package or a bundle's package.json.
 * All against the real app and a real SQLite file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import request from 'supertest';
import { PATHS } from '../../server/paths';
import { binaryParser } from './helpers';
import {
  createDraft,
  expectedString,
  h1s,
  JourneyClient,
  notice,
  redirectOf,
  textOf,
} from './journey-helpers';
import { createAppOnFile, createTestApp, samplePackage, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const bhutan = () => samplePackage('bhutan-accession');
const json = { 'Content-Type': 'application/json' };

async function createViaApi(app = t.app, body: unknown = bhutan()) {
  const res = await request(app).post('/api/v1/drafts').set(json).send(JSON.stringify(body));
  expect(res.status).toBe(201);
  return res;
}

describe('POST /api/v1/drafts', () => {
  test('creates a draft from a package: 201, Location, ETag "r1", the representation', async () => {
    const res = await createViaApi();
    const id = res.body.id as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(res.headers.location).toBe(`/api/v1/drafts/${id}`);
    expect(res.headers.etag).toBe('"r1"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      revision: 1,
      links: { self: `/api/v1/drafts/${id}`, page: `/drafts/${id}` },
      package: { party: { code: 'BT', formalName: 'the Kingdom of Bhutan' } },
    });
    // Entries sent without ids get random ones, never positional ("a1") ones.
    for (const a of res.body.package.authorities as { id: string }[])
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    // The person with the address finds it on the pages too.
    const page = await request(t.app).get(`/drafts/${id}`);
    expect(page.status).toBe(200);
  });

  test('accepts a draft representation ({ package }) as well as a package', async () => {
    const res = await createViaApi(t.app, { package: bhutan() });
    expect(res.body.package.party.code).toBe('BT');
  });

  test('an invalid package is a 422 with every issue, and creates nothing', async () => {
    const before = draftCount();
    const res = await request(t.app)
      .post('/api/v1/drafts')
      .set(json)
      .send(JSON.stringify({ ...bhutan(), party: { kind: 'state', code: 'XX' } }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid_package');
    expect(res.body.issues[0].path).toBe('party.code');
    expect(draftCount()).toBe(before);
  });

  test('two entries with the same id are refused, naming the list', async () => {
    const pkg = bhutan();
    const authorities = (pkg.authorities as Record<string, unknown>[]).map((a) => ({ ...a, id: 'same' }));
    const res = await request(t.app)
      .post('/api/v1/drafts')
      .set(json)
      .send(JSON.stringify({ ...pkg, authorities }));
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'schema.duplicateId', path: 'authorities' })]),
    );
  });
});

/** Drafts in the file, read with a second connection, as another program would. */
function draftCount(): number {
  const db = new Database(path.join(t.dir, 'test.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM drafts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('GET /api/v1/drafts/{id}', () => {
  test('the draft with its ETag; If-None-Match with it is a 304', async () => {
    const { body } = await createViaApi();
    const res = await request(t.app).get(`/api/v1/drafts/${body.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"r1"');
    expect(res.body.package).toEqual(body.package);
    const again = await request(t.app).get(`/api/v1/drafts/${body.id}`).set('If-None-Match', '"r1"');
    expect(again.status).toBe(304);
    const other = await request(t.app).get(`/api/v1/drafts/${body.id}`).set('If-None-Match', '"r9"');
    expect(other.status).toBe(200);
  });

  test.each(['AAAAAAAAAAAAAAAAAAAAAAAA', 'short', '../../etc/passwd'])(
    'an unknown or malformed id (%s) is a 404 in the request language',
    async (id) => {
      const res = await request(t.app).get(`/api/v1/drafts/${encodeURIComponent(id)}?lang=fr`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
      expect(res.body.detail).toBe(expectedString('fr', 'api.errors.draftNotFound'));
    },
  );
});

describe('PUT /api/v1/drafts/{id}', () => {
  test('replaces the package at the next revision, says what changed and what was cleared', async () => {
    const { body } = await createViaApi();
    const changed = {
      ...body.package,
      signing: { place: 'Paro', date: null },
      extradition: { conditionalOnTreaty: false, conventionAsLegalBasis: true },
    };
    const res = await request(t.app)
      .put(`/api/v1/drafts/${body.id}`)
      .set(json)
      .set('If-Match', '"r1"')
      .send(JSON.stringify(changed));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"r2"');
    expect(res.body.revision).toBe(2);
    // 16(5)(a) is asked only when extradition is conditional on a treaty: the answer is cleared.
    expect(res.body.cleared).toEqual(['conventionAsLegalBasis']);
    expect(res.body.package.extradition).toEqual({
      conditionalOnTreaty: false,
      conventionAsLegalBasis: null,
    });
    expect(res.body.changed).toEqual(
      expect.arrayContaining([
        'signing.place',
        'extradition.conditionalOnTreaty',
        'extradition.conventionAsLegalBasis',
      ]),
    );
  });

  test.each([
    ['no If-Match', undefined, 428, 'precondition_required'],
    ['If-Match: *', '*', 428, 'precondition_required'],
    ['a garbage If-Match', 'yesterday', 428, 'precondition_required'],
    ['two revisions', '"r1", "r2"', 428, 'precondition_required'],
    ['revision 0, which never is one', '"r0"', 428, 'precondition_required'],
    ['a future revision', '"r7"', 412, 'precondition_failed'],
  ])('%s: refused, nothing written', async (_label, header, status, code) => {
    const { body } = await createViaApi();
    let req = request(t.app).put(`/api/v1/drafts/${body.id}`).set(json);
    if (header !== undefined) req = req.set('If-Match', header);
    const res = await req.send(JSON.stringify({ ...body.package, signing: { place: 'X', date: null } }));
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    const now = await request(t.app).get(`/api/v1/drafts/${body.id}`);
    expect(now.headers.etag).toBe('"r1"');
    expect(now.body.package.signing.place).toBe('Thimphu');
  });

  test('a weak ETag is accepted', async () => {
    const { body } = await createViaApi();
    const res = await request(t.app)
      .put(`/api/v1/drafts/${body.id}`)
      .set(json)
      .set('If-Match', 'W/"r1"')
      .send(JSON.stringify({ ...body.package, signing: { place: 'Paro', date: null } }));
    expect(res.status).toBe(200);
  });

  test('an invalid package is a 422 and writes nothing', async () => {
    const { body } = await createViaApi();
    const res = await request(t.app)
      .put(`/api/v1/drafts/${body.id}`)
      .set(json)
      .set('If-Match', '"r1"')
      .send(JSON.stringify({ ...body.package, signing: { place: 'X', date: '2027-02-31' } }));
    expect(res.status).toBe(422);
    expect((await request(t.app).get(`/api/v1/drafts/${body.id}`)).headers.etag).toBe('"r1"');
  });

  test('a PUT that changes nothing keeps the revision', async () => {
    const { body } = await createViaApi();
    const res = await request(t.app)
      .put(`/api/v1/drafts/${body.id}`)
      .set(json)
      .set('If-Match', '"r1"')
      .send(JSON.stringify(body.package));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"r1"');
    expect(res.body.changed).toEqual([]);
  });
});

describe('DELETE /api/v1/drafts/{id}', () => {
  test('deletes the draft and its record; afterwards it is a 404 everywhere', async () => {
    const { body } = await createViaApi();
    const res = await request(t.app).delete(`/api/v1/drafts/${body.id}`);
    expect(res.status).toBe(204);
    expect((await request(t.app).get(`/api/v1/drafts/${body.id}`)).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/drafts/${body.id}/history`)).status).toBe(404);
    expect((await request(t.app).get(`/drafts/${body.id}`)).status).toBe(404);
    expect((await request(t.app).delete(`/api/v1/drafts/${body.id}`)).status).toBe(404);
  });

  test('with a stale If-Match: 412 and the draft stays', async () => {
    const { body } = await createViaApi();
    await request(t.app)
      .put(`/api/v1/drafts/${body.id}`)
      .set(json)
      .set('If-Match', '"r1"')
      .send(JSON.stringify({ ...body.package, signing: { place: 'Paro', date: null } }));
    const res = await request(t.app).delete(`/api/v1/drafts/${body.id}`).set('If-Match', '"r1"');
    expect(res.status).toBe(412);
    expect(res.headers.etag).toBe('"r2"');
    expect((await request(t.app).get(`/api/v1/drafts/${body.id}`)).status).toBe(200);
  });

  test('other methods are 405 with Allow', async () => {
    const { body } = await createViaApi();
    const res = await request(t.app).patch(`/api/v1/drafts/${body.id}`).set(json).send('{}');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, PUT, DELETE, OPTIONS');
    const list = await request(t.app).get('/api/v1/drafts');
    expect(list.status).toBe(405);
  });
});

describe('a draft on the pages: deleting it', () => {
  test('the task list links to a confirmation that offers the file first; deleting ends at the start page', async () => {
    const c = new JourneyClient(t.app);
    const d = await createDraft(c, 'JP', ['untoc']);
    const tasks = await c.get(d.url);
    expect(textOf(tasks.text)).toContain(expectedString('en', 'pages.tasks.deleteLink'));
    const confirm = await c.get(`${d.url}/delete`);
    expect(confirm.status).toBe(200);
    expect(h1s(confirm.text)).toEqual([expectedString('en', 'pages.delete.title')]);
    expect(confirm.text).toContain(`href="${d.url}/export"`);
    const done = redirectOf(await c.send(confirm, {}));
    expect(done).toBe('/?deleted=1');
    expect(notice((await c.get(done)).text)?.title).toBe(expectedString('en', 'pages.delete.done.title'));
    expect((await c.get(d.url)).status).toBe(404);
    expect(t.store.drafts.get(d.id)).toBeNull();
  });

  test('a draft changed since the confirmation was opened is not deleted: asked again', async () => {
    const a = new JourneyClient(t.app);
    const b = new JourneyClient(t.app);
    const d = await createDraft(a, 'JP', ['untoc']);
    const confirm = await b.get(`${d.url}/delete`);
    redirectOf(await a.submit(`${d.url}/signing`, { place: 'Tokyo' }));
    const again = await b.send(confirm, {});
    expect(again.status).toBe(409);
    expect(notice(again.text)?.title).toBe(expectedString('en', 'pages.delete.changed.title'));
    expect(t.store.drafts.get(d.id)).not.toBeNull();
    redirectOf(await b.send(again, {}));
    expect(t.store.drafts.get(d.id)).toBeNull();
  });

  test('the start page and the task list say how long an unchanged draft is kept, in each language', async () => {
    const app = createTestApp({ draftRetentionDays: 90 });
    try {
      const c = new JourneyClient(app.app);
      const d = await createDraft(c, 'JP', ['untoc']);
      for (const lang of ['en', 'fr'] as const) {
        const home = await c.get(`/?lang=${lang}`);
        expect(textOf(home.text)).toContain(expectedString(lang, 'pages.home.retention', { count: 90 }));
        const tasks = await c.get(`${d.url}?lang=${lang}`);
        expect(textOf(tasks.text)).toContain(expectedString(lang, 'pages.tasks.retention', { count: 90 }));
      }
    } finally {
      app.close();
    }
  });
});

describe('the size limit of the database', () => {
  test('once reached: 507 pages for a new draft and an import, 507 JSON for the API, the form kept on a save', async () => {
    const app = createTestApp();
    try {
      const c = new JourneyClient(app.app);
      const d = await createDraft(c, 'JP', ['untoc']);
      // The same file, served by an app whose limit is what the file already uses.
      const used = app.store.sizeBytes();
      app.store.close();
      const full = createAppOnFile(path.join(app.dir, 'test.sqlite'), { databaseMaxBytes: used });
      try {
        const b = new JourneyClient(full.app);
        const created = await b.post('/drafts', { party: 'JP', treaties: 'untoc' });
        expect(created.status).toBe(507);
        expect(h1s(created.text)).toEqual([expectedString('en', 'pages.errorPages.storageFull.title')]);
        const api = await request(full.app).post('/api/v1/drafts').set(json).send(JSON.stringify(bhutan()));
        expect(api.status).toBe(507);
        expect(api.body.code).toBe('storage_full');
        const imported = await b.upload('/drafts/import', { content: JSON.stringify(bhutan()) });
        expect(imported.status).toBe(507);
        const saved = await b.submit(`${d.url}/signing`, { place: 'Typed Place' });
        expect(saved.status).toBe(507);
        expect(textOf(saved.text)).toContain(expectedString('en', 'pages.errors.storageFull'));
        expect(saved.text).toContain('value="Typed Place"');
      } finally {
        full.store.close();
      }
    } finally {
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  });
});

describe('opening pages never writes', () => {
  test('every page of a filled draft, opened, leaves its row byte for byte as it was', async () => {
    const c = new JourneyClient(t.app);
    const d = await createDraft(c, 'JP', ['untoc', 'som', 'fp']);
    redirectOf(
      await c.submit(`${d.url}/authorities/new?role=untoc-18-13`, { roles: 'untoc-18-13', name: 'MoJ' }),
    );
    const before = t.store.drafts.get(d.id);
    const pages = [
      '',
      '/party',
      '/treaties',
      '/instruments',
      '/signatory',
      '/signing',
      '/extradition',
      '/central-authorities',
      '/prevention',
      '/maritime',
      '/firearms',
      '/languages',
      '/article5',
      '/law-copies',
      '/reservations',
      '/declarations',
      '/deposit',
      '/check',
      '/documents',
      '/checklist',
      '/export',
      '/delete',
      '/authorities/new?role=untoc-18-13',
    ];
    for (const p of pages) expect([200, 404]).toContain((await c.get(`${d.url}${p}`)).status);
    expect(t.store.drafts.get(d.id)).toEqual(before);
    expect((await request(t.app).get(`/api/v1/drafts/${d.id}/history`)).body.revisions).toHaveLength(2);
  });
});

describe('importing a package', () => {
  test("a bundle's package.json becomes a new draft with the sections it answers gone through", async () => {
    const bundle = await request(t.app)
      .post('/api/v1/documents/bundle')
      .set(json)
      .send(JSON.stringify(bhutan()))
      .buffer(true)
      .parse(binaryParser);
    const zip = await JSZip.loadAsync(bundle.body as Buffer);
    const packageJson = await zip.file('package.json')!.async('string');
    const c = new JourneyClient(t.app);
    const url = redirectOf(await c.upload('/drafts/import', { content: packageJson, name: 'package.json' }));
    expect(url).toMatch(/^\/drafts\/[A-Za-z0-9_-]{24}\?imported=1$/);
    const id = url.slice('/drafts/'.length, '/drafts/'.length + 24);
    const api = await request(t.app).get(`/api/v1/drafts/${id}`);
    expect(api.body.package).toEqual(JSON.parse(packageJson));
    const tasks = await c.get(`/drafts/${id}`);
    expect(tasks.text).toMatch(/id="task-party-status"><strong class="tag tag-completed">/);
  });

  test("the API's draft representation and a bare package import too; another JSON file does not", async () => {
    const c = new JourneyClient(t.app);
    const { body } = await createViaApi();
    redirectOf(await c.upload('/drafts/import', { content: JSON.stringify(body) }));
    redirectOf(await c.upload('/drafts/import', { content: JSON.stringify(bhutan()) }));
    const other = await c.upload('/drafts/import', { content: JSON.stringify({ hello: 'world' }) });
    expect(other.status).toBe(400);
    expect(textOf(other.text)).toContain(expectedString('en', 'pages.import.errors.not-a-draft'));
  });

  test('an invalid package says what is wrong with its first problem', async () => {
    const c = new JourneyClient(t.app);
    const res = await c.upload('/drafts/import', {
      content: fs.readFileSync(
        path.join(PATHS.root, 'tests/fixtures/packages/bad/schema-date-format/package.json'),
      ),
    });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toMatch(/not valid|problems/);
  });
});
