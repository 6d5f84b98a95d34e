/**
 * The product's strings as XLIFF (server/i18n/strings-xliff.ts): French exported and read by the `xliff`
 * library as a translator's tool reads it (units, targets, notes, plural and gender forms, lines); the
 * states from a status file (missing, stale, translated, reviewed); the round trip through a copy of the
 * locales (a missing target filled and a state set to final as a tool would, then imported: the JSON and
 * the status file); the refusals, which leave every file as it was; Arabic's six plural forms. The real
 * locales are never written: each test imports into a copy in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jsToXliff12, xliff12ToJs, type XliffJsUnit } from 'xliff';
import { NAMESPACES } from '../../../server/i18n';
import {
  applyStringsXliff,
  exportStrings,
  formatLocaleJson,
  importStrings,
  namespaceForms,
  pluralCategories,
  readLocaleSet,
  type StringsRefusal,
} from '../../../server/i18n/strings-xliff';
import { readStatus, sourceHash, writeStatus } from '../../../server/i18n/translation-status';
import { PATHS } from '../../../server/paths';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strings-xliff-'));
  fs.cpSync(PATHS.locales, dir, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file of a locales folder, by its path in it. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      out[path.relative(root, file)] = fs.readFileSync(file, 'utf8');
    }
  return out;
}

type Tree = Record<string, unknown>;
const localeFile = (lng: string, ns: string) => path.join(dir, lng, `${ns}.json`);
const readTree = (lng: string, ns: string) =>
  JSON.parse(fs.readFileSync(localeFile(lng, ns), 'utf8')) as Tree;
/** Edit a copied locale file's tree in place. */
function editTree(lng: string, ns: string, edit: (tree: Tree) => void): void {
  const tree = readTree(lng, ns);
  edit(tree);
  fs.writeFileSync(localeFile(lng, ns), formatLocaleJson(tree));
}
const at = (tree: Tree, dotted: string) =>
  dotted.split('.').reduce<Tree>((t, k) => t[k] as Tree, tree) as unknown as Tree;
const englishText = (ns: string, dotted: string) => {
  const parts = dotted.split('.');
  return at(readTree('en', ns), parts.slice(0, -1).join('.'))[parts.at(-1)!] as string;
};

async function units(xml: string, ns: string): Promise<Record<string, XliffJsUnit>> {
  const js = await xliff12ToJs(xml, { inlineAsString: true });
  return js.resources[`${ns}.json`]!;
}
/** The state of a unit's target in an exported file (the library does not read states). */
function stateOf(xml: string, id: string): string | null {
  const unit = new RegExp(`<trans-unit id="${id.replace(/\./g, '\\.')}"[^>]*>([\\s\\S]*?)</trans-unit>`).exec(
    xml,
  );
  if (!unit) throw new Error(`no unit ${id}`);
  return /<target [^>]*state="([^"]+)"/.exec(unit[1]!)?.[1] ?? null;
}
/** Only the named units of a file, as a tool's "export these segments" would write them. */
async function only(xml: string, ns: string, edit: Record<string, string | undefined>): Promise<string> {
  const js = await xliff12ToJs(xml, { inlineAsString: true });
  const kept: Record<string, XliffJsUnit> = {};
  for (const [id, target] of Object.entries(edit)) {
    const unit = js.resources[`${ns}.json`]![id];
    if (!unit) throw new Error(`no unit ${id}`);
    kept[id] = target === undefined ? unit : { ...unit, target };
  }
  return jsToXliff12({ ...js, resources: { [`${ns}.json`]: kept } });
}
/** A tool setting a unit's target state ("final" when a reviewer signs it off). */
const withState = (xml: string, id: string, state: string) =>
  xml.replace(
    new RegExp(`(<trans-unit id="${id.replace(/\./g, '\\.')}"[\\s\\S]*?<target)`),
    `$1 state="${state}"`,
  );

function refused(lng: 'fr' | 'ar', xml: string): StringsRefusal[] {
  const before = snapshot(dir);
  const result = importStrings(dir, lng, xml);
  expect(snapshot(dir)).toEqual(before);
  if (result.ok) throw new Error('the file was imported');
  return result.refusals;
}

describe('the locale files are written as prettier writes them', () => {
  test('every locale file reads back byte for byte', () => {
    for (const lng of fs.readdirSync(PATHS.locales).filter((d) => !['notes', 'status'].includes(d)))
      for (const ns of NAMESPACES) {
        const text = fs.readFileSync(path.join(PATHS.locales, lng, `${ns}.json`), 'utf8');
        expect(formatLocaleJson(JSON.parse(text) as Tree)).toBe(text);
      }
  });
});

describe('the French export', () => {
  test('a <file> per namespace, a unit per form, the targets and the notes', async () => {
    const xml = exportStrings(dir, 'fr');
    const js = await xliff12ToJs(xml, { inlineAsString: true });
    expect(js.sourceLanguage).toBe('en-GB');
    expect(js.targetLanguage).toBe('fr-FR');
    expect(Object.keys(js.resources)).toEqual(['common.json', 'legal.json', 'documents.json']);
    const locales = readLocaleSet(dir, 'fr');
    for (const ns of NAMESPACES)
      expect(Object.keys(js.resources[`${ns}.json`]!)).toEqual(
        namespaceForms(locales.english[ns], locales.target[ns], pluralCategories('fr-FR')).map((f) => f.key),
      );

    const common = js.resources['common.json']!;
    expect(common['pages.delete.title']).toMatchObject({
      source: 'Delete this draft',
      target: 'Supprimer ce projet',
    });
    expect(common['pages.delete.title']!.note).toContain(locales.notes.common['pages.delete.title']);

    // Plural forms: French "many" has the English "other" as its source, and says which category it is.
    const many = common['pages.xliff.done.line_many']!;
    expect(many.source).toBe('{{count}} translations were imported from the file.');
    expect(many.target).toBe('{{count}} traductions ont été importées du fichier.');
    expect(many.note).toEqual(
      expect.arrayContaining([
        locales.notes.common['pages.xliff.done.line'],
        'Keep these variables exactly as written: {{count}} ({{count}} may be left out in this form).',
        expect.stringMatching(
          /^Plural form "many" \(CLDR\) of fr-FR: used for counts such as 1000000\. .*"other"/,
        ),
      ]),
    );
    expect(common['pages.xliff.done.line_one']!.source).toBe(
      '{{count}} translation was imported from the file.',
    );

    // A list of lines: a unit per line.
    expect(common['pages.delete.lines.1']).toMatchObject({
      source: 'If you may need it again, save it as a file first.',
      target: "Si vous risquez d'en avoir de nouveau besoin, enregistrez-le d'abord comme fichier.",
    });
    expect(common['pages.delete.lines.1']!.note).toContain(
      'Line 2 of 2 of pages.delete.lines: each line is translated on its own, and the lines are shown in this order.',
    );
    expect(common['pages.delete.lines']).toBeUndefined();

    // Gender forms where French has them, with the English as their source and the variables to keep.
    const documents = js.resources['documents.json']!;
    const whereas = 'WHEREAS the {{title}} was adopted at {{place}} on {{date}},';
    expect(documents['instrument.whereas']!.source).toBe(whereas);
    expect(documents['instrument.whereas_male']).toMatchObject({
      source: whereas,
      target: 'CONSIDÉRANT QUE le {{title}} a été adopté à {{place}} le {{date}},',
    });
    expect(documents['instrument.whereas_male']!.note).toEqual(
      expect.arrayContaining([
        'Keep these variables exactly as written: {{date}}, {{place}}, {{title}}.',
        expect.stringMatching(/^Gender form "male"/),
      ]),
    );
  });

  test('states come from the status file: missing, stale, translated, reviewed', () => {
    editTree('fr', 'common', (t) => delete at(t, 'pages.delete').warning);
    const status = { ...readStatus(dir, 'fr') };
    status['common:pages.delete.submit'] = { source: sourceHash('An earlier English text'), reviewed: true };
    status['common:pages.delete.title'] = {
      source: sourceHash(englishText('common', 'pages.delete.title')),
      reviewed: true,
    };
    status['common:pages.delete.cancel'] = { source: '000000000000', reviewed: false };
    writeStatus(dir, 'fr', status);
    const xml = exportStrings(dir, 'fr');

    expect(stateOf(xml, 'pages.delete.warning')).toBeNull();
    expect(xml).toMatch(
      /<trans-unit id="pages\.delete\.warning"[^>]*>\s*<source[^>]*>[^<]*<\/source>\s*<note/,
    );
    expect(stateOf(xml, 'pages.delete.title')).toBe('signed-off');
    expect(stateOf(xml, 'pages.delete.changed.title')).toBe('translated');
    for (const id of ['pages.delete.cancel', 'pages.delete.submit']) {
      expect(stateOf(xml, id)).toBe('needs-review-translation');
      expect(xml).toMatch(
        new RegExp(
          `<trans-unit id="${id}"[\\s\\S]*?The English changed since this was translated[\\s\\S]*?</trans-unit>`,
        ),
      );
    }
    // The start page's retention sentence: stale in every form (the English was reworded).
    expect(stateOf(xml, 'pages.home.retention_many')).toBe('needs-review-translation');
  });
});

describe('the round trip', () => {
  test('the file as exported, imported again, changes nothing', () => {
    for (const lng of ['fr', 'ar', 'zh'] as const) {
      const before = snapshot(dir);
      const result = importStrings(dir, lng, exportStrings(dir, lng));
      expect(result).toMatchObject({ ok: true, result: { written: 0, recorded: 0 } });
      expect(snapshot(dir)).toEqual(before);
    }
  });

  test('a missing target filled, a state set to final: the JSON holds them, the status records them', async () => {
    const real = fs.readFileSync(localeFile('fr', 'common'), 'utf8');
    const warning = at(readTree('fr', 'common'), 'pages.delete').warning as string;
    editTree('fr', 'common', (t) => delete at(t, 'pages.delete').warning);
    const status = { ...readStatus(dir, 'fr') };
    delete status['common:pages.delete.warning'];
    writeStatus(dir, 'fr', status);

    const exported = exportStrings(dir, 'fr');
    expect(stateOf(exported, 'pages.delete.warning')).toBeNull();
    const edited = withState(
      await only(exported, 'common', { 'pages.delete.warning': warning, 'pages.delete.title': undefined }),
      'pages.delete.title',
      'final',
    );
    const result = importStrings(dir, 'fr', edited);
    expect(result).toMatchObject({ ok: true, result: { written: 1, recorded: 2, reviewed: 1 } });

    // The key is back where English has it: the file is the real one again.
    expect(fs.readFileSync(localeFile('fr', 'common'), 'utf8')).toBe(real);
    const after = readStatus(dir, 'fr');
    expect(after['common:pages.delete.warning']).toEqual({
      source: sourceHash(englishText('common', 'pages.delete.warning')),
      reviewed: false,
    });
    expect(after['common:pages.delete.title']).toEqual({
      source: sourceHash(englishText('common', 'pages.delete.title')),
      reviewed: true,
    });
    // The other units keep their records.
    expect(after['common:pages.delete.submit']).toEqual(status['common:pages.delete.submit']);
  });

  test('a stale unit saved unchanged as needing review stays stale; confirmed, it is recorded', async () => {
    const id = 'common:pages.home.retention';
    const stale = readStatus(dir, 'fr')[id];
    const exported = exportStrings(dir, 'fr');
    const forms = {
      'pages.home.retention_one': undefined,
      'pages.home.retention_many': undefined,
      'pages.home.retention_other': undefined,
    };
    const unchanged = await only(exported, 'common', forms);
    const asExported = (xml: string) =>
      Object.keys(forms).reduce((x, form) => withState(x, form, 'needs-review-translation'), xml);
    expect(importStrings(dir, 'fr', asExported(unchanged))).toMatchObject({
      ok: true,
      result: { recorded: 0 },
    });
    expect(readStatus(dir, 'fr')[id]).toEqual(stale);

    const confirmed = Object.keys(forms).reduce((x, form) => withState(x, form, 'translated'), unchanged);
    expect(importStrings(dir, 'fr', confirmed)).toMatchObject({
      ok: true,
      result: { written: 0, recorded: 1 },
    });
    expect(readStatus(dir, 'fr')[id]).toEqual({
      source: expect.not.stringMatching(stale!.source),
      reviewed: false,
    });
  });

  test('an empty target changes nothing', async () => {
    const before = snapshot(dir);
    const xml = await only(exportStrings(dir, 'fr'), 'common', { 'pages.delete.title': '  ' });
    expect(importStrings(dir, 'fr', xml)).toMatchObject({ ok: true, result: { written: 0, recorded: 0 } });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a refused file changes nothing, and names each problem', () => {
  test('a target that drops or adds a {{variable}}', async () => {
    const xml = await only(exportStrings(dir, 'fr'), 'documents', {
      'instrument.whereas_male': 'CONSIDÉRANT QUE le {{title}} a été adopté le {{date}} par {{who}},',
    });
    expect(refused('fr', xml)).toEqual([
      { code: 'variables', unit: 'documents:instrument.whereas_male', missing: ['place'], added: ['who'] },
    ]);
  });

  test('a unit the language does not have', async () => {
    const xml = (
      await only(exportStrings(dir, 'fr'), 'common', { 'pages.delete.title': 'Supprimer' })
    ).replace(/id="pages\.delete\.title"/, 'id="pages.delete.heading"');
    expect(refused('fr', xml)).toEqual([{ code: 'unknownUnit', unit: 'common:pages.delete.heading' }]);
  });

  test('a document type or an entity', () => {
    const xml = exportStrings(dir, 'fr').replace('<xliff', '<!DOCTYPE xliff [<!ENTITY lol "lol">]>\n<xliff');
    expect(refused('fr', xml)).toEqual([{ code: 'doctype' }]);
  });

  test('a file for another language, and one not XLIFF', () => {
    expect(refused('ar', exportStrings(dir, 'fr'))).toEqual([{ code: 'otherLanguage', language: 'fr-FR' }]);
    expect(refused('fr', '<html/>')).toEqual([{ code: 'notXliff' }]);
    expect(refused('fr', 'not xml <')).toEqual([{ code: 'notXml' }]);
  });

  test('a list of lines the language lacks, with only some lines translated', async () => {
    editTree('fr', 'common', (t) => delete at(t, 'pages.delete').lines);
    const xml = await only(exportStrings(dir, 'fr'), 'common', {
      'pages.delete.lines.0': 'Supprimer le projet…',
    });
    expect(refused('fr', xml)).toEqual([{ code: 'incompleteLines', unit: 'common:pages.delete.lines' }]);
  });

  test('problems in several units are all named, in a file otherwise good', async () => {
    const exported = exportStrings(dir, 'fr');
    const xml = await only(exported, 'common', {
      'pages.delete.title': 'Supprimer {{name}}',
      'pages.xliff.done.line_one': 'Une traduction importée.',
    });
    expect(refused('fr', xml)).toEqual([
      { code: 'variables', unit: 'common:pages.delete.title', missing: [], added: ['name'] },
      { code: 'variables', unit: 'common:pages.xliff.done.line_one', missing: ['count'], added: [] },
    ]);
  });
});

describe('Arabic plural forms', () => {
  const forms = ['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => `pages.xliff.done.line_${c}`);

  test('six forms exported, a missing one filled and imported back', async () => {
    const real = fs.readFileSync(localeFile('ar', 'common'), 'utf8');
    const few = at(readTree('ar', 'common'), 'pages.xliff.done').line_few as string;
    editTree('ar', 'common', (t) => delete at(t, 'pages.xliff.done').line_few);
    const status = { ...readStatus(dir, 'ar') };
    delete status['common:pages.xliff.done.line'];
    writeStatus(dir, 'ar', status);
    const exported = exportStrings(dir, 'ar');
    const common = await units(exported, 'common');
    expect(Object.keys(common).filter((k) => k.startsWith('pages.xliff.done.line_'))).toEqual(forms);
    expect(common['pages.xliff.done.line_few']!.target).toBeUndefined();
    expect(common['pages.xliff.done.line_few']!.source).toBe(
      '{{count}} translations were imported from the file.',
    );
    expect(common['pages.xliff.done.line_two']!.note).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Plural form "two" \(CLDR\) of ar-SA: used for counts such as 2\./),
      ]),
    );

    // The dual leaves {{count}} out ("two translations" is one word), as the Arabic has it.
    const two = common['pages.xliff.done.line_two']!.target as string;
    expect(two).not.toContain('{{count}}');
    const xml = await only(
      exported,
      'common',
      Object.fromEntries(forms.map((f) => [f, f.endsWith('_few') ? few : undefined])),
    );
    const result = applyStringsXliff('ar', readLocaleSet(dir, 'ar'), xml);
    expect(result).toMatchObject({ ok: true, result: { written: 1 } });
    expect(importStrings(dir, 'ar', xml)).toMatchObject({ ok: true, result: { written: 1, recorded: 1 } });
    expect(fs.readFileSync(localeFile('ar', 'common'), 'utf8')).toBe(real);
    expect(readStatus(dir, 'ar')['common:pages.xliff.done.line']).toEqual({
      source: sourceHash(
        [
          '{{count}} translation was imported from the file.',
          '{{count}} translations were imported from the file.',
        ].join('\n'),
      ),
      reviewed: false,
    });
  });

  test('the "one" form, which English has, keeps {{count}}', async () => {
    const xml = await only(exportStrings(dir, 'ar'), 'common', {
      'pages.xliff.done.line_one': 'استُوردت ترجمة واحدة.',
    });
    expect(refused('ar', xml)).toEqual([
      { code: 'variables', unit: 'common:pages.xliff.done.line_one', missing: ['count'], added: [] },
    ]);
  });
});
