/**
 * Every package fixture (tests/fixtures/packages/{good,bad}) through the document endpoints: the bundle
 * in draft (every .docx inside opens), and in final mode exactly when /validate says final is allowed
 * (422 final_refused otherwise, never a 500).
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PATHS } from '../../server/paths';
import { docxText, expectApiError, postForBytes, postJson } from './helpers';
import { createTestApp, draftThroughApi, samplePackage, type TestApp } from './test-app';
import { errorSummary, JourneyClient, textOf } from './journey-helpers';
import { textsToTranslate, translatedPackage } from '../support/translations';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

function loadCases(kind: 'good' | 'bad'): Array<[string, unknown]> {
  const dir = path.join(PATHS.root, 'tests', 'fixtures', 'packages', kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'package.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => [
      `${kind}/${name}`,
      JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as unknown,
    ]);
}

/** The bundle for a package: 200, a zip whose every .docx is a Word package with a body. */
async function expectBundle(url: string, pkg: unknown): Promise<void> {
  const { res, bytes } = await postForBytes(t.app, url, pkg);
  expect({
    status: res.status,
    body: res.status === 200 ? '' : bytes.toString('utf8').slice(0, 500),
  }).toEqual({ status: 200, body: '' });
  const zip = await JSZip.loadAsync(bytes);
  const docx = Object.keys(zip.files).filter((n) => n.endsWith('.docx'));
  expect(docx.length).toBeGreaterThanOrEqual(3);
  for (const name of docx) {
    // Reading every document with mammoth here would double the time; documents.test.ts does that.
    const word = await JSZip.loadAsync((await zip.file(name)?.async('nodebuffer')) ?? Buffer.alloc(0));
    const xml = (await word.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:body>[\s\S]*<w:t[ >]/);
  }
  const checklist = Object.keys(zip.files).find((n) => n.endsWith('.docx') && n.startsWith('checklist-'));
  expect(checklist).toBeDefined();
  expect(await docxText((await zip.file(checklist ?? '')?.async('nodebuffer')) ?? Buffer.alloc(0))).toMatch(
    /checklist|Liste de contrôle/,
  );
}

const cases = [...loadCases('good'), ...loadCases('bad')];

test('there are fixtures to run', () => {
  expect(cases.length).toBeGreaterThanOrEqual(2);
});

describe.each(cases)('%s', (_name, pkg) => {
  let finalAllowed: boolean | null = null;
  beforeAll(async () => {
    const res = await postJson(t.app, '/api/v1/validate', pkg);
    finalAllowed = res.status === 200 ? (res.body as { finalAllowed: boolean }).finalAllowed : null;
  });

  test('draft bundle in English; final in French refused while an answer is untranslated, produced once each is (when final is allowed), else final_refused', async () => {
    if (finalAllowed === null) {
      // The package does not parse: every document refuses it the same way.
      expectApiError(await postJson(t.app, '/api/v1/documents/bundle', pkg), 422, 'invalid_package');
      return;
    }
    const answers = pkg as Record<string, unknown>;
    await expectBundle('/api/v1/documents/bundle?lang=en', pkg);
    // Each answer "translated" as itself: what matters here is that every document renders.
    const french = translatedPackage(answers, 'fr', (source) => source);
    if (finalAllowed) {
      const refused = await postJson(t.app, '/api/v1/documents/bundle?lang=fr&mode=final', pkg);
      if (textsToTranslate(answers, 'fr') > 0) {
        // Only the translations are missing: no other rule trips over the draft's markers.
        const err = expectApiError(refused, 422, 'final_refused');
        expect(new Set(err.issues.map((i) => i.code.replace(/\..*/, '')))).toEqual(new Set(['translation']));
      } else expect(refused.status).toBe(200);
      // Regression (designations-incomplete): final used to be allowed while the notifications kept a
      // "[to be completed]" marker for an authority without contact details; render-docx threw: 500.
      await expectBundle('/api/v1/documents/bundle?lang=fr&mode=final', french);
    } else {
      const err = expectApiError(
        await postJson(t.app, '/api/v1/documents/bundle?lang=fr&mode=final', french),
        422,
        'final_refused',
      );
      expect(err.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('an 8(6) authority named without contact details', () => {
  const pkg = () => {
    const bhutan = samplePackage('bhutan-accession');
    const authorities = (bhutan.authorities as Array<Record<string, unknown>>).map((a) =>
      (a.roles as string[]).includes('som-8-6')
        ? { roles: ['som-8-6'], name: 'Department of Immigration', designatedOn: '2027-01-04' }
        : a,
    );
    return { ...bhutan, authorities };
  };

  test('is missing from the checklist, naming the authority: final is not allowed', async () => {
    const res = await postJson(t.app, '/api/v1/validate', pkg());
    expect(res.status).toBe(200);
    const body = res.body as {
      finalAllowed: boolean;
      checklist: { items: Array<{ id: string; status: string }> };
    };
    // Regression: it was "to follow" and final allowed, and the final notifications then left the
    // designation out without a word.
    expect(body.checklist.items.find((i) => i.id === 'som-8-6')?.status).toBe('missing');
    expect(body.finalAllowed).toBe(false);
  });

  test('final notifications are refused with a message naming it; the draft marks it', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/notifications?mode=final', pkg()),
      422,
      'final_refused',
    );
    expect(JSON.stringify(err.issues)).toContain('Department of Immigration');
    const draft = await postForBytes(t.app, '/api/v1/documents/notifications', pkg());
    expect(await docxText(draft.bytes)).toContain(
      '[to be completed: an address, telephone number or e-mail address of Department of Immigration]',
    );
  });

  test('the documents page warns in draft mode, naming it, and lists it in final mode', async () => {
    const draft = await draftThroughApi(t.app, pkg());
    const c = new JourneyClient(t.app);
    const page = await c.get(`${draft.url}/documents?mode=draft&doclang=en`);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain('Final documents cannot be produced yet');
    expect(text).toContain(
      'Department of Immigration: give at least an address, a telephone number or an e-mail address',
    );
    const final = await c.get(`${draft.url}/documents?mode=final&doclang=en`);
    expect(
      errorSummary(final.text)
        .map((l) => l.text)
        .join(' '),
    ).toContain('8(6)');
  });
});

describe('the task list and the documents page agree on readiness', () => {
  test('both say final documents cannot be produced yet, with the same count', async () => {
    const bhutan = samplePackage('bhutan-accession');
    const authorities = (bhutan.authorities as Array<Record<string, unknown>>).map((a) =>
      (a.roles as string[]).includes('som-8-6')
        ? { roles: ['som-8-6'], name: 'Department of Immigration', designatedOn: '2027-01-04' }
        : a,
    );
    const draft = await draftThroughApi(t.app, { ...bhutan, authorities });
    const c = new JourneyClient(t.app);
    // Regression: the task list said "Every section due at deposit is completed" and nothing more,
    // while the documents page refused final documents.
    const tasks = textOf((await c.get(`${draft.url}?lang=en`)).text);
    expect(tasks).toContain(
      'Final documents cannot be produced yet: 1 thing must be fixed first, listed on the documents page.',
    );
    const documents = textOf((await c.get(`${draft.url}/documents?mode=final&doclang=en&lang=en`)).text);
    expect(documents).toContain('1 thing must be fixed first:');
    const ready = await draftThroughApi(t.app, bhutan);
    expect(textOf((await c.get(`${ready.url}?lang=en`)).text)).toContain(
      'Final documents can be produced now.',
    );
  });
});
