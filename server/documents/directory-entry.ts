/**
 * An authority laid out as a directory entry (the fields States supply in their notifications and the
 * UNODC directory of competent national authorities keeps, LEGAL.md §6): name, unit, officer, address,
 * telephone, fax, e-mail, website, office hours, time zone, channels, territory, date of designation.
 * Rows the package leaves empty are left out; an authority with no way to reach it gets a marker.
 */
import { DESIGNATIONS } from '../catalogue/designations';
import { designationComplete } from '../domain/facts';
import type { Authority, AuthorityRole } from '../domain/package';
import { addressLines } from '../catalogue/address-formats';
import { currentTimeZoneName, utcOffset } from '../catalogue/time-zones';
import { formatDate, regionName } from '../i18n/format';
import type { DocumentContext } from './context';
import { text } from './inline';
import type { Block, Inline } from './model';

/** "Asia/Bangkok (GMT+07:00)": the IANA zone and its offset from UTC today. */
/** "Asia/Kolkata (UTC+05:30)": the zone's current IANA name and today's offset from UTC. */
function timeZoneLabel(zone: string, today: string): string {
  return `${currentTimeZoneName(zone)} (${utcOffset(zone, today)})`;
}

function lines(values: readonly string[]): Inline[] {
  return values.flatMap((v, i) => (i === 0 ? [text(v)] : [{ type: 'break' } as const, text(v)]));
}

export function directoryEntry(
  ctx: DocumentContext,
  authority: Authority,
  options: { role: AuthorityRole },
): Block {
  const t = ctx.t;
  const rows: { label: string; value: Inline[] }[] = [];
  const row = (key: string, value: Inline[] | string | null) => {
    if (value === null || (Array.isArray(value) && value.length === 0)) return;
    rows.push({
      label: t(`documents:directory.${key}`),
      value: typeof value === 'string' ? [text(value)] : value,
    });
  };
  row('name', authority.name);
  row('unit', authority.unit);
  row('officer', authority.officerTitle);
  if (authority.territory) row('territory', authority.territory);
  const a = authority.address;
  if (a) {
    row('address', lines(addressLines(a, (code) => regionName(code, ctx.lng))));
  }
  row('phone', lines(authority.phone));
  row('fax', lines(authority.fax));
  row('email', lines(authority.email));
  row('website', authority.website);
  row('officeHours', authority.officeHours);
  if (authority.timeZone) row('timeZone', timeZoneLabel(authority.timeZone, ctx.today));
  const designation = DESIGNATIONS[options.role];
  // The channels (diplomatic channels, INTERPOL, oral requests) are those of UNTOC 18(13)-(14) for
  // requests for mutual legal assistance: printed under a central authority only (the designation whose
  // requests come through channels, catalogue data).
  const ch = authority.channels;
  if (designation.channels) {
    if (ch.diplomaticOnly !== null)
      row('diplomatic', t(`documents:directory.diplomaticValue.${ch.diplomaticOnly ? 'yes' : 'no'}`));
    if (ch.interpolForUrgent !== null)
      row('interpol', t(`documents:directory.interpolValue.${ch.interpolForUrgent ? 'yes' : 'no'}`));
    if (ch.oralForUrgent !== null)
      row('oral', t(`documents:directory.oralValue.${ch.oralForUrgent ? 'yes' : 'no'}`));
  }
  // The date of a designation whose notification period it starts (SOM 8(6)).
  if (designation.dated && authority.designatedOn)
    row('designatedOn', formatDate(authority.designatedOn, ctx.lng));
  // What a designation lacks (31(6): the address; the others: a way to reach it) is marked in a draft,
  // under the label and with the marker of what completes it (`needs`, catalogue data).
  if (!designationComplete(options.role, authority)) {
    rows.push({
      label: t(`documents:directory.${designation.needs}`),
      value: [ctx.marker(designation.needs, { name: authority.name })],
    });
  }
  return { type: 'fields', caption: authority.name, rows };
}
