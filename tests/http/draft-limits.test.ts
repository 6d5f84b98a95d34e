/**
 * The limit on creating drafts (server/http/limits.ts): one budget per client address for new and
 * imported drafts; the one over it is a 429 page in the reader's language saying when to try again, with
 * Retry-After; refused forms cost nothing; other addresses (behind a trusted proxy) and every other page
 * are not limited; the API answers a refusal in its JSON error format.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import request, { type Response } from 'supertest';
import { expectApiError } from './helpers';
import {
  createDraft,
  expectedString,
  h1s,
  JourneyClient,
  redirectOf,
  textOf,
  type Lang,
} from './journey-helpers';
import { createTestApp, FIXED_NOW, samplePackage, type TestApp, type TestOverrides } from './test-app';

const LIMIT = 3;

function draftCount(app: TestApp): number {
  const db = new Database(path.join(app.dir, 'test.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM drafts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The exported file of a draft, to import. */
async function exported(client: JourneyClient, url: string): Promise<Buffer> {
  const { res, bytes } = await client.getBytes(`${url}/export`);
  expect(res.status).toBe(200);
  return bytes;
}

/** Apps made by a test, closed after it. */
const opened: TestApp[] = [];
function app(overrides: TestOverrides = {}): TestApp {
  const made = createTestApp({ draftCreateLimit: { limit: LIMIT, windowMinutes: 10 }, ...overrides });
  opened.push(made);
  return made;
}
afterEach(() => {
  for (const made of opened.splice(0)) made.close();
});

/** express-rate-limit's checks must reach our log, never the console. */
let consoleCalls: jest.SpyInstance[] = [];
beforeEach(() => {
  consoleCalls = (['error', 'warn', 'log', 'info'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation(() => undefined),
  );
});
afterEach(() => {
  for (const spy of consoleCalls) {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  }
});

function expectRefusal(res: Response, lang: Lang) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(h1s(res.text)).toEqual([expectedString(lang, 'pages.errorPages.rateLimited.title')]);
  // The window is 10 minutes and began a moment ago: between 9 and 10 minutes to wait.
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(540);
  expect(retryAfter).toBeLessThanOrEqual(600);
  expect(res.headers.ratelimit).toMatch(/^"draft-creation"; r=0; t=\d+$/);
  expect(res.headers['ratelimit-policy']).toMatch(/^"draft-creation"; q=3; w=600; pk=:[^:]+:$/);
}

describe('one address creating drafts', () => {
  test(`the ${LIMIT + 1}th new draft is a 429 page saying when to try again, in English`, async () => {
    const t = app();
    const client = new JourneyClient(t.app);
    for (let i = 0; i < LIMIT; i++) await createDraft(client, 'BT', ['untoc']);
    expect(draftCount(t)).toBe(LIMIT);
    const res = await client.post('/drafts', { party: 'BT', treaties: 'untoc' });
    expectRefusal(res, 'en');
    // The app's clock says 12:00 UTC; the window ends in 10 minutes.
    expect(FIXED_NOW).toBe('2026-12-01T12:00:00Z');
    expect(textOf(res.text)).toContain('Try again after 12:10 UTC (in 10 minutes).');
    expect(draftCount(t)).toBe(LIMIT);
  });

  test('and in French with ?lang=fr', async () => {
    const t = app();
    const client = new JourneyClient(t.app);
    for (let i = 0; i < LIMIT; i++) await createDraft(client, 'FR', ['untoc']);
    const res = await client.post('/drafts?lang=fr', { party: 'FR', treaties: 'untoc' });
    expectRefusal(res, 'fr');
    expect(textOf(res.text)).toContain('Réessayez après 12:10 UTC (dans 10 minutes).');
    expect(res.text).toContain('<html lang="fr"');
  });

  test('new and imported drafts share the budget; an import over it is refused the same way', async () => {
    const t = app();
    const client = new JourneyClient(t.app);
    const first = await createDraft(client, 'BT', ['untoc']);
    const file = await exported(client, first.url);
    redirectOf(await client.upload('/drafts/import', { content: file }));
    redirectOf(await client.upload('/drafts/import', { content: file }));
    expect(draftCount(t)).toBe(LIMIT);
    expectRefusal(await client.upload('/drafts/import', { content: file }), 'en');
    expectRefusal(await client.post('/drafts', { party: 'BT', treaties: 'untoc' }), 'en');
    expect(draftCount(t)).toBe(LIMIT);
  });

  test('forms refused (a missing answer, a forgery, a bad file) cost nothing', async () => {
    const t = app();
    const client = new JourneyClient(t.app);
    for (let i = 0; i < LIMIT + 2; i++) {
      expect((await client.post('/drafts', { party: 'BT' })).status).toBe(400);
      expect((await client.post('/drafts', { party: 'BT', treaties: 'untoc' }, { token: null })).status).toBe(
        403,
      );
      expect(
        (
          await client.post(
            '/drafts',
            { party: 'BT', treaties: 'untoc' },
            { headers: { Origin: 'https://evil.example' } },
          )
        ).status,
      ).toBe(403);
      expect((await client.upload('/drafts/import', { content: '{"not": "a draft"}' })).status).toBe(400);
    }
    for (let i = 0; i < LIMIT; i++) await createDraft(client, 'BT', ['untoc']);
    expect(draftCount(t)).toBe(LIMIT);
  });

  test('the refusal itself costs nothing more: the same wait however often one tries', async () => {
    const t = app();
    const client = new JourneyClient(t.app);
    for (let i = 0; i < LIMIT; i++) await createDraft(client, 'BT', ['untoc']);
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/drafts', { party: 'BT', treaties: 'untoc' });
      expectRefusal(res, 'en');
    }
  });

  test('the pages that read and change drafts are never limited', async () => {
    const t = app();
    const client = new JourneyClient(t.app);
    const drafts = [];
    for (let i = 0; i < LIMIT; i++) drafts.push(await createDraft(client, 'BT', ['untoc']));
    expectRefusal(await client.post('/drafts', { party: 'BT', treaties: 'untoc' }), 'en');
    const draft = drafts[0]!;
    for (let i = 0; i < 10; i++) {
      for (const url of [
        '/',
        '/drafts/new',
        '/drafts/new/treaties?party=BT',
        '/drafts/import',
        draft.url,
        `${draft.url}/signing`,
        `${draft.url}/check`,
      ])
        expect((await client.get(url)).status).toBe(200);
      expect(redirectOf(await client.post('/drafts/new', { party: 'BT' }))).toBe(
        '/drafts/new/treaties?party=BT',
      );
      expect(redirectOf(await client.post(`${draft.url}/signing`, { place: `Paro ${i}` }))).toBe(draft.url);
    }
  });

  test('DRAFT_CREATE_LIMIT=0: no limit', async () => {
    const t = app({ draftCreateLimit: { limit: 0, windowMinutes: 10 } });
    const client = new JourneyClient(t.app);
    for (let i = 0; i < LIMIT * 3; i++) await createDraft(client, 'BT', ['untoc']);
    expect(draftCount(t)).toBe(LIMIT * 3);
  });
});

describe('client addresses behind a proxy', () => {
  const from = (t: TestApp, address: string) =>
    new JourneyClient(t.app, { 'X-Forwarded-For': `${address}, 127.0.0.1` });

  test('with TRUST_PROXY, each client behind the proxy has its own budget', async () => {
    // Trusts the proxies on this machine (supertest connects from loopback) and the second hop it names.
    const t = app({ trustProxy: ['loopback'] });
    const first = from(t, '203.0.113.7');
    for (let i = 0; i < LIMIT; i++) await createDraft(first, 'BT', ['untoc']);
    expectRefusal(await first.post('/drafts', { party: 'BT', treaties: 'untoc' }), 'en');
    const other = from(t, '198.51.100.20');
    await createDraft(other, 'BT', ['untoc']);
    // An IPv6 client of another network, then the first client again: still refused.
    await createDraft(from(t, '2001:db8:1::5'), 'BT', ['untoc']);
    expectRefusal(await first.post('/drafts', { party: 'BT', treaties: 'untoc' }), 'en');
    expect(draftCount(t)).toBe(LIMIT + 2);
    expect(t.logLines.filter((l) => l.includes('rate_limit_check'))).toEqual([]);
  });

  test('without TRUST_PROXY, X-Forwarded-For is not believed: a client cannot claim another address', async () => {
    const t = app();
    const spoofing = from(t, '198.51.100.99');
    await createDraft(spoofing, 'BT', ['untoc']);
    const client = new JourneyClient(t.app);
    for (let i = 1; i < LIMIT; i++) await createDraft(client, 'BT', ['untoc']);
    expectRefusal(await spoofing.post('/drafts', { party: 'BT', treaties: 'untoc' }), 'en');
    expectRefusal(await from(t, '198.51.100.100').post('/drafts', { party: 'BT', treaties: 'untoc' }), 'en');
    // express-rate-limit's warning (a proxy's header while no proxy is trusted: a proxy set up without
    // TRUST_PROXY would put every client in one budget) is in the log once, not on the console.
    const checks = t.logLines.filter((l) => l.includes('rate_limit_check'));
    expect(checks.map((l) => JSON.parse(l) as { level: string; code: string })).toEqual([
      expect.objectContaining({ level: 'error', code: 'ERR_ERL_UNEXPECTED_X_FORWARDED_FOR' }),
    ]);
  });

  test('an IPv6 client cannot step around the limit by changing the last bits of its address', async () => {
    const t = app({ trustProxy: ['loopback'] });
    for (let i = 0; i < LIMIT; i++) await createDraft(from(t, `2001:db8:1:2::${i + 1}`), 'BT', ['untoc']);
    expectRefusal(
      await from(t, '2001:db8:1:2:ffff::9').post('/drafts', { party: 'BT', treaties: 'untoc' }),
      'en',
    );
  });
});

describe('the API', () => {
  const sample = JSON.stringify(samplePackage('bhutan-accession'));
  const createViaApi = (target: TestApp, query = '') =>
    request(target.app).post(`/api/v1/drafts${query}`).set('Content-Type', 'application/json').send(sample);

  test('POST /api/v1/drafts over the limit: 429 rate_limited in its JSON format, with Retry-After', async () => {
    const a = app();
    for (let i = 0; i < LIMIT; i++) expect((await createViaApi(a)).status).toBe(201);
    const res = await createViaApi(a);
    const err = expectApiError(res, 429, 'rate_limited');
    expect(err.detail).toBe(
      'Too many new drafts from this address in a short time. Try again after 12:10 UTC (in 10 minutes); the Retry-After header gives the wait in seconds.',
    );
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(540);
    const fr = expectApiError(await createViaApi(a, '?lang=fr'), 429, 'rate_limited');
    expect(fr.detail).toMatch(/^Trop de nouveaux projets .* Réessayez après 12:10 UTC \(dans 10 minutes\)/);
    expect(draftCount(a)).toBe(LIMIT);
  });

  test('the pages and the API share one budget per address; an invalid package costs nothing', async () => {
    const a = app();
    const c = new JourneyClient(a.app);
    await createDraft(c, 'JP', ['untoc']);
    const invalid = await request(a.app)
      .post('/api/v1/drafts')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ party: { kind: 'state', code: 'XX' } }));
    expect(invalid.status).toBe(422);
    for (let i = 1; i < LIMIT; i++) expect((await createViaApi(a)).status).toBe(201);
    expectApiError(await createViaApi(a), 429, 'rate_limited');
    expectRefusal(await c.post('/drafts', { party: 'JP', treaties: 'untoc' }), 'en');
    // Reading and changing drafts over the API is not limited.
    const { body } = await request(a.app).get(`/api/v1/drafts/${draftIds(a)[0]}`);
    expect(body.package.party.code).toBe('JP');
  });
});

function draftIds(target: TestApp): string[] {
  const db = new Database(path.join(target.dir, 'test.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id FROM drafts ORDER BY created_at').all() as { id: string }[]).map(
      (r) => r.id,
    );
  } finally {
    db.close();
  }
}
