/**
 * Links for a translator and a reviewer (store/links.ts, journey/links.ts, journey/shared.ts), on the
 * real app and a real SQLite file, with two browsers: the drafter makes a link, which is shown once and
 * stored only as its hash; the translator opens it in another browser, translates, and never sees the
 * draft's address nor reaches a page its role does not open; the reviewer reads the checklist and the
 * documents only; a revoked link, a deleted draft and a made-up secret open nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { maskPath } from '../../server/http/log-path';
import {
  errorSummary,
  expectedString,
  h1s,
  hrefs,
  inputValue,
  JourneyClient,
  redirectOf,
  textOf,
  type Draft,
} from './journey-helpers';
import { createTestApp, draftThroughApi, samplePackage, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const bhutanDraft = (): Promise<Draft> => draftThroughApi(t.app, samplePackage('bhutan-accession'));

/** The drafter makes a link; its secret, read from the page that shows it once. */
async function makeLink(
  drafter: JourneyClient,
  draft: Draft,
  role: 'translator' | 'reviewer',
  label = '',
): Promise<{ token: string; page: string }> {
  const res = await drafter.submit(`${draft.url}/links`, { role, label });
  expect(res.status).toBe(201);
  const address = inputValue(res.text, 'address') ?? '';
  const m = /\/shared\/([A-Za-z0-9_-]{43})$/.exec(address);
  if (!m) throw new Error(`no link on the page: ${address}`);
  return { token: m[1]!, page: res.text };
}

describe('the drafter', () => {
  test('the task list links to the links page, which has none at first', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    expect(hrefs((await c.get(draft.url)).text)).toContain(`${draft.url}/links`);
    const res = await c.get(`${draft.url}/links`);
    expect(res.status).toBe(200);
    expect(h1s(res.text)).toEqual([expectedString('en', 'pages.links.title')]);
    expect(textOf(res.text)).toContain(expectedString('en', 'pages.links.none'));
  });

  test('a link is shown once, stored only as its hash, and listed with its label', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const { token, page } = await makeLink(c, draft, 'translator', 'French translation, Ms A.');
    expect(textOf(page)).toContain(expectedString('en', 'pages.links.onceWarning'));
    // 256 random bits; the database holds its SHA-256 and not the secret.
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(t.store.links.byHash(hash)).toMatchObject({
      draftId: draft.id,
      role: 'translator',
      revokedAt: null,
    });
    // Nor any file of the database (the SQLite file, its write-ahead log).
    const files = fs.readdirSync(t.dir).map((f) => path.join(t.dir, f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files)
      if (fs.statSync(f).isFile()) expect(fs.readFileSync(f).includes(Buffer.from(token))).toBe(false);

    const list = await c.get(`${draft.url}/links`);
    expect(textOf(list.text)).toContain('French translation, Ms A.');
    expect(textOf(list.text)).toContain(expectedString('en', 'pages.links.revoke', { role: 'translator' }));
    // Never shown again.
    expect(list.text).not.toContain(token);
  });

  test('no role, or a label too long, is a 400 with the fields named; no link is made', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const res = await c.submit(`${draft.url}/links`, { label: 'x'.repeat(81) });
    expect(res.status).toBe(400);
    expect(errorSummary(res.text).map((e) => e.href)).toEqual(['#role-translator', '#label']);
    expect(t.store.links.list(draft.id)).toEqual([]);
    const bad = await c.submit(`${draft.url}/links`, { role: 'owner' });
    expect(bad.status).toBe(400);
    expect(t.store.links.list(draft.id)).toEqual([]);
  });

  test('a form without its anti-forgery token makes no link', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const res = await c.post(`${draft.url}/links`, { role: 'translator' }, { token: null });
    expect(res.status).toBe(403);
    expect(t.store.links.list(draft.id)).toEqual([]);
  });
});

describe('the translator, in another browser', () => {
  test('opens the translation, translates, and never sees the draft address', async () => {
    const draft = await bhutanDraft();
    const drafter = new JourneyClient(t.app);
    const { token } = await makeLink(drafter, draft, 'translator');
    const translator = new JourneyClient(t.app);
    const base = `/shared/${token}`;
    expect(redirectOf(await translator.get(base))).toBe(`${base}/translate`);
    const overview = await translator.get(`${base}/translate`);
    expect(overview.status).toBe(200);
    expect(hrefs(overview.text)).toContain(`${base}/translate/fr`);
    const page = await translator.get(`${base}/translate/fr`);
    expect(page.status).toBe(200);
    for (const html of [overview.text, page.text]) expect(html).not.toContain(draft.id);

    expect(redirectOf(await translator.submit(`${base}/translate/fr`, { 'signing.place': 'Thimphou' }))).toBe(
      `${base}/translate`,
    );
    const row = t.store.drafts.get(draft.id);
    const pkg = (JSON.parse(row?.data ?? '{}') as { package: { translations: Record<string, unknown> } })
      .package;
    expect(pkg.translations.fr).toEqual({ 'signing.place': { text: 'Thimphou', source: 'Thimphu' } });
    // The record of saves says who saved.
    expect(t.store.revisions.list(draft.id).at(-1)).toMatchObject({
      role: 'translator',
      page: 'translate/fr',
    });
    // The answers for a translation tool, and the page to import them, through the link too.
    const xliff = await translator.getBytes(`${base}/translate/fr/xliff`);
    expect(xliff.res.status).toBe(200);
    expect(xliff.bytes.toString('utf8')).not.toContain(draft.id);
    const importPage = await translator.get(`${base}/translate/fr/xliff/import`);
    expect(importPage.status).toBe(200);
    expect(importPage.text).not.toContain(draft.id);
    // The documents, to see the translation printed, without the draft's address either.
    const documents = await translator.get(`${base}/documents?mode=draft&doclang=fr`);
    expect(documents.status).toBe(200);
    expect(documents.text).not.toContain(draft.id);
  });

  test('cannot open the answers, the export, the links or the deletion: a 403 page to the translation', async () => {
    const draft = await bhutanDraft();
    const { token } = await makeLink(new JourneyClient(t.app), draft, 'translator');
    const translator = new JourneyClient(t.app);
    const base = `/shared/${token}`;
    for (const path of ['party', 'signatory', 'check', 'export', 'links', 'delete', 'central-authorities']) {
      const res = await translator.get(`${base}/${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(h1s(res.text)).toEqual([expectedString('en', 'pages.errorPages.linkScope.title')]);
      expect(hrefs(res.text)).toContain(`${base}/translate`);
    }
    await translator.get(`${base}/translate`);
    const before = t.store.drafts.get(draft.id)?.revision;
    const post = await translator.post(`${base}/party`, { formalName: 'Druk Yul', documentLanguage: 'en' });
    expect(post.status).toBe(403);
    expect(t.store.drafts.get(draft.id)?.revision).toBe(before);
  });
});

describe('the reviewer', () => {
  test('reads the review, every answer, the history, the checklist and the documents, and changes no answer', async () => {
    const draft = await bhutanDraft();
    const { token } = await makeLink(new JourneyClient(t.app), draft, 'reviewer', 'Legal adviser');
    const reviewer = new JourneyClient(t.app);
    const base = `/shared/${token}`;
    expect(redirectOf(await reviewer.get(base))).toBe(`${base}/review`);
    for (const path of ['review', 'check', 'history']) {
      const page = await reviewer.get(`${base}/${path}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(draft.id);
    }
    const checklist = await reviewer.get(`${base}/checklist`);
    expect(checklist.status).toBe(200);
    expect(checklist.text).not.toContain(draft.id);
    expect((await reviewer.get(`${base}/documents`)).status).toBe(200);
    const download = await reviewer.getBytes(`${base}/documents/checklist?mode=draft&doclang=en`);
    expect(download.res.status).toBe(200);
    for (const path of ['translate', 'translate/fr', 'party', 'central-authorities', 'declarations', 'links'])
      expect((await reviewer.get(`${base}/${path}`)).status).toBe(403);
    const before = t.store.drafts.get(draft.id)?.revision;
    const post = await reviewer.post(`${base}/translate/fr`, { 'signing.place': 'Thimphou' });
    expect(post.status).toBe(403);
    expect(
      (await reviewer.post(`${base}/party`, { formalName: 'Druk Yul', documentLanguage: 'en' })).status,
    ).toBe(403);
    expect(t.store.drafts.get(draft.id)?.revision).toBe(before);
  });
});

describe('links that open nothing', () => {
  test('a revoked link opens nothing at once; revoking it again is a 404', async () => {
    const draft = await bhutanDraft();
    const drafter = new JourneyClient(t.app);
    const { token } = await makeLink(drafter, draft, 'translator');
    const translator = new JourneyClient(t.app);
    expect((await translator.get(`/shared/${token}/translate`)).status).toBe(200);

    const list = await drafter.get(`${draft.url}/links`);
    const action = /<form method="post" action="([^"]+\/revoke)"/.exec(list.text)?.[1] ?? '';
    expect(redirectOf(await drafter.post(action, {}))).toBe(`${draft.url}/links?revoked=1`);
    const gone = await translator.get(`/shared/${token}/translate`);
    expect(gone.status).toBe(404);
    expect(h1s(gone.text)).toEqual([expectedString('en', 'pages.errorPages.linkNotFound.title')]);
    expect(textOf((await drafter.get(`${draft.url}/links`)).text)).toMatch(/Revoked on \d/);
    expect((await drafter.post(action, {})).status).toBe(404);
  });

  test('a deleted draft takes its links with it', async () => {
    const draft = await bhutanDraft();
    const drafter = new JourneyClient(t.app);
    const { token } = await makeLink(drafter, draft, 'reviewer');
    redirectOf(await drafter.submit(`${draft.url}/delete`, {}));
    expect((await new JourneyClient(t.app).get(`/shared/${token}`)).status).toBe(404);
    expect(t.store.links.list(draft.id)).toEqual([]);
  });

  test('a made-up or malformed secret is the same page not found', async () => {
    const c = new JourneyClient(t.app);
    for (const token of ['A'.repeat(43), 'short', `${'B'.repeat(43)}x`, '%00'])
      expect((await c.get(`/shared/${token}/translate`)).status).toBe(404);
  });

  test('logs never hold a secret', () => {
    const token = 'Q'.repeat(20) + '_-' + 'z9'.repeat(10) + 'k';
    expect(maskPath(`/shared/${token}/translate/fr`)).toBe('/shared/:id/translate/fr');
  });
});
