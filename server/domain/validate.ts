/**
 * The one entry point of the domain: parse a package, apply the rules, build the checklist and the
 * entry-into-force dates, and say whether final documents may be produced. Pure: the participation data
 * and today's date come in as arguments.
 */
import type { Participation } from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';
import { buildChecklist, type Checklist } from './checklist';
import { entryIntoForceForPackage, type EntryIntoForce } from './entry-into-force';
import { analysePackage, type PackageFacts } from './facts';
import { fromZodIssues, issue, type Issue } from './issues';
import { PackageSchema, type Package } from './package';
import { applyRules, nothingNotified } from './rules';
import { packageInLanguage, translationIssues } from './translations';
import type { Language } from '../i18n/languages';

export interface DomainDeps {
  readonly participation: Participation;
  /** Today's date (from the injected clock). */
  readonly today: IsoDate;
}

export interface Assessment {
  /** The package as documents print it: in another language than the answers', their translations. */
  readonly pkg: Package;
  /** The package as it was given (the answers in their source language, with their translations). */
  readonly answers: Package;
  readonly facts: PackageFacts;
  /** Rule issues, errors first. */
  readonly issues: readonly Issue[];
  readonly checklist: Checklist;
  readonly entryIntoForce: readonly EntryIntoForce[];
  /** Final documents are allowed when no rule reports an error and no checklist item is missing. */
  readonly finalAllowed: boolean;
}

export type ParseResult =
  { readonly ok: true; readonly pkg: Package } | { readonly ok: false; readonly issues: Issue[] };

export function parsePackage(input: unknown): ParseResult {
  // reportInput: zod 4 leaves `input` out of its issues unless asked, and fromZodIssues tells a missing
  // field (input undefined: schema.required) from a value of the wrong type by it. Without it every
  // wrong-typed value ("yes" for a yes/no answer) was reported as "this is required".
  const parsed = PackageSchema.safeParse(input, { reportInput: true });
  return parsed.success
    ? { ok: true, pkg: parsed.data }
    : { ok: false, issues: fromZodIssues(parsed.error.issues) };
}

export function assessPackage(pkg: Package, deps: DomainDeps): Assessment {
  const facts = analysePackage(pkg, deps.participation);
  const checklist = buildChecklist(facts);
  const issues = [...nothingNotified(facts, checklist), ...applyRules({ facts, today: deps.today })];
  return {
    pkg,
    answers: pkg,
    facts,
    issues,
    checklist,
    entryIntoForce: entryIntoForceForPackage(facts),
    finalAllowed: checklist.missing.length === 0 && !issues.some((i) => i.severity === 'error'),
  };
}

/**
 * The assessment documents in `lng` are built from: the package with each printed answer in that
 * language (domain/translations.ts; an untranslated or stale one as `toBeTranslated(source)`, a draft's
 * marker), and each untranslated or stale answer an error, so that final documents wait for it. In the
 * answers' own language, the package's assessment as it is. A language whose translation of the
 * service's own wording is still in progress (`inProgress`) is an error too: its documents would print
 * English wording where the translation is missing, so final documents wait for it.
 */
export function assessInLanguage(
  pkg: Package,
  lng: Language,
  deps: DomainDeps,
  toBeTranslated: (source: string) => string,
  options: { readonly inProgress?: boolean } = {},
): Assessment {
  const own = lng === pkg.documentLanguage;
  const printed = assessPackage(own ? pkg : packageInLanguage(pkg, lng, toBeTranslated), deps);
  const blocking = [
    ...(options.inProgress
      ? [issue('error', 'language.inProgress', [], null, { language: { languages: [lng] } })]
      : []),
    ...(own ? [] : translationIssues(pkg, lng)),
  ];
  if (blocking.length === 0) return { ...printed, answers: pkg };
  return {
    ...printed,
    answers: pkg,
    issues: [...blocking, ...printed.issues],
    finalAllowed: false,
  };
}
