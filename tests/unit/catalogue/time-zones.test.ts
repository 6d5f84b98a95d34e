/**
 * Time zones (server/catalogue/time-zones.ts): every IANA name is accepted, current or old, and kept
 * under its current name, in the package schema as everywhere; the authority form lists the zones of the
 * authority's country first, with their offset and a readable name.
 */
import {
  currentTimeZoneName,
  isTimeZone,
  RENAMED,
  TIME_ZONES,
  timeZonesOf,
  utcOffset,
} from '../../../server/catalogue/time-zones';
import { parsePackage } from '../../../server/domain/validate';
import { createI18n } from '../../../server/i18n';
import { authorityFields } from '../../../server/http/journey/definitions';
import { loadParticipation } from '../../../server/catalogue';
import { PATHS } from '../../../server/paths';

/** The six current names Node 20's ICU lists under their old ones (STACK.md, December 2026). */
const CURRENT = [
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Ho_Chi_Minh',
  'Europe/Kyiv',
  'Asia/Yangon',
  'America/Nuuk',
];
const OLD = [
  'Asia/Calcutta',
  'Asia/Katmandu',
  'Asia/Saigon',
  'Europe/Kiev',
  'Asia/Rangoon',
  'America/Godthab',
];

describe('names', () => {
  it.each(CURRENT.map((c, i) => [c, OLD[i]!]))(
    '%s and its old name %s are both accepted, kept as the first',
    (current, old) => {
      expect(isTimeZone(current)).toBe(true);
      expect(isTimeZone(old)).toBe(true);
      expect(currentTimeZoneName(current)).toBe(current);
      expect(currentTimeZoneName(old)).toBe(current);
    },
  );

  it('keeps links under their zone and other names as they are', () => {
    expect(currentTimeZoneName('US/Eastern')).toBe('America/New_York');
    expect(currentTimeZoneName('Asia/Thimphu')).toBe('Asia/Thimphu');
    expect(currentTimeZoneName('UTC')).toBe('UTC');
  });

  it.each(['Mars/Olympus', '', 'Asia/', '../etc/passwd', 'a'.repeat(41), 'Asia/Kolkata\n'])(
    'refuses %j',
    (name) => {
      expect(isTimeZone(name)).toBe(false);
    },
  );

  it('lists every zone once, under its current name, with UTC', () => {
    expect(new Set(TIME_ZONES).size).toBe(TIME_ZONES.length);
    for (const name of CURRENT) expect(TIME_ZONES).toContain(name);
    for (const name of Object.keys(RENAMED)) expect(TIME_ZONES).not.toContain(name);
    expect(TIME_ZONES).toContain('UTC');
  });

  it('knows a country’s zones and a zone’s offset', () => {
    expect(timeZonesOf('IN')).toEqual(['Asia/Kolkata']);
    expect(timeZonesOf('UA')).toContain('Europe/Kyiv');
    expect(timeZonesOf('BT')).toEqual(['Asia/Thimphu']);
    expect(utcOffset('Asia/Kathmandu', '2027-01-15')).toBe('UTC+05:45');
    expect(utcOffset('UTC', '2027-01-15')).toBe('UTC');
    expect(utcOffset('Europe/Paris', '2027-07-15')).toBe('UTC+02:00');
  });
});

describe('the package schema', () => {
  it.each(CURRENT.map((c, i) => [c, OLD[i]!]))(
    'stores %s whether sent as itself or as %s',
    (current, old) => {
      for (const sent of [current, old]) {
        const parsed = parsePackage({
          party: { kind: 'state', code: 'IN' },
          treaties: [{ treaty: 'untoc', instrument: 'accession' }],
          authorities: [{ roles: ['untoc-18-13'], name: 'Central Authority', timeZone: sent }],
        });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        expect(parsed.pkg.authorities[0]!.timeZone).toBe(current);
      }
    },
  );

  it('refuses a name that is no zone, with schema.timeZone', () => {
    const parsed = parsePackage({
      party: { kind: 'state', code: 'IN' },
      treaties: [{ treaty: 'untoc', instrument: 'accession' }],
      authorities: [{ roles: ['untoc-18-13'], name: 'Central Authority', timeZone: 'Mars/Olympus' }],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues).toEqual([
        expect.objectContaining({ code: 'schema.timeZone', path: ['authorities', 0, 'timeZone'] }),
      ]);
  });
});

describe('the authority form', () => {
  const i18n = createI18n(PATHS.locales);
  const participation = loadParticipation(PATHS.participationData);
  const pkg = (() => {
    const parsed = parsePackage({
      party: { kind: 'state', code: 'IN' },
      treaties: [{ treaty: 'untoc', instrument: 'accession' }],
      authorities: [{ roles: ['untoc-18-13'], name: 'Central Authority', address: { country: 'UA' } }],
    });
    if (!parsed.ok) throw new Error('does not parse');
    return parsed.pkg;
  })();

  it('lists the zones of the address’s country first, then every other, each with its offset', () => {
    const fields = authorityFields(pkg, ['authorities', 0], { t: i18n.t('en'), lng: 'en', participation });
    const options = fields.find((f) => f.name === 'timeZone')!.options!;
    const first = options.filter((o) => o.group === 'Time zones of Ukraine').map((o) => o.value);
    expect(first).toContain('Europe/Kyiv');
    expect(options.slice(0, first.length).map((o) => o.value)).toEqual(first);
    expect(options.find((o) => o.value === 'Europe/Kyiv')!.label).toMatch(
      /^Europe\/Kyiv, .+ \(UTC\+0[23]:00\)$/,
    );
    expect(options.filter((o) => o.group === 'Other time zones').length).toBe(options.length - first.length);
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
  });

  it('falls back to the party’s country, and names the zones in the page language', () => {
    const noAddress = { ...pkg, authorities: [{ ...pkg.authorities[0]!, address: null }] };
    const fields = authorityFields(noAddress, ['authorities', 0], {
      t: i18n.t('fr'),
      lng: 'fr',
      participation,
    });
    const options = fields.find((f) => f.name === 'timeZone')!.options!;
    expect(options[0]!.value).toBe('Asia/Kolkata');
    expect(options[0]!.group).toBe('Fuseaux horaires du pays\u00a0: Inde');
  });
});
