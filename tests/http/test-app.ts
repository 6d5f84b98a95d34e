/**
 * The app as the HTTP tests see it: the real createApp with a real temporary SQLite file, the real
 * participation data and locales, a fixed clock and a memory logger (so tests can read the request log).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp, type AppDeps } from '../../server/app';
import { loadParticipation, type Participation } from '../../server/catalogue';
import { createI18n, type I18n } from '../../server/i18n';
import { createMemoryLogger } from '../../server/logger';
import { PATHS } from '../../server/paths';
import { openStore, type Store } from '../../server/store/store';

/** "Today" for every test: 1 December 2026, before the samples' planned deposits in January 2027. */
export const FIXED_NOW = '2026-12-01T12:00:00Z';
export const DEFAULT_BODY_LIMIT = 262144;

// Loading the data and locales takes a moment; they never change, so every app shares them.
let shared: { i18n: I18n; participation: Participation } | undefined;
function sharedDeps() {
  shared ??= { i18n: createI18n(PATHS.locales), participation: loadParticipation(PATHS.participationData) };
  return shared;
}

export interface TestApp {
  readonly app: Express;
  readonly store: Store;
  /** The request log and any error lines, one JSON string per line. */
  readonly logLines: string[];
  /** The folder holding the SQLite file. */
  readonly dir: string;
  /** Close the store and delete its folder. */
  close(): void;
}

export interface FileApp {
  readonly app: Express;
  readonly store: Store;
  /** The request log and any error lines, one JSON string per line. */
  readonly logLines: string[];
  readonly file: string;
}

/** What a test may set: the rest is the tests' fixed clock, memory logger and shared data. */
export type TestOverrides = Partial<
  Pick<
    AppDeps,
    | 'bodyLimitBytes'
    | 'requestLog'
    | 'trustProxy'
    | 'corsOrigins'
    | 'draftCreateLimit'
    | 'draftRetentionDays'
    | 'databaseMaxBytes'
    | 'clock'
    | 'i18n'
    | 'documents'
    | 'pdf'
  >
>;

/**
 * The real app over the SQLite file `file` (created if absent), with the tests' fixed clock and a memory
 * logger: a second app on a closed app's file is the service restarted on the same data.
 */
export function createAppOnFile(file: string, overrides: TestOverrides = {}): FileApp {
  const store = openStore(file);
  const logger = createMemoryLogger();
  const { i18n, participation } = sharedDeps();
  const app = createApp({
    i18n: overrides.i18n ?? i18n,
    participation,
    store,
    logger,
    clock: overrides.clock ?? (() => new Date(FIXED_NOW)),
    bodyLimitBytes: overrides.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    requestLog: overrides.requestLog ?? true,
    draftRetentionDays: overrides.draftRetentionDays ?? 365,
    databaseMaxBytes: overrides.databaseMaxBytes ?? 1024 * 1024 * 1024,
    trustProxy: overrides.trustProxy ?? false,
    corsOrigins: overrides.corsOrigins ?? [],
    // Off unless a test turns it on: the journey tests create many drafts from one address.
    draftCreateLimit: overrides.draftCreateLimit ?? { limit: 0, windowMinutes: 10 },
    // In process unless a test gives the worker pool (tests/http/document-pool.test.ts).
    ...(overrides.documents ? { documents: overrides.documents } : {}),
    // No PDF unless a test gives a converter (tests/http/pdf.test.ts).
    ...(overrides.pdf ? { pdf: overrides.pdf } : {}),
  });
  return { app, store, logLines: logger.lines, file };
}

export function createTestApp(overrides: TestOverrides = {}): TestApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accession-http-'));
  const { app, store, logLines } = createAppOnFile(path.join(dir, 'test.sqlite'), overrides);
  return {
    app,
    store,
    logLines,
    dir,
    close: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A sample package from examples/, parsed afresh (tests may change their copy). */
export function samplePackage(
  name: 'bhutan-accession' | 'thailand-som-ratification',
): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(PATHS.root, 'examples', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Bhutan's sample signed by its Permanent Representative, who needs full powers (VCLT 7(1)(a)). */
export function bhutanWithFullPowers(): Record<string, unknown> {
  return {
    ...samplePackage('bhutan-accession'),
    signatory: {
      name: 'Jane Envoy',
      title: 'Ambassador and Permanent Representative of the Kingdom of Bhutan to the United Nations',
      office: 'other',
    },
    fullPowers: {
      issuer: {
        name: 'Pema Example',
        title: 'Minister for Foreign Affairs and External Trade',
        office: 'minister-for-foreign-affairs',
      },
      place: 'Thimphu',
      date: '2027-01-05',
    },
  };
}

/** A draft made from `pkg` as the API creates it (POST /api/v1/drafts): its id and its pages' address. */
export async function draftThroughApi(
  app: Express,
  pkg: Record<string, unknown>,
): Promise<{ id: string; url: string }> {
  const res = await request(app).post('/api/v1/drafts').set('Content-Type', 'application/json').send(pkg);
  if (res.status !== 201) throw new Error(`POST /api/v1/drafts answered ${res.status}`);
  const id = (res.body as { id: string }).id;
  return { id, url: `/drafts/${id}` };
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
