/**
 * clearInapplicable: each rule that removes an answer no longer asked (UNTOC 16(5)(a), VCLT 7(2)(a),
 * UNTOC 36(3), VCLT 18 and 23(2), the Convention's notifications, UNTOC 18(13), SOM 8(6), the
 * dispute clauses and the declarations), both ways: the answer goes when its condition is gone, and
 * stays while it holds. Then properties over generated packages: the result parses, a second pass
 * changes nothing, and something is listed as cleared exactly when something changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CLEARED_ANSWERS, clearInapplicable, roleApplies } from '../../../server/domain/applicability';
import {
  AUTHORITY_ROLES,
  INSTRUMENT_TYPES,
  OFFICES,
  PackageSchema,
  type Package,
  type PackageInput,
} from '../../../server/domain/package';
import { parsePackage } from '../../../server/domain/validate';
import { DISPUTE_RESERVATION_IDS, OUTSIDE_COMPETENCE_IDS } from '../../../server/catalogue/requirements';
import { TREATY_IDS, type TreatyId } from '../../../server/catalogue/treaties';
import { createI18n } from '../../../server/i18n';
import { PATHS } from '../../../server/paths';

type Example = 'bhutan-accession' | 'thailand-som-ratification';

function exampleInput(name: Example): PackageInput {
  return JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', `${name}.json`), 'utf8'),
  ) as PackageInput;
}

function parse(input: PackageInput): Package {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`test package does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.pkg;
}

/** An example package with some top-level answers replaced, parsed (so that defaults are applied). */
function sample(name: Example, overrides: Partial<PackageInput> = {}): Package {
  return parse({ ...exampleInput(name), ...overrides });
}

const FULL_POWERS = {
  issuer: {
    name: 'A Minister',
    title: 'Minister for Foreign Affairs',
    office: 'minister-for-foreign-affairs' as const,
  },
  place: 'Thimphu',
  date: '2027-01-02',
};

const EU_TREATIES: PackageInput['treaties'] = [
  { treaty: 'untoc', instrument: 'approval' },
  { treaty: 'tip', instrument: 'approval' },
];

function eu(overrides: Partial<PackageInput> = {}): Package {
  return parse({
    party: { kind: 'reio', code: 'EU', formalName: 'the European Union' },
    treaties: EU_TREATIES,
    ...overrides,
  });
}

describe('clearInapplicable on the examples', () => {
  it.each<Example>(['bhutan-accession', 'thailand-som-ratification'])(
    'leaves the %s example untouched',
    (name) => {
      const pkg = sample(name);
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual([]);
      expect(result.pkg).toEqual(pkg);
    },
  );

  it('does not modify the package it is given', () => {
    const pkg = sample('bhutan-accession', {
      treaties: [{ treaty: 'som', instrument: 'accession', signedOn: '2001-01-01' }],
      extradition: { conditionalOnTreaty: false, conventionAsLegalBasis: true },
      signatory: { name: 'X', title: 'Y', office: 'head-of-state' },
      fullPowers: FULL_POWERS,
      declarations: [{ treaties: ['untoc', 'som'], kind: 'other', text: 'A declaration.' }],
    });
    const before = structuredClone(pkg);
    const result = clearInapplicable(pkg);
    expect(result.cleared.length).toBeGreaterThan(3);
    expect(pkg).toEqual(before);
  });
});

describe('UNTOC 16(5)(a): the Convention as the legal basis for extradition', () => {
  it('is kept when extradition is conditional on a treaty', () => {
    const pkg = sample('bhutan-accession', {
      extradition: { conditionalOnTreaty: true, conventionAsLegalBasis: false },
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).not.toContain('conventionAsLegalBasis');
    expect(result.pkg.extradition).toEqual({ conditionalOnTreaty: true, conventionAsLegalBasis: false });
  });

  it.each([false, null])('is cleared when conditionalOnTreaty is %p', (conditional) => {
    const pkg = sample('bhutan-accession', {
      extradition: { conditionalOnTreaty: conditional, conventionAsLegalBasis: true },
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['conventionAsLegalBasis']);
    expect(result.pkg.extradition).toEqual({
      conditionalOnTreaty: conditional,
      conventionAsLegalBasis: null,
    });
  });

  it('lists nothing when the legal basis was not answered anyway', () => {
    const pkg = sample('bhutan-accession', {
      extradition: { conditionalOnTreaty: false, conventionAsLegalBasis: null },
    });
    expect(clearInapplicable(pkg).cleared).toEqual([]);
  });
});

describe('VCLT 7(2)(a): full powers', () => {
  it.each(['head-of-state', 'head-of-government', 'minister-for-foreign-affairs'] as const)(
    'are cleared when the signer is the %s',
    (office) => {
      const pkg = sample('bhutan-accession', {
        signatory: { name: 'X', title: 'Y', office },
        fullPowers: FULL_POWERS,
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual(['fullPowers']);
      expect(result.pkg.fullPowers).toBeNull();
      expect(result.pkg.signatory.office).toBe(office);
    },
  );

  it('are kept when the signer holds another office', () => {
    const pkg = sample('bhutan-accession', {
      signatory: { name: 'X', title: 'Ambassador', office: 'other' },
      fullPowers: FULL_POWERS,
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual([]);
    expect(result.pkg.fullPowers).toEqual(FULL_POWERS);
  });

  it("are kept while the signer's office is not answered yet", () => {
    const pkg = sample('bhutan-accession', {
      signatory: { name: null, title: null, office: null },
      fullPowers: FULL_POWERS,
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual([]);
    expect(result.pkg.fullPowers).toEqual(FULL_POWERS);
  });

  it.each(['other', null] as const)('are cleared for the European Union (signer office %p)', (office) => {
    const pkg = eu({ signatory: { name: 'X', title: 'Y', office }, fullPowers: FULL_POWERS });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['fullPowers']);
    expect(result.pkg.fullPowers).toBeNull();
  });

  it('lists nothing when there were no full powers', () => {
    const pkg = sample('bhutan-accession', {
      signatory: { name: 'X', title: 'Y', office: 'head-of-state' },
      fullPowers: null,
    });
    expect(clearInapplicable(pkg).cleared).toEqual([]);
  });
});

describe('UNTOC 36(3): the declaration of competence', () => {
  const competence = [
    { treaties: ['untoc', 'fp'] as TreatyId[], text: 'Competence for the Convention.' },
    { treaties: ['som'] as TreatyId[], text: 'Competence for the Smuggling of Migrants Protocol.' },
  ];

  it('is cleared for a State', () => {
    const pkg = sample('bhutan-accession', { competence: [{ treaties: ['untoc'], text: 'Competence.' }] });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['competence']);
    expect(result.pkg.competence).toEqual([]);
  });

  it('is filtered to the treaties in the package for the European Union, and an empty one dropped', () => {
    const result = clearInapplicable(eu({ competence }));
    expect(result.cleared).toEqual(['competence']);
    expect(result.pkg.competence).toEqual([{ treaties: ['untoc'], text: 'Competence for the Convention.' }]);
  });

  it('is kept for the European Union when every treaty it names is in the package', () => {
    const kept = [{ treaties: ['tip', 'untoc'] as TreatyId[], text: 'Competence.' }];
    const result = clearInapplicable(eu({ competence: kept }));
    expect(result.cleared).toEqual([]);
    expect(result.pkg.competence).toEqual(kept);
  });
});

describe("UNTOC 2(j): matters outside the organization's competence", () => {
  it('are kept for the treaties in the package, and cleared for a treaty that left it', () => {
    const result = clearInapplicable(eu({ outsideCompetence: ['untoc-18-13', 'som-8-6', 'fp-13-2'] }));
    expect(result.cleared).toEqual(['outsideCompetence']);
    // The Convention and the Trafficking in Persons Protocol: no 8(6), no 13(2).
    expect(result.pkg.outsideCompetence).toEqual(['untoc-18-13']);
  });

  it('are kept whole when every treaty is in the package', () => {
    const result = clearInapplicable(eu({ outsideCompetence: ['untoc-18-13', 'untoc-5-3'] }));
    expect(result.cleared).toEqual([]);
    expect(result.pkg.outsideCompetence).toEqual(['untoc-18-13', 'untoc-5-3']);
  });
});

describe('VCLT 18 and 23(2): signature details', () => {
  const reservation = { text: 'Reservation made on signature.', confirm: true };

  it.each([
    ['a signature date', { signedOn: '2001-12-13' }],
    ['reservations made on signature', { signatureReservations: [reservation] }],
  ])('clears %s of a treaty acceded to', (_what, details) => {
    const pkg = sample('bhutan-accession', {
      treaties: [
        { treaty: 'untoc', instrument: 'accession', ...details },
        { treaty: 'som', instrument: 'accession' },
      ],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['signatureDetails']);
    expect(result.pkg.treaties).toEqual([
      { treaty: 'untoc', instrument: 'accession', signedOn: null, signatureReservations: [] },
      { treaty: 'som', instrument: 'accession', signedOn: null, signatureReservations: [] },
    ]);
  });

  it.each(['ratification', 'acceptance', 'approval'] as const)(
    'keeps them for a treaty the party signed (%s)',
    (instrument) => {
      const pkg = sample('thailand-som-ratification', {
        treaties: [
          { treaty: 'som', instrument, signedOn: '2001-12-18', signatureReservations: [reservation] },
        ],
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual([]);
      expect(result.pkg.treaties).toEqual([
        { treaty: 'som', instrument, signedOn: '2001-12-18', signatureReservations: [reservation] },
      ]);
    },
  );

  it('clears only the treaty acceded to in a mixed package', () => {
    const pkg = sample('bhutan-accession', {
      treaties: [
        { treaty: 'untoc', instrument: 'ratification', signedOn: '2000-12-13' },
        {
          treaty: 'som',
          instrument: 'accession',
          signedOn: '2000-12-13',
          signatureReservations: [reservation],
        },
      ],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['signatureDetails']);
    expect(result.pkg.treaties.map((t) => [t.treaty, t.signedOn, t.signatureReservations.length])).toEqual([
      ['untoc', '2000-12-13', 0],
      ['som', null, 0],
    ]);
  });
});

describe("the Convention's notifications when the Convention leaves the package", () => {
  it('clears every answer asked only for the Convention, its designations and its reservation', () => {
    const pkg = sample('bhutan-accession', {
      treaties: [
        { treaty: 'tip', instrument: 'accession' },
        { treaty: 'som', instrument: 'accession' },
      ],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['untocAnswers', 'authorityRoles', 'reservations']);
    expect(result.pkg.extradition).toEqual({ conditionalOnTreaty: null, conventionAsLegalBasis: null });
    expect(result.pkg.article5).toEqual({
      requiresOrganizedCriminalGroup: null,
      requiresActInFurtherance: null,
    });
    expect(result.pkg.mlaLanguages).toEqual([]);
    expect(result.pkg.lawCopies).toEqual({ moneyLaundering: null, confiscation: null });
    expect(result.pkg.reservations).toEqual([]);
    expect(result.pkg.authorities.map((a) => a.name)).toEqual(['Department of Immigration']);
    // What is not the Convention's stays.
    expect(result.pkg.signing).toEqual(pkg.signing);
    expect(result.pkg.deposit).toEqual(pkg.deposit);
    expect(result.pkg.signatory).toEqual(pkg.signatory);
  });

  it.each<[string, Partial<PackageInput>]>([
    ['conditionalOnTreaty', { extradition: { conditionalOnTreaty: true, conventionAsLegalBasis: null } }],
    [
      'conventionAsLegalBasis (with conditionalOnTreaty true)',
      { extradition: { conditionalOnTreaty: true, conventionAsLegalBasis: true } },
    ],
    [
      'requiresOrganizedCriminalGroup',
      { article5: { requiresOrganizedCriminalGroup: false, requiresActInFurtherance: null } },
    ],
    [
      'requiresActInFurtherance',
      { article5: { requiresOrganizedCriminalGroup: null, requiresActInFurtherance: true } },
    ],
    ['mlaLanguages', { mlaLanguages: ['en'] }],
    ['lawCopies.moneyLaundering', { lawCopies: { moneyLaundering: 'enclosed', confiscation: null } }],
    ['lawCopies.confiscation', { lawCopies: { moneyLaundering: null, confiscation: 'to-follow' } }],
  ])('clears %s alone in a package without the Convention', (_what, overrides) => {
    const result = clearInapplicable(sample('thailand-som-ratification', overrides));
    expect(result.cleared).toEqual(['untocAnswers']);
    expect(result.pkg).toEqual(sample('thailand-som-ratification'));
  });

  it('lists both rules when the legal basis was answered without a treaty condition', () => {
    const pkg = sample('thailand-som-ratification', {
      extradition: { conditionalOnTreaty: false, conventionAsLegalBasis: true },
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['conventionAsLegalBasis', 'untocAnswers']);
    expect(result.pkg.extradition).toEqual({ conditionalOnTreaty: null, conventionAsLegalBasis: null });
  });

  it('keeps the answers while the Convention is in the package', () => {
    const pkg = sample('bhutan-accession');
    const result = clearInapplicable(pkg);
    expect(result.pkg.article5).toEqual({
      requiresOrganizedCriminalGroup: false,
      requiresActInFurtherance: true,
    });
    expect(result.pkg.mlaLanguages).toEqual(['dz', 'en']);
    expect(result.pkg.lawCopies).toEqual({ moneyLaundering: 'to-follow', confiscation: 'to-follow' });
  });
});

describe('authorities', () => {
  const base = { name: 'Ministry of Justice' };

  it('keeps only the designations for treaties in the package', () => {
    const pkg = sample('thailand-som-ratification', {
      authorities: [{ ...base, roles: ['untoc-31-6', 'som-8-6', 'fp-13-2'], designatedOn: '2027-01-08' }],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['authorityRoles']);
    expect(result.pkg.authorities).toHaveLength(1);
    expect(result.pkg.authorities[0]!.roles).toEqual(['som-8-6']);
    expect(result.pkg.authorities[0]!.designatedOn).toBe('2027-01-08');
  });

  it('removes an authority left with no designation, and keeps the others in order', () => {
    const pkg = sample('bhutan-accession', {
      authorities: [
        { ...base, name: 'First', roles: ['untoc-18-13'] },
        { ...base, name: 'Firearms office', roles: ['fp-13-2'] },
        { ...base, name: 'Third', roles: ['som-8-6'] },
      ],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['authorityRoles']);
    expect(result.pkg.authorities.map((a) => a.name)).toEqual(['First', 'Third']);
  });

  it('keeps every designation whose treaty is in the package', () => {
    const pkg = sample('bhutan-accession', {
      authorities: [{ ...base, roles: ['untoc-18-13', 'untoc-31-6', 'som-8-6'] }],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual([]);
    expect(result.pkg.authorities[0]!.roles).toEqual(['untoc-18-13', 'untoc-31-6', 'som-8-6']);
  });

  it('knows which treaty each designation answers', () => {
    const only = (t: TreatyId) => AUTHORITY_ROLES.filter((r) => roleApplies(r, new Set([t])));
    expect(only('untoc')).toEqual(['untoc-18-13', 'untoc-31-6']);
    expect(only('tip')).toEqual([]);
    expect(only('som')).toEqual(['som-8-6']);
    expect(only('fp')).toEqual(['fp-13-2']);
  });

  describe('UNTOC 18(13): territory and channels of a central authority', () => {
    const territory = 'Special Administrative Region';
    const channels = { diplomaticOnly: true, interpolForUrgent: false, oralForUrgent: true };

    it('are kept for a central authority', () => {
      const pkg = sample('bhutan-accession', {
        authorities: [{ ...base, roles: ['untoc-18-13'], territory, channels }],
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual([]);
      expect(result.pkg.authorities[0]).toMatchObject({ territory, channels });
    });

    it('clear the territory of an authority that is not a central authority', () => {
      const pkg = sample('bhutan-accession', {
        authorities: [{ ...base, roles: ['untoc-31-6'], territory }],
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual(['authorityTerritory']);
      expect(result.pkg.authorities[0]!.territory).toBeNull();
      expect(result.pkg.authorities[0]!.roles).toEqual(['untoc-31-6']);
    });

    it.each(['diplomaticOnly', 'interpolForUrgent', 'oralForUrgent'] as const)(
      'clear the channels when only %s was answered, on an authority that is not a central authority',
      (key) => {
        const one = { diplomaticOnly: null, interpolForUrgent: null, oralForUrgent: null, [key]: false };
        const pkg = sample('bhutan-accession', {
          authorities: [{ ...base, roles: ['som-8-6'], channels: one }],
        });
        const result = clearInapplicable(pkg);
        expect(result.cleared).toEqual(['authorityChannels']);
        expect(result.pkg.authorities[0]!.channels).toEqual({
          diplomaticOnly: null,
          interpolForUrgent: null,
          oralForUrgent: null,
        });
      },
    );

    it('clear both when the 18(13) designation goes with the Convention', () => {
      const pkg = sample('thailand-som-ratification', {
        authorities: [
          { ...base, roles: ['untoc-18-13', 'som-8-6'], territory, channels, designatedOn: '2027-01-08' },
        ],
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual(['authorityRoles', 'authorityTerritory', 'authorityChannels']);
      expect(result.pkg.authorities[0]).toMatchObject({
        roles: ['som-8-6'],
        territory: null,
        channels: { diplomaticOnly: null, interpolForUrgent: null, oralForUrgent: null },
        designatedOn: '2027-01-08',
      });
    });
  });

  describe('SOM 8(6): the date of designation', () => {
    it('is kept for the maritime authority', () => {
      const pkg = sample('bhutan-accession', {
        authorities: [{ ...base, roles: ['untoc-31-6', 'som-8-6'], designatedOn: '2027-01-04' }],
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual([]);
      expect(result.pkg.authorities[0]!.designatedOn).toBe('2027-01-04');
    });

    it('is cleared for another authority', () => {
      const pkg = sample('bhutan-accession', {
        authorities: [{ ...base, roles: ['untoc-18-13'], designatedOn: '2027-01-04' }],
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual(['authorityDesignatedOn']);
      expect(result.pkg.authorities[0]!.designatedOn).toBeNull();
    });

    it('is cleared when the Protocol leaves the package and the authority keeps another role', () => {
      const pkg = sample('bhutan-accession', {
        treaties: [{ treaty: 'untoc', instrument: 'accession' }],
        authorities: [{ ...base, roles: ['untoc-31-6', 'som-8-6'], designatedOn: '2027-01-04' }],
      });
      const result = clearInapplicable(pkg);
      expect(result.cleared).toEqual(['authorityRoles', 'authorityDesignatedOn']);
      expect(result.pkg.authorities[0]).toMatchObject({ roles: ['untoc-31-6'], designatedOn: null });
    });
  });
});

describe('dispute-clause reservations (UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3))', () => {
  it('keeps only the reservations to treaties in the package', () => {
    const pkg = sample('bhutan-accession', { reservations: ['fp-16-3', 'untoc-35-3', 'tip-15-3'] });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['reservations']);
    expect(result.pkg.reservations).toEqual(['untoc-35-3', 'tip-15-3']);
  });

  it('keeps every reservation when all four treaties are in the package', () => {
    const pkg = sample('bhutan-accession', {
      treaties: TREATY_IDS.map((treaty) => ({ treaty, instrument: 'accession' as const })),
      reservations: [...DISPUTE_RESERVATION_IDS],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual([]);
    expect(result.pkg.reservations).toEqual([...DISPUTE_RESERVATION_IDS]);
  });
});

describe('declarations', () => {
  it('are narrowed to the treaties in the package, and one left with none is removed', () => {
    const pkg = sample('bhutan-accession', {
      declarations: [
        { treaties: ['fp', 'untoc'], kind: 'interpretative', text: 'First.' },
        { treaties: ['fp'], kind: 'other', text: 'Second.' },
        { treaties: ['som'], kind: 'territorial', text: 'Third.' },
      ],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual(['declarations']);
    // Entries sent without ids are named by position ("d1", "d3") and keep their names.
    expect(result.pkg.declarations).toEqual([
      { id: 'd1', treaties: ['untoc'], kind: 'interpretative', text: 'First.' },
      { id: 'd3', treaties: ['som'], kind: 'territorial', text: 'Third.' },
    ]);
  });

  it('are kept when every treaty they name is in the package', () => {
    const declarations = [
      { id: 'kept', treaties: ['som', 'untoc'] as TreatyId[], kind: 'other' as const, text: 'Kept.' },
    ];
    const result = clearInapplicable(sample('bhutan-accession', { declarations }));
    expect(result.cleared).toEqual([]);
    expect(result.pkg.declarations).toEqual(declarations);
  });
});

describe('the list of cleared answers', () => {
  it('follows the order of CLEARED_ANSWERS and names each once', () => {
    const pkg = sample('thailand-som-ratification', {
      party: { kind: 'state', code: 'TH', formalName: 'the Kingdom of Thailand' },
      treaties: [{ treaty: 'som', instrument: 'accession', signedOn: '2001-01-01' }],
      signatory: { name: 'X', title: 'Y', office: 'head-of-government' },
      fullPowers: FULL_POWERS,
      extradition: { conditionalOnTreaty: false, conventionAsLegalBasis: true },
      competence: [{ treaties: ['som'], text: 'Competence.' }],
      mlaLanguages: ['th'],
      authorities: [
        { name: 'A', roles: ['untoc-18-13', 'untoc-31-6'] },
        { name: 'B', roles: ['som-8-6', 'untoc-18-13'], territory: 'T', channels: { diplomaticOnly: true } },
        { name: 'C', roles: ['fp-13-2', 'som-8-6'] },
      ],
      reservations: ['untoc-35-3'],
      declarations: [{ treaties: ['untoc'], kind: 'other', text: 'D.' }],
    });
    const result = clearInapplicable(pkg);
    expect(result.cleared).toEqual([
      'conventionAsLegalBasis',
      'fullPowers',
      'competence',
      'signatureDetails',
      'untocAnswers',
      'authorityRoles',
      'authorityTerritory',
      'authorityChannels',
      'reservations',
      'declarations',
    ]);
  });

  it('has a message in every language for each name (pages.cleared.<name>)', () => {
    const i18n = createI18n(PATHS.locales);
    for (const lng of ['en', 'fr'] as const) {
      expect(CLEARED_ANSWERS.filter((name) => !i18n.exists(lng, `pages.cleared.${name}`))).toEqual([]);
    }
  });
});

// ---- Properties over generated packages --------------------------------------------------------------

const nullableBool = fc.constantFrom(true, false, null);
const maybeDate = fc.option(fc.constantFrom('2001-01-01', '2027-01-04', '2030-06-30'), { nil: null });

const treatiesArb = fc.subarray([...TREATY_IDS], { minLength: 1 }).chain((ids) =>
  fc.tuple(
    ...ids.map((treaty) =>
      fc.record({
        treaty: fc.constant(treaty),
        instrument: fc.constantFrom(...INSTRUMENT_TYPES),
        signedOn: maybeDate,
        signatureReservations: fc.array(
          fc.record({ text: fc.constantFrom('R1.', 'R2.'), confirm: nullableBool }),
          { maxLength: 2 },
        ),
      }),
    ),
  ),
);

const authorityArb = fc.record({
  roles: fc.subarray([...AUTHORITY_ROLES], { minLength: 1 }),
  name: fc.constantFrom('Authority A', 'Authority B'),
  territory: fc.option(fc.constant('A territory'), { nil: null }),
  channels: fc.record({
    diplomaticOnly: nullableBool,
    interpolForUrgent: nullableBool,
    oralForUrgent: nullableBool,
  }),
  designatedOn: maybeDate,
});

const treatyListArb = fc.subarray([...TREATY_IDS], { minLength: 1 });

const packageArb: fc.Arbitrary<PackageInput> = fc
  .record({
    party: fc.constantFrom(
      { kind: 'state' as const, code: 'BT', formalName: 'the Kingdom of Bhutan' },
      { kind: 'reio' as const, code: 'EU' as const, formalName: null },
    ),
    treaties: treatiesArb,
    signatory: fc.record({
      name: fc.constant('A Signer'),
      title: fc.constant('A Title'),
      office: fc.constantFrom(...OFFICES, null),
    }),
    fullPowers: fc.option(fc.constant(FULL_POWERS), { nil: null }),
    extradition: fc.record({ conditionalOnTreaty: nullableBool, conventionAsLegalBasis: nullableBool }),
    article5: fc.record({
      requiresOrganizedCriminalGroup: nullableBool,
      requiresActInFurtherance: nullableBool,
    }),
    authorities: fc.array(authorityArb, { maxLength: 3 }),
    mlaLanguages: fc.subarray(['en', 'fr', 'dz']),
    reservations: fc.subarray([...DISPUTE_RESERVATION_IDS]),
    declarations: fc.array(
      fc.record({
        treaties: treatyListArb,
        kind: fc.constantFrom('territorial' as const, 'other' as const),
        text: fc.constant('D.'),
      }),
      {
        maxLength: 2,
      },
    ),
    competence: fc.array(fc.record({ treaties: treatyListArb, text: fc.constant('C.') }), { maxLength: 2 }),
    lawCopies: fc.record({
      moneyLaundering: fc.constantFrom('enclosed' as const, 'to-follow' as const, null),
      confiscation: fc.constantFrom('enclosed' as const, 'to-follow' as const, null),
    }),
    outsideCompetence: fc.subarray([...OUTSIDE_COMPETENCE_IDS]),
  })
  // The schema refuses "outside competence" for a State (UNTOC 2(j)): only an organization answers it.
  .map((p) => (p.party.kind === 'state' ? { ...p, outsideCompetence: [] } : p));

describe('properties of clearInapplicable', () => {
  const packages = packageArb.map(parse);

  it('are checked over packages that exercise every rule, and packages that need no change', () => {
    const results = fc
      .sample(packages, { numRuns: 500, seed: 42 })
      .map((pkg) => clearInapplicable(pkg).cleared);
    expect(results.some((c) => c.length === 0)).toBe(true);
    expect(CLEARED_ANSWERS.filter((name) => !results.some((c) => c.includes(name)))).toEqual([]);
  });

  it('gives a package that parses with PackageSchema, unchanged by parsing', () => {
    fc.assert(
      fc.property(packages, (pkg) => {
        const out = clearInapplicable(pkg).pkg;
        const parsed = PackageSchema.safeParse(out);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(out);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: a second pass clears nothing and changes nothing', () => {
    fc.assert(
      fc.property(packages, (pkg) => {
        const once = clearInapplicable(pkg);
        const twice = clearInapplicable(once.pkg);
        expect(twice.cleared).toEqual([]);
        expect(twice.pkg).toEqual(once.pkg);
      }),
      { numRuns: 300 },
    );
  });

  it('lists something exactly when something changed, in CLEARED_ANSWERS order without repeats', () => {
    fc.assert(
      fc.property(packages, (pkg) => {
        const { pkg: out, cleared } = clearInapplicable(pkg);
        expect(cleared.length === 0).toBe(JSON.stringify(out) === JSON.stringify(pkg));
        expect(cleared).toEqual(CLEARED_ANSWERS.filter((c) => cleared.includes(c)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no answer for a treaty outside the package', () => {
    fc.assert(
      fc.property(packages, (pkg) => {
        const { pkg: out } = clearInapplicable(pkg);
        const inPackage = new Set(out.treaties.map((t) => t.treaty));
        expect(out.treaties.map((t) => t.treaty)).toEqual(pkg.treaties.map((t) => t.treaty));
        expect(out.authorities.flatMap((a) => a.roles).every((r) => roleApplies(r, inPackage))).toBe(true);
        expect(out.reservations.every((r) => inPackage.has(r.split('-')[0] as TreatyId))).toBe(true);
        expect(
          [...out.declarations, ...out.competence].flatMap((d) => d.treaties).every((t) => inPackage.has(t)),
        ).toBe(true);
        if (out.party.kind === 'reio') expect(out.fullPowers).toBeNull();
        else expect(out.competence).toEqual([]);
        if (out.extradition.conditionalOnTreaty !== true)
          expect(out.extradition.conventionAsLegalBasis).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
