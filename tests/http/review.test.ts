/**
 * The legal adviser's review (domain/review.ts, journey/review.ts, journey/history.ts), on the real app and
 * a real SQLite file, with two browsers: the drafter shares a reviewer link; the reviewer comments on the
 * central authority; the drafter answers and resolves; the reviewer approves the revision read; a change
 * to an e-mail address marks the approval out of date and says what changed, in words; the history lists
 * every save and compares two revisions; the export carries the review and an import brings it back.
 */
import request from 'supertest';
import { binaryParser, docxText } from './helpers';
import {
  errorSummary,
  expectedString,
  h1s,
  hrefs,
  inputValue,
  JourneyClient,
  redirectOf,
  summaryRows,
  textOf,
  changeThroughApi,
  type Draft,
} from './journey-helpers';
import { formatDate } from '../../server/i18n/format';
import { createTestApp, draftThroughApi, FIXED_NOW, samplePackage, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const en = (key: string, params?: Record<string, string | number>) => expectedString('en', key, params);

async function reviewerFor(
  draft: Draft,
): Promise<{ drafter: JourneyClient; reviewer: JourneyClient; base: string }> {
  const drafter = new JourneyClient(t.app);
  const made = await drafter.submit(`${draft.url}/links`, { role: 'reviewer', label: 'Legal adviser' });
  expect(made.status).toBe(201);
  const token = /\/shared\/([A-Za-z0-9_-]{43})$/.exec(inputValue(made.text, 'address') ?? '')?.[1];
  if (!token) throw new Error('no link on the page');
  return { drafter, reviewer: new JourneyClient(t.app), base: `/shared/${token}` };
}

/** The id of the draft's first central authority, read through the API. */
async function centralAuthorityId(draft: Draft): Promise<string> {
  const res = await request(t.app).get(`/api/v1/drafts/${draft.id}`);
  const authorities = (res.body as { package: { authorities: { id: string; roles: string[] }[] } }).package
    .authorities;
  const found = authorities.find((a) => a.roles.includes('untoc-18-13'));
  if (!found) throw new Error('no central authority');
  return found.id;
}

const revisionOf = (draft: Draft) => t.store.drafts.get(draft.id)?.revision ?? 0;

/** The thread ids on a review page, in order. */
const threadIds = (html: string) =>
  [...html.matchAll(/<section class="summary-card" id="comment-([A-Za-z0-9_-]{8})"/g)].map((m) => m[1]!);

describe('a review from start to approval', () => {
  test('comment, answer, resolve, approve; a later change outdates the approval and is told in words', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const authority = await centralAuthorityId(draft);
    const { drafter, reviewer, base } = await reviewerFor(draft);

    // The reviewer's first page is the review: what is missing and due later, no approval yet.
    expect(redirectOf(await reviewer.get(base))).toBe(`${base}/review`);
    const first = await reviewer.get(`${base}/review`);
    expect(h1s(first.text)).toEqual([en('pages.review.title')]);
    expect(textOf(first.text)).toContain(en('pages.review.approval.none'));
    expect(first.text).not.toContain(draft.id);

    // Check answers, read only, offers a comment link on the central authority, which presets the target.
    const check = await reviewer.get(`${base}/check`);
    const row = summaryRows(check.text).find((r) => r.value?.includes('Office of the Attorney General'));
    expect(row?.href).toBe(
      `${base}/review?on=${encodeURIComponent(`answer:authority/${authority}`)}#new-comment`,
    );
    // The whole directory entry is there: hours, time zone, e-mail.
    expect(row?.value).toContain('Monday to Friday, 09:00 to 17:00');
    expect(row?.value).toContain('Asia/Thimphu');
    expect(row?.value).toContain('mla@example.bt');
    expect(hrefs(check.text).some((h) => h.includes('return=check'))).toBe(false);

    const commentPage = await reviewer.get(row!.href!.replace('#new-comment', ''));
    expect(commentPage.text).toMatch(
      new RegExp(`<option value="answer:authority/${authority}"[^>]*selected`),
    );
    const commented = await reviewer.post(`${base}/review/comments`, {
      target: `answer:authority/${authority}`,
      text: 'Is this the unit that receives requests?\nPlease confirm the e-mail address.',
      name: 'A. Adviser',
    });
    expect(redirectOf(commented)).toBe(`${base}/review`);

    // The drafter sees it: on the task list, on check answers beside the answer, and on the review page.
    const tasks = await drafter.get(draft.url);
    expect(textOf(tasks.text)).toContain(en('pages.tasks.openComments', { count: 1 }));
    const drafterCheck = summaryRows((await drafter.get(`${draft.url}/check`)).text).find((r) =>
      r.value?.includes('Office of the Attorney General'),
    );
    expect(drafterCheck?.value).toContain(en('pages.check.openComments', { count: 1 }));
    expect(drafterCheck?.href).toContain('return=check');
    const review = await drafter.get(`${draft.url}/review`);
    const [thread] = threadIds(review.text);
    expect(thread).toBeDefined();
    expect(textOf(review.text)).toContain('Please confirm the e-mail address.');
    expect(textOf(review.text)).toContain('A. Adviser (Legal adviser)');

    // The reviewer cannot resolve; the drafter answers and resolves.
    expect((await reviewer.post(`${base}/review/comments/${thread}/resolve`, {})).status).toBe(403);
    expect(
      redirectOf(
        await drafter.post(`${draft.url}/review/comments/${thread}/reply`, { text: 'Confirmed, and fixed.' }),
      ),
    ).toBe(`${draft.url}/review#comment-${thread}`);
    expect(redirectOf(await drafter.post(`${draft.url}/review/comments/${thread}/resolve`, {}))).toBe(
      `${draft.url}/review`,
    );
    const resolved = await drafter.get(`${draft.url}/review`);
    expect(textOf(resolved.text)).toContain(en('pages.review.noOpen'));
    expect(textOf(resolved.text)).toContain(en('pages.review.resolvedHeading', { count: 1 }));

    // The drafter cannot approve nor start a thread.
    expect(
      (
        await drafter.post(`${draft.url}/review/approve`, {
          approverName: 'X',
          approverTitle: 'Y',
          confirm: 'yes',
        })
      ).status,
    ).toBe(403);
    expect(
      (await drafter.post(`${draft.url}/review/comments`, { target: 'item:untoc-18-13', text: 'x' })).status,
    ).toBe(403);

    // The reviewer approves the revision read.
    const toApprove = await reviewer.get(`${base}/review`);
    const read = revisionOf(draft);
    const approved = await reviewer.send(
      toApprove,
      { approverName: 'A. Adviser', approverTitle: 'Legal Adviser', confirm: 'yes' },
      `${base}/review/approve`,
    );
    expect(redirectOf(approved)).toBe(`${base}/review`);
    const after = textOf((await reviewer.get(`${base}/review`)).text);
    expect(after).toContain(
      en('pages.review.approval.current', {
        revision: read,
        name: 'A. Adviser',
        title: 'Legal Adviser',
        date: formatDate(FIXED_NOW.slice(0, 10), 'en'),
      }),
    );
    expect(textOf((await drafter.get(draft.url)).text)).toContain(en('pages.tasks.approval.current'));

    // A change to an e-mail address: the approval is out of date, and the change is told in words.
    await changeThroughApi(t.app, draft.id, (pkg) => ({
      ...pkg,
      authorities: (pkg.authorities as { id: string; email: string[] }[]).map((a) =>
        a.id === authority ? { ...a, email: ['legal@example.bt'] } : a,
      ),
    }));
    const outdated = await drafter.get(`${draft.url}/review`);
    const changes = [...outdated.text.matchAll(/<li><bdi>([^<]*)<\/bdi><\/li>/g)].map((m) => m[1]);
    expect(changes).toContain(
      'E-mail address of the authority (Office of the Attorney General): mla@example.bt → legal@example.bt',
    );
    expect(textOf(outdated.text)).toContain('but the answers have changed since');
    expect(textOf((await drafter.get(draft.url)).text)).toContain(en('pages.tasks.approval.outdated'));
  });

  test('an approval of a revision someone has since changed is refused, and nothing is approved', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const { reviewer, base } = await reviewerFor(draft);
    const page = await reviewer.get(`${base}/review`);
    await changeThroughApi(t.app, draft.id, (pkg) => ({
      ...pkg,
      deposit: { plannedOn: '2027-05-05', place: 'New York' },
    }));
    const before = revisionOf(draft);
    const res = await reviewer.send(
      page,
      { approverName: 'A. Adviser', approverTitle: 'Legal Adviser', confirm: 'yes' },
      `${base}/review/approve`,
    );
    expect(res.status).toBe(400);
    expect(
      errorSummary(res.text)
        .map((e) => e.text)
        .join(' '),
    ).toContain('The draft changed after you opened this page');
    expect(revisionOf(draft)).toBe(before);
    expect(textOf(res.text)).toContain(en('pages.review.approval.none'));
  });

  test('a comment with no text, an unknown target or refused characters is shown again with its message', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const { reviewer, base } = await reviewerFor(draft);
    await reviewer.get(`${base}/review`);
    const before = revisionOf(draft);
    const blank = await reviewer.post(`${base}/review/comments`, { target: 'item:untoc-18-13', text: '  ' });
    expect(blank.status).toBe(400);
    expect(errorSummary(blank.text)).toEqual([{ href: '#text', text: en('pages.review.textRequired') }]);
    const unknown = await reviewer.post(`${base}/review/comments`, {
      target: 'answer:q/../../etc',
      text: 'Hello',
    });
    expect(unknown.status).toBe(400);
    expect(errorSummary(unknown.text)[0]?.href).toBe('#target');
    // The text typed is kept.
    expect(unknown.text).toContain('>Hello</textarea>');
    const control = await reviewer.post(`${base}/review/comments`, {
      target: 'item:untoc-18-13',
      text: 'a\u0007b',
    });
    expect(control.status).toBe(400);
    expect(errorSummary(control.text)[0]?.href).toBe('#text');
    expect(revisionOf(draft)).toBe(before);
    // A reply to a comment that does not exist is a page not found.
    expect((await reviewer.post(`${base}/review/comments/AAAAAAAA/reply`, { text: 'x' })).status).toBe(404);
  });

  test('what is missing links, for the drafter, to the page that fixes it; for the reviewer, to the checklist', async () => {
    const pkg = { ...(samplePackage('bhutan-accession') as Record<string, unknown>), authorities: [] };
    const draft = await draftThroughApi(t.app, pkg);
    const { drafter, reviewer, base } = await reviewerFor(draft);
    const missingLinks = (html: string) =>
      [
        ...(
          /<ul class="list list-bullet" data-testid="missing">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
        ).matchAll(/href="([^"]+)"/g),
      ].map((m) => m[1]!);
    const mine = missingLinks((await drafter.get(`${draft.url}/review`)).text);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine).toContain(`${draft.url}/central-authorities`);
    for (const href of new Set(mine)) expect((await drafter.get(href)).status).toBe(200);
    const theirs = missingLinks((await reviewer.get(`${base}/review`)).text);
    expect(new Set(theirs)).toEqual(new Set([`${base}/checklist`]));
  });

  test('a revoked reviewer link opens nothing', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const { drafter, reviewer, base } = await reviewerFor(draft);
    expect((await reviewer.get(`${base}/review`)).status).toBe(200);
    const list = await drafter.get(`${draft.url}/links`);
    const action = /<form method="post" action="([^"]+\/revoke)"/.exec(list.text)?.[1] ?? '';
    redirectOf(await drafter.post(action, {}));
    expect((await reviewer.get(`${base}/review`)).status).toBe(404);
    expect(
      (await reviewer.post(`${base}/review/comments`, { target: 'item:untoc-18-13', text: 'x' })).status,
    ).toBe(404);
  });
});

describe('the checklist states the approval', () => {
  test('none, then the revision approved, by whom and when, on the page and in the .docx; never in a package alone', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const { drafter, reviewer, base } = await reviewerFor(draft);
    expect(textOf((await drafter.get(`${draft.url}/checklist`)).text)).toContain(
      expectedString('en', 'documents:checklist.approval.none'),
    );
    const page = await reviewer.get(`${base}/review`);
    const read = revisionOf(draft);
    redirectOf(
      await reviewer.send(
        page,
        { approverName: 'A. Adviser', approverTitle: 'Legal Adviser', confirm: 'yes' },
        `${base}/review/approve`,
      ),
    );
    const line = expectedString('en', 'documents:checklist.approval.current', {
      revision: read,
      name: 'A. Adviser',
      title: 'Legal Adviser',
      date: formatDate(FIXED_NOW.slice(0, 10), 'en'),
    });
    expect(textOf((await reviewer.get(`${base}/checklist`)).text)).toContain(line);
    const { bytes } = await drafter.getBytes(`${draft.url}/documents/checklist?mode=draft&doclang=en`);
    expect(await docxText(bytes)).toContain(line);
    // Final documents do not wait for it, and a package sent alone has no review to state.
    const api = await request(t.app)
      .post('/api/v1/documents/checklist?mode=draft')
      .set('Content-Type', 'application/json')
      .buffer(true)
      .parse(binaryParser)
      .send(samplePackage('bhutan-accession'));
    expect(await docxText(api.body as Buffer)).not.toContain(
      expectedString('en', 'documents:checklist.fields.approval'),
    );
  });
});

describe('the history', () => {
  test('lists every save with what it changed, and compares two revisions in words', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const c = new JourneyClient(t.app);
    redirectOf(await c.submit(`${draft.url}/signing`, { place: 'Paro' }));
    const latest = revisionOf(draft);
    const page = await c.get(`${draft.url}/history`);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain(en('pages.history.created'));
    expect(textOf(page.text)).toContain('Place of signature of the instrument: Thimphu → Paro');
    const compared = await c.get(`${draft.url}/history?from=1&to=${latest}`);
    expect(compared.status).toBe(200);
    expect(textOf(compared.text)).toContain(en('pages.history.comparisonHeading', { from: 1, to: latest }));
    expect(textOf(compared.text)).toContain('Place of signature of the instrument: Thimphu → Paro');
    const bad = await c.get(`${draft.url}/history?from=0&to=99999`);
    expect(bad.status).toBe(400);
    expect(errorSummary(bad.text).map((e) => e.href)).toEqual(['#from', '#to']);
  });
});

describe('export and import', () => {
  test('the export file carries the comments and the approval, and an import brings them back', async () => {
    const draft = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const { drafter, reviewer, base } = await reviewerFor(draft);
    await reviewer.get(`${base}/review`);
    redirectOf(
      await reviewer.post(`${base}/review/comments`, {
        target: 'item:untoc-18-13',
        text: 'Check the hours.',
      }),
    );
    const page = await reviewer.get(`${base}/review`);
    redirectOf(
      await reviewer.send(
        page,
        { approverName: 'A. Adviser', approverTitle: 'Legal Adviser', confirm: 'yes' },
        `${base}/review/approve`,
      ),
    );
    const exported = await drafter.getBytes(`${draft.url}/export`);
    const file = JSON.parse(exported.bytes.toString('utf8')) as {
      draft: { review: { comments: unknown[]; approvals: unknown[] } };
    };
    expect(file.draft.review.comments).toHaveLength(1);
    expect(file.draft.review.approvals).toHaveLength(1);
    await drafter.get('/drafts/import');
    const imported = await drafter.upload('/drafts/import', { content: exported.bytes });
    const url = redirectOf(imported).replace('?imported=1', '');
    const review = textOf((await drafter.get(`${url}/review`)).text);
    expect(review).toContain('Check the hours.');
    expect(review).toContain('approved by A. Adviser, Legal Adviser');
  });
});
