/**
 * Renders a DocumentModel to HTML: a standalone page (the on-screen preview of a document, printable on
 * A4; the bundle's HTML checklist), or an element to place inside a site page (the checklist page).
 *
 * Both are written by the fast writer (html-writer.ts), which writes what the reference renderer writes
 * with the Handlebars templates of templates/documents/ (render-html-reference.ts), byte for byte
 * (tests/documents/html-golden.test.ts). The templates stay the HTML's definition: a change to the HTML
 * is made in both, and the golden test holds them together.
 *
 * Escaping has one owner: the writer's `escapeHtml` (Handlebars `{{ }}` in the reference). The page has
 * no script and no inline style, so that it works under a strict Content-Security-Policy; its styles are
 * in the stylesheet at `options.stylesheetHref` (public/css/document.css).
 */
import path from 'node:path';
import { PATHS } from '../paths';
import { writeHtml, writeHtmlBody } from './html-writer';
import type { DocumentModel } from './model';

/** The reference renderer's templates: the page, and a partial per block and inline type. */
export const DOCUMENT_TEMPLATES = path.join(PATHS.templates, 'documents');

/** Renders the model to a complete HTML page that links the stylesheet at `options.stylesheetHref`. */
export function renderHtml(model: DocumentModel, options: { stylesheetHref: string }): string {
  return writeHtml(model, options);
}

/**
 * Renders the model as an element to place inside another page (the site's checklist page), in the
 * document's language; the page links public/css/document.css itself.
 */
export function renderHtmlBody(model: DocumentModel): string {
  return writeHtmlBody(model);
}
