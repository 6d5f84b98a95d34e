/**
 * Drafts over the store: unguessable identifiers, JSON in and out, migration on load.
 *
 * An identifier is 18 random bytes from the operating system's CSPRNG (144 bits, above the 128 the
 * issue asks for), written base64url in 24 characters. Whoever holds it holds the draft, so it is
 * checked against its exact shape before it reaches the database, and nothing lists drafts.
 */
import { randomBytes } from 'node:crypto';
import {
  DRAFT_FORMAT_VERSION,
  readDraft,
  serializeDraft,
  type Draft,
  type DraftReadError,
} from '../domain/draft';
import type { Store } from './store';

export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function isDraftId(value: unknown): value is string {
  return typeof value === 'string' && DRAFT_ID_PATTERN.test(value);
}

export function newDraftId(): string {
  return randomBytes(18).toString('base64url');
}

export type LoadResult =
  | { readonly ok: true; readonly draft: Draft; readonly updatedAt: string }
  | { readonly ok: false; readonly error: { readonly code: 'not-found' } | DraftReadError };

export interface Drafts {
  create(draft: Draft): string;
  load(id: string): LoadResult;
  save(id: string, draft: Draft): boolean;
}

export function createDrafts(store: Store, clock: () => Date): Drafts {
  const now = () => clock().toISOString();
  return {
    create(draft) {
      const data = serializeDraft(draft);
      // A collision among 2^144 identifiers will not happen; drawing again costs nothing if it does.
      for (;;) {
        const id = newDraftId();
        if (store.drafts.insert(id, DRAFT_FORMAT_VERSION, data, now())) return id;
      }
    },
    load(id) {
      if (!isDraftId(id)) return { ok: false, error: { code: 'not-found' } };
      const row = store.drafts.get(id);
      if (!row) return { ok: false, error: { code: 'not-found' } };
      let json: unknown;
      try {
        json = JSON.parse(row.data);
      } catch {
        return { ok: false, error: { code: 'not-json' } };
      }
      const read = readDraft(row.formatVersion, json);
      if (!read.ok) return read;
      // Migrated on load, and written back in the current version.
      if (read.migratedFrom !== null) {
        const at = now();
        store.drafts.update(id, DRAFT_FORMAT_VERSION, serializeDraft(read.draft), at);
        return { ok: true, draft: read.draft, updatedAt: at };
      }
      return { ok: true, draft: read.draft, updatedAt: row.updatedAt };
    },
    save(id, draft) {
      return store.drafts.update(id, DRAFT_FORMAT_VERSION, serializeDraft(draft), now());
    },
  };
}
