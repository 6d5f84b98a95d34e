/**
 * PDF of every document (documents/pdf.ts): through the API (format=pdf) and the documents page, converted
 * by one resident LibreOffice that this file shares (its own work folder and profile), read back with
 * pdftotext (the treaty's title, the party) and pdfinfo (pages). The resident is reused (one start for every
 * conversion) and started again once killed; a stuck conversion is killed after its timeout (a stand-in
 * soffice that never answers); without LibreOffice the page and the API say so. LibreOffice and poppler
 * are installed in CI (.ci/run): a missing soffice fails these tests rather than skipping them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import request from 'supertest';
import { createPdfConverter, locateSoffice, PdfError } from '../../server/documents/pdf';
import { createDocumentPool } from '../../server/documents/pool';
import { createI18n } from '../../server/i18n';
import { PATHS } from '../../server/paths';
import { inArabic } from '../support/translations';
import { buildTypedClient } from '../support/typed-client';
import { attachmentName, binaryParser, decodeEntities, expectApiError, postForBytes } from './helpers';
import {
  bhutanWithFullPowers,
  createTestApp,
  draftThroughApi,
  samplePackage,
  type TestApp,
} from './test-app';

const run = promisify(execFile);
const i18n = createI18n(PATHS.locales);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-test-'));
const availability = locateSoffice({ enabled: true, searchPath: process.env.PATH });
const pdf = createPdfConverter({ availability, parentDir: work, timeoutMs: 90_000 });

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ pdf });
});
afterAll(async () => {
  t.close();
  await pdf.close();
  // The converter leaves nothing behind: its work folder (profile included) is gone.
  expect(fs.readdirSync(work)).toEqual([]);
  fs.rmSync(work, { recursive: true, force: true });
});

/** The PDF's text (white space folded) and its number of pages. */
async function readPdf(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const file = path.join(os.tmpdir(), `read-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    const { stdout: text } = await run('pdftotext', [file, '-']);
    const { stdout: info } = await run('pdfinfo', [file]);
    return { text: text.replace(/\s+/g, ' '), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Arabic and Chinese read without layout: direction marks, spaces and the letters of lam-alef aside. */
const bare = (text: string) =>
  text.replace(/[\u200e\u200f\u202a-\u202e\s\u0622\u0623\u0625\u0627\u0644]/g, '');

const PARTY = 'the Kingdom of Bhutan';
const UNTOC = 'United Nations Convention against Transnational Organized Crime';

describe('PDF through the API (format=pdf)', () => {
  it('LibreOffice is found on PATH', () => {
    expect(availability).toEqual({ available: true, soffice: expect.stringMatching(/soffice$/) as string });
  });

  it.each([
    ['instrument?treaty=untoc', 'instrument-untoc-accession-bt-en-draft.pdf', 'INSTRUMENT OF ACCESSION', 1],
    ['notifications', 'notifications-bt-en-draft.pdf', 'Secretary-General', 0],
    ['full-powers', 'full-powers-bt-en-draft.pdf', 'FULL POWERS', 1],
    ['note-verbale', 'note-verbale-bt-en-draft.pdf', 'presents its compliments', 1],
    ['checklist', 'checklist-bt-en-draft.pdf', 'Notification checklist', 0],
  ])(
    '%s: a PDF with the treaty and the party',
    async (route, name, words, pages) => {
      const { res, bytes } = await postForBytes(
        t.app,
        `/api/v1/documents/${route}${route.includes('?') ? '&' : '?'}format=pdf`,
        bhutanWithFullPowers(),
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(attachmentName(res)).toBe(name);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text, pages: count } = await readPdf(bytes);
      expect(text).toContain(words);
      expect(text).toContain(UNTOC);
      expect(text).toContain(PARTY);
      // One page for the short documents; several for the notifications and the checklist.
      if (pages > 0) expect(count).toBe(pages);
      else expect(count).toBeGreaterThan(1);
    },
    120_000,
  );

  it('an Arabic instrument and Chinese notifications: the treaty in their language', async () => {
    const arabic = await postForBytes(
      t.app,
      '/api/v1/documents/instrument?treaty=untoc&lang=ar&format=pdf',
      inArabic(samplePackage('bhutan-accession')),
    );
    expect(arabic.res.status).toBe(200);
    const ar = await readPdf(arabic.bytes);
    expect(bare(ar.text)).toContain(bare(i18n.t('ar')('legal:treaties.untoc.name')));
    expect(bare(ar.text)).toContain(bare('مملكة بوتان'));
    expect(ar.pages).toBeGreaterThanOrEqual(1);

    const chinese = await postForBytes(
      t.app,
      '/api/v1/documents/notifications?lang=zh&format=pdf',
      samplePackage('bhutan-accession'),
    );
    expect(chinese.res.status).toBe(200);
    expect(attachmentName(chinese.res)).toBe('notifications-bt-zh-draft.pdf');
    const zh = await readPdf(chinese.bytes);
    expect(bare(zh.text)).toContain(bare(i18n.t('zh')('legal:treaties.untoc.name')));
    expect(zh.pages).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('a bilingual instrument (lang=ar,en)', async () => {
    const { res, bytes } = await postForBytes(
      t.app,
      '/api/v1/documents/instrument?treaty=untoc&lang=ar,en&format=pdf',
      inArabic(samplePackage('bhutan-accession')),
    );
    expect(res.status).toBe(200);
    expect(attachmentName(res)).toBe('instrument-untoc-accession-bt-ar-en-draft.pdf');
    expect((await readPdf(bytes)).text).toContain(UNTOC);
  }, 120_000);

  it('the bundle with format=pdf holds a PDF beside each .docx', async () => {
    const { res, bytes } = await postForBytes(
      t.app,
      '/api/v1/documents/bundle?format=pdf',
      samplePackage('bhutan-accession'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    const docx = names.filter((n) => n.endsWith('.docx'));
    expect(docx).toHaveLength(6);
    expect(names.filter((n) => n.endsWith('.pdf')).sort()).toEqual(
      docx.map((n) => n.replace(/\.docx$/, '.pdf')).sort(),
    );
    const note = names.find((n) => n.startsWith('note-verbale') && n.endsWith('.pdf'))!;
    expect((await readPdf(await zip.file(note)!.async('nodebuffer'))).text).toContain(PARTY);
  }, 120_000);

  it('through the document worker pool, as the server renders (the .docx on a worker, the PDF here)', async () => {
    const pool = createDocumentPool({
      workers: 1,
      queue: 1,
      filename: path.join(PATHS.root, 'tests', 'support', 'document-worker.js'),
    });
    const pooled = createTestApp({ pdf, documents: pool });
    try {
      const { res, bytes } = await postForBytes(
        pooled.app,
        '/api/v1/documents/instrument?treaty=som&format=pdf',
        samplePackage('bhutan-accession'),
      );
      expect(res.status).toBe(200);
      expect(attachmentName(res)).toBe('instrument-som-accession-bt-en-draft.pdf');
      expect((await readPdf(bytes)).text).toContain(
        'Protocol against the Smuggling of Migrants by Land, Sea and Air',
      );
    } finally {
      pooled.close();
      await pool.close();
    }
  }, 120_000);

  it('every conversion so far used one resident LibreOffice, started once', () => {
    expect(pdf.starts).toBe(1);
    expect(pdf.residentPid).toBeDefined();
  });

  it('a killed LibreOffice is started again at the next PDF', async () => {
    const pid = pdf.residentPid!;
    // The LibreOffice process itself (soffice.bin, a child of the launcher we started) dies.
    const { stdout } = await run('pgrep', ['-P', String(pid)]);
    for (const child of stdout.trim().split(/\s+/)) process.kill(Number(child), 'SIGKILL');
    for (let i = 0; i < 100 && pdf.residentPid !== undefined; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(pdf.residentPid).toBeUndefined();
    const { res, bytes } = await postForBytes(
      t.app,
      '/api/v1/documents/note-verbale?format=pdf',
      samplePackage('bhutan-accession'),
    );
    expect(res.status).toBe(200);
    expect((await readPdf(bytes)).text).toContain(PARTY);
    expect(pdf.starts).toBe(2);
  }, 120_000);

  it('format=html stays the checklist’s alone: a 400 on another document', async () => {
    const res = await request(t.app)
      .post('/api/v1/documents/notifications?format=html')
      .set('Content-Type', 'application/json')
      .send(samplePackage('bhutan-accession'));
    expectApiError(res, 400, 'invalid_parameter');
  });
});

describe("an integrator's typed client renders a PDF", () => {
  const CLIENT = `import { readFileSync, writeFileSync } from 'node:fs';
import type { paths } from './api';

type Instrument = paths['/api/v1/documents/instrument']['post'];
type Query = NonNullable<Instrument['parameters']['query']>;
type Package = Instrument['requestBody']['content']['application/json'];
type Pdf = Instrument['responses'][200]['content']['application/pdf'];
type Problem = Instrument['responses'][501]['content']['application/problem+json'];

async function render(base: string, pkg: Package, query: Query): Promise<ArrayBuffer> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await fetch(base + '/api/v1/documents/instrument?' + search.toString(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(pkg),
  });
  if (!res.ok) {
    const problem = (await res.json()) as Problem;
    throw new Error(problem.code + ': ' + problem.detail);
  }
  // The document declares the PDF among the answers: Pdf is its (binary) schema's type.
  const declared: Pdf | undefined = undefined;
  void declared;
  return res.arrayBuffer();
}

const [base, packageFile, out] = process.argv.slice(2) as [string, string, string];
const format: Query['format'] = 'pdf';
const pkg = JSON.parse(readFileSync(packageFile, 'utf8')) as Package;
render(base, pkg, { treaty: 'untoc', lang: 'en', mode: 'draft', format }).then(
  (bytes) => writeFileSync(out, Buffer.from(bytes)),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
`;

  it('generated from /api/v1/openapi.json, it type-checks with format pdf and writes the PDF', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-client-'));
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const openapi = await request(t.app).get('/api/v1/openapi.json');
      expect(openapi.status).toBe(200);
      buildTypedClient(dir, openapi.body, CLIENT);
      const { port } = server.address() as AddressInfo;
      const pkgFile = path.join(PATHS.root, 'examples', 'bhutan-accession.json');
      const out = path.join(dir, 'instrument.pdf');
      await run(process.execPath, [
        path.join(dir, 'out', 'client.js'),
        `http://127.0.0.1:${port}`,
        pkgFile,
        out,
      ]);
      const { text, pages } = await readPdf(fs.readFileSync(out));
      expect(text).toContain(UNTOC);
      expect(text).toContain(PARTY);
      expect(pages).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('PDF on the documents page', () => {
  it('offers a PDF of each document and of the bundle, and serves it', async () => {
    const { url } = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const page = await request(t.app).get(`${url}/documents`);
    expect(page.status).toBe(200);
    const links = [...decodeEntities(page.text).matchAll(/href="([^"]*format=pdf[^"]*)"/g)].map((m) => m[1]!);
    // Three instruments, the notifications, the note verbale, the checklist, and the bundle.
    expect(links).toHaveLength(7);
    expect(page.text).not.toContain('pdf-unavailable');
    const note = links.find((l) => l.includes('/documents/note-verbale'))!;
    const res = await request(t.app).get(note).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((await readPdf(res.body as Buffer)).text).toContain(PARTY);
  }, 120_000);
});

describe('without LibreOffice', () => {
  it('finds none on an empty PATH, and none at a path that does not exist', () => {
    expect(locateSoffice({ enabled: true, searchPath: '' })).toEqual({
      available: false,
      reason: 'not-installed',
    });
    expect(locateSoffice({ enabled: true, configuredPath: '/nonexistent/soffice' })).toEqual({
      available: false,
      reason: 'path-missing',
      path: '/nonexistent/soffice',
    });
    expect(locateSoffice({ enabled: false, searchPath: process.env.PATH })).toEqual({
      available: false,
      reason: 'off',
    });
  });

  it('a wrong SOFFICE_PATH: the page says PDF is unavailable and why; the API answers 501 pdf_unavailable', async () => {
    const missing = createPdfConverter({
      availability: locateSoffice({ enabled: true, configuredPath: '/nonexistent/soffice' }),
    });
    const app = createTestApp({ pdf: missing });
    try {
      const { url } = await draftThroughApi(app.app, samplePackage('bhutan-accession'));
      const page = await request(app.app).get(`${url}/documents`);
      expect(page.status).toBe(200);
      expect(decodeEntities(page.text)).not.toContain('format=pdf');
      expect(decodeEntities(page.text)).toContain(
        i18n.t('en')('pages.documents.pdfUnavailable.path-missing'),
      );
      // The Word files are still offered.
      expect(page.text).toContain('/documents/notifications?');

      const download = await request(app.app).get(`${url}/documents/notifications?format=pdf`);
      expect(download.status).toBe(501);
      expect(download.text).toContain('SOFFICE_PATH');

      const res = await request(app.app)
        .post('/api/v1/documents/notifications?format=pdf&lang=fr')
        .set({ 'Content-Type': 'application/json', 'Accept-Language': 'fr' })
        .send(samplePackage('bhutan-accession'));
      const body = expectApiError(res, 501, 'pdf_unavailable');
      expect(body.detail).toContain('SOFFICE_PATH');
      // The same package as Word still works.
      const docx = await postForBytes(
        app.app,
        '/api/v1/documents/notifications',
        samplePackage('bhutan-accession'),
      );
      expect(docx.res.status).toBe(200);
    } finally {
      app.close();
      await missing.close();
    }
  });

  it('no converter at all (PDF=off): 501 pdf_unavailable', async () => {
    const app = createTestApp();
    try {
      const res = await request(app.app)
        .post('/api/v1/documents/checklist?format=pdf')
        .set('Content-Type', 'application/json')
        .send(samplePackage('bhutan-accession'));
      expect(expectApiError(res, 501, 'pdf_unavailable').detail).toContain('PDF=off');
    } finally {
      app.close();
    }
  });
});

describe('a stuck conversion', () => {
  it('is killed after its timeout, answered as an error, and LibreOffice is started again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-stuck-'));
    // A stand-in soffice: the resident opens its kept file (its lock file appears) and waits; a
    // conversion never ends.
    const fake = path.join(dir, 'soffice');
    fs.writeFileSync(
      fake,
      '#!/bin/sh\ncase "$*" in *--convert-to*) exec sleep 30 ;; esac\n: > ".~lock.keep.txt#"\nexec sleep 30\n',
      { mode: 0o755 },
    );
    const stuck = createPdfConverter({
      availability: { available: true, soffice: fake },
      parentDir: dir,
      timeoutMs: 800,
    });
    try {
      await expect(stuck.convert(Buffer.from('x'))).rejects.toEqual(
        new PdfError('timeout', 'the conversion took longer than 800 ms'),
      );
      expect(stuck.residentPid).toBeUndefined();
      await expect(stuck.convert(Buffer.from('x'))).rejects.toBeInstanceOf(PdfError);
      expect(stuck.starts).toBe(2);
      // One conversion at a time, and none waiting with a queue of 0: a second is refused at once.
      const single = createPdfConverter({
        availability: { available: true, soffice: fake },
        parentDir: dir,
        timeoutMs: 800,
        queue: 0,
      });
      const first = single.convert(Buffer.from('x'));
      await expect(single.convert(Buffer.from('x'))).rejects.toEqual(
        new PdfError('busy', 'the PDF queue is full'),
      );
      await expect(first).rejects.toBeInstanceOf(PdfError);
      await single.close();
    } finally {
      await stuck.close();
      expect(fs.readdirSync(dir)).toEqual(['soffice']);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
