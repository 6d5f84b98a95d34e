/**
 * Security: helmet's headers and the Permissions-Policy on every kind of response, form posts from an
 * opaque origin ("Origin: null") refused, markup in a package's free text escaped in HTML and kept as
 * text in Word, nothing reflected from the query, no prototype pollution, no CORS, and a request log that
 * holds one line per request and never a body or a query string.
 */
import JSZip from 'jszip';
import request, { type Response } from 'supertest';
import { docxText, postForBytes, postJson, postRaw } from './helpers';
import { createDraft, expectedString, h1s, inputValue, JourneyClient, redirectOf } from './journey-helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

function expectSecurityHeaders(res: Response) {
  const csp = res.headers['content-security-policy'] as string | undefined;
  expect(csp).toBeDefined();
  const directives = new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values] as const),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toMatch(/\*/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['x-frame-options']).toBeDefined();
  // Every powerful feature is denied to the pages and to anything they could embed.
  const permissions = new Map(
    String(res.headers['permissions-policy'] ?? '')
      .split(',')
      .map((d) => d.trim().split('=') as [string, string]),
  );
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'midi'])
    expect([feature, permissions.get(feature)]).toEqual([feature, '()']);
  expect([...permissions.values()].every((allow) => allow === '()')).toBe(true);
}

describe('security headers', () => {
  test.each([
    ['GET /', () => request(t.app).get('/')],
    ['GET /?lang=fr', () => request(t.app).get('/?lang=fr')],
    ['GET /api/v1/treaties', () => request(t.app).get('/api/v1/treaties')],
    ['GET /api/v1/schema', () => request(t.app).get('/api/v1/schema')],
    ['GET /assets/css/site.css', () => request(t.app).get('/assets/css/site.css')],
    ['POST /api/v1/validate', () => postJson(t.app, '/api/v1/validate', samplePackage('bhutan-accession'))],
    [
      'POST a checklist as HTML',
      () => postJson(t.app, '/api/v1/documents/checklist?format=html', samplePackage('bhutan-accession')),
    ],
    [
      'POST an instrument',
      () => postJson(t.app, '/api/v1/documents/instrument?treaty=untoc', samplePackage('bhutan-accession')),
    ],
    ['a 404', () => request(t.app).get('/nope')],
    ['a 400', () => postRaw(t.app, '/api/v1/validate', '{', { 'Content-Type': 'application/json' })],
    ['a 415', () => postRaw(t.app, '/api/v1/validate', 'x', { 'Content-Type': 'text/plain' })],
    ['a 422', () => postJson(t.app, '/api/v1/validate', {})],
    ['a 404 asset', () => request(t.app).get('/assets/none.css')],
    ['a page POST refused', () => request(t.app).post('/drafts/new').type('form').send('party=BT')],
  ])('%s', async (_label, send) => {
    expectSecurityHeaders(await send());
  });

  test("no Referer to other sites, but the browser names this site in its forms' Origin", async () => {
    // Under no-referrer, browsers send "Origin: null" with a same-origin form, which csrf.ts refuses.
    const res = await request(t.app).get('/');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  test('no CORS: a cross-origin preflight is not granted', async () => {
    const res = await request(t.app).options('/api/v1/validate').set({
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
    const post = await postJson(t.app, '/api/v1/validate', samplePackage('bhutan-accession'), {
      Origin: 'https://evil.example',
    });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('attachment file names are plain', async () => {
    for (const name of ['instrument?treaty=untoc', 'notifications', 'checklist', 'bundle']) {
      const { res } = await postForBytes(
        t.app,
        `/api/v1/documents/${name}`,
        samplePackage('bhutan-accession'),
      );
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?[a-z0-9-]+\.(docx|zip)"?$/);
    }
  });
});

describe('a form posted from an opaque origin (Origin: null)', () => {
  // A sandboxed frame, a file: or data: page, a redirect from another site: never this service's pages.
  const NULL_ORIGIN = { headers: { Origin: 'null' } };
  let client: JourneyClient;
  let draftUrl: string;
  beforeAll(async () => {
    client = new JourneyClient(t.app);
    draftUrl = (await createDraft(client, 'BT', ['untoc'])).url;
    redirectOf(await client.post(`${draftUrl}/signing`, { place: 'Thimphu' }));
  });

  const expectForbidden = (res: Response) => {
    expect(res.status).toBe(403);
    expect(h1s(res.text)).toEqual([expectedString('en', 'pages.errorPages.forbidden.title')]);
  };

  test.each([
    ['the new-draft page', () => '/drafts/new', { party: 'BT' }],
    ['creating a draft', () => '/drafts', { party: 'BT', treaties: 'untoc' }],
    ['a question page', () => `${draftUrl}/signing`, { place: 'Forged' }],
    [
      'adding an authority',
      () => `${draftUrl}/authorities/new?role=untoc-18-13`,
      { roles: 'untoc-18-13', name: 'Forged' },
    ],
    ['adding a declaration', () => `${draftUrl}/declarations/new`, { text: 'Forged', treaties: 'untoc' }],
  ])('%s: a 403 page, nothing saved', async (_label, url, fields) => {
    expectForbidden(await client.post(url(), fields, NULL_ORIGIN));
    expect(inputValue((await client.get(`${draftUrl}/signing`)).text, 'place')).toBe('Thimphu');
    // The same form without the header is not refused by the origin check.
    expect((await client.post(url(), fields)).status).not.toBe(403);
    redirectOf(await client.post(`${draftUrl}/signing`, { place: 'Thimphu' }));
  });

  test('importing a draft file: a 403 page', async () => {
    const { bytes } = await client.getBytes(`${draftUrl}/export`);
    const token = await client.csrf();
    const res = await client.agent
      .post('/drafts/import')
      .set('Origin', 'null')
      .field('_csrf', token)
      .attach('file', bytes, { filename: 'draft.json', contentType: 'application/json' });
    expectForbidden(res);
    expect((await client.upload('/drafts/import', { content: bytes })).status).toBe(303);
  });
});

describe('markup in free text', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const IMG = '<img src=x onerror=alert(2)>';
  const QUOTES = `Thimphu" onmouseover="alert(3)' &amp;`;
  const hostile = () => {
    const pkg = samplePackage('bhutan-accession');
    const authorities = pkg.authorities as Array<Record<string, unknown>>;
    return {
      ...pkg,
      party: { kind: 'state', code: 'BT', formalName: `the Kingdom of ${IMG}` },
      signatory: { name: SCRIPT, title: `Minister ${IMG}`, office: 'minister-for-foreign-affairs' },
      signing: { place: QUOTES, date: null },
      authorities: [{ ...authorities[0], name: `Office ${SCRIPT}` }, ...authorities.slice(1)],
    };
  };

  function expectEscaped(html: string) {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toContain('onmouseover="');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(
      /&lt;img src=x onerror=alert\(2\)&gt;|&lt;img src&#x3D;x onerror&#x3D;alert\(2\)&gt;/,
    );
    expect(html).toMatch(
      /Thimphu&quot; onmouseover=&quot;alert\(3\)(&#x27;|&#39;) &amp;amp;|Thimphu&quot; onmouseover&#x3D;&quot;alert\(3\)(&#x27;|&#39;) &amp;amp;/,
    );
  }

  test('is escaped in the HTML checklist', async () => {
    const res = await postJson(t.app, '/api/v1/documents/checklist?format=html', hostile());
    expect(res.status).toBe(200);
    expectEscaped(res.text);
  });

  test("is escaped in the bundle's HTML checklist", async () => {
    const { res, bytes } = await postForBytes(t.app, '/api/v1/documents/bundle', hostile());
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(bytes);
    expectEscaped((await zip.file('checklist-bt-en-draft.html')?.async('string')) ?? '');
  });

  test('is kept literally, as text, in the .docx (and escaped in its XML)', async () => {
    const { res, bytes } = await postForBytes(t.app, '/api/v1/documents/instrument?treaty=untoc', hostile());
    expect(res.status).toBe(200);
    const text = await docxText(bytes);
    expect(text).toContain(
      `NOW THEREFORE I, ${SCRIPT}, Minister ${IMG}, declare that the Government of the Kingdom of ${IMG},`,
    );
    expect(text).toContain(`at ${QUOTES} on`);
    const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    const notifications = await postForBytes(t.app, '/api/v1/documents/notifications', hostile());
    expect(await docxText(notifications.bytes)).toContain(`Office ${SCRIPT}`);
  });

  test('is returned unchanged in JSON, which browsers do not sniff as HTML', async () => {
    const res = await postJson(t.app, '/api/v1/validate', hostile());
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((res.body as { package: { signatory: { name: string } } }).package.signatory.name).toBe(SCRIPT);
  });
});

describe('nothing is reflected from the request', () => {
  const INJECTED = '<script>alert(9)</script>';
  test('a hostile ?lang= on a page', async () => {
    const res = await request(t.app).get(`/?lang=${encodeURIComponent(INJECTED)}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="en"');
    expect(res.text).not.toContain('alert(9)');
  });

  test('hostile parameters and paths in error messages', async () => {
    const responses = await Promise.all([
      postJson(
        t.app,
        `/api/v1/documents/instrument?mode=${encodeURIComponent(INJECTED)}`,
        samplePackage('bhutan-accession'),
      ),
      postJson(
        t.app,
        `/api/v1/documents/instrument?treaty=${encodeURIComponent(INJECTED)}`,
        samplePackage('bhutan-accession'),
      ),
      request(t.app).get(`/api/v1/${encodeURIComponent(INJECTED)}`),
      request(t.app).get(`/${encodeURIComponent(INJECTED)}`),
    ]);
    for (const res of responses) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.text).not.toContain('alert(9)');
    }
  });
});

describe('prototype keys in a package', () => {
  test.each([
    [
      '{"__proto__": {"polluted": "yes"}, "party": {"kind": "state", "code": "BT"}, "treaties": [{"treaty": "untoc", "instrument": "accession"}]}',
    ],
    [
      '{"constructor": {"prototype": {"polluted": "yes"}}, "party": {"kind": "state", "code": "BT"}, "treaties": [{"treaty": "untoc", "instrument": "accession"}]}',
    ],
    [
      '{"party": {"kind": "state", "code": "BT", "__proto__": {"polluted": "yes"}}, "treaties": [{"treaty": "untoc", "instrument": "accession", "__proto__": {"polluted": "yes"}}]}',
    ],
    [
      '{"party": {"kind": "state", "code": "BT"}, "treaties": [{"treaty": "untoc", "instrument": "accession"}], "signatory": {"__proto__": {"office": "other"}}}',
    ],
  ])('%s is refused as an unknown field and pollutes nothing', async (body) => {
    for (const url of ['/api/v1/validate', '/api/v1/documents/bundle']) {
      const res = await postRaw(t.app, url, body, { 'Content-Type': 'application/json' });
      expect(res.status).toBe(422);
      expect((res.body as { issues: Array<{ code: string }> }).issues.map((i) => i.code)).toContain(
        'schema.unknownField',
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('the request log', () => {
  const NAME = 'Zyxwv Qopmnl-7731';
  const EMAIL = 'leak-check-7731@example.bt';
  const QUERY_MARK = 'qs-mark-7731';

  function distinctive() {
    const pkg = samplePackage('bhutan-accession');
    const authorities = pkg.authorities as Array<Record<string, unknown>>;
    return {
      ...pkg,
      signatory: {
        name: NAME,
        title: 'Minister for Foreign Affairs',
        office: 'minister-for-foreign-affairs',
      },
      authorities: [{ ...authorities[0], email: [EMAIL] }],
    };
  }

  /** Sends one request of each kind, all carrying the distinctive strings, on a fresh app. */
  async function sendAll(
    app: TestApp['app'],
  ): Promise<Array<{ method: string; path: string; status: number }>> {
    const body = distinctive();
    const sent: Array<{ method: string; path: string; res: Response }> = [];
    const add = async (method: string, path: string, res: Promise<Response>) =>
      sent.push({ method, path, res: await res });
    await add('GET', '/', request(app).get(`/?lang=fr&x=${QUERY_MARK}`));
    await add(
      'GET',
      '/api/v1/treaties',
      request(app).get(`/api/v1/treaties?lang=fr&name=${encodeURIComponent(NAME)}`),
    );
    await add('POST', '/api/v1/validate', postJson(app, `/api/v1/validate?q=${QUERY_MARK}`, body));
    await add(
      'POST',
      '/api/v1/documents/instrument',
      postJson(app, `/api/v1/documents/instrument?treaty=untoc&lang=en&mode=final&q=${QUERY_MARK}`, body),
    );
    await add(
      'POST',
      '/api/v1/documents/bundle',
      postJson(app, `/api/v1/documents/bundle?email=${encodeURIComponent(EMAIL)}`, body),
    );
    // Errors: malformed JSON quoting the name, an invalid package with the e-mail, a body too large, a 500.
    await add(
      'POST',
      '/api/v1/validate',
      postRaw(app, '/api/v1/validate', `{"signatory": {"name": "${NAME}", "title": tru}}`, {
        'Content-Type': 'application/json',
      }),
    );
    await add(
      'POST',
      '/api/v1/validate',
      postJson(app, '/api/v1/validate', {
        ...body,
        authorities: [{ roles: ['untoc-18-13'], name: NAME, email: [`${EMAIL}@@`] }],
      }),
    );
    await add(
      'POST',
      '/api/v1/documents/checklist',
      postJson(app, `/api/v1/documents/checklist?mode=final&lang=xx-${QUERY_MARK}`, body),
    );
    await add(
      'POST',
      '/api/v1/validate',
      postRaw(app, '/api/v1/validate', `${NAME} ${EMAIL}`, { 'Content-Type': 'text/plain' }),
    );
    await add(
      'POST',
      '/api/v1/validate',
      postRaw(app, '/api/v1/validate', `not gzip ${NAME}`, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      }),
    );
    await add('GET', `/api/v1/nothing`, request(app).get(`/api/v1/nothing?${QUERY_MARK}`));
    return sent.map((s) => ({ method: s.method, path: s.path, status: s.res.status }));
  }

  test('never holds a name or an e-mail from a body, nor a query string', async () => {
    const app = createTestApp();
    try {
      await sendAll(app.app);
      expect(app.logLines.length).toBeGreaterThanOrEqual(11);
      const log = app.logLines.join('');
      for (const s of [
        NAME,
        'Zyxwv',
        EMAIL,
        'leak-check',
        QUERY_MARK,
        '?',
        'lang=',
        'treaty=untoc',
        encodeURIComponent(NAME),
      ])
        expect(log).not.toContain(s);
    } finally {
      app.close();
    }
  });

  test('has one JSON line per request, with method, path, status and duration', async () => {
    const app = createTestApp();
    try {
      const sent = await sendAll(app.app);
      const requests = app.logLines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.event === 'request');
      expect(requests).toHaveLength(sent.length);
      for (const line of app.logLines) expect(line).toMatch(/^\{.*\}\n$/);
      requests.forEach((line, i) => {
        expect(line).toMatchObject({
          level: 'info',
          event: 'request',
          method: sent[i]?.method,
          status: sent[i]?.status,
        });
        expect(typeof line.ms).toBe('number');
        expect(Object.keys(line).sort()).toEqual([
          'event',
          'level',
          'method',
          'ms',
          'path',
          'status',
          'time',
        ]);
      });
    } finally {
      app.close();
    }
  });

  test('the path logged is the request path', async () => {
    const app = createTestApp();
    try {
      const sent = await sendAll(app.app);
      const paths = app.logLines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.event === 'request')
        .map((l) => l.path);
      // Always the full path without the query, e.g. "/api/v1/validate", on success as on error.
      expect(paths).toEqual(sent.map((s) => s.path));
    } finally {
      app.close();
    }
  });

  test('REQUEST_LOG off writes no request lines', async () => {
    const quiet = createTestApp({ requestLog: false });
    try {
      await request(quiet.app).get('/api/v1/health');
      await postJson(quiet.app, '/api/v1/validate', samplePackage('bhutan-accession'));
      expect(quiet.logLines).toEqual([]);
    } finally {
      quiet.close();
    }
  });
});
