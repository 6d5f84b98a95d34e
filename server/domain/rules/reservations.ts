/**
 * Reservations and declarations.
 *
 * - The dispute-clause reservation (UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3)) can only be made to a
 *   treaty the instrument is for.
 * - VCLT 23(2): a reservation made on signature "must be formally confirmed by the reserving State
 *   when expressing its consent to be bound"; one not confirmed is not maintained. Only a signatory can
 *   have made one, and an instrument of accession recites no signature.
 * - VCLT 2(1)(d): a statement "however phrased or named" that purports to exclude or modify the legal
 *   effect of provisions is a reservation. The Convention and Protocols expressly authorize only the
 *   dispute-clause reservations, so any other is tested under VCLT 19(c) (object and purpose).
 * - A reservation the party makes in free text (declaration kind "reservation") is such another one:
 *   a warning says it must be compatible with the object and purpose (VCLT 19(c)), and another that the
 *   other parties may object to it, a party that has raised no objection twelve months after it was
 *   notified being considered to have accepted it (VCLT 20(5)). An expressly authorized reservation
 *   needs no acceptance (VCLT 20(1)): the dispute-clause reservations get neither warning.
 */
import { TREATIES, requirementById } from '../../catalogue';
import { issue, type Issue } from '../issues';
import type { Rule } from './context';

export const disputeReservationRule: Rule = ({ facts }) =>
  facts.pkg.reservations.flatMap((id, i) => {
    // The schema admits only the four dispute-clause reservations, each a requirement of its treaty.
    const treaty = requirementById(id)!.appliesTo!;
    return facts.inPackage.has(treaty)
      ? []
      : [
          issue(
            'error',
            'rules.reservation.treatyNotInPackage',
            ['reservations', i],
            {
              instrument: treaty,
              article: `${TREATIES[treaty].disputeArticle}(3)`,
            },
            { treaty: { treaty } },
          ),
        ];
  });

export const signatureReservationRule: Rule = ({ facts }) => {
  const issues: Issue[] = [];
  const source = { instrument: 'vclt', article: '23(2)' } as const;
  for (const t of facts.treaties) {
    t.choice.signatureReservations.forEach((reservation, k) => {
      const path = ['treaties', t.index, 'signatureReservations', k];
      if (!t.signedPerData || t.choice.instrument === 'accession') {
        issues.push(
          issue('error', 'rules.signatureReservation.notSignatory', path, source, {
            treaty: { treaty: t.treaty },
          }),
        );
      } else if (reservation.confirm === false) {
        issues.push(
          issue('warning', 'rules.signatureReservation.notConfirmed', [...path, 'confirm'], source, {
            treaty: { treaty: t.treaty },
          }),
        );
      }
    });
  }
  return issues;
};

export const declarationsRule: Rule = ({ facts }) => {
  const issues: Issue[] = [];
  facts.pkg.declarations.forEach((declaration, i) => {
    declaration.treaties.forEach((treaty, k) => {
      if (!facts.inPackage.has(treaty)) {
        issues.push(
          issue('error', 'rules.declaration.treatyNotInPackage', ['declarations', i, 'treaties', k], null, {
            treaty: { treaty },
          }),
        );
      }
    });
    if (new Set(declaration.treaties).size !== declaration.treaties.length) {
      issues.push(issue('error', 'schema.duplicate', ['declarations', i, 'treaties'], null));
    }
    if (declaration.kind === 'reservation') {
      const treaties = { keys: declaration.treaties.map((t) => `legal:treaties.${t}.name`) };
      issues.push(
        issue(
          'warning',
          'rules.reservation.objectAndPurpose',
          ['declarations', i],
          { instrument: 'vclt', article: '19(c)' },
          { treaties },
        ),
        issue('warning', 'rules.reservation.objections', ['declarations', i], {
          instrument: 'vclt',
          article: '20(5)',
        }),
      );
    } else if (declaration.kind !== 'territorial') {
      issues.push(
        issue('info', 'rules.declaration.mayBeReservation', ['declarations', i], {
          instrument: 'vclt',
          article: '2(1)(d)',
        }),
      );
    }
  });
  return issues;
};
