/**
 * End-to-end: the guided journey in a real browser (Debian's Chromium through playwright-core), against
 * the real app on a loopback port. A reader's clicks, by role, label and text; axe-core and a full-page
 * screenshot (test-artifacts/screenshots/<test>/) on every page visited.
 *
 * 1. A newcomer's whole journey in English, to the final instrument, the checklist, export and import.
 * 2. The journey in French after the language switcher, to a French instrument.
 * 3. Without JavaScript: an error, the error summary, the fix, the documents.
 * 4. The keyboard on a page with an error.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TREATIES } from '../../server/catalogue/treaties';
import {
  docxText,
  focusedElement,
  inViewport,
  launchBrowser,
  startServer,
  texts,
  type RunningServer,
} from './browser';
import { Journey } from './steps';

// One test walks some forty pages, each screenshotted and checked by axe-core.
jest.setTimeout(150_000);

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1024, height: 768 },
    ...options,
  });
  contexts.push(context);
  return context.newPage();
}

/** The sections a State joining the Convention and the Trafficking Protocol goes through. */
const BHUTAN_SECTIONS = [
  'party',
  'treaties',
  'signatory',
  'signing',
  'extradition',
  'central-authorities',
  'territories',
  'prevention',
  'article5',
  'law-copies',
  'reservations',
  'declarations',
  'deposit',
] as const;

const SIGNER = 'Pema Example';
const CENTRAL_AUTHORITY = 'Office of the Attorney General';

test('a newcomer drafts the whole package in English, to the final instrument', async () => {
  const page = await newPage();
  const j = new Journey(page, 'en', 'english-journey');
  const t = j.t;

  await j.startPage(server.baseUrl);
  expect(await j.button('Start now').count()).toBe(1);
  await j.start();

  // Continuing without choosing shows the error summary.
  await j.navigate(j.button('Continue'));
  expect(await page.title()).toMatch(/^Error: /);
  expect(
    await page.getByRole('alert').getByRole('link', { name: 'Select a State or the European Union' }).count(),
  ).toBe(1);
  await j.record('new-draft-error');

  await j.chooseParty('BT');
  await j.chooseTreaties(['untoc', 'tip']);
  // The task list: only the sections that apply (no maritime authority, no firearms, no competence).
  // The treaties were chosen when the draft was created, with nothing signed to decide: that section is
  // completed (it used to be "in progress" until three unchanged pages were submitted again).
  for (const id of BHUTAN_SECTIONS) await j.expectStatus(id, id === 'treaties' ? 'completed' : 'not-started');
  for (const id of ['maritime', 'firearms', 'competence'])
    expect(await j.link(j.sectionTitle(id)).count()).toBe(0);
  expect(await page.getByText('Cannot start yet', { exact: true }).count()).toBe(1);

  // Final documents before anything is answered: refused, with what is missing linked to its page.
  await j.navigate(j.link(t('pages.tasks.documentsAnyTime')));
  await j.record('documents-draft-empty');
  await j.showDocuments('final');
  const blocked = page.getByRole('alert');
  expect(await blocked.getByRole('heading', { name: 'Final documents cannot be produced yet' }).count()).toBe(
    1,
  );
  const missing = blocked.getByRole('link');
  expect(await missing.count()).toBeGreaterThan(3);
  expect(
    await j
      .link(t('pages.documents.instrument', { treaty: t('legal:treaties.untoc.name'), type: 'Accession' }))
      .count(),
  ).toBe(0);
  await j.record('documents-final-missing');
  // Each missing item links to a page that exists.
  for (const link of await missing.all()) {
    const href = new URL((await link.getAttribute('href')) ?? '', page.url()).toString();
    const res = await page.request.get(href);
    expect({ href, status: res.status() }).toEqual({ href, status: 200 });
  }
  await j.navigate(missing.first());
  expect(j.path().startsWith(`${j.draftPath}/`)).toBe(true);
  expect(await j.heading()).not.toBe(t('pages.errorPages.notFound.title'));
  await j.record('first-missing-item');
  await j.navigate(j.link('Back'));
  await j.expectOnTaskList();

  await j.party('the Kingdom of Bhutan', 'en');
  await j.expectStatus('party', 'completed');
  await j.treaties(['untoc', 'tip'], 'accession');
  await j.signatory(
    SIGNER,
    'Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan',
    'minister-for-foreign-affairs',
  );
  await j.signing('Paro', { day: '10', month: '1', year: '2027' });
  await j.extradition(true, true);
  await j.centralAuthority(
    {
      name: CENTRAL_AUTHORITY,
      addressLines: 'Post Box 1045\nNorzin Lam',
      city: 'Thimphu',
      country: 'BT',
      phone: '+975 2 000 000',
      email: 'mla@example.bt',
    },
    ['English'],
  );
  await j.prevention({
    name: 'Royal Bhutan Police, Crime Prevention Unit',
    addressLines: 'Chang Lam',
    city: 'Thimphu',
    country: 'BT',
  });
  // No special region or territory: the list seen and left empty completes the section.
  await j.openSection('territories');
  await j.expectHeading(t('pages.territories.title'));
  await j.record('territories-empty');
  await j.navigate(j.button(t('pages.territories.done')));
  await j.expectOnTaskList();
  await j.article5(false, true);
  await j.lawCopies('to-follow');
  await j.noReservations();

  // Declarations: add two, remove the second (the confirmation, first without an answer).
  await j.openSection('declarations');
  await j.expectHeading('Other declarations');
  await j.record('declarations-empty');
  await j.addDeclaration(
    'territorial',
    'The Government of the Kingdom of Bhutan declares that the Convention and the Protocol apply to the whole territory of the Kingdom.',
  );
  await j.addDeclaration('interpretative', 'A declaration added by mistake.');
  await j.record('declarations-two');
  await j.navigate(j.link('Remove Declaration 2'));
  await j.expectHeading('Are you sure you want to remove Declaration 2?');
  await j.record('remove-confirmation');
  await j.navigate(j.button('Continue'));
  expect(
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Select yes if you want to remove Declaration 2' })
      .count(),
  ).toBe(1);
  await j.record('remove-confirmation-error');
  await j.answer('Are you sure you want to remove Declaration 2?', true);
  await j.navigate(j.button('Continue'));
  expect(j.path()).toBe(`${j.draftPath}/declarations`);
  expect(await page.getByRole('heading', { name: 'Declaration 2' }).count()).toBe(0);
  expect(await page.getByRole('heading', { name: 'Declaration 1' }).count()).toBe(1);
  await j.record('declarations-one');
  await j.finishDeclarations();

  await j.deposit({ day: '15', month: '1', year: '2027' });

  // Every section is completed, and check answers opens.
  for (const id of BHUTAN_SECTIONS) await j.expectStatus(id, 'completed');
  expect(
    await page
      .getByText(`You have completed ${BHUTAN_SECTIONS.length} of ${BHUTAN_SECTIONS.length} sections.`)
      .count(),
  ).toBe(1);
  await j.record('task-list-completed');

  await j.navigate(j.link('Check your answers'));
  await j.expectHeading('Check your answers');
  const placeRow = page
    .getByRole('term')
    .filter({ hasText: /^Place of signature$/ })
    .locator('..');
  expect(((await placeRow.textContent()) ?? '').includes('Paro')).toBe(true);
  await j.record('check-answers');
  await j.navigate(j.link('Change Place of signature'));
  expect(j.path()).toBe(`${j.draftPath}/signing`);
  expect(new URL(page.url()).searchParams.get('return')).toBe('check');
  await j.page.getByLabel('Place of signature', { exact: true }).fill('Thimphu');
  await j.record('signing-from-check');
  await j.saveAndContinue();
  expect(j.path()).toBe(`${j.draftPath}/check`);
  const placeAfter = (await placeRow.textContent()) ?? '';
  expect({ thimphu: placeAfter.includes('Thimphu'), paro: placeAfter.includes('Paro') }).toEqual({
    thimphu: true,
    paro: false,
  });
  await j.record('check-answers-changed');

  // The documents, final: the instrument for the Convention.
  await j.navigate(j.link('Go to the documents'));
  await j.record('documents');
  await j.showDocuments('final');
  expect(await page.getByRole('alert').count()).toBe(0);
  await j.record('documents-final');
  const { file } = await j.visits.download(j.instrumentLink('untoc', 'accession'));
  expect(file).toMatch(/\.docx$/);
  const instrument = await docxText(file);
  expect(instrument).toContain(TREATIES.untoc.titles.en.text);
  expect(instrument).toContain('the Kingdom of Bhutan');
  expect(instrument).toContain(SIGNER);
  expect(instrument).toContain('INSTRUMENT OF ACCESSION');
  expect(instrument).toContain('Thimphu');
  expect(instrument).not.toContain('[to be completed');

  // The checklist on screen lists the central authority.
  await j.navigate(j.link('See the checklist on screen, to print'));
  expect(j.path()).toBe(`${j.draftPath}/checklist`);
  expect(await page.getByRole('main').getByText(CENTRAL_AUTHORITY).count()).toBeGreaterThan(0);
  await j.record('checklist');

  // Save the draft as a file and open it again: a new draft, every section still completed.
  await j.navigate(j.link('Back'));
  await j.expectOnTaskList();
  for (const id of BHUTAN_SECTIONS) await j.expectStatus(id, 'completed');
  const exported = await j.visits.download(j.link('Save this draft as a file (JSON)'));
  expect(exported.file).toMatch(/\.json$/);
  const original = j.draftPath;
  await j.navigate(j.link(t('pages.serviceName')));
  await j.navigate(j.link('Open a saved draft file'));
  await j.expectHeading('Open a saved draft file');
  await j.record('import');
  await j.navigate(j.button('Open the draft'));
  expect(await page.getByRole('alert').getByRole('link', { name: 'Select a draft file' }).count()).toBe(1);
  await j.record('import-error');
  await page.getByLabel('Draft file', { exact: true }).setInputFiles(exported.file);
  await j.navigate(j.button('Open the draft'));
  expect(j.path()).toMatch(/^\/drafts\/[^/]+$/);
  expect(j.path()).not.toBe(original);
  j.draftPath = j.path();
  await j.expectOnTaskList();
  expect(await page.getByRole('region', { name: 'Draft opened' }).count()).toBe(1);
  for (const id of BHUTAN_SECTIONS) await j.expectStatus(id, 'completed');
  await j.record('task-list-imported');

  j.visits.assertNoViolations();
});

test('the journey in French, after the language switcher, to a French instrument', async () => {
  const page = await newPage();
  const j = new Journey(page, 'en', 'french-journey');

  await j.startPage(server.baseUrl);
  await j.switchLanguage('fr');
  j.useLanguage('fr');
  const t = j.t;
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  await j.expectHeading(t('pages.home.heading'));
  expect(t('pages.home.heading')).not.toBe(texts('en')('pages.home.heading'));
  await j.record('start-fr');
  await j.start();
  await j.chooseParty('BT');
  await j.chooseTreaties(['untoc', 'tip']);
  await j.party('le Royaume du Bhoutan', 'fr');
  await j.signatory(
    'Pema Exemple',
    'Ministre des affaires étrangères et du commerce extérieur du Royaume du Bhoutan',
    'minister-for-foreign-affairs',
  );
  await j.signing('Thimphou', { day: '10', month: '1', year: '2027' });
  for (const id of ['party', 'signatory', 'signing']) await j.expectStatus(id, 'completed');
  await j.record('task-list-fr');

  await j.navigate(j.link(t('pages.tasks.documentsAnyTime')));
  await j.record('documents-fr');
  await j.showDocuments('draft', 'fr');
  await j.record('documents-draft-fr');
  const { file } = await j.visits.download(j.instrumentLink('untoc', 'accession'));
  const instrument = await docxText(file);
  const d = texts('fr');
  expect(instrument).toContain(TREATIES.untoc.titles.fr.text);
  // The formal name as French grammar wants it after "de": "le Gouvernement du Royaume du Bhoutan".
  expect(instrument).toContain('le Gouvernement du Royaume du Bhoutan');
  expect(instrument).toContain('Pema Exemple');
  expect(instrument).toContain(d('documents:instrument.heading.accession'));
  expect(d('documents:instrument.heading.accession')).not.toBe(
    texts('en')('documents:instrument.heading.accession'),
  );
  // French text, not English wording around the answers.
  expect(instrument).not.toMatch(/\bWHEREAS\b|\bIN WITNESS WHEREOF\b|\bto be completed\b/);
  expect(instrument).toMatch(/\bConvention des Nations Unies\b/);

  j.visits.assertNoViolations();
});

test('without JavaScript: an error, the error summary, the fix and the documents', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  // axe-core needs JavaScript: it checks each page's DOM again in a page that has it.
  const j = new Journey(page, 'en', 'no-javascript', await newPage());

  await j.startPage(server.baseUrl);
  await j.start();
  await j.chooseParty('BT');
  await j.chooseTreaties(['untoc']);

  await j.openSection('signing');
  await page.getByLabel('Place of signature', { exact: true }).fill('Thimphu');
  await j.fillDate('Date of signature', { day: '31', month: '2', year: '2027' });
  await j.saveAndContinue();
  expect(j.path()).toBe(`${j.draftPath}/signing`);
  expect(await page.title()).toMatch(/^Error: /);
  const summary = page.getByRole('alert');
  expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
  const message = 'Date of signature must be a real date, like 15 1 2027';
  const first = summary.getByRole('link').first();
  expect(((await first.textContent()) ?? '').trim()).toBe(message);
  // The field keeps what was typed and shows the message too.
  const day = j.group('Date of signature').getByLabel('Day', { exact: true });
  expect(await day.inputValue()).toBe('31');
  expect(await page.getByText(message).count()).toBe(2);
  // The summary is focused on load (autofocus, no script needed).
  expect(await focusedElement(page)).toMatchObject({ tag: 'div', holdsAlert: true });
  await j.record('signing-error');

  // Its first link moves focus to the day field, scrolled into view (the page is taller than the window).
  expect(await inViewport(page, day)).toBe(false);
  await first.click();
  await page.waitForURL(/#date-day$/);
  expect(await focusedElement(page)).toMatchObject({ id: 'date-day', isTarget: true });
  expect(await inViewport(page, day)).toBe(true);

  await day.fill('28');
  await j.saveAndContinue();
  await j.expectOnTaskList();
  await j.expectStatus('signing', 'completed');
  await j.record('task-list-fixed');

  await j.navigate(j.link('Download draft documents (with what is still missing marked)'));
  await j.record('documents-no-js');
  await j.showDocuments('draft');
  const { file } = await j.visits.download(j.instrumentLink('untoc', 'accession'));
  const instrument = await docxText(file);
  expect(instrument).toContain(TREATIES.untoc.titles.en.text);
  expect(instrument).toContain('28 February 2027');
  expect(instrument).toContain('[to be completed');
  // The competent-authorities directory, without JavaScript too: a CSV with its BOM and header row.
  const directory = await j.visits.download(j.link(j.t('pages.documents.directory.csv')));
  expect(directory.download.suggestedFilename()).toBe('authorities-bt-en-draft.csv');
  const csv = fs.readFileSync(directory.file, 'utf8');
  expect(csv.startsWith('\uFEFF"Country",') || csv.startsWith('\uFEFFCountry,')).toBe(true);

  j.visits.assertNoViolations();
});

test('keyboard: the error summary is focused on load and Tab reaches its first link', async () => {
  const page = await newPage();
  const j = new Journey(page, 'en', 'keyboard');
  await page.goto(`${server.baseUrl}/drafts/new`);
  await j.navigate(j.button('Continue'));
  expect(await focusedElement(page)).toMatchObject({ tag: 'div', holdsAlert: true });
  await page.keyboard.press('Tab');
  expect(await focusedElement(page)).toMatchObject({
    tag: 'a',
    holdsAlert: false,
    href: '#party',
    text: 'Select a State or the European Union',
  });
  await j.record('error-summary-link-focused');
  // Enter follows the link: focus moves to the State select.
  await page.keyboard.press('Enter');
  await page.waitForURL(/#party$/);
  expect(await focusedElement(page)).toMatchObject({ tag: 'select', id: 'party', isTarget: true });
  j.visits.assertNoViolations();
});
