/**
 * What every rule receives: the parsed package, the facts derived from it and the participation data,
 * and today's date from the injected clock (so tests pin it).
 */
import type { IsoDate } from '../../catalogue/treaties';
import type { PackageFacts } from '../facts';
import type { Issue } from '../issues';

export interface RuleContext {
  readonly facts: PackageFacts;
  readonly today: IsoDate;
}

/** A rule reads the context and reports issues; it never throws on user data. */
export type Rule = (ctx: RuleContext) => Issue[];
