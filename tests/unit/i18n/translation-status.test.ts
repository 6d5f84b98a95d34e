/**
 * The status of each language's translation of the product's strings (server/i18n/translation-status.ts):
 * units, missing, stale and reviewed, on small trees and on the real locale files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NAMESPACES, SUPPORTED_LANGUAGES } from '../../../server/i18n';
import { SOURCE_LANGUAGE } from '../../../server/i18n/languages';
import {
  flattenStrings,
  languageReport,
  namespaceReport,
  readStatus,
  readStrings,
  sourceHash,
  stamp,
  units,
  writeStatus,
} from '../../../server/i18n/translation-status';
import { PATHS } from '../../../server/paths';

const EN = flattenStrings({
  home: { heading: 'Draft your instrument', lead: ['Line one.', 'Line two.'] },
  retention_one: 'Deleted after {{count}} day.',
  retention_other: 'Deleted after {{count}} days.',
});

describe('units of translation', () => {
  it('flattens nested keys and joins a list of lines into one string', () => {
    expect([...EN]).toEqual([
      ['home.heading', 'Draft your instrument'],
      ['home.lead', 'Line one.\nLine two.'],
      ['retention_one', 'Deleted after {{count}} day.'],
      ['retention_other', 'Deleted after {{count}} days.'],
    ]);
  });

  it('groups the plural and gender forms of a key into one unit', () => {
    const arabic = flattenStrings({
      retention_zero: 'z',
      retention_one: 'o',
      retention_two: 't',
      retention_many: 'm',
    });
    expect([...units(arabic).keys()]).toEqual(['retention']);
    expect([...units(EN).keys()]).toEqual(['home.heading', 'home.lead', 'retention']);
    expect(units(flattenStrings({ bound_male: 'lié', bound_female: 'liée' })).get('bound')).toBe('liée\nlié');
  });
});

describe('namespaceReport', () => {
  const french = flattenStrings({
    home: { heading: 'Rédigez votre instrument' },
    retention_one: 'Supprimé après {{count}} jour.',
    retention_many: 'Supprimé après {{count}} jours.',
    retention_other: 'Supprimé après {{count}} jours.',
    old: { key: 'Une clé que l’anglais n’a plus' },
  });
  const confirmed = stamp('common', EN, french, {});

  it('counts missing units and the English words they hold', () => {
    const r = namespaceReport('common', EN, french, confirmed);
    expect(r).toMatchObject({ units: 3, translated: 2, missing: ['home.lead'], stale: [], notReviewed: 2 });
    expect(r.wordsToTranslate).toBe(4);
    expect(r.obsolete).toEqual(['old.key']);
  });

  it('marks a unit stale when its English changes after it was translated, and counts its words', () => {
    const changed = new Map(EN).set('home.heading', 'Draft the instrument of your State');
    const r = namespaceReport('common', changed, french, confirmed);
    expect(r.stale).toEqual(['home.heading']);
    expect(r.wordsToTranslate).toBe(4 + 6);
  });

  it('takes a unit with no record as stale: nobody confirmed which English it was translated from', () => {
    expect(namespaceReport('common', EN, french, {}).stale).toEqual(['home.heading', 'retention']);
  });

  it('stamping keeps a review while the English is the same, and resets it when the English changed', () => {
    const reviewed = Object.fromEntries(
      Object.entries(confirmed).map(([id, record]) => [id, { ...record, reviewed: true }]),
    );
    expect(namespaceReport('common', EN, french, reviewed).notReviewed).toBe(0);
    const changed = new Map(EN).set('home.heading', 'Draft the instrument of your State');
    const again = stamp('common', changed, french, reviewed);
    expect(again['common:home.heading']).toEqual({
      source: sourceHash('Draft the instrument of your State'),
      reviewed: false,
    });
    expect(again['common:retention']?.reviewed).toBe(true);
    expect(Object.keys(again)).toEqual(['common:home.heading', 'common:retention']);
  });

  it('stamping named units records only those: the other stale units stay stale', () => {
    const changed = new Map(EN)
      .set('home.heading', 'Draft the instrument of your State')
      .set('retention_one', 'Removed after {{count}} day.');
    const one = stamp('common', changed, french, confirmed, new Set(['common:home.heading']));
    expect(one['common:home.heading']?.source).toBe(sourceHash('Draft the instrument of your State'));
    expect(one['common:retention']).toEqual(confirmed['common:retention']);
    expect(namespaceReport('common', changed, french, one).stale).toEqual(['retention']);
    expect(stamp('common', changed, french, {}, new Set(['common:home.heading']))).not.toHaveProperty(
      'common:retention',
    );
  });
});

describe('status files', () => {
  it('are written one unit per line, sorted, and read back the same', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'));
    try {
      const status = {
        'common:b': { source: 'bbb', reviewed: false },
        'common:a': { source: 'aaa', reviewed: true },
      };
      writeStatus(dir, 'fr', status);
      const text = fs.readFileSync(path.join(dir, 'status', 'fr.json'), 'utf8');
      expect(text.split('\n')).toEqual([
        '{',
        '  "common:a": {"source":"aaa","reviewed":true},',
        '  "common:b": {"source":"bbb","reviewed":false}',
        '}',
        '',
      ]);
      expect(readStatus(dir, 'fr')).toEqual(status);
      expect(readStatus(dir, 'ru')).toEqual({});
      expect(readStrings(dir, 'ru', 'common').size).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the real locale files', () => {
  const translations = SUPPORTED_LANGUAGES.filter((lng) => lng !== SOURCE_LANGUAGE);

  test.each(translations)('%s misses no unit and has none English no longer has', (lng) => {
    for (const r of languageReport(PATHS.locales, lng, NAMESPACES, SOURCE_LANGUAGE))
      expect({ ns: r.namespace, missing: r.missing, obsolete: r.obsolete }).toEqual({
        ns: r.namespace,
        missing: [],
        obsolete: [],
      });
  });

  test.each(translations)('%s: its status file records every unit it has, and nothing else', (lng) => {
    const recorded = Object.keys(readStatus(PATHS.locales, lng)).sort();
    const present = NAMESPACES.flatMap((ns) =>
      [...units(readStrings(PATHS.locales, lng, ns)).keys()].map((unit) => `${ns}:${unit}`),
    ).sort();
    expect(recorded).toEqual(present);
  });
});

describe('notes for translators (locales/notes/{namespace}.json)', () => {
  test.each(NAMESPACES)('%s: one note per English unit, naming each of its {{variables}}', (ns) => {
    const notes = JSON.parse(
      fs.readFileSync(path.join(PATHS.locales, 'notes', `${ns}.json`), 'utf8'),
    ) as Record<string, string>;
    const english = units(readStrings(PATHS.locales, SOURCE_LANGUAGE, ns));
    expect(Object.keys(notes).sort()).toEqual([...english.keys()].sort());
    const problems = [...english].flatMap(([unit, text]) => {
      const note = notes[unit] ?? '';
      const variables = [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)/g)].map((m) => m[1]!))];
      const unnamed = variables.filter((v) => !note.includes(`{{${v}}}`));
      return [
        ...(note.trim() === '' || note.length > 400 ? [`${unit}: a note of ${note.length} characters`] : []),
        ...unnamed.map((v) => `${unit}: {{${v}}} not explained`),
      ];
    });
    expect(problems).toEqual([]);
  });
});
