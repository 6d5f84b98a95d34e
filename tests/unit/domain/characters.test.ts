/**
 * The characters free text may hold (server/domain/characters.ts, applied to every free-text field by
 * package.ts's text()): each class refused in every one-line field and every long text, with its code,
 * the field's path and the first character found; the joiners and direction marks long texts keep;
 * NFC and line breaks; and the messages, for the API and for the pages, in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CHARACTER_CODES, characterIssues } from '../../../server/domain/characters';
import type { PathSegment } from '../../../server/domain/issues';
import { packageJsonSchema, type PackageInput } from '../../../server/domain/package';
import { parsePackage } from '../../../server/domain/validate';
import { getIn, setIn, submitForm, type FieldDef } from '../../../server/http/forms';
import { createI18n, SUPPORTED_LANGUAGES } from '../../../server/i18n';
import { fieldKey, formatPath, localizeIssue } from '../../../server/i18n/messages';
import { PATHS } from '../../../server/paths';

const i18n = createI18n(PATHS.locales);

/** The Bhutan sample with every kind of free-text field filled: full powers, declarations, competence. */
const base: PackageInput = {
  ...(JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', 'bhutan-accession.json'), 'utf8'),
  ) as PackageInput),
  treaties: [
    {
      treaty: 'untoc',
      instrument: 'accession',
      signatureReservations: [{ text: 'A reservation made on signature.', confirm: true }],
    },
  ],
  signatory: { name: 'Pema Example', title: 'Ambassador', office: 'other' },
  fullPowers: {
    issuer: { name: 'Tandi Example', title: 'Prime Minister', office: 'head-of-government' },
    place: 'Thimphu',
    date: null,
  },
  declarations: [{ treaties: ['untoc'], kind: 'other', text: 'A declaration.' }],
  reservations: ['untoc-35-3', 'tip-15-3', 'som-20-3', 'fp-16-3'],
  reservationExplanations: { untoc: 'An explanation of the reservation.' },
  competence: [{ treaties: ['untoc'], text: 'A declaration of competence.' }],
  territories: [{ name: 'A special region' }],
  deposit: { plannedOn: null, place: 'Geneva' },
};

/** Every one-line free-text field (names, titles, places, address, office hours, territory). */
const LINE_FIELDS: readonly (readonly PathSegment[])[] = [
  ['party', 'formalName'],
  ['signatory', 'name'],
  ['signatory', 'title'],
  ['fullPowers', 'issuer', 'name'],
  ['fullPowers', 'issuer', 'title'],
  ['fullPowers', 'place'],
  ['signing', 'place'],
  ['deposit', 'place'],
  ['authorities', 0, 'name'],
  ['authorities', 0, 'unit'],
  ['authorities', 0, 'officerTitle'],
  ['authorities', 0, 'territory'],
  ['authorities', 0, 'officeHours'],
  ['authorities', 0, 'address', 'lines', 0],
  ['authorities', 0, 'address', 'city'],
  ['authorities', 0, 'address', 'postcode'],
  ['territories', 0, 'name'],
];
/** Every long text (several lines: declarations, reservations and their explanations, competence). */
const TEXT_FIELDS: readonly (readonly PathSegment[])[] = [
  ['treaties', 0, 'signatureReservations', 0, 'text'],
  ['reservationExplanations', 'untoc'],
  ['reservationExplanations', 'tip'],
  ['reservationExplanations', 'som'],
  ['reservationExplanations', 'fp'],
  ['declarations', 0, 'text'],
  ['competence', 0, 'text'],
];

type Outcome = { code: string; path: string; character?: string } | { value: string };

/** The package with `value` at `at`, parsed: the character issues reported, or the value stored. */
function outcome(at: readonly PathSegment[], value: string): Outcome[] {
  const parsed = parsePackage(setIn(base, at, value));
  if (parsed.ok) return [{ value: getIn(parsed.pkg, at) as string }];
  return parsed.issues.map((i) => ({
    code: i.code,
    path: formatPath(i.path),
    ...(i.params.character === undefined ? {} : { character: String(i.params.character) }),
  }));
}

/** For each field, what differs from the expected outcome (empty when every field does as expected). */
function mismatches(
  fields: readonly (readonly PathSegment[])[],
  value: string,
  expected: (at: readonly PathSegment[]) => Outcome,
): string[] {
  return fields.flatMap((at) => {
    const got = outcome(at, value);
    const want = expected(at);
    return JSON.stringify(got) === JSON.stringify([want])
      ? []
      : [`${formatPath(at)}: ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`];
  });
}

const refused = (code: string, character: string) => (at: readonly PathSegment[]) => ({
  code,
  path: formatPath(at),
  character,
});
const stored = (value: string) => () => ({ value });

test('the base package parses (so every issue below comes from the character put in)', () => {
  expect(parsePackage(base)).toMatchObject({ ok: true });
});

test('the lists above are every free-text field of the schema (phone and fax numbers have their own format)', () => {
  type Node = {
    type?: string;
    enum?: unknown;
    const?: unknown;
    format?: string;
    pattern?: string;
    properties?: Record<string, Node>;
    items?: Node;
    anyOf?: Node[];
    oneOf?: Node[];
  };
  const found = new Set<string>();
  const walk = (node: Node, at: string[]) => {
    if (node.type === 'string' && !node.enum && node.const === undefined && !node.format && !node.pattern)
      found.add(at.join('/'));
    for (const [name, sub] of Object.entries(node.properties ?? {})) walk(sub, [...at, name]);
    if (node.items) walk(node.items, at);
    for (const sub of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(sub, at);
  };
  walk(packageJsonSchema() as Node, []);
  const listed = [...LINE_FIELDS, ...TEXT_FIELDS].map((at) => fieldKey(at));
  expect([...found].filter((p) => !['authorities/phone', 'authorities/fax'].includes(p)).sort()).toEqual(
    [...new Set(listed)].sort(),
  );
});

describe('refused in every free-text field, one-line or long', () => {
  test.each([
    ['a C0 control (bell)', '\u0007', 'schema.controlCharacters', 'U+0007'],
    ['NUL', '\u0000', 'schema.controlCharacters', 'U+0000'],
    ['DEL', '\u007F', 'schema.controlCharacters', 'U+007F'],
    ['a C1 control (next line)', '\u0085', 'schema.controlCharacters', 'U+0085'],
    ['a C1 control (CSI)', '\u009B', 'schema.controlCharacters', 'U+009B'],
    ['a lone high surrogate', '\uD800', 'schema.loneSurrogates', 'U+D800'],
    ['a lone low surrogate', '\uDFFF', 'schema.loneSurrogates', 'U+DFFF'],
    ['the noncharacter U+FFFE', '\uFFFE', 'schema.noncharacters', 'U+FFFE'],
    ['the noncharacter U+FFFF', '\uFFFF', 'schema.noncharacters', 'U+FFFF'],
    ['the noncharacter U+FDD0', '\uFDD0', 'schema.noncharacters', 'U+FDD0'],
    ['the noncharacter U+10FFFF', '\u{10FFFF}', 'schema.noncharacters', 'U+10FFFF'],
    ['a private-use character (U+E000)', '\uE000', 'schema.privateUse', 'U+E000'],
    ['a private-use character (U+F8FF)', '\uF8FF', 'schema.privateUse', 'U+F8FF'],
    ['a supplementary private-use character', '\u{F0000}', 'schema.privateUse', 'U+F0000'],
  ])('%s', (_label, character, code, label) => {
    const value = `Ab${character}cd`;
    expect(mismatches(LINE_FIELDS, value, refused(code, label))).toEqual([]);
    expect(mismatches(TEXT_FIELDS, value, refused(code, label))).toEqual([]);
  });

  test('a surrogate pair (an emoji) is one character, not a lone surrogate', () => {
    expect(mismatches([...LINE_FIELDS, ...TEXT_FIELDS], 'Ab\u{1F600}cd', stored('Ab\u{1F600}cd'))).toEqual(
      [],
    );
  });
});

describe('invisible characters: refused in one-line fields; long texts keep only the joiners and the direction marks', () => {
  test.each([
    ['left-to-right embedding', '\u202A'],
    ['right-to-left embedding', '\u202B'],
    ['pop directional formatting', '\u202C'],
    ['left-to-right override', '\u202D'],
    ['right-to-left override', '\u202E'],
    ['left-to-right isolate', '\u2066'],
    ['right-to-left isolate', '\u2067'],
    ['first strong isolate', '\u2068'],
    ['pop directional isolate', '\u2069'],
    ['zero-width space', '\u200B'],
    ['word joiner', '\u2060'],
    ['invisible times', '\u2062'],
    ['invisible plus', '\u2064'],
    ['zero-width no-break space (BOM) inside the text', '\uFEFF'],
    ['Mongolian vowel separator', '\u180E'],
    ['soft hyphen', '\u00AD'],
    ['a deprecated format character', '\u206A'],
    ['combining grapheme joiner', '\u034F'],
    ['Hangul filler', '\u3164'],
    ['variation selector 16', '\uFE0F'],
    ['interlinear annotation anchor', '\uFFF9'],
    ['a tag character', '\u{E0041}'],
  ])('%s: refused everywhere', (_label, character) => {
    const label = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const value = `Ab${character}cd`;
    expect(mismatches(LINE_FIELDS, value, refused('schema.invisibleCharacters', label))).toEqual([]);
    expect(mismatches(TEXT_FIELDS, value, refused('schema.invisibleCharactersInText', label))).toEqual([]);
  });

  test.each([
    ['zero-width non-joiner (Persian)', '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', 'U+200C'],
    ['zero-width joiner (Devanagari)', '\u0915\u094D\u200D\u0937', 'U+200D'],
    ['left-to-right mark', 'Article 5\u200E (a)', 'U+200E'],
    ['right-to-left mark', '\u0645\u0631\u062D\u0628\u0627\u200F 2027', 'U+200F'],
    ['Arabic letter mark', '\u0661\u061C\u0662', 'U+061C'],
  ])('%s: kept in long texts, refused in one-line fields', (_label, value, label) => {
    expect(mismatches(TEXT_FIELDS, value, stored(value))).toEqual([]);
    expect(mismatches(LINE_FIELDS, value, refused('schema.invisibleCharacters', label))).toEqual([]);
  });
});

describe('line breaks and tabs', () => {
  test.each([
    ['a line feed', '\n', 'U+000A'],
    ['a carriage return', '\r', 'U+000D'],
    ['a tab', '\t', 'U+0009'],
    ['a line separator', '\u2028', 'U+2028'],
    ['a paragraph separator', '\u2029', 'U+2029'],
  ])('%s: refused in one-line fields', (_label, character, label) => {
    expect(mismatches(LINE_FIELDS, `Ab${character}cd`, refused('schema.controlCharacters', label))).toEqual(
      [],
    );
  });

  test('long texts keep tabs and store every line break as a line feed (CR LF, CR, U+2028, U+2029)', () => {
    expect(
      mismatches(
        TEXT_FIELDS,
        'one\r\ntwo\rthree\u2028four\u2029five\n\tsix',
        stored('one\ntwo\nthree\nfour\nfive\n\tsix'),
      ),
    ).toEqual([]);
  });
});

describe('Unicode normalization: every text is stored in NFC, after trimming', () => {
  test.each([
    ['e + combining acute', 'Caf\u0065\u0301', 'Café'],
    ['A + combining ring', '\u0041\u030Angstr\u00F6m', 'Ångström'],
    ['Hangul jamo', '\u1100\u1161', '\uAC00'],
    ['spaces around, trimmed first', '  Cafe\u0301  ', 'Café'],
  ])('%s', (_label, typed, stored_) => {
    expect(mismatches([...LINE_FIELDS, ...TEXT_FIELDS], typed, stored(stored_))).toEqual([]);
  });

  test('NFC, not NFKC: compatibility characters (a ligature, a superscript) are kept as typed', () => {
    expect(mismatches(LINE_FIELDS, 'Of\uFB01ce n\u00BA 2', stored('Of\uFB01ce n\u00BA 2'))).toEqual([]);
  });

  test('the length limit counts the text as stored: 200 accented letters typed decomposed fit a 200-character field', () => {
    expect(outcome(['party', 'formalName'], 'e\u0301'.repeat(200))).toEqual([
      { value: '\u00E9'.repeat(200) },
    ]);
    expect(outcome(['party', 'formalName'], 'e\u0301'.repeat(201))).toEqual([
      { code: 'schema.tooLong', path: 'party.formalName' },
    ]);
  });
});

describe('characterIssues', () => {
  test('one issue per rule broken, naming the first character of each, in a fixed order', () => {
    expect(characterIssues('a\u200Bb\u202Ec\uE001d\uE000\u0007', 'line')).toEqual([
      { code: 'schema.controlCharacters', character: 'U+0007' },
      { code: 'schema.privateUse', character: 'U+E001' },
      { code: 'schema.invisibleCharacters', character: 'U+200B' },
    ]);
    expect(characterIssues('a\u200Cb\u202Ec\n\td', 'text')).toEqual([
      { code: 'schema.invisibleCharactersInText', character: 'U+202E' },
    ]);
    expect(
      characterIssues('Le Royaume de Thaïlande, 1er étage — « ok » ‘quoted’ 東京 مرحبا', 'line'),
    ).toEqual([]);
  });
});

describe('messages', () => {
  const issueOf = (at: readonly PathSegment[], value: string) => {
    const parsed = parsePackage(setIn(base, at, value));
    if (parsed.ok) throw new Error('expected a refusal');
    return parsed.issues[0]!;
  };

  test.each(SUPPORTED_LANGUAGES.map((l) => [l]))(
    'the API message (%s) names the field and the character',
    (lng) => {
      const tr = { lng, t: i18n.t(lng) };
      const cases: [readonly PathSegment[], string, string][] = [
        [['party', 'formalName'], 'A\u202EB', 'U+202E'],
        [['party', 'formalName'], 'A\uE000B', 'U+E000'],
        [['party', 'formalName'], 'A\uFFFFB', 'U+FFFF'],
        [['party', 'formalName'], 'A\uD800B', 'U+D800'],
        [['party', 'formalName'], 'A\u0007B', 'U+0007'],
        [['declarations', 0, 'text'], 'A\u2066B', 'U+2066'],
      ];
      for (const [at, value, character] of cases) {
        const localized = localizeIssue(issueOf(at, value), tr);
        expect(localized.field).toBe(i18n.t(lng)(`fields.${fieldKey(at)}`));
        expect(localized.message.startsWith(localized.field!)).toBe(true);
        expect(localized.message).toContain(character);
        expect(localized.message).not.toContain('{{');
      }
      // The long-text message says which invisible characters are kept.
      const inText = localizeIssue(issueOf(['declarations', 0, 'text'], 'A\u2066B'), tr).message;
      for (const kept of ['U+200C', 'U+200D', 'U+200E', 'U+200F', 'U+061C']) expect(inText).toContain(kept);
    },
  );

  test.each(SUPPORTED_LANGUAGES.map((l) => [l]))(
    'every refusal has a page message (%s), with the label and the character',
    (lng) => {
      const t = i18n.t(lng);
      for (const code of CHARACTER_CODES) {
        const key = `pages.errors.${code.replace(/^schema\./, '')}`;
        expect(i18n.exists(lng, key)).toBe(true);
        expect(i18n.exists(lng, code)).toBe(true);
        expect(t(key, { label: 'LABEL', character: 'U+XXXX' })).toMatch(/LABEL[\s\S]*U\+XXXX/);
      }
    },
  );

  test('the pages put the message on the field: a name and a declaration', () => {
    const t = i18n.t('en');
    const name: FieldDef = {
      name: 'formalName',
      kind: 'text',
      path: ['party', 'formalName'],
      label: 'Formal name',
    };
    const declaration: FieldDef = {
      name: 'text',
      kind: 'textarea',
      path: ['declarations', 0, 'text'],
      label: 'Text of the declaration',
    };
    const parsed = parsePackage(base);
    if (!parsed.ok) throw new Error('base does not parse');
    const result = submitForm(
      parsed.pkg,
      [name, declaration],
      { formalName: 'A\u200BB', text: 'x\u202Ey' },
      t,
    );
    expect(result.pkg).toBeNull();
    expect(result.errors).toEqual([
      {
        name: 'formalName',
        href: '#formalName',
        message: t('pages.errors.invisibleCharacters', { label: 'Formal name', character: 'U+200B' }),
      },
      {
        name: 'text',
        href: '#text',
        message: t('pages.errors.invisibleCharactersInText', {
          label: 'Text of the declaration',
          character: 'U+202E',
        }),
      },
    ]);
    expect(result.errors[1]!.message).toContain('ZWNJ, ZWJ, LRM, RLM, ALM');
  });
});
