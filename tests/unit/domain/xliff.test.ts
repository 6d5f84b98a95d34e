/**
 * The XLIFF file of a draft's answers (domain/xliff.ts), pure: built from the Bhutan example and read
 * back (buildXliff, readXliff), what a translators' tool may do to it (inline markup, groups, a byte
 * order mark, states), the files that are not ours, and the rules that fill the translations
 * (applyXliff): translated, stale kept stale, confirmed, empty left alone, the fixed name never read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Package } from '../../../server/domain/package';
import { slotStatuses } from '../../../server/domain/translations';
import { parsePackage } from '../../../server/domain/validate';
import {
  applyXliff,
  buildXliff,
  draftFingerprint,
  readXliff,
  type XliffFile,
} from '../../../server/domain/xliff';
import { PATHS } from '../../../server/paths';

const bhutanInput = JSON.parse(
  fs.readFileSync(path.join(PATHS.root, 'examples', 'bhutan-accession.json'), 'utf8'),
) as Record<string, unknown>;

function parse(input: unknown): Package {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.pkg;
}

const ID = 'AbCdEfGhIjKlMnOpQrStUvWx';
const draft = { fingerprint: draftFingerprint(ID), revision: 7 };

function exported(pkg: Package, lng: 'fr' | 'ar' = 'fr'): string {
  return buildXliff(pkg, lng, {
    ...draft,
    sourceTag: 'en-GB',
    targetTag: lng === 'fr' ? 'fr-FR' : 'ar-SA',
    headerNote: 'header',
    notes: ({ slot }, limit) => [`field ${slot.key}`, `limit ${limit}`],
  });
}

function read(xml: string): XliffFile {
  const result = readXliff(xml);
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

const unit = (file: XliffFile, id: string) => file.units.find((u) => u.id === id);

describe('the file', () => {
  const pkg = parse(bhutanInput);

  test('names the draft by a fingerprint of its id and the revision; a unit per printed answer', () => {
    expect(draft.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(draftFingerprint('another-id')).not.toBe(draft.fingerprint);
    const xml = exported(pkg);
    expect(xml).not.toContain(ID);
    expect(xml).toContain(`original="draft-${draft.fingerprint}-revision-7"`);
    const file = read(xml);
    expect(file).toMatchObject({ ...draft, targetLanguage: 'fr-FR' });
    expect(file.units.map((u) => u.id)).toEqual(slotStatuses(pkg, 'fr').map((s) => s.slot.key));
    expect(unit(file, 'signing.place')).toEqual({
      id: 'signing.place',
      target: null,
      state: null,
      translate: true,
    });
    expect(unit(file, 'party.formalName')).toMatchObject({ translate: false, state: 'final' });
  });

  test('what a tool may add is read through: inline markup, groups, a byte order mark, no xml declaration', () => {
    const xml = exported(pkg)
      .replace('<?xml version="1.0" encoding="UTF-8"?>\n', '\uFEFF')
      .replace('<body>', '<body><group id="g1">')
      .replace('</body>', '</group></body>')
      .replace(
        '>Thimphu</source>',
        '>Thimphu</source><target state="translated"><mrk mtype="seg" mid="1">Thim<g id="1">phou</g></mrk></target>',
      );
    expect(unit(read(xml), 'signing.place')).toMatchObject({ target: 'Thimphou', state: 'translated' });
  });

  test('what is not one of ours is refused', () => {
    const refusal = (xml: string) => {
      const r = readXliff(xml);
      return r.ok ? 'read' : r.error;
    };
    expect(refusal('')).toBe('notXml');
    expect(refusal('{"package": {}}')).toBe('notXml');
    expect(refusal('<a><b></a>')).toBe('notXml');
    expect(refusal('<!DOCTYPE x><xliff version="1.2"/>')).toBe('doctype');
    expect(refusal('<!doctype x [<!entity a "b">]><xliff/>')).toBe('doctype');
    expect(refusal('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>')).toBe('notXliff');
    expect(refusal('<xliff version="1.2"><file original="messages.properties"/></xliff>')).toBe('notOurs');
    expect(refusal(exported(pkg).replace('</xliff>', '<file original="x"/></xliff>'))).toBe('notOurs');
  });
});

describe('filling the translations', () => {
  const pkg = parse(bhutanInput);
  const withTarget = (xml: string, target: string, state: string | null) =>
    xml.replace(
      '>Thimphu</source>',
      `>Thimphu</source><target${state ? ` state="${state}"` : ''}>${target}</target>`,
    );
  const apply = (p: Package, xml: string) => applyXliff(p, 'fr', read(xml), draft);

  test('a target translated, or with no state, is a translation of the current answer', () => {
    for (const state of ['translated', 'final', 'signed-off', null]) {
      const result = apply(pkg, withTarget(exported(pkg), ' Thimphou ', state));
      expect(result).toMatchObject({ ok: true, changed: 1 });
      if (result.ok)
        expect(result.pkg.translations.fr?.['signing.place']).toEqual({
          text: 'Thimphou',
          source: 'Thimphu',
        });
    }
  });

  test('stale and unchanged in a state that is not done, it stays stale; changed or set translated, it is of the new answer', () => {
    const stale = parse({
      ...bhutanInput,
      translations: { fr: { 'signing.place': { text: 'Thimphou', source: 'Paro' } } },
    });
    const xml = exported(stale);
    expect(unit(read(xml), 'signing.place')).toMatchObject({
      target: 'Thimphou',
      state: 'needs-review-translation',
    });
    expect(apply(stale, xml)).toMatchObject({ ok: true, changed: 0 });
    const changed = apply(stale, xml.replace('>Thimphou</target>', '>Thimphou-Dzong</target>'));
    expect(changed.ok && changed.pkg.translations.fr?.['signing.place']).toEqual({
      text: 'Thimphou-Dzong',
      source: 'Thimphu',
    });
    const confirmed = apply(stale, xml.replace('needs-review-translation', 'translated'));
    expect(confirmed.ok && confirmed.pkg.translations.fr?.['signing.place']).toEqual({
      text: 'Thimphou',
      source: 'Thimphu',
    });
  });

  test('an empty target leaves the translation; the fixed formal name is never read', () => {
    const translated = parse({
      ...bhutanInput,
      translations: { fr: { 'signing.place': { text: 'Thimphou', source: 'Thimphu' } } },
    });
    const xml = exported(translated)
      .replace('>Thimphou</target>', '>  </target>')
      .replace('>le Royaume du Bhoutan</target>', '>Bhoutan</target>');
    const result = apply(translated, xml);
    expect(result).toMatchObject({ ok: true, changed: 0 });
    expect(result.ok && result.pkg.translations.fr).toEqual(translated.translations.fr);
  });

  test('refusals: another draft, revision, language; units unknown or twice; targets the schema refuses', () => {
    const xml = exported(pkg);
    const file = read(xml);
    expect(applyXliff(pkg, 'fr', file, { ...draft, fingerprint: draftFingerprint('x') })).toEqual({
      ok: false,
      refusals: [{ code: 'otherDraft' }],
    });
    expect(applyXliff(pkg, 'fr', file, { ...draft, revision: 8 })).toEqual({
      ok: false,
      refusals: [{ code: 'otherRevision', file: 7, current: 8 }],
    });
    expect(applyXliff(pkg, 'es', file, draft)).toEqual({
      ok: false,
      refusals: [{ code: 'otherLanguage', language: 'fr-FR' }],
    });
    const bad = withTarget(xml, 'x'.repeat(201), 'translated')
      .replace('</body>', '<trans-unit id="nope.x"><source>a</source></trans-unit></body>')
      .replace('>Chang Lam</source>', '>Chang Lam</source><target>Chang\uE000Lam</target>');
    const twice = xml.replace(
      '</body>',
      '<trans-unit id="signing.place"><source>Thimphu</source></trans-unit></body>',
    );
    const result = apply(pkg, bad);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.refusals).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'invalidTarget', unit: 'signing.place', issue: 'schema.tooLong' }),
          { code: 'unknownUnit', unit: 'nope.x' },
          expect.objectContaining({ code: 'invalidTarget', issue: 'schema.privateUse' }),
        ]),
      );
    expect(apply(pkg, twice)).toEqual({
      ok: false,
      refusals: [{ code: 'duplicateUnit', unit: 'signing.place' }],
    });
  });
});
