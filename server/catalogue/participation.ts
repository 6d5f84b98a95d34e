/**
 * Who signed each treaty and when, and who had already joined, from the UN Treaty Collection data in
 * ./data (see its README), in the files each treaty's `participation` names (treaty-data.ts). Signature columns are complete; consent columns are snapshots (2014, and
 * 2021 for the Smuggling Protocol), so every consent answer carries the date of its snapshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';
import type { SourceId } from './sources';
import { TREATIES, TREATY_IDS, type IsoDate, type TreatyId } from './treaties';

export const CONSENT_TYPES = ['ratification', 'acceptance', 'approval', 'accession', 'succession'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

export interface Consent {
  readonly date: IsoDate;
  /** null where the source gives a date with no marker and no signature (shared README, discrepancies 2-3). */
  readonly type: ConsentType | null;
  readonly asAt: IsoDate;
  readonly source: SourceId;
}

export interface ParticipationRecord {
  readonly code: string;
  /** The participant's name as the source writes it (a UNTC name of the snapshot date). */
  readonly sourceName: string;
  readonly signature: IsoDate | null;
  readonly consent: Consent | null;
}

export interface TreatyParticipation {
  readonly treaty: TreatyId;
  /** The date up to which "not a party" holds: the newest snapshot that lists every party. */
  readonly asAt: IsoDate;
  readonly sources: readonly SourceId[];
  readonly records: ReadonlyMap<string, ParticipationRecord>;
}

export type Participation = Readonly<Record<TreatyId, TreatyParticipation>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOrNull(value: string | undefined, where: string): IsoDate | null {
  if (value === undefined || value === '') return null;
  if (!DATE.test(value)) throw new Error(`${where}: not a date: ${value}`);
  return value;
}

function consentType(value: string | undefined, where: string): ConsentType | null {
  if (value === undefined || value === '') return null;
  if (!(CONSENT_TYPES as readonly string[]).includes(value))
    throw new Error(`${where}: unknown consent type ${value}`);
  return value as ConsentType;
}

function readRecords(file: string, source: SourceId): Map<string, ParticipationRecord & { asAt: IsoDate }> {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const records = new Map<string, ParticipationRecord & { asAt: IsoDate }>();
  for (const [n, row] of rows.entries()) {
    const where = `${path.basename(file)} row ${n + 2}`;
    const code = row.iso3166_alpha2 ?? '';
    if (!/^[A-Z]{2}$/.test(code)) throw new Error(`${where}: bad code ${code}`);
    const asAt = dateOrNull(row.status_as_at, where);
    if (!asAt) throw new Error(`${where}: no status_as_at`);
    const consentDate = dateOrNull(row.consent, where);
    records.set(code, {
      code,
      sourceName: row.participant ?? code,
      signature: dateOrNull(row.signature, where),
      consent: consentDate
        ? { date: consentDate, type: consentType(row.consent_type, where), asAt, source }
        : null,
      asAt,
    });
  }
  return records;
}

type Snapshot = {
  readonly records: Map<string, ParticipationRecord & { asAt: IsoDate }>;
  readonly source: SourceId;
};

function build(treaty: TreatyId, first: Snapshot, second?: Snapshot): TreatyParticipation {
  const base = first.records;
  const snapshot = (m: Map<string, { asAt: IsoDate }>) =>
    [...m.values()].reduce((d, r) => (r.asAt > d ? r.asAt : d), '0000-00-00');
  const records = new Map<string, ParticipationRecord>();
  for (const [code, r] of base)
    records.set(code, { code, sourceName: r.sourceName, signature: r.signature, consent: r.consent });
  const sources: SourceId[] = [first.source];
  let asAt = snapshot(base);
  if (second) {
    sources.push(second.source);
    asAt = snapshot(second.records);
    for (const [code, r] of second.records) {
      const known = records.get(code);
      // Signatures come from UNTC (complete); a later snapshot only adds consents UNTC 2014 lacks.
      if (!known)
        records.set(code, { code, sourceName: r.sourceName, signature: r.signature, consent: r.consent });
      else if (!known.consent && r.consent) records.set(code, { ...known, consent: r.consent });
    }
  }
  return { treaty, asAt, sources, records };
}

/** Reads the participation files once (at start-up). Throws on any malformed row. */
export function loadParticipation(dir: string): Participation {
  const result = {} as Record<TreatyId, TreatyParticipation>;
  for (const treaty of TREATY_IDS) {
    const files = TREATIES[treaty].participation;
    const read = ({ file, source }: { file: string; source: SourceId }): Snapshot => ({
      records: readRecords(path.join(dir, file), source),
      source,
    });
    result[treaty] = build(treaty, read(files), files.later && read(files.later));
  }
  return result;
}

export function participationOf(
  participation: Participation,
  treaty: TreatyId,
  code: string,
): ParticipationRecord | null {
  return participation[treaty].records.get(code) ?? null;
}
