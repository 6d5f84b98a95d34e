/**
 * Helpers for the tests of the guided journey (the server-rendered pages under /drafts): a browser-like
 * client that keeps cookies and sends the anti-forgery token with every form, draft creation, small HTML
 * readers (title, h1, error summary, inline errors, field values, summary lists), the locale strings
 * tests expect, and an app over a given SQLite file (to restart the service on the same data).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { PATHS } from '../../server/paths';
import type { Store } from '../../server/store/store';
import type { Language } from '../../server/i18n';
import { binaryParser, decodeEntities } from './helpers';

export { decodeEntities };

// An app over a given SQLite file: test-app.ts.
export { createAppOnFile, type FileApp } from './test-app';

// -------------------------------------------------------------------------------------------------
// The client

export type FormFields = Readonly<Record<string, string | readonly string[]>>;

/** The body of an urlencoded form, a field repeated for each value of an array. */
export function formBody(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') params.append(name, value);
    else for (const v of value) params.append(name, v);
  }
  return params.toString();
}

/** The `_csrf` hidden field of a page, if it has one. */
export function csrfField(html: string): string | null {
  return /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(html)?.[1] ?? null;
}

/** The revision a draft page was read at (its forms' `_revision` field). */
export function revisionOf(html: string): string | null {
  return /<input type="hidden" name="_revision" value="(\d+)">/.exec(html)?.[1] ?? null;
}

/** The hidden fields of the page's first POST form but the token, a field repeated for each value. */
export function hiddenFields(html: string): Record<string, string | string[]> {
  const form = /<form method="post"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const out: Record<string, string | string[]> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    const name = decodeEntities(m[1]!);
    const value = decodeEntities(m[2]!);
    if (name === '_csrf') continue;
    const prev = out[name];
    out[name] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  }
  return out;
}

/** The action of the page's (first) POST form. */
export function formAction(html: string): string | null {
  const m = /<form method="post" action="([^"]*)"/.exec(html);
  return m ? decodeEntities(m[1]!) : null;
}

/**
 * A browser: a supertest agent that keeps cookies (the anti-forgery cookie, the language cookie), reads
 * the `_csrf` field of the pages it opens and sends it with every form it posts.
 */
export class JourneyClient {
  readonly agent: ReturnType<typeof request.agent>;
  /** The token read from the last page that had one. */
  token: string | null = null;

  constructor(
    readonly app: Express,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    this.agent = request.agent(app);
  }

  async get(url: string, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
    const res = await this.agent.get(url).set({ ...this.headers, ...headers });
    const token = typeof res.text === 'string' ? csrfField(res.text) : null;
    if (token) this.token = token;
    return res;
  }

  /** GET bytes (documents, bundles, exports). */
  async getBytes(url: string): Promise<{ res: Response; bytes: Buffer }> {
    const res = await this.agent.get(url).set(this.headers).buffer(true).parse(binaryParser);
    return { res, bytes: res.body as Buffer };
  }

  /** The token, opening the start of the journey to get one when no page was opened yet. */
  async csrf(): Promise<string> {
    if (!this.token) await this.get('/drafts/new');
    if (!this.token) throw new Error('no _csrf field on /drafts/new');
    return this.token;
  }

  /**
   * POST an urlencoded form with the token (`token: null` sends none, a string sends that instead).
   * Fields named in `fields` win over the token (so a test can send its own `_csrf`).
   */
  async post(
    url: string,
    fields: FormFields,
    options: { token?: string | null; headers?: Readonly<Record<string, string>> } = {},
  ): Promise<Response> {
    const token = options.token === undefined ? await this.csrf() : options.token;
    const body = formBody(token === null ? fields : { _csrf: token, ...fields });
    return this.agent
      .post(url)
      .set({ ...this.headers, ...(options.headers ?? {}) })
      .type('form')
      .send(body);
  }

  /**
   * Open a page, then post its form (to the form's own action) with these fields and the revision the
   * page was read at, as a browser would.
   */
  async submit(url: string, fields: FormFields): Promise<Response> {
    const page = await this.get(url);
    if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}`);
    const revision = revisionOf(page.text);
    return this.post(formAction(page.text) ?? url, revision ? { _revision: revision, ...fields } : fields);
  }

  /**
   * Post a page already opened (`page`, from `get`) as a browser would: its hidden fields (the revision
   * it was read at; on a conflict page, every answer), then `fields`.
   */
  async send(page: Response, fields: FormFields, action?: string): Promise<Response> {
    const url = action ?? formAction(page.text);
    if (!url) throw new Error('the page has no form');
    return this.post(url, { ...hiddenFields(page.text), ...fields });
  }

  /** POST a multipart form (the import page): `_csrf` first, then the file if any. */
  async upload(
    url: string,
    file: { content: Buffer | string; name?: string; type?: string } | null,
    options: { token?: string | null } = {},
  ): Promise<Response> {
    const token = options.token === undefined ? await this.csrf() : options.token;
    let req = this.agent.post(url).set(this.headers);
    if (token !== null) req = req.field('_csrf', token);
    if (file) {
      const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
      req = req.attach('file', content, {
        filename: file.name ?? 'draft.json',
        contentType: file.type ?? 'application/json',
      });
    }
    return req;
  }
}

/**
 * Change a draft's package through the API, as a program would while people work on the pages: read it,
 * then PUT `edit(package)` with the revision read (If-Match). Fails unless the API saved it.
 */
export async function changeThroughApi(
  app: Express,
  draftId: string,
  edit: (pkg: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const current = await request(app).get(`/api/v1/drafts/${draftId}`);
  const body = current.body as { package: Record<string, unknown> };
  const put = await request(app)
    .put(`/api/v1/drafts/${draftId}`)
    .set({ 'Content-Type': 'application/json', 'If-Match': current.headers.etag as string })
    .send(edit(body.package));
  if (put.status !== 200) throw new Error(`PUT /api/v1/drafts answered ${put.status}`);
}

/** Where a 303 leads (its Location), failing with the page when the answer is not a 303. */
export function redirectOf(res: Response): string {
  if (res.status !== 303) {
    const errors = typeof res.text === 'string' ? errorSummary(res.text).map((e) => e.text) : [];
    throw new Error(`expected a 303, got ${res.status} ${JSON.stringify(errors)}`);
  }
  return res.headers.location as string;
}

export interface Draft {
  readonly id: string;
  /** /drafts/{id}: the task list. */
  readonly url: string;
}

/** Create a draft as a browser does: POST /drafts/new (the party), then POST /drafts (the treaties). */
export async function createDraft(
  client: JourneyClient,
  party: string,
  treaties: readonly string[],
): Promise<Draft> {
  const first = await client.post('/drafts/new', { party });
  const treatiesPage = redirectOf(first);
  if (treatiesPage !== `/drafts/new/treaties?party=${party}`)
    throw new Error(`POST /drafts/new went to ${treatiesPage}`);
  const created = await client.post('/drafts', { party, treaties });
  const url = redirectOf(created);
  const m = /^\/drafts\/([A-Za-z0-9_-]+)$/.exec(url);
  if (!m) throw new Error(`POST /drafts went to ${url}`);
  return { id: m[1]!, url };
}

// -------------------------------------------------------------------------------------------------
// Reading HTML

/**
 * The text of an HTML fragment: tags removed, entities decoded, spaces and line breaks collapsed (but
 * not the no-break spaces French typography puts before ":" and "?", which the locale strings hold).
 */
/**
 * The id of the entry at `index` of a draft's list (authorities, declarations), read from the SQLite file:
 * pages address entries by id. Throws when there is no such entry.
 */
export function entryId(
  store: Store,
  draft: Pick<Draft, 'id'>,
  collection: 'authorities' | 'declarations',
  index: number,
): string {
  const row = store.drafts.get(draft.id);
  if (!row) throw new Error(`no draft ${draft.id}`);
  const data = JSON.parse(row.data) as { package: Record<string, { id: string }[]> };
  const entry = data.package[collection]?.[index];
  if (!entry) throw new Error(`draft ${draft.id} has no ${collection}[${index}]`);
  return entry.id;
}

export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** The page's <title>, decoded. */
export function titleOf(html: string): string {
  return decodeEntities(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
}

/** The <html lang dir> opening tag's attributes. */
export function htmlLangDir(html: string): { lang: string; dir: string } | null {
  const m = /<html lang="([^"]*)" dir="([^"]*)">/.exec(html);
  return m ? { lang: m[1]!, dir: m[2]! } : null;
}

/** The text of every <h1> on the page. */
export function h1s(html: string): string[] {
  return [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => textOf(m[1]!));
}

/** Every id="..." on the page. */
export function elementIds(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

export interface Link {
  readonly href: string;
  readonly text: string;
}

/** The links of the error summary (GOV.UK: first on the page), in order. */
export function errorSummary(html: string): Link[] {
  const list = /<div class="error-summary"[\s\S]*?<ul class="error-summary-list">([\s\S]*?)<\/ul>/.exec(
    html,
  )?.[1];
  if (list === undefined) return [];
  return [...list.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((m) => ({
    href: decodeEntities(m[1]!),
    text: textOf(m[2]!),
  }));
}

/** The inline error messages, by the id of the field they belong to (id="{field}-error"). */
export function inlineErrors(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<p id="([^"]+)-error" class="error-message">([\s\S]*?)<\/p>/g)) {
    const withoutPrefix = m[2]!.replace(/<span class="visually-hidden">[\s\S]*?<\/span>/, '');
    out.set(decodeEntities(m[1]!), textOf(withoutPrefix));
  }
  return out;
}

/** The language switcher's links: href (decoded), hreflang and text. */
export function switcherLinks(html: string): Array<{ href: string; lang: string; text: string }> {
  const nav = /<ul class="language-switcher">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]*)" hreflang="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({
    href: decodeEntities(m[1]!),
    lang: m[2]!,
    text: decodeEntities(m[3]!),
  }));
}

/** The value of a text input, by id (null when there is no such input). */
export function inputValue(html: string, id: string): string | null {
  const tag = [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(` id="${id}"`));
  if (!tag) return null;
  return decodeEntities(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? '');
}

/** The text of a textarea, by id. */
export function textareaValue(html: string, id: string): string | null {
  const m = new RegExp(`<textarea\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return m ? decodeEntities(m[1]!) : null;
}

/** The values of the checked radios or checkboxes of a field (by name). */
export function checkedValues(html: string, name: string): string[] {
  return [...html.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((t) => t.includes(` name="${name}"`) && /\schecked\b/.test(t))
    .map((t) => decodeEntities(/\svalue="([^"]*)"/.exec(t)?.[1] ?? ''));
}

/** The selected option of a select (by id), "" when none but the empty one. */
export function selectedOption(html: string, id: string): string | null {
  const select = new RegExp(`<select\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  if (select === undefined) return null;
  const m = /<option value="([^"]*)" selected/.exec(select);
  return m ? decodeEntities(m[1]!) : '';
}

export interface SummaryRow {
  readonly key: string;
  readonly value: string;
  readonly href: string | null;
}

/** The rows of every summary list on the page (check answers, authority cards). */
export function summaryRows(html: string): SummaryRow[] {
  return [...html.matchAll(/<div class="summary-list-row">([\s\S]*?)<\/div>/g)].map((m) => {
    const row = m[1]!;
    return {
      key: textOf(/<dt class="summary-list-key">([\s\S]*?)<\/dt>/.exec(row)?.[1] ?? ''),
      value: textOf(
        (/<dd class="summary-list-value">([\s\S]*?)<\/dd>/.exec(row)?.[1] ?? '').replace(/<br>/g, '\n'),
      ),
      href: ((h) => (h === undefined ? null : decodeEntities(h)))(
        /<dd class="summary-list-actions"><a href="([^"]*)"/.exec(row)?.[1],
      ),
    };
  });
}

/** The notification banner (answers removed, draft opened): its title and lines, or null. */
export function notice(html: string): { title: string; lines: string[] } | null {
  const banner =
    /<div class="notification-banner"[\s\S]*?<h2 class="notification-banner-title"[^>]*>([\s\S]*?)<\/h2>[\s\S]*?<ul class="list">([\s\S]*?)<\/ul>/.exec(
      html,
    );
  if (!banner) return null;
  return {
    title: textOf(banner[1]!),
    lines: [...banner[2]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!)),
  };
}

/** Every link's href on the page, decoded. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

// -------------------------------------------------------------------------------------------------
// Locale strings

export type Lang = Language;

const locales = new Map<string, Record<string, unknown>>();
function locale(lang: Lang, ns = 'common'): Record<string, unknown> {
  const key = `${lang}/${ns}`;
  let data = locales.get(key);
  if (!data) {
    data = JSON.parse(fs.readFileSync(path.join(PATHS.locales, lang, `${ns}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    locales.set(key, data);
  }
  return data;
}

function interpolate(s: string, params: Readonly<Record<string, string | number>>): string {
  return s.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A string of the locale file ("ns:a.b.c" or "a.b.c" in common), interpolated; undefined when absent. */
export function localeString(
  lang: Lang,
  key: string,
  params: Readonly<Record<string, string | number>> = {},
): string | undefined {
  const [ns, dotted] = key.includes(':') ? (key.split(':') as [string, string]) : ['common', key];
  const parts = dotted.split('.');
  let v: unknown = locale(lang, ns);
  for (const [i, part] of parts.entries()) {
    if (v === null || typeof v !== 'object') return undefined;
    const here = v as Record<string, unknown>;
    // A plural key (`count`): the form the language's plural rules choose, as i18next does.
    const count = params.count;
    v =
      i === parts.length - 1 && !(part in here) && typeof count === 'number'
        ? here[`${part}_${new Intl.PluralRules(lang).select(count)}`]
        : here[part];
  }
  return typeof v === 'string' ? interpolate(v, params) : undefined;
}

/**
 * The string a page in `lang` shows for `key`: the locale's own, or the English one while the
 * translation is missing (the service falls back to English rather than show a key).
 */
export function expectedString(
  lang: Lang,
  key: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const s = localeString(lang, key, params) ?? localeString('en', key, params);
  if (s === undefined) throw new Error(`no string ${key} in the English locale`);
  return s;
}

/** Whether the French file has its own string for a key, different from the English one. */
export function translated(key: string): boolean {
  const fr = localeString('fr', key);
  return fr !== undefined && fr !== localeString('en', key);
}
