/**
 * Translating a draft's answers on the pages (journey/translate.ts), on the real app and a real SQLite
 * file: the overview of the languages, a language's page (each answer's source beside its field, names
 * printed as typed, the UN formal name a fixed term), saving, final documents in French once every answer
 * is translated (read back from the .docx), a changed answer making its translation stale until it is
 * confirmed or changed, two translators at once, and addresses that are not a language to translate into.
 */
import { docxText } from './helpers';
import {
  errorSummary,
  expectedString,
  h1s,
  hrefs,
  inputValue,
  changeThroughApi,
  JourneyClient,
  redirectOf,
  summaryRows,
  textOf,
  type Draft,
} from './journey-helpers';
import { createTestApp, draftThroughApi, samplePackage, type TestApp } from './test-app';
import { SAMPLE_FRENCH } from '../support/translations';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

/** A draft made from the Bhutan example (English answers), as the API creates it. */
const bhutanDraft = (): Promise<Draft> => draftThroughApi(t.app, samplePackage('bhutan-accession'));

function storedPackage(draft: Draft) {
  const row = t.store.drafts.get(draft.id);
  if (!row) throw new Error('no draft');
  return (JSON.parse(row.data) as { package: Record<string, unknown> }).package as {
    signing: { place: string | null };
    translations: Record<string, Record<string, { text: string; source: string }>>;
  };
}

/** The field (its id and name: the answer's key) whose source, shown as its hint, is `source`. */
function fieldOf(html: string, source: string): string {
  const m = new RegExp(`<div id="([^"]+)-hint" class="hint" lang="en" dir="auto">${source}</div>`).exec(html);
  if (!m) throw new Error(`no field shows ${source}`);
  return m[1]!;
}

/** The French for each English answer the French page asks for, by field name (the answer's key). */
function frenchFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(
    /<input [^>]*id="([^"]+)" name="[^"]+" type="text" value="[^"]*" dir="auto" lang="fr"/g,
  )) {
    const key = m[1]!;
    const source = new RegExp(`id="${key.replace(/\./g, '\\.')}-hint"[^>]*>([^<]*)<`).exec(html)?.[1];
    if (source === undefined) throw new Error(`no source shown for ${key}`);
    const french = SAMPLE_FRENCH[source.trim()];
    if (key === 'signatory.name') continue;
    if (french === undefined) throw new Error(`no French for ${source}`);
    fields[key] = french;
  }
  return fields;
}

describe('the languages', () => {
  test('the task list links to the overview, which lists each language but the answers own, with progress', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const tasks = await c.get(draft.url);
    expect(hrefs(tasks.text)).toContain(`${draft.url}/translate`);
    const res = await c.get(`${draft.url}/translate`);
    expect(res.status).toBe(200);
    expect(h1s(res.text)).toEqual([expectedString('en', 'pages.translate.overviewTitle')]);
    expect(hrefs(res.text).filter((h) => h.startsWith(`${draft.url}/translate/`))).toEqual(
      ['ar', 'zh', 'fr', 'ru', 'es'].map((l) => `${draft.url}/translate/${l}`),
    );
    expect(textOf(res.text)).toContain(
      expectedString('en', 'pages.translate.progress_other', { translated: 0, count: 11, stale: 0 }),
    );
  });

  test('the answers own language, or no language, is a 404 page', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    for (const lng of ['en', 'xx', 'fr-FR']) {
      const res = await c.get(`${draft.url}/translate/${lng}`);
      expect(res.status).toBe(404);
      expect(hrefs(res.text)).toContain(`${draft.url}/translate`);
    }
  });
});

describe('a language', () => {
  test('each answer beside its source; names as typed; the formal name fixed as the UN write it', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const res = await c.get(`${draft.url}/translate/fr`);
    expect(res.status).toBe(200);
    expect(h1s(res.text)).toEqual([expectedString('en', 'pages.translate.title', { language: 'French' })]);
    // The source is shown in its language, the field is for French.
    const key = fieldOf(res.text, 'Office of the Attorney General');
    expect(key).toMatch(/^authorities\.[A-Za-z0-9_-]+\.name$/);
    expect(res.text).toContain(`id="${key}" name="${key}" type="text" value="" dir="auto" lang="fr"`);
    expect(textOf(res.text)).toContain(
      `${expectedString('en', 'fields.signatory/name')} (${expectedString('en', 'pages.translate.states.asTyped')})`,
    );
    expect(textOf(res.text)).toContain(
      expectedString('en', 'pages.translate.fixed', {
        field: expectedString('en', 'fields.party/formalName'),
        language: 'French',
        text: 'le Royaume du Bhoutan',
      }),
    );
    expect(res.text).not.toContain('id="party.formalName"');
  });

  test('saved, the translations are stored with their source; the final French instrument holds no English', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    // Before: final French is refused, naming each answer, linked to its field.
    const before = await c.get(`${draft.url}/documents?mode=final&doclang=fr`);
    expect(hrefs(before.text).filter((h) => h.startsWith(`${draft.url}/translate/fr#`))).toHaveLength(11);

    const page = await c.get(`${draft.url}/translate/fr`);
    const fields = frenchFields(page.text);
    expect(Object.keys(fields)).toHaveLength(11);
    const saved = await c.submit(`${draft.url}/translate/fr`, fields);
    expect(redirectOf(saved)).toBe(`${draft.url}/translate`);
    expect(storedPackage(draft).translations.fr?.['signing.place']).toEqual({
      text: 'Thimphou',
      source: 'Thimphu',
    });
    const overview = await c.get(`${draft.url}/translate`);
    expect(textOf(overview.text)).toContain(
      expectedString('en', 'pages.translate.progress_other', { translated: 11, count: 11, stale: 0 }),
    );
    // Shown back.
    expect(inputValue((await c.get(`${draft.url}/translate/fr`)).text, 'signing.place')).toBe('Thimphou');

    const documents = await c.get(`${draft.url}/documents?mode=final&doclang=fr`);
    expect(textOf(documents.text)).not.toContain(expectedString('en', 'pages.documents.blockedTitle'));
    const href = hrefs(documents.text).find((h) => h.includes('/documents/notifications'));
    expect(href).toBeDefined();
    const { res, bytes } = await c.getBytes(href ?? '');
    expect(res.status).toBe(200);
    // The authority's time zone is named by its IANA id (Asia/Thimphu), in every language.
    const text = (await docxText(bytes)).replace('Asia/Thimphu', '');
    expect(text).toContain('Bureau du Procureur général');
    expect(text).toContain('Division de la coopération internationale');
    for (const english of Object.keys(SAMPLE_FRENCH).filter((s) => !/^(Chang Lam|Bangkok)$/.test(s)))
      expect(text).not.toContain(english);
    expect(text).not.toContain('traduire');
  });

  test('a translation too long, or holding a control character, is refused with the field named; nothing saved', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const key = fieldOf((await c.get(`${draft.url}/translate/fr`)).text, 'Office of the Attorney General');
    const res = await c.submit(`${draft.url}/translate/fr`, {
      'signing.place': 'x'.repeat(2000),
      [key]: 'Bureau \ue000du\ue001 Procureur',
    });
    expect(res.status).toBe(400);
    expect(errorSummary(res.text).map((e) => e.href)).toEqual(['#signing.place', `#${key}`]);
    expect(storedPackage(draft).translations.fr).toBeUndefined();
  });
});

describe('a source answer that changes', () => {
  async function translatedThenChanged() {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    redirectOf(await c.submit(`${draft.url}/translate/fr`, { 'signing.place': 'Thimphou' }));
    // The place of signature changes after it was translated (through the API, as a program would).
    await changeThroughApi(t.app, draft.id, (pkg) => ({
      ...pkg,
      signing: { ...(pkg.signing as object), place: 'Paro' },
    }));
    return { draft, c };
  }

  test('its translation is stale: flagged, offered for confirmation, and final French refused', async () => {
    const { draft, c } = await translatedThenChanged();
    const page = await c.get(`${draft.url}/translate/fr`);
    expect(textOf(page.text)).toContain(
      `${expectedString('en', 'fields.signing/place')} (${expectedString('en', 'pages.translate.states.stale')})`,
    );
    expect(textOf(page.text)).toContain(
      expectedString('en', 'pages.translate.translatedFrom', { text: 'Thimphu' }),
    );
    expect(page.text).toContain('name="signing.place.confirm"');
    const documents = await c.get(`${draft.url}/documents?mode=final&doclang=fr`);
    expect(hrefs(documents.text)).toContain(`${draft.url}/translate/fr#signing.place`);
    expect(textOf(documents.text)).toContain(
      expectedString('en', 'legal:translation.stale', {
        field: expectedString('en', 'fields.signing/place'),
        source: 'Paro',
        language: 'French',
      }),
    );
  });

  test('check answers shows the language with its translation out of date, linked to its page', async () => {
    const { draft, c } = await translatedThenChanged();
    const check = await c.get(`${draft.url}/check`);
    const row = summaryRows(check.text).find((r) => r.key === 'French');
    expect(row?.value).toBe(
      [
        expectedString('en', 'pages.translate.progress_other', { translated: 0, count: 11, stale: 1 }),
        expectedString('en', 'pages.check.staleTranslation', {
          field: expectedString('en', 'fields.signing/place'),
          source: 'Paro',
        }),
      ].join(' '),
    );
    expect(row?.href).toBe(`${draft.url}/translate/fr`);
    // A language nobody has begun is not listed.
    expect(summaryRows(check.text).some((r) => r.key === 'Arabic')).toBe(false);
  });

  test('saved unchanged it stays stale; confirmed, it is a translation of the new answer', async () => {
    const { draft, c } = await translatedThenChanged();
    redirectOf(await c.submit(`${draft.url}/translate/fr`, { 'signing.place': 'Thimphou' }));
    expect(storedPackage(draft).translations.fr?.['signing.place']).toEqual({
      text: 'Thimphou',
      source: 'Thimphu',
    });
    redirectOf(
      await c.submit(`${draft.url}/translate/fr`, {
        'signing.place': 'Thimphou',
        'signing.place.confirm': 'yes',
      }),
    );
    expect(storedPackage(draft).translations.fr?.['signing.place']).toEqual({
      text: 'Thimphou',
      source: 'Paro',
    });
  });

  test('changed, the new translation is of the new answer', async () => {
    const { draft, c } = await translatedThenChanged();
    redirectOf(await c.submit(`${draft.url}/translate/fr`, { 'signing.place': 'Paro' }));
    expect(storedPackage(draft).translations.fr?.['signing.place']).toEqual({ text: 'Paro', source: 'Paro' });
    const page = await c.get(`${draft.url}/translate/fr`);
    expect(page.text).not.toContain('name="signing.place.confirm"');
  });
});

describe('an answer removed', () => {
  test('its translation goes at the next save of the language', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const page = await c.get(`${draft.url}/translate/fr`);
    const immigration = fieldOf(page.text, 'Department of Immigration');
    redirectOf(
      await c.send(page, { [immigration]: "Département de l'immigration", 'signing.place': 'Thimphou' }),
    );
    // The authority is removed (through the API, as a program would).
    await changeThroughApi(t.app, draft.id, (pkg) => ({
      ...pkg,
      authorities: (pkg.authorities as { name: string }[]).filter(
        (a) => a.name !== 'Department of Immigration',
      ),
    }));
    expect(storedPackage(draft).translations.fr?.[immigration]).toBeDefined();
    redirectOf(await c.submit(`${draft.url}/translate/fr`, { 'signing.place': 'Thimphou' }));
    expect(Object.keys(storedPackage(draft).translations.fr ?? {})).toEqual(['signing.place']);
  });
});

describe('two translators at once', () => {
  test('different answers are both kept; the same answer translated differently is a conflict', async () => {
    const draft = await bhutanDraft();
    const a = new JourneyClient(t.app);
    const b = new JourneyClient(t.app);
    const pageA = await a.get(`${draft.url}/translate/fr`);
    const pageB = await b.get(`${draft.url}/translate/fr`);
    const immigration = fieldOf(pageB.text, 'Department of Immigration');
    const unit = fieldOf(pageB.text, 'International Cooperation Division');
    redirectOf(await a.send(pageA, { 'signing.place': 'Thimphou' }));
    redirectOf(await b.send(pageB, { [immigration]: "Département de l'immigration" }));
    expect(storedPackage(draft).translations.fr).toMatchObject({
      'signing.place': { text: 'Thimphou' },
      [immigration]: { text: "Département de l'immigration" },
    });

    const pageA2 = await a.get(`${draft.url}/translate/fr`);
    const pageB2 = await b.get(`${draft.url}/translate/fr`);
    redirectOf(await a.send(pageA2, { [unit]: 'Division de la coopération internationale' }));
    const conflict = await b.send(pageB2, { [unit]: 'Service de la coopération internationale' });
    expect(conflict.status).toBe(409);
    expect(textOf(conflict.text)).toContain('Service de la coopération internationale');
    expect(storedPackage(draft).translations.fr?.[unit]?.text).toBe(
      'Division de la coopération internationale',
    );
  });
});
