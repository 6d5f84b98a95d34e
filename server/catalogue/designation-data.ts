/**
 * The designations a package can make, as data (designations.ts describes each field and holds the
 * functions that read them). Data only, so that a test can swap it for data extended with another
 * treaty's designation (tests/unit/catalogue/fifth-treaty.test.ts).
 */
export const DESIGNATION_IDS = ['untoc-18-13', 'untoc-31-6', 'som-8-6', 'fp-13-2'] as const;
export type DesignationId = (typeof DESIGNATION_IDS)[number];

export interface Designation {
  readonly id: DesignationId;
  readonly needs: 'address' | 'contact';
  readonly perTerritory: boolean;
  readonly channels: boolean;
  readonly dated: boolean;
  readonly paragraph: string;
  readonly list: string;
}

export const DESIGNATIONS = {
  'untoc-18-13': {
    id: 'untoc-18-13',
    needs: 'contact',
    perTerritory: true,
    channels: true,
    dated: false,
    paragraph: 'centralAuthority',
    list: 'central-authorities',
  },
  'untoc-31-6': {
    id: 'untoc-31-6',
    needs: 'address',
    perTerritory: false,
    channels: false,
    dated: false,
    paragraph: 'prevention',
    list: 'prevention',
  },
  'som-8-6': {
    id: 'som-8-6',
    needs: 'contact',
    perTerritory: false,
    channels: false,
    dated: true,
    paragraph: 'maritime',
    list: 'maritime',
  },
  'fp-13-2': {
    id: 'fp-13-2',
    needs: 'contact',
    perTerritory: false,
    channels: false,
    dated: false,
    paragraph: 'firearms',
    list: 'firearms',
  },
} as const satisfies Readonly<Record<DesignationId, Designation>>;
