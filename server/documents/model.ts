/**
 * The document model: a plain, serializable description of one output document (an instrument, the
 * notifications, full powers, the checklist), already in its language. Builders (build-*.ts) make it
 * from a parsed package; render-docx.ts maps it mechanically to Word, render-html.ts to HTML. Nothing
 * here knows about docx, Express or i18next.
 *
 * Text is raw (never HTML-escaped here): the HTML renderer escapes, docx receives it as is.
 */

/** BCP 47 tag of a document language, as Word wants it on runs ("en-GB", "fr-FR"). */
export type DocumentLanguageTag = string;

/** A run of inline content. */
export type Inline =
  /** Plain text. `lang` marks a quotation in another language than the document (e.g. English treaty text in a French checklist). */
  | {
      readonly type: 'text';
      readonly text: string;
      readonly bold?: boolean;
      readonly italic?: boolean;
      readonly lang?: DocumentLanguageTag;
    }
  /** Draft mode only: a value still missing, printed as a visible "[to be completed: ...]" marker. `text` is the whole marker, already localized. */
  | { readonly type: 'marker'; readonly text: string }
  /** A value deliberately left blank for completion by hand (place, date): printed as a line to write on. */
  | { readonly type: 'blank'; readonly label: string }
  /** A line break inside a paragraph. */
  | { readonly type: 'break' }
  /**
   * Text that links to a page of the site (on the checklist page: a missing item to the page that fixes
   * it). HTML renders a link; Word, where a site address means nothing, prints the text alone.
   */
  | { readonly type: 'link'; readonly text: string; readonly href: string; readonly bold?: boolean };

export const PARAGRAPH_STYLES = [
  /** Body text. */
  'normal',
  /** The instrument's recitals and operative clause (justified, spaced). */
  'recital',
  /** A quotation of treaty text (indented, smaller). */
  'quote',
  /** An explanatory note for the user (italic, smaller): verification marks, sources. */
  'note',
  /** Centred text, such as the line under a title. */
  'centered',
] as const;
export type ParagraphStyle = (typeof PARAGRAPH_STYLES)[number];

/** A status badge in the checklist: provided / missing / not applicable / optional, not made / to follow / left blank. */
export type Tone = 'ok' | 'missing' | 'neutral' | 'info';

export type Block =
  /** The document title (Word style "Title"; an <h1> in HTML). */
  | { readonly type: 'title'; readonly text: string }
  /** A section heading; level 1 is the highest under the title. */
  | {
      readonly type: 'heading';
      readonly level: 1 | 2 | 3;
      readonly content: readonly Inline[];
      readonly id?: string;
    }
  /** A paragraph. `number` prints "1." before it (numbered notifications). */
  | {
      readonly type: 'paragraph';
      readonly style: ParagraphStyle;
      readonly content: readonly Inline[];
      readonly number?: number;
    }
  /** A bulleted list; `compact`: smaller text, tightly spaced (the checklist's overview). */
  | { readonly type: 'list'; readonly items: readonly (readonly Inline[])[]; readonly compact?: boolean }
  /** A two-column label/value table: an authority's directory entry, or an item's properties. */
  | {
      readonly type: 'fields';
      readonly caption?: string;
      readonly rows: readonly {
        readonly label: string;
        readonly value: readonly Inline[];
        readonly tone?: Tone;
      }[];
    }
  /**
   * A table with a header row. `widths`: the columns' relative widths (Word; equal when absent).
   * `compact`: smaller text, for a dense overview (the checklist's matrix).
   */
  | {
      readonly type: 'table';
      readonly caption?: string;
      readonly header: readonly string[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
      readonly widths?: readonly number[];
      readonly compact?: boolean;
    }
  /**
   * A section that opens on demand: <details> in HTML, collapsed until the reader opens it; in Word, the
   * summary as a heading of `level` followed by the blocks.
   */
  | {
      readonly type: 'details';
      readonly level: 1 | 2 | 3;
      readonly summary: string;
      readonly id?: string;
      readonly blocks: readonly Block[];
    }
  /**
   * Dated events on a line (the checklist's timeline): in HTML an SVG drawing (role="img", with a title
   * and a description) and a table of the same events beside it; in Word the table. `events` are in date
   * order; `undated` are events without a date yet (a deadline counted from a designation not made).
   */
  | {
      readonly type: 'timeline';
      readonly caption: string;
      /** The drawing's accessible description: what it shows, in one sentence. */
      readonly description: string;
      /** Column headings of the table: date, event. */
      readonly header: readonly [string, string];
      readonly events: readonly TimelineEvent[];
      readonly undated: readonly { readonly label: string; readonly when: string }[];
    }
  /** The signature block: space to sign, then the signer's name and title lines. */
  | { readonly type: 'signature'; readonly lines: readonly (readonly Inline[])[] }
  /** Start a new page. */
  | { readonly type: 'page-break' };

/** One dated event of a timeline: its ISO date (for placing it), the date as the document writes it, what happens. */
export interface TimelineEvent {
  readonly date: string;
  readonly dateText: string;
  readonly label: string;
  /** The label beside its mark in a drawing, where room is short (the table gives `label`). */
  readonly mark: string;
  /** What kind of event, for its mark: the deposit, a treaty's entry into force, a deadline. */
  readonly kind: 'deposit' | 'entry-into-force' | 'deadline';
}

export const DOCUMENT_KINDS = [
  'instrument',
  'notifications',
  'full-powers',
  'note-verbale',
  'checklist',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentModel {
  readonly kind: DocumentKind;
  /** The document's language: a supported locale (i18n/languages.ts). */
  readonly lang: string;
  /** The BCP 47 tag written on every run ("en-GB", "fr-FR"). */
  readonly languageTag: DocumentLanguageTag;
  /** The language's direction and script, and the fonts for its scripts (i18n/languages.ts). */
  readonly direction: 'ltr' | 'rtl';
  readonly script: 'latin' | 'cyrillic' | 'arabic' | 'han';
  readonly fonts: { readonly latin: string; readonly complexScript: string; readonly eastAsian: string };
  readonly mode: 'draft' | 'final';
  /** Document properties (File > Properties in Word). */
  readonly properties: {
    readonly title: string;
    readonly subject: string;
    readonly description: string;
    readonly keywords: string;
    readonly creator: string;
  };
  /** Footer text before the page number, e.g. "Page"; and the word between page and total, e.g. "of". */
  readonly footer: { readonly page: string; readonly of: string };
  /** The labels of every marker in the body, for final-mode checks and the list of what is missing. */
  readonly markers: readonly string[];
  readonly blocks: readonly Block[];
}

/** A suggested file name for a downloaded document, without extension: ASCII, lower case, hyphens. */
export function fileStem(parts: readonly string[]): string {
  return parts
    .join('-')
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
