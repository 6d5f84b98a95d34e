/**
 * A small HTTP client for the soak and crash scripts. It uses node:http rather than fetch, so that a
 * request can have any method, a path sent exactly as written (`//drafts/x`, `/%64rafts/...`), any header
 * and any bytes as its body. A `Browser` keeps cookies and the pages' anti-forgery token (`_csrf`) as a
 * browser would, and a few readers take what the scripts need out of a page's HTML (its form's fields, the
 * `_revision` it was read at, its links).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';

export interface OutgoingRequest {
  readonly method: string;
  /** Sent as written: not normalized, not encoded. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string | null;
}

export interface IncomingResponse {
  /** 0 when no response came (`error` says why). */
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** At most the first MAX_KEPT bytes. */
  readonly body: Buffer;
  /** A network error or timeout; null when the whole response arrived. */
  readonly error: string | null;
  readonly ms: number;
}

/** A response body is read to its end, but only this much of it is kept. */
const MAX_KEPT = 4 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);

const hasHeader = (headers: Readonly<Record<string, string>>, name: string) =>
  Object.keys(headers).some((h) => h.toLowerCase() === name);

export class HttpClient {
  readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;

  constructor(
    readonly origin: string,
    options: { sockets: number; timeoutMs?: number },
  ) {
    const url = new URL(origin);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: options.sockets,
      maxFreeSockets: options.sockets,
    });
  }

  /**
   * Send one request. A request that fails on a kept-alive socket the server had just closed (a race
   * Node documents for keep-alive) is sent again once, on a new socket.
   */
  async send(request: OutgoingRequest): Promise<IncomingResponse> {
    const first = await this.once(request);
    if (first.status === 0 && first.reused && first.error === 'ECONNRESET') return this.once(request);
    return first;
  }

  close(): void {
    this.agent.destroy();
  }

  private once(request: OutgoingRequest): Promise<IncomingResponse & { reused: boolean }> {
    return new Promise((resolve) => {
      const started = performance.now();
      let settled = false;
      const done = (r: Omit<IncomingResponse, 'ms'> & { reused: boolean }) => {
        if (settled) return;
        settled = true;
        resolve({ ...r, ms: performance.now() - started });
      };
      const body =
        request.body === null || request.body === undefined
          ? null
          : Buffer.isBuffer(request.body)
            ? request.body
            : Buffer.from(request.body, 'utf8');
      const headers: Record<string, string> = { ...request.headers };
      if (body && !hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding'))
        headers['content-length'] = String(body.length);
      let req: http.ClientRequest;
      try {
        req = http.request({
          host: this.host,
          port: this.port,
          method: request.method,
          path: request.path,
          headers,
          agent: this.agent,
          timeout: this.timeoutMs,
        });
      } catch (err) {
        // Node refuses to send some things (a space in a path, a line break in a header): not the server's.
        done({
          status: 0,
          headers: {},
          body: EMPTY,
          error: `client refused: ${err instanceof Error ? err.message : String(err)}`,
          reused: false,
        });
        return;
      }
      // Nagle's algorithm would hold a body written after its headers until the server's delayed ACK.
      req.setNoDelay(true);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_KEPT) chunks.push(chunk);
          size += chunk.length;
        });
        const finish = (error: string | null) =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            error,
            reused: req.reusedSocket,
          });
        res.on('end', () => finish(null));
        res.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
        res.on('close', () => finish('response cut short'));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (err: NodeJS.ErrnoException) =>
        done({
          status: 0,
          headers: {},
          body: EMPTY,
          error: err.code ?? err.message,
          reused: req.reusedSocket,
        }),
      );
      req.end(body ?? undefined);
    });
  }
}

// -------------------------------------------------------------------------------------------------
// Forms

/** One form field; a field named twice is sent twice. */
export type FormEntry = readonly [name: string, value: string];

/**
 * Percent-encode every byte of a string's UTF-8 but the unreserved characters (RFC 3986 2.3); a space as
 * "+" in a form. Unlike encodeURIComponent it never throws: a lone surrogate becomes U+FFFD, as in a browser.
 */
export function percentEncode(s: string, spaceAsPlus = false): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const unreserved =
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      b === 0x2d ||
      b === 0x2e ||
      b === 0x5f ||
      b === 0x7e;
    if (unreserved) out += String.fromCharCode(b);
    else if (b === 0x20 && spaceAsPlus) out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** An urlencoded body as a browser writes it. */
export function encodeForm(entries: readonly FormEntry[]): string {
  return entries
    .map(([name, value]) => `${percentEncode(name, true)}=${percentEncode(value, true)}`)
    .join('&');
}

export interface MultipartPart {
  readonly name: string;
  readonly value?: string;
  readonly file?: { readonly filename: string; readonly type: string; readonly content: Buffer };
}

/** A multipart/form-data body and its Content-Type (with the boundary). */
export function multipart(parts: readonly MultipartPart[]): { body: Buffer; contentType: string } {
  const boundary = `----soak${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.file) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.file.filename}"\r\n` +
            `Content-Type: ${part.file.type}\r\n\r\n`,
          'utf8',
        ),
        part.file.content,
        Buffer.from('\r\n', 'utf8'),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value ?? ''}\r\n`,
          'utf8',
        ),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

// -------------------------------------------------------------------------------------------------
// Reading pages

export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The `_csrf` hidden field of a page, if it has one. */
export function csrfField(html: string): string | null {
  return /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(html)?.[1] ?? null;
}

/** The revision a draft page was read at (its forms' `_revision` field). */
export function revisionOf(html: string): number | null {
  const m = /<input type="hidden" name="_revision" value="(\d+)">/.exec(html);
  return m ? Number(m[1]) : null;
}

/** The action of the page's first POST form. */
export function formAction(html: string): string | null {
  const m = /<form method="post" action="([^"]*)"/.exec(html);
  return m ? decodeEntities(m[1]!) : null;
}

export type FormFieldKind = 'text' | 'textarea' | 'radio' | 'checkbox' | 'select' | 'hidden' | 'file';

export interface FormField {
  readonly name: string;
  readonly kind: FormFieldKind;
  /** The values offered (radios, checkboxes, a select's options); the value of a hidden field. */
  readonly options: string[];
}

/** The fields of the page's first POST form, in order, each name once. */
export function formFields(html: string): FormField[] {
  const form = /<form method="post"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const fields = new Map<string, FormField>();
  const add = (name: string, kind: FormFieldKind, option: string | null) => {
    const key = decodeEntities(name);
    const field = fields.get(key) ?? { name: key, kind, options: [] };
    if (option !== null) field.options.push(decodeEntities(option));
    fields.set(key, field);
  };
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  for (const m of form.matchAll(/<input\b[^>]*>|<textarea\b[^>]*>|<select\b[^>]*>([\s\S]*?)<\/select>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (name === null) continue;
    if (tag.startsWith('<textarea')) add(name, 'textarea', null);
    else if (tag.startsWith('<select')) {
      add(name, 'select', null);
      for (const o of (m[1] ?? '').matchAll(/<option value="([^"]*)"/g)) add(name, 'select', o[1]!);
    } else {
      const type = (attr(tag, 'type') ?? 'text').toLowerCase();
      const kind: FormFieldKind =
        type === 'radio' || type === 'checkbox' || type === 'hidden' || type === 'file' ? type : 'text';
      add(name, kind, kind === 'text' || kind === 'file' ? null : (attr(tag, 'value') ?? ''));
    }
  }
  return [...fields.values()];
}

/** Every link's href on the page, decoded. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

// -------------------------------------------------------------------------------------------------
// A browser

/**
 * Cookies (the anti-forgery cookie, the language cookie) and the `_csrf` field of the last page read,
 * over a transport (the soak counts every request it sends).
 */
export class Browser {
  private readonly cookies = new Map<string, string>();
  /** The token read from the last page that had one. */
  token: string | null = null;

  constructor(private readonly transport: (request: OutgoingRequest) => Promise<IncomingResponse>) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Forget the cookies and the token (a new visitor). */
  reset(): void {
    this.cookies.clear();
    this.token = null;
  }

  async send(request: OutgoingRequest): Promise<IncomingResponse> {
    const cookie = this.cookieHeader();
    const res = await this.transport({
      ...request,
      headers: { ...(cookie ? { cookie } : {}), ...request.headers },
    });
    const setCookie = res.headers['set-cookie'] ?? [];
    for (const line of setCookie) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) {
      const token = csrfField(res.body.toString('utf8'));
      if (token) this.token = token;
    }
    return res;
  }

  get(path: string, headers: Readonly<Record<string, string>> = {}): Promise<IncomingResponse> {
    return this.send({ method: 'GET', path, headers });
  }

  /** POST an urlencoded body (already encoded: the soak sends malformed ones too). */
  postForm(path: string, body: string | Buffer, headers: Readonly<Record<string, string>> = {}) {
    return this.send({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  }

  /** The token, opening /drafts/new for one when no page was read yet. */
  async csrf(): Promise<string> {
    if (!this.token) await this.get('/drafts/new');
    return this.token ?? '';
  }
}
