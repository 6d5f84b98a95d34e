/**
 * End-to-end: two people on one draft, in two browsers (two contexts of Debian's Chromium, each with its
 * own cookies), clicking as new users would. Neither loses a word without being told: a save merged with
 * the other's is said on the next page, a collision is a page that shows both answers and asks which to
 * keep, an authority removed by the other while it was being edited is a page that keeps what was typed.
 * axe-core and a screenshot on every page visited (test-artifacts/screenshots/<test>/).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './browser';
import { Journey } from './steps';

jest.setTimeout(120_000);

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

async function person(name: string): Promise<Journey> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
  contexts.push(context);
  const page: Page = await context.newPage();
  return new Journey(page, 'en', `two-browsers-${name}`);
}

/** The draft as stored (the SQLite file the server writes). */
function stored(id: string) {
  const row = server.testApp.store.drafts.get(id)!;
  return (
    JSON.parse(row.data) as {
      package: {
        party: { formalName: string | null };
        documentLanguage: string;
        authorities: { name: string }[];
      };
    }
  ).package;
}

test('two people edit one draft in two browsers: nothing is lost, and each collision is shown', async () => {
  const a = await person('a');
  const b = await person('b');

  // A starts the draft and gives B its address.
  await a.startPage(server.baseUrl);
  await a.start();
  await a.chooseParty('BT');
  await a.chooseTreaties(['untoc']);
  const address = a.page.url();
  const id = new URL(address).pathname.split('/').pop()!;
  await b.page.goto(address);
  b.draftPath = a.draftPath;
  await b.expectOnTaskList();

  // Both open the party page. A saves a formal name; B, who saw it empty, changes only the language.
  await a.openSection('party');
  await b.openSection('party');
  await a.page
    .getByLabel(a.t('pages.q.party.formalName.label'), { exact: true })
    .fill('the Kingdom of Bhutan');
  await a.saveAndContinue();
  await b.page.getByLabel(b.t('languageName', { lng: 'fr' }), { exact: true }).check();
  await b.saveAndContinue();
  // B is told the save was merged; A's name is kept.
  await b.expectOnTaskList();
  expect(await b.page.getByRole('region', { name: b.t('pages.merged.title') }).count()).toBe(1);
  await b.record('merged-notice');
  expect(stored(id).party.formalName).toBe('the Kingdom of Bhutan');
  expect(stored(id).documentLanguage).toBe('fr');

  // Both open it again and both change the name: B sees both answers and chooses.
  await a.openSection('party');
  await b.openSection('party');
  await a.page
    .getByLabel(a.t('pages.q.party.formalName.label'), { exact: true })
    .fill('the Kingdom of Bhutan (A)');
  await a.saveAndContinue();
  await b.page
    .getByLabel(b.t('pages.q.party.formalName.label'), { exact: true })
    .fill('the Kingdom of Bhutan (B)');
  await b.saveAndContinue();
  await b.expectHeading(b.t('pages.conflict.title'));
  expect(await b.page.getByText('the Kingdom of Bhutan (A)', { exact: true }).count()).toBe(1);
  expect(await b.page.getByText('the Kingdom of Bhutan (B)', { exact: true }).count()).toBe(1);
  await b.record('conflict');
  // Without a choice: the error summary, nothing saved.
  await b.navigate(b.button(b.t('pages.conflict.save')));
  expect(await b.page.title()).toMatch(/^Error: /);
  await b.record('conflict-unanswered');
  expect(stored(id).party.formalName).toBe('the Kingdom of Bhutan (A)');
  await b.page.getByLabel(b.t('pages.conflict.keep.mine'), { exact: true }).check();
  await b.navigate(b.button(b.t('pages.conflict.save')));
  await b.expectOnTaskList();
  expect(stored(id).party.formalName).toBe('the Kingdom of Bhutan (B)');

  // Authorities: A adds two; B opens the second to change it; A removes it; B saves and keeps the answers.
  await a.openSection('prevention');
  await a.addAuthority('prevention', { name: 'Crime Prevention Unit' }, 'untoc-31-6');
  await a.navigate(a.link(a.t('pages.lists.prevention.addAnother')));
  await a.page.getByLabel(a.t('pages.q.authority.name.label'), { exact: true }).fill('Second Unit');
  await a.navigate(a.button(a.t('pages.q.authority.save')));
  await a.expectHeading(a.t('pages.lists.prevention.title'));
  await b.page.goto(`${server.baseUrl}${b.draftPath}/prevention`);
  await b.navigate(b.link(`${b.t('pages.common.change')} Second Unit`));
  await b.expectHeading(b.t('pages.q.authority.titleChange'));
  await a.navigate(a.link(`${a.t('pages.common.remove')} Second Unit`));
  await a.answer(a.t('pages.remove.question', { name: 'Second Unit' }), true);
  await a.navigate(a.button(a.t('pages.common.continue')));
  expect(stored(id).authorities.map((x) => x.name)).toEqual(['Crime Prevention Unit']);

  await b.page.getByLabel(b.t('pages.q.authority.email.label'), { exact: true }).fill('desk@example.bt');
  await b.navigate(b.button(b.t('pages.q.authority.save')));
  await b.expectHeading(b.t('pages.entryGone.title.authorities'));
  expect(await b.page.getByText('desk@example.bt', { exact: true }).count()).toBe(1);
  await b.record('authority-gone');
  await b.navigate(b.button(b.t('pages.entryGone.again.authorities')));
  await b.expectHeading(b.t('pages.lists.prevention.title'));
  expect(stored(id).authorities.map((x) => x.name)).toEqual(['Crime Prevention Unit', 'Second Unit']);

  // Deleting the draft: a confirmation first, then it is gone for both.
  await a.page.goto(`${server.baseUrl}${a.draftPath}`);
  await a.navigate(a.link(a.t('pages.tasks.deleteLink')));
  await a.expectHeading(a.t('pages.delete.title'));
  await a.record('delete-confirm');
  await a.navigate(a.button(a.t('pages.delete.submit')));
  expect(await a.page.getByRole('region', { name: a.t('pages.delete.done.title') }).count()).toBe(1);
  await b.page.goto(`${server.baseUrl}${b.draftPath}`);
  await b.expectHeading(b.t('pages.errorPages.draftNotFound.title'));

  expect([...a.visits.violations, ...b.visits.violations]).toEqual([]);
});
