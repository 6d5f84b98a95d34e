/**
 * Which characters free text may hold, for the two kinds of text field of a package:
 *
 * - a **line** (names, titles, places, address lines, postcode, office hours, territory): one line of
 *   visible text, printed as typed in an instrument or a notification;
 * - a **text** (declarations, reservations, the declaration of competence): several lines, kept as typed.
 *
 * Refused in both: control characters (C0 and DEL, C1 U+0080-U+009F; a line refuses tab and line
 * breaks too, U+2028 and U+2029 included), unpaired UTF-16 surrogates, the 66 Unicode noncharacters
 * (U+FDD0-U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among them), and
 * private-use characters (U+E000-U+F8FF and planes 15-16): they mean something only by agreement
 * between two programs, so the depositary's computers would show a box or another symbol.
 *
 * Invisible characters: Unicode's format characters (general category Cf) and default-ignorable code
 * points (DerivedCoreProperties.txt), which include the direction embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069), the zero-width space, joiners and marks (U+200B-U+200F), the word
 * joiner and invisible operators (U+2060-U+2064), U+FEFF, U+180E, U+061C, the soft hyphen U+00AD,
 * variation selectors, tag characters and the Hangul fillers. A line refuses them all: a name must read
 * as it is stored (a right-to-left override shows "ecivreS" for "Service"), and two names that look
 * alike must be alike. A text keeps only what languages need: the joiners ZWNJ U+200C and ZWJ U+200D
 * (Persian, Indic scripts) and the direction marks LRM U+200E, RLM U+200F and ALM U+061C (Unicode
 * Bidirectional Algorithm, UAX #9: marks change no character's order, overrides and isolates do).
 *
 * The classes are those of the Unicode version of Node's regular expressions (process.versions.unicode).
 */

export type TextKind = 'line' | 'text';

/** The message keys of the refusals, in the order they are checked. */
export const CHARACTER_CODES = [
  'schema.controlCharacters',
  'schema.loneSurrogates',
  'schema.noncharacters',
  'schema.privateUse',
  'schema.invisibleCharacters',
  'schema.invisibleCharactersInText',
] as const;
export type CharacterCode = (typeof CHARACTER_CODES)[number];

interface Rule {
  readonly code: CharacterCode;
  /** The characters refused, per kind of field; absent = the rule does not apply to that kind. */
  readonly line?: RegExp;
  readonly text?: RegExp;
}

const SURROGATE = /\p{Surrogate}/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const PRIVATE_USE = /\p{Private_Use}/u;

const RULES: readonly Rule[] = [
  {
    code: 'schema.controlCharacters',
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    line: /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u,
    // Tab and line feed are kept; carriage returns were made line feeds before the check (package.ts).
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    text: /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u,
  },
  { code: 'schema.loneSurrogates', line: SURROGATE, text: SURROGATE },
  { code: 'schema.noncharacters', line: NONCHARACTER, text: NONCHARACTER },
  { code: 'schema.privateUse', line: PRIVATE_USE, text: PRIVATE_USE },
  { code: 'schema.invisibleCharacters', line: /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u },
  {
    code: 'schema.invisibleCharactersInText',
    text: /(?![\u061C\u200C-\u200F])[\p{Cf}\p{Default_Ignorable_Code_Point}]/u,
  },
];

/** "U+202E": how a message names a character that cannot be shown. */
export function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface CharacterIssue {
  readonly code: CharacterCode;
  /** The first character refused by this rule, as "U+XXXX". */
  readonly character: string;
}

/** What `value` holds that a field of this kind refuses: one issue per rule broken, naming its first character. */
export function characterIssues(value: string, kind: TextKind): CharacterIssue[] {
  const issues: CharacterIssue[] = [];
  for (const rule of RULES) {
    const found = rule[kind]?.exec(value);
    if (found) issues.push({ code: rule.code, character: codePointLabel(found[0]) });
  }
  return issues;
}

/**
 * Line breaks as one character: CR LF and CR (Windows and old Mac text, what browsers send from a text
 * area) and the Unicode line and paragraph separators U+2028 and U+2029 become LF, which the documents
 * render as line breaks.
 */
export function normalizeLineBreaks(value: string): string {
  return value.replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

/**
 * `value` with what a field of this kind refuses taken out, for drafts saved before these rules (draft
 * format 1): such a draft must still open. Line breaks and tabs in a line become spaces; every other
 * refused character is removed; the text is then normalized to NFC, as the schema stores it.
 */
export function withoutRefused(value: string, kind: TextKind): string {
  let out = kind === 'text' ? normalizeLineBreaks(value) : value.replace(/[\t\r\n\u2028\u2029]+/g, ' ');
  for (const rule of RULES) {
    const pattern = rule[kind];
    if (pattern) out = out.replace(new RegExp(pattern.source, 'gu'), '');
  }
  return out.normalize('NFC');
}
