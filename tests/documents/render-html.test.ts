/**
 * The HTML renderer: a complete, accessible page with no script and no inline style, where Handlebars
 * escapes every text of the model. Checked with strings and small regular expressions on the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentModel, Inline } from '../../server/documents/model';
import { PATHS } from '../../server/paths';
import { DOCUMENT_TEMPLATES, renderHtml } from '../../server/documents/render-html';
import { renderHtmlReference } from '../../server/documents/render-html-reference';
import { LITERAL_TEXT, sampleModel } from '../fixtures/documents/sample-model';
import { missingInOrder, modelTexts } from './model-texts';

const STYLESHEET = '/static/css/document.css';

function render(model: DocumentModel): string {
  return renderHtml(model, { stylesheetHref: STYLESHEET });
}

/** A model of one paragraph, to look at how inlines render. */
function paragraph(content: readonly Inline[]): DocumentModel {
  return { ...sampleModel, markers: [], blocks: [{ type: 'paragraph', style: 'normal', content }] };
}

/** The text a reader sees: tags removed, the entities Handlebars writes decoded. */
function visibleText(html: string): string {
  const entities: Record<string, string> = {
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&#x27;': "'",
    '&#x60;': '`',
    '&#x3D;': '=',
    '&amp;': '&',
  };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;|&gt;|&quot;|&#x27;|&#x60;|&#x3D;|&amp;/g, (entity) => entities[entity] ?? entity);
}

describe('renderHtml', () => {
  const html = render(sampleModel);
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';

  describe('the page', () => {
    it('is a complete HTML5 page in the document language', () => {
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr" dir="ltr">\n<head>\n<meta charset="utf-8">/);
      expect(html.trimEnd()).toMatch(/<\/html>$/);
      expect(html.match(/<main[ >]/g)).toHaveLength(1);
    });

    it('is titled from the document properties', () => {
      expect(html).toContain(
        '<title>Instrument d&#x27;adhésion à la Convention contre la criminalité transnationale organisée</title>',
      );
      expect(html).toContain(
        '<meta name="description" content="Projet établi par l&#x27;assistant de rédaction ; à vérifier avant signature.">',
      );
    });

    it('links its stylesheet, and has no script, style element or style attribute', () => {
      expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET}">`);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<style/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    });
  });

  describe('text', () => {
    it('has every text of the model, in order', () => {
      expect(missingInOrder(visibleText(body), modelTexts(sampleModel))).toEqual([]);
    });

    it('escapes markup characters, which read as text', () => {
      expect(body).toContain('Référence du dossier : &lt;b&gt;&amp;&quot;&#x27;/2024');
      expect(body).not.toContain(LITERAL_TEXT);
    });

    it('escapes a script in any text of the model', () => {
      const attack = '<script>alert(1)</script>';
      const quoteAttack = '"><script>alert(2)</script>';
      const model: DocumentModel = {
        ...sampleModel,
        lang: `fr${quoteAttack}`,
        properties: { ...sampleModel.properties, title: attack, description: quoteAttack },
        blocks: [
          { type: 'title', text: attack },
          { type: 'heading', level: 1, id: quoteAttack, content: [{ type: 'text', text: attack }] },
          {
            type: 'paragraph',
            style: 'normal',
            content: [
              { type: 'text', text: attack, lang: quoteAttack },
              { type: 'marker', text: attack },
              { type: 'blank', label: attack },
            ],
          },
          { type: 'list', items: [[{ type: 'text', text: attack }]] },
          {
            type: 'fields',
            caption: attack,
            rows: [{ label: attack, value: [{ type: 'text', text: attack }] }],
          },
          { type: 'table', caption: attack, header: [attack], rows: [[[{ type: 'text', text: attack }]]] },
          { type: 'signature', lines: [[{ type: 'text', text: attack }]] },
        ],
      };
      const output = renderHtml(model, { stylesheetHref: `/css/x.css${quoteAttack}` });
      expect(output).not.toMatch(/<script/i);
      expect(output).toContain('<h1 class="title">&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
      expect(output).toContain('<span lang="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" dir="ltr">');
      expect(output.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)).toHaveLength(14);
    });

    it('renders a text inline in another language as a span with its lang', () => {
      expect(body).toContain(
        '<span lang="en-GB" dir="ltr"><i>“This Convention shall be open to accession by any State',
      );
    });

    it('renders bold and italic text', () => {
      expect(render(paragraph([{ type: 'text', text: 'both', bold: true, italic: true }]))).toContain(
        '<p class="paragraph-normal"><b><i>both</i></b></p>',
      );
    });

    it('adds no whitespace between inlines', () => {
      const output = render(
        paragraph([
          { type: 'text', text: 'a' },
          { type: 'marker', text: 'b' },
          { type: 'text', text: 'c' },
          { type: 'blank', label: 'd' },
          { type: 'break' },
          { type: 'text', text: 'e', lang: 'en' },
        ]),
      );
      expect(output).toContain(
        '<p class="paragraph-normal">a<mark class="marker">b</mark>c<span class="blank"><span class="visually-hidden">d</span></span><br><span lang="en" dir="ltr">e</span></p>',
      );
    });

    it('turns line feeds in a text into line breaks', () => {
      expect(render(paragraph([{ type: 'text', text: 'one\ntwo\r\nthree' }]))).toContain(
        '<p class="paragraph-normal">one<br>two<br>three</p>',
      );
    });

    it('removes control characters', () => {
      const output = render(paragraph([{ type: 'text', text: 'A\u0000B\u0001C\u000BD\u001FE\uFFFEF' }]));
      expect(output).toContain('<p class="paragraph-normal">ABCDEF</p>');
    });
  });

  describe('inlines', () => {
    it('renders markers as <mark>', () => {
      expect(body).toContain(
        'Le Gouvernement de <mark class="marker">[à compléter : nom de l&#x27;État]</mark>, ayant examiné',
      );
      expect(body.match(/<mark class="marker">/g)).toHaveLength(3);
    });

    it('renders blanks as a line with a label for screen readers', () => {
      expect(body).toContain(
        'Fait à <span class="blank"><span class="visually-hidden">Lieu</span></span>, le <span class="blank"><span class="visually-hidden">Date</span></span>.',
      );
    });

    it('renders a break as <br>', () => {
      expect(body).toContain('<td dir="auto">13, place Vendôme<br>75042 Paris Cedex 01</td>');
    });
  });

  describe('blocks', () => {
    it('makes the title the only <h1>, and heading levels 1 to 3 <h2> to <h4>, with their ids', () => {
      const headings = [...body.matchAll(/<h([1-6])(?: [^>]*)?>/g)].map((match) => Number(match[1]));
      expect(headings).toEqual([1, 2, 3, 4, 2]);
      // No level is skipped on the way down.
      headings.forEach((level, index) => expect(level - (headings[index - 1] ?? 0)).toBeLessThanOrEqual(1));
      expect(body).toContain('<h2 id="notifications">Notifications faites au moment du dépôt</h2>');
      expect(body).toContain('<h3 id="autorite-centrale">Autorité centrale</h3>');
      expect(body).toContain('<h4>Langues acceptables</h4>');
    });

    it('gives each paragraph its style as a class, and numbered paragraphs their number', () => {
      for (const style of ['normal', 'recital', 'quote', 'note', 'centered'])
        expect(body).toContain(`<p class="paragraph-${style}`);
      expect(body).toContain(
        '<p class="paragraph-normal paragraph-numbered"><span class="paragraph-number">1.</span> Conformément à l&#x27;article 18, paragraphe 13',
      );
      // 0 is a number too (Handlebars' #if takes it for false unless told otherwise).
      const zero = render({
        ...sampleModel,
        markers: [],
        blocks: [{ type: 'paragraph', style: 'normal', number: 0, content: [] }],
      });
      expect(zero).toContain(
        '<p class="paragraph-normal paragraph-numbered"><span class="paragraph-number">0.</span> </p>',
      );
    });

    it('renders fields as a table with row headers, its caption, and the tone of each row', () => {
      const fields = /<table class="fields">[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
      expect(fields).toContain('<caption>Coordonnées de l&#x27;autorité centrale</caption>');
      expect(fields.match(/<th scope="row">/g)).toHaveLength(4);
      expect(fields).toMatch(/<tr class="tone-missing">\n<th scope="row">Courriel<\/th>/);
      expect(fields).toMatch(/<tr>\n<th scope="row">Adresse<\/th>/);
    });

    it('renders a table with its caption and column headers', () => {
      const table = /<table class="grid">[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
      expect(table).toMatch(
        /^<table class="grid">\n<caption>Instruments visés par l&#x27;adhésion<\/caption>\n<thead>/,
      );
      expect(table.match(/<th scope="col">/g)).toHaveLength(3);
      expect(table.match(/<tr>/g)).toHaveLength(4);
      expect(table.match(/<td dir="auto">/g)).toHaveLength(9);
    });

    it('leaves out the header of a table without one', () => {
      const output = render({
        ...sampleModel,
        markers: [],
        blocks: [{ type: 'table', header: [], rows: [[[{ type: 'text', text: 'x' }]]] }],
      });
      expect(output).not.toContain('<thead>');
      expect(output).not.toContain('<caption>');
      expect(output).toContain('<td dir="auto">x</td>');
    });

    it('renders a list, a signature block and a page break', () => {
      expect(body).toContain('<ul class="list">\n<li>le français</li>\n<li>l&#x27;anglais</li>\n</ul>');
      expect(body).toContain(
        '<div class="signature">\n<p><mark class="marker">[à compléter : nom du signataire]</mark></p>\n<p>Ministre des affaires étrangères</p>\n</div>',
      );
      expect(body).toContain('<hr class="page-break">');
    });

    it('refuses a block it does not know rather than leaving it out', () => {
      const model = { ...sampleModel, blocks: [{ type: 'image', src: 'x.png' }] } as unknown as DocumentModel;
      expect(() => render(model)).toThrow('Cannot render block of type "image"');
    });
  });

  describe('templates', () => {
    const files = fs.readdirSync(DOCUMENT_TEMPLATES).filter((file) => file.endsWith('.hbs'));

    it('are found through PATHS.templates, one partial per block type', () => {
      expect(DOCUMENT_TEMPLATES).toBe(path.join(PATHS.templates, 'documents'));
      for (const type of [
        'title',
        'heading',
        'paragraph',
        'list',
        'fields',
        'table',
        'signature',
        'page-break',
      ]) {
        expect(files).toContain(`block-${type}.hbs`);
      }
    });

    it('each open with a comment, and never use the triple-stash', () => {
      for (const file of files) {
        const source = fs.readFileSync(path.join(DOCUMENT_TEMPLATES, file), 'utf8');
        expect([file, source.startsWith('{{!--')]).toEqual([file, true]);
        expect([file, source.includes('{{{')]).toEqual([file, false]);
      }
    });

    // The templates are the reference renderer's (render-html-reference.ts, which the golden test
    // compares the HTML writer with); the writer reads no template at all.
    it('are read and compiled once per process, by the reference renderer only', () => {
      const read = jest.spyOn(fs, 'readFileSync');
      const list = jest.spyOn(fs, 'readdirSync');
      try {
        renderHtmlReference(sampleModel, { stylesheetHref: STYLESHEET });
        const templateReads = () =>
          read.mock.calls.filter(([file]) => String(file).startsWith(DOCUMENT_TEMPLATES)).length;
        // The first render in this file reads them (at least the layout and a partial per block)...
        expect(templateReads()).toBeGreaterThan(1);
        read.mockClear();
        list.mockClear();
        renderHtmlReference(sampleModel, { stylesheetHref: STYLESHEET });
        render(sampleModel);
        // ...and neither the second nor the writer reads or lists anything.
        expect(read).not.toHaveBeenCalled();
        expect(list).not.toHaveBeenCalled();
      } finally {
        read.mockRestore();
        list.mockRestore();
      }
    });
  });

  describe('the stylesheet', () => {
    const css = fs.readFileSync(path.join(PATHS.public, 'css', 'document.css'), 'utf8');

    it('styles the classes the templates write', () => {
      const classes = new Set(
        [...html.matchAll(/class="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(' ')),
      );
      const unstyled = [...classes].filter((name) => !new RegExp(`\\.${name}\\b`).test(css));
      // Hooks for a later stylesheet (the kind and mode of the document, the title, the calm tones) need
      // no rule; every other class must have one.
      const hooks = /^(document-.+|paragraph-normal|title|tone-(ok|info|neutral))$/;
      expect(unstyled.filter((name) => !hooks.test(name))).toEqual([]);
      for (const name of ['marker', 'blank', 'visually-hidden', 'signature', 'page-break', 'fields', 'grid'])
        expect([...classes]).toContain(name);
    });

    it('prints on A4 and keeps markers visible in print', () => {
      expect(css).toMatch(/@page\s*{\s*size:\s*A4;\s*margin:\s*2\.5cm;/);
      expect(css).toMatch(/mark\.marker\s*{[^}]*print-color-adjust:\s*exact;/);
      expect(css).toMatch(/mark\.marker\s*{[^}]*font-weight:\s*bold;/);
    });
  });
});
