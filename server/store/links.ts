/**
 * Links to a draft for another role: a translator's link opens the translation of the answers, a
 * reviewer's (the legal adviser's) the checklist and the documents; neither can open the draft's own
 * address, which is the drafter's key to every answer.
 *
 * A link is a capability: its secret (256 random bits, 43 base64url characters) is shown once, when the
 * drafter creates it, and stored only as its SHA-256, so that a copy of the database opens nothing. A
 * link has a public id of its own (to list and revoke it) that opens nothing either. Revoking is at
 * once; deleting the draft deletes its links.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store, StoredLink } from './store';

/** The roles a link can give, and so the pages it opens (http/journey/shared.ts). */
export const LINK_ROLES = ['translator', 'reviewer'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const isLinkRole = (value: unknown): value is LinkRole =>
  typeof value === 'string' && (LINK_ROLES as readonly string[]).includes(value);

/** A link's secret: 32 random bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** A link's public id: 8 random bytes in base64url. */
const LINK_ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

export const isLinkToken = (value: unknown): value is string =>
  typeof value === 'string' && TOKEN_PATTERN.test(value);
export const isLinkId = (value: unknown): value is string =>
  typeof value === 'string' && LINK_ID_PATTERN.test(value);

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface DraftLink {
  readonly id: string;
  readonly role: LinkRole;
  /** The drafter's words for whom it is for ("French translation, Ms A."), or null. */
  readonly label: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface DraftLinks {
  /** A new link to the draft; its secret is in `token`, and nowhere else from now on. */
  create(draftId: string, role: LinkRole, label: string | null): { link: DraftLink; token: string };
  /** The draft and the link a secret opens; null for an unknown or revoked one (never which). */
  open(token: string): { draftId: string; link: DraftLink } | null;
  /** The draft's links, oldest first, revoked ones included. */
  list(draftId: string): DraftLink[];
  /** Revoke one of the draft's links; false when it has no such link open. */
  revoke(draftId: string, linkId: string): boolean;
}

function linkOf(row: StoredLink): DraftLink | null {
  return isLinkRole(row.role)
    ? { id: row.id, role: row.role, label: row.label, createdAt: row.createdAt, revokedAt: row.revokedAt }
    : null;
}

export function createDraftLinks(store: Store, clock: () => Date): DraftLinks {
  return {
    create(draftId, role, label) {
      for (;;) {
        const token = randomBytes(32).toString('base64url');
        const row = {
          id: randomBytes(8).toString('base64url'),
          draftId,
          role,
          label,
          createdAt: clock().toISOString(),
        };
        if (store.links.insert({ ...row, tokenHash: hashOf(token) }))
          return { link: { ...row, revokedAt: null }, token };
      }
    },
    open(token) {
      if (!isLinkToken(token)) return null;
      const row = store.links.byHash(hashOf(token));
      const link = row && row.revokedAt === null ? linkOf(row) : null;
      return row && link ? { draftId: row.draftId, link } : null;
    },
    list: (draftId) => store.links.list(draftId).flatMap((row) => linkOf(row) ?? []),
    revoke: (draftId, linkId) =>
      isLinkId(linkId) && store.links.revoke(draftId, linkId, clock().toISOString()),
  };
}
