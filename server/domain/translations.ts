/**
 * Answers in each document language. The package's free-text answers are written in its source
 * language (`documentLanguage`); each text a document prints can also hold a translation per language
 * (`translations[lng][key]`), recorded with the source text it was translated from.
 *
 * A document in another language prints the translations. A text with none is untranslated; a text whose
 * source changed after it was translated is stale. Either is an error for final documents in that
 * language (a final document never mixes languages), and a draft prints a visible "to be translated"
 * marker instead, with the source text. Personal names are printed as typed unless a translation is
 * given. Pure: the marker's words come from the caller.
 */
import type { Issue, PathSegment } from './issues';
import { issue } from './issues';
import type { Package } from './package';
import { unFormalName, unLanguageOfFormalName } from '../catalogue/un-names';
import type { Language } from '../i18n/languages';

/** A printed free-text answer that can be translated. */
export interface TextSlot {
  /**
   * The stable key translations are stored under: list entries named by id, never by position
   * ("authorities.k3Jq0aZx.name", "declarations.d1.text", "treaties.untoc.signatureReservations.0.text").
   */
  readonly key: string;
  /** Where the answer is in the package, for messages and links ("authorities", 0, "name"). */
  readonly path: readonly PathSegment[];
  /** The answer in the source language. */
  readonly source: string;
  /** A personal name: printed as typed unless a translation is given. */
  readonly personal: boolean;
  /** One line, or a text that may hold line breaks. */
  readonly kind: 'line' | 'text';
}

/** The pattern of a translation's key (TextSlot.key): checked before it is stored. */
export const TEXT_KEY_PATTERN = /^[a-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+){1,4}$/;

/** Every printed free-text answer of a package that has a value, in the order a reader meets them. */
export function textSlots(pkg: Package): TextSlot[] {
  const slots: TextSlot[] = [];
  const add = (
    key: string,
    path: readonly PathSegment[],
    value: string | null | undefined,
    options: { personal?: boolean; kind?: 'line' | 'text' } = {},
  ) => {
    if (value === null || value === undefined || value === '') return;
    slots.push({
      key,
      path,
      source: value,
      personal: options.personal ?? false,
      kind: options.kind ?? 'line',
    });
  };
  add('party.formalName', ['party', 'formalName'], pkg.party.formalName);
  add('signatory.name', ['signatory', 'name'], pkg.signatory.name, { personal: true });
  add('signatory.title', ['signatory', 'title'], pkg.signatory.title);
  if (pkg.fullPowers !== null) {
    add('fullPowers.issuer.name', ['fullPowers', 'issuer', 'name'], pkg.fullPowers.issuer.name, {
      personal: true,
    });
    add('fullPowers.issuer.title', ['fullPowers', 'issuer', 'title'], pkg.fullPowers.issuer.title);
    add('fullPowers.place', ['fullPowers', 'place'], pkg.fullPowers.place);
  }
  add('signing.place', ['signing', 'place'], pkg.signing.place);
  pkg.treaties.forEach((choice, t) =>
    choice.signatureReservations.forEach((r, i) =>
      add(
        `treaties.${choice.treaty}.signatureReservations.${i}.text`,
        ['treaties', t, 'signatureReservations', i, 'text'],
        r.text,
        { kind: 'text' },
      ),
    ),
  );
  pkg.authorities.forEach((a, i) => {
    const at = (field: string) => ['authorities', i, field];
    add(`authorities.${a.id}.territory`, at('territory'), a.territory);
    add(`authorities.${a.id}.name`, at('name'), a.name);
    add(`authorities.${a.id}.unit`, at('unit'), a.unit);
    add(`authorities.${a.id}.officerTitle`, at('officerTitle'), a.officerTitle);
    a.address?.lines.forEach((line, l) =>
      add(`authorities.${a.id}.address.lines.${l}`, ['authorities', i, 'address', 'lines', l], line),
    );
    add(`authorities.${a.id}.address.city`, ['authorities', i, 'address', 'city'], a.address?.city);
    add(`authorities.${a.id}.officeHours`, at('officeHours'), a.officeHours);
  });
  pkg.territories.forEach((territory, i) =>
    add(`territories.${territory.id}.name`, ['territories', i, 'name'], territory.name),
  );
  // In package order, as the instruments print them.
  pkg.treaties.forEach(({ treaty }) =>
    add(
      `reservationExplanations.${treaty}`,
      ['reservationExplanations', treaty],
      pkg.reservationExplanations[treaty],
      { kind: 'text' },
    ),
  );
  pkg.declarations.forEach((d, i) =>
    add(`declarations.${d.id}.text`, ['declarations', i, 'text'], d.text, { kind: 'text' }),
  );
  pkg.competence.forEach((c, i) =>
    add(`competence.${i}.text`, ['competence', i, 'text'], c.text, { kind: 'text' }),
  );
  add('deposit.place', ['deposit', 'place'], pkg.deposit.place);
  return slots;
}

/**
 * - source: the document is in the answers' language;
 * - translated; stale (translated from a source text that has changed since); untranslated;
 * - asTyped: a personal name with no translation, printed as typed;
 * - fixed: the State's formal name as the United Nations write it, printed as the UN write it in the
 *   document's language (data, not a translator's choice: catalogue/un-names.ts).
 */
export type SlotState = 'source' | 'translated' | 'stale' | 'untranslated' | 'asTyped' | 'fixed';

/** Where one slot stands in a language. */
export interface SlotStatus {
  readonly slot: TextSlot;
  readonly state: SlotState;
  /** The translation, when there is one (stale or not). */
  readonly translation: string | null;
  /** The source text the translation was made from, when there is a translation. */
  readonly translatedFrom: string | null;
}

/**
 * Each printed text in a language: in the source language, itself; else translated, stale (its source
 * changed since), untranslated, or a personal name printed as typed.
 */
export function slotStatuses(pkg: Package, lng: Language): SlotStatus[] {
  const own = lng === pkg.documentLanguage;
  const texts = own ? undefined : pkg.translations[lng];
  return textSlots(pkg).map((slot) => {
    const t = texts?.[slot.key];
    const fixed = own ? undefined : fixedTerm(pkg, slot, lng);
    if (fixed !== undefined) return { slot, state: 'fixed', translation: fixed, translatedFrom: slot.source };
    const state: SlotState = own
      ? 'source'
      : t === undefined
        ? slot.personal
          ? 'asTyped'
          : 'untranslated'
        : t.source === slot.source
          ? 'translated'
          : 'stale';
    return { slot, state, translation: t?.text ?? null, translatedFrom: t?.source ?? null };
  });
}

/** The UN formal name in `lng`, when the slot is the party's formal name written as the UN write it. */
function fixedTerm(pkg: Package, slot: TextSlot, lng: Language): string | undefined {
  if (slot.key !== 'party.formalName' || pkg.party.kind !== 'state') return undefined;
  if (unLanguageOfFormalName(pkg.party.code, slot.source) === undefined) return undefined;
  return unFormalName(pkg.party.code, lng);
}

/** The translations that still need work in a language: what final documents in it wait for. */
export function translationIssues(pkg: Package, lng: Language): Issue[] {
  return slotStatuses(pkg, lng).flatMap(({ slot, state }) =>
    state === 'untranslated' || state === 'stale'
      ? [
          issue('error', `translation.${state}`, slot.path, null, {
            language: { languages: [lng] },
            source: excerpt(slot.source),
          }),
        ]
      : [],
  );
}

/** The first words of a source text, to say which answer a message is about. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The package as a document in `lng` prints it: each text replaced by its translation; an untranslated
 * or stale text by `toBeTranslated(source)` (a draft's visible marker). In the source language the
 * package is returned as it is.
 */
export function packageInLanguage(
  pkg: Package,
  lng: Language,
  toBeTranslated: (source: string) => string,
): Package {
  if (lng === pkg.documentLanguage) return pkg;
  const out = structuredClone(pkg) as Package;
  for (const { slot, state, translation } of slotStatuses(pkg, lng)) {
    if (state === 'asTyped') continue;
    setAt(
      out,
      slot.path,
      state === 'translated' || state === 'fixed' ? translation : toBeTranslated(slot.source),
    );
  }
  return out;
}

function setAt(root: unknown, path: readonly PathSegment[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}
