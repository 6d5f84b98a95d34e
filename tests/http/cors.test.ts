/**
 * The CORS policy (server/http/cors.ts): only for /api/v1, only for the origins CORS_ORIGINS lists,
 * never with credentials; preflights answered with the methods, request headers and Max-Age; Vary: Origin.
 * Without CORS_ORIGINS, no CORS header at all.
 */
import request from 'supertest';
import { CORS_MAX_AGE_SECONDS } from '../../server/http/cors';
import { expectApiError, postJson } from './helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';

const ALLOWED = 'https://app.example.org';
const OTHER = 'https://evil.example.net';

let t: TestApp;
let none: TestApp;
beforeAll(() => {
  t = createTestApp({ corsOrigins: [ALLOWED, 'http://localhost:8080'] });
  none = createTestApp();
});
afterAll(() => {
  t.close();
  none.close();
});

const corsHeaders = (headers: Record<string, string>) =>
  Object.keys(headers).filter((h) => h.startsWith('access-control-'));

describe('an allowed origin', () => {
  test('reads a GET answer, with the headers a client needs exposed and no credentials', async () => {
    const res = await request(t.app).get('/api/v1/treaties').set('Origin', ALLOWED);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toMatch(/\bETag\b.*\bRetry-After\b/);
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
  });

  test('a preflight for a PUT with If-Match is answered: methods, headers, Max-Age', async () => {
    const res = await request(t.app)
      .options('/api/v1/drafts/abcdefghijklmnopqrstuvwx')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', 'content-type, if-match');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, DELETE');
    expect(res.headers['access-control-allow-headers']).toBe(
      'Content-Type, If-Match, If-None-Match, Accept-Language',
    );
    expect(res.headers['access-control-max-age']).toBe(String(CORS_MAX_AGE_SECONDS));
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
  });

  test('reads a problem (a 422) and a document', async () => {
    const bad = await postJson(t.app, '/api/v1/validate', { party: 1 }, { Origin: ALLOWED });
    expectApiError(bad, 422, 'invalid_package');
    expect(bad.headers['access-control-allow-origin']).toBe(ALLOWED);
    const doc = await postJson(
      t.app,
      '/api/v1/documents/checklist?format=html',
      samplePackage('bhutan-accession'),
      {
        Origin: 'http://localhost:8080',
      },
    );
    expect(doc.status).toBe(200);
    expect(doc.headers['access-control-allow-origin']).toBe('http://localhost:8080');
  });
});

describe('anything else', () => {
  test.each([
    ['another origin', OTHER],
    ['the allowed origin with a path', `${ALLOWED}/`],
    ['the allowed origin over http', 'http://app.example.org'],
    ['null', 'null'],
  ])('%s gets no CORS header, and its preflight is not granted', async (_label, origin) => {
    const res = await request(t.app).get('/api/v1/treaties').set('Origin', origin);
    expect(res.status).toBe(200);
    expect(corsHeaders(res.headers)).toEqual([]);
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
    const preflight = await request(t.app)
      .options('/api/v1/validate')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(corsHeaders(preflight.headers)).toEqual([]);
  });

  test('the pages and assets get no CORS, even from an allowed origin', async () => {
    for (const url of ['/', '/assets/css/site.css', '/drafts/new']) {
      const res = await request(t.app).get(url).set('Origin', ALLOWED);
      expect(corsHeaders(res.headers)).toEqual([]);
    }
    const preflight = await request(t.app)
      .options('/drafts')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST');
    expect(corsHeaders(preflight.headers)).toEqual([]);
  });

  test('without CORS_ORIGINS, no CORS header and no Vary: Origin', async () => {
    const res = await request(none.app).get('/api/v1/treaties').set('Origin', ALLOWED);
    expect(corsHeaders(res.headers)).toEqual([]);
    expect(String(res.headers.vary ?? '')).not.toMatch(/\bOrigin\b/);
    const preflight = await request(none.app)
      .options('/api/v1/validate')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST');
    expect(corsHeaders(preflight.headers)).toEqual([]);
  });
});
