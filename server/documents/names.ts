/**
 * The documents the service produces, by name: a module of its own, loaded by the command line without
 * the builders and the writers (documents/index.ts re-exports it).
 */
export const DOCUMENT_NAMES = [
  'instrument',
  'notifications',
  'full-powers',
  'note-verbale',
  'checklist',
  'bundle',
] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];
