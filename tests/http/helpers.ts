/**
 * Helpers for the HTTP tests: requests with a JSON body, binary responses (.docx, .zip), the text of a
 * .docx as mammoth reads it, the tables of a bilingual .docx, and the API's problem details (RFC 9457).
 */
import type { Express } from 'express';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import request, { type Response } from 'supertest';

/** Collects a response body as a Buffer, whatever its content type (supertest parses only text by default). */
export function binaryParser(response: Response, callback: (err: Error | null, body: Buffer) => void): void {
  // superagent hands a node parser the incoming message (a readable stream), typed as its own Response.
  const res = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('error', (err: Error) => callback(err, Buffer.alloc(0)));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

export type Headers = Readonly<Record<string, string>>;

/** POST a JSON value (serialized by supertest) and read the response as text/JSON. */
export function postJson(app: Express, url: string, body: unknown, headers: Headers = {}): Promise<Response> {
  return request(app)
    .post(url)
    .set({ 'Content-Type': 'application/json', ...headers })
    .send(JSON.stringify(body));
}

/**
 * POST a raw body with the given headers, sent as is: superagent would JSON-serialize a Buffer sent as
 * application/json, so the serializer is the identity. (With no Content-Type, superagent sends a string
 * body as form-encoded.)
 */
export function postRaw(
  app: Express,
  url: string,
  body: string | Buffer,
  headers: Headers = {},
): Promise<Response> {
  return request(app)
    .post(url)
    .set(headers)
    .serialize((raw: unknown) => raw as string)
    .send(body);
}

/** POST a JSON value and keep the response body as bytes (for documents and bundles). */
export async function postForBytes(
  app: Express,
  url: string,
  body: unknown,
  headers: Headers = {},
): Promise<{ res: Response; bytes: Buffer }> {
  const res = await request(app)
    .post(url)
    .set({ 'Content-Type': 'application/json', ...headers })
    .send(JSON.stringify(body))
    .buffer(true)
    .parse(binaryParser);
  return { res, bytes: res.body as Buffer };
}

/** The raw text of a .docx (paragraphs separated by blank lines; line breaks inside a paragraph are dropped by mammoth). */
export async function docxText(bytes: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: bytes });
  return result.value;
}

/** The paragraphs of a .docx's text, trimmed, without empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A file name from Content-Disposition (quoted or not). */
export function attachmentName(res: Response): string | undefined {
  const header = res.headers['content-disposition'] as string | undefined;
  if (!header) return undefined;
  const m = /^attachment;\s*filename="?([^";]+)"?/.exec(header);
  return m?.[1];
}

export interface ApiIssueBody {
  severity: string;
  code: string;
  message: string;
  path: string;
  field: string | null;
  requirement?: string;
  source: unknown;
}

/** An API error: RFC 9457 problem details with the extension members code and issues. */
export interface ApiErrorBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  issues: ApiIssueBody[];
}

import { ERROR_CODES, ERROR_STATUS, PROBLEM_TYPE_BASE } from '../../server/http/errors';

export { ERROR_CODES };

/** The body of a response as JSON, whether supertest parsed it or it was read as bytes. */
export function jsonBody(res: Response): unknown {
  if (Buffer.isBuffer(res.body)) return JSON.parse(res.body.toString('utf8')) as unknown;
  if (
    res.body !== undefined &&
    res.body !== null &&
    typeof res.body === 'object' &&
    Object.keys(res.body as object).length > 0
  )
    return res.body;
  return JSON.parse(res.text) as unknown;
}

/**
 * Checks the problem details (without asserting a status or code) and returns them: the media type, the
 * members, the type for the code, the status the code comes with, and the deprecated `error` member the
 * same as the problem's members.
 */
export function expectErrorShape(res: Response): ApiErrorBody {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json(;|$)/);
  const body = jsonBody(res) as ApiErrorBody & { error: unknown };
  expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'error', 'issues', 'status', 'title', 'type']);
  expect(ERROR_CODES as readonly string[]).toContain(body.code);
  expect(body.type).toBe(`${PROBLEM_TYPE_BASE}${body.code}`);
  expect(body.status).toBe(res.status);
  expect(body.status).toBe(ERROR_STATUS[body.code as keyof typeof ERROR_STATUS]);
  for (const text of [body.title, body.detail]) {
    expect(typeof text).toBe('string');
    expect(text.length).toBeGreaterThan(0);
  }
  expect(body.title).not.toBe(body.code);
  expect(Array.isArray(body.issues)).toBe(true);
  for (const issue of body.issues) {
    expect(['error', 'warning', 'info']).toContain(issue.severity);
    expect(typeof issue.code).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(typeof issue.path).toBe('string');
    expect(issue.field === null || typeof issue.field === 'string').toBe(true);
    expect(issue).toHaveProperty('source');
  }
  expect(body.error).toEqual({ code: body.code, message: body.detail, issues: body.issues });
  const problem: ApiErrorBody & { error?: unknown } = { ...body };
  delete problem.error;
  return problem;
}

/** Checks status, code and problem shape; on a mismatch the failure shows the body received. */
export function expectApiError(res: Response, status: number, code: string): ApiErrorBody {
  let received: unknown;
  try {
    received = jsonBody(res);
  } catch {
    received = res.text;
  }
  const receivedCode = (received as { code?: unknown } | undefined)?.code;
  expect({ status: res.status, code: receivedCode, body: received }).toMatchObject({ status, code });
  return expectErrorShape(res);
}

/** Decodes the entities Handlebars writes in attributes and text. */
export function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// -------------------------------------------------------------------------------------------------
// A .docx's tables, read from its XML

/** The outermost `<w:tag>` elements of `xml`, whole (a table inside a cell stays inside its cell). */
export function outermost(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<w:${tag}(?=[\\s>/])[^>]*?(/?)>|</w:${tag}>`, 'g');
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of xml.matchAll(pattern)) {
    if (match[0].startsWith('</')) {
      depth -= 1;
      if (depth === 0) found.push(xml.slice(start, match.index + match[0].length));
    } else if (match[1] !== '/') {
      if (depth === 0) start = match.index;
      depth += 1;
    }
  }
  return found;
}

/** The text of an XML fragment's runs, joined (entities decoded). */
export function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** How many columns a table's grid has (its own, not those of tables in its cells). */
export function columns(table: string): number {
  const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(table)?.[1] ?? '';
  return grid.match(/<w:gridCol /g)?.length ?? 0;
}

/** The body-level tables of a .docx (a bilingual document's), each with its rows of cells' XML. */
export async function bilingualTables(bytes: Buffer): Promise<{ xml: string; rows: string[][] }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')!.async('string');
  const body = document.slice(document.indexOf('<w:body>'));
  return outermost(body, 'tbl').map((table) => {
    const inner = table.slice(table.indexOf('>') + 1, table.lastIndexOf('</w:tbl>'));
    return { xml: table, rows: outermost(inner, 'tr').map((row) => outermost(row.slice(6), 'tc')) };
  });
}
