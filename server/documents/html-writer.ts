/**
 * The fast HTML writer: a DocumentModel to HTML by string building, writing byte for byte what the
 * reference renderer (render-html-reference.ts, the Handlebars templates in templates/documents/) writes
 * (tests/documents/html-golden.test.ts). Each function below says which template it writes; the
 * templates' whitespace is written as Handlebars leaves it (standalone tags and comments take their
 * line with them; `~` strips the whitespace beside it).
 *
 * Escaping has one owner: `escapeHtml`. Every text and attribute value written, from the model or not,
 * goes through it; the texts of the model are first cleaned of the characters HTML does not allow
 * (html-common.ts), as the reference does. The page has no script and no inline style.
 */
import { clean, directionOfTag, HTML_HEADING_LEVEL, timelineLayout } from './html-common';
import type { Block, DocumentModel, Inline } from './model';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};
const ESCAPED = /[&<>"'`=]/g;
const NEEDS_ESCAPING = /[&<>"'`=]/;

/**
 * The one escaping function: a text or an attribute value (quoted with "), with the characters
 * Handlebars escapes written as the entities it writes. A number is written as Handlebars writes it, and
 * nothing (null, undefined) as nothing.
 */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : `${value}`;
  return NEEDS_ESCAPING.test(text) ? text.replace(ESCAPED, (char) => ENTITIES[char]!) : text;
}

/** Whether a text needs cleaning or escaping: most do not, and are written as they are, after one test. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_WORK = /[&<>"'`=\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** A text of the model: cleaned, then escaped. */
const textOf = (value: string): string => (NEEDS_WORK.test(value) ? escapeHtml(clean(value)) : value);

const LINE_BREAK = /\r\n|\r|\n/g;

/** inline-text.hbs: a text, its line breaks as <br>, in <b>, <i> and a <span> with its language as it has them. */
function textInline(inline: Extract<Inline, { type: 'text' }>): string {
  const lang = inline.lang;
  let out = '';
  if (lang) out += `<span lang="${escapeHtml(lang)}" dir="${escapeHtml(directionOfTag(lang))}">`;
  if (inline.bold === true) out += '<b>';
  if (inline.italic === true) out += '<i>';
  const text = textOf(inline.text);
  out += text.includes('\n') || text.includes('\r') ? text.replace(LINE_BREAK, '<br>') : text;
  if (inline.italic === true) out += '</i>';
  if (inline.bold === true) out += '</b>';
  if (lang) out += '</span>';
  return out;
}

/** inlines.hbs: a run of inlines, nothing between them. */
function writeInlines(content: readonly Inline[]): string {
  let out = '';
  for (const inline of content) {
    switch (inline.type) {
      case 'text':
        out += textInline(inline);
        break;
      case 'marker':
        out += `<mark class="marker">${textOf(inline.text)}</mark>`;
        break;
      case 'blank':
        out += `<span class="blank"><span class="visually-hidden">${textOf(inline.label)}</span></span>`;
        break;
      case 'break':
        out += '<br>';
        break;
      case 'link': {
        const text = textOf(inline.text);
        out += `<a class="link" href="${escapeHtml(inline.href)}">${inline.bold === true ? `<b>${text}</b>` : text}</a>`;
        break;
      }
      default:
        return unknownType(inline, 'inline');
    }
  }
  return out;
}

/** Whether a paragraph's number is printed (`{{#if number includeZero=true}}`): 0 is, NaN is not. */
const isPrinted = (value: number | undefined): value is number =>
  value !== undefined && value !== null && !Number.isNaN(value);

/** block-table.hbs, for a table's cleaned caption (or null), header, and rows of cells. */
function writeTable(
  caption: string | null,
  header: readonly string[],
  hasHeader: boolean,
  compact: boolean,
  rows: readonly (readonly (readonly Inline[])[])[],
): string {
  let out = `<table class="grid${compact ? ' grid-compact' : ''}">\n`;
  if (caption) out += `<caption>${escapeHtml(caption)}</caption>\n`;
  if (hasHeader) {
    out += '<thead>\n<tr>\n';
    for (const cell of header) out += `<th scope="col">${textOf(cell)}</th>\n`;
    out += '</tr>\n</thead>\n';
  }
  out += '<tbody>\n';
  for (const row of rows) {
    out += '<tr>\n';
    for (const cell of row) out += `<td dir="auto">${writeInlines(cell)}</td>\n`;
    out += '</tr>\n';
  }
  return `${out}</tbody>\n</table>\n`;
}

/** block-timeline.hbs: the drawing (when an event is dated), then the events as a table. */
function writeTimeline(block: Extract<Block, { type: 'timeline' }>, direction: 'ltr' | 'rtl'): string {
  const caption = textOf(block.caption);
  let out = `<figure class="timeline">\n<figcaption class="timeline-caption">${caption}</figcaption>\n`;
  const layout = timelineLayout(block, direction);
  if (layout.events.length > 0) {
    const { axis } = layout;
    const dir = escapeHtml(direction);
    const axisY = escapeHtml(axis.y);
    out +=
      `<svg class="timeline-drawing" role="img" aria-labelledby="timeline-title timeline-desc" viewBox="0 0 ${escapeHtml(layout.width)} ${escapeHtml(layout.height)}" width="100%" focusable="false">\n` +
      `<title id="timeline-title">${caption}</title>\n` +
      `<desc id="timeline-desc">${textOf(block.description)}</desc>\n` +
      `<line class="timeline-axis" x1="${escapeHtml(axis.x1)}" y1="${axisY}" x2="${escapeHtml(axis.x2)}" y2="${axisY}" stroke="#0b0c0c" stroke-width="2"/>\n`;
    for (const e of layout.events) {
      const x = escapeHtml(e.x);
      const y = escapeHtml(e.y);
      const textX = escapeHtml(e.textX);
      const anchor = escapeHtml(e.anchor);
      out +=
        `<g class="timeline-event timeline-${escapeHtml(e.kind)}">\n` +
        `<line class="timeline-guide" x1="${x}" y1="${y}" x2="${x}" y2="${axisY}" stroke="#505a5f" stroke-width="1" stroke-dasharray="3 3"/>\n` +
        `<circle class="timeline-mark" cx="${x}" cy="${y}" r="6" fill="#0b0c0c"/>\n` +
        `<text class="timeline-label" x="${textX}" y="${y}" text-anchor="${anchor}" direction="${dir}" dominant-baseline="middle" font-size="13" fill="#0b0c0c">${escapeHtml(e.label)}</text>\n` +
        `<text class="timeline-date" x="${textX}" y="${escapeHtml(e.dateY)}" text-anchor="${anchor}" direction="${dir}" dominant-baseline="middle" font-size="12" fill="#505a5f">${escapeHtml(e.dateText)}</text>\n` +
        '</g>\n';
    }
    out += '</svg>\n';
  }
  const rows: (readonly Inline[])[][] = [
    ...block.events.map((e) => [
      [{ type: 'text', text: e.dateText } as const],
      [{ type: 'text', text: e.label } as const],
    ]),
    ...block.undated.map((e) => [
      [{ type: 'text', text: e.when } as const],
      [{ type: 'text', text: e.label } as const],
    ]),
  ];
  return `${out}${writeTable(null, block.header, true, false, rows)}</figure>\n`;
}

/** An optional id attribute (`{{#if id}} id="{{id}}"{{/if}}`). */
const idAttribute = (id: string | undefined): string => (id ? ` id="${escapeHtml(id)}"` : '');

/** One block, by its partial block-*.hbs, with the line break that ends it. */
function writeBlock(block: Block, direction: 'ltr' | 'rtl'): string {
  switch (block.type) {
    case 'title':
      return `<h1 class="title">${textOf(block.text)}</h1>\n`;
    case 'heading': {
      const level = escapeHtml(HTML_HEADING_LEVEL[block.level]);
      return `<h${level}${idAttribute(block.id)}>${writeInlines(block.content)}</h${level}>\n`;
    }
    case 'paragraph': {
      const numbered = isPrinted(block.number);
      return (
        `<p class="paragraph-${escapeHtml(block.style)}${numbered ? ' paragraph-numbered' : ''}">` +
        (numbered ? `<span class="paragraph-number">${escapeHtml(block.number!)}.</span> ` : '') +
        `${writeInlines(block.content)}</p>\n`
      );
    }
    case 'list': {
      let out = `<ul class="list${block.compact === true ? ' list-compact' : ''}">\n`;
      for (const item of block.items) out += `<li>${writeInlines(item)}</li>\n`;
      return `${out}</ul>\n`;
    }
    case 'fields': {
      let out = '<table class="fields">\n';
      const caption = block.caption === undefined ? '' : clean(block.caption);
      if (caption) out += `<caption>${escapeHtml(caption)}</caption>\n`;
      out += '<tbody>\n';
      for (const row of block.rows) {
        out +=
          `<tr${row.tone ? ` class="tone-${escapeHtml(row.tone)}"` : ''}>\n` +
          `<th scope="row">${textOf(row.label)}</th>\n` +
          `<td dir="auto">${writeInlines(row.value)}</td>\n` +
          '</tr>\n';
      }
      return `${out}</tbody>\n</table>\n`;
    }
    case 'table':
      return writeTable(
        block.caption === undefined ? null : clean(block.caption),
        block.header,
        block.header.length > 0,
        block.compact === true,
        block.rows,
      );
    case 'details': {
      const level = escapeHtml(HTML_HEADING_LEVEL[block.level]);
      return (
        `<details class="details"${idAttribute(block.id)}>\n` +
        `<summary class="details-summary"><h${level} class="details-summary-text">${textOf(block.summary)}</h${level}></summary>\n` +
        `<div class="details-text">\n${writeBlocks(block.blocks, direction)}</div>\n</details>\n`
      );
    }
    case 'timeline':
      return writeTimeline(block, direction);
    case 'signature': {
      let out = '<div class="signature">\n';
      for (const line of block.lines) out += `<p>${writeInlines(line)}</p>\n`;
      return `${out}</div>\n`;
    }
    case 'page-break':
      return '<hr class="page-break">\n';
    default:
      return unknownType(block, 'block');
  }
}

function writeBlocks(blocks: readonly Block[], direction: 'ltr' | 'rtl'): string {
  let out = '';
  for (const block of blocks) out += writeBlock(block, direction);
  return out;
}

/** A model from outside the type system (a stored draft, a bad builder) fails loudly rather than rendering less. */
function unknownType(value: never, what: string): never {
  throw new Error(`Cannot render ${what} of type ${JSON.stringify((value as { type?: unknown }).type)}`);
}

/** The class of the element around the blocks: the document's kind and mode. */
const documentClass = (model: DocumentModel): string =>
  `document document-${escapeHtml(model.kind)} document-${escapeHtml(model.mode)}`;

/** document.hbs: the model as a complete HTML page that links the stylesheet at `options.stylesheetHref`. */
export function writeHtml(model: DocumentModel, options: { stylesheetHref: string }): string {
  // The blocks first: a block of a type unknown fails before anything else is written.
  const blocks = writeBlocks(model.blocks, model.direction);
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${escapeHtml(model.lang)}" dir="${escapeHtml(model.direction)}">\n` +
    '<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${textOf(model.properties.title)}</title>\n` +
    `<meta name="description" content="${textOf(model.properties.description)}">\n` +
    `<link rel="stylesheet" href="${escapeHtml(options.stylesheetHref)}">\n` +
    '</head>\n<body>\n' +
    `<main class="${documentClass(model)}">\n${blocks}</main>\n` +
    '</body>\n</html>\n'
  );
}

/** document-body.hbs: the model as an element inside another page, in the document's language. */
export function writeHtmlBody(model: DocumentModel): string {
  const blocks = writeBlocks(model.blocks, model.direction);
  return (
    `<article class="${documentClass(model)}" lang="${escapeHtml(model.lang)}" dir="${escapeHtml(model.direction)}">\n` +
    `${blocks}</article>\n`
  );
}
