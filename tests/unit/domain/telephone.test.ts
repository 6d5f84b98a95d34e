/**
 * Telephone and fax numbers with an extension (issue 13): "ext. 5", "ext 5", "x5", "x 5" in any case are
 * accepted after an international number and stored as " ext. N"; the extension's digits are not counted
 * in E.164's 15.
 */
import { normalizePhone } from '../../../server/domain/package';
import { parsePackage } from '../../../server/domain/validate';
import { fixture } from '../../documents/helpers';

function withPhones(phone: string[]) {
  const input = fixture('good', 'signature-reservation-confirmed') as { authorities: { phone: string[] }[] };
  input.authorities[0]!.phone = phone;
  return parsePackage(input);
}

describe('telephone extensions', () => {
  it.each([
    ['+1 613 555 0100 ext. 5', '+1 613 555 0100 ext. 5'],
    ['+1 613 555 0100 ext 5', '+1 613 555 0100 ext. 5'],
    ['+1 613 555 0100 EXT.5', '+1 613 555 0100 ext. 5'],
    ['+1 613 555 0100 x5', '+1 613 555 0100 ext. 5'],
    ['+1 613 555 0100 X 123456', '+1 613 555 0100 ext. 123456'],
    ['  +1 613 555 0100  ext.  5 ', '+1 613 555 0100 ext. 5'],
    ['+66 2 123 4567', '+66 2 123 4567'],
  ])('accepts %j and stores %j', (raw, stored) => {
    expect(normalizePhone(raw)).toBe(stored);
    const parsed = withPhones([raw]);
    expect(parsed.ok && parsed.pkg.authorities[0]!.phone).toEqual([stored]);
  });

  it.each([
    '+1 613 555 0100 ext.',
    '+1 613 555 0100 ext. 1234567',
    '+1 613 555 0100 extension 5',
    '+1 613 555 0100 #5',
    '613 555 0100 ext. 5',
    '+123456 ext. 5',
    '+1 613 555 0100 ext. 5 ext. 6',
  ])('refuses %j with schema.phone', (raw) => {
    const parsed = withPhones([raw]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.code)).toEqual(['schema.phone']);
  });

  it('counts 15 digits without the extension', () => {
    expect(withPhones(['+123 456 789 012 345 ext. 99']).ok).toBe(true);
  });

  it('treats two spellings of the same extension as the same number (no duplicates)', () => {
    const parsed = withPhones(['+1 613 555 0100 ext. 5', '+1 613 555 0100 x5']);
    expect(parsed.ok).toBe(false);
  });
});
