/**
 * The treaties (treaty-data.ts, the data) and the functions that read them. Every other module imports
 * both from here.
 */
import { TREATIES, TREATY_IDS, type TreatyId } from './treaty-data';

export * from './treaty-data';

export function isTreatyId(value: unknown): value is TreatyId {
  return typeof value === 'string' && (TREATY_IDS as readonly string[]).includes(value);
}

export function isProtocol(id: TreatyId): boolean {
  return TREATIES[id].parent !== null;
}
