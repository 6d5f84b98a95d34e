/**
 * The review's operations and its reading (domain/review.ts): threads, answers that reopen, resolving,
 * approvals bound to a package hash that ignores key order, the latest approval alone keeping its package,
 * the limits; and the changes in words the review page shows (http/journey/changes.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PackageInput, Package } from '../../../server/domain/package';
import {
  addComment,
  approvalState,
  approve,
  emptyReview,
  openComments,
  packageHash,
  reply,
  resolve,
  REVIEW_LIMITS,
  ReviewSchema,
  type Review,
  type ReviewResult,
} from '../../../server/domain/review';
import { parsePackage } from '../../../server/domain/validate';
import { changesInWords } from '../../../server/http/journey/changes';
import { createI18n } from '../../../server/i18n';
import { PATHS } from '../../../server/paths';

const bhutan: Package = (() => {
  const input = JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', 'bhutan-accession.json'), 'utf8'),
  ) as PackageInput;
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error('the Bhutan example does not parse');
  return parsed.pkg;
})();

const AT = '2027-01-02T09:00:00.000Z';
const reviewer = { role: 'reviewer' as const, name: 'A. Adviser' };
const drafter = { role: 'drafter' as const, name: null };

function ok(result: ReviewResult): Review {
  if (!result.ok) throw new Error(`refused: ${result.refusal}`);
  return result.review;
}

describe('threads', () => {
  test('a comment opens a thread; an answer adds to it; resolving closes it; a new answer reopens it', () => {
    let review = ok(
      addComment(emptyReview(), { kind: 'item', ref: 'untoc-18-13' }, reviewer, 'Which unit?', AT),
    );
    const id = review.comments[0]!.id;
    expect(openComments(review)).toHaveLength(1);
    review = ok(reply(review, id, drafter, 'The International Cooperation Division.', AT));
    expect(review.comments[0]!.messages.map((m) => m.role)).toEqual(['reviewer', 'drafter']);
    review = ok(resolve(review, id, 'drafter', AT));
    expect(openComments(review)).toHaveLength(0);
    expect(ok(resolve(review, id, 'drafter', AT))).toBe(review);
    review = ok(reply(review, id, reviewer, 'One more thing.', AT));
    expect(openComments(review)).toHaveLength(1);
    expect(ReviewSchema.parse(review)).toEqual(review);
  });

  test('an unknown thread and the limits are refused, never a silent loss', () => {
    expect(reply(emptyReview(), 'AAAAAAAA', drafter, 'x', AT)).toEqual({
      ok: false,
      refusal: 'unknown-comment',
    });
    expect(resolve(emptyReview(), 'AAAAAAAA', 'drafter', AT)).toEqual({
      ok: false,
      refusal: 'unknown-comment',
    });
    let review = emptyReview();
    for (let i = 0; i < REVIEW_LIMITS.comments; i++)
      review = ok(addComment(review, { kind: 'item', ref: 'untoc-18-13' }, reviewer, `c${i}`, AT));
    expect(addComment(review, { kind: 'item', ref: 'untoc-18-13' }, reviewer, 'one too many', AT)).toEqual({
      ok: false,
      refusal: 'too-many',
    });
  });

  test('the schema refuses a target reference that is not a plain path', () => {
    const bad = ok(addComment(emptyReview(), { kind: 'answer', ref: '../etc/passwd' }, reviewer, 'x', AT));
    expect(ReviewSchema.safeParse(bad).success).toBe(false);
  });
});

describe('approvals', () => {
  test('the hash ignores the order of keys and changes with any answer', () => {
    const reordered = Object.fromEntries(Object.entries(bhutan).reverse()) as Package;
    expect(packageHash(reordered)).toBe(packageHash(bhutan));
    expect(packageHash({ ...bhutan, mlaLanguages: ['fr'] })).not.toBe(packageHash(bhutan));
  });

  test('an approval is current until an answer changes, then outdated with the approved package', () => {
    const review = ok(approve(emptyReview(), bhutan, 4, { name: 'A. Adviser', title: 'Legal Adviser' }, AT));
    expect(approvalState(review, bhutan)).toMatchObject({ kind: 'current', approval: { revision: 4 } });
    const changed = { ...bhutan, mlaLanguages: ['en', 'fr'] as Package['mlaLanguages'] };
    expect(approvalState(review, changed)).toEqual({
      kind: 'outdated',
      approval: review.approvals[0],
      approved: bhutan,
    });
    expect(approvalState(emptyReview(), bhutan)).toEqual({ kind: 'none' });
  });

  test('approving the same package twice is refused; only the latest approval keeps its package', () => {
    const first = ok(approve(emptyReview(), bhutan, 4, { name: 'A', title: 'B' }, AT));
    expect(approve(first, bhutan, 5, { name: 'A', title: 'B' }, AT)).toEqual({
      ok: false,
      refusal: 'already-approved',
    });
    const changed = { ...bhutan, mlaLanguages: ['fr'] as Package['mlaLanguages'] };
    const second = ok(approve(first, changed, 6, { name: 'A', title: 'B' }, AT));
    expect(second.approvals.map((a) => [a.revision, a.package === null])).toEqual([
      [4, true],
      [6, false],
    ]);
  });
});

describe('changes in words', () => {
  const i18n = createI18n(PATHS.locales);
  const r = { t: i18n.t('en'), lng: 'en' as const };

  test('a changed e-mail address names the authority, with the values before and after', () => {
    const after: Package = {
      ...bhutan,
      authorities: bhutan.authorities.map((a, i) => (i === 0 ? { ...a, email: ['legal@example.bt'] } : a)),
    };
    expect(changesInWords(r, bhutan, after).map((c) => c.text)).toEqual([
      'E-mail address of the authority (Office of the Attorney General): mla@example.bt → legal@example.bt',
    ]);
  });

  test('codes are written as names, dates written out, and a removed entry is named', () => {
    const after: Package = {
      ...bhutan,
      mlaLanguages: ['en', 'fr'],
      deposit: { ...bhutan.deposit, plannedOn: '2027-03-15' },
      authorities: bhutan.authorities.slice(1),
    };
    const texts = changesInWords(r, bhutan, after).map((c) => c.text);
    expect(texts).toContain(
      'Languages acceptable for requests for mutual legal assistance: Dzongkha, English → English, French',
    );
    expect(texts.some((x) => x.startsWith('Planned date of deposit') && x.endsWith('15 March 2027'))).toBe(
      true,
    );
    expect(texts).toContain('Authorities removed: Office of the Attorney General');
  });

  test('no change, no words', () => {
    expect(changesInWords(r, bhutan, structuredClone(bhutan))).toEqual([]);
  });
});
