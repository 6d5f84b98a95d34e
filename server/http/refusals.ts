/**
 * A refusal to produce a document (documents/produce.ts) as a problem: its status, code, message key
 * and parameters, and its issues, in the caller's language. The API's error (api.ts) and the command
 * line's (cli/render.ts) are both made from it, so they say the same thing. Loads no Express.
 */
import type { Refusal } from '../documents/produce';
import { localizeIssue, type Translator } from '../i18n/messages';
import { invalidPackageProblem, type ApiIssue, type ErrorCode } from './errors';
import { missingAsIssue } from './present';

export interface RefusalProblem {
  readonly status: number;
  readonly code: ErrorCode;
  /** i18next key in common: and its parameters. */
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly issues: readonly ApiIssue[];
  /** For `busy`: the seconds to wait (Retry-After). */
  readonly retryAfterSeconds?: number;
}

/** The same items once, in the order first met (an issue both languages report is listed once). */
function once<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const problem = (
  status: number,
  code: ErrorCode,
  messageKey: string,
  params: Record<string, string | number> = {},
  issues: readonly ApiIssue[] = [],
): RefusalProblem => ({ status, code, messageKey, params, issues });

export function refusalProblem(refusal: Refusal, tr: Translator): RefusalProblem {
  switch (refusal.reason) {
    case 'invalid-package':
      // The body is not a package: every issue, as /validate's 422 says them.
      return invalidPackageProblem(refusal.issues, tr);
    case 'unknown-document':
    case 'not-offered':
      return problem(404, 'not_found', 'api.errors.notFoundApi');
    case 'no-instrument':
      // A party's later notification deposits no instrument, and has no full powers to sign one (VCLT 7).
      return problem(422, 'no_instrument', 'api.errors.noInstrumentInNotification');
    case 'format-missing':
      return problem(400, 'missing_parameter', 'api.errors.missingParameter', {
        name: 'format',
        allowed: refusal.allowed.join(', '),
      });
    case 'treaty-missing':
      return problem(400, 'missing_parameter', 'api.errors.missingParameter', {
        name: 'treaty',
        allowed: refusal.allowed.join(', '),
      });
    case 'treaty-not-in-package':
      return problem(422, 'treaty_not_in_package', 'api.errors.treatyNotInPackage', {
        treaty: refusal.treaty,
        allowed: refusal.allowed.join(', '),
      });
    case 'full-powers-organization':
      return problem(422, 'full_powers_not_needed', 'api.errors.fullPowersNotForOrganization');
    case 'full-powers-not-needed':
      return problem(422, 'full_powers_not_needed', 'api.errors.fullPowersNotNeeded', {
        office: tr.t(`legal:offices.${refusal.office}`),
      });
    case 'final-refused': {
      // The error speaks the caller's language, its message and its issues alike; in two languages,
      // what either lacks, once (an untranslated answer names its language).
      const missing = once(refusal.editions.flatMap((e) => e.checklist.missing));
      const errors = once(refusal.editions.flatMap((e) => e.issues.filter((i) => i.severity === 'error')));
      return problem(
        422,
        'final_refused',
        'api.errors.finalRefused',
        {
          missing: tr.t('api.counts.missing', { count: missing.length }),
          errors: tr.t('api.counts.errors', { count: errors.length }),
        },
        [...missing.map((i) => missingAsIssue(i, tr)), ...errors.map((i) => localizeIssue(i, tr))],
      );
    }
    case 'pdf-unavailable':
      // Not a passing state: LibreOffice is not installed, or PDF is turned off, on this server.
      return problem(501, 'pdf_unavailable', `api.errors.pdfUnavailable.${refusal.why}`);
    case 'pdf-failed':
      return {
        ...problem(503, 'pdf_failed', 'api.errors.pdfFailed', { seconds: refusal.retryAfterSeconds }),
        retryAfterSeconds: refusal.retryAfterSeconds,
      };
    case 'busy':
      return {
        ...problem(503, 'busy', 'api.errors.busy', { seconds: refusal.retryAfterSeconds }),
        retryAfterSeconds: refusal.retryAfterSeconds,
      };
  }
}
