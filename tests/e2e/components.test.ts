/**
 * End-to-end: every component's named examples (tests/support/component-examples.ts) in Chromium, left to
 * right and right to left. A minimal page that links the real stylesheet is served at an address of the
 * real app (startServer) by playwright's page.route, so the app gains no route while
 * /assets/css/site.css comes from the app itself; each example, rendered by the view engine, is then
 * loaded into that page's main, with the page's lang and dir set (one page load and one axe-core
 * injection for all examples: a hundred loads made this test three times slower). For each: axe-core
 * (the journey's rules), a screenshot under test-artifacts/screenshots/components/, and computed styles
 * and boxes that show the mirroring: text starts at the inline start, an error's border is on the
 * inline-start side, a radio's or checkbox's box is before its label, the day comes first, the summary
 * list's key leads, the back link's chevron points back and the start button's arrow forward, and
 * isolated values (e-mail addresses, telephone numbers, citations) keep their own order inside a
 * right-to-left page.
 *
 * Then real pages of a draft, turned right to left (the response's <html dir> rewritten on its way to
 * the browser: the page's words stay English until the Arabic locale comes), are screenshotted, checked
 * by axe-core and measured the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import axeCore from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import type { ComponentExample } from '../support/component-examples';
import type { FieldView } from '../../server/http/forms';
import { createDraft, hrefs, JourneyClient, redirectOf } from '../http/journey-helpers';
import {
  COMPONENTS,
  DIRECTIONS,
  exampleTitle,
  examplesOf,
  pageShell,
  renderComponent,
  rootData,
  type Direction,
} from '../unit/support/components';
import {
  ARTIFACTS,
  AXE_TAGS,
  formatViolations,
  launchBrowser,
  startServer,
  Visits,
  type AxeViolation,
  type RunningServer,
} from './browser';

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots', 'components');
const STAGE = '/component-examples';

let browser: Browser;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
  page = await context.newPage();
  await page.route(`${server.baseUrl}${STAGE}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: pageShell('ltr', 'Components', '<link rel="stylesheet" href="/assets/css/site.css">', ''),
    }),
  );
  await page.goto(`${server.baseUrl}${STAGE}`, { waitUntil: 'load' });
  await page.evaluate(axeCore.source);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The example, rendered by the view engine, in the page's main; the page's lang, dir and title set. */
async function load(component: string, example: ComponentExample, direction: Direction): Promise<void> {
  const root = rootData(direction);
  const html = renderComponent(component, example.params, direction);
  await page.evaluate(`(() => {
    document.documentElement.lang = ${JSON.stringify(root.lang)};
    document.documentElement.dir = ${JSON.stringify(direction)};
    document.title = ${JSON.stringify(exampleTitle(component, example, direction))};
    document.querySelector('main').innerHTML = ${JSON.stringify(html)};
  })()`);
}

/** axe-core on the page as it is, with the journey's rules. */
async function axe(name: string): Promise<AxeViolation[]> {
  const options = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  const found = await page.evaluate<Omit<AxeViolation, 'page' | 'url'>[]>(
    `axe.run(document, ${JSON.stringify(options)}).then((r) => r.violations.map((v) => ({
      id: v.id,
      impact: v.impact || 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary || '' })),
    })))`,
  );
  return found.map((v) => ({ ...v, page: name, url: page.url() }));
}

// -------------------------------------------------------------------------------------------------
// Measuring in the page (evaluated as strings: the tests' TypeScript has no DOM types)

/** A computed style of the first element matching, or of its ::before or ::after. */
function style(selector: string, property: string, pseudo: '::before' | '::after' | null = null) {
  return page.evaluate<string>(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)}), ${JSON.stringify(pseudo)}).getPropertyValue(${JSON.stringify(property)})`,
  );
}

interface Box {
  readonly left: number;
  readonly right: number;
}

/**
 * In the page: the rectangle of an element's text (from its first text to its last), or of the element
 * itself when it is a control or holds no text.
 */
const TEXT_RECT = `(e) => {
  const texts = [];
  if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)) {
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim()) texts.push(n);
  }
  if (texts.length === 0) return e.getBoundingClientRect();
  const range = document.createRange();
  range.setStart(texts[0], 0);
  const last = texts[texts.length - 1];
  range.setEnd(last, last.length);
  return range.getBoundingClientRect();
}`;

/** The box of an element matching (the first by default), or of its text only. */
function box(selector: string, what: 'element' | 'text' = 'element', index = 0): Promise<Box> {
  return page.evaluate<Box>(`(() => {
    const e = document.querySelectorAll(${JSON.stringify(selector)})[${index}];
    const r = ${JSON.stringify(what)} === 'text' ? (${TEXT_RECT})(e) : e.getBoundingClientRect();
    return { left: r.left, right: r.right };
  })()`);
}

/**
 * How far the text of each element matching starts from the inline-start edge of its parent's content
 * box: 0 when it is where a reader of the page's direction starts reading.
 */
function startGaps(selector: string): Promise<number[]> {
  return page.evaluate<number[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => {
    const parent = e.parentElement;
    const p = parent.getBoundingClientRect();
    const s = getComputedStyle(parent);
    const px = (v) => parseFloat(v) || 0;
    const contentLeft = p.left + px(s.borderLeftWidth) + px(s.paddingLeft);
    const contentRight = p.right - px(s.borderRightWidth) - px(s.paddingRight);
    const t = (${TEXT_RECT})(e);
    return Math.round(getComputedStyle(parent).direction === 'rtl' ? contentRight - t.right : t.left - contentLeft);
  })`);
}

/**
 * Whether the text of each element matching reads left to right on screen: its first character left of
 * its last (for values written left to right: e-mail addresses, telephone numbers, citations).
 */
function readsLeftToRight(selector: string): Promise<boolean[]> {
  return page.evaluate<boolean[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => {
    const text = e.firstChild;
    const at = (i) => {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return range.getBoundingClientRect().left;
    };
    return at(0) < at(text.length - 1);
  })`);
}

const RTL_LETTERS = /[\u0590-\u08ff]/;

/** For a page's direction: a < b on screen when LTR means b < a when RTL. */
function before(direction: Direction, a: number, b: number): boolean {
  return direction === 'ltr' ? a < b : b < a;
}

const side = (direction: Direction) => (direction === 'ltr' ? 'left' : 'right');
const otherSide = (direction: Direction) => (direction === 'ltr' ? 'right' : 'left');

// -------------------------------------------------------------------------------------------------
// What mirrors, component by component

type Check = (direction: Direction, example: ComponentExample) => Promise<void>;

async function fieldChecks(direction: Direction, view: FieldView, component: string): Promise<void> {
  const fieldset = ['field-radios', 'field-checkboxes', 'field-date'].includes(component);
  // The question, the hint and the error start where the reader starts.
  const title = fieldset
    ? view.pageHeading
      ? '.legend-heading'
      : 'legend'
    : view.pageHeading
      ? '.label-wrapper'
      : `label[for="${view.id}"]`;
  expect(await startGaps(title)).toEqual([0]);
  if (view.hint) expect(await startGaps(`#${view.hintId}`)).toEqual([0]);
  if (view.error) {
    expect(await startGaps(`#${view.errorId}`)).toEqual([0]);
    // The red bar is on the inline-start side.
    expect(await style('.form-group-error', `border-${side(direction)}-width`)).toBe('5px');
    expect(await style('.form-group-error', `border-${otherSide(direction)}-width`)).toBe('0px');
    expect(await style('.form-group-error', `padding-${side(direction)}`)).toBe('15px');
  }
}

const FIELD_CHECKS: Record<string, (direction: Direction, view: FieldView) => Promise<void>> = {
  'field-text': async (direction, view) => {
    const input = `#${view.id}`;
    // The input starts at the inline start, whatever its width.
    expect(await startGaps(input)).toEqual([0]);
    // What is typed reads in its own direction: left to right for an e-mail address in any page.
    if (view.dir === 'ltr') expect(await style(input, 'direction')).toBe('ltr');
    if (view.value !== '' && !RTL_LETTERS.test(view.value)) {
      expect(await style(input, 'direction')).toBe('ltr');
    }
  },
  'field-textarea': async (_direction, view) => {
    if (view.value !== '' && !RTL_LETTERS.test(view.value))
      expect(await style(`#${view.id}`, 'direction')).toBe('ltr');
  },
  'field-date': async (direction, view) => {
    const [day, month, year] = await Promise.all(
      ['day', 'month', 'year'].map((p) => box(`#${view.id}-${p}`)),
    );
    expect(before(direction, day!.left, month!.left)).toBe(true);
    expect(before(direction, month!.left, year!.left)).toBe(true);
  },
  'field-select': async (_direction, view) => {
    expect(await startGaps(`#${view.id}`)).toEqual([0]);
  },
};

async function optionChecks(direction: Direction, view: FieldView, kind: 'radios' | 'checkboxes') {
  for (const [i, option] of view.options.entries()) {
    // The drawn circle or box is at the inline start of the item, and the label after it.
    const label = `label[for="${option.id}"]`;
    expect(await style(label, side(direction), '::before')).toBe('2px');
    const [input, text] = await Promise.all([box(`#${option.id}`), box(label, 'text')]);
    expect(before(direction, input.left, text.left)).toBe(true);
    // A language's own name reads in its own direction, whatever the page's (the label stays the page's).
    if (option.lang) {
      const own = RTL_LETTERS.test(option.label) ? 'rtl' : 'ltr';
      expect([option.lang, await style(`${label} bdi`, 'direction')]).toEqual([option.lang, own]);
      expect(await style(label, 'direction')).toBe(direction);
    }
    // An option's hint lines up with its label.
    if (option.hint) expect(await style(`#${option.hintId}`, `padding-${side(direction)}`)).toBe('59px');
    if (i === 0 && kind === 'checkboxes' && option.checked)
      expect(await style(label, 'opacity', '::after')).toBe('1');
  }
}

const CHECKS: Record<string, Check> = {
  'error-summary': async () => {
    expect(await startGaps('.error-summary-title')).toEqual([0]);
  },
  'summary-list': async (direction, example) => {
    const rows = example.params.rows as { lines: string[]; href: string | null }[];
    expect(await startGaps('.summary-list-key')).toEqual(rows.map(() => 0));
    const [key, value] = await Promise.all([box('.summary-list-key'), box('.summary-list-value')]);
    expect(before(direction, key.left, value.left)).toBe(true);
    if (rows.some((r) => r.href)) expect(await style('.summary-list-actions', 'text-align')).toBe('end');
    // Values written left to right keep their order, each line isolated from the page around it.
    const lines = rows.flatMap((r) => r.lines);
    const reading = await readsLeftToRight('.summary-list-value bdi');
    lines.forEach((line, i) => {
      if (!RTL_LETTERS.test(line) && line.length > 1) expect([line, reading[i]]).toEqual([line, true]);
    });
  },
  notice: async () => {
    expect(await startGaps('.notification-banner-title')).toEqual([0]);
  },
  'review-thread': async (direction, example) => {
    const messages = example.params.messages as { lines: string[] }[];
    // Who wrote each message comes before what they wrote, in the reading direction.
    const [key, value] = await Promise.all([box('.summary-list-key'), box('.summary-list-value')]);
    expect(before(direction, key.left, value.left)).toBe(true);
    // Latin text (e-mail addresses, an arrow between two values) keeps its order in a right-to-left page.
    const lines = messages.flatMap((m) => m.lines);
    const reading = await readsLeftToRight('.summary-list-value bdi');
    lines.forEach((line, i) => {
      if (!RTL_LETTERS.test(line) && line.length > 1) expect([line, reading[i]]).toEqual([line, true]);
    });
  },
  requirements: async (direction, example) => {
    const requirements = example.params.requirements as { citation: string; quoteLang: string | null }[];
    if (requirements.length === 0) return;
    expect(await style('.requirements', `border-${side(direction)}-width`)).toBe('5px');
    expect(await style('.requirements', `border-${otherSide(direction)}-width`)).toBe('0px');
    // The closed triangle points to the text: its flat side at the inline start.
    expect(await style('.details-summary', `padding-${side(direction)}`)).toBe('25px');
    expect(await style('.details-summary', side(direction), '::before')).toBe('0px');
    expect(await style('.details-summary', 'clip-path', '::before')).toBe(
      direction === 'ltr' ? 'polygon(0% 0%, 100% 50%, 0% 100%)' : 'polygon(100% 0%, 0% 50%, 100% 100%)',
    );
    // The article number keeps its order; a quote in another language reads in its own direction.
    expect(await readsLeftToRight('.details-summary bdi')).toEqual(requirements.map(() => true));
    for (const [i, r] of requirements.entries())
      if (r.quoteLang)
        expect(
          await page.evaluate<string>(
            `getComputedStyle(document.querySelectorAll('.treaty-quote')[${i}]).direction`,
          ),
        ).toBe('ltr');
  },
  'task-list': async (direction) => {
    const count = await page.locator('.task-list-item').count();
    for (let i = 0; i < count; i += 1) {
      const [name, status] = await Promise.all([
        box('.task-list-name-and-hint', 'text', i),
        box('.task-list-status', 'element', i),
      ]);
      expect(before(direction, name.left, status.left)).toBe(true);
    }
    expect(await startGaps('.task-list-name-and-hint > :first-child')).toEqual(
      Array.from({ length: count }, () => 0),
    );
  },
  'back-link': async (direction) => {
    expect(await style('.back-link', `padding-${side(direction)}`)).toBe('14px');
    // The chevron is the top and right borders of a square, turned: it points along (a - c) of the
    // transform's matrix(a, b, c, d, ...): to the left in a left-to-right page, to the right otherwise.
    const matrix = await style('.back-link', 'transform', '::before');
    const [a, , c] = (/matrix\(([^)]*)\)/.exec(matrix)?.[1] ?? '').split(',').map(Number);
    const pointsRight = a! - c! > 0;
    expect(pointsRight).toBe(direction === 'rtl');
  },
  'start-button': async (direction) => {
    expect(await style('.button-start-icon', 'transform')).toBe(
      direction === 'ltr' ? 'none' : 'matrix(-1, 0, 0, 1, 0, 0)',
    );
    const [text, icon] = await Promise.all([box('.button-start', 'text'), box('.button-start-icon')]);
    // The arrow follows the words, pointing on.
    expect(before(direction, (text.left + text.right) / 2, (icon.left + icon.right) / 2)).toBe(true);
  },
};

async function checkExample(component: string, example: ComponentExample, direction: Direction) {
  expect(await page.evaluate<string>('document.documentElement.dir')).toBe(direction);
  expect(await style('main', 'direction')).toBe(direction);
  if (component.startsWith('field-')) {
    const view = example.params as unknown as FieldView;
    await fieldChecks(direction, view, component);
    if (component === 'field-radios' || component === 'field-checkboxes')
      await optionChecks(direction, view, component === 'field-radios' ? 'radios' : 'checkboxes');
    else await FIELD_CHECKS[component]!(direction, view);
  } else {
    await CHECKS[component]!(direction, example);
  }
}

describe.each(COMPONENTS.map((c) => [c]))('%s', (component) => {
  test('every example, left to right and right to left: axe-core, a screenshot, mirrored', async () => {
    const violations: AxeViolation[] = [];
    for (const example of examplesOf(component))
      for (const direction of DIRECTIONS) {
        await load(component, example, direction);
        await checkExample(component, example, direction);
        // The treaty's words shown, for the screenshot.
        await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
        const name = `${component}--${example.name}--${direction}`;
        await page.screenshot({
          path: path.join(SCREENSHOTS, `${name}.png`),
          fullPage: true,
          animations: 'disabled',
          caret: 'initial',
        });
        violations.push(...(await axe(name)));
      }
    if (violations.length > 0)
      throw new Error(`axe-core on ${component}:\n\n${formatViolations(violations)}`);
  });
});

// -------------------------------------------------------------------------------------------------
// Real pages, turned right to left

describe('real pages with <html dir="rtl">', () => {
  let rtlPage: Page;
  let rtlVisits: Visits;
  let draftUrl: string;
  let authorityUrl: string;

  beforeAll(async () => {
    const client = new JourneyClient(server.testApp.app);
    const draft = await createDraft(client, 'JP', ['untoc', 'tip']);
    draftUrl = draft.url;
    redirectOf(
      await client.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
        roles: 'untoc-18-13',
        name: 'Ministry of Justice',
        email: 'central.authority@justice.example',
        phone: '+81 3 3580 4111',
        postcode: '100-8977',
      }),
    );
    const list = await client.get(`${draft.url}/central-authorities`);
    authorityUrl = hrefs(list.text).find((h) => /\/authorities\/[^/?]+\?role=untoc-18-13$/.test(h))!;
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
    rtlPage = await context.newPage();
    await rtlPage.route(`${server.baseUrl}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /<html lang="([^"]*)" dir="ltr">/,
        '<html lang="$1" dir="rtl">',
      );
      return route.fulfill({ response, body });
    });
    rtlVisits = new Visits(rtlPage, 'components-pages-rtl');
  });

  test('the start page, the task list, a list, check answers and a form: mirrored, and axe-core passes', async () => {
    const at = async (path: string, name: string) => {
      await rtlPage.goto(`${server.baseUrl}${path}`, { waitUntil: 'load' });
      expect(await rtlPage.evaluate<string>('getComputedStyle(document.body).direction')).toBe('rtl');
      await rtlVisits.record(name);
    };
    await at('/', 'start page');
    const arrow = await rtlPage.evaluate<string>(
      `getComputedStyle(document.querySelector('.button-start-icon')).transform`,
    );
    expect(arrow).toBe('matrix(-1, 0, 0, 1, 0, 0)');

    await at(draftUrl, 'task list');
    // The status is at the inline end: on the left.
    const [name, status] = await rtlPage.evaluate<number[][]>(`[
      document.querySelector('.task-list-link').getBoundingClientRect(),
      document.querySelector('.task-list-status').getBoundingClientRect(),
    ].map((r) => [r.left, r.right])`);
    expect(status![1]).toBeLessThan(name![0]!);

    await at(`${draftUrl}/central-authorities`, 'central authorities');
    const values = await rtlPage.evaluate<
      { text: string; ltr: boolean }[]
    >(`[...document.querySelectorAll('.summary-list-value bdi')].map((e) => {
      const t = e.firstChild;
      const at = (i) => { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect().left; };
      return { text: e.textContent, ltr: at(0) < at(t.length - 1) };
    })`);
    for (const v of values.filter((x) => /@|\+\d/.test(x.text)))
      expect(v).toEqual({ text: v.text, ltr: true });
    expect(values.some((v) => v.text === 'central.authority@justice.example')).toBe(true);

    await at(`${draftUrl}/check`, 'check answers');

    await at(authorityUrl, 'an authority');
    expect(await rtlPage.evaluate<string>(`document.querySelector('#email').dir`)).toBe('ltr');
    expect(
      await rtlPage.evaluate<string>(`getComputedStyle(document.querySelector('#email')).direction`),
    ).toBe('ltr');
    // The back link's chevron points right, back in a right-to-left page.
    const matrix = await rtlPage.evaluate<string>(
      `getComputedStyle(document.querySelector('.back-link'), '::before').transform`,
    );
    const [a, , c] = (/matrix\(([^)]*)\)/.exec(matrix)?.[1] ?? '').split(',').map(Number);
    expect(a! - c!).toBeGreaterThan(0);

    // A form with errors, through the browser.
    await rtlPage.locator('#name').fill('');
    await rtlVisits.navigate(rtlPage.locator('form[method="post"] button[type="submit"]').first());
    expect(
      await rtlPage.evaluate<string>(
        `getComputedStyle(document.querySelector('.form-group-error')).borderRightWidth`,
      ),
    ).toBe('5px');
    await rtlVisits.record('an authority with an error');
    rtlVisits.assertNoViolations();
  });
});
