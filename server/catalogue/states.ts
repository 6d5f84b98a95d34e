/**
 * Who can join: the States entitled under the "all States" formula of UNTOC 36 and the Protocols, as
 * the UN Secretary-General applies it (the 193 Member States, the two non-member observer States, and
 * the Cook Islands and Niue, which are UNTC participants), plus the European Union, the one regional
 * economic integration organization among the participants (UNTOC 2(j), 36(2)-(4)).
 * Keyed by ISO 3166-1 alpha-2 code ("EU" for the European Union, as in the participation data).
 * Names are never stored: they come from Intl.DisplayNames in the reader's language.
 */

/** UN Member States (193), by ISO 3166-1 alpha-2 code. */
const UN_MEMBER_STATES = [
  'AD', 'AE', 'AF', 'AG', 'AL', 'AM', 'AO', 'AR', 'AT', 'AU', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH',
  'BI', 'BJ', 'BN', 'BO', 'BR', 'BS', 'BT', 'BW', 'BY', 'BZ', 'CA', 'CD', 'CF', 'CG', 'CH', 'CI', 'CL', 'CM',
  'CN', 'CO', 'CR', 'CU', 'CV', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'ER', 'ES',
  'ET', 'FI', 'FJ', 'FM', 'FR', 'GA', 'GB', 'GD', 'GE', 'GH', 'GM', 'GN', 'GQ', 'GR', 'GT', 'GW', 'GY', 'HN',
  'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IN', 'IQ', 'IR', 'IS', 'IT', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI',
  'KM', 'KN', 'KP', 'KR', 'KW', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA',
  'MC', 'MD', 'ME', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MR', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NE', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NZ', 'OM', 'PA', 'PE', 'PG', 'PH', 'PK', 'PL', 'PT', 'PW', 'PY',
  'QA', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SI', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR',
  'SS', 'ST', 'SV', 'SY', 'SZ', 'TD', 'TG', 'TH', 'TJ', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TZ', 'UA',
  'UG', 'US', 'UY', 'UZ', 'VC', 'VE', 'VN', 'VU', 'WS', 'YE', 'ZA', 'ZM', 'ZW',
] as const;

/** Non-member observer States (Holy See, State of Palestine) and the Cook Islands and Niue. */
const OTHER_STATES = ['VA', 'PS', 'CK', 'NU'] as const;

export const STATE_CODES: readonly string[] = [...UN_MEMBER_STATES, ...OTHER_STATES].sort();

/** Regional economic integration organizations (UNTOC 2(j)). */
export const REIO_CODES = ['EU'] as const;
export type ReioCode = (typeof REIO_CODES)[number];

const STATES: ReadonlySet<string> = new Set(STATE_CODES);

export function isStateCode(value: unknown): value is string {
  return typeof value === 'string' && STATES.has(value);
}

export function isReioCode(value: unknown): value is ReioCode {
  return typeof value === 'string' && (REIO_CODES as readonly string[]).includes(value);
}

export const UN_MEMBER_STATE_COUNT = UN_MEMBER_STATES.length;
