/**
 * TRUST_PROXY behind a TLS proxy: the cookies the pages set (anti-forgery token, language) are marked
 * Secure when a trusted proxy says the request came over HTTPS (X-Forwarded-Proto), and only then; a
 * client's own X-Forwarded-Proto is not believed.
 */
import request from 'supertest';
import { createDraft, JourneyClient } from './journey-helpers';
import { createTestApp, type TestApp, type TestOverrides } from './test-app';

const opened: TestApp[] = [];
function app(overrides: TestOverrides): TestApp {
  const made = createTestApp(overrides);
  opened.push(made);
  return made;
}
afterAll(() => {
  for (const made of opened.splice(0)) made.close();
});

/** The Set-Cookie lines of a page that sets both cookies (a fresh browser asking for French). */
async function cookiesOf(t: TestApp, headers: Record<string, string>): Promise<Record<string, string>> {
  const res = await request(t.app).get('/drafts/new?lang=fr').set(headers);
  expect(res.status).toBe(200);
  const lines = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
  return Object.fromEntries(lines.map((line) => [line.split('=')[0]!, line]));
}

const HTTPS = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' };

test.each([
  ['loopback', ['loopback']],
  ['a hop count', 1],
  ['true', true],
  ['the address of the proxy', ['127.0.0.1', '::1', '::ffff:127.0.0.1']],
] as const)('trusting the proxy (%s), cookies are Secure over HTTPS', async (_label, trustProxy) => {
  const t = app({ trustProxy: typeof trustProxy === 'object' ? [...trustProxy] : trustProxy });
  const cookies = await cookiesOf(t, HTTPS);
  expect(cookies.csrf).toMatch(/; Secure/);
  expect(cookies.lang).toMatch(/; Secure/);
  // The same app, the proxy saying plain HTTP, or not saying: no Secure (the browser would drop them).
  for (const headers of [{ 'X-Forwarded-Proto': 'http' }, {}] as Record<string, string>[]) {
    const plain = await cookiesOf(t, headers);
    expect(plain.csrf).not.toMatch(/; Secure/);
    expect(plain.lang).not.toMatch(/; Secure/);
  }
});

test.each([
  ['no proxy trusted (the default)', false],
  ['another proxy trusted', ['10.0.0.0/8']],
  ['no hop trusted', 0],
] as const)('with %s, a client saying HTTPS is not believed', async (_label, trustProxy) => {
  const t = app({ trustProxy: typeof trustProxy === 'object' ? [...trustProxy] : trustProxy });
  const cookies = await cookiesOf(t, HTTPS);
  expect(cookies.csrf).toBeDefined();
  expect(cookies.csrf).not.toMatch(/; Secure/);
  expect(cookies.lang).not.toMatch(/; Secure/);
});

test('behind a trusted proxy, a form posted over HTTPS with the Secure cookie goes through', async () => {
  const t = app({ trustProxy: ['loopback'] });
  // As a browser on HTTPS: it keeps the Secure cookie and sends it back with the form.
  const page = await request(t.app).get('/drafts/new').set(HTTPS);
  const setCookie = ([] as string[]).concat((page.headers['set-cookie'] as string[] | undefined) ?? []);
  expect(setCookie[0]).toMatch(/^csrf=[^;]+;.*; Secure/);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  const res = await request(t.app)
    .post('/drafts/new')
    .set({ ...HTTPS, Cookie: setCookie[0]!.split(';')[0]! })
    .type('form')
    .send(`_csrf=${token}&party=BT`);
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/drafts/new/treaties?party=BT');
});

test('TRUST_PROXY=true is reported in the log by the limiter: any client could choose its address', async () => {
  const t = app({ trustProxy: true, draftCreateLimit: { limit: 5, windowMinutes: 10 } });
  await createDraft(new JourneyClient(t.app), 'BT', ['untoc']);
  const checks = t.logLines.filter((l) => l.includes('rate_limit_check'));
  expect(checks.map((l) => (JSON.parse(l) as { code: string }).code)).toEqual([
    'ERR_ERL_PERMISSIVE_TRUST_PROXY',
  ]);
});
