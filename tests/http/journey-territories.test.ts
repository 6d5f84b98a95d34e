/**
 * A State's special regions or territories through the pages (UNTOC 18(13), 18(14), 16(5)(a), 5(3)): the
 * list page (add, change, remove, "done"), the territory's form (its name, its languages with the
 * languages page's widget, its extradition and 5(3) answers, each "same as the State" when left so), the
 * central authority form offering the territories, check answers, what is refused, and the section's
 * absence for an organization.
 */
import { docxText } from '../documents/helpers';
import { binaryParser } from './helpers';
import { createTestApp, type TestApp } from './test-app';
import {
  checkedValues,
  createDraft,
  decodeEntities,
  errorSummary,
  expectedString,
  inlineErrors,
  JourneyClient,
  redirectOf,
  summaryRows,
  textOf,
  type FormFields,
} from './journey-helpers';

let t: TestApp;
let c: JourneyClient;

beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

const s = (key: string, params: Record<string, string | number> = {}) => expectedString('en', key, params);
const post = (url: string, fields: FormFields) => c.post(url, fields);
const page = async (url: string) => decodeEntities((await c.get(url)).text);

/** The id of a draft's territory at `index`, read from the SQLite file (pages address entries by id). */
function territoryId(draftId: string, index: number): string {
  const row = t.store.drafts.get(draftId);
  const data = JSON.parse(row!.data) as { package: { territories: { id: string }[] } };
  return data.package.territories[index]!.id;
}

const HK = 'the Hong Kong Special Administrative Region';
const SAME = {
  conditionalOnTreaty: 'same',
  conventionAsLegalBasis: 'same',
  requiresOrganizedCriminalGroup: 'same',
  requiresActInFurtherance: 'same',
};

test('add, change and remove a territory; its card, check answers, the central authority form; "done" completes the section', async () => {
  const d = await createDraft(c, 'JP', ['untoc', 'tip']);
  const tasks = await page(d.url);
  expect(textOf(tasks)).toContain(s('pages.sections.territories'));
  const list = `${d.url}/territories`;
  const empty = await page(list);
  expect(textOf(empty)).toContain(s('pages.territories.empty'));
  expect(textOf(empty)).toContain(s('pages.territories.add'));
  // The lead cites 18(13) for the distinct central authority alone; the territory's other statements each
  // with its own article, as the State's own statements, not as something 18(13) provides for.
  const lead = textOf(empty);
  expect(lead).toContain('it may designate a distinct central authority for it (article 18(13))');
  expect(lead).toContain(
    'its languages for requests (article 18(14)), its answer on extradition (article 16(5)(a)) and its answers on the participation offence (article 5(3))',
  );
  expect(lead).toContain('as those articles do not provide for them per territory');
  expect(lead).not.toMatch(/separately \(article 18\(13\)\)/);

  // The form: a name, the six official languages then others, and four three-way questions.
  const form = await page(`${list}/new`);
  expect(textOf(form)).toContain(s('pages.q.territory.name.label'));
  expect(form).toContain('id="un-zh"');
  expect(form).toContain('id="other1"');
  for (const q of Object.keys(SAME)) expect(checkedValues(form, q)).toEqual(['same']);

  expect(
    redirectOf(
      await post(`${list}/new`, {
        ...SAME,
        name: HK,
        un: ['zh', 'en'],
        other1: 'pt',
        conditionalOnTreaty: 'yes',
        conventionAsLegalBasis: 'no',
      }),
    ),
  ).toBe(list);
  const one = await page(list);
  expect(textOf(one)).toContain(HK);
  const rows = summaryRows(one);
  expect(rows.find((r) => r.key === s('pages.territories.rows.languages'))?.value).toContain('Chinese');
  expect(rows.find((r) => r.key === s('pages.territories.rows.extradition'))?.value).toBe(
    s('pages.territories.extradition.basisNo'),
  );
  expect(rows.find((r) => r.key === s('pages.territories.rows.article5'))?.value).toBe(
    s('pages.territories.same'),
  );

  // Opened again, the form shows the answers as saved.
  const entry = `${list}/${territoryId(d.id, 0)}`;
  const change = await page(entry);
  expect(checkedValues(change, 'un').sort()).toEqual(['en', 'zh']);
  expect(checkedValues(change, 'conditionalOnTreaty')).toEqual(['yes']);
  expect(checkedValues(change, 'conventionAsLegalBasis')).toEqual(['no']);
  expect(checkedValues(change, 'requiresActInFurtherance')).toEqual(['same']);
  expect(
    redirectOf(
      await post(entry, {
        ...SAME,
        name: HK,
        un: ['zh', 'en'],
        requiresOrganizedCriminalGroup: 'yes',
        requiresActInFurtherance: 'no',
      }),
    ),
  ).toBe(list);
  expect(
    summaryRows(await page(list)).find((r) => r.key === s('pages.territories.rows.article5'))?.value,
  ).toBe(s('pages.territories.article5.group'));

  // The central authority form offers the whole State or the territory.
  const authority = await page(`${d.url}/authorities/new?role=untoc-18-13`);
  expect(authority).toContain(`value="${HK}"`);
  expect(textOf(authority)).toContain(s('pages.q.authority.territoryWholeState'));
  expect(
    redirectOf(
      await post(`${d.url}/authorities/new?role=untoc-18-13`, {
        role: 'untoc-18-13',
        roles: 'untoc-18-13',
        name: 'Department of Justice',
        email: 'mla@example.hk',
        territory: HK,
      }),
    ),
  ).toBe(`${d.url}/central-authorities`);
  expect(textOf(await page(`${d.url}/central-authorities`))).toContain(
    s('pages.authorities.forTerritory', { name: 'Department of Justice', territory: HK }),
  );

  // Renamed, the territory takes its central authority with it.
  const SAR = 'the Hong Kong SAR';
  expect(
    redirectOf(
      await post(entry, {
        ...SAME,
        name: SAR,
        requiresOrganizedCriminalGroup: 'yes',
        requiresActInFurtherance: 'no',
      }),
    ),
  ).toBe(list);
  expect(textOf(await page(`${d.url}/central-authorities`))).toContain(
    s('pages.authorities.forTerritory', { name: 'Department of Justice', territory: SAR }),
  );
  expect(
    redirectOf(
      await post(entry, {
        ...SAME,
        name: HK,
        requiresOrganizedCriminalGroup: 'yes',
        requiresActInFurtherance: 'no',
      }),
    ),
  ).toBe(list);

  // "Done" marks the section as gone through; check answers shows the territory's answers.
  expect(redirectOf(await post(list, {}))).toBe(d.url);
  expect(await page(d.url)).toMatch(/id="task-territories-status"><strong class="tag tag-completed">/);
  const check = textOf(await page(`${d.url}/check`));
  expect(check).toContain(s('pages.sections.territories'));
  expect(check).toContain(
    s('pages.check.entryLine', {
      label: s('pages.territories.rows.article5'),
      value: s('pages.territories.article5.group'),
    }),
  );

  // Removed, after a confirmation.
  expect(redirectOf(await post(`${entry}/remove`, { confirm: 'no' }))).toBe(list);
  expect(textOf(await page(list))).toContain(HK);
  expect(redirectOf(await post(`${entry}/remove`, { confirm: 'yes' }))).toBe(list);
  expect(textOf(await page(list))).toContain(s('pages.territories.empty'));
});

test('refused with a message: no name, a legal basis without the condition, the same territory twice', async () => {
  const d = await createDraft(c, 'JP', ['untoc']);
  const list = `${d.url}/territories`;
  const blank = await post(`${list}/new`, { ...SAME, name: '' });
  expect(blank.status).toBe(400);
  expect(inlineErrors(decodeEntities(blank.text)).get('name')).toContain(
    s('pages.q.territory.name.required'),
  );

  const basis = await post(`${list}/new`, { ...SAME, name: HK, conventionAsLegalBasis: 'yes' });
  expect(basis.status).toBe(400);
  expect(errorSummary(decodeEntities(basis.text)).map((e) => e.text)).toEqual([
    s('pages.errors.territoryLegalBasisWithoutCondition', {
      label: s('pages.q.territory.conventionAsLegalBasis.label'),
    }),
  ]);
  expect(textOf(await page(list))).toContain(s('pages.territories.empty'));

  expect(redirectOf(await post(`${list}/new`, { ...SAME, name: HK }))).toBe(list);
  const twice = await post(`${list}/new`, { ...SAME, name: HK.toUpperCase() });
  expect(twice.status).toBe(400);
  expect(errorSummary(decodeEntities(twice.text)).map((e) => e.text)).toEqual([
    s('pages.errors.territoryTwice', { label: s('pages.q.territory.name.label') }),
  ]);

  // The Convention cannot be taken out while territories make its notifications: the page says why.
  const treaties = await post(`${d.url}/treaties`, { treaties: ['tip'] });
  expect(treaties.status).toBe(400);
  expect(errorSummary(decodeEntities(treaties.text)).map((e) => e.text)).toEqual([
    s('pages.errors.page.territoryWithoutConvention'),
  ]);
});

test('an organization has no territories: the section is absent and its pages are not found', async () => {
  const d = await createDraft(c, 'EU', ['untoc']);
  const tasks = textOf(await page(d.url));
  expect(tasks).not.toContain(s('pages.sections.territories'));
  expect(tasks).toContain(s('pages.notApplicable.territories'));
  expect((await c.get(`${d.url}/territories`)).status).toBe(404);
});

test('a later notification whose only content is a special administrative region’s languages', async () => {
  redirectOf(await c.post('/drafts/new', { purpose: 'notify', party: 'CN' }));
  const url = redirectOf(await c.post('/drafts', { party: 'CN', purpose: 'notify', treaties: ['untoc'] }));
  redirectOf(
    await c.post(`${url}/signatory`, {
      name: 'A. Person',
      signerTitle: 'Permanent Representative',
      office: 'other',
    }),
  );
  redirectOf(
    await c.post(`${url}/signing`, {
      place: 'New York',
      'date-day': '1',
      'date-month': '12',
      'date-year': '2026',
    }),
  );
  redirectOf(
    await c.post(`${url}/party`, { formalName: "the People's Republic of China", documentLanguage: 'en' }),
  );
  const before = textOf(await page(`${url}/documents?mode=final&lang=en`));
  expect(before).toContain('This notification makes no notification yet');

  // The territories section applies to a State's later notification; the region's languages alone.
  expect(textOf(await page(`${url}?lang=en`))).toContain(s('pages.sections.territories'));
  expect(redirectOf(await post(`${url}/territories/new`, { ...SAME, name: HK, un: ['zh', 'en'] }))).toBe(
    `${url}/territories`,
  );
  const after = textOf(await page(`${url}/documents?mode=final&lang=en`));
  expect(after).not.toContain('This notification makes no notification yet');

  const docx = await c.agent
    .get(`${url}/documents/notifications?mode=final&doclang=en`)
    .buffer(true)
    .parse(binaryParser);
  expect(docx.status).toBe(200);
  const body = await docxText(docx.body as Buffer);
  expect(body).toContain(
    `With respect to ${HK}, in accordance with article 18, paragraph 14, of the Convention,`,
  );
  expect(body).toContain('As a party to the following treaties');
});
