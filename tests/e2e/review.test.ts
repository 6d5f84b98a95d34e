/**
 * End-to-end, two browsers: the drafter shares a reviewer link; the legal adviser opens it (pages in
 * Arabic, right to left), sees from the first screen what is missing and due later, reads every answer,
 * comments on the central authority; the drafter changes the authority and resolves the comment; the
 * adviser approves the revision; the drafter changes an e-mail address and the approval shows as out of
 * date with that change in words; the adviser cannot change an answer; a revoked link opens nothing.
 * axe-core and a screenshot on every page recorded (test-artifacts/screenshots/<test>/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { PATHS } from '../../server/paths';
import { launchBrowser, startServer, type RunningServer } from './browser';
import { Journey } from './steps';

jest.setTimeout(180_000);

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

async function person(name: string, lng: 'en' | 'ar'): Promise<Journey> {
  const context = await browser.newContext({
    locale: lng === 'ar' ? 'ar' : 'en-GB',
    viewport: { width: 1024, height: 768 },
  });
  contexts.push(context);
  return new Journey(await context.newPage(), lng, `review-${name}`);
}

const mainText = async (j: Journey) =>
  ((await j.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ').trim();

test('a legal adviser comments, the drafter resolves, the adviser approves; a later change outdates the approval, told in words', async () => {
  const created = await fetch(`${server.baseUrl}/api/v1/drafts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: fs.readFileSync(path.join(PATHS.root, 'examples', 'bhutan-accession.json')),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // The drafter makes a reviewer's link.
  const drafter = await person('drafter', 'en');
  drafter.draftPath = `/drafts/${id}`;
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}`);
  await drafter.navigate(drafter.link(drafter.t('pages.tasks.shareLink')));
  await drafter.page.getByLabel(drafter.t('pages.links.roles.reviewer'), { exact: true }).check();
  await drafter.page.getByLabel(drafter.t('pages.links.label'), { exact: true }).fill('Legal Adviser');
  await drafter.navigate(drafter.button(drafter.t('pages.links.create')));
  const address = await drafter.page.locator('#address').inputValue();

  // The adviser, in another browser and in Arabic, lands on the review: what is missing, what is due later.
  const adviser = await person('adviser', 'ar');
  await adviser.page.goto(address);
  await adviser.expectHeading(adviser.t('pages.review.title'));
  expect(await adviser.page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(
    await adviser.page.getByRole('heading', { name: adviser.t('pages.review.missingHeading') }).count(),
  ).toBe(1);
  expect(
    await adviser.page.getByRole('heading', { name: adviser.t('pages.review.laterHeading') }).count(),
  ).toBe(1);
  expect(await mainText(adviser)).toContain(adviser.t('pages.review.approval.none'));
  await adviser.record('review-first');

  // Every answer, read only, each with a link to comment on it: the central authority's.
  await adviser.navigate(adviser.link(adviser.t('pages.review.links.check')));
  await adviser.expectHeading(adviser.t('pages.check.title'));
  await adviser.record('check-answers');
  expect(await adviser.page.getByRole('link', { name: adviser.t('pages.common.change') }).count()).toBe(0);
  const row = adviser.page.locator('.summary-list-row').filter({ hasText: 'Office of the Attorney General' });
  await adviser.navigate(row.getByRole('link', { name: adviser.t('pages.check.comment') }));
  await adviser.page
    .locator('#text')
    .fill('Is this the unit that receives requests? Please confirm the e-mail.');
  await adviser.page.locator('#name').fill('A. Adviser');
  await adviser.navigate(adviser.button(adviser.t('pages.review.send')));
  await adviser.expectHeading(adviser.t('pages.review.title'));
  expect(await adviser.page.locator('section.summary-card').count()).toBe(1);
  await adviser.record('commented');

  // The drafter sees it on the task list, changes the authority's unit, and resolves the comment.
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}`);
  expect(await mainText(drafter)).toContain(drafter.t('pages.tasks.openComments_one', { count: 1 }));
  await drafter.navigate(drafter.link(drafter.t('pages.tasks.review')));
  await drafter.record('review-drafter');
  const thread = drafter.page.locator('section.summary-card');
  expect(await thread.textContent()).toContain('Please confirm the e-mail.');
  await drafter.navigate(thread.getByRole('link').first());
  const authorityRow = drafter.page
    .locator('.summary-list-row')
    .filter({ hasText: 'Office of the Attorney General' });
  await drafter.navigate(authorityRow.getByRole('link', { name: drafter.t('pages.common.change') }));
  await drafter.page.locator('#unit').fill('Mutual Legal Assistance Unit');
  await drafter.navigate(drafter.page.locator('main form button[type="submit"]').first());
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}/review`);
  await drafter.page.locator('section.summary-card').getByRole('textbox').fill('The unit is now named.');
  await drafter.navigate(drafter.button(drafter.t('pages.review.reply')));
  await drafter.navigate(drafter.button(drafter.t('pages.review.resolve')));
  expect(await mainText(drafter)).toContain(drafter.t('pages.review.noOpen'));

  // The adviser approves the revision read.
  await adviser.page.reload();
  await adviser.page.locator('#approverName').fill('A. Adviser');
  await adviser.page.locator('#approverTitle').fill('Legal Adviser, Ministry of Foreign Affairs');
  await adviser.page.locator('#confirm-yes').check();
  await adviser.navigate(adviser.button(adviser.t('pages.review.approve')));
  await adviser.record('approved');
  expect(await adviser.page.getByTestId('approval-state').textContent()).toContain('A. Adviser');

  // The drafter changes an e-mail address: the approval is out of date, with the change in words.
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}/check`);
  await drafter.navigate(
    drafter.page
      .locator('.summary-list-row')
      .filter({ hasText: 'Office of the Attorney General' })
      .getByRole('link', { name: drafter.t('pages.common.change') }),
  );
  await drafter.page.locator('#email').fill('legal@example.bt');
  await drafter.navigate(drafter.page.locator('main form button[type="submit"]').first());
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}/review`);
  await drafter.record('outdated');
  expect(await drafter.page.getByTestId('changes-since-approval').textContent()).toContain(
    'E-mail address of the authority (Office of the Attorney General): mla@example.bt → legal@example.bt',
  );
  await adviser.page.reload();
  expect(await adviser.page.getByTestId('changes-since-approval').textContent()).toContain(
    'legal@example.bt',
  );

  // The adviser cannot change an answer.
  const party = await adviser.page.goto(`${address}/party`);
  expect(party?.status()).toBe(403);
  const authority = await adviser.page.goto(`${address}/central-authorities`);
  expect(authority?.status()).toBe(403);

  // A revoked link opens nothing.
  await drafter.page.goto(`${server.baseUrl}/drafts/${id}/links`);
  await drafter.navigate(drafter.page.locator('form[action$="/revoke"] button'));
  const gone = await adviser.page.goto(`${address}/review`);
  expect(gone?.status()).toBe(404);
  await adviser.expectHeading(adviser.t('pages.errorPages.linkNotFound.title'));

  drafter.visits.assertNoViolations();
  adviser.visits.assertNoViolations();
});
