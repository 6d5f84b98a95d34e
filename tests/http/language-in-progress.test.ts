/**
 * A language whose translation of the service's strings is in progress (server/i18n missingUnits): the
 * locale files copied to a temporary folder with Spanish strings taken out, and the real app started on
 * them. Its pages show English where a string is missing and say the translation is in progress; final
 * documents in it are refused (API 422, the documents page's list); draft documents are still made. The
 * six shipped languages are complete (tests/unit/i18n/locales.test.ts keeps them so), so none says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createI18n, type I18n } from '../../server/i18n';
import { PATHS } from '../../server/paths';
import { expectApiError, postJson } from './helpers';
import { expectedString, JourneyClient, textOf } from './journey-helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';
import { translatedPackage } from '../support/translations';

let dir: string;
let halfSpanish: I18n;
let t: TestApp;
let complete: TestApp;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accession-locales-'));
  fs.cpSync(PATHS.locales, dir, { recursive: true });
  const file = path.join(dir, 'es', 'common.json');
  const es = JSON.parse(fs.readFileSync(file, 'utf8')) as { pages: { home: Record<string, unknown> } };
  delete es.pages.home.lead;
  fs.writeFileSync(file, JSON.stringify(es));
  halfSpanish = createI18n(dir);
  t = createTestApp({ i18n: halfSpanish });
  complete = createTestApp();
});
afterAll(() => {
  t.close();
  complete.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Bhutan, its answers "translated" into Spanish as written, so that only the language can block. */
const bhutanInSpanish = () => translatedPackage(samplePackage('bhutan-accession'), 'es', (s) => s);

test('the missing units are counted; the shipped languages miss none', () => {
  expect(halfSpanish.missingUnits('es')).toBe(1);
  expect(halfSpanish.missingUnits('fr')).toBe(0);
  const shipped = createI18n(PATHS.locales);
  for (const lng of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const) expect(shipped.missingUnits(lng)).toBe(0);
});

test('a page in the language shows the missing string in English, and says the translation is in progress', async () => {
  const res = await request(t.app).get('/?lang=es');
  expect(res.status).toBe(200);
  expect(textOf(res.text)).toContain(expectedString('en', 'pages.home.lead'));
  expect(textOf(res.text)).toContain(expectedString('es', 'pages.inProgress', { language: 'español' }));
  // French, complete, says nothing of the kind; nor does Spanish where it is complete.
  const fr = await request(t.app).get('/?lang=fr');
  expect(textOf(fr.text)).not.toContain(expectedString('fr', 'pages.inProgress', { language: 'français' }));
  const es = await request(complete.app).get('/?lang=es');
  expect(textOf(es.text)).not.toContain(expectedString('es', 'pages.inProgress', { language: 'español' }));
});

test('final documents in the language are refused, naming why; drafts are made', async () => {
  const err = expectApiError(
    await postJson(t.app, '/api/v1/documents/instrument?treaty=untoc&lang=es&mode=final', bhutanInSpanish()),
    422,
    'final_refused',
  );
  expect(err.issues.map((i) => i.code)).toEqual(['language.inProgress']);
  const draft = await postJson(
    t.app,
    '/api/v1/documents/instrument?treaty=untoc&lang=es&mode=draft',
    bhutanInSpanish(),
  );
  expect(draft.status).toBe(200);
  // The same package, complete Spanish: final.
  const final = await postJson(
    complete.app,
    '/api/v1/documents/instrument?treaty=untoc&lang=es&mode=final',
    bhutanInSpanish(),
  );
  expect(final.status).toBe(200);
});

test('the documents page blocks final documents in the language, linking to where the translations stand', async () => {
  const created = await request(t.app)
    .post('/api/v1/drafts')
    .set({ 'Content-Type': 'application/json' })
    .send(bhutanInSpanish());
  const id = (created.body as { id: string }).id;
  const c = new JourneyClient(t.app);
  const res = await c.get(`/drafts/${id}/documents?mode=final&doclang=es`);
  expect(textOf(res.text)).toContain(expectedString('en', 'pages.documents.blockedTitle'));
  expect(textOf(res.text)).toContain(
    expectedString('en', 'legal:language.inProgress', { language: 'Spanish' }),
  );
  expect(res.text).toContain('href="/translations"');
});
