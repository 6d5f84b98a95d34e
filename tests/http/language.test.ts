/**
 * The request language: ?lang= when it names a supported language, else the best supported language of
 * Accept-Language (Express's req.acceptsLanguages), else English; Content-Language says which was chosen.
 */
import request from 'supertest';
import { expectApiError, postJson, postRaw } from './helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';
import { expectedString } from './journey-helpers';
import { inFrench } from '../support/translations';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

/** The language a response is in, read from a string the two languages say differently. */
async function treatiesLanguage(
  query: string,
  acceptLanguage?: string,
): Promise<{ header: unknown; name: string }> {
  let req = request(t.app).get(`/api/v1/treaties${query}`);
  if (acceptLanguage !== undefined) req = req.set('Accept-Language', acceptLanguage);
  const res = await req;
  expect(res.status).toBe(200);
  const name = (res.body as { treaties: Array<{ name: string }> }).treaties[0]?.name ?? '';
  return { header: res.headers['content-language'], name };
}

const EN_NAME = 'United Nations Convention against Transnational Organized Crime';
const FR_NAME = 'Convention des Nations Unies contre la criminalité transnationale organisée';

describe('?lang= and Accept-Language', () => {
  test.each([
    ['', undefined, 'en'],
    ['?lang=fr', undefined, 'fr'],
    ['?lang=en', 'fr', 'en'],
    ['?lang=fr', 'en', 'fr'],
    ['?lang=fr', 'en-GB,en;q=0.9', 'fr'],
    ['', 'fr', 'fr'],
    ['', 'fr-CH, fr;q=0.9', 'fr'],
    ['', 'fr-CA', 'fr'],
    ['', 'FR', 'fr'],
    ['', 'de-DE, fr;q=0.8, en;q=0.5', 'fr'],
    ['', 'en;q=0.1, fr;q=0.9', 'fr'],
    ['', 'fr;q=0, en', 'en'],
    ['', 'fr;q=0', 'en'],
    ['', 'de', 'en'],
    ['', 'de-DE, it;q=0.8', 'en'],
    ['', 'de-DE, es;q=0.8', 'es'],
    ['', '*', 'en'],
    ['', 'zh-Hant-TW, en;q=0.5', 'zh'],
    ['', 'es-419', 'es'],
    ['', 'en-US,en;q=0.9,ar;q=0.8', 'en'],
    ['', '*;q=0.5, ru', 'ru'],
    ['', ';;;,,,q=x', 'en'],
    ['?lang=de', undefined, 'en'],
    ['?lang=de', 'fr', 'fr'],
    ['?lang=', 'fr', 'fr'],
    ['?lang=../../etc/passwd', undefined, 'en'],
    ['?lang=FR', undefined, 'fr'],
    ['?lang=fr&lang=en', 'fr', 'fr'],
  ])('GET /api/v1/treaties%s with Accept-Language %j is in %s', async (query, acceptLanguage, expected) => {
    const { header, name } = await treatiesLanguage(query, acceptLanguage);
    expect(header).toBe(expected);
    expect(name).toBe(
      expected === 'fr'
        ? FR_NAME
        : expected === 'en'
          ? EN_NAME
          : expectedString(expected as 'es' | 'zh' | 'ru', 'legal:treaties.untoc.name'),
    );
  });

  test('?lang= wins over Accept-Language on pages, /validate and errors', async () => {
    const page = await request(t.app).get('/?lang=en').set('Accept-Language', 'fr');
    expect(page.text).toContain('<html lang="en"');
    expect(page.headers['content-language']).toBe('en');

    const validated = await postJson(t.app, '/api/v1/validate?lang=fr', samplePackage('bhutan-accession'), {
      'Accept-Language': 'en',
    });
    expect(validated.headers['content-language']).toBe('fr');
    expect(
      (validated.body as { entryIntoForce: Array<{ dateLabel: string }> }).entryIntoForce[0]?.dateLabel,
    ).toBe('14 février 2027');

    const notFound = await request(t.app).get('/api/v1/nothing?lang=en').set('Accept-Language', 'fr');
    expect(expectApiError(notFound, 404, 'not_found').detail).toMatch(/^There is nothing/);
    expect(notFound.headers['content-language']).toBe('en');

    const malformed = await postRaw(t.app, '/api/v1/validate?lang=fr', '{', {
      'Content-Type': 'application/json',
      'Accept-Language': 'en',
    });
    expect(expectApiError(malformed, 400, 'malformed_json').detail).toMatch(/^Le corps de la requête/);
  });

  test('an unsupported language falls back to English: pages, /validate and errors', async () => {
    const page = await request(t.app).get('/').set('Accept-Language', 'it-IT, de;q=0.5');
    expect(page.text).toContain('<html lang="en"');
    const validated = await postJson(t.app, '/api/v1/validate?lang=it', samplePackage('bhutan-accession'));
    expect(validated.status).toBe(200);
    expect(validated.headers['content-language']).toBe('en');
    expect(
      (validated.body as { entryIntoForce: Array<{ dateLabel: string }> }).entryIntoForce[0]?.dateLabel,
    ).toBe('14 February 2027');
    const unsupported = await postRaw(t.app, '/api/v1/validate', 'x', {
      'Content-Type': 'text/plain',
      'Accept-Language': 'pt',
    });
    expect(expectApiError(unsupported, 415, 'unsupported_media_type').detail).toMatch(
      /^Send the package as JSON/,
    );
    expect(unsupported.headers['content-language']).toBe('en');
  });

  test('documents accept only the six languages for ?lang=', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/checklist?lang=it', samplePackage('bhutan-accession')),
      400,
      'invalid_parameter',
    );
    expect(err.detail).toBe('The parameter lang must be one of: ar, zh, en, fr, ru, es.');
  });

  test('Content-Language and Vary: Accept-Language on every kind of response', async () => {
    const responses = await Promise.all([
      request(t.app).get('/').set('Accept-Language', 'fr'),
      request(t.app).get('/api/v1').set('Accept-Language', 'fr'),
      request(t.app).get('/api/v1/health').set('Accept-Language', 'fr'),
      request(t.app).get('/api/v1/schema').set('Accept-Language', 'fr'),
      request(t.app).get('/api/v1/states').set('Accept-Language', 'fr'),
      request(t.app).get('/nope').set('Accept-Language', 'fr'),
      postJson(t.app, '/api/v1/validate', {}, { 'Accept-Language': 'fr' }),
    ]);
    for (const res of responses) {
      expect(res.headers['content-language']).toBe('fr');
      expect(res.headers.vary).toMatch(/\bAccept-Language\b/i);
    }
  });

  test('error messages of every kind exist in French and differ from English', async () => {
    const send = (lang: string) =>
      Promise.all([
        postRaw(t.app, `/api/v1/validate?lang=${lang}`, '{', { 'Content-Type': 'application/json' }),
        postRaw(t.app, `/api/v1/validate?lang=${lang}`, 'x', { 'Content-Type': 'text/plain' }),
        postJson(t.app, `/api/v1/validate?lang=${lang}`, {}),
        postJson(t.app, `/api/v1/documents/instrument?lang=${lang}&mode=xyz`, {}),
        postJson(t.app, `/api/v1/documents/instrument?lang=${lang}`, samplePackage('bhutan-accession')),
        postJson(
          t.app,
          `/api/v1/documents/instrument?lang=${lang}&treaty=fp`,
          samplePackage('bhutan-accession'),
        ),
        postJson(t.app, `/api/v1/documents/full-powers?lang=${lang}`, samplePackage('bhutan-accession')),
        // Translated into French, so that both languages refuse it for the same reasons.
        postJson(
          t.app,
          `/api/v1/documents/checklist?lang=${lang}&mode=final`,
          inFrench({ ...samplePackage('bhutan-accession'), signatory: { office: 'other' } }),
        ),
        request(t.app).get(`/api/v1/nope?lang=${lang}`),
      ]);
    const [en, fr] = await Promise.all([send('en'), send('fr')]);
    en.forEach((res, i) => {
      type Problem = { code: string; title: string; detail: string; issues: Array<{ message: string }> };
      const enBody = res.body as Problem;
      const frBody = fr[i]?.body as Problem;
      expect(frBody.code).toBe(enBody.code);
      expect(frBody.title).not.toBe(enBody.title);
      expect(frBody.detail).not.toBe(enBody.detail);
      expect(frBody.issues.map((x) => x.message)).toHaveLength(enBody.issues.length);
      enBody.issues.forEach((issue, k) => expect(frBody.issues[k]?.message).not.toBe(issue.message));
    });
  });
});
