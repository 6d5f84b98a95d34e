/**
 * Documents rendered by the worker pool for real (documents/pool.ts, worker.ts, loaded from the
 * TypeScript sources by tests/support/document-worker.js): the files are byte for byte those rendered in
 * process; a full pool answers 503 with Retry-After and a message in the request's language, at once,
 * and loses no request; a page is answered while documents render. Nothing is timed here (bench/run.ts
 * measures).
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import { createDocumentPool } from '../../server/documents/pool';
import type { DocumentRenderer } from '../../server/documents/produce';
import {
  bhutanWithFullPowers,
  createTestApp,
  draftThroughApi,
  samplePackage,
  type TestApp,
} from './test-app';

const WORKER = path.join(__dirname, '..', 'support', 'document-worker.js');
const SLOW_WORKER = path.join(__dirname, '..', 'support', 'slow-document-worker.js');
const PRIORITY_WORKER = path.join(__dirname, '..', 'support', 'priority-document-worker.js');

const binary = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** The only difference allowed: the writer stamps docProps/core.xml with the time of rendering. */
const TIMESTAMP = /(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:)/g;

/**
 * A file as its parts, by name: a .zip's entries, each .docx inside opened in turn, core.xml's timestamps
 * blanked; any other file as it is.
 */
async function partsOf(bytes: Buffer, prefix = ''): Promise<Record<string, string>> {
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') return { [prefix]: bytes.toString('base64') };
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const entry of Object.values(zip.files)) {
    const content = await entry.async('nodebuffer');
    if (entry.name.endsWith('.docx')) Object.assign(parts, await partsOf(content, `${prefix}${entry.name}/`));
    else parts[`${prefix}${entry.name}`] = content.toString('utf8').replace(TIMESTAMP, '$1$2');
  }
  return parts;
}

/** The app served on a port of its own, so that concurrent requests share one server. */
function listen(app: TestApp['app']): Promise<http.Server> {
  return new Promise((resolve) => {
    const server = http.createServer(app);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const close = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

describe('files from the worker pool', () => {
  let pool: DocumentRenderer;
  let pooled: TestApp;
  let inProcess: TestApp;

  beforeAll(() => {
    pool = createDocumentPool({ workers: 1, queue: 4, filename: WORKER });
    pooled = createTestApp({ documents: pool });
    inProcess = createTestApp();
  });
  afterAll(async () => {
    pooled.close();
    inProcess.close();
    await pool.close();
  });

  const cases: [string, string, Record<string, unknown>][] = [
    ['bundle', '', samplePackage('thailand-som-ratification')],
    ['bundle', '?lang=ar,en', bhutanWithFullPowers()],
    ['instrument', '?treaty=untoc&lang=zh', samplePackage('bhutan-accession')],
    ['full-powers', '', bhutanWithFullPowers()],
    ['checklist', '?lang=fr', samplePackage('thailand-som-ratification')],
    ['checklist', '?format=html', samplePackage('bhutan-accession')],
  ];
  test.each(cases)('%s%s is identical to the one rendered in process', async (name, query, pkg) => {
    const post = (t: TestApp) =>
      binary(
        request(t.app)
          .post(`/api/v1/documents/${name}${query}`)
          .set('Content-Type', 'application/json')
          .send(pkg),
      );
    const [a, b] = await Promise.all([post(pooled), post(inProcess)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(a.headers['content-disposition']).toBe(b.headers['content-disposition']);
    expect(a.headers['content-language']).toBe(b.headers['content-language']);
    expect((a.body as Buffer).length).toBeGreaterThan(0);
    expect(await partsOf(a.body as Buffer)).toEqual(await partsOf(b.body as Buffer));
  });

  // The body is checked against the package's schema on the worker: its refusals are the in-process ones.
  const refused: [string, string, unknown][] = [
    ['bundle', '?lang=fr', { ...samplePackage('bhutan-accession'), signing: { date: '2021-02-31' } }],
    ['checklist', '', []],
    ['instrument', '', samplePackage('bhutan-accession')],
    ['bundle', '?mode=final', { ...samplePackage('bhutan-accession'), signatory: {} }],
  ];
  test.each(refused)('%s%s refused by the worker as in process', async (name, query, body) => {
    const post = (t: TestApp) =>
      request(t.app)
        .post(`/api/v1/documents/${name}${query}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
    const [a, b] = await Promise.all([post(pooled), post(inProcess)]);
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expect({ status: a.status, body: a.body as unknown }).toEqual({
      status: b.status,
      body: b.body as unknown,
    });
  });

  test("a draft's bundle downloaded from its page is identical too", async () => {
    const pkg = bhutanWithFullPowers();
    const get = async (t: TestApp) => {
      const { url } = await draftThroughApi(t.app, pkg);
      return binary(request(t.app).get(`${url}/documents/bundle?mode=draft&doclang=fr&doclang2=ru`));
    };
    const [a, b] = await Promise.all([get(pooled), get(inProcess)]);
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toBe('no-store');
    expect(a.headers['content-disposition']).toBe(b.headers['content-disposition']);
    // The two drafts' items have ids of their own, which the package in the bundle holds.
    const ids = (parts: Record<string, string>) =>
      Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.replace(/"id": "[^"]*"/g, '"id": ""')]));
    expect(ids(await partsOf(a.body as Buffer))).toEqual(ids(await partsOf(b.body as Buffer)));
  });
});

// DOCUMENT_WORKER_NICE: the workers yield the cores to the event loop (Linux, where a thread has its own nice).
(process.platform === 'linux' ? describe : describe.skip)("the workers' CPU priority", () => {
  const priorityOf = async (nice: number | undefined) => {
    const pool = createDocumentPool({
      workers: 1,
      queue: 1,
      filename: PRIORITY_WORKER,
      ...(nice === undefined ? {} : { nice }),
    });
    try {
      const answer = await pool.produce({} as never);
      if (answer === 'busy' || answer.kind !== 'rendered') throw new Error('the pool gave no answer');
      return answer.bytes[0];
    } finally {
      await pool.close();
    }
  };

  it('is the nice value asked, on the worker threads only', async () => {
    const before = os.getPriority(0);
    expect(await priorityOf(7)).toBe(7);
    expect(await priorityOf(19)).toBe(19);
    // The event loop's thread keeps its own.
    expect(os.getPriority(0)).toBe(before);
  });

  it('is left as it is by default and with 0', async () => {
    expect(await priorityOf(undefined)).toBe(os.getPriority(0));
    expect(await priorityOf(0)).toBe(os.getPriority(0));
  });
});

describe('a full pool', () => {
  let pool: DocumentRenderer;
  let t: TestApp;
  let server: http.Server;

  beforeAll(async () => {
    // One slow worker and room for one job waiting: a third job at once is refused.
    pool = createDocumentPool({ workers: 1, queue: 1, filename: SLOW_WORKER });
    t = createTestApp({ documents: pool });
    server = await listen(t.app);
    // The worker's first job loads the sources: done before the tests.
    const warm = await request(server)
      .post('/api/v1/documents/notifications')
      .set('Content-Type', 'application/json')
      .send(samplePackage('bhutan-accession'));
    expect(warm.status).toBe(200);
  });
  afterAll(async () => {
    await close(server);
    t.close();
    await pool.close();
  });

  const bundle = (lang = 'en') =>
    binary(
      request(urlOf(server))
        .post('/api/v1/documents/bundle')
        .set('Content-Type', 'application/json')
        .set('Accept-Language', lang)
        .send(samplePackage('thailand-som-ratification')),
    );

  test('answers 503 busy with Retry-After at once, and every request is answered', async () => {
    const answers = await Promise.all([bundle(), bundle(), bundle(), bundle('fr')]);
    const statuses = answers.map((a) => a.status).sort();
    // Nothing lost: every request has an answer, a file or a refusal; none is a fault.
    expect(statuses).toEqual([200, 200, 503, 503]);
    const files = answers.filter((a) => a.status === 200).map((a) => a.body as Buffer);
    expect(await partsOf(files[0]!)).toEqual(await partsOf(files[1]!));
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      const error = JSON.parse((refused.body as Buffer).toString('utf8')) as { code: string; detail: string };
      expect(error.code).toBe('busy');
      expect(error.detail).toMatch(/busy producing other documents|occupé à produire d'autres documents/);
    }
    // The French request, if refused, is refused in French.
    const french = answers[3]!;
    if (french.status === 503) expect((french.body as Buffer).toString('utf8')).toMatch(/Réessayez/);
    // Once the pool is free, the same request succeeds.
    const again = await bundle();
    expect(again.status).toBe(200);
    expect(await partsOf(again.body as Buffer)).toEqual(await partsOf(files[0]!));
  });

  test("a page's download refused is an error page in the page's language, with Retry-After", async () => {
    const { url } = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const download = () =>
      request(urlOf(server)).get(`${url}/documents/bundle?mode=draft`).set('Accept-Language', 'fr');
    const answers = await Promise.all([download(), download(), download()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503]);
    const refused = answers.find((a) => a.status === 503)!;
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.text).toContain('<h1');
    expect(refused.text).toContain('Le service est occupé');
    expect(refused.text).toContain('Réessayez dans un instant.');
  });

  test('a page is answered while documents render', async () => {
    const order: string[] = [];
    const bundles = [bundle(), bundle()].map((p) => p.then((res) => order.push(`bundle ${res.status}`)));
    // The two bundles are in the pool (one rendering, one waiting) before the page is asked for.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const page = request(urlOf(server))
      .get('/')
      .then((res) => order.push(`page ${res.status}`));
    await Promise.all([...bundles, page]);
    expect(order[0]).toBe('page 200');
    expect(order.slice(1)).toEqual(['bundle 200', 'bundle 200']);
  });
});
