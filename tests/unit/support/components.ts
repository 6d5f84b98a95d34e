/**
 * Rendering a component's example (tests/support/component-examples.ts) through the real view engine, alone
 * in a minimal page: left to right in English, or right to left (`<html lang="ar" dir="rtl">`). The
 * examples' texts are fixtures, and the words a component takes from the locales ("Error:", "There is
 * a problem") are English in both directions until the Arabic locale exists: what changes between the
 * two pages is the direction, which is site.css's business, not the component's markup.
 */
import { createI18n } from '../../../server/i18n';
import { PATHS } from '../../../server/paths';
import { createViews, type ViewData } from '../../../server/http/views';
import { COMPONENT_EXAMPLES, type ComponentExample } from '../../support/component-examples';

export type Direction = 'ltr' | 'rtl';
export const DIRECTIONS: readonly Direction[] = ['ltr', 'rtl'];

export const views = createViews(PATHS.templates);
export const t = createI18n(PATHS.locales).t('en');

/** Partials that are parts of components, rendered through them: they have no examples of their own. */
export const PARTS = [
  'label',
  'legend',
  'hint',
  'error-message',
  'option-item',
  'select-option',
  'task-list-item',
  'csrf',
];

export const COMPONENTS = Object.keys(COMPONENT_EXAMPLES);

export function examplesOf(component: string): readonly ComponentExample[] {
  return COMPONENT_EXAMPLES[component] ?? [];
}

export function rootData(direction: Direction): ViewData {
  // A component with a form reads the page's anti-forgery token and revision (partials/csrf.hbs).
  return {
    lang: direction === 'rtl' ? 'ar' : 'en',
    dir: direction,
    title: '',
    t,
    csrf: 'example-token',
    revision: 7,
  };
}

/** The component's HTML alone. */
export function renderComponent(component: string, params: object, direction: Direction): string {
  return views.renderPartial(component, params, rootData(direction));
}

/** A minimal page in one direction, with `head` added to its head and `body` in its main. */
export function pageShell(direction: Direction, title: string, head: string, body: string): string {
  const root = rootData(direction);
  return [
    '<!DOCTYPE html>',
    `<html lang="${root.lang}" dir="${direction}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    head,
    '</head>',
    '<body>',
    '<div class="width-container">',
    '<main id="main" class="main">',
    body,
    '</main>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

/** The title of an example's page. */
export function exampleTitle(component: string, example: ComponentExample, direction: Direction): string {
  return `${component}: ${example.name} (${direction})`;
}

/** A whole page holding the component; `head` is added to the head (the stylesheet, in a browser). */
export function examplePage(
  component: string,
  example: ComponentExample,
  direction: Direction,
  head = '',
  params: object = example.params,
): string {
  return pageShell(
    direction,
    exampleTitle(component, example, direction),
    head,
    renderComponent(component, params, direction),
  );
}
