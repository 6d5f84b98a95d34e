/**
 * The guided journey, page by page: every page opens in the six languages (?lang=, and in French by
 * Accept-Language) with its heading, a language switcher that keeps the reader's place, and forms that
 * leave validation to the server; a valid answer is saved and leads to the right next page; an invalid
 * one is a 400 with the GOV.UK error summary, inline messages, the typed values shown back and nothing
 * saved; answers that stop applying are removed and the next page says so; check answers sends the
 * reader back to itself.
 */
import request from 'supertest';
import { unShortName } from '../../server/catalogue/un-names';
import { SUPPORTED_LANGUAGES } from '../../server/i18n';
import {
  checkedValues,
  createDraft,
  entryId,
  elementIds,
  errorSummary,
  expectedString,
  formAction,
  h1s,
  hrefs,
  htmlLangDir,
  inlineErrors,
  inputValue,
  JourneyClient,
  localeString,
  notice,
  redirectOf,
  selectedOption,
  summaryRows,
  switcherLinks,
  textareaValue,
  textOf,
  titleOf,
  translated,
  type Draft,
  type FormFields,
  type Lang,
} from './journey-helpers';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
let c: JourneyClient;
/** Japan (a signatory of all four treaties), signed by someone who needs full powers, extradition conditional on a treaty, an authority for each designation, a declaration. */
let full: Draft;
/** The European Union, for the Convention and the Trafficking in Persons Protocol. */
let eu: Draft;

const ROLES = [
  { list: 'central-authorities', role: 'untoc-18-13', name: 'Ministry of Justice of Japan' },
  { list: 'prevention', role: 'untoc-31-6', name: 'National Police Agency' },
  { list: 'maritime', role: 'som-8-6', name: 'Japan Coast Guard' },
  { list: 'firearms', role: 'fp-13-2', name: 'Firearms Desk' },
] as const;

const ALL_TREATIES = ['untoc', 'tip', 'som', 'fp'] as const;

beforeAll(async () => {
  t = createTestApp();
  c = new JourneyClient(t.app);
  full = await createDraft(c, 'JP', ALL_TREATIES);
  redirectOf(
    await c.post(`${full.url}/signatory`, {
      name: 'Taro Example',
      signerTitle: 'Ambassador',
      office: 'other',
    }),
  );
  redirectOf(await c.post(`${full.url}/extradition`, { conditionalOnTreaty: 'yes' }));
  for (const r of ROLES)
    redirectOf(await c.post(`${full.url}/authorities/new?role=${r.role}`, { roles: r.role, name: r.name }));
  redirectOf(
    await c.post(`${full.url}/declarations/new`, {
      treaties: 'untoc',
      kind: 'territorial',
      text: 'The Convention applies to the whole territory.',
    }),
  );
  eu = await createDraft(c, 'EU', ['untoc', 'tip']);
});
afterAll(() => t.close());

const SERVICE = (lang: Lang) => expectedString(lang, 'pages.serviceName');
/** A State's name as the pages show it: the UN's short name in the six languages. */
const regionIn = (lang: Lang, code: string) => unShortName(code, lang) ?? code;

// -------------------------------------------------------------------------------------------------
// Every page, in both languages

interface Text {
  readonly key: string;
  readonly params?: (lang: Lang) => Record<string, string | number>;
  /** The language the text is in when it is not the page's (the checklist is in the documents' language). */
  readonly lang?: Lang;
}

interface PageCase {
  readonly name: string;
  readonly url: () => string;
  /** The page's one <h1>; null when it is not checked (see the report: the signatory page). */
  readonly h1: Text | null;
  /** The <title> before " – service name", when it is not the h1. */
  readonly title?: Text;
}

const removeName = (lang: Lang) => ({ name: expectedString(lang, 'pages.declarations.item', { n: 1 }) });

const PAGES: readonly PageCase[] = [
  {
    name: 'the start page',
    url: () => '/',
    h1: { key: 'pages.home.heading' },
    title: { key: 'pages.serviceName' },
  },
  { name: 'new draft: the party', url: () => '/drafts/new', h1: { key: 'pages.newDraft.title' } },
  {
    name: 'new draft: the treaties',
    url: () => '/drafts/new/treaties?party=JP',
    h1: { key: 'pages.newDraft.treaties.label', params: (lang) => ({ party: regionIn(lang, 'JP') }) },
    title: { key: 'pages.newDraft.treaties.title' },
  },
  { name: 'import', url: () => '/drafts/import', h1: { key: 'pages.import.title' } },
  { name: 'the task list', url: () => full.url, h1: { key: 'pages.tasks.title' } },
  { name: 'party', url: () => `${full.url}/party`, h1: { key: 'pages.q.party.title' } },
  { name: 'treaties', url: () => `${full.url}/treaties`, h1: { key: 'pages.q.treaties.treaties.label' } },
  { name: 'instruments', url: () => `${full.url}/instruments`, h1: { key: 'pages.q.instruments.title' } },
  {
    name: 'signature-reservations',
    url: () => `${full.url}/signature-reservations`,
    h1: { key: 'pages.q.signature-reservations.title' },
  },
  { name: 'signatory', url: () => `${full.url}/signatory`, h1: { key: 'pages.q.signatory.title' } },
  { name: 'full-powers', url: () => `${full.url}/full-powers`, h1: { key: 'pages.q.full-powers.title' } },
  { name: 'signing', url: () => `${full.url}/signing`, h1: { key: 'pages.q.signing.title' } },
  {
    name: 'extradition',
    url: () => `${full.url}/extradition`,
    h1: { key: 'pages.q.extradition.conditionalOnTreaty.label' },
  },
  {
    name: 'extradition-legal-basis',
    url: () => `${full.url}/extradition-legal-basis`,
    h1: { key: 'pages.q.extradition-legal-basis.conventionAsLegalBasis.label' },
  },
  { name: 'languages', url: () => `${full.url}/languages`, h1: { key: 'pages.q.languages.title' } },
  { name: 'article5', url: () => `${full.url}/article5`, h1: { key: 'pages.q.article5.title' } },
  { name: 'law-copies', url: () => `${full.url}/law-copies`, h1: { key: 'pages.q.law-copies.title' } },
  {
    name: 'competence (the European Union)',
    url: () => `${eu.url}/competence`,
    h1: { key: 'pages.q.competence.title' },
  },
  {
    name: 'reservations',
    url: () => `${full.url}/reservations`,
    h1: { key: 'pages.q.reservations.title' },
  },
  { name: 'deposit', url: () => `${full.url}/deposit`, h1: { key: 'pages.q.deposit.title' } },
  ...ROLES.flatMap((r, i): PageCase[] => [
    {
      name: `the ${r.list} list`,
      url: () => `${full.url}/${r.list}`,
      h1: { key: `pages.lists.${r.list}.title` },
    },
    {
      name: `a new ${r.role} authority`,
      url: () => `${full.url}/authorities/new?role=${r.role}`,
      h1: { key: 'pages.q.authority.titleNew' },
    },
    {
      name: `changing the ${r.role} authority`,
      url: () => `${full.url}/authorities/${entryId(t.store, full, 'authorities', i)}?role=${r.role}`,
      h1: { key: 'pages.q.authority.titleChange' },
    },
    {
      name: `removing the ${r.role} authority`,
      url: () => `${full.url}/authorities/${entryId(t.store, full, 'authorities', i)}/remove?role=${r.role}`,
      h1: { key: 'pages.remove.question', params: () => ({ name: r.name }) },
    },
  ]),
  {
    name: 'the declarations',
    url: () => `${full.url}/declarations`,
    h1: { key: 'pages.declarations.title' },
  },
  {
    name: 'a new declaration',
    url: () => `${full.url}/declarations/new`,
    h1: { key: 'pages.q.declaration.titleNew' },
  },
  {
    name: 'changing a declaration',
    url: () => `${full.url}/declarations/${entryId(t.store, full, 'declarations', 0)}`,
    h1: { key: 'pages.q.declaration.titleChange' },
  },
  {
    name: 'removing a declaration',
    url: () => `${full.url}/declarations/${entryId(t.store, full, 'declarations', 0)}/remove`,
    h1: { key: 'pages.remove.question', params: removeName },
  },
  { name: 'check answers', url: () => `${full.url}/check`, h1: { key: 'pages.check.title' } },
  {
    name: 'the documents (draft)',
    url: () => `${full.url}/documents?mode=draft&doclang=en`,
    h1: { key: 'pages.documents.title' },
  },
  {
    name: 'the documents (final)',
    url: () => `${full.url}/documents?mode=final&doclang=en`,
    h1: { key: 'pages.documents.title' },
  },
  {
    name: 'the checklist',
    url: () => `${full.url}/checklist`,
    h1: { key: 'documents:checklist.title', lang: 'en' },
    title: { key: 'pages.checklist.title' },
  },
];

function expectText(actual: string | undefined, text: Text, pageLang: Lang) {
  const lang = text.lang ?? pageLang;
  const params = text.params?.(lang) ?? {};
  expect(actual).toBe(expectedString(lang, text.key, params));
  // Once the French string exists, the French page must not show the English one.
  if (lang === 'fr' && translated(text.key))
    expect(actual).not.toBe(expectedString('en', text.key, text.params?.('en') ?? {}));
}

function expectPage(html: string, page: PageCase, lang: Lang, url: string) {
  expect(htmlLangDir(html)).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
  const headings = h1s(html);
  expect(headings).toHaveLength(1);
  expect(headings[0]!.length).toBeGreaterThan(0);
  if (page.h1) expectText(headings[0], page.h1, lang);
  const title = titleOf(html);
  const titleText = page.title ?? page.h1;
  if (titleText?.key === 'pages.serviceName') expect(title).toBe(SERVICE(lang));
  else if (titleText) {
    const own = expectedString(
      titleText.lang ?? lang,
      titleText.key,
      titleText.params?.(titleText.lang ?? lang) ?? {},
    );
    expect(title).toBe(`${own} – ${SERVICE(lang)}`);
  } else {
    expect(title.endsWith(` – ${SERVICE(lang)}`)).toBe(true);
  }
  // The switcher: one link per other language, each to the same page (path and kept query), named in
  // its own language.
  const links = switcherLinks(html);
  expect(links.map((l) => l.lang)).toEqual(SUPPORTED_LANGUAGES.filter((l) => l !== lang));
  const asked = new URL(url, 'http://x');
  for (const link of links) {
    const other = link.lang as Lang;
    expect(link.text).toBe(localeString(other, 'languageName'));
    const target = new URL(link.href, 'http://x');
    expect(target.pathname).toBe(asked.pathname);
    expect(target.searchParams.get('lang')).toBe(other);
    for (const kept of ['party', 'role', 'mode', 'doclang', 'return'])
      expect(target.searchParams.get(kept)).toBe(asked.searchParams.get(kept));
  }
  // Validation is the server's: no form leaves it to the browser.
  for (const form of html.match(/<form\b[^>]*>/g) ?? []) expect(form).toMatch(/\snovalidate(\s|>)/);
}

describe('every page of the journey opens in the six languages', () => {
  test.each(PAGES.map((p) => [p.name, p] as const))('%s', async (_name, page) => {
    const url = page.url();
    const en = await c.get(url);
    expect(en.status).toBe(200);
    expect(en.headers['content-type']).toBe('text/html; charset=utf-8');
    expectPage(en.text, page, 'en', url);

    const sep = url.includes('?') ? '&' : '?';
    for (const lang of SUPPORTED_LANGUAGES.filter((l) => l !== 'en')) {
      const res = await request(t.app).get(`${url}${sep}lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-language']).toBe(lang);
      expectPage(res.text, page, lang, url);
    }

    const frHeader = await request(t.app).get(url).set('Accept-Language', 'fr-FR,fr;q=0.9');
    expect(frHeader.status).toBe(200);
    expectPage(frHeader.text, page, 'fr', url);
  });

  test('every question page that applies carries a form with the anti-forgery field and posts to itself', async () => {
    const ids = [
      'party',
      'treaties',
      'instruments',
      'signature-reservations',
      'signatory',
      'full-powers',
      'signing',
      'extradition',
      'extradition-legal-basis',
      'languages',
      'article5',
      'law-copies',
      'reservations',
      'deposit',
    ];
    for (const id of ids) {
      const res = await c.get(`${full.url}/${id}`);
      expect(res.status).toBe(200);
      expect(formAction(res.text)).toBe(`${full.url}/${id}`);
      expect(res.text).toContain(`<input type="hidden" name="_csrf" value="${c.token}">`);
    }
    const competence = await c.get(`${eu.url}/competence`);
    expect(formAction(competence.text)).toBe(`${eu.url}/competence`);
  });

  test('the task list links every section that applies, and names those that do not', async () => {
    const jp = await c.get(full.url);
    const links = hrefs(jp.text);
    for (const start of [
      'party',
      'treaties',
      'signatory',
      'signing',
      'extradition',
      'central-authorities',
      'prevention',
      'article5',
      'maritime',
      'firearms',
      'law-copies',
      'reservations',
      'declarations',
      'deposit',
    ]) {
      expect(links).toContain(`${full.url}/${start}`);
    }
    expect(links).not.toContain(`${full.url}/competence`);
    expect(textOf(jp.text)).toContain(expectedString('en', 'pages.notApplicable.competence'));
    const union = await c.get(eu.url);
    expect(hrefs(union.text)).toContain(`${eu.url}/competence`);
    expect(hrefs(union.text)).not.toContain(`${eu.url}/maritime`);
    expect(textOf(union.text)).toContain(expectedString('en', 'pages.notApplicable.maritime'));
  });
});

// -------------------------------------------------------------------------------------------------
// Checking a page with errors

interface ExpectedError {
  /** The field (its inline message has id "{field}-error"). */
  readonly field: string;
  /** Where the summary links: an element of the page. */
  readonly href: string;
  /** The message, when the test pins it. */
  readonly message?: string;
}

function expectErrorPage(res: request.Response, expected: readonly ExpectedError[], lang: Lang = 'en') {
  expect(res.status).toBe(400);
  const html = res.text;
  expect(htmlLangDir(html)).toEqual({ lang, dir: 'ltr' });
  expect(titleOf(html).startsWith(expectedString(lang, 'pages.common.errorTitlePrefix'))).toBe(true);
  expect(html).toContain(
    `<h2 class="error-summary-title">${expectedString(lang, 'pages.common.errorSummaryTitle')}</h2>`,
  );
  const summary = errorSummary(html);
  expect(summary.map((l) => l.href)).toEqual(expected.map((e) => e.href));
  const ids = elementIds(html);
  const inline = inlineErrors(html);
  summary.forEach((link, i) => {
    expect(link.href.startsWith('#')).toBe(true);
    expect(ids.has(link.href.slice(1))).toBe(true);
    const e = expected[i]!;
    expect(link.text.length).toBeGreaterThan(0);
    if (e.message !== undefined) expect(link.text).toBe(e.message);
    expect(inline.get(e.field)).toBe(link.text);
  });
  expect(inline.size).toBe(expected.length);
}

const label = (key: string, lang: Lang = 'en') => expectedString(lang, key);
const notInList = (labelKey: string, lang: Lang = 'en') =>
  expectedString(lang, 'pages.errors.notInList', { label: label(labelKey, lang) });
const dateNotReal = (labelKey: string, lang: Lang = 'en') =>
  expectedString(lang, 'pages.errors.dateNotReal', { label: label(labelKey, lang) });

/** A fresh draft for one test, so that tests that save do not depend on each other. */
async function draft(party = 'JP', treaties: readonly string[] = ALL_TREATIES): Promise<Draft> {
  return createDraft(c, party, treaties);
}

async function post(url: string, fields: FormFields) {
  return c.post(url, fields);
}

// -------------------------------------------------------------------------------------------------
// New draft

describe('new draft', () => {
  test('choosing the party leads to the treaties, which shows what the data says of each', async () => {
    expect(redirectOf(await post('/drafts/new', { party: 'JP' }))).toBe('/drafts/new/treaties?party=JP');
    const page = await c.get('/drafts/new/treaties?party=JP');
    expect(page.text).toContain('<input type="hidden" name="party" value="JP">');
    for (const treaty of ALL_TREATIES) expect(elementIds(page.text).has(`treaties-${treaty}`)).toBe(true);
    // Japan signed the Convention (UNTC data as at 2014): it ratifies.
    expect(textOf(page.text)).toContain(
      expectedString('en', 'pages.treatyData.signed', { date: '12 December 2000', asAt: '27 January 2014' }),
    );
  });

  test('the European Union is offered as an organization', async () => {
    const page = await c.get('/drafts/new');
    expect(textOf(page.text)).toContain(
      expectedString('en', 'pages.newDraft.party.reio', { name: 'European Union' }),
    );
    expect(redirectOf(await post('/drafts/new', { party: 'EU' }))).toBe('/drafts/new/treaties?party=EU');
  });

  test('the treaties page without a known party goes back to the first step', async () => {
    for (const q of ['', '?party=XX', '?party=jp']) {
      const res = await c.get(`/drafts/new/treaties${q}`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/drafts/new');
    }
  });

  test('creating the draft opens its task list, with the party and the treaties chosen', async () => {
    const created = await post('/drafts', { party: 'JP', treaties: ['untoc', 'som'] });
    const url = redirectOf(created);
    expect(url).toMatch(/^\/drafts\/[A-Za-z0-9_-]{24}$/);
    const tasks = await c.get(url);
    expect(tasks.status).toBe(200);
    expect(textOf(tasks.text)).toContain('Japan');
    const treaties = await c.get(`${url}/treaties`);
    expect(checkedValues(treaties.text, 'treaties')).toEqual(['untoc', 'som']);
    const instruments = await c.get(`${url}/instruments`);
    expect(checkedValues(instruments.text, 'instrument-untoc')).toEqual(['ratification']);
  });

  test('the treaties section is completed once the treaties are chosen, with no page saved again', async () => {
    // Regression: "In progress" right after the treaties were chosen, until the instruments, signature
    // reservations and earlier consents pages were each submitted unchanged.
    for (const [party, treaties] of [
      ['JP', ['untoc', 'som']],
      ['BT', ['tip']],
    ] as const) {
      const url = redirectOf(await post('/drafts', { party, treaties: [...treaties] }));
      const tasks = await c.get(url);
      expect(tasks.text).toMatch(/id="task-treaties-status"><strong class="tag tag-completed">/);
    }
  });

  test('no party, or one not in the list, is a 400 with the error linked to the menu', async () => {
    const none = await post('/drafts/new', { party: '' });
    expectErrorPage(none, [
      { field: 'party', href: '#party', message: label('pages.newDraft.party.required') },
    ]);
    expect(selectedOption(none.text, 'party')).toBe('');
    const king = await post('/drafts/new', { party: 'XX' });
    expectErrorPage(king, [
      { field: 'party', href: '#party', message: notInList('pages.newDraft.party.label') },
    ]);
  });

  test('no treaty, or one that does not exist, is a 400 and creates no draft', async () => {
    const none = await post('/drafts', { party: 'JP' });
    expectErrorPage(none, [
      { field: 'treaties', href: '#treaties-untoc', message: label('pages.q.treaties.treaties.required') },
    ]);
    expect(none.headers.location).toBeUndefined();
    const bogus = await post('/drafts', { party: 'JP', treaties: ['som', 'bogus'] });
    expectErrorPage(bogus, [
      {
        field: 'treaties',
        href: '#treaties-untoc',
        message: expectedString('en', 'pages.errors.notInList', {
          label: label('pages.newDraft.treaties.title'),
        }),
      },
    ]);
    // What was ticked is shown back.
    expect(checkedValues(bogus.text, 'treaties')).toEqual(['som']);
  });

  test('a French browser gets the errors in French', async () => {
    const fr = new JourneyClient(t.app, { 'Accept-Language': 'fr' });
    const res = await fr.post('/drafts/new', { party: 'XX' });
    expectErrorPage(
      res,
      [{ field: 'party', href: '#party', message: notInList('pages.newDraft.party.label', 'fr') }],
      'fr',
    );
  });
});

// -------------------------------------------------------------------------------------------------
// Question pages: a valid answer

describe('question pages save a valid answer and go to the next page', () => {
  test('party: the formal name and the documents language', async () => {
    const d = await draft();
    expect(
      redirectOf(await post(`${d.url}/party`, { formalName: 'the State of Japan', documentLanguage: 'fr' })),
    ).toBe(d.url);
    const page = await c.get(`${d.url}/party`);
    expect(inputValue(page.text, 'formalName')).toBe('the State of Japan');
    expect(checkedValues(page.text, 'documentLanguage')).toEqual(['fr']);
    const tasks = await c.get(d.url);
    expect(tasks.text).toMatch(/id="task-party-status"><strong class="tag tag-completed">/);
  });

  test('treaties: the next page is the instruments', async () => {
    const d = await draft('JP', ['untoc']);
    expect(redirectOf(await post(`${d.url}/treaties`, { treaties: ['untoc', 'fp'] }))).toBe(
      `${d.url}/instruments`,
    );
    const page = await c.get(`${d.url}/treaties`);
    expect(checkedValues(page.text, 'treaties')).toEqual(['untoc', 'fp']);
    expect(hrefs((await c.get(d.url)).text)).toContain(`${d.url}/firearms`);
  });

  test('instruments: a treaty ratified, accepted or approved leads to the reservations made on signature', async () => {
    const d = await draft('JP', ['untoc', 'tip']);
    expect(
      redirectOf(
        await post(`${d.url}/instruments`, {
          'instrument-untoc': 'acceptance',
          'instrument-tip': 'approval',
        }),
      ),
    ).toBe(`${d.url}/signature-reservations`);
    const page = await c.get(`${d.url}/instruments`);
    expect(checkedValues(page.text, 'instrument-untoc')).toEqual(['acceptance']);
    expect(checkedValues(page.text, 'instrument-tip')).toEqual(['approval']);
  });

  test('instruments: only accession is offered for a treaty the party never signed, and ratification is refused on saving', async () => {
    // Bhutan signed none of the four treaties; Thailand signed the Smuggling Protocol, never the Firearms one.
    const d = await draft('TH', ['som', 'fp']);
    const page = await c.get(`${d.url}/instruments`);
    expect(page.text).toContain('id="instrument-som-ratification"');
    expect(page.text).not.toContain('id="instrument-fp-ratification"');
    expect(page.text).not.toContain('id="instrument-fp-approval"');
    expect(page.text).toContain('id="instrument-fp-accession"');
    // Regression: ratification was offered and saved, and refused only when asking for final documents.
    const res = await post(`${d.url}/instruments`, {
      'instrument-som': 'ratification',
      'instrument-fp': 'ratification',
    });
    expectErrorPage(res, [{ field: 'instrument-fp', href: '#instrument-fp-accession' }]);
    expect(checkedValues((await c.get(`${d.url}/instruments`)).text, 'instrument-fp')).toEqual(['accession']);
  });

  test('instruments: accession to every treaty goes back to the task list, and no signature question applies', async () => {
    const d = await draft('JP', ['untoc']);
    expect(redirectOf(await post(`${d.url}/instruments`, { 'instrument-untoc': 'accession' }))).toBe(d.url);
    expect((await c.get(`${d.url}/signature-reservations`)).status).toBe(404);
  });

  test('signature reservations (VCLT 23(2)): a confirmed one is saved and shown; a blank text makes none', async () => {
    const d = await draft('JP', ['untoc', 'tip']);
    const text = 'The Government of Japan reserves the right not to apply article 99.';
    expect(
      redirectOf(
        await post(`${d.url}/signature-reservations`, {
          'sigres-untoc-text': text,
          'sigres-untoc-confirm': 'yes',
          'sigres-tip-text': '',
          'sigres-tip-confirm': '',
        }),
      ),
    ).toBe(d.url);
    const page = await c.get(`${d.url}/signature-reservations`);
    expect(textareaValue(page.text, 'sigres-untoc-text')).toBe(text);
    expect(checkedValues(page.text, 'sigres-untoc-confirm')).toEqual(['yes']);
    expect(textareaValue(page.text, 'sigres-tip-text')).toBe('');
    const tooLong = await post(`${d.url}/signature-reservations`, {
      'sigres-untoc-text': 'x'.repeat(5001),
      'sigres-untoc-confirm': 'yes',
    });
    expect(tooLong.status).toBe(400);
    expect(errorSummary(tooLong.text).map((e) => e.href)).toEqual(['#sigres-untoc-text']);
    expect(textareaValue((await c.get(`${d.url}/signature-reservations`)).text, 'sigres-untoc-text')).toBe(
      text,
    );
  });

  test('signatory: a Minister for Foreign Affairs goes back to the task list, another office to the full powers', async () => {
    const d = await draft();
    expect(
      redirectOf(
        await post(`${d.url}/signatory`, {
          name: 'Yoko Example',
          signerTitle: 'Minister for Foreign Affairs',
          office: 'minister-for-foreign-affairs',
        }),
      ),
    ).toBe(d.url);
    let page = await c.get(`${d.url}/signatory`);
    expect(inputValue(page.text, 'name')).toBe('Yoko Example');
    expect(inputValue(page.text, 'signerTitle')).toBe('Minister for Foreign Affairs');
    expect(checkedValues(page.text, 'office')).toEqual(['minister-for-foreign-affairs']);
    expect((await c.get(`${d.url}/full-powers`)).status).toBe(404);
    expect(
      redirectOf(
        await post(`${d.url}/signatory`, { name: 'Ken Example', signerTitle: 'Ambassador', office: 'other' }),
      ),
    ).toBe(`${d.url}/full-powers`);
    page = await c.get(`${d.url}/signatory`);
    expect(checkedValues(page.text, 'office')).toEqual(['other']);
  });

  test('signatory: saved with required answers blank, the task list says so (a blank is kept as not answered yet)', async () => {
    const d = await draft();
    // Regression: blank required answers were saved with no message at all.
    const saved = await post(`${d.url}/signatory`, { name: '', signerTitle: '', office: '' });
    expect(redirectOf(saved)).toBe(`${d.url}?blank=signatory`);
    const tasks = await c.get(redirectOf(saved));
    expect(notice(tasks.text)).toEqual({
      title: 'Saved, with answers still to give',
      lines: [
        'Who signs the instrument: some required answers are still blank. They are saved as not answered yet; final documents wait for them.',
      ],
    });
    // Complete: no notice.
    const done = await post(`${d.url}/signatory`, {
      name: 'Yoko Example',
      signerTitle: 'Minister for Foreign Affairs',
      office: 'minister-for-foreign-affairs',
    });
    expect(redirectOf(done)).toBe(d.url);
  });

  test('full-powers: shown back on the page and, as a date, on check answers', async () => {
    const d = await draft();
    redirectOf(
      await post(`${d.url}/signatory`, { name: 'Ken Example', signerTitle: 'Ambassador', office: 'other' }),
    );
    const saved = await post(`${d.url}/full-powers`, {
      issuerName: 'Yoko Example',
      issuerTitle: 'Minister for Foreign Affairs',
      issuerOffice: 'minister-for-foreign-affairs',
      place: 'Tokyo',
      'date-day': '15',
      'date-month': '1',
      'date-year': '2027',
    });
    expect(redirectOf(saved)).toBe(d.url);
    const page = await c.get(`${d.url}/full-powers`);
    expect(inputValue(page.text, 'issuerName')).toBe('Yoko Example');
    expect(checkedValues(page.text, 'issuerOffice')).toEqual(['minister-for-foreign-affairs']);
    expect([
      inputValue(page.text, 'date-day'),
      inputValue(page.text, 'date-month'),
      inputValue(page.text, 'date-year'),
    ]).toEqual(['15', '1', '2027']);
    const rows = summaryRows((await c.get(`${d.url}/check`)).text);
    expect(rows.find((r) => r.key === label('pages.q.full-powers.date.label'))?.value).toBe(
      '15 January 2027',
    );
    expect(rows.find((r) => r.key === label('pages.q.full-powers.issuerName.label'))?.value).toBe(
      'Yoko Example',
    );
  });

  test('signing', async () => {
    const d = await draft();
    expect(
      redirectOf(
        await post(`${d.url}/signing`, {
          place: 'Tokyo',
          'date-day': '3',
          'date-month': '2',
          'date-year': '2027',
        }),
      ),
    ).toBe(d.url);
    const page = await c.get(`${d.url}/signing`);
    expect(inputValue(page.text, 'place')).toBe('Tokyo');
    expect([
      inputValue(page.text, 'date-day'),
      inputValue(page.text, 'date-month'),
      inputValue(page.text, 'date-year'),
    ]).toEqual(['3', '2', '2027']);
    expect(
      summaryRows((await c.get(`${d.url}/check`)).text).find(
        (r) => r.key === label('pages.q.signing.date.label'),
      )?.value,
    ).toBe('3 February 2027');
  });

  test('extradition: yes asks the legal basis next, which then goes back to the task list', async () => {
    const d = await draft();
    expect(redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'yes' }))).toBe(
      `${d.url}/extradition-legal-basis`,
    );
    expect(checkedValues((await c.get(`${d.url}/extradition`)).text, 'conditionalOnTreaty')).toEqual(['yes']);
    expect(redirectOf(await post(`${d.url}/extradition-legal-basis`, { conventionAsLegalBasis: 'no' }))).toBe(
      d.url,
    );
    expect(
      checkedValues((await c.get(`${d.url}/extradition-legal-basis`)).text, 'conventionAsLegalBasis'),
    ).toEqual(['no']);
  });

  test('extradition: no goes back to the task list', async () => {
    const d = await draft();
    expect(redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'no' }))).toBe(d.url);
    expect(checkedValues((await c.get(`${d.url}/extradition`)).text, 'conditionalOnTreaty')).toEqual(['no']);
  });

  test('languages: back to the central authorities, which list them', async () => {
    const d = await draft();
    expect(
      redirectOf(
        await post(`${d.url}/languages`, { un: ['en', 'fr'], other1: 'ja', other2: '', other3: '' }),
      ),
    ).toBe(`${d.url}/central-authorities`);
    const page = await c.get(`${d.url}/languages`);
    expect(checkedValues(page.text, 'un')).toEqual(['en', 'fr']);
    expect(selectedOption(page.text, 'other1')).toBe('ja');
    const list = await c.get(`${d.url}/central-authorities`);
    expect(summaryRows(list.text).find((r) => r.key === label('pages.q.languages.summaryKey'))?.value).toBe(
      'English French Japanese',
    );
  });

  test('article5', async () => {
    const d = await draft();
    expect(
      redirectOf(
        await post(`${d.url}/article5`, {
          requiresOrganizedCriminalGroup: 'no',
          requiresActInFurtherance: 'yes',
        }),
      ),
    ).toBe(d.url);
    const page = await c.get(`${d.url}/article5`);
    expect(checkedValues(page.text, 'requiresOrganizedCriminalGroup')).toEqual(['no']);
    expect(checkedValues(page.text, 'requiresActInFurtherance')).toEqual(['yes']);
  });

  test('law-copies', async () => {
    const d = await draft();
    expect(
      redirectOf(
        await post(`${d.url}/law-copies`, { moneyLaundering: 'enclosed', confiscation: 'to-follow' }),
      ),
    ).toBe(d.url);
    const page = await c.get(`${d.url}/law-copies`);
    expect(checkedValues(page.text, 'moneyLaundering')).toEqual(['enclosed']);
    expect(checkedValues(page.text, 'confiscation')).toEqual(['to-follow']);
  });

  test('competence (the European Union): a text per treaty', async () => {
    const d = await draft('EU', ['untoc', 'tip']);
    const saved = await post(`${d.url}/competence`, {
      'competence-untoc': 'Competence for the Convention.',
      'competence-tip': 'Competence for the Protocol.',
    });
    // Then the notifications that may fall outside the organization's competence (UNTOC 2(j)).
    expect(redirectOf(saved)).toBe(`${d.url}/outside-competence`);
    const page = await c.get(`${d.url}/competence`);
    expect(textareaValue(page.text, 'competence-untoc')).toBe('Competence for the Convention.');
    expect(textareaValue(page.text, 'competence-tip')).toBe('Competence for the Protocol.');
  });

  test('reservations', async () => {
    const d = await draft('JP', ['untoc', 'som']);
    expect(redirectOf(await post(`${d.url}/reservations`, { reservations: ['untoc-35-3'] }))).toBe(d.url);
    expect(checkedValues((await c.get(`${d.url}/reservations`)).text, 'reservations')).toEqual([
      'untoc-35-3',
    ]);
    // None ticked is an answer too: no reservation.
    expect(redirectOf(await post(`${d.url}/reservations`, {}))).toBe(d.url);
    expect(checkedValues((await c.get(`${d.url}/reservations`)).text, 'reservations')).toEqual([]);
  });

  test('reservations: an explanation per treaty is saved with its reservation, and the hint says the effect is reciprocal (VCLT 21)', async () => {
    const d = await draft('JP', ['untoc', 'som']);
    const explanation = 'Japan settles its disputes by negotiation.\nIt accepts the Court case by case.';
    expect(
      redirectOf(
        await post(`${d.url}/reservations`, {
          reservations: ['untoc-35-3'],
          'explanation-untoc': explanation,
          'explanation-som': '',
        }),
      ),
    ).toBe(d.url);
    const page = await c.get(`${d.url}/reservations`);
    expect(textareaValue(page.text, 'explanation-untoc')).toBe(explanation);
    expect(textareaValue(page.text, 'explanation-som')).toBe('');
    expect(page.text).toContain('Vienna Convention, article 21');
    const stored = () =>
      (JSON.parse(t.store.drafts.get(d.id)!.data) as { package: { reservationExplanations?: unknown } })
        .package.reservationExplanations;
    expect(stored()).toEqual({ untoc: explanation });
    // Blank again: no explanation.
    redirectOf(
      await post(`${d.url}/reservations`, { reservations: ['untoc-35-3'], 'explanation-untoc': '' }),
    );
    expect(stored()).toEqual({});
  });

  test('deposit', async () => {
    const d = await draft();
    expect(
      redirectOf(
        await post(`${d.url}/deposit`, {
          'plannedOn-day': '15',
          'plannedOn-month': '1',
          'plannedOn-year': '2027',
          place: 'New York',
        }),
      ),
    ).toBe(d.url);
    const page = await c.get(`${d.url}/deposit`);
    expect(inputValue(page.text, 'place')).toBe('New York');
    expect(inputValue(page.text, 'plannedOn-day')).toBe('15');
    const tasks = await c.get(d.url);
    expect(tasks.text).toMatch(/id="task-deposit-status"><strong class="tag tag-completed">/);
  });
});

// -------------------------------------------------------------------------------------------------
// Question pages: an invalid answer

describe('question pages refuse an invalid answer, show it back and save nothing', () => {
  test('signatory: an office not in the list (office=king)', async () => {
    const d = await draft();
    redirectOf(
      await post(`${d.url}/signatory`, {
        name: 'Old Name',
        signerTitle: 'Old Title',
        office: 'head-of-state',
      }),
    );
    const res = await post(`${d.url}/signatory`, {
      name: 'New Name',
      signerTitle: 'New Title',
      office: 'king',
    });
    expectErrorPage(res, [
      {
        field: 'office',
        href: '#office-head-of-state',
        message: notInList('pages.q.signatory.office.label'),
      },
    ]);
    expect(inputValue(res.text, 'name')).toBe('New Name');
    expect(inputValue(res.text, 'signerTitle')).toBe('New Title');
    const page = await c.get(`${d.url}/signatory`);
    expect(inputValue(page.text, 'name')).toBe('Old Name');
    expect(checkedValues(page.text, 'office')).toEqual(['head-of-state']);
  });

  test('signing: a date that does not exist (31 2 2027)', async () => {
    const d = await draft();
    redirectOf(
      await post(`${d.url}/signing`, {
        place: 'Tokyo',
        'date-day': '1',
        'date-month': '3',
        'date-year': '2027',
      }),
    );
    const res = await post(`${d.url}/signing`, {
      place: 'Osaka',
      'date-day': '31',
      'date-month': '2',
      'date-year': '2027',
    });
    expectErrorPage(res, [
      { field: 'date', href: '#date-day', message: dateNotReal('pages.q.signing.date.label') },
    ]);
    expect(inputValue(res.text, 'place')).toBe('Osaka');
    expect([
      inputValue(res.text, 'date-day'),
      inputValue(res.text, 'date-month'),
      inputValue(res.text, 'date-year'),
    ]).toEqual(['31', '2', '2027']);
    expect(res.text).toMatch(/id="date-day" name="date-day"/);
    const page = await c.get(`${d.url}/signing`);
    expect(inputValue(page.text, 'place')).toBe('Tokyo');
    expect([inputValue(page.text, 'date-day'), inputValue(page.text, 'date-month')]).toEqual(['1', '3']);
  });

  test('signing: a date with a part missing names the part', async () => {
    const d = await draft();
    const res = await post(`${d.url}/signing`, {
      place: '',
      'date-day': '31',
      'date-month': '',
      'date-year': '2027',
    });
    expectErrorPage(res, [
      {
        field: 'date',
        href: '#date-day',
        message: expectedString('en', 'pages.errors.dateIncomplete', {
          label: label('pages.q.signing.date.label'),
          parts: expectedString('en', 'pages.date.month'),
        }),
      },
    ]);
  });

  test('full-powers: a date that does not exist and an issuer who cannot issue them', async () => {
    const d = await draft();
    redirectOf(
      await post(`${d.url}/signatory`, { name: 'Ken Example', signerTitle: 'Ambassador', office: 'other' }),
    );
    const res = await post(`${d.url}/full-powers`, {
      issuerName: 'Typed Issuer',
      issuerTitle: '',
      issuerOffice: 'other',
      place: '',
      'date-day': '31',
      'date-month': '2',
      'date-year': '2027',
    });
    expectErrorPage(res, [
      {
        field: 'issuerOffice',
        href: '#issuerOffice-head-of-state',
        message: notInList('pages.q.full-powers.issuerOffice.label'),
      },
      { field: 'date', href: '#date-day', message: dateNotReal('pages.q.full-powers.date.label') },
    ]);
    expect(inputValue(res.text, 'issuerName')).toBe('Typed Issuer');
    const page = await c.get(`${d.url}/full-powers`);
    expect(inputValue(page.text, 'issuerName')).toBe('');
    expect(inputValue(page.text, 'date-day')).toBe('');
  });

  test('party: a document language not offered, and a name too long', async () => {
    const d = await draft();
    redirectOf(await post(`${d.url}/party`, { formalName: 'Japan', documentLanguage: 'en' }));
    const res = await post(`${d.url}/party`, { formalName: 'J'.repeat(201), documentLanguage: 'de' });
    expectErrorPage(res, [
      {
        field: 'documentLanguage',
        href: '#documentLanguage-ar',
        message: notInList('pages.q.party.documentLanguage.label'),
      },
    ]);
    expect(inputValue(res.text, 'formalName')).toBe('J'.repeat(201));
    const long = await post(`${d.url}/party`, { formalName: 'J'.repeat(201), documentLanguage: 'fr' });
    expectErrorPage(long, [
      {
        field: 'formalName',
        href: '#formalName',
        message: expectedString('en', 'pages.errors.tooLong', {
          label: label('pages.q.party.formalName.label'),
          max: 200,
        }),
      },
    ]);
    const missing = await post(`${d.url}/party`, { formalName: 'Nippon' });
    expectErrorPage(missing, [
      {
        field: 'documentLanguage',
        href: '#documentLanguage-ar',
        message: label('pages.q.party.documentLanguage.required'),
      },
    ]);
    const page = await c.get(`${d.url}/party`);
    expect(inputValue(page.text, 'formalName')).toBe('Japan');
    expect(checkedValues(page.text, 'documentLanguage')).toEqual(['en']);
  });

  test('treaties: none ticked', async () => {
    const d = await draft('JP', ['untoc', 'tip']);
    const res = await post(`${d.url}/treaties`, {});
    expectErrorPage(res, [
      { field: 'treaties', href: '#treaties-untoc', message: label('pages.q.treaties.treaties.required') },
    ]);
    expect(checkedValues(res.text, 'treaties')).toEqual([]);
    expect(checkedValues((await c.get(`${d.url}/treaties`)).text, 'treaties')).toEqual(['untoc', 'tip']);
  });

  test('instruments: a type not in the list', async () => {
    const d = await draft('JP', ['untoc', 'tip']);
    const res = await post(`${d.url}/instruments`, {
      'instrument-untoc': 'king',
      'instrument-tip': 'acceptance',
    });
    expectErrorPage(res, [{ field: 'instrument-untoc', href: '#instrument-untoc-ratification' }]);
    expect(checkedValues(res.text, 'instrument-tip')).toEqual(['acceptance']);
    const page = await c.get(`${d.url}/instruments`);
    expect(checkedValues(page.text, 'instrument-tip')).toEqual(['ratification']);
  });

  test('extradition and its legal basis: an answer other than yes or no', async () => {
    const d = await draft();
    expectErrorPage(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'maybe' }), [
      {
        field: 'conditionalOnTreaty',
        href: '#conditionalOnTreaty-yes',
        message: notInList('pages.q.extradition.conditionalOnTreaty.label'),
      },
    ]);
    expect(checkedValues((await c.get(`${d.url}/extradition`)).text, 'conditionalOnTreaty')).toEqual([]);
    redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'yes' }));
    expectErrorPage(await post(`${d.url}/extradition-legal-basis`, { conventionAsLegalBasis: 'perhaps' }), [
      { field: 'conventionAsLegalBasis', href: '#conventionAsLegalBasis-yes' },
    ]);
  });

  test('languages: a language not in the list', async () => {
    const d = await draft();
    redirectOf(await post(`${d.url}/languages`, { un: ['en'] }));
    const res = await post(`${d.url}/languages`, { un: ['fr', 'xx'], other1: 'ja' });
    expectErrorPage(res, [{ field: 'un', href: '#un-ar', message: notInList('pages.q.languages.un.label') }]);
    expect(selectedOption(res.text, 'other1')).toBe('ja');
    expect(checkedValues((await c.get(`${d.url}/languages`)).text, 'un')).toEqual(['en']);
  });

  test('article5 and law-copies: values not offered', async () => {
    const d = await draft();
    expectErrorPage(
      await post(`${d.url}/article5`, {
        requiresOrganizedCriminalGroup: 'yes',
        requiresActInFurtherance: 'sometimes',
      }),
      [{ field: 'requiresActInFurtherance', href: '#requiresActInFurtherance-yes' }],
    );
    expect(checkedValues((await c.get(`${d.url}/article5`)).text, 'requiresOrganizedCriminalGroup')).toEqual(
      [],
    );
    expectErrorPage(
      await post(`${d.url}/law-copies`, { moneyLaundering: 'king', confiscation: 'enclosed' }),
      [
        {
          field: 'moneyLaundering',
          href: '#moneyLaundering-enclosed',
          message: notInList('pages.q.law-copies.moneyLaundering.label'),
        },
      ],
    );
    expect(checkedValues((await c.get(`${d.url}/law-copies`)).text, 'confiscation')).toEqual([]);
  });

  test('competence: a text too long for the first treaty', async () => {
    const d = await draft('EU', ['untoc', 'tip']);
    redirectOf(await post(`${d.url}/competence`, { 'competence-untoc': 'Old text.' }));
    const res = await post(`${d.url}/competence`, {
      'competence-untoc': 'x'.repeat(5001),
      'competence-tip': 'Typed for the Protocol.',
    });
    expectErrorPage(res, [{ field: 'competence-untoc', href: '#competence-untoc' }]);
    expect(textareaValue(res.text, 'competence-tip')).toBe('Typed for the Protocol.');
    const page = await c.get(`${d.url}/competence`);
    expect(textareaValue(page.text, 'competence-untoc')).toBe('Old text.');
    expect(textareaValue(page.text, 'competence-tip')).toBe('');
  });

  test('reservations: an explanation without its reservation', async () => {
    const d = await draft('JP', ['untoc', 'som']);
    const res = await post(`${d.url}/reservations`, {
      reservations: ['untoc-35-3'],
      'explanation-som': 'An explanation of a reservation not made.',
    });
    expectErrorPage(res, [{ field: 'explanation-som', href: '#explanation-som' }]);
    expect(textareaValue(res.text, 'explanation-som')).toBe('An explanation of a reservation not made.');
    expect(checkedValues((await c.get(`${d.url}/reservations`)).text, 'reservations')).toEqual([]);
  });

  test('reservations: a reservation that does not exist', async () => {
    const d = await draft('JP', ['untoc']);
    const res = await post(`${d.url}/reservations`, { reservations: ['untoc-35-3', 'untoc-99-9'] });
    expectErrorPage(res, [{ field: 'reservations', href: '#reservations-untoc-35-3' }]);
    expect(checkedValues((await c.get(`${d.url}/reservations`)).text, 'reservations')).toEqual([]);
  });

  test('deposit: a date out of range and a date that does not exist', async () => {
    const d = await draft();
    const early = await post(`${d.url}/deposit`, {
      'plannedOn-day': '1',
      'plannedOn-month': '1',
      'plannedOn-year': '1900',
      place: 'Geneva',
    });
    expectErrorPage(early, [
      {
        field: 'plannedOn',
        href: '#plannedOn-day',
        message: expectedString('en', 'pages.errors.dateOutOfRange', {
          label: label('pages.q.deposit.plannedOn.label'),
        }),
      },
    ]);
    expect(inputValue(early.text, 'plannedOn-year')).toBe('1900');
    expect(inputValue(early.text, 'place')).toBe('Geneva');
    expectErrorPage(
      await post(`${d.url}/deposit`, {
        'plannedOn-day': '31',
        'plannedOn-month': '2',
        'plannedOn-year': '2027',
      }),
      [
        {
          field: 'plannedOn',
          href: '#plannedOn-day',
          message: dateNotReal('pages.q.deposit.plannedOn.label'),
        },
      ],
    );
    const page = await c.get(`${d.url}/deposit`);
    expect(inputValue(page.text, 'place')).toBe('');
    expect(inputValue(page.text, 'plannedOn-year')).toBe('');
  });

  test('in French, the title prefix, the summary and the messages are the French ones', async () => {
    const fr = new JourneyClient(t.app, { 'Accept-Language': 'fr' });
    const d = await createDraft(fr, 'JP', ['untoc']);
    const res = await fr.post(`${d.url}/signing`, {
      place: 'Kyoto',
      'date-day': '31',
      'date-month': '2',
      'date-year': '2027',
    });
    expectErrorPage(
      res,
      [{ field: 'date', href: '#date-day', message: dateNotReal('pages.q.signing.date.label', 'fr') }],
      'fr',
    );
    if (translated('pages.common.errorTitlePrefix'))
      expect(titleOf(res.text).startsWith(expectedString('en', 'pages.common.errorTitlePrefix'))).toBe(false);
    const office = await fr.post(`${d.url}/signatory`, { name: 'N', signerTitle: 'T', office: 'king' });
    expectErrorPage(
      office,
      [
        {
          field: 'office',
          href: '#office-head-of-state',
          message: notInList('pages.q.signatory.office.label', 'fr'),
        },
      ],
      'fr',
    );
  });
});

// -------------------------------------------------------------------------------------------------
// Authorities

describe('authority lists and the authority form', () => {
  test.each(ROLES.map((r) => [r.list, r] as const))(
    '%s: add, change and remove an authority',
    async (_list, r) => {
      const d = await draft();
      const list = `${d.url}/${r.list}`;
      const empty = await c.get(list);
      expect(textOf(empty.text)).toContain(expectedString('en', `pages.lists.${r.list}.empty`));
      expect(hrefs(empty.text)).toContain(`${d.url}/authorities/new?role=${r.role}`);

      // The new form ticks the list's role.
      const form = await c.get(`${d.url}/authorities/new?role=${r.role}`);
      expect(checkedValues(form.text, 'roles')).toEqual([r.role]);
      expect(formAction(form.text)).toBe(`${d.url}/authorities/new?role=${r.role}`);
      const added = await post(`${d.url}/authorities/new?role=${r.role}`, {
        roles: r.role,
        name: r.name,
        email: 'desk@example.jp',
        phone: '+81 3 1234 5678',
      });
      expect(redirectOf(added)).toBe(list);
      const a0 = entryId(t.store, d, 'authorities', 0);
      const withOne = await c.get(list);
      expect(textOf(withOne.text)).toContain(r.name);
      expect(
        summaryRows(withOne.text).find((row) => row.key === label('pages.q.authority.email.label'))?.value,
      ).toBe('desk@example.jp');
      expect(hrefs(withOne.text)).toEqual(
        expect.arrayContaining([
          `${d.url}/authorities/${a0}?role=${r.role}`,
          `${d.url}/authorities/${a0}/remove?role=${r.role}`,
        ]),
      );

      const change = await c.get(`${d.url}/authorities/${a0}?role=${r.role}`);
      expect(inputValue(change.text, 'name')).toBe(r.name);
      expect(inputValue(change.text, 'email')).toBe('desk@example.jp');
      expect(
        redirectOf(
          await post(`${d.url}/authorities/${a0}?role=${r.role}`, {
            roles: r.role,
            name: `${r.name} (renamed)`,
            email: 'desk@example.jp',
          }),
        ),
      ).toBe(list);
      expect(textOf((await c.get(list)).text)).toContain(`${r.name} (renamed)`);

      // Remove: "no" keeps it, "yes" removes it.
      expect(
        redirectOf(await post(`${d.url}/authorities/${a0}/remove?role=${r.role}`, { confirm: 'no' })),
      ).toBe(list);
      expect(textOf((await c.get(list)).text)).toContain(`${r.name} (renamed)`);
      expect(
        redirectOf(await post(`${d.url}/authorities/${a0}/remove?role=${r.role}`, { confirm: 'yes' })),
      ).toBe(list);
      const after = await c.get(list);
      expect(textOf(after.text)).not.toContain(r.name);
      expect((await c.get(`${d.url}/authorities/${a0}?role=${r.role}`)).status).toBe(404);
    },
  );

  test('the central authority form asks for the territory and channels; the maritime one for the date of designation', async () => {
    const d = await draft();
    const central = await c.get(`${d.url}/authorities/new?role=untoc-18-13`);
    const ids = elementIds(central.text);
    for (const id of [
      'roles-untoc-18-13',
      'roles-som-8-6',
      'name',
      'email',
      'phone',
      'territory',
      'diplomaticOnly-yes',
      'interpolForUrgent-yes',
      'oralForUrgent-yes',
      'designatedOn-day',
    ])
      expect(ids.has(id)).toBe(true);
    const union = await draft('JP', ['som']);
    const maritime = await c.get(`${union.url}/authorities/new?role=som-8-6`);
    expect(elementIds(maritime.text).has('designatedOn-day')).toBe(true);
    expect(elementIds(maritime.text).has('territory')).toBe(false);
    expect(elementIds(maritime.text).has('roles-untoc-18-13')).toBe(false);
  });

  test('a bad e-mail, a missing name and a missing role are refused, typed values kept, nothing saved', async () => {
    const d = await draft();
    const res = await post(`${d.url}/authorities/new?role=untoc-18-13`, {
      roles: 'untoc-18-13',
      name: 'Typed Authority',
      email: 'not-an-address',
      phone: '+81 3 1234 5678',
    });
    expectErrorPage(res, [
      {
        field: 'email',
        href: '#email',
        message: expectedString('en', 'pages.errors.email', {
          label: label('pages.q.authority.email.label'),
        }),
      },
    ]);
    expect(inputValue(res.text, 'name')).toBe('Typed Authority');
    expect(inputValue(res.text, 'email')).toBe('not-an-address');
    expect(inputValue(res.text, 'phone')).toBe('+81 3 1234 5678');
    const missing = await post(`${d.url}/authorities/new?role=untoc-18-13`, { unit: 'Typed Unit' });
    expectErrorPage(missing, [
      { field: 'roles', href: '#roles-untoc-18-13', message: label('pages.q.authority.roles.required') },
      { field: 'name', href: '#name', message: label('pages.q.authority.name.required') },
    ]);
    expect(inputValue(missing.text, 'unit')).toBe('Typed Unit');
    const list = await c.get(`${d.url}/central-authorities`);
    expect(textOf(list.text)).toContain(expectedString('en', 'pages.lists.central-authorities.empty'));
    expect(textOf(list.text)).not.toContain('Typed Authority');
  });

  test('a telephone number with an extension is saved as "ext. N" and shown so, under the hint that says how', async () => {
    const d = await draft();
    const form = await c.get(`${d.url}/authorities/new?role=som-8-6`);
    expect(textOf(form.text)).toContain(expectedString('en', 'pages.q.authority.phone.hint'));
    redirectOf(
      await post(`${d.url}/authorities/new?role=som-8-6`, {
        roles: 'som-8-6',
        name: 'Coast Guard',
        phone: '+81 3 1234 5678 x12, +81 3 1234 0000 EXT 3',
      }),
    );
    const saved = JSON.parse(t.store.drafts.get(d.id)!.data) as {
      package: { authorities: { phone: string[] }[] };
    };
    expect(saved.package.authorities[0]!.phone).toEqual([
      '+81 3 1234 5678 ext. 12',
      '+81 3 1234 0000 ext. 3',
    ]);
    const change = await c.get(`${d.url}/authorities/${entryId(t.store, d, 'authorities', 0)}?role=som-8-6`);
    expect(inputValue(change.text, 'phone')).toBe('+81 3 1234 5678 ext. 12, +81 3 1234 0000 ext. 3');
  });

  test('changing an authority with a bad telephone number or date of designation keeps the saved one', async () => {
    const d = await draft();
    redirectOf(
      await post(`${d.url}/authorities/new?role=som-8-6`, {
        roles: 'som-8-6',
        name: 'Coast Guard',
        phone: '+81 3 1234 5678',
      }),
    );
    const a0 = entryId(t.store, d, 'authorities', 0);
    const res = await post(`${d.url}/authorities/${a0}?role=som-8-6`, {
      roles: 'som-8-6',
      name: 'Coast Guard HQ',
      phone: '12345',
      'designatedOn-day': '31',
      'designatedOn-month': '2',
      'designatedOn-year': '2027',
    });
    expectErrorPage(res, [
      {
        field: 'designatedOn',
        href: '#designatedOn-day',
        message: dateNotReal('pages.q.authority.designatedOn.label'),
      },
    ]);
    expect(inputValue(res.text, 'name')).toBe('Coast Guard HQ');
    const phone = await post(`${d.url}/authorities/${a0}?role=som-8-6`, {
      roles: 'som-8-6',
      name: 'Coast Guard HQ',
      phone: '12345',
    });
    expectErrorPage(phone, [
      {
        field: 'phone',
        href: '#phone',
        message: expectedString('en', 'pages.errors.phone', {
          label: label('pages.q.authority.phone.label'),
        }),
      },
    ]);
    const page = await c.get(`${d.url}/authorities/${a0}?role=som-8-6`);
    expect(inputValue(page.text, 'name')).toBe('Coast Guard');
    expect(inputValue(page.text, 'phone')).toBe('+81 3 1234 5678');
  });

  test('removing without an answer is a 400 asking for one; the authority stays', async () => {
    const d = await draft();
    redirectOf(
      await post(`${d.url}/authorities/new?role=untoc-31-6`, {
        roles: 'untoc-31-6',
        name: 'Crime Prevention Unit',
      }),
    );
    const res = await post(
      `${d.url}/authorities/${entryId(t.store, d, 'authorities', 0)}/remove?role=untoc-31-6`,
      {},
    );
    expectErrorPage(res, [
      {
        field: 'confirm',
        href: '#confirm-yes',
        message: expectedString('en', 'pages.remove.required', { name: 'Crime Prevention Unit' }),
      },
    ]);
    expect(textOf((await c.get(`${d.url}/prevention`)).text)).toContain('Crime Prevention Unit');
  });

  test('an authority that does not exist is a 404 page', async () => {
    const d = await draft();
    // Addresses that are no entry id at all, then ids that name no entry of this draft.
    for (const path of ['authorities/a.b', 'authorities/new/remove', `authorities/${'x'.repeat(33)}`]) {
      const res = await c.get(`${d.url}/${path}`);
      expect(res.status).toBe(404);
      expect(h1s(res.text)).toEqual([expectedString('en', 'pages.errorPages.entryNotFound.title')]);
    }
    for (const path of ['authorities/0', 'authorities/5/remove', 'authorities/abc', 'authorities/-1']) {
      const res = await c.get(`${d.url}/${path}`);
      expect(res.status).toBe(404);
      expect(h1s(res.text)).toEqual([expectedString('en', 'pages.entryGone.title.authorities')]);
    }
    // Posted to an entry that is not there: 409, the typed answers shown, and a way to add them as a new entry.
    const posted = await post(`${d.url}/authorities/3`, { roles: 'untoc-31-6', name: 'Nobody' });
    expect(posted.status).toBe(409);
    expect(h1s(posted.text)).toEqual([expectedString('en', 'pages.entryGone.title.authorities')]);
    expect(textOf(posted.text)).toContain('Nobody');
    expect(formAction(posted.text)).toMatch(new RegExp(`^${d.url}/authorities/new\\?role=`));
  });

  test('a list for a treaty not in the draft does not apply', async () => {
    const d = await draft('JP', ['untoc']);
    for (const list of ['maritime', 'firearms']) {
      const res = await c.get(`${d.url}/${list}`);
      expect(res.status).toBe(404);
      expect(h1s(res.text)).toEqual([expectedString('en', 'pages.errorPages.notApplicable.title')]);
    }
  });
});

// -------------------------------------------------------------------------------------------------
// Declarations

describe('declarations', () => {
  test('a reservation other than to the dispute clause: its own kind, with the VCLT 19(c) and 20(5) hint; a multi-line text comes back as typed', async () => {
    const d = await draft('JP', ['untoc', 'tip']);
    const list = `${d.url}/declarations`;
    const form = await c.get(`${list}/new`);
    expect(form.text).toContain('id="kind-reservation"');
    expect(textOf(form.text)).toContain(label('pages.q.declaration.kinds-reservation.hint'));
    expect(textOf(form.text)).toContain(label('pages.q.declaration.kinds-other.hint'));
    const text = 'Japan does not consider itself bound by article 16.\nSecond line.';
    expect(redirectOf(await post(`${list}/new`, { treaties: 'untoc', kind: 'reservation', text }))).toBe(
      list,
    );
    expect(
      summaryRows((await c.get(list)).text).find((r) => r.key === label('pages.q.declaration.kind.label'))
        ?.value,
    ).toBe(label('pages.q.declaration.kinds.reservation'));
    const change = await c.get(`${list}/${entryId(t.store, d, 'declarations', 0)}`);
    expect(checkedValues(change.text, 'kind')).toEqual(['reservation']);
    expect(textareaValue(change.text, 'text')).toBe(text);
  });

  test('add, change and remove a declaration; the list form marks the section done', async () => {
    const d = await draft('JP', ['untoc', 'tip']);
    const list = `${d.url}/declarations`;
    expect(textOf((await c.get(list)).text)).toContain(expectedString('en', 'pages.declarations.empty'));
    const form = await c.get(`${list}/new`);
    // Every treaty of the draft is ticked to start with.
    expect(checkedValues(form.text, 'treaties')).toEqual(['untoc', 'tip']);
    expect(
      redirectOf(
        await post(`${list}/new`, {
          treaties: 'tip',
          kind: 'interpretative',
          text: 'An interpretative declaration.',
        }),
      ),
    ).toBe(list);
    const one = await c.get(list);
    const rows = summaryRows(one.text);
    expect(rows.find((r) => r.key === label('pages.q.declaration.kind.label'))?.value).toBe(
      label('pages.q.declaration.kinds.interpretative'),
    );
    expect(rows.find((r) => r.key === label('pages.q.declaration.text.label'))?.value).toBe(
      'An interpretative declaration.',
    );

    const d0 = `${list}/${entryId(t.store, d, 'declarations', 0)}`;
    const change = await c.get(d0);
    expect(checkedValues(change.text, 'treaties')).toEqual(['tip']);
    expect(textareaValue(change.text, 'text')).toBe('An interpretative declaration.');
    expect(
      redirectOf(
        await post(d0, {
          treaties: ['untoc', 'tip'],
          kind: 'territorial',
          text: 'Territorial application.',
        }),
      ),
    ).toBe(list);
    expect(
      summaryRows((await c.get(list)).text).find((r) => r.key === label('pages.q.declaration.text.label'))
        ?.value,
    ).toBe('Territorial application.');

    expect(redirectOf(await post(`${d0}/remove`, { confirm: 'no' }))).toBe(list);
    expect(textOf((await c.get(list)).text)).toContain('Territorial application.');
    expect(redirectOf(await post(`${d0}/remove`, { confirm: 'yes' }))).toBe(list);
    expect(textOf((await c.get(list)).text)).toContain(expectedString('en', 'pages.declarations.empty'));

    expect(redirectOf(await post(list, {}))).toBe(d.url);
    expect((await c.get(d.url)).text).toMatch(
      /id="task-declarations-status"><strong class="tag tag-completed">/,
    );
  });

  test('a declaration without its kind and text, or with none of its treaties, is refused and not saved', async () => {
    const d = await draft('JP', ['untoc', 'tip']);
    const list = `${d.url}/declarations`;
    const res = await post(`${list}/new`, { treaties: 'tip', kind: '', text: '' });
    expectErrorPage(res, [
      { field: 'kind', href: '#kind-territorial', message: label('pages.q.declaration.kind.required') },
      { field: 'text', href: '#text', message: label('pages.q.declaration.text.required') },
    ]);
    expect(checkedValues(res.text, 'treaties')).toEqual(['tip']);
    const noTreaty = await post(`${list}/new`, { kind: 'other', text: 'Typed text.' });
    expectErrorPage(noTreaty, [
      { field: 'treaties', href: '#treaties-untoc', message: label('pages.q.declaration.treaties.required') },
    ]);
    expect(textareaValue(noTreaty.text, 'text')).toBe('Typed text.');
    expect(checkedValues(noTreaty.text, 'kind')).toEqual(['other']);
    expect(textOf((await c.get(list)).text)).toContain(expectedString('en', 'pages.declarations.empty'));

    redirectOf(await post(`${list}/new`, { treaties: 'untoc', kind: 'other', text: 'Saved text.' }));
    const d0 = `${list}/${entryId(t.store, d, 'declarations', 0)}`;
    const change = await post(d0, { treaties: 'untoc', kind: 'other', text: '' });
    expectErrorPage(change, [
      { field: 'text', href: '#text', message: label('pages.q.declaration.text.required') },
    ]);
    expect(textareaValue((await c.get(d0)).text, 'text')).toBe('Saved text.');
    const remove = await post(`${d0}/remove`, { confirm: 'maybe' });
    expectErrorPage(remove, [
      {
        field: 'confirm',
        href: '#confirm-yes',
        message: expectedString('en', 'pages.remove.required', {
          name: expectedString('en', 'pages.declarations.item', { n: 1 }),
        }),
      },
    ]);
    expect(textOf((await c.get(list)).text)).toContain('Saved text.');
  });
});

// -------------------------------------------------------------------------------------------------
// Answers that stop applying

describe('answers made inapplicable are removed, and the next page says which', () => {
  const clearedNotice = (name: string) => ({
    title: label('pages.cleared.title'),
    lines: [label(`pages.cleared.${name}`)],
  });

  test('extradition "no" after "yes" and a legal basis removes the legal basis', async () => {
    const d = await draft();
    redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'yes' }));
    redirectOf(await post(`${d.url}/extradition-legal-basis`, { conventionAsLegalBasis: 'yes' }));
    const next = redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'no' }));
    expect(next).toBe(`${d.url}?cleared=conventionAsLegalBasis`);
    const tasks = await c.get(next);
    expect(notice(tasks.text)).toEqual(clearedNotice('conventionAsLegalBasis'));
    // Without the notice parameter, no notice.
    expect(notice((await c.get(d.url)).text)).toBeNull();
    // The legal basis is gone: asked again, it is unanswered.
    expect(summaryRows((await c.get(`${d.url}/check`)).text).map((r) => r.key)).not.toContain(
      label('pages.q.extradition-legal-basis.conventionAsLegalBasis.label'),
    );
    redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'yes' }));
    expect(
      checkedValues((await c.get(`${d.url}/extradition-legal-basis`)).text, 'conventionAsLegalBasis'),
    ).toEqual([]);
  });

  test('the legal-basis page does not apply while extradition is not conditional on a treaty', async () => {
    const d = await draft();
    const unanswered = await c.get(`${d.url}/extradition-legal-basis`);
    expect(unanswered.status).toBe(404);
    expect(h1s(unanswered.text)).toEqual([label('pages.errorPages.notApplicable.title')]);
    expect(hrefs(unanswered.text)).toContain(d.url);
    redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'no' }));
    expect((await c.get(`${d.url}/extradition-legal-basis`)).status).toBe(404);
    const posted = await post(`${d.url}/extradition-legal-basis`, { conventionAsLegalBasis: 'yes' });
    expect(posted.status).toBe(404);
    redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'yes' }));
    expect(
      checkedValues((await c.get(`${d.url}/extradition-legal-basis`)).text, 'conventionAsLegalBasis'),
    ).toEqual([]);
  });

  test("changing the signer's office from another office to Minister for Foreign Affairs removes the full powers", async () => {
    const d = await draft();
    redirectOf(
      await post(`${d.url}/signatory`, { name: 'Ken Example', signerTitle: 'Ambassador', office: 'other' }),
    );
    redirectOf(
      await post(`${d.url}/full-powers`, {
        issuerName: 'Yoko Example',
        issuerTitle: 'Minister',
        issuerOffice: 'minister-for-foreign-affairs',
      }),
    );
    const next = redirectOf(
      await post(`${d.url}/signatory`, {
        name: 'Yoko Example',
        signerTitle: 'Minister for Foreign Affairs',
        office: 'minister-for-foreign-affairs',
      }),
    );
    expect(next).toBe(`${d.url}?cleared=fullPowers`);
    expect(notice((await c.get(next)).text)).toEqual(clearedNotice('fullPowers'));
    expect((await c.get(`${d.url}/full-powers`)).status).toBe(404);
    expect(summaryRows((await c.get(`${d.url}/check`)).text).map((r) => r.key)).not.toContain(
      label('pages.q.full-powers.issuerName.label'),
    );
    // Another office again: the full powers are asked afresh.
    expect(
      redirectOf(
        await post(`${d.url}/signatory`, { name: 'Ken Example', signerTitle: 'Ambassador', office: 'other' }),
      ),
    ).toBe(`${d.url}/full-powers`);
    expect(inputValue((await c.get(`${d.url}/full-powers`)).text, 'issuerName')).toBe('');
  });

  test('taking a treaty out removes its authorities, and the instruments page says so', async () => {
    const d = await draft('JP', ['untoc', 'som']);
    redirectOf(
      await post(`${d.url}/authorities/new?role=som-8-6`, { roles: 'som-8-6', name: 'Coast Guard' }),
    );
    redirectOf(await post(`${d.url}/reservations`, { reservations: ['som-20-3'] }));
    const next = redirectOf(await post(`${d.url}/treaties`, { treaties: 'untoc' }));
    expect(next).toBe(`${d.url}/instruments?cleared=authorityRoles,reservations`);
    const page = await c.get(next);
    expect(notice(page.text)).toEqual({
      title: label('pages.cleared.title'),
      lines: [label('pages.cleared.authorityRoles'), label('pages.cleared.reservations')],
    });
    expect((await c.get(`${d.url}/maritime`)).status).toBe(404);
    expect(checkedValues((await c.get(`${d.url}/reservations`)).text, 'reservations')).toEqual([]);
  });

  test("pages that do not apply: competence for a State, the signer's office and full powers for the Union", async () => {
    const state = await draft('JP', ['untoc']);
    expect((await c.get(`${state.url}/competence`)).status).toBe(404);
    expect((await post(`${state.url}/competence`, { 'competence-untoc': 'x' })).status).toBe(404);
    const union = await draft('EU', ['untoc']);
    const signatory = await c.get(`${union.url}/signatory`);
    expect(signatory.status).toBe(200);
    expect(elementIds(signatory.text).has('office-head-of-state')).toBe(false);
    expect(
      redirectOf(
        await post(`${union.url}/signatory`, { name: 'A Commissioner', signerTitle: 'Commissioner' }),
      ),
    ).toBe(union.url);
    expect((await c.get(`${union.url}/full-powers`)).status).toBe(404);
    const protocolOnly = await draft('JP', ['som']);
    for (const page of [
      'extradition',
      'languages',
      'article5',
      'law-copies',
      'central-authorities',
      'prevention',
    ]) {
      expect((await c.get(`${protocolOnly.url}/${page}`)).status).toBe(404);
    }
  });

  test('an unknown page of a draft is a 404', async () => {
    const res = await c.get(`${full.url}/no-such-page`);
    expect(res.status).toBe(404);
    expect(h1s(res.text)).toEqual([label('pages.errorPages.notFound.title')]);
  });
});

// -------------------------------------------------------------------------------------------------
// Check answers

describe('check answers', () => {
  test('shows the answers, each with a Change link that carries return=check to a page that exists', async () => {
    const res = await c.get(`${full.url}/check`);
    const rows = summaryRows(res.text);
    expect(rows.find((r) => r.key === label('pages.q.signatory.name.label'))?.value).toBe('Taro Example');
    expect(rows.find((r) => r.key === label('pages.q.extradition.conditionalOnTreaty.label'))?.value).toBe(
      label('pages.common.yes'),
    );
    expect(rows.find((r) => r.key === label('pages.lists.maritime.summaryKey'))?.value).toBe(
      'Japan Coast Guard',
    );
    expect(rows.length).toBeGreaterThan(20);
    const changes = [...new Set(rows.map((r) => r.href))];
    for (const href of changes) {
      expect(href).not.toBeNull();
      const u = new URL(href!, 'http://x');
      expect(u.searchParams.get('return')).toBe('check');
      const page = await c.get(href!);
      expect(page.status).toBe(200);
      // The forms send the reader back to check answers (the declarations list: see the report).
      if (!u.pathname.endsWith('/declarations'))
        expect(page.text).toContain('<input type="hidden" name="return" value="check">');
      // A question page's back link leads back there too (the authority form's: see the report).
      if (!u.pathname.includes('/authorities/') && !u.pathname.endsWith('/declarations')) {
        expect(page.text).toContain(`<a class="back-link" href="${full.url}/check">`);
      }
    }
    expect(changes.length).toBeGreaterThan(10);
  });

  test('a page saved with return=check goes back to check answers', async () => {
    const d = await draft();
    expect(redirectOf(await post(`${d.url}/signing`, { place: 'Kyoto', return: 'check' }))).toBe(
      `${d.url}/check`,
    );
    expect(
      summaryRows((await c.get(`${d.url}/check`)).text).find(
        (r) => r.key === label('pages.q.signing.place.label'),
      )?.value,
    ).toBe('Kyoto');
    // The central authority is still to be named: check answers says the section has blanks.
    const languages = await post(`${d.url}/languages`, { un: 'es', return: 'check' });
    expect(redirectOf(languages)).toBe(`${d.url}/check?blank=central-authorities`);
    expect(notice((await c.get(redirectOf(languages))).text)?.title).toBe(
      'Saved, with answers still to give',
    );
    expect(
      redirectOf(
        await post(`${d.url}/authorities/new?role=untoc-31-6`, {
          roles: 'untoc-31-6',
          name: 'Prevention Office',
          return: 'check',
        }),
      ),
    ).toBe(`${d.url}/check`);
    expect(redirectOf(await post(`${d.url}/declarations`, { return: 'check' }))).toBe(`${d.url}/check`);
    expect(redirectOf(await post(`${d.url}/treaties`, { treaties: ALL_TREATIES, return: 'check' }))).toBe(
      `${d.url}/check`,
    );
    const rows = summaryRows((await c.get(`${d.url}/check`)).text);
    expect(rows.find((r) => r.key === label('pages.lists.prevention.summaryKey'))?.value).toBe(
      'Prevention Office',
    );
    expect(rows.find((r) => r.key === label('pages.q.languages.summaryKey'))?.value).toBe('Spanish');
  });

  test('a page with errors keeps return=check', async () => {
    const d = await draft();
    const res = await post(`${d.url}/signing`, {
      place: 'Kyoto',
      'date-day': '31',
      'date-month': '2',
      'date-year': '2027',
      return: 'check',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<input type="hidden" name="return" value="check">');
    expect(res.text).toContain(`<a class="back-link" href="${d.url}/check">`);
  });

  test('extradition newly conditional from check answers asks the legal basis first, then goes back', async () => {
    const d = await draft();
    redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'no' }));
    const next = redirectOf(
      await post(`${d.url}/extradition`, { conditionalOnTreaty: 'yes', return: 'check' }),
    );
    expect(next).toBe(`${d.url}/extradition-legal-basis?return=check`);
    const page = await c.get(next);
    expect(page.text).toContain('<input type="hidden" name="return" value="check">');
    expect(
      redirectOf(
        await post(`${d.url}/extradition-legal-basis`, { conventionAsLegalBasis: 'yes', return: 'check' }),
      ),
    ).toBe(`${d.url}/check`);
    // Already answered: changing extradition again from check answers goes straight back.
    expect(
      redirectOf(await post(`${d.url}/extradition`, { conditionalOnTreaty: 'yes', return: 'check' })),
    ).toBe(`${d.url}/check`);
    const rows = summaryRows((await c.get(`${d.url}/check`)).text);
    expect(
      rows.find((r) => r.key === label('pages.q.extradition-legal-basis.conventionAsLegalBasis.label'))
        ?.value,
    ).toBe(label('pages.common.yes'));
  });

  test('the European Union: a row per treaty for the declaration of competence', async () => {
    const rows = summaryRows((await c.get(`${eu.url}/check`)).text);
    for (const treaty of ['untoc', 'tip']) {
      const key = expectedString('en', 'pages.q.competence.text.label', {
        treaty: expectedString('en', `legal:treaties.${treaty}.name`),
      });
      const row = rows.find((r) => r.key === key);
      expect(row?.value).toBe(label('pages.common.notAnswered'));
      expect(row?.href).toBe(`${eu.url}/competence?return=check`);
    }
    expect(rows.map((r) => r.key)).not.toContain(label('pages.q.signatory.office.label'));
  });
});

// -------------------------------------------------------------------------------------------------
// Documents and the checklist

describe('documents and the checklist', () => {
  test('draft mode lists a download per instrument, the notifications, the full powers, the checklist and the bundle', async () => {
    const res = await c.get(`${full.url}/documents?mode=draft&doclang=en`);
    const links = hrefs(res.text);
    for (const treaty of ALL_TREATIES)
      expect(links).toContain(`${full.url}/documents/instrument?mode=draft&doclang=en&treaty=${treaty}`);
    for (const name of ['notifications', 'full-powers', 'checklist', 'bundle'])
      expect(links).toContain(`${full.url}/documents/${name}?mode=draft&doclang=en`);
    expect(checkedValues(res.text, 'mode')).toEqual(['draft']);
    expect(checkedValues(res.text, 'doclang')).toEqual(['en']);
    expect(textOf(res.text)).toContain(
      expectedString('en', 'pages.documents.instrument', {
        treaty: expectedString('en', 'legal:treaties.som.name'),
        type: label('pages.q.instruments.types.ratification'),
      }),
    );
  });

  test('final mode with answers missing lists them, each linked to the page that fixes it', async () => {
    const res = await c.get(`${full.url}/documents?mode=final&doclang=en`);
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain(label('pages.documents.blockedTitle'));
    const missing = errorSummary(res.text);
    expect(missing.length).toBeGreaterThan(3);
    const targets = missing.map((m) => m.href);
    expect(targets).toEqual(
      expect.arrayContaining([
        `${full.url}/full-powers`,
        `${full.url}/extradition-legal-basis`,
        `${full.url}/languages`,
      ]),
    );
    for (const href of new Set(targets)) expect((await c.get(href)).status).toBe(200);
    // No download is offered.
    expect(hrefs(res.text).some((h) => h.includes('/documents/'))).toBe(false);
    expect(textOf(res.text)).toContain(
      expectedString('en', 'pages.documents.missingCount_other', { count: missing.length }),
    );
  });

  test('the documents in French say how many answers are not translated yet, and link to their translation', async () => {
    const res = await c.get(`${full.url}/documents?mode=draft&doclang=fr`);
    const count = Number(/(\d+) answers written in English/.exec(textOf(res.text))?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(textOf(res.text)).toContain(
      expectedString('en', 'pages.documents.untranslatedNote_other', {
        count,
        answers: 'English',
        documents: 'French',
      }),
    );
    expect(hrefs(res.text)).toContain(`${full.url}/translate/fr`);
    // In English, the answers' own language, there is nothing to translate.
    const en = await c.get(`${full.url}/documents?mode=draft&doclang=en`);
    expect(textOf(en.text)).not.toContain('not yet translated');
    expect(hrefs(en.text)).not.toContain(`${full.url}/translate/en`);
  });

  test('final documents in French list each untranslated answer, linked to its field on the translation page', async () => {
    const res = await c.get(`${full.url}/documents?mode=final&doclang=fr`);
    const links = hrefs(res.text).filter((h) => h.startsWith(`${full.url}/translate/fr#`));
    expect(links.length).toBeGreaterThan(0);
    const page = await c.get(`${full.url}/translate/fr`);
    expect(page.status).toBe(200);
    for (const link of links) expect(page.text).toContain(`id="${link.split('#')[1]}"`);
    expect(textOf(res.text)).toContain('is not yet translated into French.');
  });

  test('the checklist page shows the checklist for the party, with a download and the other language', async () => {
    const res = await c.get(`${full.url}/checklist`);
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('Japan');
    expect(textOf(res.text)).toContain('Ministry of Justice of Japan');
    expect(hrefs(res.text)).toEqual(
      expect.arrayContaining([
        `${full.url}/documents/checklist?mode=draft&doclang=en`,
        `${full.url}/checklist?doclang=fr`,
      ]),
    );
    expect(res.text).toContain('<link rel="stylesheet" href="/assets/css/document.css">');
    const fr = await c.get(`${full.url}/checklist?doclang=fr`);
    expect(h1s(fr.text)).toEqual([expectedString('fr', 'documents:checklist.title')]);
  });
});
