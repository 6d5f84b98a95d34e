/**
 * A regional economic integration organization within the limits of its competence (UNTOC 2(j)): the
 * European Union's approval of the Convention, answering the notifications it does not make as outside
 * its competence, reaches final documents (read back from the .docx); the question is offered to an
 * organization only, and a State's package saying so is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../server/paths';
import { docxText, expectApiError, paragraphs, postForBytes, postJson } from './helpers';
import { createTestApp, type TestApp } from './test-app';
import {
  checkedValues,
  createDraft,
  JourneyClient,
  redirectOf,
  summaryRows,
  textOf,
} from './journey-helpers';

let t: TestApp;
let c: JourneyClient;
beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

function fixture(kind: 'good' | 'bad', name: string): Record<string, unknown> {
  const file = path.join(PATHS.root, 'tests', 'fixtures', 'packages', kind, name, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

async function final(doc: string, pkg: unknown): Promise<string[]> {
  const { res, bytes } = await postForBytes(t.app, `/api/v1/documents/${doc}?mode=final`, pkg);
  expect({
    status: res.status,
    body: res.status === 200 ? '' : bytes.toString('utf8').slice(0, 500),
  }).toEqual({
    status: 200,
    body: '',
  });
  return paragraphs(await docxText(bytes));
}

describe('the European Union approves the Convention, with matters outside its competence', () => {
  const pkg = fixture('good', 'eu-approves-untoc-outside-competence');

  test('validate: final allowed; the four items not applicable, never missing', async () => {
    const res = await postJson(t.app, '/api/v1/validate', pkg);
    expect(res.status).toBe(200);
    const body = res.body as {
      finalAllowed: boolean;
      checklist: { items: Array<{ id: string; status: string; reason: string | null }> };
    };
    expect(body.finalAllowed).toBe(true);
    for (const id of ['untoc-18-13', 'untoc-18-14', 'untoc-16-5-a', 'untoc-31-6']) {
      const item = body.checklist.items.find((i) => i.id === id);
      expect({ id, status: item?.status }).toEqual({ id, status: 'not-applicable' });
      expect(item?.reason).toContain('outside the organization’s competence');
    }
  });

  test('final notifications: a sentence per matter outside its competence, in place of the notification', async () => {
    const text = await final('notifications', pkg);
    const outside = text.filter((p) => p.includes('falls outside its competence'));
    expect(outside).toEqual([
      expect.stringMatching(
        /^1\.?\s*As regards article 18, paragraph 13, of the Convention, the European Union informs the Secretary-General of the United Nations that the matter falls outside its competence, as set out in its declaration of competence \(article 2 \(j\) of the Convention\)\.$/,
      ),
      expect.stringMatching(/As regards article 18, paragraph 14, of the Convention/),
      expect.stringMatching(
        /As regards article 16, paragraph 5 \(a\), of the Convention|As regards article 16, paragraph 5, subparagraph \(a\), of the Convention/,
      ),
      expect.stringMatching(/As regards article 31, paragraph 6, of the Convention/),
    ]);
    const all = text.join('\n');
    expect(all).not.toMatch(
      /designates the following central authority|acceptable|domestic law|\[to be completed/,
    );
    // The copies of laws enclosed are still notified (6(2)(d)); 5(3) needs no notification (neither condition).
    expect(all).toMatch(/6, paragraph 2 \(d\)|6, paragraph 2, subparagraph \(d\)/);
  });

  test('final instrument and checklist: the declaration of competence; the reason in the checklist', async () => {
    const instrument = (await final('instrument', pkg)).join('\n');
    expect(instrument).toContain('its Member States have transferred competence to it');
    const checklist = (await final('checklist', pkg)).join('\n');
    expect(checklist).toContain('outside the organization’s competence');
    // What to supply for 5(3): the organization's legal order, never domestic law.
    expect(checklist).toContain('Whether the organization’s legal order requires the involvement');
    // (the quoted treaty text keeps its own words, "States Parties whose domestic law requires").
    expect(checklist).not.toMatch(/^Whether domestic law/m);
  });

  test('the whole bundle in final mode', async () => {
    const { res } = await postForBytes(t.app, '/api/v1/documents/bundle?mode=final', pkg);
    expect(res.status).toBe(200);
  });

  test('5(3) speaks of the organization’s legal order, never of domestic law', async () => {
    const text = (await final('notifications', fixture('good', 'eu-5-3-legal-order'))).join('\n');
    expect(text).toContain(
      'the European Union informs the Secretary-General of the United Nations that its legal order requires involvement of an organized criminal group and an act in furtherance of the agreement',
    );
    expect(text).not.toContain('domestic law');
  });
});

describe('a State cannot answer "outside competence"', () => {
  test('the schema refuses it (422 invalid_package)', async () => {
    const err = expectApiError(
      await postJson(
        t.app,
        '/api/v1/documents/notifications',
        fixture('bad', 'schema-state-outside-competence'),
      ),
      422,
      'invalid_package',
    );
    expect(JSON.stringify(err.issues)).toContain('schema.outsideCompetenceState');
  });
});

describe('the page', () => {
  test('is offered to an organization: after the declaration of competence, ticked matters saved, sections complete', async () => {
    const d = await createDraft(c, 'EU', ['untoc', 'tip']);
    const page = await c.get(`${d.url}/outside-competence`);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain('Which of these matters fall outside the organization’s competence?');
    expect(textOf(page.text)).toContain('Central authority for mutual legal assistance (UNTOC art. 18(13))');
    // The Trafficking in Persons Protocol has no notification of its own: no 8(6), no 13(2).
    expect(page.text).not.toContain('value="som-8-6"');
    const saved = await c.post(`${d.url}/outside-competence`, {
      outsideCompetence: ['untoc-18-13', 'untoc-18-14'],
    });
    // Back to the task list, which points out the declaration of competence still blank.
    expect(redirectOf(saved)).toBe(`${d.url}?blank=competence`);
    expect(checkedValues((await c.get(`${d.url}/outside-competence`)).text, 'outsideCompetence')).toEqual([
      'untoc-18-13',
      'untoc-18-14',
    ]);
    const tasks = textOf((await c.get(d.url)).text);
    expect(tasks).toMatch(/Central authorities[^.]*?Completed/);
    const check = summaryRows((await c.get(`${d.url}/check`)).text);
    expect(check.some((r) => r.value.includes('Central authority for mutual legal assistance'))).toBe(true);
  });

  test('the 5(3) page asks an organization about its legal order', async () => {
    const d = await createDraft(c, 'EU', ['untoc']);
    const text = textOf((await c.get(`${d.url}/article5`)).text);
    expect(text).toContain(
      'Does the organization’s legal order require the involvement of an organized criminal group',
    );
    expect(text).not.toContain('Does your law require');
    expect(text).toContain('For an organization, the question is about its own legal order');
  });

  test('is not offered to a State', async () => {
    const d = await createDraft(c, 'JP', ['untoc']);
    const page = await c.get(`${d.url}/outside-competence`);
    expect(page.status).not.toBe(200);
    expect(page.status).toBeLessThan(500);
    const tasks = (await c.get(d.url)).text;
    expect(tasks).not.toContain('outside-competence');
    const article5 = textOf((await c.get(`${d.url}/article5`)).text);
    expect(article5).toContain('Does your law require');
    expect(article5).toContain('Article 5(3): a State whose law requires');
  });
});
