/**
 * Postal addresses in the order of their country (server/catalogue/address-formats.ts, data from
 * OpenCage's address-formatting templates): the postcode before the city in Germany and France, after it
 * in Canada, the United States and Japan, on a line of its own in the United Kingdom and Brazil; an
 * unknown country keeps the product's former order.
 */
import path from 'node:path';
import {
  ADDRESS_FORMATS,
  addressFormat,
  addressLines,
  DEFAULT_ADDRESS_FORMAT,
  loadAddressFormats,
  type PostalAddress,
} from '../../../server/catalogue/address-formats';
import { REGION_CODES } from '../../../server/catalogue/regions';
import { regionName } from '../../../server/i18n/format';
import { PATHS } from '../../../server/paths';

const byCode = (code: string) => `<${code}>`;

function address(
  country: string | null,
  postcode: string | null,
  city: string | null,
  lines: string[] = [],
): PostalAddress {
  return { lines, city, postcode, country };
}

describe('the order of a postal address, per country', () => {
  it.each([
    ['CA', 'K1A 0H8', 'Ottawa ON', ['284 Wellington Street', 'Ottawa ON K1A 0H8', '<CA>']],
    ['US', '20530', 'Washington, DC', ['950 Pennsylvania Avenue NW', 'Washington, DC 20530', '<US>']],
    ['JP', '100-8977', 'Chiyoda-ku, Tokyo', ['1-1-1 Kasumigaseki', 'Chiyoda-ku, Tokyo 100-8977', '<JP>']],
    ['IN', '110001', 'New Delhi', ['North Block', 'New Delhi - 110001', '<IN>']],
    ['DE', '10117', 'Berlin', ['Mohrenstraße 37', '10117 Berlin', '<DE>']],
    ['FR', '75001', 'Paris', ['13 place Vendôme', '75001 Paris', '<FR>']],
    ['GB', 'SW1H 9AJ', 'London', ['102 Petty France', 'London', 'SW1H 9AJ', '<GB>']],
    ['BR', '70064-900', 'Brasília - DF', ['Esplanada dos Ministérios', 'Brasília - DF', '70064-900', '<BR>']],
    ['AL', '1001', 'Tirana', ['Bulevardi Zogu I', '1001', 'Tirana', '<AL>']],
  ])('%s: %s and %s', (country, postcode, city, expected) => {
    const [first] = expected;
    expect(addressLines(address(country, postcode, city, [first!]), byCode)).toEqual(expected);
  });

  it("keeps today's order (postcode, a space, city) for no country, and for one whose format has no postcode", () => {
    expect(addressLines(address(null, 'K1A 0H8', 'Ottawa'), byCode)).toEqual(['K1A 0H8 Ottawa']);
    expect(ADDRESS_FORMATS.get('AE')?.postcode).toBe('none');
    expect(addressLines(address('AE', '12345', 'Abu Dhabi'), byCode)).toEqual(['12345 Abu Dhabi', '<AE>']);
    expect(addressFormat('ZZ')).toEqual(DEFAULT_ADDRESS_FORMAT);
  });

  it('prints a city or a postcode alone, and leaves out blank parts', () => {
    expect(addressLines(address('GB', null, 'London', ['10 Downing Street']), byCode)).toEqual([
      '10 Downing Street',
      'London',
      '<GB>',
    ]);
    expect(addressLines(address('CA', 'K1A 0H8', ' '), byCode)).toEqual(['K1A 0H8', '<CA>']);
    expect(addressLines(address(null, null, null, ['Post Box 1045', ' ']), byCode)).toEqual([
      'Post Box 1045',
    ]);
  });

  it("names the country last, in the reader's language", () => {
    const lines = addressLines(address('CA', 'K1A 0H8', 'Ottawa ON'), (code) => regionName(code, 'fr'));
    expect(lines).toEqual(['Ottawa ON K1A 0H8', regionName('CA', 'fr')]);
    expect(lines[1]).toMatch(/Canada/);
  });
});

describe('the data (server/catalogue/data/address-formats.csv)', () => {
  it('has one row per ISO 3166-1 code it knows, every code a region the package accepts', () => {
    const codes = [...ADDRESS_FORMATS.keys()];
    expect(codes.filter((c) => !(REGION_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    // Most of the world is covered; a missing code prints in the default order.
    expect(codes.length).toBeGreaterThan(200);
  });

  it('reads again to the same table (the loader checks each row)', () => {
    const again = loadAddressFormats(path.join(PATHS.participationData, 'address-formats.csv'));
    expect([...again.entries()]).toEqual([...ADDRESS_FORMATS.entries()]);
    for (const [, format] of again) {
      expect(format.separator === '').toBe(format.postcode !== 'before' && format.postcode !== 'after');
    }
  });
});
