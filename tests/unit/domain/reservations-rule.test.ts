/**
 * The reservation rules (server/domain/rules/reservations.ts): a reservation made in free text is warned
 * under VCLT 19(c) (object and purpose) and VCLT 20(5) (objections within twelve months), never told it
 * "may be a reservation" (VCLT 2(1)(d)); the dispute-clause reservation, expressly authorized, gets
 * neither warning; an explanation needs its reservation (the schema) and is a text translators translate.
 */
import { loadParticipation } from '../../../server/catalogue';
import { declarationsRule } from '../../../server/domain/rules/reservations';
import { textSlots } from '../../../server/domain/translations';
import { assessPackage, parsePackage } from '../../../server/domain/validate';
import type { PackageInput } from '../../../server/domain/package';
import { PATHS } from '../../../server/paths';

const participation = loadParticipation(PATHS.participationData);

const base: PackageInput = {
  party: { kind: 'state', code: 'KR', formalName: 'the Republic of Korea' },
  treaties: [
    { treaty: 'untoc', instrument: 'ratification' },
    { treaty: 'tip', instrument: 'ratification' },
  ],
};

function assessed(input: PackageInput) {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return assessPackage(parsed.pkg, { participation, today: '2026-12-01' });
}

const codes = (input: PackageInput) =>
  assessed(input).issues.map((i) => `${i.severity} ${i.code} ${JSON.stringify(i.source)}`);

describe('a reservation in free text', () => {
  const pkg: PackageInput = {
    ...base,
    declarations: [{ treaties: ['untoc', 'tip'], kind: 'reservation', text: 'A reservation.' }],
  };

  it('is warned under VCLT 19(c) and 20(5), once each, on the reservation', () => {
    const found = assessed(pkg).issues.filter((i) => i.path[0] === 'declarations');
    expect(found.map((i) => [i.severity, i.code, i.source, i.path])).toEqual([
      [
        'warning',
        'rules.reservation.objectAndPurpose',
        { instrument: 'vclt', article: '19(c)' },
        ['declarations', 0],
      ],
      [
        'warning',
        'rules.reservation.objections',
        { instrument: 'vclt', article: '20(5)' },
        ['declarations', 0],
      ],
    ]);
  });

  it('names the treaties it concerns in the first warning', () => {
    const warning = assessed(pkg).issues.find((i) => i.code === 'rules.reservation.objectAndPurpose');
    expect(warning?.params).toEqual({
      treaties: { keys: ['legal:treaties.untoc.name', 'legal:treaties.tip.name'] },
    });
  });

  it('is not also told it may be a reservation (VCLT 2(1)(d)), which another declaration is', () => {
    expect(codes(pkg).some((c) => c.includes('mayBeReservation'))).toBe(false);
    const other = codes({
      ...base,
      declarations: [{ treaties: ['untoc'], kind: 'other', text: 'A declaration.' }],
    });
    expect(other.filter((c) => c.includes('rules.reservation.'))).toEqual([]);
    expect(other.some((c) => c.startsWith('info rules.declaration.mayBeReservation'))).toBe(true);
  });

  it('does not hold back final documents (a warning, not an error)', () => {
    const a = assessed(pkg);
    expect(a.issues.filter((i) => i.severity === 'error' && i.path[0] === 'declarations')).toEqual([]);
  });

  it('is a rule of its own file, pure over the facts', () => {
    const a = assessed(pkg);
    expect(declarationsRule({ facts: a.facts } as Parameters<typeof declarationsRule>[0]).length).toBe(2);
  });

  it('is supplied on its checklist item (VCLT 19), not on the declarations item (VCLT 2(1)(d))', () => {
    const items = assessed(pkg).checklist.items;
    const status = (id: string) => items.find((i) => i.id === id)?.status;
    expect(status('untoc-vclt-19')).toBe('provided');
    expect(status('tip-vclt-19')).toBe('provided');
    expect(status('untoc-vclt-2-1-d')).toBe('optional-not-made');
  });
});

describe('the dispute-clause reservation', () => {
  it('expressly authorized: no VCLT 19(c) or 20(5) warning', () => {
    const found = codes({
      ...base,
      reservations: ['untoc-35-3'],
      reservationExplanations: { untoc: 'Why.' },
    });
    expect(found.filter((c) => c.includes('rules.reservation.'))).toEqual([]);
  });

  it('carries an explanation only when it is made', () => {
    const refused = parsePackage({
      ...base,
      reservations: ['untoc-35-3'],
      reservationExplanations: { tip: 'Why.' },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.issues.map((i) => [i.code, i.path])).toEqual([
        ['schema.explanationWithoutReservation', ['reservationExplanations', 'tip']],
      ]);
    const unknown = parsePackage({
      ...base,
      reservations: ['untoc-35-3'],
      reservationExplanations: { xx: 'Why.' },
    });
    expect(unknown.ok).toBe(false);
  });

  it('whose explanation is a text to translate, keyed by treaty', () => {
    const parsed = parsePackage({
      ...base,
      reservations: ['untoc-35-3'],
      reservationExplanations: { untoc: 'Why.' },
    });
    if (!parsed.ok) throw new Error('does not parse');
    expect(textSlots(parsed.pkg).find((s) => s.key === 'reservationExplanations.untoc')).toMatchObject({
      path: ['reservationExplanations', 'untoc'],
      source: 'Why.',
      kind: 'text',
    });
  });
});
