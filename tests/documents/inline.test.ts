/**
 * Text that cannot change a document: `sentence` (server/documents/inline.ts) assembles a sentence from
 * our translation template and structured parts, so text a user typed comes back exactly as typed,
 * whatever it holds: the placeholders sentence() itself uses (private-use characters), i18next syntax,
 * HTML. These tests call it, and the document builders, with text that never went through the package
 * schema (which refuses private-use characters): the documents must not depend on the schema for this.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { renderDocx } from '../../server/documents/render-docx';
import { sentence, text } from '../../server/documents/inline';
import type { Inline } from '../../server/documents/model';
import { assessPackage, parsePackage } from '../../server/domain/validate';
import { frenchOf as frenchDe } from '../../server/i18n/languages';
import { NAMESPACES, SUPPORTED_LANGUAGES, type Language } from '../../server/i18n';
import { PATHS } from '../../server/paths';
import { docxText, example, i18n, model, participation, TODAY } from './helpers';

/** Text a user might type (or a program send) that looks like the machinery of a sentence. */
const HOSTILE: ReadonlyArray<readonly [label: string, text: string]> = [
  ['the placeholder of part 0', '\uE0000\uE001'],
  ['an opening placeholder character', '\uE000'],
  ['a closing placeholder character', '\uE001'],
  ['a placeholder inside words', 'X\uE0000\uE001Y'],
  ['placeholders of parts that exist and do not', '\uE0009\uE001 and \uE0001\uE001'],
  ['an i18next variable', '{{party}}'],
  ["another part's variable", '{{ofName}}'],
  ['a variable with a format', '{{name, uppercase}}'],
  ['i18next nesting', '$t(documents:marker)'],
  ['i18next nesting with options', '$t(documents:party.government, {"ofName": "of nobody"})'],
  ['HTML', '<script>alert(1)</script>'],
  ['HTML entities', '&amp; &lt;'],
  ['XML special characters', '<>&"\''],
  ['replacement patterns', "$& $' $` $1 $$"],
];

/** The inlines as one string: markers and blanks in double brackets, so their place shows. */
function flat(inlines: readonly Inline[]): string {
  return inlines
    .map((i) =>
      i.type === 'text'
        ? i.text
        : i.type === 'marker'
          ? `[[${i.text}]]`
          : i.type === 'blank'
            ? '[[blank]]'
            : '\n',
    )
    .join('');
}

/** The locale's template with each {{name}} replaced by its value (split, so no "$&" replacement patterns apply). */
function filled(lng: Language, key: string, values: Record<string, string>): string {
  const template = i18n.t(lng)(key);
  return template
    .split(/\{\{(\w+)\}\}/)
    .map((part, i) => (i % 2 === 0 ? part : (values[part] ?? `{{${part}}}`)))
    .join('');
}

describe('sentence() puts every part back exactly as given', () => {
  it.each(HOSTILE)('a string part: %s', (_label, hostile) => {
    expect(sentence(i18n.t('en'), 'documents:party.of', { name: hostile })).toEqual([text(`of ${hostile}`)]);
    expect(sentence(i18n.t('fr'), 'documents:party.of', { name: hostile })).toEqual([text(`de ${hostile}`)]);
  });

  it.each(HOSTILE)('among string and inline parts, in both languages: %s', (_label, hostile) => {
    for (const lng of SUPPORTED_LANGUAGES) {
      const party = [text('the Government '), { type: 'marker', text: 'MARKER' } as const];
      const content = sentence(i18n.t(lng), 'documents:notifications.centralAuthorityTerritory', {
        party,
        ofParty: party,
        article: '18(13)',
        instrument: hostile,
        territory: `T${hostile}T`,
      });
      expect(flat(content)).toBe(
        filled(lng, 'documents:notifications.centralAuthorityTerritory', {
          party: 'the Government [[MARKER]]',
          ofParty: 'the Government [[MARKER]]',
          article: '18(13)',
          instrument: hostile,
          territory: `T${hostile}T`,
        }),
      );
      // The one marker stays one inline of its own, where the template puts it.
      expect(content.filter((i) => i.type === 'marker')).toHaveLength(1);
    }
  });

  it('numbers are values for i18next: the plural follows count', () => {
    const t = i18n.t('en');
    const params = { signer: '{{count}}', party: 'P', ofParty: 'of P' };
    expect(flat(sentence(t, 'documents:fullPowers.authorize', params, { count: 1 }))).toBe(
      'HEREBY AUTHORIZE {{count}}, to sign on behalf of P the following instrument:',
    );
    expect(flat(sentence(t, 'documents:fullPowers.authorize', params, { count: 3 }))).toBe(
      'HEREBY AUTHORIZE {{count}}, to sign on behalf of P the following instruments:',
    );
  });

  it('a template holding a placeholder of no parameter is a bug, reported as one', () => {
    const t = (() => 'of \uE0005\uE001') as unknown as TFunction;
    expect(() => sentence(t, 'documents:party.of', { name: 'x' })).toThrow(
      'documents:party.of: the template holds a placeholder of no parameter',
    );
  });

  it('no locale string holds a private-use character (the placeholders are only ever sentence() own)', () => {
    const found: string[] = [];
    for (const lng of SUPPORTED_LANGUAGES)
      for (const ns of NAMESPACES) {
        const raw = fs.readFileSync(path.join(PATHS.locales, lng, `${ns}.json`), 'utf8');
        if (/\p{Private_Use}|\\u[eEfF][0-9a-fA-F]{3}/u.test(raw)) found.push(`${lng}/${ns}`);
      }
    expect(found).toEqual([]);
  });
});

describe('documents built from text that bypassed the schema read exactly that text', () => {
  /** The Bhutan sample, parsed, then given hostile text where the schema would have refused it. */
  function hostilePackage(hostile: string, lng: Language) {
    const parsed = parsePackage({ ...example('bhutan-accession'), documentLanguage: lng });
    if (!parsed.ok) throw new Error('the sample does not parse');
    const pkg = parsed.pkg;
    const [central, prevention, maritime] = pkg.authorities;
    return assessPackage(
      {
        ...pkg,
        party: { ...pkg.party, formalName: hostile },
        authorities: [
          central!,
          { ...central!, territory: hostile, name: `Office for ${hostile}` },
          prevention!,
          { ...maritime!, name: hostile, phone: [] },
        ],
      },
      { participation, today: TODAY },
    );
  }

  it.each(HOSTILE)('%s', async (_label, hostile) => {
    const en = hostilePackage(hostile, 'en');
    const instrument = await docxText(await renderDocx(model(en, 'instrument', 'en', { treaty: 'untoc' })));
    expect(instrument).toContain(
      `declare that the Government of ${hostile}, having considered the above mentioned Convention, accedes to the same`,
    );
    expect(instrument).toContain(
      `In accordance with article 35, paragraph 3, of the Convention, the Government of ${hostile} declares that it does not consider itself bound`,
    );

    const notifications = await docxText(await renderDocx(model(en, 'notifications', 'en')));
    expect(notifications).toContain(
      `On the deposit of its instruments concerning the following treaties, the Government of ${hostile} makes the notifications below:`,
    );
    expect(notifications).toContain(
      `the Government of ${hostile} designates the following distinct central authority for ${hostile}, a special region or territory`,
    );
    expect(notifications).toContain(`Region or territory ${hostile}`);
    // The name the user typed inside a "to be completed" marker (translated by i18next, not split).
    expect(notifications).toContain(
      `[to be completed: an address, telephone number or e-mail address of ${hostile}]`,
    );

    const fr = hostilePackage(hostile, 'fr');
    const french = await docxText(await renderDocx(model(fr, 'notifications', 'fr')));
    expect(french).toContain(`le Gouvernement ${frenchDe(hostile)} fait les notifications`);
    expect(french).toContain(`pour ${hostile}, région ou territoire spécial`);
  });
});
