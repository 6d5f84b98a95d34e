/**
 * Whether full powers are drafted (domain/full-powers.ts), the one decision the facts, the journey, the
 * answers cleared, the documents and the bundle read (VCLT 7).
 */
import { fullPowersFor, officeNeedsFullPowers } from '../../../server/domain/full-powers';

const pkg = (purpose: 'join' | 'notify', kind: 'state' | 'reio', office: string | null) =>
  ({
    purpose,
    party: { kind },
    signatory: { office },
  }) as unknown as Parameters<typeof fullPowersFor>[0];

test.each([
  ['join', 'state', 'other', 'needed'],
  ['join', 'state', 'head-of-state', 'not-needed'],
  ['join', 'state', 'head-of-government', 'not-needed'],
  ['join', 'state', 'minister-for-foreign-affairs', 'not-needed'],
  ['join', 'state', null, 'office-unknown'],
  ['join', 'reio', 'other', 'organization'],
  ['join', 'reio', null, 'organization'],
  ['notify', 'state', 'other', 'later-notification'],
  ['notify', 'reio', null, 'later-notification'],
] as const)('%s, %s, signer %s: %s', (purpose, kind, office, decision) => {
  expect(fullPowersFor(pkg(purpose, kind, office))).toBe(decision);
});

test('an office needs full powers unless it is one of the three of VCLT 7(2)(a); unknown: null', () => {
  expect(officeNeedsFullPowers('other')).toBe(true);
  expect(officeNeedsFullPowers('head-of-state')).toBe(false);
  expect(officeNeedsFullPowers(null)).toBeNull();
});
