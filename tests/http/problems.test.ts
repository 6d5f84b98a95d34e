/**
 * The problem types (RFC 9457): each error's `type` is /api/v1/problems/{code}, which answers the code's
 * status and title in the request's language; GET /api/v1/problems lists them all. A problem's title is
 * the title its type gives.
 */
import request from 'supertest';
import { ERROR_CODES, ERROR_STATUS } from '../../server/http/errors';
import { expectApiError, postJson } from './helpers';
import { expectedString } from './journey-helpers';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

interface ProblemType {
  type: string;
  code: string;
  status: number;
  title: string;
}

test('GET /api/v1/problems lists every code with its status and a title in each language', async () => {
  const en = await request(t.app).get('/api/v1/problems');
  const fr = await request(t.app).get('/api/v1/problems?lang=fr');
  const enTypes = (en.body as { problems: ProblemType[] }).problems;
  const frTypes = (fr.body as { problems: ProblemType[] }).problems;
  expect(enTypes.map((p) => p.code)).toEqual([...ERROR_CODES]);
  for (const [i, p] of enTypes.entries()) {
    expect(p.type).toBe(`/api/v1/problems/${p.code}`);
    expect(p.status).toBe(ERROR_STATUS[p.code as keyof typeof ERROR_STATUS]);
    expect(p.title).not.toBe('');
    expect(frTypes[i]!.title).not.toBe(p.title);
  }
  expect(new Set(enTypes.map((p) => p.title)).size).toBe(ERROR_CODES.length);
});

test("a problem's type resolves to its problem type, whose title is the problem's", async () => {
  const problem = expectApiError(
    await postJson(t.app, '/api/v1/validate?lang=ar', { party: { kind: 'state' } }),
    422,
    'invalid_package',
  );
  expect(problem.title).toBe(expectedString('ar', 'api.problems.invalidPackage'));
  // The type is relative to the request's URL: resolved against it, it is an address of this API.
  const resolved = new URL(problem.type, 'http://127.0.0.1/api/v1/validate?lang=ar');
  const res = await request(t.app).get(`${resolved.pathname}?lang=ar`);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    type: problem.type,
    code: 'invalid_package',
    status: 422,
    title: problem.title,
  });
});

test('an unknown problem type is itself a problem (404)', async () => {
  expectApiError(await request(t.app).get('/api/v1/problems/no_such_code'), 404, 'not_found');
  expectApiError(await request(t.app).post('/api/v1/problems'), 405, 'method_not_allowed');
});

test('errors outside the routes are problems too: an asset that is not there', async () => {
  const res = await request(t.app).get('/assets/css/nothing.css');
  expectApiError(res, 404, 'not_found');
});
