/**
 * Small builders of inline content, and `sentence`, which translates a key whose parameters are
 * themselves inline content (a marker, a blank line) rather than plain strings.
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

function toInlines(piece: Piece): Inline[] {
  if (typeof piece === 'string') return piece === '' ? [] : [text(piece)];
  if (Array.isArray(piece)) return [...(piece as readonly Inline[])];
  return [piece as Inline];
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

const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * Translate `key` with `params`; a parameter may be a string or inline content. The translation is made
 * with placeholders (private-use characters) and then split, so a marker or a blank line lands exactly
 * where the translator put {{name}}.
 */
export function sentence(
  t: TFunction,
  key: string,
  params: Record<string, Piece | number> = {},
  extra: Record<string, unknown> = {},
): Inline[] {
  const pieces: Piece[] = [];
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') {
      values[name] = value;
    } else {
      values[name] = `${OPEN}${pieces.length}${CLOSE}`;
      pieces.push(value);
    }
  }
  const translated = t(key, { ...extra, ...values }) as string;
  const out: Inline[] = [];
  const re = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
  let last = 0;
  for (let m = re.exec(translated); m; m = re.exec(translated)) {
    out.push(...toInlines(translated.slice(last, m.index)));
    out.push(...toInlines(pieces[Number(m[1])]!));
    last = m.index + m[0].length;
  }
  out.push(...toInlines(translated.slice(last)));
  return mergeText(out);
}
