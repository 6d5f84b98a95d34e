/**
 * The path as logs show it: without the query string (it can carry a language and nothing else we want in
 * logs), and with anything shaped like a draft's identifier masked as ":id". A draft's id is its key (24
 * base64url characters, store/drafts.ts): whoever reads it can open the draft, so the log must never hold
 * one, however the path was written ("//drafts/ID", "/%64rafts/ID", "/DRAFTS/ID", "/drafts/%41…",
 * "/drafts/ID%2Fexport", an id under any other address).
 *
 * So the masking does not look for "/drafts/": it masks every run of 24 or more base64url characters,
 * and any segment that still holds 24 of them once other characters are left out (an id with a stray
 * character inside); then decodes percent-escapes (never throwing on a bad one) and folds compatibility
 * characters (a full-width "Ａ" is an "A"), and masks again, until nothing changes (double encoding);
 * then lowercases, as routes are matched without regard to case. No address of the service
 * has a segment that long ("/drafts/new", "/drafts/import", the longest page name has 23), so paths stay
 * readable.
 */
import type { Request } from 'express';

const ID_LENGTH = 24;
const ID_RUN = new RegExp(`[A-Za-z0-9_-]{${ID_LENGTH},}`, 'g');
const ID_CHARACTER = /[A-Za-z0-9_-]/g;
/** Enough for double or triple encoding; whatever is still escaped after them is masked by its hex digits. */
const DECODE_ROUNDS = 4;
const LOGGED_LENGTH = 200;

/**
 * Decodes each run of %XX escapes as UTF-8 (bytes that are not UTF-8 become U+FFFD); a "%" not followed
 * by two hex digits is left as it is. Unlike decodeURIComponent, never throws.
 */
function decodeEscapes(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'),
  );
}

/** Masks every run of 24 or more id characters, then every segment still holding 24 of them. */
function maskIds(path: string): string {
  return path
    .replace(ID_RUN, ':id')
    .split('/')
    .map((segment) => ((segment.match(ID_CHARACTER)?.length ?? 0) >= ID_LENGTH ? ':id' : segment))
    .join('/');
}

export function maskPath(path: string): string {
  // Masked before each decoding as well as after it: an escape can take characters of an id with it
  // ("…XyZ9%87pq…" decodes to "…XyZ9\uFFFDpq…", 22 of its 24 characters), and what is still escaped after
  // the last round is masked by its hex digits.
  let masked = maskIds(path);
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const next = maskIds(decodeEscapes(masked).normalize('NFKC'));
    if (next === masked) break;
    masked = next;
  }
  return (
    masked
      // Express matches addresses without regard to case: "/DRAFTS/:id" is logged as the route it reached.
      .toLowerCase()
      // Cut after masking: a cut first could leave the start of an id too short to be masked.
      .slice(0, LOGGED_LENGTH)
  );
}

export function logPath(req: Request): string {
  return maskPath(req.originalUrl.split('?')[0]!);
}
