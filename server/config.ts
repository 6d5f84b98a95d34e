/**
 * All configuration, read once from the environment and checked: a bad variable stops the server at
 * start-up, naming every problem (STYLE habit 1). Nothing else reads process.env.
 */
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on; 127.0.0.1 by default so a workstation does not expose drafts to its network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded SQLite database lives. */
  DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'data')),
  /** Largest request body accepted, in bytes (a package is a few kilobytes). */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(256 * 1024),
  /** "off" silences the one-line request log (method, path, status, duration; never a body). */
  REQUEST_LOG: z.enum(['on', 'off']).default('on'),
  /**
   * Drafts hold officials' names and contacts: one unchanged for this many days is deleted (at start-up
   * and once a day). A year by default: joining a treaty can take months of internal procedure.
   */
  DRAFT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** No new draft, import or save once the database uses this many bytes (1 GiB by default). */
  DATABASE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .default(1024 * 1024 * 1024),
  /** Behind a reverse proxy: whose X-Forwarded-For and -Proto to believe (parseTrustProxy). */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'object' && 'problem' in parsed) {
        ctx.issues.push({ code: 'custom', message: parsed.problem, input: value });
        return z.NEVER;
      }
      return parsed;
    }),
  /**
   * The origins whose pages may call /api/v1 from a browser (CORS, http/cors.ts): exact origins
   * ("https://app.example.org"), separated by commas; none by default. Never with credentials.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const parsed = parseCorsOrigins(value);
      if ('problem' in parsed) {
        ctx.issues.push({ code: 'custom', message: parsed.problem, input: value });
        return z.NEVER;
      }
      return parsed.origins;
    }),
  /** New or imported drafts one client address may create per window (0: no limit). */
  DRAFT_CREATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
  DRAFT_CREATE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** Worker threads building and rendering documents (documents/pool.ts); the cores by default. */
  DOCUMENT_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /**
   * Documents that may wait for a worker; beyond, the server answers 503 with Retry-After at once. Four
   * per worker by default.
   */
  DOCUMENT_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
  /**
   * The document workers' CPU priority on Linux (nice, 0 to 19, per thread): 10 by default, so that when
   * the cores are busy with documents the event loop (pages, the API's small answers) goes first. 0 gives
   * the workers the event loop's priority (on a machine shared with busy processes, niced workers get
   * less of the CPU than those processes).
   */
  DOCUMENT_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** PDF of the documents through LibreOffice (documents/pdf.ts): "off" offers none. */
  PDF: z.enum(['on', 'off']).default('on'),
  /** The soffice program; the first "soffice" on PATH by default. A path that names none: PDF unavailable. */
  SOFFICE_PATH: z.string().min(1).optional(),
  /** PDF conversions that may wait for the one running; beyond, 503 with Retry-After. */
  PDF_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** The longest one conversion may take before LibreOffice is killed and started again. */
  PDF_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
});

/** Express's "trust proxy": false, true, a number of hops, or addresses, subnets and names. */
export type TrustProxy = boolean | number | readonly string[];

/**
 * TRUST_PROXY as Express takes it: "false" (the default: the client is whoever connects), "true" (any
 * proxy: only when the proxy is the only way in, as then a client can claim any address), a number of
 * proxy hops, or a comma-separated list of addresses, subnets ("10.0.0.0/8") and proxy-addr's names
 * (loopback, linklocal, uniquelocal). The list is compiled here, by Express itself, so a bad entry stops
 * the server at start-up instead of at the first request.
 */
function parseTrustProxy(raw: string): TrustProxy | { problem: string } {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === ''))
    return { problem: 'an empty entry in the list (two commas, or one at an end)' };
  try {
    express().set('trust proxy', entries);
  } catch (err) {
    return {
      problem: `${err instanceof Error ? err.message : String(err)}: give false, true, a number of proxies, or addresses, subnets (10.0.0.0/8) and loopback, linklocal, uniquelocal, separated by commas`,
    };
  }
  return entries;
}

/**
 * CORS_ORIGINS: exact origins, scheme, host and port as a browser sends them in Origin (no path, no
 * trailing slash, no wildcard: an origin is compared as a whole string), http or https, separated by
 * commas; empty for none.
 */
export function parseCorsOrigins(raw: string): { origins: readonly string[] } | { problem: string } {
  const value = raw.trim();
  if (value === '') return { origins: [] };
  const origins: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim())) {
    if (entry === '') return { problem: 'an empty entry in the list (two commas, or one at an end)' };
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (
      !url ||
      (url.protocol !== 'https:' && url.protocol !== 'http:') ||
      url.origin !== entry ||
      !/^[a-z0-9.\-[\]:]+$/.test(url.host)
    )
      return {
        problem: `"${entry}" is not an origin: give scheme, host and port only, as a browser sends them (https://app.example.org, http://localhost:8080), without a path, a trailing slash or a wildcard`,
      };
    origins.push(entry);
  }
  return { origins: [...new Set(origins)] };
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly bodyLimitBytes: number;
  readonly requestLog: boolean;
  readonly draftRetentionDays: number;
  readonly databaseMaxBytes: number;
  readonly trustProxy: TrustProxy;
  /** The origins allowed to call /api/v1 from a browser (http/cors.ts); empty: none. */
  readonly corsOrigins: readonly string[];
  readonly draftCreateLimit: { readonly limit: number; readonly windowMinutes: number };
  /** The document worker pool: its threads and how many documents may wait for one. */
  readonly documentWorkers: number;
  readonly documentQueue: number;
  readonly documentWorkerNice: number;
  /** PDF through a resident LibreOffice (documents/pdf.ts). */
  readonly pdf: {
    readonly enabled: boolean;
    readonly sofficePath: string | undefined;
    readonly queue: number;
    readonly timeoutMs: number;
    /** Where soffice is looked for without SOFFICE_PATH: the PATH the server was started with. */
    readonly searchPath: string;
  };
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const documentWorkers = e.DOCUMENT_WORKERS ?? os.availableParallelism();
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    requestLog: e.REQUEST_LOG === 'on',
    draftRetentionDays: e.DRAFT_RETENTION_DAYS,
    databaseMaxBytes: e.DATABASE_MAX_BYTES,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    draftCreateLimit: { limit: e.DRAFT_CREATE_LIMIT, windowMinutes: e.DRAFT_CREATE_WINDOW_MINUTES },
    documentWorkers,
    documentQueue: e.DOCUMENT_QUEUE ?? 4 * documentWorkers,
    documentWorkerNice: e.DOCUMENT_WORKER_NICE,
    pdf: {
      enabled: e.PDF === 'on',
      sofficePath: e.SOFFICE_PATH,
      queue: e.PDF_QUEUE,
      timeoutMs: e.PDF_TIMEOUT_SECONDS * 1000,
      searchPath: env.PATH ?? '',
    },
  };
}
