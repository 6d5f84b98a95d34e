/**
 * The order of a postal address's lines in the authority's country: whether the postcode comes before
 * the city ("10117 Berlin"), after it ("Ottawa ON K1A 0H8"), or on a line of its own (the United
 * Kingdom). Data: data/address-formats.csv, derived from OpenCage's address-formatting templates (the
 * folder's README gives the source, its commit and date, and how each row is derived). Read once.
 *
 * A package's address holds free lines, a city, a postcode and a country, so only the city line's order
 * is the country's; the free lines come first and the country's name last, as international mail writes
 * it. A country the data does not know, or whose format has no postcode, keeps the order the product
 * printed before: postcode, a space, city.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../paths';
import { parseCsv } from './csv';

/** Where the postcode stands against the city: same line before or after it, or a line of its own below or above it. */
export const POSTCODE_PLACES = ['before', 'after', 'below', 'above', 'none'] as const;
export type PostcodePlace = (typeof POSTCODE_PLACES)[number];

export interface AddressFormat {
  readonly postcode: PostcodePlace;
  /** Between postcode and city on one line (" ", ", ", " - "); empty for the other places. */
  readonly separator: string;
}

/** A postal address as a package holds it (domain/package.ts AddressSchema). */
export interface PostalAddress {
  readonly lines: readonly string[];
  readonly city: string | null;
  readonly postcode: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
}

/** Today's order for a country the data does not know: "K1A 0H8 Ottawa". */
export const DEFAULT_ADDRESS_FORMAT: AddressFormat = { postcode: 'before', separator: ' ' };

export function loadAddressFormats(file: string): ReadonlyMap<string, AddressFormat> {
  const formats = new Map<string, AddressFormat>();
  for (const row of parseCsv(fs.readFileSync(file, 'utf8'))) {
    const place = row.postcode as PostcodePlace;
    if (!row.region || !(POSTCODE_PLACES as readonly string[]).includes(place))
      throw new Error(`${file}: a row without a region or with an unknown postcode place`);
    const sameLine = place === 'before' || place === 'after';
    if (sameLine !== ((row.separator ?? '') !== ''))
      throw new Error(`${file}: ${row.region}: a separator goes with "before" or "after" only`);
    formats.set(row.region, { postcode: place, separator: row.separator ?? '' });
  }
  return formats;
}

export const ADDRESS_FORMATS: ReadonlyMap<string, AddressFormat> = loadAddressFormats(
  path.join(PATHS.participationData, 'address-formats.csv'),
);

/** The format of a country (ISO 3166-1 alpha-2); the default for an unknown one or one without postcodes. */
export function addressFormat(region: string | null): AddressFormat {
  const format = region === null ? undefined : ADDRESS_FORMATS.get(region);
  return format === undefined || format.postcode === 'none' ? DEFAULT_ADDRESS_FORMAT : format;
}

/** The postcode and city as the country writes them: one line, or two. */
function cityLines(postcode: string | null, city: string | null, format: AddressFormat): string[] {
  if (postcode === null || city === null) return [postcode ?? city].filter((x): x is string => x !== null);
  switch (format.postcode) {
    case 'after':
      return [`${city}${format.separator}${postcode}`];
    case 'below':
      return [city, postcode];
    case 'above':
      return [postcode, city];
    default:
      return [`${postcode}${format.separator}${city}`];
  }
}

/**
 * An address's lines in the order of its country: the free lines, the postcode and city as that country
 * writes them, then the country's name (`countryName` gives it in the reader's language).
 */
export function addressLines(address: PostalAddress, countryName: (code: string) => string): string[] {
  const blank = (x: string | null) => (x === null || x.trim() === '' ? null : x);
  return [
    ...address.lines.filter((line) => line.trim() !== ''),
    ...cityLines(blank(address.postcode), blank(address.city), addressFormat(address.country)),
    ...(address.country ? [countryName(address.country)] : []),
  ];
}
