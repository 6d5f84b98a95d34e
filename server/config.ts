/**
 * All configuration, read once from the environment and checked: a bad variable stops the server at
 * start-up, naming every problem (STYLE habit 1). Nothing else reads process.env.
 */
import path from 'node:path';
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
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly bodyLimitBytes: number;
  readonly requestLog: boolean;
  readonly draftRetentionDays: number;
  readonly databaseMaxBytes: number;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    requestLog: e.REQUEST_LOG === 'on',
    draftRetentionDays: e.DRAFT_RETENTION_DAYS,
    databaseMaxBytes: e.DATABASE_MAX_BYTES,
  };
}
