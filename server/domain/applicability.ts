/**
 * Answers that no longer apply. When a changed answer makes others inapplicable (extradition is no
 * longer conditional on a treaty, the signer is now the Minister for Foreign Affairs, a treaty was taken
 * out of the package), those answers are removed here, and the caller tells the user which. Run after
 * every change, so that no stale answer ever reaches a document or the checklist.
 *
 * Each rule names the provision that makes the answer conditional.
 */
import {
  CONVENTION,
  DESIGNATIONS,
  designationTreaty,
  requirementById,
  treatyOfDisputeReservation,
  type TreatyId,
} from '../catalogue';
import { officeNeedsFullPowers } from './full-powers';
import { type Authority, type AuthorityRole, type Package } from './package';

/** What was removed, by a stable name the pages translate (pages.cleared.<name>). */
export const CLEARED_ANSWERS = [
  'conventionAsLegalBasis',
  'fullPowers',
  'competence',
  'outsideCompetence',
  'signatureDetails',
  'untocAnswers',
  'authorityRoles',
  'authorityTerritory',
  'authorityChannels',
  'authorityDesignatedOn',
  'reservations',
  'declarations',
] as const;
export type ClearedAnswer = (typeof CLEARED_ANSWERS)[number];

/** Whether a designation applies: the treaty it answers (catalogue) is in the package. */
export function roleApplies(role: AuthorityRole, treaties: ReadonlySet<TreatyId>): boolean {
  return treaties.has(designationTreaty(role));
}

function clearAuthority(
  a: Authority,
  treaties: ReadonlySet<TreatyId>,
  cleared: Set<ClearedAnswer>,
): Authority | null {
  const roles = a.roles.filter((r) => roleApplies(r, treaties));
  if (roles.length !== a.roles.length) cleared.add('authorityRoles');
  if (roles.length === 0) return null;
  let next: Authority = { ...a, roles };
  // UNTOC 18(13): a territory with a separate system of mutual legal assistance, and the channels for
  // requests, concern central authorities only (the designations the catalogue marks `perTerritory` and
  // `channels`).
  const hasFeature = (feature: 'perTerritory' | 'channels' | 'dated') =>
    roles.some((r) => DESIGNATIONS[r][feature]);
  if (!hasFeature('perTerritory') && next.territory !== null) {
    cleared.add('authorityTerritory');
    next = { ...next, territory: null };
  }
  const c = next.channels;
  if (
    !hasFeature('channels') &&
    (c.diplomaticOnly !== null || c.interpolForUrgent !== null || c.oralForUrgent !== null)
  ) {
    cleared.add('authorityChannels');
    next = { ...next, channels: { diplomaticOnly: null, interpolForUrgent: null, oralForUrgent: null } };
  }
  // SOM 8(6): the date of designation starts the one-month period for the maritime authority only (the
  // designation the catalogue marks `dated`).
  if (!hasFeature('dated') && next.designatedOn !== null) {
    cleared.add('authorityDesignatedOn');
    next = { ...next, designatedOn: null };
  }
  return next;
}

export function clearInapplicable(pkg: Package): { pkg: Package; cleared: ClearedAnswer[] } {
  const cleared = new Set<ClearedAnswer>();
  const treaties = new Set(pkg.treaties.map((t) => t.treaty));
  let next: Package = pkg;

  // UNTOC 16(5)(a): the Convention as the legal basis is asked only of a State that makes extradition
  // conditional on the existence of a treaty.
  if (next.extradition.conditionalOnTreaty !== true && next.extradition.conventionAsLegalBasis !== null) {
    cleared.add('conventionAsLegalBasis');
    next = { ...next, extradition: { ...next.extradition, conventionAsLegalBasis: null } };
  }

  // VCLT 7(2)(a): Heads of State and Government and Ministers for Foreign Affairs need no full powers;
  // an international organization's instrument has none either.
  if (next.fullPowers !== null && officeNeedsFullPowers(next.signatory.office) === false) {
    cleared.add('fullPowers');
    next = { ...next, fullPowers: null };
  }
  if (next.fullPowers !== null && next.party.kind === 'reio') {
    cleared.add('fullPowers');
    next = { ...next, fullPowers: null };
  }

  // UNTOC 36(3), and the Protocols' equivalents: the declaration of competence is the organization's.
  const competence =
    next.party.kind === 'reio'
      ? next.competence
          .map((c) => ({ ...c, treaties: c.treaties.filter((t) => treaties.has(t)) }))
          .filter((c) => c.treaties.length > 0)
      : [];
  if (JSON.stringify(competence) !== JSON.stringify(next.competence)) {
    cleared.add('competence');
    next = { ...next, competence };
  }

  // UNTOC 2(j): "outside the organization's competence" is an organization's answer, for a notification
  // of a treaty in the package.
  const outside =
    next.party.kind === 'reio'
      ? next.outsideCompetence.filter((id) => {
          const treaty = requirementById(id)?.appliesTo;
          return treaty !== null && treaty !== undefined && treaties.has(treaty);
        })
      : [];
  if (outside.length !== next.outsideCompetence.length) {
    cleared.add('outsideCompetence');
    next = { ...next, outsideCompetence: outside };
  }

  // VCLT 18 and 23(2): a signature date and reservations made on signature exist only for a treaty the
  // party signed, that is one it ratifies, accepts or approves rather than accedes to.
  const choices = next.treaties.map((c) =>
    c.instrument === 'accession' && (c.signedOn !== null || c.signatureReservations.length > 0)
      ? { ...c, signedOn: null, signatureReservations: [] }
      : c,
  );
  if (choices.some((c, i) => c !== next.treaties[i])) {
    cleared.add('signatureDetails');
    next = { ...next, treaties: choices };
  }

  // UNTOC 5(3), 16(5)(a), 18(14), 6(2)(d) and 13(5) are the Convention's notifications: asked only when
  // the Convention is in the package.
  if (!treaties.has(CONVENTION)) {
    const blankUntoc =
      next.extradition.conditionalOnTreaty === null &&
      next.extradition.conventionAsLegalBasis === null &&
      next.article5.requiresOrganizedCriminalGroup === null &&
      next.article5.requiresActInFurtherance === null &&
      next.mlaLanguages.length === 0 &&
      next.lawCopies.moneyLaundering === null &&
      next.lawCopies.confiscation === null;
    if (!blankUntoc) {
      cleared.add('untocAnswers');
      next = {
        ...next,
        extradition: { conditionalOnTreaty: null, conventionAsLegalBasis: null },
        article5: { requiresOrganizedCriminalGroup: null, requiresActInFurtherance: null },
        mlaLanguages: [],
        lawCopies: { moneyLaundering: null, confiscation: null },
      };
    }
  }

  const authorities = next.authorities
    .map((a) => clearAuthority(a, treaties, cleared))
    .filter((a): a is Authority => a !== null);
  if (JSON.stringify(authorities) !== JSON.stringify(next.authorities)) next = { ...next, authorities };

  // The dispute-clause reservations (UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3)) belong to their treaty.
  const reservations = next.reservations.filter((r) => treaties.has(r.split('-')[0] as TreatyId));
  if (reservations.length !== next.reservations.length) {
    cleared.add('reservations');
    next = { ...next, reservations };
  }
  // A withdrawal (UNTOC 35(4) and the Protocols' equivalents) concerns a treaty of the notification.
  const withdrawn = next.withdrawnReservations.filter((r) => treaties.has(treatyOfDisputeReservation(r)));
  if (withdrawn.length !== next.withdrawnReservations.length) {
    cleared.add('reservations');
    next = { ...next, withdrawnReservations: withdrawn };
  }
  // An explanation goes with its reservation (the schema refuses one without it).
  const explanations = Object.fromEntries(
    Object.entries(next.reservationExplanations).filter(([t]) =>
      next.reservations.some((r) => r.split('-')[0] === t),
    ),
  ) as Package['reservationExplanations'];
  if (Object.keys(explanations).length !== Object.keys(next.reservationExplanations).length) {
    cleared.add('reservations');
    next = { ...next, reservationExplanations: explanations };
  }
  const declarations = next.declarations
    .map((d) => ({ ...d, treaties: d.treaties.filter((t) => treaties.has(t)) }))
    .filter((d) => d.treaties.length > 0);
  if (JSON.stringify(declarations) !== JSON.stringify(next.declarations)) {
    cleared.add('declarations');
    next = { ...next, declarations };
  }

  return { pkg: next, cleared: CLEARED_ANSWERS.filter((c) => cleared.has(c)) };
}
