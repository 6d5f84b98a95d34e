/**
 * The legal adviser's review of a draft: comments on its answers and on the checklist's items, in threads
 * the drafter answers and resolves, and approvals of one revision of the package.
 *
 * An approval is bound to the revision it was given at and to a hash of the package at that revision
 * (SHA-256 of its canonical JSON): it is current while the package is the one approved, and outdated as
 * soon as any answer changes (a comment changes the draft's revision, not its package, so it never
 * outdates an approval). The latest approval keeps a copy of the package it approved, so that what
 * changed since can be told in words however many revisions later (the store keeps only the last 100
 * revisions whole). An approval never blocks final documents: it is the adviser's word, not a rule.
 *
 * The review lives in the draft (domain/draft.ts, format 3), so that the export file carries it and an
 * import brings it back. Every change to it is one of the operations below, applied to the draft as saved
 * now (store/drafts.ts `save` with no base revision): a comment is never merged, it is added.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LongTextSchema, PackageSchema, ShortTextSchema, type Package } from './package';

/** A comment's target: an answer (a row of check answers) or an item of the checklist. */
export const COMMENT_TARGET_KINDS = ['answer', 'item'] as const;
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

/** The roles that write in a review: the reviewer comments and approves, the drafter answers and resolves. */
export const REVIEW_ROLES = ['drafter', 'reviewer'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

/** A target's reference: "q/party/formalName", "authority/k3Jq0aZx", "untoc-18-13". */
export const TARGET_REF_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+){0,3}$/;
const REVIEW_ID_PATTERN = /^[A-Za-z0-9_-]{8}$/;

export const REVIEW_LIMITS = {
  comments: 200,
  messages: 50,
  approvals: 50,
  targetRef: 120,
} as const;

const TargetSchema = z.strictObject({
  kind: z.enum(COMMENT_TARGET_KINDS, { error: 'schema.notInList' }),
  ref: z
    .string({ error: 'schema.invalidType' })
    .max(REVIEW_LIMITS.targetRef, { error: 'schema.tooLong' })
    .regex(TARGET_REF_PATTERN, { error: 'schema.invalid' }),
});
export type CommentTarget = z.output<typeof TargetSchema>;

const Id = z.string({ error: 'schema.invalidType' }).regex(REVIEW_ID_PATTERN, { error: 'schema.invalid' });
const At = z.iso.datetime({ error: 'schema.invalid' });
const Role = z.enum(REVIEW_ROLES, { error: 'schema.notInList' });

const MessageSchema = z.strictObject({
  id: Id,
  role: Role,
  /** Who wrote it, as they gave their name (null: not given). */
  name: ShortTextSchema.nullable().default(null),
  text: LongTextSchema,
  at: At,
});
export type ReviewMessage = z.output<typeof MessageSchema>;

const CommentSchema = z.strictObject({
  id: Id,
  target: TargetSchema,
  messages: z.array(MessageSchema).min(1).max(REVIEW_LIMITS.messages, { error: 'schema.tooMany' }),
  /** When the drafter resolved the thread (a new message opens it again); null: open. */
  resolved: z.strictObject({ at: At, role: Role }).nullable().default(null),
});
export type ReviewComment = z.output<typeof CommentSchema>;

const ApprovalSchema = z.strictObject({
  id: Id,
  revision: z.number().int().min(1),
  /** SHA-256 of the approved package's canonical JSON (`packageHash`). */
  packageHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'schema.invalid' }),
  name: ShortTextSchema,
  /** The approver's role or title ("Legal Adviser"). */
  title: ShortTextSchema,
  at: At,
  /** The approved package: kept by the latest approval only (null on earlier ones). */
  package: PackageSchema.nullable().default(null),
});
export type Approval = z.output<typeof ApprovalSchema>;

export const ReviewSchema = z.strictObject({
  comments: z.array(CommentSchema).max(REVIEW_LIMITS.comments, { error: 'schema.tooMany' }).default([]),
  /** Oldest first. */
  approvals: z.array(ApprovalSchema).max(REVIEW_LIMITS.approvals, { error: 'schema.tooMany' }).default([]),
});
export type Review = z.output<typeof ReviewSchema>;

export const emptyReview = (): Review => ({ comments: [], approvals: [] });

export const newReviewId = (): string => randomBytes(6).toString('base64url');
export const isReviewId = (value: unknown): value is string =>
  typeof value === 'string' && REVIEW_ID_PATTERN.test(value);

/** JSON with every object's keys in order, so that one package always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function packageHash(pkg: Package): string {
  return createHash('sha256').update(canonical(pkg), 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------------
// Operations: each returns the new review, or why it cannot be done.

export type ReviewRefusal = 'unknown-comment' | 'too-many' | 'already-approved';

export type ReviewResult =
  { readonly ok: true; readonly review: Review } | { readonly ok: false; readonly refusal: ReviewRefusal };

interface Author {
  readonly role: ReviewRole;
  readonly name: string | null;
}

/** A new thread on a target. */
export function addComment(
  review: Review,
  target: CommentTarget,
  author: Author,
  text: string,
  at: string,
): ReviewResult {
  if (review.comments.length >= REVIEW_LIMITS.comments) return { ok: false, refusal: 'too-many' };
  const comment: ReviewComment = {
    id: newReviewId(),
    target,
    messages: [{ id: newReviewId(), role: author.role, name: author.name, text, at }],
    resolved: null,
  };
  return { ok: true, review: { ...review, comments: [...review.comments, comment] } };
}

/** An answer in a thread; it opens a resolved thread again. */
export function reply(
  review: Review,
  commentId: string,
  author: Author,
  text: string,
  at: string,
): ReviewResult {
  const comment = review.comments.find((c) => c.id === commentId);
  if (!comment) return { ok: false, refusal: 'unknown-comment' };
  if (comment.messages.length >= REVIEW_LIMITS.messages) return { ok: false, refusal: 'too-many' };
  const message: ReviewMessage = { id: newReviewId(), role: author.role, name: author.name, text, at };
  return {
    ok: true,
    review: {
      ...review,
      comments: review.comments.map((c) =>
        c.id === commentId ? { ...c, messages: [...c.messages, message], resolved: null } : c,
      ),
    },
  };
}

/** The drafter marks a thread resolved (resolving one already resolved changes nothing). */
export function resolve(review: Review, commentId: string, role: ReviewRole, at: string): ReviewResult {
  const comment = review.comments.find((c) => c.id === commentId);
  if (!comment) return { ok: false, refusal: 'unknown-comment' };
  if (comment.resolved) return { ok: true, review };
  return {
    ok: true,
    review: {
      ...review,
      comments: review.comments.map((c) => (c.id === commentId ? { ...c, resolved: { at, role } } : c)),
    },
  };
}

/**
 * The reviewer approves the package as it is at `revision`. The earlier approvals keep their hash but no
 * longer their copy of the package. Approving a package already approved (and current) is refused, so
 * that a second click does not add a second approval.
 */
export function approve(
  review: Review,
  pkg: Package,
  revision: number,
  approver: { name: string; title: string },
  at: string,
): ReviewResult {
  const hash = packageHash(pkg);
  const latest = review.approvals[review.approvals.length - 1];
  if (latest && latest.packageHash === hash) return { ok: false, refusal: 'already-approved' };
  const kept = review.approvals.slice(-(REVIEW_LIMITS.approvals - 1)).map((a) => ({ ...a, package: null }));
  const approval: Approval = {
    id: newReviewId(),
    revision,
    packageHash: hash,
    name: approver.name,
    title: approver.title,
    at,
    package: pkg,
  };
  return { ok: true, review: { ...review, approvals: [...kept, approval] } };
}

// ---------------------------------------------------------------------------------------------------
// Reading

export type ApprovalState =
  | { readonly kind: 'none' }
  | { readonly kind: 'current'; readonly approval: Approval }
  /** `approved`: the package approved (null when an older file kept none), to tell what changed since. */
  | { readonly kind: 'outdated'; readonly approval: Approval; readonly approved: Package | null };

export function approvalState(review: Review, pkg: Package): ApprovalState {
  const latest = review.approvals[review.approvals.length - 1];
  if (!latest) return { kind: 'none' };
  if (latest.packageHash === packageHash(pkg)) return { kind: 'current', approval: latest };
  return { kind: 'outdated', approval: latest, approved: latest.package };
}

export const openComments = (review: Review): ReviewComment[] => review.comments.filter((c) => !c.resolved);
