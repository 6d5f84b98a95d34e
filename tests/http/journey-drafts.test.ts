/**
 * Drafts as the browser journey keeps them: saved in SQLite and read back after a restart, reachable
 * only by their unguessable address, exported and imported as a JSON file (a bad file changes nothing),
 * protected against cross-site posts, served with the security headers and never in the request log,
 * with hostile text escaped; and the documents downloaded from a draft.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import request, { type Response } from 'supertest';
import { TREATIES } from '../../server/catalogue/treaties';
import { attachmentName, docxText } from './helpers';
import {
  createAppOnFile,
  createDraft,
  errorSummary,
  expectedString,
  h1s,
  hrefs,
  inlineErrors,
  inputValue,
  JourneyClient,
  notice,
  redirectOf,
  summaryRows,
  switcherLinks,
  textOf,
  titleOf,
  type Draft,
  type FileApp,
  entryId,
} from './journey-helpers';
import { DOCX_MIME, FIXED_NOW, createTestApp, samplePackage, type TestApp } from './test-app';

const en = (key: string, params: Record<string, string | number> = {}) => expectedString('en', key, params);

interface DraftFile {
  kind: string;
  formatVersion: number;
  exportedAt: string;
  draft: {
    package: Record<string, unknown> & { signing: { place: string | null; date: string | null } };
    visited: string[];
  };
}

async function exportOf(
  client: JourneyClient,
  draft: Draft,
): Promise<{ res: Response; file: DraftFile; text: string }> {
  const { res, bytes } = await client.getBytes(`${draft.url}/export`);
  expect(res.status).toBe(200);
  const text = bytes.toString('utf8');
  return { res, file: JSON.parse(text) as DraftFile, text };
}

/** Fill a few pages of a draft, so that there is something to read back. */
async function fill(client: JourneyClient, draft: Draft): Promise<void> {
  redirectOf(
    await client.post(`${draft.url}/party`, { formalName: 'the State of Japan', documentLanguage: 'en' }),
  );
  redirectOf(
    await client.post(`${draft.url}/signing`, {
      place: 'Tokyo',
      'date-day': '3',
      'date-month': '2',
      'date-year': '2027',
    }),
  );
  redirectOf(await client.post(`${draft.url}/extradition`, { conditionalOnTreaty: 'yes' }));
  redirectOf(await client.post(`${draft.url}/extradition-legal-basis`, { conventionAsLegalBasis: 'no' }));
  redirectOf(
    await client.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
      roles: 'untoc-18-13',
      name: 'Ministry of Justice',
      email: 'mla@example.jp',
    }),
  );
  redirectOf(
    await client.post(`${draft.url}/declarations/new`, {
      treaties: 'untoc',
      kind: 'territorial',
      text: 'Applies to the whole territory.',
    }),
  );
}

/** How many drafts the database holds, read beside the app (nothing in the app lists them). */
function draftCount(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM drafts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let t: TestApp;
let c: JourneyClient;
let dbFile: string;
beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
  dbFile = path.join(t.dir, 'test.sqlite');
});
afterAll(() => t.close());

// -------------------------------------------------------------------------------------------------

describe('drafts survive a restart', () => {
  test('a draft filled with one app is read back, unchanged, by a new app on the same SQLite file', async () => {
    const first = createTestApp();
    const file = path.join(first.dir, 'test.sqlite');
    let second: FileApp | null = null;
    try {
      const browser = new JourneyClient(first.app);
      const draft = await createDraft(browser, 'JP', ['untoc', 'som']);
      await fill(browser, draft);
      const before = await exportOf(browser, draft);
      first.store.close();

      second = createAppOnFile(file);
      // A new app, and a new browser: the address is all it takes.
      const again = new JourneyClient(second.app);
      const signing = await again.get(`${draft.url}/signing`);
      expect(signing.status).toBe(200);
      expect(inputValue(signing.text, 'place')).toBe('Tokyo');
      expect([
        inputValue(signing.text, 'date-day'),
        inputValue(signing.text, 'date-month'),
        inputValue(signing.text, 'date-year'),
      ]).toEqual(['3', '2', '2027']);
      const rows = summaryRows((await again.get(`${draft.url}/check`)).text);
      expect(rows.find((r) => r.key === en('pages.q.party.formalName.label'))?.value).toBe(
        'the State of Japan',
      );
      expect(
        rows.find((r) => r.key === en('pages.q.extradition-legal-basis.conventionAsLegalBasis.label'))?.value,
      ).toBe(en('pages.common.no'));
      expect(rows.find((r) => r.key === en('pages.lists.central-authorities.summaryKey'))?.value).toBe(
        'Ministry of Justice E-mail: mla@example.jp',
      );
      expect(textOf((await again.get(`${draft.url}/declarations`)).text)).toContain(
        'Applies to the whole territory.',
      );
      const after = await exportOf(again, draft);
      expect(after.file).toEqual(before.file);
      // And it can still be changed.
      redirectOf(await again.post(`${draft.url}/signing`, { place: 'Kyoto' }));
      expect(inputValue((await again.get(`${draft.url}/signing`)).text, 'place')).toBe('Kyoto');
    } finally {
      second?.store.close();
      fs.rmSync(first.dir, { recursive: true, force: true });
    }
  });
});

describe('draft addresses', () => {
  test('a draft id is 24 base64url characters, and two drafts get different ids', async () => {
    const a = await createDraft(c, 'JP', ['untoc']);
    const b = await createDraft(c, 'JP', ['untoc']);
    for (const d of [a, b]) {
      expect(d.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(d.url).toBe(`/drafts/${d.id}`);
      expect((await c.get(d.url)).status).toBe(200);
    }
    expect(a.id).not.toBe(b.id);
  });

  test.each([
    ['an unknown id', 'AAAAAAAAAAAAAAAAAAAAAAAA'],
    ['an id too short', 'AAAAAAAAAAAAAAAAAAAAAAA'],
    ['an id too long', 'AAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['an id with a dot', 'AAAAAAAAAAAA.AAAAAAAAAAA'],
    ['an id with an encoded slash', 'AAAAAAAAAAAA%2FAAAAAAAAAA'],
    ['an id with SQL in it', "x'%20OR%20'1'%3D'1"],
  ])('%s is a 404 "draft not found" page, for the task list and its pages', async (_label, id) => {
    for (const url of [
      `/drafts/${id}`,
      `/drafts/${id}/signing`,
      `/drafts/${id}/check`,
      `/drafts/${id}/export`,
      `/drafts/${id}/documents/bundle`,
    ]) {
      const res = await c.get(url);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(h1s(res.text)).toEqual([en('pages.errorPages.draftNotFound.title')]);
      expect(hrefs(res.text)).toContain('/drafts/new');
      // The switcher does not echo the address back.
      expect(switcherLinks(res.text).map((l) => l.href)).toEqual(
        ['ar', 'zh', 'fr', 'ru', 'es'].map((l) => `/?lang=${l}`),
      );
    }
    const posted = await c.post(`/drafts/${id}/signing`, { place: 'Nowhere' });
    expect(posted.status).toBe(404);
  });

  test('nothing lists drafts: GET /drafts is a 404 page', async () => {
    await createDraft(c, 'JP', ['untoc']);
    for (const url of ['/drafts', '/drafts/', '/drafts?lang=en']) {
      const res = await c.get(url);
      expect(res.status).toBe(404);
      expect(h1s(res.text)).toEqual([en('pages.errorPages.notFound.title')]);
      expect(res.text).not.toMatch(/\/drafts\/[A-Za-z0-9_-]{24}/);
    }
  });
});

// -------------------------------------------------------------------------------------------------

describe('export and import', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await createDraft(c, 'JP', ['untoc', 'som']);
    await fill(c, draft);
  });

  test('export is a JSON attachment of kind "untoc-accession-draft", format version 3, with the answers', async () => {
    const { res, file } = await exportOf(c, draft);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(attachmentName(res)).toBe('draft-jp-2026-12-01.json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(file.kind).toBe('untoc-accession-draft');
    expect(file.formatVersion).toBe(3);
    expect(file.exportedAt).toBe(new Date(FIXED_NOW).toISOString());
    expect(file.draft.package.signing).toEqual({ place: 'Tokyo', date: '2027-02-03' });
    expect(file.draft.package.party).toEqual({ kind: 'state', code: 'JP', formalName: 'the State of Japan' });
    expect(file.draft.visited).toEqual(
      expect.arrayContaining(['party', 'signing', 'extradition', 'central-authorities', 'declarations']),
    );
    // The file does not carry its draft's address.
    expect(JSON.stringify(file)).not.toContain(draft.id);
  });

  test('importing the file creates a new draft with the same answers; the original is untouched', async () => {
    const { file, text } = await exportOf(c, draft);
    const before = draftCount(dbFile);
    const res = await c.upload('/drafts/import', { content: text, name: 'draft-jp-2026-12-01.json' });
    const location = redirectOf(res);
    const m = /^\/drafts\/([A-Za-z0-9_-]{24})\?imported=1$/.exec(location);
    expect(m).not.toBeNull();
    const imported: Draft = { id: m![1]!, url: `/drafts/${m![1]!}` };
    expect(imported.id).not.toBe(draft.id);
    expect(draftCount(dbFile)).toBe(before + 1);
    const tasks = await c.get(location);
    expect(notice(tasks.text)).toEqual({
      title: en('pages.import.done.title'),
      lines: [en('pages.import.done.line')],
    });
    expect((await exportOf(c, imported)).file.draft).toEqual(file.draft);
    // Changing the copy leaves the original alone.
    redirectOf(await c.post(`${imported.url}/signing`, { place: 'Osaka' }));
    expect(inputValue((await c.get(`${draft.url}/signing`)).text, 'place')).toBe('Tokyo');
  });

  test('a file with a byte-order mark is read too', async () => {
    const { file, text } = await exportOf(c, draft);
    const res = await c.upload('/drafts/import', { content: `\uFEFF${text}` });
    const url = redirectOf(res).split('?')[0]!;
    expect((await exportOf(c, { id: url.slice(8), url })).file.draft).toEqual(file.draft);
  });

  async function validFile(): Promise<DraftFile> {
    return (await exportOf(c, draft)).file;
  }

  const BAD: Array<[string, () => Promise<{ content: string | Buffer } | null>, number, () => string]> = [
    [
      'not JSON',
      async () => ({ content: 'this is not { JSON' }),
      400,
      () => en('pages.import.errors.not-json'),
    ],
    [
      'JSON of another kind',
      async () => ({ content: JSON.stringify({ ...(await validFile()), kind: 'something-else' }) }),
      400,
      () => en('pages.import.errors.not-a-draft'),
    ],
    [
      'a JSON array',
      async () => ({ content: '[1, 2, 3]' }),
      400,
      () => en('pages.import.errors.not-a-draft'),
    ],
    [
      'format version 99',
      async () => ({ content: JSON.stringify({ ...(await validFile()), formatVersion: 99 }) }),
      400,
      () => en('pages.import.errors.newer-version', { version: 99 }),
    ],
    [
      'no format version',
      async () => {
        const f: Partial<DraftFile> = await validFile();
        delete f.formatVersion;
        return { content: JSON.stringify(f) };
      },
      400,
      () => en('pages.import.errors.bad-version'),
    ],
    [
      'a draft with a date that does not exist',
      async () => {
        const f = await validFile();
        f.draft.package.signing.date = '2027-02-31';
        return { content: JSON.stringify(f) };
      },
      400,
      () => en('pages.import.errors.invalid_one', { first: '' }),
    ],
    ['no file', async () => null, 400, () => en('pages.import.errors.noFile')],
    ['an empty file', async () => ({ content: '' }), 400, () => en('pages.import.errors.noFile')],
    [
      'a file over the body limit',
      async () => ({ content: Buffer.alloc(300 * 1024, 0x20) }),
      413,
      () => en('pages.import.errors.tooLarge', { kb: 256 }),
    ],
  ];

  test.each(BAD)(
    '%s: an import page with a clear message, and no draft created',
    async (_label, make, status, message) => {
      const file = await make();
      const before = draftCount(dbFile);
      const res = await c.upload('/drafts/import', file);
      expect(res.status).toBe(status);
      expect(res.headers.location).toBeUndefined();
      expect(titleOf(res.text).startsWith(en('pages.common.errorTitlePrefix'))).toBe(true);
      expect(h1s(res.text)).toEqual([en('pages.import.title')]);
      const summary = errorSummary(res.text);
      expect(summary).toHaveLength(1);
      expect(summary[0]!.href).toBe('#file');
      expect(res.text).toContain('id="file"');
      const expected = message();
      // An invalid draft names its first problem after the fixed sentence.
      if (expected.endsWith(': ')) expect(summary[0]!.text.startsWith(expected)).toBe(true);
      else expect(summary[0]!.text).toBe(expected);
      expect(inlineErrors(res.text).get('file')).toBe(summary[0]!.text);
      expect(draftCount(dbFile)).toBe(before);
    },
  );

  test('the invalid-draft message names the field and the problem', async () => {
    const f = await validFile();
    f.draft.package.signing.date = '2027-02-31';
    const res = await c.upload('/drafts/import', { content: JSON.stringify(f) });
    const message = errorSummary(res.text)[0]!.text;
    expect(message).toMatch(/date/i);
    expect(message.length).toBeGreaterThan(en('pages.import.errors.invalid_one', { first: '' }).length + 10);
  });
});

// -------------------------------------------------------------------------------------------------

describe('cross-site request forgery', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await createDraft(c, 'JP', ['untoc']);
    redirectOf(await c.post(`${draft.url}/signing`, { place: 'Tokyo' }));
    redirectOf(
      await c.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
        roles: 'untoc-18-13',
        name: 'Ministry of Justice',
      }),
    );
  });

  function expectForbidden(res: Response) {
    expect(res.status).toBe(403);
    expect(res.headers.location).toBeUndefined();
    expect(h1s(res.text)).toEqual([en('pages.errorPages.forbidden.title')]);
  }

  const ATTACKS: Array<[string, { token?: string | null; headers?: Record<string, string> }]> = [
    ['no token', { token: null }],
    ['a wrong token', { token: 'A'.repeat(43) }],
    ['a token of another shape', { token: 'short' }],
    ['Origin: https://evil.example', { headers: { Origin: 'https://evil.example' } }],
    ['Origin: null (an opaque origin)', { headers: { Origin: 'null' } }],
    ['Sec-Fetch-Site: cross-site', { headers: { 'Sec-Fetch-Site': 'cross-site' } }],
    ['Sec-Fetch-Site: same-site', { headers: { 'Sec-Fetch-Site': 'same-site' } }],
  ];

  test.each(ATTACKS)('a POST with %s is a 403 and saves nothing', async (_label, options) => {
    expectForbidden(await c.post(`${draft.url}/signing`, { place: 'Forged' }, options));
    expect(inputValue((await c.get(`${draft.url}/signing`)).text, 'place')).toBe('Tokyo');
    expectForbidden(
      await c.post(
        `${draft.url}/authorities/${entryId(t.store, draft, 'authorities', 0)}/remove?role=untoc-18-13`,
        { confirm: 'yes' },
        options,
      ),
    );
    expect(textOf((await c.get(`${draft.url}/central-authorities`)).text)).toContain('Ministry of Justice');
    const before = draftCount(dbFile);
    expectForbidden(await c.post('/drafts', { party: 'JP', treaties: 'untoc' }, options));
    expect(draftCount(dbFile)).toBe(before);
  });

  test('the token of another browser does not do', async () => {
    const other = new JourneyClient(t.app);
    const theirs = await other.csrf();
    expect(theirs).not.toBe(await c.csrf());
    expectForbidden(await c.post(`${draft.url}/signing`, { place: 'Forged' }, { token: theirs }));
    // A browser without the cookie, sending a token it read elsewhere.
    expectForbidden(
      await request(t.app).post(`${draft.url}/signing`).type('form').send(`_csrf=${theirs}&place=Forged`),
    );
    expect(inputValue((await c.get(`${draft.url}/signing`)).text, 'place')).toBe('Tokyo');
  });

  test('an import without the token is refused and creates nothing', async () => {
    const { text } = await exportOf(c, draft);
    const before = draftCount(dbFile);
    expectForbidden(await c.upload('/drafts/import', { content: text }, { token: null }));
    expectForbidden(await c.upload('/drafts/import', { content: text }, { token: 'B'.repeat(43) }));
    expect(draftCount(dbFile)).toBe(before);
  });

  test('the same form from this site goes through (the checks above are not refusing everything)', async () => {
    const res = await c.post(
      `${draft.url}/signing`,
      { place: 'Kyoto' },
      { headers: { 'Sec-Fetch-Site': 'same-origin' } },
    );
    expect(redirectOf(res)).toBe(draft.url);
    expect(inputValue((await c.get(`${draft.url}/signing`)).text, 'place')).toBe('Kyoto');
    redirectOf(await c.post(`${draft.url}/signing`, { place: 'Tokyo' }));
  });

  test('the token cookie is HttpOnly and SameSite=Strict', async () => {
    const res = await request(t.app).get('/drafts/new');
    const cookies = ([] as string[]).concat(
      (res.headers['set-cookie'] as string[] | string | undefined) ?? [],
    );
    const csrf = cookies.find((s) => s.startsWith('csrf='));
    expect(csrf).toBeDefined();
    expect(csrf).toMatch(/; HttpOnly/);
    expect(csrf).toMatch(/; SameSite=Strict/);
  });
});

// -------------------------------------------------------------------------------------------------

describe('security headers on the pages', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await createDraft(c, 'JP', ['untoc']);
  });

  function expectHeaders(res: Response) {
    const csp = res.headers['content-security-policy'] as string | undefined;
    expect(csp).toBeDefined();
    expect(csp).toMatch(/(^|;)\s*default-src 'self'/);
    expect(csp).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|;)\s*style-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|;)\s*form-action 'self'/);
    expect(csp).toMatch(/(^|;)\s*frame-ancestors 'none'/);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  }

  test.each([
    ['the start page', () => '/', false],
    ['new draft', () => '/drafts/new', false],
    ['import', () => '/drafts/import', false],
    ['the task list', () => draft.url, true],
    ['a question page', () => `${draft.url}/signing`, true],
    ['an authority list', () => `${draft.url}/central-authorities`, true],
    ['check answers', () => `${draft.url}/check`, true],
    ['the documents', () => `${draft.url}/documents`, true],
    ['the checklist', () => `${draft.url}/checklist`, true],
    ['the export', () => `${draft.url}/export`, true],
    ['a download', () => `${draft.url}/documents/notifications?mode=draft&doclang=en`, true],
    ['a draft not found', () => '/drafts/AAAAAAAAAAAAAAAAAAAAAAAA', false],
  ])('%s', async (_label, url, draftPage) => {
    const { res } = await c.getBytes(url());
    expect(res.status).toBeLessThan(500);
    expectHeaders(res);
    if (draftPage) {
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    }
  });

  test('a page with errors and a forbidden post carry them too', async () => {
    const invalid = await c.post(`${draft.url}/signing`, {
      'date-day': '31',
      'date-month': '2',
      'date-year': '2027',
    });
    expect(invalid.status).toBe(400);
    expectHeaders(invalid);
    expect(invalid.headers['cache-control']).toBe('no-store');
    const forbidden = await c.post(`${draft.url}/signing`, { place: 'x' }, { token: null });
    expect(forbidden.status).toBe(403);
    expectHeaders(forbidden);
  });

  test('pages have no inline script or style', async () => {
    for (const url of [
      draft.url,
      `${draft.url}/signing`,
      `${draft.url}/documents`,
      `${draft.url}/checklist`,
      `${draft.url}/check`,
    ]) {
      const html = (await c.get(url)).text;
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

// -------------------------------------------------------------------------------------------------

describe('the request log', () => {
  const NAME = 'Zebra-Authority-7731';
  const EMAIL = 'zebra-7731@example.jp';
  const PLACE = 'Zebra-Place-7731';

  test('never holds a draft id or an answer; it shows /drafts/:id', async () => {
    const app = createTestApp();
    try {
      const browser = new JourneyClient(app.app);
      const draft = await createDraft(browser, 'JP', ['untoc', 'som']);
      redirectOf(
        await browser.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
          roles: 'untoc-18-13',
          name: NAME,
          email: EMAIL,
        }),
      );
      redirectOf(await browser.post(`${draft.url}/signing`, { place: PLACE }));
      expect(
        (
          await browser.post(`${draft.url}/signing`, {
            place: PLACE,
            'date-day': '31',
            'date-month': '2',
            'date-year': '2027',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await browser.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
            roles: 'untoc-18-13',
            name: NAME,
            email: 'not-an-address',
          })
        ).status,
      ).toBe(400);
      expect((await browser.post(`${draft.url}/signing`, { place: PLACE }, { token: null })).status).toBe(
        403,
      );
      for (const url of [
        draft.url,
        `${draft.url}/central-authorities`,
        `${draft.url}/authorities/${entryId(app.store, draft, 'authorities', 0)}?role=untoc-18-13`,
        `${draft.url}/check`,
        `${draft.url}/checklist`,
        `${draft.url}/documents?mode=final`,
      ]) {
        expect((await browser.get(url)).status).toBe(200);
      }
      const { res: exported, bytes } = await browser.getBytes(`${draft.url}/export`);
      expect(exported.status).toBe(200);
      const imported = redirectOf(await browser.upload('/drafts/import', { content: bytes }));
      const importedId = /^\/drafts\/([A-Za-z0-9_-]{24})/.exec(imported)![1]!;
      expect((await browser.upload('/drafts/import', { content: `{"kind":"${NAME}"}` })).status).toBe(400);
      expect(
        (await browser.getBytes(`${draft.url}/documents/instrument?treaty=untoc&mode=draft&doclang=en`)).res
          .status,
      ).toBe(200);

      const log = app.logLines.join('\n');
      for (const secret of [draft.id, importedId, NAME, EMAIL, PLACE, '7731', 'Zebra'])
        expect(log).not.toContain(secret);
      const entries = app.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const paths = entries.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/drafts/new',
          '/drafts',
          '/drafts/:id',
          '/drafts/:id/authorities/new',
          '/drafts/:id/signing',
          '/drafts/:id/export',
          '/drafts/import',
          '/drafts/:id/documents/instrument',
        ]),
      );
      for (const e of entries) {
        expect(Object.keys(e).sort()).toEqual(['event', 'level', 'method', 'ms', 'path', 'status', 'time']);
        expect(String(e.path)).not.toContain('?');
      }
    } finally {
      app.close();
    }
  });
});

// -------------------------------------------------------------------------------------------------

describe('text that looks like HTML is escaped wherever it is shown', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
  const QUOTE = '"><img src=x onerror=alert(2)>';
  let draft: Draft;
  beforeAll(async () => {
    draft = await createDraft(c, 'JP', ['untoc']);
    redirectOf(
      await c.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
        roles: 'untoc-18-13',
        name: SCRIPT,
        territory: SCRIPT,
        unit: QUOTE,
      }),
    );
    redirectOf(await c.post(`${draft.url}/signing`, { place: QUOTE }));
    redirectOf(
      await c.post(`${draft.url}/declarations/new`, { treaties: 'untoc', kind: 'other', text: SCRIPT }),
    );
  });

  function expectEscaped(html: string) {
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toContain('"><img');
  }

  test.each([
    ['the authority list', () => `${draft.url}/central-authorities`],
    [
      'the authority form',
      () => `${draft.url}/authorities/${entryId(t.store, draft, 'authorities', 0)}?role=untoc-18-13`,
    ],
    [
      'the remove page',
      () => `${draft.url}/authorities/${entryId(t.store, draft, 'authorities', 0)}/remove?role=untoc-18-13`,
    ],
    ['the signing page', () => `${draft.url}/signing`],
    ['the declarations', () => `${draft.url}/declarations`],
    ['the declaration form', () => `${draft.url}/declarations/${entryId(t.store, draft, 'declarations', 0)}`],
    ['check answers', () => `${draft.url}/check`],
    ['the checklist', () => `${draft.url}/checklist`],
  ])('%s', async (_label, url) => {
    const res = await c.get(url());
    expect(res.status).toBe(200);
    expectEscaped(res.text);
    expect(res.text.includes(ESCAPED) || res.text.includes('&quot;&gt;&lt;img')).toBe(true);
  });

  test('the name is shown as text where the authority is named', async () => {
    for (const url of [
      `${draft.url}/central-authorities`,
      `${draft.url}/check`,
      `${draft.url}/authorities/${entryId(t.store, draft, 'authorities', 0)}/remove?role=untoc-18-13`,
    ]) {
      const html = (await c.get(url)).text;
      expect(html).toContain(ESCAPED);
      expect(textOf(html)).toContain(SCRIPT);
    }
    const remove = (
      await c.get(
        `${draft.url}/authorities/${entryId(t.store, draft, 'authorities', 0)}/remove?role=untoc-18-13`,
      )
    ).text;
    expect(titleOf(remove)).toContain(SCRIPT);
    expect(remove).toMatch(/<title>[^<]*&lt;script&gt;/);
    expect(
      inputValue(
        (
          await c.get(
            `${draft.url}/authorities/${entryId(t.store, draft, 'authorities', 0)}?role=untoc-18-13`,
          )
        ).text,
        'name',
      ),
    ).toBe(SCRIPT);
    expect(inputValue((await c.get(`${draft.url}/signing`)).text, 'place')).toBe(QUOTE);
  });

  test('typed values shown back on a page with errors are escaped too', async () => {
    const res = await c.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
      roles: 'untoc-18-13',
      name: SCRIPT,
      email: QUOTE,
    });
    expect(res.status).toBe(400);
    expectEscaped(res.text);
    expect(inputValue(res.text, 'name')).toBe(SCRIPT);
    expect(inputValue(res.text, 'email')).toBe(QUOTE);
  });
});

// -------------------------------------------------------------------------------------------------

describe('downloads', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await createDraft(c, 'JP', ['untoc', 'som']);
    redirectOf(
      await c.post(`${draft.url}/party`, { formalName: 'the State of Japan', documentLanguage: 'en' }),
    );
  });

  test('a draft instrument is a .docx naming the treaty and the party', async () => {
    const { res, bytes } = await c.getBytes(
      `${draft.url}/documents/instrument?treaty=som&mode=draft&doclang=en`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX_MIME);
    expect(attachmentName(res)).toMatch(/^instrument-som-ratification-jp-en-draft\.docx$/);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = await docxText(bytes);
    expect(text).toContain(TREATIES.som.titles.en.text);
    expect(text).toContain('the Government of the State of Japan');
    expect(text).toMatch(/INSTRUMENT OF RATIFICATION/i);
    const untoc = await docxText(
      (await c.getBytes(`${draft.url}/documents/instrument?treaty=untoc&mode=draft&doclang=en`)).bytes,
    );
    expect(untoc).toContain(TREATIES.untoc.titles.en.text);
    expect(untoc).not.toContain(TREATIES.som.titles.en.text.split(',')[0]!);
  });

  test('in French, the instrument uses the French title of the treaty', async () => {
    const { res, bytes } = await c.getBytes(
      `${draft.url}/documents/instrument?treaty=som&mode=draft&doclang=fr`,
    );
    expect(res.status).toBe(200);
    const text = await docxText(bytes);
    expect(text).toContain(TREATIES.som.titles.fr!.text);
    expect(text).toContain('the State of Japan');
  });

  test('final mode with something missing goes to the documents page, which lists what and where to fix it', async () => {
    const res = await c.get(`${draft.url}/documents/instrument?treaty=untoc&mode=final&doclang=en`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${draft.url}/documents?mode=final&doclang=en`);
    const bundle = await c.get(`${draft.url}/documents/bundle?mode=final&doclang=en`);
    expect(bundle.status).toBe(303);
    const page = await c.get(res.headers.location as string);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain(en('pages.documents.blockedTitle'));
    const missing = errorSummary(page.text);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.map((m) => m.href)).toEqual(
      expect.arrayContaining([
        `${draft.url}/signatory`,
        `${draft.url}/extradition`,
        `${draft.url}/central-authorities`,
      ]),
    );
    expect(missing.map((m) => m.href)).not.toContain(`${draft.url}/party`);
    for (const href of new Set(missing.map((m) => m.href))) {
      expect(href.startsWith(`${draft.url}/`)).toBe(true);
      expect((await c.get(href)).status).toBe(200);
    }
  });

  test('the bundle is a zip of the documents', async () => {
    const { res, bytes } = await c.getBytes(`${draft.url}/documents/bundle?mode=draft&doclang=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(attachmentName(res)).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names.filter((n) => n.endsWith('.docx')).length).toBeGreaterThanOrEqual(4);
    expect(names.some((n) => n.startsWith('instrument-untoc'))).toBe(true);
    expect(names.some((n) => n.startsWith('instrument-som'))).toBe(true);
    const instrument = names.find((n) => n.startsWith('instrument-som') && n.endsWith('.docx'))!;
    expect(await docxText(await zip.file(instrument)!.async('nodebuffer'))).toContain('the State of Japan');
  });

  test('a complete draft gives final documents', async () => {
    const pkg = samplePackage('bhutan-accession');
    const res = await c.upload('/drafts/import', {
      content: JSON.stringify({
        kind: 'untoc-accession-draft',
        formatVersion: 1,
        draft: { package: pkg, visited: [] },
      }),
    });
    const url = redirectOf(res).split('?')[0]!;
    const { res: doc, bytes } = await c.getBytes(
      `${url}/documents/instrument?treaty=untoc&mode=final&doclang=en`,
    );
    expect(doc.status).toBe(200);
    expect(attachmentName(doc)).toBe('instrument-untoc-accession-bt-en.docx');
    const text = await docxText(bytes);
    expect(text).toContain('the Kingdom of Bhutan');
    expect(text).not.toMatch(/to be completed/i);
  });

  test('a document that does not exist, a treaty not in the draft, or full powers not needed are 404 pages', async () => {
    for (const url of [
      `${draft.url}/documents/nothing`,
      `${draft.url}/documents/instrument?treaty=fp&mode=draft`,
      `${draft.url}/documents/instrument`,
      `${draft.url}/documents/full-powers?mode=draft`,
    ]) {
      const res = await c.get(url);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
  });
});
