/**
 * Small builders of inline content, and `sentence`, which translates a key whose parameters are content
 * (a name the user typed, a marker, a blank line) and assembles the sentence from structured parts, so
 * that no text a user types is ever read as part of the template.
 */
import type { TFunction } from 'i18next';
import type { Inline } from './model';

export const text = (
  value: string,
  opts: { bold?: boolean; italic?: boolean; lang?: string } = {},
): Inline => ({
  type: 'text',
  text: value,
  ...opts,
});

export const blank = (label: string): Inline => ({ type: 'blank', label });

export type Piece = string | Inline | readonly Inline[];

/** Adds a piece to `out` as inlines: a string as a text (none when empty), inlines one by one. */
function pushPiece(out: Inline[], piece: Piece): void {
  if (typeof piece === 'string') {
    if (piece !== '') out.push(text(piece));
  } else if (Array.isArray(piece)) {
    for (const inline of piece as readonly Inline[]) out.push(inline);
  } else out.push(piece as Inline);
}

/** Join adjacent plain text runs with the same formatting, so documents read back as whole sentences. */
export function mergeText(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (
      last?.type === 'text' &&
      inline.type === 'text' &&
      last.bold === inline.bold &&
      last.italic === inline.italic &&
      last.lang === inline.lang
    ) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else {
      out.push(inline);
    }
  }
  return out;
}

/**
 * The placeholder that stands for the parameter numbered `n` while i18next translates the template:
 * private-use characters around the number. Only our own template and these placeholders are ever
 * split, so the characters cannot come from a user: every parameter that is content is a placeholder
 * (see `sentence`), and the locale files hold no private-use character (tests/unit/documents).
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const placeholder = (n: number) => `${OPEN}${n}${CLOSE}`;
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/** i18next options that choose a form of the template; never content. */
export interface SentenceOptions {
  /** i18next context: the treaty's grammatical gender ("female", "male"). */
  readonly context?: string;
  /** i18next plural count. */
  readonly count?: number;
}

/**
 * Translate `key` with `params`, each a piece of content (a string, an inline, inlines) or a number.
 *
 * The template is translated with a placeholder for every piece, then split at the placeholders, and
 * each piece is put back where the translator wrote {{name}}. A piece never passes through i18next or
 * the split: text a user typed ("{{party}}", "$t(...)", private-use characters, anything) comes out as
 * typed, and cannot move, remove or repeat another piece. Numbers are passed to i18next as values.
 */
export function sentence(
  t: TFunction,
  key: string,
  params: Readonly<Record<string, Piece | number>> = {},
  options: SentenceOptions = {},
): Inline[] {
  const pieces: Piece[] = [];
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') {
      values[name] = value;
    } else {
      values[name] = placeholder(pieces.length);
      pieces.push(value);
    }
  }
  const template = t(key, { ...options, ...values }) as string;
  const out: Inline[] = [];
  let last = 0;
  // The placeholders in order (PLACEHOLDER is global: exec goes on from lastIndex; nothing in the loop
  // uses it); a template without any is one text.
  if (template.includes(OPEN)) {
    PLACEHOLDER.lastIndex = 0;
    for (let m = PLACEHOLDER.exec(template); m !== null; m = PLACEHOLDER.exec(template)) {
      const piece = pieces[Number(m[1])];
      // Only sentence() writes placeholders, so this is a template holding one: a bug, not user input.
      if (piece === undefined) throw new Error(`${key}: the template holds a placeholder of no parameter`);
      pushPiece(out, template.slice(last, m.index));
      pushPiece(out, piece);
      last = m.index + m[0].length;
    }
  }
  pushPiece(out, template.slice(last));
  return mergeText(out);
}
