/**
 * The reference HTML renderer, with Handlebars: what the fast writer (html-writer.ts) writes, byte for
 * byte (tests/documents/html-golden.test.ts), and what the benchmark compares it with. Pages and the
 * bundle use the writer (render-html.ts); this is loaded only by the golden test and the benchmark.
 *
 * The model is first mapped to a view (every field a template reads is present, optional ones as null,
 * since the templates compile in strict mode and a missing field is an error), then rendered by the
 * templates in templates/documents/: document.hbs is the page, and every other file is a partial named
 * after it, one per block and inline type.
 *
 * Escaping has one owner: Handlebars `{{ }}`. No template uses `{{{ }}}`. The page has no script and no
 * inline style, so that it works under a strict Content-Security-Policy; its styles are in the stylesheet
 * at `options.stylesheetHref` (public/css/document.css).
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { clean, directionOfTag, HTML_HEADING_LEVEL, timelineLayout } from './html-common';
import type { Block, DocumentModel, Inline, ParagraphStyle, Tone } from './model';
import { DOCUMENT_TEMPLATES } from './render-html';

type InlineView =
  | {
      readonly partial: 'inline-text';
      /** The text split at its line breaks, rendered with <br> between them. */
      readonly lines: readonly string[];
      readonly bold: boolean;
      readonly italic: boolean;
      readonly lang: string | null;
      readonly dir: 'ltr' | 'rtl' | null;
    }
  | { readonly partial: 'inline-marker'; readonly text: string }
  | { readonly partial: 'inline-blank'; readonly label: string }
  | { readonly partial: 'inline-break' }
  | { readonly partial: 'inline-link'; readonly text: string; readonly href: string; readonly bold: boolean };

type BlockView =
  | { readonly partial: 'block-title'; readonly text: string }
  | {
      readonly partial: 'block-heading';
      readonly level: 2 | 3 | 4;
      readonly id: string | null;
      readonly content: readonly InlineView[];
    }
  | {
      readonly partial: 'block-paragraph';
      readonly style: ParagraphStyle;
      readonly number: number | null;
      readonly content: readonly InlineView[];
    }
  | {
      readonly partial: 'block-list';
      readonly compact: boolean;
      readonly items: readonly (readonly InlineView[])[];
    }
  | {
      readonly partial: 'block-fields';
      readonly caption: string | null;
      readonly rows: readonly {
        readonly label: string;
        readonly value: readonly InlineView[];
        readonly tone: Tone | null;
      }[];
    }
  | TableView
  | {
      readonly partial: 'block-details';
      readonly level: 2 | 3 | 4;
      readonly id: string | null;
      readonly summary: string;
      readonly blocks: readonly BlockView[];
    }
  | TimelineView
  | { readonly partial: 'block-signature'; readonly lines: readonly (readonly InlineView[])[] }
  | { readonly partial: 'block-page-break' };

interface TableView {
  readonly partial: 'block-table';
  readonly caption: string | null;
  readonly header: readonly string[];
  readonly hasHeader: boolean;
  readonly compact: boolean;
  readonly rows: readonly (readonly (readonly InlineView[])[])[];
}

/** The timeline's drawing, computed here (positions in the SVG's user units) so that the template only prints. */
interface TimelineView {
  readonly partial: 'block-timeline';
  readonly caption: string;
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly axis: { readonly x1: number; readonly x2: number; readonly y: number };
  readonly direction: 'ltr' | 'rtl';
  /** Whether there is anything to draw (no dated event: the table alone). */
  readonly drawn: boolean;
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
  /** The same events as a table: the drawing's text equivalent. */
  readonly table: TableView;
}

interface PageView {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly title: string;
  readonly description: string;
  readonly kind: string;
  readonly mode: string;
  readonly stylesheetHref: string;
  readonly blocks: readonly BlockView[];
}

function inlineView(inline: Inline): InlineView {
  switch (inline.type) {
    case 'text':
      return {
        partial: 'inline-text',
        lines: clean(inline.text).split(/\r\n|\r|\n/),
        bold: inline.bold === true,
        italic: inline.italic === true,
        lang: inline.lang ?? null,
        dir: inline.lang === undefined ? null : directionOfTag(inline.lang),
      };
    case 'marker':
      return { partial: 'inline-marker', text: clean(inline.text) };
    case 'blank':
      return { partial: 'inline-blank', label: clean(inline.label) };
    case 'break':
      return { partial: 'inline-break' };
    case 'link':
      return {
        partial: 'inline-link',
        text: clean(inline.text),
        href: inline.href,
        bold: inline.bold === true,
      };
    default:
      return unknownType(inline, 'inline');
  }
}

const inlines = (content: readonly Inline[]): InlineView[] => content.map(inlineView);

/** The timeline: its drawing (html-common.ts), and its events as a table. */
function timelineView(block: Extract<Block, { type: 'timeline' }>, direction: 'ltr' | 'rtl'): TimelineView {
  const layout = timelineLayout(block, direction);
  return {
    partial: 'block-timeline',
    caption: clean(block.caption),
    description: clean(block.description),
    width: layout.width,
    height: layout.height,
    axis: layout.axis,
    direction,
    drawn: layout.events.length > 0,
    events: layout.events,
    table: {
      partial: 'block-table',
      caption: null,
      header: block.header.map(clean),
      hasHeader: true,
      compact: false,
      rows: [
        ...block.events.map((e) => [
          [inlineView({ type: 'text', text: e.dateText })],
          [inlineView({ type: 'text', text: e.label })],
        ]),
        ...block.undated.map((e) => [
          [inlineView({ type: 'text', text: e.when })],
          [inlineView({ type: 'text', text: e.label })],
        ]),
      ],
    },
  };
}

function blockView(block: Block, direction: 'ltr' | 'rtl' = 'ltr'): BlockView {
  switch (block.type) {
    case 'title':
      return { partial: 'block-title', text: clean(block.text) };
    case 'heading':
      return {
        partial: 'block-heading',
        level: HTML_HEADING_LEVEL[block.level],
        id: block.id ?? null,
        content: inlines(block.content),
      };
    case 'paragraph':
      return {
        partial: 'block-paragraph',
        style: block.style,
        number: block.number ?? null,
        content: inlines(block.content),
      };
    case 'list':
      return { partial: 'block-list', compact: block.compact === true, items: block.items.map(inlines) };
    case 'fields':
      return {
        partial: 'block-fields',
        caption: block.caption === undefined ? null : clean(block.caption),
        rows: block.rows.map((row) => ({
          label: clean(row.label),
          value: inlines(row.value),
          tone: row.tone ?? null,
        })),
      };
    case 'table':
      return {
        partial: 'block-table',
        caption: block.caption === undefined ? null : clean(block.caption),
        header: block.header.map(clean),
        hasHeader: block.header.length > 0,
        compact: block.compact === true,
        rows: block.rows.map((row) => row.map(inlines)),
      };
    case 'details':
      return {
        partial: 'block-details',
        level: HTML_HEADING_LEVEL[block.level],
        id: block.id ?? null,
        summary: clean(block.summary),
        blocks: block.blocks.map((inner) => blockView(inner, direction)),
      };
    case 'timeline':
      return timelineView(block, direction);
    case 'signature':
      return { partial: 'block-signature', lines: block.lines.map(inlines) };
    case 'page-break':
      return { partial: 'block-page-break' };
    default:
      return unknownType(block, 'block');
  }
}

/** A model from outside the type system (a stored draft, a bad builder) fails loudly rather than rendering less. */
function unknownType(value: never, what: string): never {
  throw new Error(`Cannot render ${what} of type ${JSON.stringify((value as { type?: unknown }).type)}`);
}

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  // Only the built-in helpers (if, each, unless, lookup...): a typo is a compile error, not a silent blank.
  knownHelpersOnly: true,
  // Partials are inserted as written, without the indentation of the line that calls them.
  preventIndent: true,
};

let page: HandlebarsTemplateDelegate<PageView> | undefined;
let body: HandlebarsTemplateDelegate<PageView> | undefined;

/** Compiles the page and its partials on first use, once per process, in an environment of their own. */
function template(): HandlebarsTemplateDelegate<PageView> {
  if (page !== undefined) return page;
  const handlebars = Handlebars.create();
  const files = fs.readdirSync(DOCUMENT_TEMPLATES).filter((file) => file.endsWith('.hbs'));
  let layout: HandlebarsTemplateDelegate<PageView> | undefined;
  for (const file of files) {
    const source = fs.readFileSync(path.join(DOCUMENT_TEMPLATES, file), 'utf8');
    const name = path.basename(file, '.hbs');
    if (name === 'document') layout = handlebars.compile<PageView>(source, COMPILE_OPTIONS);
    else if (name === 'document-body') body = handlebars.compile<PageView>(source, COMPILE_OPTIONS);
    else handlebars.registerPartial(name, handlebars.compile(source, COMPILE_OPTIONS));
  }
  if (layout === undefined) throw new Error(`document.hbs not found in ${DOCUMENT_TEMPLATES}`);
  if (body === undefined) throw new Error(`document-body.hbs not found in ${DOCUMENT_TEMPLATES}`);
  page = layout;
  return page;
}

function pageView(model: DocumentModel, stylesheetHref: string): PageView {
  return {
    lang: model.lang,
    dir: model.direction,
    title: clean(model.properties.title),
    description: clean(model.properties.description),
    kind: model.kind,
    mode: model.mode,
    stylesheetHref,
    blocks: model.blocks.map((block) => blockView(block, model.direction)),
  };
}

/** Renders the model to a complete HTML page that links the stylesheet at `options.stylesheetHref`. */
export function renderHtmlReference(model: DocumentModel, options: { stylesheetHref: string }): string {
  return template()(pageView(model, options.stylesheetHref));
}

/**
 * Renders the model as an element to place inside another page (the site's checklist page), in the
 * document's language; the page links public/css/document.css itself.
 */
export function renderHtmlBodyReference(model: DocumentModel): string {
  template();
  return body!(pageView(model, ''));
}
