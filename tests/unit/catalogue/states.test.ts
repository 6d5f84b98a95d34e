/**
 * Who can join (server/catalogue/states.ts): the 193 UN Member States, the Holy See and the State of
 * Palestine (non-member observer States), the Cook Islands and Niue (UNTC participants), and the
 * European Union as the one regional economic integration organization; and every participant of the
 * participation data is one of them.
 */
import {
  REGION_CODES,
  REIO_CODES,
  STATE_CODES,
  TREATY_IDS,
  UN_MEMBER_STATE_COUNT,
  isReioCode,
  isStateCode,
} from '../../../server/catalogue';
import { participation } from '../support/fixtures';

describe('States', () => {
  it('are 193 UN Member States and VA, PS, CK, NU: 197 codes, each once', () => {
    expect(UN_MEMBER_STATE_COUNT).toBe(193);
    expect(STATE_CODES).toHaveLength(197);
    expect(new Set(STATE_CODES).size).toBe(197);
    for (const code of ['VA', 'PS', 'CK', 'NU']) expect(isStateCode(code)).toBe(true);
  });

  it('are ISO 3166-1 alpha-2 codes, all among the region codes of addresses', () => {
    for (const code of STATE_CODES) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(REGION_CODES).toContain(code);
    }
  });

  it('include Member States admitted late (South Sudan 2011, Montenegro 2006, Timor-Leste 2002) and both Koreas', () => {
    for (const code of ['SS', 'ME', 'TL', 'KR', 'KP', 'BT', 'TH', 'IR']) expect(isStateCode(code)).toBe(true);
  });

  it('exclude territories, non-members that are not observer States, and the EU', () => {
    for (const code of ['TW', 'XK', 'EH', 'HK', 'MO', 'PR', 'GL', 'AW', 'EU', 'UK', 'ZZ', 'th', ''])
      expect(isStateCode(code)).toBe(false);
    expect(isStateCode(undefined)).toBe(false);
  });

  it('the European Union is the one regional economic integration organization', () => {
    expect([...REIO_CODES]).toEqual(['EU']);
    expect(isReioCode('EU')).toBe(true);
    expect(isReioCode('AU')).toBe(false);
  });
});

describe('every participant in the participation data', () => {
  it.each(TREATY_IDS.map((t) => [t]))('of %s is a known State or the EU', (treaty) => {
    const codes = [...participation()[treaty].records.keys()];
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((c) => !isStateCode(c) && !isReioCode(c))).toEqual([]);
    expect(codes).toContain('EU');
  });
});
