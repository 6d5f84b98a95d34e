/**
 * The OpenAPI document (GET /api/v1/openapi.json): valid OpenAPI 3.1 by a maintained validator; the same
 * addresses and methods as Express's router, no more, no fewer; every field of the package with its
 * label and a fixture's example; and the integrator's check: a typed client generated from the served
 * document with openapi-typescript type-checks, and the same client renders an instrument from the real
 * app (SQLite store, listening on a port) as a .docx.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { validate, compileErrors } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import type { Router } from 'express';
import request from 'supertest';
import { API_ROUTES } from '../../server/http/api-routes';
import { PATHS } from '../../server/paths';
import { openApiExamples } from '../../server/http/openapi-examples';
import { examplesFile, fixtureExamples, packageExample } from '../support/openapi-examples';
import { buildTypedClient, tsc } from '../support/typed-client';
import { docxText, postJson } from './helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';

let t: TestApp;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};
beforeAll(async () => {
  t = createTestApp();
  const res = await request(t.app).get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  doc = res.body as typeof doc;
});
afterAll(() => t.close());

test('the examples come from the package fixtures (regenerate with UPDATE_OPENAPI_EXAMPLES=1)', () => {
  if (process.env.UPDATE_OPENAPI_EXAMPLES === '1') {
    const file = PATHS.openApiExamples;
    fs.writeFileSync(file, examplesFile());
    execFileSync(path.join(PATHS.root, 'node_modules', '.bin', 'prettier'), ['--write', file]);
    return;
  }
  expect(openApiExamples().fields).toEqual(fixtureExamples());
  expect(openApiExamples().package).toEqual(packageExample());
});

test('is valid OpenAPI 3.1', async () => {
  expect(doc.openapi).toBe('3.1.0');
  const result = await validate(structuredClone(doc) as never);
  if (!result.valid) throw new Error(compileErrors(result));
  expect(result.valid).toBe(true);
});

/** Express's routes on a router: each address with its methods (router.all's catch-alls left out). */
function expressRoutes(router: Router): Set<string> {
  const out = new Set<string>();
  for (const layer of router.stack) {
    const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
    if (!route) continue;
    for (const method of Object.keys(route.methods))
      if (method !== '_all') out.add(`${method} ${route.path}`);
  }
  return out;
}

test('every route Express has under /api/v1 is in the document, and nothing else is', () => {
  // The router the app mounts at /api/v1, as Express holds it.
  const mounted = (
    t.app as unknown as { router: { stack: Array<{ name: string; rawPath?: string; handle: Router }> } }
  ).router.stack.filter((layer) => layer.name === 'router' && layer.rawPath === '/api/v1');
  expect(mounted).toHaveLength(1);
  const router = mounted[0]!.handle;
  const fromExpress = expressRoutes(router);
  // The document's paths, back in Express's form (a document's path is one of /documents/:name).
  const fromDocument = new Set<string>();
  for (const [docPath, operations] of Object.entries(doc.paths)) {
    const route = API_ROUTES.find(
      (r) => `/api/v1${(r.path ?? r.express).replace(/:(\w+)/g, '{$1}')}`.replace(/\/$/, '') === docPath,
    );
    expect({ docPath, inTable: route !== undefined }).toEqual({ docPath, inTable: true });
    for (const method of Object.keys(operations)) fromDocument.add(`${method} ${route!.express}`);
  }
  expect([...fromDocument].sort()).toEqual([...fromExpress].sort());
  // Each document has its own path.
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/v1/documents/instrument', '/api/v1/documents/bundle']),
  );
});

test('every field of the package has its label as description and an example from the fixtures', () => {
  const missing: string[] = [];
  const walk = (schema: Record<string, unknown>, key: string) => {
    for (const [name, child] of Object.entries(
      (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      const childKey = key === '' ? name : `${key}/${name}`;
      if (typeof child.description !== 'string' || child.description === '')
        missing.push(`${childKey}: description`);
      if (!Array.isArray(child.examples) || child.examples.length === 0) missing.push(`${childKey}: example`);
      walk(child, childKey);
    }
    for (const list of ['anyOf', 'oneOf', 'allOf'])
      for (const variant of (schema[list] ?? []) as Record<string, unknown>[]) walk(variant, key);
    const items = schema.items as Record<string, unknown> | undefined;
    if (items && !Array.isArray(items)) walk(items, key);
  };
  const pkg = doc.components.schemas.Package!;
  walk(pkg, '');
  // Every field has its example: good/every-field-given gives those no other fixture gives (entry ids,
  // an officer's title, every reservation's explanation, the note's sender, a translation).
  expect(missing).toEqual([]);
  expect(doc.components.schemas.Package!.description).toBe('The package');
  const party = (pkg.properties as Record<string, Record<string, unknown>>).party!;
  expect(party.description).toBe('Party');
});

test('the parameters the API reads are declared', () => {
  const names = (p: string, m: string) => (doc.paths[p]?.[m]?.parameters ?? []).map((x) => x.name).sort();
  expect(names('/api/v1/documents/instrument', 'post')).toEqual(['format', 'lang', 'mode', 'treaty']);
  expect(names('/api/v1/states', 'get')).toEqual(['lang', 'names']);
  expect(names('/api/v1/drafts/{id}', 'put')).toEqual(['If-Match', 'id', 'lang']);
});

describe("an integrator's typed client", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-client-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const CLIENT = `import { readFileSync, writeFileSync } from 'node:fs';
import type { paths } from './api';

type Instrument = paths['/api/v1/documents/instrument']['post'];
type Query = NonNullable<Instrument['parameters']['query']>;
type Package = Instrument['requestBody']['content']['application/json'];
type Problem = Instrument['responses'][422]['content']['application/problem+json'];

export async function renderInstrument(base: string, pkg: Package, query: Query): Promise<ArrayBuffer> {
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
  return res.arrayBuffer();
}

const [base, packageFile, out] = process.argv.slice(2) as [string, string, string];
const pkg = JSON.parse(readFileSync(packageFile, 'utf8')) as Package;
const treaty: Query['treaty'] = 'untoc';
renderInstrument(base, pkg, { treaty, lang: 'en', mode: 'final' }).then(
  (bytes) => writeFileSync(out, Buffer.from(bytes)),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
`;

  test('is generated from the served document, type-checks, and renders an instrument as .docx', async () => {
    buildTypedClient(dir, doc, CLIENT);
    // A type error in the client is caught: the treaty must be one of the document's.
    fs.writeFileSync(path.join(dir, 'wrong.ts'), CLIENT.replace("= 'untoc'", "= 'no-such-treaty'"));
    let typeErrors = '';
    try {
      tsc(dir, ['wrong.ts'], { emit: false });
    } catch (err) {
      typeErrors = String((err as { stdout?: Buffer }).stdout ?? '');
    }
    expect(typeErrors).toMatch(/wrong\.ts.*'"no-such-treaty"' is not assignable/);

    const server = t.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const out = path.join(dir, 'instrument.docx');
      const fixture = path.join(
        PATHS.root,
        'tests',
        'fixtures',
        'packages',
        'good',
        'bhutan-accedes-untoc-tip-som',
        'package.json',
      );
      await new Promise<void>((resolve, reject) => {
        execFile(
          process.execPath,
          [path.join(dir, 'out', 'client.js'), `http://127.0.0.1:${port}`, fixture, out],
          (err, _stdout, stderr) => (err ? reject(new Error(stderr)) : resolve()),
        );
      });
      const bytes = fs.readFileSync(out);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(await docxText(bytes)).toMatch(/Convention against Transnational Organized Crime/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('answers conform to the document', () => {
  /** The schema the document gives for an answer: its operation, status and media type. */
  function validatorFor(docPath: string, method: string, status: number, mediaType: string) {
    const operation = doc.paths[docPath]?.[method] as
      { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } | undefined;
    const schema = operation?.responses[String(status)]?.content?.[mediaType]?.schema;
    expect({ docPath, method, status, mediaType, declared: schema !== undefined }).toMatchObject({
      declared: true,
    });
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'openapi.json', components: doc.components });
    return ajv.compile({ $ref: `openapi.json${(schema as { $ref: string }).$ref}` });
  }

  const expectConforms = (res: request.Response, docPath: string, method: string) => {
    const mediaType = String(res.headers['content-type']).split(';')[0]!;
    const validate = validatorFor(docPath, method, res.status, mediaType);
    const valid = validate(res.body);
    expect({ docPath, status: res.status, errors: valid ? null : validate.errors }).toEqual({
      docPath,
      status: res.status,
      errors: null,
    });
  };

  test('problems, an assessment, a draft, the index and the problem types', async () => {
    const pkg = samplePackage('bhutan-accession');
    expectConforms(await postJson(t.app, '/api/v1/validate', pkg), '/api/v1/validate', 'post');
    expectConforms(await postJson(t.app, '/api/v1/validate', { party: 1 }), '/api/v1/validate', 'post');
    expectConforms(
      await postJson(t.app, '/api/v1/documents/instrument?mode=nope', pkg),
      '/api/v1/documents/instrument',
      'post',
    );
    const created = await postJson(t.app, '/api/v1/drafts', pkg);
    expectConforms(created, '/api/v1/drafts', 'post');
    const id = (created.body as { id: string }).id;
    expectConforms(await request(t.app).get(`/api/v1/drafts/${id}`), '/api/v1/drafts/{id}', 'get');
    expectConforms(
      await request(t.app).put(`/api/v1/drafts/${id}`).set('Content-Type', 'application/json').send(pkg),
      '/api/v1/drafts/{id}',
      'put',
    );
    expectConforms(await request(t.app).get('/api/v1'), '/api/v1', 'get');
    expectConforms(await request(t.app).get('/api/v1/problems'), '/api/v1/problems', 'get');
    expectConforms(await request(t.app).get('/api/v1/problems/busy'), '/api/v1/problems/{code}', 'get');
    expectConforms(await request(t.app).get('/api/v1/health'), '/api/v1/health', 'get');
    // Not vacuous: a body that is not a problem fails.
    const problem = validatorFor('/api/v1/validate', 'post', 422, 'application/problem+json');
    expect(problem({ code: 'invalid_package' })).toBe(false);
    expect(problem({ type: '/x', title: 't', status: 422, detail: 'd', code: 'nope', issues: [] })).toBe(
      false,
    );
  });
});
