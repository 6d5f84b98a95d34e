/**
 * Answers about the notifications that contradict each other or the law's conditions. Whether a
 * notification is missing is decided by the checklist; these rules explain what cannot stand.
 *
 * - UNTOC 16(5)(a) concerns only "States Parties that make extradition conditional on the existence of
 *   a treaty"; if they do not take the Convention as the legal basis, 16(5)(b) asks them to seek
 *   extradition treaties.
 * - UNTOC 18(13): one central authority; "a distinct central authority" only for "a special region or
 *   territory with a separate system of mutual legal assistance"; a State that lists its special regions
 *   or territories names the central authority's territory from the list.
 * - SOM 8(6): the designation "shall be notified ... within one month of the designation".
 * - Authorities designated under a treaty outside the package do not reach any document.
 */
import { CONVENTION, designationCitation, designationTreaty, designationWith } from '../../catalogue';
import { addMonths } from '../dates';
import { authoritiesFor } from '../facts';
import { issue, type Issue } from '../issues';
import type { IsoDate } from '../../catalogue/treaties';
import type { Rule, RuleContext } from './context';

/** The central authority of UNTOC 18(13): the designation that may be made per territory. */
const CENTRAL_AUTHORITY = designationWith('perTerritory');
/** The maritime authority of SOM 8(6): the designation whose date starts its notification period. */
const DATED_DESIGNATION = designationWith('dated');

export const extraditionRule: Rule = ({ facts }) => {
  const { extradition } = facts.pkg;
  if (!facts.inPackage.has(CONVENTION)) return [];
  const source = { instrument: CONVENTION, article: '16(5)(a)' } as const;
  if (extradition.conditionalOnTreaty === false && extradition.conventionAsLegalBasis !== null) {
    return [
      issue(
        'warning',
        'rules.extradition.answerNotNeeded',
        ['extradition', 'conventionAsLegalBasis'],
        source,
      ),
    ];
  }
  // 16(5)(b) for the State, and for each special region or territory that answers 16(5)(a) for itself.
  const seek: { path: (string | number)[] }[] = [];
  if (extradition.conditionalOnTreaty === true && extradition.conventionAsLegalBasis === false)
    seek.push({ path: ['extradition', 'conventionAsLegalBasis'] });
  facts.pkg.territories.forEach((territory, i) => {
    const own = territory.extradition;
    if (own.conditionalOnTreaty === true && own.conventionAsLegalBasis === false)
      seek.push({ path: ['territories', i, 'extradition', 'conventionAsLegalBasis'] });
  });
  return seek.map(({ path }) =>
    issue('info', 'rules.extradition.seekTreaties', path, {
      instrument: CONVENTION,
      article: '16(5)(b)',
    }),
  );
};

export const centralAuthorityRule: Rule = ({ facts }) => {
  // Only the Convention's instrument notifies central authorities; outside it, authorityTreatyRule says
  // they will not appear, and they must not block a Protocol's instrument.
  if (!facts.inPackage.has(designationTreaty(CENTRAL_AUTHORITY))) return [];
  const issues: Issue[] = [];
  const source = designationCitation(CENTRAL_AUTHORITY);
  const central = authoritiesFor(facts.pkg, CENTRAL_AUTHORITY);
  const forWholeState = central.filter(({ authority }) => authority.territory === null);
  forWholeState
    .slice(1)
    .forEach(({ index }) =>
      issues.push(
        issue('error', 'rules.centralAuthority.onlyOneForState', ['authorities', index, 'territory'], source),
      ),
    );
  const territories = new Map<string, number>();
  for (const { authority, index } of central) {
    if (authority.territory === null) continue;
    const key = authority.territory.toLocaleLowerCase();
    if (territories.has(key)) {
      issues.push(
        issue('error', 'rules.centralAuthority.territoryTwice', ['authorities', index, 'territory'], source, {
          territory: authority.territory,
        }),
      );
    }
    territories.set(key, index);
  }
  // A State that lists its special regions or territories names each central authority's territory from
  // that list: a name that differs ("Hong Kong" for "the Hong Kong Special Administrative Region") reads
  // as another territory in the notifications.
  if (facts.pkg.territories.length > 0) {
    const listed = new Set(facts.pkg.territories.map((t) => t.name.toLocaleLowerCase()));
    for (const { authority, index } of central)
      if (authority.territory !== null && !listed.has(authority.territory.toLocaleLowerCase()))
        issues.push(
          issue(
            'warning',
            'rules.centralAuthority.territoryNotListed',
            ['authorities', index, 'territory'],
            source,
            { territory: authority.territory },
          ),
        );
  }
  facts.pkg.authorities.forEach((authority, index) => {
    if (authority.territory !== null && !authority.roles.includes(CENTRAL_AUTHORITY)) {
      issues.push(
        issue(
          'warning',
          'rules.authority.territoryOnlyForCentralAuthority',
          ['authorities', index, 'territory'],
          source,
        ),
      );
    }
  });
  return issues;
};

export const authorityTreatyRule: Rule = ({ facts }) => {
  const issues: Issue[] = [];
  facts.pkg.authorities.forEach((authority, index) =>
    authority.roles.forEach((role, k) => {
      const citation = designationCitation(role);
      const treaty = citation.instrument;
      if (facts.inPackage.has(treaty)) return;
      issues.push(
        issue(
          treaty === CONVENTION && facts.convention.status === 'already-party' ? 'info' : 'warning',
          'rules.authority.treatyNotInPackage',
          ['authorities', index, 'roles', k],
          citation,
          { treaty: { treaty } },
        ),
      );
    }),
  );
  return issues;
};

export const maritimeAuthorityRule: Rule = ({ facts, today }) => {
  if (!facts.inPackage.has(designationTreaty(DATED_DESIGNATION))) return [];
  // A later notification: the month is measured against the notification's own date.
  if (facts.isLaterNotification) return laterMaritimeNotification(facts, today);
  const deposit = facts.pkg.deposit.plannedOn;
  const issues: Issue[] = [];
  for (const { authority, index } of authoritiesFor(facts.pkg, DATED_DESIGNATION)) {
    if (!authority.designatedOn || !deposit) continue;
    const due = addMonths(authority.designatedOn, 1);
    if (due < deposit) {
      issues.push(
        issue(
          'warning',
          'rules.maritimeAuthority.dueBeforeDeposit',
          ['authorities', index, 'designatedOn'],
          designationCitation(DATED_DESIGNATION),
          { designatedOn: { date: authority.designatedOn }, due: { date: due }, deposit: { date: deposit } },
        ),
      );
    }
  }
  return issues;
};

/**
 * SOM 8(6) in a later notification: "within one month of the designation". A notification dated after
 * the month says so (a warning: notifying late is better than not at all); one left undated is measured
 * against today, so that the deadline is not missed while the draft waits.
 */
function laterMaritimeNotification(facts: RuleContext['facts'], today: IsoDate): Issue[] {
  const issues: Issue[] = [];
  const dated = facts.pkg.signing.date;
  for (const { authority, index } of authoritiesFor(facts.pkg, DATED_DESIGNATION)) {
    if (!authority.designatedOn) continue;
    const due = addMonths(authority.designatedOn, 1);
    const on = dated ?? today;
    if (on <= due) continue;
    issues.push(
      issue(
        'warning',
        dated ? 'rules.maritimeAuthority.notifiedAfterMonth' : 'rules.maritimeAuthority.monthPassed',
        dated ? ['signing', 'date'] : ['authorities', index, 'designatedOn'],
        designationCitation(DATED_DESIGNATION),
        { designatedOn: { date: authority.designatedOn }, due: { date: due }, on: { date: on } },
      ),
    );
  }
  return issues;
}
