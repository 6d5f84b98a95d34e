/**
 * The components (templates/partials/), each rendered alone through the real view engine from its named
 * examples (tests/support/component-examples.ts), left to right and right to left, and read as HTML: a
 * label's `for` is its control's id, the hint's and the error's ids are in `aria-describedby`, the error
 * carries its hidden prefix, options are checked or selected as the params say and carry their `lang`,
 * and every text param is escaped. Each partial documents its params, and the tests hold the comment to
 * what the template reads and to what the examples pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FieldView } from '../../../server/http/forms';
import { PATHS } from '../../../server/paths';
import {
  COMPONENTS,
  DIRECTIONS,
  examplePage,
  examplesOf,
  PARTS,
  renderComponent,
  t,
  views,
  type Direction,
} from '../support/components';
import {
  byClass,
  byId,
  byTag,
  findAll,
  hasClass,
  parseHtml,
  textContent,
  type HtmlElement,
} from '../support/html';
import { documentedParams, matchesType, opensWithComment, readNames } from '../support/partial-params';

const source = (partial: string) =>
  fs.readFileSync(path.join(PATHS.templates, 'partials', `${partial}.hbs`), 'utf8');

const CASES = COMPONENTS.flatMap((component) =>
  examplesOf(component).flatMap((example) =>
    DIRECTIONS.map((direction) => [component, example.name, direction, example] as const),
  ),
);

function page(component: string, name: string, direction: Direction): HtmlElement {
  const example = examplesOf(component).find((e) => e.name === name)!;
  return parseHtml(examplePage(component, example, direction));
}

const ERROR_PREFIX = t('pages.common.errorPrefix');
const words = (value: string | undefined) => (value ?? '').split(/\s+/).filter(Boolean);

// -------------------------------------------------------------------------------------------------
// Params: documented, read, passed

describe('every partial documents its params', () => {
  test.each(views.partials.map((p) => [p]))('%s', (partial) => {
    const text = source(partial);
    expect(opensWithComment(text)).toBe(true);
    const { top, all } = documentedParams(text);
    // What the comment lists is what the template reads from its context, no more, no less.
    expect(top.map((p) => p.name).sort()).toEqual([...readNames(text)].sort());
    expect(new Set(all.map((p) => p.name)).size).toBe(all.length);
  });
});

describe('every component has named examples that pass each documented param', () => {
  test('components are the partials that are not parts', () => {
    expect([...COMPONENTS].sort()).toEqual(views.partials.filter((p) => !PARTS.includes(p)).sort());
  });

  test.each(COMPONENTS.map((c) => [c]))('%s', (component) => {
    const examples = examplesOf(component);
    expect(examples.length).toBeGreaterThan(0);
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
    const { top } = documentedParams(source(component));
    for (const example of examples) {
      expect(example.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const param of top) {
        const where = `${component} ${example.name}: ${param.name}: ${param.type}`;
        expect([where, param.name in example.params]).toEqual([where, true]);
        expect([where, matchesType(example.params[param.name], param.type)]).toEqual([where, true]);
      }
    }
  });
});

// -------------------------------------------------------------------------------------------------
// What every example's HTML must hold

function expectSoundPage(doc: HtmlElement, direction: Direction) {
  const html = byTag(doc, 'html')[0]!;
  expect(html.attrs.get('dir')).toBe(direction);
  expect(html.attrs.get('lang')).toBe(direction === 'rtl' ? 'ar' : 'en');
  const all = findAll(doc, () => true);
  // Nothing printed from a missing or misplaced param.
  const misprinted = all.flatMap((e) =>
    [...e.attrs]
      .filter(([, value]) => /^(null|undefined)$|\[object/.test(value))
      .map(([n]) => `${e.tag} ${n}`),
  );
  expect(misprinted).toEqual([]);
  expect(textContent(doc)).not.toMatch(/\[object |undefined/);
  // Ids are unique; what labels and aria-describedby point at exists.
  const ids = all.map((e) => e.attrs.get('id')).filter((id): id is string => id !== undefined);
  expect(new Set(ids).size).toBe(ids.length);
  for (const label of byTag(doc, 'label')) {
    const target = byId(doc, label.attrs.get('for') ?? '');
    expect(target && ['input', 'select', 'textarea'].includes(target.tag)).toBe(true);
  }
  const controls = findAll(
    doc,
    (e) => ['select', 'textarea'].includes(e.tag) || (e.tag === 'input' && e.attrs.get('type') !== 'hidden'),
  );
  for (const control of controls) {
    const id = control.attrs.get('id') ?? '';
    expect(findAll(doc, (e) => e.tag === 'label' && e.attrs.get('for') === id)).toHaveLength(1);
  }
  for (const e of findAll(doc, (x) => x.attrs.has('aria-describedby')))
    for (const id of words(e.attrs.get('aria-describedby'))) expect(byId(doc, id)).not.toBeNull();
  for (const e of findAll(doc, (x) => x.attrs.has('aria-labelledby')))
    for (const id of words(e.attrs.get('aria-labelledby'))) expect(byId(doc, id)).not.toBeNull();
}

/** The element aria-describedby sits on: the control, or for a group of controls its fieldset. */
function describedElement(doc: HtmlElement, component: string, view: FieldView): HtmlElement {
  if (['field-radios', 'field-checkboxes', 'field-date'].includes(component))
    return byTag(doc, 'fieldset')[0]!;
  return byId(doc, view.id)!;
}

function expectField(doc: HtmlElement, component: string, view: FieldView) {
  const group = byClass(doc, 'form-group')[0]!;
  const described = describedElement(doc, component, view);
  const describedBy = words(described.attrs.get('aria-describedby'));
  // The label or the legend.
  const isFieldset = ['field-radios', 'field-checkboxes', 'field-date'].includes(component);
  const title = isFieldset
    ? byTag(doc, 'legend')[0]!
    : findAll(doc, (e) => e.tag === 'label' && e.attrs.get('for') === view.id)[0]!;
  expect(textContent(title)).toBe(view.label);
  const h1 = byTag(doc, 'h1');
  if (view.pageHeading) {
    expect(h1).toHaveLength(1);
    expect(textContent(h1[0]!)).toBe(view.label);
    expect(isFieldset ? h1[0]!.parent : title.parent).toBe(isFieldset ? title : h1[0]);
  } else {
    expect(h1).toHaveLength(0);
  }
  // The hint, described.
  if (view.hint !== null) {
    const hint = byId(doc, view.hintId!)!;
    expect(hasClass(hint, 'hint')).toBe(true);
    expect(textContent(hint)).toBe(view.hint);
    expect(describedBy).toContain(view.hintId);
  }
  // The error: prefixed for screen readers, described after the hint, and the control marked.
  const messages = byClass(doc, 'error-message');
  if (view.error !== null) {
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message.attrs.get('id')).toBe(view.errorId);
    const prefix = message.children[0];
    expect(typeof prefix !== 'string' && hasClass(prefix!, 'visually-hidden')).toBe(true);
    expect(textContent(prefix!)).toBe(ERROR_PREFIX);
    expect(textContent(message)).toBe(`${ERROR_PREFIX} ${view.error}`);
    expect(hasClass(group, 'form-group-error')).toBe(true);
    expect(describedBy).toEqual(view.hintId ? [view.hintId, view.errorId] : [view.errorId]);
    const marked: Record<string, string[]> = {
      'field-text': [view.id],
      'field-textarea': [view.id],
      'field-select': [view.id],
      'field-date': ['day', 'month', 'year'].map((p) => `${view.id}-${p}`),
    };
    for (const id of marked[component] ?? []) {
      const control = byId(doc, id)!;
      expect(hasClass(control, `${control.tag === 'input' ? 'input' : control.tag}-error`)).toBe(true);
    }
  } else {
    expect(messages).toHaveLength(0);
    expect(hasClass(group, 'form-group-error')).toBe(false);
    expect(describedBy).toEqual(view.hintId ? [view.hintId] : []);
  }
  expect(described.attrs.get('aria-describedby')).toBe(view.describedBy ?? undefined);
}

function expectControls(doc: HtmlElement, component: string, view: FieldView) {
  switch (component) {
    case 'field-text': {
      const input = byId(doc, view.id)!;
      expect(input.tag).toBe('input');
      expect(input.attrs.get('name')).toBe(view.name);
      expect(input.attrs.get('value')).toBe(view.value);
      expect(input.attrs.get('autocomplete')).toBe(view.autocomplete ?? undefined);
      expect(input.attrs.get('dir')).toBe(view.dir);
      expect(input.attrs.get('lang')).toBe(view.lang ?? undefined);
      if (view.widthClass) expect(hasClass(input, view.widthClass)).toBe(true);
      break;
    }
    case 'field-textarea': {
      const area = byId(doc, view.id)!;
      expect(area.tag).toBe('textarea');
      expect(area.attrs.get('name')).toBe(view.name);
      expect(area.children.join('')).toBe(view.value);
      expect(area.attrs.get('dir')).toBe(view.dir);
      expect(area.attrs.get('lang')).toBe(view.lang ?? undefined);
      break;
    }
    case 'field-date':
      expect(byId(doc, view.id)).not.toBeNull();
      for (const part of ['day', 'month', 'year'] as const) {
        const input = byId(doc, `${view.id}-${part}`)!;
        expect(input.attrs.get('name')).toBe(`${view.name}-${part}`);
        expect(input.attrs.get('value')).toBe(view[part]);
        expect(input.attrs.get('inputmode')).toBe('numeric');
      }
      break;
    case 'field-radios':
    case 'field-checkboxes': {
      const type = component === 'field-radios' ? 'radio' : 'checkbox';
      const inputs = findAll(doc, (e) => e.tag === 'input');
      expect(inputs.map((i) => i.attrs.get('id'))).toEqual(view.options.map((o) => o.id));
      for (const option of view.options) {
        const input = byId(doc, option.id)!;
        expect(input.attrs.get('type')).toBe(type);
        expect(input.attrs.get('name')).toBe(view.name);
        expect(input.attrs.get('value')).toBe(option.value);
        expect(input.attrs.has('checked')).toBe(option.checked);
        const label = findAll(doc, (e) => e.tag === 'label' && e.attrs.get('for') === option.id)[0]!;
        expect(textContent(label)).toBe(option.label);
        // A label in another language says so, radios and checkboxes alike.
        expect(label.attrs.get('lang')).toBe(option.lang ?? undefined);
        // ...and is isolated: its own letters set its direction, the label's box keeps the page's.
        expect(label.attrs.has('dir')).toBe(false);
        expect(label.children.map((c) => (typeof c === 'string' ? '#text' : c.tag))).toEqual(
          option.lang ? ['bdi'] : ['#text'],
        );
        if (option.hint !== null) {
          expect(textContent(byId(doc, option.hintId!)!)).toBe(option.hint);
          expect(input.attrs.get('aria-describedby')).toBe(option.hintId);
        } else {
          expect(input.attrs.has('aria-describedby')).toBe(false);
        }
      }
      expect(hasClass(byClass(doc, 'radios')[0] ?? doc, 'radios-inline')).toBe(view.inline);
      break;
    }
    case 'field-select': {
      const select = byId(doc, view.id)!;
      expect(select.attrs.get('name')).toBe(view.name);
      const [none, ...options] = byTag(select, 'option');
      expect(none!.attrs.get('value')).toBe('');
      expect(textContent(none!)).toBe(t('pages.common.selectNone'));
      expect(options.map((o) => o.attrs.get('value'))).toEqual(view.options.map((o) => o.value));
      view.options.forEach((option, i) => {
        const element = options[i]!;
        expect(textContent(element)).toBe(option.label);
        expect(element.attrs.has('selected')).toBe(option.checked);
        expect(element.attrs.get('lang')).toBe(option.lang ?? undefined);
        expect(element.attrs.get('dir')).toBe(option.lang ? 'auto' : undefined);
      });
      // Grouped options: each <optgroup> labelled, holding its options in order; options with no group
      // stay outside any <optgroup>, never under an empty label.
      const groups = byTag(select, 'optgroup');
      expect(groups.every((g) => (g.attrs.get('label') ?? '').length > 0)).toBe(true);
      expect(
        groups.map((g) => ({
          label: g.attrs.get('label'),
          values: byTag(g, 'option').map((o) => o.attrs.get('value')),
        })),
      ).toEqual(
        (view.groups ?? [])
          .filter((g) => g.label !== null)
          .map((g) => ({ label: g.label, values: g.options.map((o) => o.value) })),
      );
      break;
    }
    default:
      throw new Error(`no checks for ${component}`);
  }
}

type Params = Readonly<Record<string, unknown>>;

/** The lines of an element broken by <br>s, each as its text. */
function linesOf(e: HtmlElement): string[] {
  const lines: string[] = [''];
  for (const child of e.children) {
    if (typeof child !== 'string' && child.tag === 'br') lines.push('');
    else lines[lines.length - 1] += textContent(child);
  }
  return lines;
}

const OTHER_CHECKS: Record<string, (doc: HtmlElement, params: Params) => void> = {
  'error-summary': (doc, params) => {
    const errors = params.errors as { href: string; message: string }[];
    const summary = byClass(doc, 'error-summary')[0]!;
    expect(summary.attrs.get('tabindex')).toBe('-1');
    expect(findAll(summary, (e) => e.attrs.get('role') === 'alert')).toHaveLength(1);
    expect(textContent(byClass(summary, 'error-summary-title')[0]!)).toBe(
      t('pages.common.errorSummaryTitle'),
    );
    const links = byTag(summary, 'a');
    expect(links.map((a) => [a.attrs.get('href'), textContent(a)])).toEqual(
      errors.map((e) => [e.href, e.message]),
    );
  },
  'review-thread': (doc, params) => {
    const messages = params.messages as { by: string; when: string; lines: string[] }[];
    const section = byTag(doc, 'section')[0]!;
    expect(section.attrs.get('id')).toBe(params.id);
    // Named by its heading, which says what the thread is on (a link when it has a page).
    expect(section.attrs.get('aria-labelledby')).toBe(`${params.id as string}-title`);
    expect(textContent(byTag(section, 'h3')[0]!)).toBe(params.target);
    expect(byTag(byTag(section, 'h3')[0]!, 'a')).toHaveLength(params.targetHref ? 1 : 0);
    const rows = byClass(section, 'summary-list-row');
    expect(rows).toHaveLength(messages.length);
    rows.forEach((row, i) =>
      expect(linesOf(byClass(row, 'summary-list-value')[0]!)).toEqual(messages[i]!.lines),
    );
    // Every form posts with the anti-forgery token; "Resolve" only when offered.
    const forms = byTag(section, 'form');
    expect(forms.map((f) => f.attrs.get('action'))).toEqual(
      [params.replyAction, params.resolveAction].filter((a) => a !== null),
    );
    for (const form of forms)
      expect(byTag(form, 'input').some((i) => i.attrs.get('name') === '_csrf')).toBe(true);
  },
  'summary-list': (doc, params) => {
    const rows = params.rows as {
      key: string;
      lines: string[];
      href: string | null;
      action: string;
      actionHidden: string;
    }[];
    const found = byClass(doc, 'summary-list-row');
    expect(found).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const element = found[i]!;
      expect(textContent(byTag(element, 'dt')[0]!)).toBe(row.key);
      const value = byClass(element, 'summary-list-value')[0]!;
      expect(byTag(value, 'br')).toHaveLength(row.lines.length - 1);
      expect(linesOf(value)).toEqual(row.lines);
      // Each line isolated: it reads in its own direction whatever the page's.
      expect(value.children.filter((c) => typeof c !== 'string').map((c) => (c as HtmlElement).tag)).toEqual(
        row.lines.flatMap((_l, j) => (j === 0 ? ['bdi'] : ['br', 'bdi'])),
      );
      const actions = byClass(element, 'summary-list-actions');
      if (row.href === null) {
        expect(actions).toHaveLength(0);
      } else {
        const link = byTag(actions[0]!, 'a')[0]!;
        expect(link.attrs.get('href')).toBe(row.href);
        expect(textContent(link)).toBe(`${row.action} ${row.actionHidden}`.trim());
        expect(textContent(byClass(link, 'visually-hidden')[0]!)).toBe(row.actionHidden);
      }
    });
  },
  notice: (doc, params) => {
    const notice = params.notice as { title: string; lines: string[] };
    const banner = byClass(doc, 'notification-banner')[0]!;
    expect(banner.attrs.get('role')).toBe('region');
    expect(textContent(byId(doc, banner.attrs.get('aria-labelledby')!)!)).toBe(notice.title);
    expect(byTag(banner, 'li').map(textContent)).toEqual(notice.lines);
  },
  requirements: (doc, params) => {
    const requirements = params.requirements as {
      citation: string;
      label: string;
      quoteLang: string | null;
      quotes: { heading: string | null; quote: string; source: string }[];
    }[];
    const details = byTag(doc, 'details');
    expect(details).toHaveLength(requirements.length);
    expect(byClass(doc, 'requirements')).toHaveLength(requirements.length > 0 ? 1 : 0);
    requirements.forEach((r, i) => {
      const element = details[i]!;
      expect(textContent(byTag(element, 'summary')[0]!)).toBe(`${r.citation}: ${r.label}`);
      expect(textContent(byTag(byTag(element, 'summary')[0]!, 'bdi')[0]!)).toBe(r.citation);
      const quotes = byTag(element, 'blockquote');
      expect(quotes.map(textContent)).toEqual(r.quotes.map((q) => `“${q.quote}”`));
      for (const quote of quotes) {
        expect(quote.attrs.get('lang')).toBe(r.quoteLang ?? undefined);
        expect(quote.attrs.get('dir')).toBe(r.quoteLang ? 'auto' : undefined);
      }
      expect(byClass(element, 'source').map(textContent)).toEqual(r.quotes.map((q) => q.source));
      expect(byClass(element, 'quote-model').map(textContent)).toEqual(
        r.quotes.flatMap((q) => (q.heading === null ? [] : [q.heading])),
      );
    });
  },
  'task-list': (doc, params) => {
    const tasks = params.tasks as {
      id: string;
      title: string;
      href: string | null;
      status: string;
      statusText: string;
      hint: string | null;
    }[];
    const items = byTag(doc, 'li');
    expect(items).toHaveLength(tasks.length);
    tasks.forEach((task, i) => {
      const item = items[i]!;
      const status = byId(item, `task-${task.id}-status`)!;
      expect(textContent(status)).toBe(task.statusText);
      expect(hasClass(byTag(status, 'strong')[0]!, `tag-${task.status}`)).toBe(true);
      const link = byTag(item, 'a')[0];
      if (task.href === null) {
        expect(link).toBeUndefined();
        expect(textContent(byTag(item, 'span')[0]!)).toBe(task.title);
      } else {
        expect(link!.attrs.get('href')).toBe(task.href);
        expect(textContent(link!)).toBe(task.title);
        expect(words(link!.attrs.get('aria-describedby'))).toEqual(
          task.hint ? [`task-${task.id}-status`, `task-${task.id}-hint`] : [`task-${task.id}-status`],
        );
      }
      if (task.hint) expect(textContent(byId(item, `task-${task.id}-hint`)!)).toBe(task.hint);
    });
  },
  'back-link': (doc, params) => {
    const link = byClass(doc, 'back-link')[0]!;
    expect(link.attrs.get('href')).toBe(params.href);
    expect(textContent(link)).toBe(params.text);
  },
  'start-button': (doc, params) => {
    const link = byClass(doc, 'button-start')[0]!;
    expect(link.attrs.get('role')).toBe('button');
    expect(link.attrs.get('href')).toBe(params.href);
    expect(textContent(link)).toBe(params.text);
    expect(byTag(link, 'svg')[0]!.attrs.get('aria-hidden')).toBe('true');
  },
};

describe('what is typed reads in its own direction', () => {
  test('e-mail addresses, telephone numbers, web addresses and postcodes are typed left to right', () => {
    for (const name of ['email', 'telephone', 'web-address', 'postcode']) {
      const example = examplesOf('field-text').find((e) => e.name === name)!;
      const input = byTag(parseHtml(renderComponent('field-text', example.params, 'rtl')), 'input')[0]!;
      expect([name, input.attrs.get('dir')]).toEqual([name, 'ltr']);
    }
  });

  test('free text, in a text input or a text area, takes the direction of its first letters', () => {
    for (const component of ['field-text', 'field-textarea'])
      for (const name of ['default', 'with-hint', 'page-heading', 'mixed-direction']) {
        const example = examplesOf(component).find((e) => e.name === name)!;
        const control = byId(
          parseHtml(renderComponent(component, example.params, 'rtl')),
          example.params.id as string,
        )!;
        expect([component, name, control.attrs.get('dir')]).toEqual([component, name, 'auto']);
      }
  });
});

describe('every example renders, left to right and right to left', () => {
  test.each(CASES)('%s: %s (%s)', (component, name, direction, example) => {
    const doc = page(component, name, direction);
    expectSoundPage(doc, direction);
    if (component.startsWith('field-')) {
      const view = example.params as unknown as FieldView;
      expect(view.partial).toBe(component);
      expectField(doc, component, view);
      expectControls(doc, component, view);
    } else {
      OTHER_CHECKS[component]!(doc, example.params);
    }
  });

  test.each(COMPONENTS.map((c) => [c]))(
    "%s: the markup does not depend on the page's direction (site.css mirrors it)",
    (component) => {
      for (const example of examplesOf(component))
        expect(renderComponent(component, example.params, 'rtl')).toBe(
          renderComponent(component, example.params, 'ltr'),
        );
    },
  );
});

// -------------------------------------------------------------------------------------------------
// Escaping: every string param, one at a time

/** Params printed as text or attribute values that a reader sees or a screen reader reads. */
const TEXT_KEYS = new Set([
  'label',
  'hint',
  'error',
  'value',
  'day',
  'month',
  'year',
  'message',
  'key',
  'lines',
  'action',
  'actionHidden',
  'title',
  'citation',
  'quote',
  'source',
  'statusText',
  'text',
]);

interface Leaf {
  readonly path: readonly (string | number)[];
  readonly key: string;
}

function stringLeaves(value: unknown, at: (string | number)[] = [], key = ''): Leaf[] {
  if (typeof value === 'string') return [{ path: at, key }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i], key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k], k));
  return [];
}

function withLeaf(value: unknown, at: readonly (string | number)[], replacement: string): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withLeaf(v, rest, replacement) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: withLeaf(record[head!], rest, replacement) };
}

describe('every text param is escaped', () => {
  test.each(CASES)('%s: %s (%s)', (component, _name, direction, example) => {
    // The partial a field view names is the page's business, not the component's.
    const leaves = stringLeaves(example.params).filter((l) => l.key !== 'partial');
    for (const [n, leaf] of leaves.entries()) {
      const payload = `<script>alert("p${n}")</script>`;
      const html = renderComponent(
        component,
        withLeaf(example.params, leaf.path, payload) as object,
        direction,
      );
      const where = `${component} ${leaf.path.join('.')}`;
      expect([where, /<script/i.test(html)]).toEqual([where, false]);
      expect([where, /alert\("p\d+"\)/.test(html)]).toEqual([where, false]);
      if (TEXT_KEYS.has(leaf.key) && html.includes(`p${n}`)) {
        expect([where, html]).toEqual([
          where,
          expect.stringMatching(/&lt;script&gt;alert\(&quot;p\d+&quot;\)/),
        ]);
      }
    }
  });
});
