/**
 * The competent-authorities directory export: each authority a package designates, one record per
 * designation it holds, with the fields of UNODC's directory of competent national authorities (SHERLOC),
 * as CSV (for a spreadsheet) or JSON (for a program), in the document language.
 *
 * The field list is the project's legal notes' (LEGAL.md §6), which says it is **from memory, unverified**
 * (the SHERLOC site was not available): the JSON says so (`fieldList.verified: false` and its source),
 * the CSV in its last column, the documents page beside the links, and the README.
 *
 * Which authorities: those the notifications print (build-notifications.ts), read from the catalogue's
 * designations in its order: a designation of a treaty in the package, not answered by an organization as
 * outside its competence (UNTOC 2(j)); under a designation named per territory (UNTOC 18(13)), the
 * whole State's authority first, then each territory's, in the package's order.
 *
 * Values are the user's, as typed: in another language than the answers', the translation typed for it
 * where there is one, else the text as typed (never a "to be translated" marker: a data file is not a
 * draft to complete). Labels, the legal basis, the country's name and the yes/no answers are in the
 * document language; dates are ISO 8601 (YYYY-MM-DD), which spreadsheets read as dates in any language.
 *
 * The date of designation is given for the designation whose date the package records (SOM 8(6),
 * `dated`); the last update is the draft's last revision (its date, UTC) or, for a package sent alone
 * (the API), the day of the export.
 *
 * CSV: RFC 4180 (comma, CRLF between records, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled), UTF-8 with a byte-order mark (without it, Excel opens a CSV in the Windows code
 * page and turns Arabic, Chinese, Cyrillic and accents into mojibake). Several values in one field are
 * separated by "; ", the lines of an address by a line feed. A value a spreadsheet would run as a formula
 * (one beginning with = + - @, a tab or a carriage return: telephone numbers begin with "+") gets a
 * leading apostrophe, as OWASP recommends, so it is text: the apostrophe is shown, and a reader of the file
 * removes it before those characters.
 */
import { addressLines } from '../catalogue/address-formats';
import {
  DESIGNATION_IDS,
  DESIGNATIONS,
  designationRequirement,
  designationTreaty,
} from '../catalogue/designations';
import type { IsoDate } from '../catalogue/treaties';
import { TREATIES } from '../catalogue/treaties';
import { currentTimeZoneName, utcOffset } from '../catalogue/time-zones';
import { UN_NAMES } from '../catalogue/un-names';
import type { Authority, Package } from '../domain/package';
import { packageInLanguage } from '../domain/translations';
import type { Assessment } from '../domain/validate';
import { languageName, regionName } from '../i18n/format';
import { formatCitation, type Translator } from '../i18n/messages';

/** The name the API and the pages give the export (POST /api/v1/documents/authorities). */
export const DIRECTORY_DOCUMENT = 'authorities';
export const DIRECTORY_FORMATS = ['csv', 'json'] as const;
export type DirectoryFormat = (typeof DIRECTORY_FORMATS)[number];

export function isDirectoryFormat(value: unknown): value is DirectoryFormat {
  return typeof value === 'string' && (DIRECTORY_FORMATS as readonly string[]).includes(value);
}

/** The status of the country's name: the UN data's (un-names.ts), or not in it (CLDR's name, the EU). */
export type CountryNameStatus = 'verified' | 'partly-verified' | 'unverified' | 'not-in-un-data';

/** A record's values by field, as the JSON gives them. */
export interface DirectoryRecord {
  country: string;
  countryCode: string;
  countryNameStatus: CountryNameStatus;
  authorityType: string;
  designation: string;
  legalBasis: string;
  treaty: string;
  article: string;
  territory: string | null;
  name: string;
  unit: string | null;
  officer: string | null;
  addressLines: string[];
  city: string | null;
  postcode: string | null;
  addressCountry: string | null;
  addressCountryCode: string | null;
  formattedAddress: string[];
  phone: string[];
  fax: string[];
  email: string[];
  website: string | null;
  officeHours: string | null;
  timeZone: string | null;
  utcOffset: string | null;
  languages: string[];
  languageCodes: string[];
  diplomaticChannels: boolean | null;
  interpol: boolean | null;
  oralRequests: boolean | null;
  designatedOn: IsoDate | null;
  lastUpdated: IsoDate;
}

export type DirectoryField = keyof DirectoryRecord;

/** The fields in their stable order: the CSV's columns, the JSON's keys. */
export const DIRECTORY_FIELDS: readonly DirectoryField[] = [
  'country',
  'countryCode',
  'countryNameStatus',
  'authorityType',
  'designation',
  'legalBasis',
  'treaty',
  'article',
  'territory',
  'name',
  'unit',
  'officer',
  'addressLines',
  'city',
  'postcode',
  'addressCountry',
  'addressCountryCode',
  'formattedAddress',
  'phone',
  'fax',
  'email',
  'website',
  'officeHours',
  'timeZone',
  'utcOffset',
  'languages',
  'languageCodes',
  'diplomaticChannels',
  'interpol',
  'oralRequests',
  'designatedOn',
  'lastUpdated',
];

/** The CSV's last column: the field list's source and status, on every row (the file travels alone). */
export const FIELD_LIST_COLUMN = 'fieldListSource';

const label = (tr: Translator, key: string) => tr.t(`documents:authorities.fields.${key}`);

function countryOf(pkg: Package, lng: Translator['lng']): { name: string; status: CountryNameStatus } {
  const un = pkg.party.kind === 'state' ? UN_NAMES.get(pkg.party.code) : undefined;
  const status: CountryNameStatus =
    un === undefined ? 'not-in-un-data' : un.status === 'partly' ? 'partly-verified' : un.status;
  return { name: regionName(pkg.party.code, lng), status };
}

/** The languages of requests (UNTOC 18(14)): the territory's own where it has some, else the State's. */
function requestLanguages(pkg: Package, authority: Authority): string[] {
  if (authority.territory !== null) {
    const key = authority.territory.toLocaleLowerCase();
    const own = pkg.territories.find((t) => t.name.toLocaleLowerCase() === key)?.mlaLanguages ?? [];
    if (own.length > 0) return [...own];
  }
  return [...pkg.mlaLanguages];
}

/**
 * The records of an assessment's package, in `tr`'s language. `lastUpdated`: the draft's last revision
 * date, or the day of the export.
 */
export function directoryRecords(
  assessment: Assessment,
  tr: Translator,
  options: { readonly today: IsoDate; readonly lastUpdated: IsoDate },
): DirectoryRecord[] {
  const { facts } = assessment;
  const answers = assessment.answers;
  const lng = tr.lng;
  // The values as typed: the translation into this language where one was typed, else the source text.
  const printed = packageInLanguage(answers, lng, (source) => source);
  const country = countryOf(answers, lng);
  const records: DirectoryRecord[] = [];
  for (const id of DESIGNATION_IDS) {
    const designation = DESIGNATIONS[id];
    const treaty = designationTreaty(id);
    if (!facts.inPackage.has(treaty) || facts.outsideCompetence.has(id)) continue;
    const requirement = designationRequirement(id);
    const holders = answers.authorities
      .map((authority, index) => ({ authority, index }))
      .filter(({ authority }) => authority.roles.includes(id));
    // Per territory (18(13)): the whole State's first, then each territory's.
    const ordered = designation.perTerritory
      ? [
          ...holders.filter((h) => h.authority.territory === null),
          ...holders.filter((h) => h.authority.territory !== null),
        ]
      : holders;
    for (const { authority: source, index } of ordered) {
      const a = printed.authorities[index]!;
      const address = a.address;
      const codes = designation.channels ? requestLanguages(answers, source) : [];
      const channels = designation.channels ? a.channels : null;
      records.push({
        country: country.name,
        countryCode: answers.party.code,
        countryNameStatus: country.status,
        authorityType: tr.t(`legal:requirements.${id}.label`),
        designation: id,
        legalBasis: formatCitation(requirement.citation, tr),
        treaty: TREATIES[treaty].titles[lng].text,
        article: requirement.citation.article,
        territory: a.territory,
        name: a.name,
        unit: a.unit,
        officer: a.officerTitle,
        addressLines: address ? [...address.lines] : [],
        city: address?.city ?? null,
        postcode: address?.postcode ?? null,
        addressCountry: address?.country ? regionName(address.country, lng) : null,
        addressCountryCode: address?.country ?? null,
        formattedAddress: address ? addressLines(address, (code) => regionName(code, lng)) : [],
        phone: [...a.phone],
        fax: [...a.fax],
        email: [...a.email],
        website: a.website,
        officeHours: a.officeHours,
        timeZone: a.timeZone ? currentTimeZoneName(a.timeZone) : null,
        utcOffset: a.timeZone ? utcOffset(a.timeZone, options.today) : null,
        languages: codes.map((c) => languageName(c, lng)),
        languageCodes: codes,
        diplomaticChannels: channels?.diplomaticOnly ?? null,
        interpol: channels?.interpolForUrgent ?? null,
        oralRequests: channels?.oralForUrgent ?? null,
        designatedOn: designation.dated ? a.designatedOn : null,
        lastUpdated: options.lastUpdated,
      });
    }
  }
  return records;
}

/** A yes/no answer as the notifications word it (documents:directory.*Value). */
const ANSWER_KEYS: Partial<Record<DirectoryField, string>> = {
  diplomaticChannels: 'diplomaticValue',
  interpol: 'interpolValue',
  oralRequests: 'oralValue',
};

/** A field's value as CSV text, in the document language. */
function cellText(record: DirectoryRecord, field: DirectoryField, tr: Translator): string {
  const value = record[field];
  if (value === null) return '';
  if (typeof value === 'boolean')
    return tr.t(`documents:directory.${ANSWER_KEYS[field]!}.${value ? 'yes' : 'no'}`);
  if (Array.isArray(value))
    return value.join(field === 'addressLines' || field === 'formattedAddress' ? '\n' : '; ');
  if (field === 'countryNameStatus')
    return value === 'not-in-un-data'
      ? tr.t('documents:authorities.countryNameNotInUnData')
      : tr.t(`legal:verification.${value}`);
  return value;
}

/** What a spreadsheet would run as a formula: a cell beginning with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as text, never as a formula: a leading apostrophe before = + - @ tab CR (OWASP). */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. */
function csvField(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const BOM = '\uFEFF';

/** The records as CSV: a header row of labels, then a row per record; UTF-8 with a BOM, CRLF. */
export function directoryCsv(records: readonly DirectoryRecord[], tr: Translator): Buffer {
  const note = tr.t('documents:authorities.fieldListSource');
  const header = [...DIRECTORY_FIELDS.map((f) => label(tr, f)), label(tr, FIELD_LIST_COLUMN)];
  const rows = records.map((r) => [...DIRECTORY_FIELDS.map((f) => cellText(r, f, tr)), note]);
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The export as JSON: the language, the field list (its source, unverified), the fields' labels, the records. */
export function directoryJson(records: readonly DirectoryRecord[], tr: Translator): Buffer {
  const body = {
    language: tr.lng,
    fieldList: {
      verified: false,
      source: tr.t('documents:authorities.fieldListSource'),
    },
    fields: DIRECTORY_FIELDS.map((key) => ({ key, label: label(tr, key) })),
    records: records.map((r) => Object.fromEntries(DIRECTORY_FIELDS.map((f) => [f, r[f]]))),
  };
  return Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8');
}

export const DIRECTORY_TYPES: Readonly<Record<DirectoryFormat, string>> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};
