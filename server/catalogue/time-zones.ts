/**
 * IANA time zones: every name is accepted, current or old, and stored and printed under its current name.
 *
 * Node 20's ICU lists some zones under names IANA has since replaced (its `backward` file keeps the old
 * ones as links): `Intl.supportedValuesOf('timeZone')` has Asia/Calcutta and not Asia/Kolkata, and
 * `resolvedOptions()` answers the old name. So a name is checked by constructing a formatter with it
 * (Intl accepts both), and RENAMED maps what Intl lists under an old name to the current one.
 */

/** Old name -> current name, for the zones Intl (ICU 78, tz 2025) still lists under an old name. */
export const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/**
 * One formatter per language tag, zone and style, built once: building an Intl.DateTimeFormat costs far
 * more than using it, and every authority in every document asks for its zone's name and offset. Only
 * formatters that could be built are kept (a zone name is validated first), at most a few thousand.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tag: string, zone: string, style?: 'longOffset' | 'longGeneric'): Intl.DateTimeFormat {
  const key = `${tag}|${zone}|${style ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { timeZone: zone, ...(style ? { timeZoneName: style } : {}) });
    if (formatters.size >= 5000) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/**
 * What the functions below answered, by their arguments (a zone, a language tag, a date: Intl's
 * formatToParts costs microseconds a call and a checklist asks the same few many times). Bounded, as
 * dates can come from the user: starts again when full.
 */
const answers = new Map<string, string>();
function remembered(key: string, answer: () => string): string {
  let value = answers.get(key);
  if (value === undefined) {
    value = answer();
    if (answers.size >= 5000) answers.clear();
    answers.set(key, value);
  }
  return value;
}

/** Whether `name` is an IANA time zone Intl knows, under its current or an old name. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || name.length > 40) return false;
  try {
    formatter('und', name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The current IANA name of a zone: "Asia/Calcutta" and "Asia/Kolkata" are "Asia/Kolkata"; a link is its
 * zone ("US/Eastern" is "America/New_York"). `name` must be a zone (isTimeZone).
 */
export function currentTimeZoneName(name: string): string {
  return remembered(`current|${name}`, () => {
    const canonical = formatter('und', name).resolvedOptions().timeZone;
    return RENAMED[canonical] ?? canonical;
  });
}

/** Every zone under its current name, sorted, with UTC. */
export const TIME_ZONES: readonly string[] = [
  ...new Set([...Intl.supportedValuesOf('timeZone').map((z) => RENAMED[z] ?? z), 'UTC']),
].sort();

/** The zones of a country (ISO 3166-1 alpha-2), current names: what its authorities most likely use. */
export function timeZonesOf(country: string): string[] {
  try {
    const zones = (new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[] }).timeZones;
    return [...new Set((zones ?? []).map((z) => RENAMED[z] ?? z))];
  } catch {
    return [];
  }
}

/** "UTC+05:30", the zone's offset on `at` (ISO date). */
export function utcOffset(zone: string, at: string): string {
  return remembered(`offset|${zone}|${at}`, () => writeUtcOffset(zone, at));
}

function writeUtcOffset(zone: string, at: string): string {
  const part = formatter('und', zone, 'longOffset')
    .formatToParts(new Date(`${at}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  // Intl writes "GMT+05:30", and "GMT" or "GMT+00:00" for zero.
  return !part || /^GMT([+-]00:00)?$/.test(part) ? 'UTC' : part.replace('GMT', 'UTC');
}

/** The zone's name in a language ("India Standard Time", « heure de l'Inde »), or its IANA name. */
export function timeZoneName(zone: string, tag: string, at: string): string {
  return remembered(`name|${zone}|${tag}|${at}`, () => writeTimeZoneName(zone, tag, at));
}

function writeTimeZoneName(zone: string, tag: string, at: string): string {
  try {
    return (
      formatter(tag, zone, 'longGeneric')
        .formatToParts(new Date(`${at}T12:00:00Z`))
        .find((p) => p.type === 'timeZoneName')?.value ?? zone
    );
  } catch {
    return zone;
  }
}
