/**
 * Reading the packages named on the command line: each file is read, parsed as JSON and against the
 * package schema, and is either a package, a package refused with the API's code and issues
 * (`malformed_json`, `invalid_package`), or a file that could not be read (exit code 3).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Package } from '../domain/package';
import { parsePackage } from '../domain/validate';
import { localizeIssue, type LocalizedIssue, type Translator } from '../i18n/messages';

/** What a package's line on the terminal says: its code, message and issues (as the API's error). */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly issues: readonly unknown[];
}

export type Loaded =
  | { readonly kind: 'package'; readonly file: string; readonly pkg: Package }
  | { readonly kind: 'refused'; readonly file: string; readonly problem: Problem }
  | { readonly kind: 'unreadable'; readonly file: string; readonly message: string };

/** Why a file could not be read or written, in words (the system's code, e.g. ENOENT, stays as it is). */
export function ioMessage(
  tr: Translator,
  key: 'cli.errors.cannotRead' | 'cli.errors.cannotWrite',
  file: string,
  err: unknown,
): string {
  const reason = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
  return tr.t(key, { file, reason });
}

/** The character a JSON syntax error is near, from Node's message ("... at position 12"). */
function jsonErrorPosition(err: unknown, text: string): number {
  const match = err instanceof Error ? /position (\d+)/.exec(err.message) : null;
  return match ? Number(match[1]) : text.length;
}

export function loadPackage(file: string, cwd: string, tr: Translator): Loaded {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    return { kind: 'unreadable', file, message: ioMessage(tr, 'cli.errors.cannotRead', file, err) };
  }
  let input: unknown;
  try {
    // A byte-order mark (a file saved by some Windows editors) is not part of the JSON.
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      kind: 'refused',
      file,
      problem: {
        code: 'malformed_json',
        message: tr.t('cli.errors.notJson', { position: jsonErrorPosition(err, text) }),
        issues: [],
      },
    };
  }
  const parsed = parsePackage(input);
  if (parsed.ok) return { kind: 'package', file, pkg: parsed.pkg };
  const issues: LocalizedIssue[] = parsed.issues.map((i) => localizeIssue(i, tr));
  return {
    kind: 'refused',
    file,
    problem: {
      code: 'invalid_package',
      message: tr.t('api.errors.invalidPackage', { count: issues.length }),
      issues,
    },
  };
}

/** An issue's line under its package: severity, code, where (the path, or the package) and message. */
export function issueLine(
  tr: Translator,
  issue: { severity: string; code: string; message: string; field?: string | null; path: string },
): string {
  return `  ${tr.t('cli.issue', {
    severity: tr.t(`severities.${issue.severity}`),
    code: issue.code,
    field: issue.path === '' ? (issue.field ?? '') : issue.path,
    message: issue.message,
  })}`;
}
