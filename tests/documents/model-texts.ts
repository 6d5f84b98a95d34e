/**
 * What a rendering of a model must contain: every text of the model, in document order. Shared by the
 * docx and HTML renderer tests, which check that no text is dropped or reordered.
 */
import type { Block, DocumentModel, Inline } from '../../server/documents/model';

/** The printed texts of some inlines: text and markers (blanks print a line, breaks nothing). */
function inlineTexts(content: readonly Inline[]): string[] {
  return content.flatMap((inline) =>
    inline.type === 'text' || inline.type === 'marker' || inline.type === 'link' ? [inline.text] : [],
  );
}

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'title':
      return [block.text];
    case 'heading':
      return inlineTexts(block.content);
    case 'paragraph':
      return [...(block.number === undefined ? [] : [`${block.number}.`]), ...inlineTexts(block.content)];
    case 'list':
      return block.items.flatMap(inlineTexts);
    case 'fields':
      return [
        ...(block.caption === undefined ? [] : [block.caption]),
        ...block.rows.flatMap((row) => [row.label, ...inlineTexts(row.value)]),
      ];
    case 'table':
      return [
        ...(block.caption === undefined ? [] : [block.caption]),
        ...block.header,
        ...block.rows.flat().flatMap(inlineTexts),
      ];
    case 'signature':
      return block.lines.flatMap(inlineTexts);
    case 'details':
      return [block.summary, ...block.blocks.flatMap(blockTexts)];
    case 'timeline':
      return [
        block.caption,
        ...block.header,
        ...block.events.flatMap((e) => [e.dateText, e.label]),
        ...block.undated.flatMap((e) => [e.when, e.label]),
      ];
    case 'page-break':
      return [];
  }
}

/** Every text of the model, in document order, empty ones left out (they cannot be looked for). */
export function modelTexts(model: DocumentModel): string[] {
  return model.blocks.flatMap(blockTexts).filter((text) => text !== '');
}

/**
 * Asserts that every text occurs in `haystack`, each after the previous one. Returns the texts not found
 * in order (empty when all are), so that a failure names them.
 */
export function missingInOrder(haystack: string, texts: readonly string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const text of texts) {
    const at = haystack.indexOf(text, from);
    if (at === -1) missing.push(text);
    else from = at + text.length;
  }
  return missing;
}

/** The fixture with its markers completed, as a final document would be. */
export function completed(model: DocumentModel): DocumentModel {
  const complete = (content: readonly Inline[]): Inline[] =>
    content.map((inline) =>
      inline.type === 'marker'
        ? { type: 'text', text: inline.text.replace(/^\[[^:]*:\s*|\]$/g, '') }
        : inline,
    );
  const completeBlock = (block: Block): Block => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return { ...block, content: complete(block.content) };
      case 'list':
        return { ...block, items: block.items.map(complete) };
      case 'fields':
        return {
          ...block,
          rows: block.rows.map((row) => ({
            ...row,
            value: complete(row.value),
            tone: row.tone === 'missing' ? 'ok' : row.tone,
          })),
        };
      case 'table':
        return { ...block, rows: block.rows.map((row) => row.map(complete)) };
      case 'signature':
        return { ...block, lines: block.lines.map(complete) };
      case 'details':
        return { ...block, blocks: block.blocks.map(completeBlock) };
      case 'title':
      case 'page-break':
      case 'timeline':
        return block;
    }
  };
  const blocks = model.blocks.map(completeBlock);
  return { ...model, mode: 'final', markers: [], blocks };
}
