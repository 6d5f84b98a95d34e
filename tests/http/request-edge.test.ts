/**
 * The request edge: whatever a page POST's body is (too many fields, too large, declared compressed but
 * not, an unknown encoding or charset), the answer is a 4xx page in the reader's language, as the API
 * answers JSON, never a 500 and never a stack in the log; and the request log never holds a draft's id,
 * however its address is written.
 */
import zlib from 'node:zlib';
import fc from 'fast-check';
import request, { type Response } from 'supertest';
import { expectApiError, postRaw } from './helpers';
import {
  createDraft,
  expectedString,
  formBody,
  h1s,
  htmlLangDir,
  JourneyClient,
  type Draft,
  type Lang,
} from './journey-helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';

let t: TestApp;
let c: JourneyClient;
let draft: Draft;
beforeAll(async () => {
  t = createTestApp();
  c = new JourneyClient(t.app);
  draft = await createDraft(c, 'BT', ['untoc']);
});
afterAll(() => t.close());

const FORM = 'application/x-www-form-urlencoded';

/** POST a body as it is (not serialized) with the browser's cookies, so the anti-forgery check passes if it is read. */
async function postPage(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  await c.csrf();
  return c.agent
    .post(url)
    .set({ 'Content-Type': FORM, ...headers })
    .serialize((raw: unknown) => raw as string)
    .send(body);
}

/** A form with the token and `count` fields besides. */
async function formWithFields(count: number): Promise<string> {
  const fields: Record<string, string> = { _csrf: await c.csrf() };
  for (let i = 0; i < count; i++) fields[`field${i}`] = 'x';
  return formBody(fields);
}

/** The browser back in English after a page asked in French (?lang= is remembered in a cookie). */
const backToEnglish = () => c.get('/?lang=en');

function expectErrorPage(res: Response, status: number, key: string, lang: Lang = 'en') {
  expect({ status: res.status, h1: res.text ? h1s(res.text) : [] }).toEqual({
    status,
    h1: [expectedString(lang, `pages.errorPages.${key}.title`)],
  });
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(htmlLangDir(res.text)?.lang).toBe(lang);
  expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  expect(res.text).not.toContain('node_modules');
}

/** The log lines since `from`, none an unhandled error nor holding a stack frame. */
function expectQuietLog(from: number) {
  const lines = t.logLines.slice(from);
  expect(lines.filter((l) => l.includes('unhandled_error'))).toEqual([]);
  expect(lines.join('')).not.toMatch(/node_modules|\.js:\d+|\.ts:\d+/);
}

describe('a page POST with more fields than any form has', () => {
  test.each([
    ['the new-draft page', () => '/drafts/new'],
    ['creating a draft', () => '/drafts'],
    ['a question page', () => `${draft.url}/signing`],
    ['adding an authority', () => `${draft.url}/authorities/new?role=untoc-18-13`],
  ])('%s: a 413 page, in English and in French, with nothing logged but the request', async (_l, url) => {
    const from = t.logLines.length;
    const body = await formWithFields(600);
    expectErrorPage(await postPage(url(), body), 413, 'tooManyFields');
    const fr = await postPage(`${url()}${url().includes('?') ? '&' : '?'}lang=fr`, body);
    expectErrorPage(fr, 413, 'tooManyFields', 'fr');
    await backToEnglish();
    expectQuietLog(from);
  });

  test('500 fields are read (the limit is not lower than the forms need)', async () => {
    const res = await postPage(`${draft.url}/signing`, await formWithFields(499));
    expect(res.status).toBe(303);
  });
});

describe('a page POST whose body cannot be read', () => {
  test.each([
    ['gzip', 'gzip', 'party=BT'],
    ['deflate', 'deflate', 'party=BT'],
    ['br', 'br', '\u0000\u00ff garbage'],
  ])('declared %s but not compressed: a 400 page', async (_label, encoding, body) => {
    const from = t.logLines.length;
    expectErrorPage(await postPage('/drafts/new', body, { 'Content-Encoding': encoding }), 400, 'badRequest');
    expectErrorPage(
      await postPage(`${draft.url}/signing?lang=fr`, body, { 'Content-Encoding': encoding }),
      400,
      'badRequest',
      'fr',
    );
    await backToEnglish();
    expectQuietLog(from);
  });

  test('a form correctly gzipped is read', async () => {
    const body = zlib.gzipSync(formBody({ _csrf: await c.csrf(), place: 'Thimphu' }));
    const res = await postPage(`${draft.url}/signing`, body, { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(303);
  });

  test.each([
    ['an unknown Content-Encoding', { 'Content-Encoding': 'x-zip' }],
    ['an unknown charset', { 'Content-Type': `${FORM}; charset=ebcdic-cp-us` }],
    ['two encodings (body-parser reads one)', { 'Content-Encoding': 'gzip, gzip' }],
  ])('%s: a 415 page', async (_label, headers) => {
    const from = t.logLines.length;
    expectErrorPage(await postPage('/drafts/new', 'party=BT', headers), 415, 'unsupportedEncoding');
    expectErrorPage(
      await postPage('/drafts/new?lang=fr', 'party=BT', headers),
      415,
      'unsupportedEncoding',
      'fr',
    );
    await backToEnglish();
    expectQuietLog(from);
  });

  test('a body over the limit: a 413 page', async () => {
    const from = t.logLines.length;
    const body = formBody({ _csrf: await c.csrf(), place: 'x'.repeat(300 * 1024) });
    expectErrorPage(await postPage(`${draft.url}/signing`, body), 413, 'tooLarge');
    expectQuietLog(from);
  });

  test('an address that does not decode: a 404 page', async () => {
    const from = t.logLines.length;
    expectErrorPage(await c.get('/drafts/%zz'), 404, 'notFound');
    expectErrorPage(await c.get('/drafts/%E0%A4%A/signing?lang=fr'), 404, 'notFound', 'fr');
    await backToEnglish();
    expectQuietLog(from);
  });
});

describe('the API answers the same mistakes with its JSON errors', () => {
  const JSON_TYPE = { 'Content-Type': 'application/json' };
  const body = JSON.stringify(samplePackage('bhutan-accession'));

  test.each([
    ['gzip', 'gzip'],
    ['deflate', 'deflate'],
    ['br', 'br'],
  ])('declared %s but not compressed: 400 bad_request', async (_label, encoding) => {
    const from = t.logLines.length;
    const res = await postRaw(t.app, '/api/v1/validate', body, {
      ...JSON_TYPE,
      'Content-Encoding': encoding,
    });
    expectApiError(res, 400, 'bad_request');
    expectQuietLog(from);
  });

  test('garbage declared br, in French', async () => {
    const res = await postRaw(t.app, '/api/v1/validate?lang=fr', Buffer.from([0, 255, 1, 254]), {
      ...JSON_TYPE,
      'Content-Encoding': 'br',
    });
    expect(expectApiError(res, 400, 'bad_request').detail).toMatch(/^La requête n'a pas pu être lue/);
  });

  test('an unknown encoding: 415 unsupported_media_type', async () => {
    expectApiError(
      await postRaw(t.app, '/api/v1/validate', body, { ...JSON_TYPE, 'Content-Encoding': 'x-zip' }),
      415,
      'unsupported_media_type',
    );
  });

  test('an address that does not decode: 404 not_found', async () => {
    expectApiError(await postRaw(t.app, '/api/v1/documents/%zz', body, JSON_TYPE), 404, 'not_found');
  });
});

describe('no body, header or address a request sends makes a 500 (property)', () => {
  const ENCODINGS = ['', 'gzip', 'deflate', 'br', 'x-zip', 'gzip, br', 'identity', 'GZIP'];
  const TYPES = [
    FORM,
    `${FORM}; charset=utf-8`,
    `${FORM}; charset=x-unknown`,
    'multipart/form-data; boundary=xyz',
    'multipart/form-data',
    'application/json',
    'text/plain',
    '',
  ];
  const URLS = [
    () => '/drafts/new',
    () => '/drafts',
    () => '/drafts/import',
    () => `${draft.url}/signing`,
    () => `${draft.url}/authorities/new?role=untoc-18-13`,
    () => `${draft.url}/declarations/new`,
    () => '/api/v1/validate',
    () => '/drafts/%zz/signing',
    () => '/',
  ];
  const BODIES = fc.oneof(
    fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
    fc.string({ maxLength: 200 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 30 }).map(formBody),
    fc.constant(''),
    fc.constant('a=1&'.repeat(700)),
    fc.constant('%zz=%E0%A4%A&_csrf=%'),
    fc.string({ maxLength: 200 }).map((s) => zlib.gzipSync(s)),
  );

  test('every answer is below 500, and no unhandled error is logged', async () => {
    const from = t.logLines.length;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...URLS),
        BODIES,
        fc.constantFrom(...ENCODINGS),
        fc.constantFrom(...TYPES),
        fc.boolean(),
        async (url, body, encoding, type, withCookies) => {
          const headers: Record<string, string> = {};
          if (encoding) headers['Content-Encoding'] = encoding;
          if (type) headers['Content-Type'] = type;
          const agent = withCookies ? c.agent : request(t.app);
          const res = await agent
            .post(url())
            .set(headers)
            .serialize((raw: unknown) => raw as string)
            .send(body);
          if (res.status >= 500) throw new Error(`${url()} ${JSON.stringify(headers)}: ${res.status}`);
        },
      ),
      { numRuns: 150 },
    );
    expectQuietLog(from);
  });
});

describe('the request log never holds a draft id', () => {
  test('whatever the shape of the address', async () => {
    const app = createTestApp();
    try {
      const browser = new JourneyClient(app.app);
      const { id } = await createDraft(browser, 'BT', ['untoc']);
      const escaped = (s: string) => [...s].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join('');
      const paths = [
        `//drafts/${id}`,
        `/%64rafts/${id}`,
        `/DRAFTS/${id}`,
        `/drafts/${id}/authorities/x`,
        `/x/${id}`,
        `/drafts/${escaped(id.slice(0, 4))}${id.slice(4)}`,
        `/drafts/${escaped(id)}/signing`,
        `/drafts/${id}%2Fexport`,
        `/drafts/%zz${id}`,
        `/drafts/${id.slice(0, 12)}%zz${id.slice(12)}`,
        `/api/v1/${id}`,
        `/assets/${id}`,
      ];
      for (const path of paths) {
        const res = await browser.get(path);
        expect(res.status).toBeLessThan(500);
        await browser.post(path, { place: 'x' });
      }
      const log = app.logLines.join('\n');
      expect(app.logLines.length).toBeGreaterThanOrEqual(paths.length * 2);
      for (const piece of [id, id.slice(0, 12), id.slice(12)])
        expect(log.toLowerCase()).not.toContain(piece.toLowerCase());
      const logged = app.logLines.map((l) => (JSON.parse(l) as { path?: string }).path);
      expect(logged).toEqual(
        expect.arrayContaining([
          '//drafts/:id',
          '/drafts/:id',
          '/drafts/:id/authorities/x',
          '/x/:id',
          '/drafts/:id/signing',
          '/drafts/:id/export',
        ]),
      );
    } finally {
      app.close();
    }
  });
});
