/**
 * Answers in each document language (domain/translations.ts): which answers documents print (textSlots,
 * keyed by entry id, never by position), where each stands in a language (slotStatuses: source,
 * translated, stale, untranslated, printed as typed, fixed), the errors final documents wait for
 * (translationIssues), and the package as a document in a language prints it (packageInLanguage), on the
 * Bhutan example; then assessInLanguage (domain/validate.ts), which joins them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Package, PackageInput } from '../../../server/domain/package';
import {
  excerpt,
  packageInLanguage,
  slotStatuses,
  textSlots,
  translationIssues,
  TEXT_KEY_PATTERN,
} from '../../../server/domain/translations';
import { assessInLanguage, assessPackage, parsePackage } from '../../../server/domain/validate';
import { loadParticipation } from '../../../server/catalogue';
import { PATHS } from '../../../server/paths';

function parse(input: unknown): Package {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.pkg;
}

const bhutanInput = JSON.parse(
  fs.readFileSync(path.join(PATHS.root, 'examples', 'bhutan-accession.json'), 'utf8'),
) as PackageInput & Record<string, unknown>;
const bhutan = parse(bhutanInput);

/** Bhutan with `edit` applied to a copy of the input, parsed. */
function bhutanWith(edit: (input: Record<string, unknown>) => void): Package {
  const input = structuredClone(bhutanInput) as Record<string, unknown>;
  edit(input);
  return parse(input);
}

const marker = (source: string) => `[to be translated: ${source}]`;
const stateOf = (pkg: Package, key: string, lng: 'fr' | 'ar' | 'en' = 'fr') =>
  slotStatuses(pkg, lng).find((s) => s.slot.key === key)?.state;

describe('textSlots', () => {
  test('every printed free-text answer of Bhutan, with a key each', () => {
    expect(textSlots(bhutan).map((s) => s.key)).toEqual([
      'party.formalName',
      'signatory.name',
      'signatory.title',
      'signing.place',
      'authorities.a1.name',
      'authorities.a1.unit',
      'authorities.a1.address.lines.0',
      'authorities.a1.address.city',
      'authorities.a1.officeHours',
      'authorities.a2.name',
      'authorities.a2.address.lines.0',
      'authorities.a2.address.city',
      'authorities.a3.name',
    ]);
    for (const s of textSlots(bhutan)) expect(s.key).toMatch(TEXT_KEY_PATTERN);
  });

  test('names of people are personal; declarations and reservations are texts, the rest lines', () => {
    const pkg = bhutanWith((p) => {
      p.declarations = [{ id: 'd1', kind: 'interpretative', treaties: ['untoc'], text: 'A declaration.' }];
    });
    const slots = textSlots(pkg);
    expect(slots.filter((s) => s.personal).map((s) => s.key)).toEqual(['signatory.name']);
    expect(slots.find((s) => s.key === 'declarations.d1.text')).toMatchObject({
      kind: 'text',
      path: ['declarations', 0, 'text'],
      source: 'A declaration.',
    });
    expect(slots.find((s) => s.key === 'signing.place')?.kind).toBe('line');
  });

  test('an authority keeps its key when an authority before it is removed', () => {
    const before = textSlots(bhutan).find((s) => s.source === 'Department of Immigration');
    const after = textSlots({ ...bhutan, authorities: bhutan.authorities.slice(1) }).find(
      (s) => s.source === 'Department of Immigration',
    );
    expect(after?.key).toBe(before?.key);
    expect(after?.path).toEqual(['authorities', 1, 'name']);
  });

  test('an answer left empty is no slot', () => {
    const pkg = { ...bhutan, signing: { ...bhutan.signing, place: null } };
    expect(textSlots(pkg).some((s) => s.key === 'signing.place')).toBe(false);
  });
});

describe('slotStatuses', () => {
  const translated: Package = {
    ...bhutan,
    translations: {
      fr: {
        'signing.place': { text: 'Thimphou', source: 'Thimphu' },
        'authorities.a3.name': { text: 'Département des migrations', source: 'Department of Migration' },
      },
    },
  };

  test('in the answers own language every answer is its source', () => {
    expect(new Set(slotStatuses(translated, 'en').map((s) => s.state))).toEqual(new Set(['source']));
  });

  test('translated, stale (translated from another source), untranslated, a name printed as typed', () => {
    expect(stateOf(translated, 'signing.place')).toBe('translated');
    expect(stateOf(translated, 'authorities.a3.name')).toBe('stale');
    expect(slotStatuses(translated, 'fr').find((s) => s.slot.key === 'authorities.a3.name')).toMatchObject({
      translation: 'Département des migrations',
      translatedFrom: 'Department of Migration',
    });
    expect(stateOf(translated, 'signatory.title')).toBe('untranslated');
    expect(stateOf(translated, 'signatory.name')).toBe('asTyped');
    // A translation for another language does not count.
    expect(stateOf(translated, 'signing.place', 'ar')).toBe('untranslated');
  });

  test('a name given a translation is translated', () => {
    const pkg: Package = {
      ...bhutan,
      translations: { ar: { 'signatory.name': { text: 'بيما إكزامبل', source: 'Pema Example' } } },
    };
    expect(stateOf(pkg, 'signatory.name', 'ar')).toBe('translated');
  });

  test('the formal name written as the UN write it is fixed: the UN formal name in each language', () => {
    const fr = slotStatuses(bhutan, 'fr').find((s) => s.slot.key === 'party.formalName');
    expect(fr?.state).toBe('fixed');
    expect(fr?.translation).toBe('le Royaume du Bhoutan');
    expect(slotStatuses(bhutan, 'ar').find((s) => s.slot.key === 'party.formalName')?.translation).toMatch(
      /بوتان/,
    );
    // Written otherwise, it is the translator's to translate.
    const own = bhutanWith((p) => {
      (p.party as Record<string, unknown>).formalName = 'the Kingdom of Bhutan (Druk Yul)';
    });
    expect(stateOf(own, 'party.formalName')).toBe('untranslated');
  });
});

describe('translationIssues', () => {
  test('one error per untranslated or stale answer, at its path, naming the language and the source', () => {
    const pkg: Package = {
      ...bhutan,
      translations: { fr: { 'signing.place': { text: 'Thimphou', source: 'Thimbu' } } },
    };
    const issues = translationIssues(pkg, 'fr');
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
    expect(issues.find((i) => i.code === 'translation.stale')).toMatchObject({
      path: ['signing', 'place'],
      params: { language: { languages: ['fr'] }, source: 'Thimphu' },
    });
    // Every printed answer but the name (as typed) and the formal name (fixed), and the stale place.
    expect(issues.map((i) => i.code)).toEqual([
      ...Array<string>(1).fill('translation.untranslated'),
      'translation.stale',
      ...Array<string>(9).fill('translation.untranslated'),
    ]);
    expect(translationIssues(pkg, 'en')).toEqual([]);
  });

  test('excerpt keeps a short text, and cuts a long one on one line with an ellipsis', () => {
    expect(excerpt('Thimphu')).toBe('Thimphu');
    expect(excerpt('a\nb   c')).toBe('a b c');
    const long = excerpt('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('packageInLanguage', () => {
  const pkg: Package = {
    ...bhutan,
    translations: {
      fr: {
        'signing.place': { text: 'Thimphou', source: 'Thimphu' },
        'signatory.title': { text: 'Ministre', source: 'an older title' },
      },
    },
  };

  test('each answer replaced by its translation, a marker with its source when untranslated or stale', () => {
    const fr = packageInLanguage(pkg, 'fr', marker);
    expect(fr.signing.place).toBe('Thimphou');
    expect(fr.signatory.title).toBe(`[to be translated: ${bhutan.signatory.title ?? ''}]`);
    expect(fr.authorities[0]?.name).toBe('[to be translated: Office of the Attorney General]');
    expect(fr.signatory.name).toBe('Pema Example');
    expect(fr.party.formalName).toBe('le Royaume du Bhoutan');
    // The answers themselves are not changed.
    expect(pkg.signing.place).toBe('Thimphu');
  });

  test('in the answers own language, the package as it is', () => {
    expect(packageInLanguage(pkg, 'en', marker)).toBe(pkg);
  });
});

describe('assessInLanguage', () => {
  const deps = { participation: loadParticipation(PATHS.participationData), today: '2026-12-01' };

  test('in the answers language, the assessment of the package', () => {
    const own = assessInLanguage(bhutan, 'en', deps, marker);
    expect(own.issues).toEqual(assessPackage(bhutan, deps).issues);
    expect(own.finalAllowed).toBe(true);
  });

  test('in French: final waits for the translations, then is allowed; the printed package is French', () => {
    const fr = assessInLanguage(bhutan, 'fr', deps, marker);
    expect(fr.finalAllowed).toBe(false);
    expect(fr.issues.filter((i) => i.code.startsWith('translation.'))).toHaveLength(11);
    expect(fr.answers).toBe(bhutan);
    const texts = Object.fromEntries(
      slotStatuses(bhutan, 'fr')
        .filter((s) => s.state === 'untranslated')
        .map((s) => [s.slot.key, { text: `FR ${s.slot.source}`, source: s.slot.source }]),
    );
    const done = assessInLanguage({ ...bhutan, translations: { fr: texts } }, 'fr', deps, marker);
    expect(done.issues.filter((i) => i.code.startsWith('translation.'))).toEqual([]);
    expect(done.finalAllowed).toBe(true);
    expect(done.pkg.authorities[0]?.name).toBe('FR Office of the Attorney General');
  });
});
