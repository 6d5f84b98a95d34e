/**
 * The designations a package can make, and where each requirement's answer lives in a package: the law
 * as data, so that the rules, the checklist, the notifications builder and the journey read these tables
 * instead of naming a treaty or a designation in code (issue 11, "The law is data").
 *
 * A designation is an authority the package names to answer a requirement of kind `designation`,
 * `notification` or `identification` (requirements.ts). Its id is the requirement's id, so the checklist,
 * the competence answers ("outside the organization's competence") and the documents meet on one name.
 * Each entry says what the treaty text asks of the authority:
 *
 * - `needs`: what makes an entry complete. UNTOC 31(6) asks for "the name and address of the authority";
 *   the others ask for an authority that other States can reach, so a contact (telephone, e-mail, or an
 *   address) completes it.
 * - `perTerritory`: a distinct authority may be named for a special region or territory (UNTOC 18(13):
 *   "it may designate a distinct central authority that shall have the same function for that region or
 *   territory").
 * - `channels`: requests reach it through channels the party may restrict (UNTOC 18(13): "without
 *   prejudice to the right of a State Party to require that such requests and communications be addressed
 *   to it through diplomatic channels and, in urgent circumstances, ... through the International
 *   Criminal Police Organization").
 * - `dated`: the designation's date starts its notification period (SOM 8(6): "within one month of the
 *   designation").
 * - `paragraph`: the key of its paragraph in the notifications document (locales documents.json,
 *   `notifications.<paragraph>`), with the `Organization` variant `partyKey` adds.
 * - `directoryLabel`: the label of its directory entry's completeness line, `address` or `contact`.
 * - `list`: its list page in the guided journey, where its authorities are added one by one, and the
 *   section that page opens (/drafts/{id}/{list}); also the key of the page's texts and of its section's
 *   (locales common.json: `pages.lists.<list>`, `pages.sections.<list>`, `pages.sectionHints.<list>`, and for
 *   a Protocol's designation `pages.notApplicable.<list>` and `pages.notApplicableNotify.<list>`).
 *
 * The table is in designation-data.ts (data only, so that a test can swap it for data extended with
 * another treaty's designation); the functions that read it are here.
 */
import { DESIGNATIONS, DESIGNATION_IDS, type Designation, type DesignationId } from './designation-data';
import { requirementById, type Requirement } from './requirements';
import { TREATIES, TREATY_IDS, type TreatyId } from './treaties';

export * from './designation-data';

export function isDesignationId(value: unknown): value is DesignationId {
  return typeof value === 'string' && (DESIGNATION_IDS as readonly string[]).includes(value);
}

/** The requirement a designation answers: its treaty (`appliesTo`), its article and its quoted text. */
export function designationRequirement(id: DesignationId): Requirement {
  const req = requirementById(id);
  if (!req) throw new Error(`Designation ${id} has no requirement in the catalogue`);
  return req;
}

/** The treaty whose package membership makes a designation apply. */
export function designationTreaty(id: DesignationId): TreatyId {
  const treaty = designationRequirement(id).appliesTo;
  if (treaty === null) throw new Error(`Designation ${id} has no treaty in the catalogue`);
  return treaty;
}

/** The treaty and article a designation answers, as the rules and documents cite it. */
export function designationCitation(id: DesignationId): { instrument: TreatyId; article: string } {
  return { instrument: designationTreaty(id), article: designationRequirement(id).citation.article };
}

/** The designations of a treaty, in catalogue order. */
export function designationsOf(treaty: TreatyId): readonly Designation[] {
  return DESIGNATION_IDS.filter((id) => designationTreaty(id) === treaty).map((id) => DESIGNATIONS[id]);
}

/** The one designation with a given feature (e.g. the central authority: `perTerritory`). */
export function designationWith(feature: 'perTerritory' | 'channels' | 'dated'): DesignationId {
  const found = DESIGNATION_IDS.find((id) => DESIGNATIONS[id][feature]);
  if (!found) throw new Error(`No designation in the catalogue has ${feature}`);
  return found;
}

/**
 * The parent Convention: the one treaty with no parent (UNTOC). The Protocols name it as `parent`
 * (UNTOC 37(2): "In order to become a Party to a protocol, a State ... must also be a Party to this
 * Convention"). Read it from here, never as "not a Protocol" written in code.
 */
export const CONVENTION: TreatyId = (() => {
  const roots = TREATY_IDS.filter((id) => TREATIES[id].parent === null);
  if (roots.length !== 1)
    throw new Error(`The catalogue must hold one parent Convention, found ${roots.length}`);
  return roots[0]!;
})();

/** The Convention a treaty belongs to: itself for the Convention, its `parent` for a Protocol. */
export function conventionOf(treaty: TreatyId): TreatyId {
  return TREATIES[treaty].parent ?? treaty;
}
