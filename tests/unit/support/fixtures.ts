/**
 * Package fixtures as folders (STYLE habit 11): tests/fixtures/packages/{good,bad}/<case>/package.json,
 * with an expect.json saying what the domain must report. A new case is a new folder; the suites
 * enumerate them. The real participation data and a pinned clock are used, never mocks.
 *
 * expect.json (checked strictly, so a misspelt key fails instead of being ignored):
 * - description: what the case is about, with the article it tests;
 * - parse: false when the zod schema must reject the package;
 * - issues: issues that must be present, each { code, path, severity?, params?, source? }; in a bad
 *   case the errors listed must be exactly the errors reported;
 * - warnings: in a good case, exactly the warnings reported (none if absent);
 * - infos: information issues that must be present;
 * - absent: issues that must not be reported (same matching as issues);
 * - checklist: status by requirement id, or { status, reason?, supplied?, due? } with message keys;
 *   the items listed as "missing" must be exactly the missing items;
 * - finalAllowed: whether final documents are allowed (a bad case is never allowed);
 * - entryIntoForce: per treaty, the date (or null), or { date, basis }.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadParticipation, type Participation } from '../../../server/catalogue';
import { STATUSES } from '../../../server/domain/checklist';
import type { Issue, PathSegment } from '../../../server/domain/issues';
import {
  assessPackage,
  parsePackage,
  type Assessment,
  type ParseResult,
} from '../../../server/domain/validate';
import { PATHS } from '../../../server/paths';

/** The pinned clock of every domain test. */
export const TODAY = '2026-12-01';

export const FIXTURES_DIR = path.join(PATHS.root, 'tests', 'fixtures', 'packages');

let participationCache: Participation | null = null;

/** The real participation data (server/catalogue/data), read once per test file. */
export function participation(): Participation {
  participationCache ??= loadParticipation(PATHS.participationData);
  return participationCache;
}

const ExpectedIssueSchema = z.strictObject({
  code: z.string().regex(/^(schema|rules)\.[A-Za-z.]+$/),
  path: z.string(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  source: z.strictObject({ instrument: z.string(), article: z.string() }).nullable().optional(),
});
export type ExpectedIssue = z.infer<typeof ExpectedIssueSchema>;

const ChecklistExpectationSchema = z.union([
  z.enum(STATUSES),
  z.strictObject({
    status: z.enum(STATUSES),
    reason: z.string().nullable().optional(),
    supplied: z.array(z.string()).optional(),
    due: z.string().nullable().optional(),
  }),
]);

const DateOrNull = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();

const ExpectationSchema = z.strictObject({
  description: z.string().min(10),
  parse: z.literal(false).optional(),
  issues: z.array(ExpectedIssueSchema).optional(),
  warnings: z.array(ExpectedIssueSchema).optional(),
  infos: z.array(ExpectedIssueSchema).optional(),
  absent: z.array(ExpectedIssueSchema.partial({ path: true })).optional(),
  checklist: z.record(z.string(), ChecklistExpectationSchema).optional(),
  finalAllowed: z.boolean().optional(),
  entryIntoForce: z
    .partialRecord(
      z.enum(['untoc', 'tip', 'som', 'fp']),
      z.union([DateOrNull, z.strictObject({ date: DateOrNull, basis: z.string().nullable() })]),
    )
    .optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export interface Fixture {
  readonly kind: 'good' | 'bad';
  readonly name: string;
  readonly input: unknown;
  readonly expect: Expectation | null;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

/** Every fixture folder of one kind, in name order. Throws on a folder without package.json. */
export function loadFixtures(kind: 'good' | 'bad'): Fixture[] {
  const dir = path.join(FIXTURES_DIR, kind);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = path.join(dir, name);
      const expectFile = path.join(folder, 'expect.json');
      let expectation: Expectation | null = null;
      if (fs.existsSync(expectFile)) {
        const result = ExpectationSchema.safeParse(readJson(expectFile));
        if (!result.success) throw new Error(`${kind}/${name}/expect.json: ${z.prettifyError(result.error)}`);
        expectation = result.data;
      }
      return { kind, name, input: readJson(path.join(folder, 'package.json')), expect: expectation };
    });
}

export function allFixtures(): Fixture[] {
  return [...loadFixtures('good'), ...loadFixtures('bad')];
}

/** "treaties[0].instrument", as expect.json writes paths. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>(
    (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : String(seg)),
    '',
  );
}

/** An issue in the shape expect.json compares against. */
export interface IssueView {
  readonly code: string;
  readonly path: string;
  readonly severity: Issue['severity'];
  readonly params: Issue['params'];
  readonly source: Issue['source'];
}

export function view(issue: Issue): IssueView {
  return {
    code: issue.code,
    path: formatPath(issue.path),
    severity: issue.severity,
    params: issue.params,
    source: issue.source,
  };
}

/** A jest matcher object for an expected issue: code and path exact, params a subset. */
export function expectedIssue(e: Partial<ExpectedIssue> & { code: string }): unknown {
  const wanted: Record<string, unknown> = { code: e.code };
  if (e.path !== undefined) wanted.path = e.path;
  if (e.severity) wanted.severity = e.severity;
  if (e.params) wanted.params = expect.objectContaining(e.params);
  if (e.source !== undefined) wanted.source = e.source;
  return expect.objectContaining(wanted);
}

/** "error rules.x @ treaties[0].instrument", for exact comparisons that read well in a diff. */
export function summary(i: { severity?: string; code: string; path?: string }): string {
  return `${i.severity ?? '?'} ${i.code} @ ${i.path ?? '?'}`;
}

export interface Outcome {
  readonly parsed: ParseResult;
  readonly assessment: Assessment | null;
}

/** Parse, and when the package parses, assess it with the real data and the pinned clock. */
export function run(input: unknown): Outcome {
  const parsed = parsePackage(input);
  return {
    parsed,
    assessment: parsed.ok
      ? assessPackage(parsed.pkg, { participation: participation(), today: TODAY })
      : null,
  };
}
