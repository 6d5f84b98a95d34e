/**
 * Whether full powers are drafted, decided once (VCLT 7): the facts (facts.ts), the journey's questions
 * (http/journey/definitions.ts), the answers a change clears (applicability.ts), the documents produced
 * and the ones the bundle, the note verbale and the checklist mention all read this.
 *
 * VCLT 7(2)(a): Heads of State, Heads of Government and Ministers for Foreign Affairs need no full powers
 * to sign an instrument; anyone else does (7(1)(a)). An international organization's instrument has none,
 * and a party's later notification is no instrument.
 */
import { FULL_POWERS_OFFICES, type Package } from './package';

/**
 * - `needed`: a State's signer holding none of the three offices;
 * - `office-unknown`: the signer's office is not answered yet (a draft can still show the document, with
 *   markers, and the checklist asks for the office);
 * - `not-needed`: the signer holds one of the three offices;
 * - `organization`, `later-notification`: no instrument is signed under full powers.
 */
export type FullPowersDecision =
  'needed' | 'office-unknown' | 'not-needed' | 'organization' | 'later-notification';

/** Whether an office needs full powers to sign (VCLT 7(2)(a)); null when the office is not known. */
export function officeNeedsFullPowers(office: string | null): boolean | null {
  return office === null ? null : !(FULL_POWERS_OFFICES as readonly string[]).includes(office);
}

/** The decision for a package: the one place it is taken. */
export function fullPowersFor(pkg: Pick<Package, 'purpose' | 'party' | 'signatory'>): FullPowersDecision {
  if (pkg.purpose === 'notify') return 'later-notification';
  if (pkg.party.kind === 'reio') return 'organization';
  const needs = officeNeedsFullPowers(pkg.signatory.office);
  if (needs === null) return 'office-unknown';
  return needs ? 'needed' : 'not-needed';
}
