/**
 * Helpers for the end-to-end browser tests: Debian's Chromium (never a downloaded browser), the real app
 * on a loopback port, the pages' texts in each language (from the app's own translator, so the tests find
 * buttons and labels as a reader sees them), a recorder that screenshots every page visited and runs
 * axe-core on it, and reading a downloaded .docx.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import mammoth from 'mammoth';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Download, type Locator, type Page, type Route } from 'playwright-core';
import { createI18n, type I18n, type Language } from '../../server/i18n';
import { createHttpServer } from '../../server/http/http-server';
import { PATHS } from '../../server/paths';
import { createTestApp, type TestApp } from '../http/test-app';

/** Where Debian's chromium package puts the browser (CI apt-installs it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARTIFACTS = path.join(PATHS.root, 'test-artifacts');

/** The accessibility rules every page must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH. The tests never download a browser.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface RunningServer {
  readonly baseUrl: string;
  readonly testApp: TestApp;
  close(): Promise<void>;
}

/** The real app (temporary SQLite, fixed clock) listening on a free loopback port. */
export async function startServer(): Promise<RunningServer> {
  const testApp = createTestApp({ requestLog: false });
  const server = await new Promise<Server>((resolve, reject) => {
    // As the server runs (server/main.ts): requests made with the app's prototypes.
    const s = createHttpServer(testApp.app);
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    testApp,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      testApp.close();
    },
  };
}

// -------------------------------------------------------------------------------------------------
// The pages' texts

let i18n: I18n | undefined;

export type Texts = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The text a page shows for a key, in one language. A key missing in that language (the app would fall
 * back to English) fails the test: a French journey must read French.
 */
export function texts(lng: Language): Texts {
  i18n ??= createI18n(PATHS.locales);
  const t = i18n.t(lng);
  const own = i18n;
  return (key, vars = {}) => {
    const plural = typeof vars.count === 'number' ? [`${key}_one`, `${key}_other`] : [];
    if (!own.exists(lng, key) && !plural.some((k) => own.exists(lng, k)))
      throw new Error(`No ${lng} text for ${key}`);
    return t(key, vars) as string;
  };
}

// -------------------------------------------------------------------------------------------------
// Recording each page: screenshot and axe-core

export interface AxeViolation {
  readonly page: string;
  readonly url: string;
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { target: string; html: string; summary: string }[];
}

/** Violations as a reader can act on them: page, rule, impact, and each offending element. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${v.page} (${v.url}): ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (n) => `    at ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * One test's record of the pages it visited: each page is screenshotted (full page) to
 * test-artifacts/screenshots/<test>/<nn>-<page>.png and checked with axe-core; violations are kept
 * and reported together by assertNoViolations, so one failing page does not hide the others.
 */
export class Visits {
  readonly dir: string;
  readonly downloads: string;
  readonly violations: AxeViolation[] = [];
  readonly visited: string[] = [];
  private n = 0;

  /**
   * @param mirror for a page whose context runs no JavaScript, where axe-core cannot run: a page in a
   * context with JavaScript, where each recorded page's DOM is served again at its own address (the
   * site's script blocked) for axe-core to check.
   */
  constructor(
    readonly page: Page,
    readonly test: string,
    private readonly mirror: Page | null = null,
  ) {
    this.dir = path.join(ARTIFACTS, 'screenshots', slug(test));
    this.downloads = path.join(ARTIFACTS, 'downloads', slug(test));
    for (const d of [this.dir, this.downloads]) {
      fs.rmSync(d, { recursive: true, force: true });
      fs.mkdirSync(d, { recursive: true });
    }
  }

  /** Screenshot the page as it is now and run axe-core on it. */
  async record(name: string): Promise<void> {
    await this.page.waitForLoadState('load');
    this.n += 1;
    const file = path.join(this.dir, `${String(this.n).padStart(2, '0')}-${slug(name)}.png`);
    const t0 = Date.now();
    await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'initial' });
    const t1 = Date.now();
    const results = await this.axe();
    if (process.env.E2E_TIMING)
      console.log(
        `${name}: screenshot ${t1 - t0} ms, axe ${Date.now() - t1} ms, ${results.passes.length} rules passed`,
      );
    this.visited.push(name);
    for (const v of results.violations) {
      this.violations.push({
        page: name,
        url: this.page.url(),
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((node) => ({
          target: node.target.join(' '),
          html: node.html,
          summary: node.failureSummary ?? '',
        })),
      });
    }
  }

  /**
   * Legacy mode runs axe-core in the page itself, rather than opening a blank page to merge each frame's
   * results: the site has no frames, and it halves the time per page. Only the violations are reported in
   * detail. (options() replaces every option, so it comes before withTags, which adds the tags to it.)
   */
  private builder(page: Page): AxeBuilder {
    return new AxeBuilder({ page })
      .setLegacyMode(true)
      .options({ resultTypes: ['violations'] })
      .withTags(AXE_TAGS);
  }

  private async axe(): Promise<AxeResults> {
    if (!this.mirror) return this.builder(this.page).analyze();
    const url = this.page.url().split('#')[0]!;
    const html = await this.page.content();
    const handler = (route: Route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url().split('#')[0] === url) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (new URL(request.url()).pathname.startsWith('/assets/js/')) return route.abort();
      return route.continue();
    };
    await this.mirror.route('**/*', handler);
    try {
      await this.mirror.goto(url, { waitUntil: 'load' });
    } finally {
      await this.mirror.unroute('**/*', handler);
    }
    return this.builder(this.mirror).analyze();
  }

  assertNoViolations(): void {
    if (this.violations.length > 0) {
      throw new Error(
        `axe-core found ${this.violations.length} violation(s) on ${new Set(this.violations.map((v) => v.page)).size} page(s):\n\n${formatViolations(this.violations)}`,
      );
    }
  }

  /** Click a link or button and wait for the new page to load (a form post, a redirect, a link). */
  async navigate(target: Locator): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), target.click()]);
  }

  /** Click a link that downloads a file; save it under test-artifacts/downloads/<test>/. */
  async download(target: Locator): Promise<{ file: string; download: Download }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), target.click()]);
    const file = path.join(this.downloads, download.suggestedFilename());
    await download.saveAs(file);
    return { file, download };
  }
}

/** What has the keyboard focus (document.activeElement). */
export interface FocusedElement {
  readonly tag: string;
  readonly id: string;
  readonly href: string | null;
  readonly text: string;
  /** Whether it holds a role="alert" (the error summary). */
  readonly holdsAlert: boolean;
  readonly isTarget: boolean;
}

/** The focused element, read in the page (a string: the tests' TypeScript has no DOM types). */
export function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate<FocusedElement | null>(`(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    return {
      tag: e.tagName.toLowerCase(),
      id: e.id,
      href: e.getAttribute('href'),
      text: (e.textContent || '').trim(),
      holdsAlert: e.querySelector('[role="alert"]') !== null,
      isTarget: e.matches(':target'),
    };
  })()`);
}

/** Whether the element is wholly inside the viewport. */
export async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  return box !== null && viewport !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}

/** The text of a .docx as mammoth reads it. */
export async function docxText(file: string): Promise<string> {
  const result = await mammoth.extractRawText({ path: file });
  return result.value;
}
