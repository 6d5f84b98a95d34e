/**
 * What the two HTML renderers share, so that they cannot differ on it: the characters removed from every
 * text of the model, the direction of a language tag, the heading levels, and the timeline's drawing
 * (positions computed here, printed by each). The fast writer is html-writer.ts; the reference, with
 * Handlebars templates, render-html-reference.ts.
 */
import { isLanguage, profileOf } from '../i18n/languages';
import type { Block } from './model';

/**
 * Characters HTML does not allow in a document (WHATWG HTML, §13.2.3.5 "control-character-in-input-
 * stream"): the same C0 controls and non-characters render-docx.ts removes, so that both renderings
 * carry the same text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- the same, to test without replacing
const HAS_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** A text of the model without the characters HTML does not allow. */
export function clean(text: string): string {
  return HAS_INVALID.test(text) ? text.replace(INVALID, '') : text;
}

/** The direction of a language tag's language ("en-GB": left to right), from its profile. */
export function directionOfTag(tag: string): 'ltr' | 'rtl' {
  const code = tag.split('-')[0] ?? '';
  return isLanguage(code) ? profileOf(code).direction : 'ltr';
}

/** The page's <h1> is the title, so heading levels 1 to 3 are <h2> to <h4>. */
export const HTML_HEADING_LEVEL = { 1: 2, 2: 3, 3: 4 } as const;

/** Width of the timeline drawing, its margin at each end, and the height of one event's row (SVG user units). */
const TIMELINE = { width: 640, margin: 24, row: 40, top: 20 } as const;

/** The timeline's drawing: positions in the SVG's user units, and each event's texts, cleaned. */
export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly axis: { readonly x1: number; readonly x2: number; readonly y: number };
  readonly events: readonly {
    readonly kind: string;
    readonly x: number;
    readonly y: number;
    readonly textX: number;
    readonly anchor: 'start' | 'end';
    readonly label: string;
    readonly dateText: string;
    readonly dateY: number;
  }[];
}

/**
 * The timeline drawn: one row per event, placed along the line by its date (earliest at the start of
 * the reading direction: on the right in Arabic), its label and date beside the mark, on the side with
 * more room.
 */
export function timelineLayout(
  block: Extract<Block, { type: 'timeline' }>,
  direction: 'ltr' | 'rtl',
): TimelineLayout {
  const { width, margin, row, top } = TIMELINE;
  const times = block.events.map((e) => Date.parse(`${e.date}T00:00:00Z`));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  // Place by days; one event, or all on one day, sit in the middle.
  const position = (t: number) => (span === 0 ? 0.5 : (t - first) / span);
  const usable = width - 2 * margin;
  const events = block.events.map((event, index) => {
    const p = position(times[index]!);
    const logical = margin + p * usable;
    const x = direction === 'rtl' ? width - logical : logical;
    const forward = p <= 0.5;
    // Towards the reading direction's end when the mark is in the first half, else back towards its start.
    const step = (forward ? 10 : -10) * (direction === 'rtl' ? -1 : 1);
    const y = top + index * row;
    return {
      kind: event.kind,
      x: Math.round(x),
      y,
      textX: Math.round(x + step),
      anchor: forward ? ('start' as const) : ('end' as const),
      label: clean(event.mark),
      dateText: clean(event.dateText),
      dateY: y + 15,
    };
  });
  const axisY = top + Math.max(0, block.events.length - 1) * row + 28;
  return { width, height: axisY + 12, axis: { x1: margin, x2: width - margin, y: axisY }, events };
}
