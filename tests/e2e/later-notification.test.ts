/**
 * End-to-end, without JavaScript: a party's later notification in a real browser (Debian's Chromium).
 * Thailand, a party to the Convention, notifies a new central authority (UNTOC 18(13)) years after its
 * deposit: "what do you want to draft?", the treaties it concerns, the signer, the authority, and the
 * notifications document read back from the .docx. axe-core and a screenshot on every page visited.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { TREATIES } from '../../server/catalogue/treaties';
import { docxText, launchBrowser, startServer, type RunningServer } from './browser';
import { Journey } from './steps';

jest.setTimeout(120_000);

let browser: Browser;
let server: RunningServer;
let context: BrowserContext | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  for (const c of [context, ...contexts]) await c?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

test('Thailand notifies a new central authority as a party, with no instrument, without JavaScript', async () => {
  context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1024, height: 768 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  // axe-core needs JavaScript: it checks each page's DOM again in a page that has it.
  const mirrorContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
  contexts.push(mirrorContext);
  const j = new Journey(page, 'en', 'later-notification', await mirrorContext.newPage());
  const t = j.t;

  await j.startPage(server.baseUrl);
  await j.start();
  const purpose = j.group(t('pages.newDraft.purpose.label'));
  expect(await purpose.getByLabel(t('pages.newDraft.purpose.join.label'), { exact: true }).isChecked()).toBe(
    true,
  );
  await purpose.getByLabel(t('pages.newDraft.purpose.notify.label'), { exact: true }).check();
  await j.chooseParty('TH');
  await j.expectHeading(t('pages.newDraft.treatiesNotify.label', { party: 'Thailand' }));
  await j.chooseTreaties(['untoc']);

  // The task list of a notification: no instrument sections, the notifications optional.
  expect(await page.getByText(t('pages.tasks.purposeNotify'), { exact: true }).count()).toBe(1);
  expect(await page.getByText(t('pages.notApplicable.notification'), { exact: true }).count()).toBe(1);
  expect(await page.getByText(t('pages.notApplicableNotify.maritime'), { exact: true }).count()).toBe(1);
  // The signer's section says nothing of full powers in a notification.
  expect(await page.getByText(t('pages.sectionHints.signatory'), { exact: true }).count()).toBe(0);
  for (const id of ['reservations', 'declarations', 'deposit'])
    expect(await j.link(j.sectionTitle(id)).count()).toBe(0);
  expect(await j.link(t('pages.sectionsNotify.treaties')).count()).toBe(1);

  await j.party('the Kingdom of Thailand', 'en');

  await j.navigate(j.link(t('pages.sectionsNotify.signatory')));
  await j.expectHeading(t('pages.q.signatory.titleNotify'));
  await page.getByLabel(t('pages.q.signatory.name.label'), { exact: true }).fill('Somchai Example');
  await page
    .getByLabel(t('pages.q.signatory.signerTitle.label'), { exact: true })
    .fill('Permanent Representative of the Kingdom of Thailand to the United Nations');
  await j
    .group(t('pages.q.signatory.office.label'))
    .getByLabel(t('pages.q.signatory.offices.otherNotify'), { exact: true })
    .check();
  await j.record('signatory-notify');
  await j.saveAndContinue();
  // No full powers for a notification: straight back to the task list.
  await j.expectOnTaskList();

  await j.navigate(j.link(t('pages.sectionsNotify.signing')));
  await j.expectHeading(t('pages.q.signing.titleNotify'));
  await page.getByLabel(t('pages.q.signing.place.label'), { exact: true }).fill('New York');
  await j.fillDate(t('pages.q.signing.date.label'), { day: '1', month: '12', year: '2026' });
  await j.record('signing-notify');
  await j.saveAndContinue();
  await j.expectOnTaskList();

  // The central authority alone (18(13)); the languages (18(14)) were notified before and are not asked.
  await j.openSection('central-authorities');
  await j.addAuthority(
    'central-authorities',
    {
      name: 'Office of the Attorney General',
      addressLines: 'Rajaburi Direkriddhi Building',
      city: 'Bangkok',
      country: 'TH',
      email: 'mla@example.th',
    },
    'untoc-18-13',
  );
  await j.navigate(j.link(t('pages.common.continueToTasks')));
  await j.expectOnTaskList();
  await j.expectStatus('central-authorities', 'completed');
  // The notifications it does not make are left untouched, and hold nothing back.
  await j.expectStatus('extradition', 'not-started');
  expect(await page.getByText(t('pages.tasks.checkReadyNotify'), { exact: false }).count()).toBe(1);
  await j.record('task-list-notify-ready');

  await j.navigate(j.link(t('pages.tasks.documentsAnyTime')));
  await j.showDocuments('final');
  expect(await page.getByRole('alert').count()).toBe(0);
  await j.record('documents-final-notify');
  expect(await page.locator('a[href*="/documents/instrument"]').count()).toBe(0);
  expect(await j.link(t('pages.documents.noteVerbaleNotify')).count()).toBe(1);
  const { file } = await j.visits.download(j.link(t('pages.documents.notifications')));
  const text = await docxText(file);
  expect(text).toContain('As a party to the following treaties');
  expect(text).toContain(TREATIES.untoc.titles.en.text);
  expect(text).toContain('Office of the Attorney General');
  expect(text).toContain('18');
  expect(text).not.toContain('On the deposit of its instruments');
});
