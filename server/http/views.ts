/**
 * A small view engine over plain Handlebars (STACK.md: simpler than express-handlebars): pages in
 * templates/pages/, the layout in templates/layout.hbs, compiled once in strict mode, in their own
 * Handlebars environment. Partials are the files in templates/partials/ (each opens with a comment
 * naming its parameters), registered by file name. Helpers: `t` translates in the request's language
 * (Handlebars escapes what it returns, like everything else; `{{{ }}}` only for the layout's body), and
 * `eq` compares two values.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { TFunction } from 'i18next';

export interface ViewData {
  readonly lang: string;
  readonly title: string;
  readonly t: TFunction;
  readonly [key: string]: unknown;
}

export interface Views {
  render(page: string, data: ViewData): string;
}

export function createViews(templatesDir: string): Views {
  const hbs = Handlebars.create();
  hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const root = options.data.root as ViewData;
    return root.t(key, options.hash as Record<string, unknown>);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const compile = (file: string) => hbs.compile(fs.readFileSync(file, 'utf8'), { strict: true });
  const partialsDir = path.join(templatesDir, 'partials');
  if (fs.existsSync(partialsDir)) {
    for (const f of fs.readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
      hbs.registerPartial(path.basename(f, '.hbs'), fs.readFileSync(path.join(partialsDir, f), 'utf8'));
    }
  }
  const layout = compile(path.join(templatesDir, 'layout.hbs'));
  const pagesDir = path.join(templatesDir, 'pages');
  const pages = new Map(
    fs
      .readdirSync(pagesDir)
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => [path.basename(f, '.hbs'), compile(path.join(pagesDir, f))]),
  );
  return {
    render(page, data) {
      const template = pages.get(page);
      if (!template) throw new Error(`no page template ${page}`);
      return layout({ ...data, body: template(data) });
    },
  };
}
