/**
 * A draft's answers for translators' tools (journey/xliff.ts, domain/xliff.ts), on the real app and a real
 * SQLite file: the XLIFF 1.2 download read back with a maintained XLIFF library (the npm package `xliff`)
 * and, for what it does not keep (states, limits), with @xmldom/xmldom; a file filled as a CAT tool would
 * (targets added, states changed, ids kept) imported back, after which final French documents are
 * allowed; a stale translation; and files refused with their message on the page, nothing saved.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { jsToXliff12, xliff12ToJs } from 'xliff';
import {
  errorSummary,
  expectedString,
  hrefs,
  inlineErrors,
  changeThroughApi,
  JourneyClient,
  notice,
  redirectOf,
  textOf,
  type Draft,
} from './journey-helpers';
import { createTestApp, draftThroughApi, samplePackage, type TestApp } from './test-app';
import { SAMPLE_FRENCH } from '../support/translations';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/** A draft made from the Bhutan example (English answers), as the API creates it, changed by `edit`. */
async function bhutanDraft(edit: (pkg: Record<string, unknown>) => void = () => {}): Promise<Draft> {
  const pkg = samplePackage('bhutan-accession');
  edit(pkg);
  return draftThroughApi(t.app, pkg);
}

function stored(draft: Draft) {
  const row = t.store.drafts.get(draft.id);
  if (!row) throw new Error('no draft');
  return {
    revision: row.revision,
    translations: (
      JSON.parse(row.data) as {
        package: { translations: Record<string, Record<string, { text: string; source: string }>> };
      }
    ).package.translations,
  };
}

/** The file of a draft's answers in `lng`, as downloaded. */
async function download(c: JourneyClient, draft: Draft, lng: string): Promise<string> {
  const { res, bytes } = await c.getBytes(`${draft.url}/translate/${lng}/xliff`);
  expect(res.status).toBe(200);
  return bytes.toString('utf8');
}

function importFile(c: JourneyClient, draft: Draft, lng: string, content: string) {
  return c.upload(`${draft.url}/translate/${lng}/xliff/import`, {
    content,
    name: 'translated.xlf',
    type: 'application/xliff+xml',
  });
}

/** The trans-units of a file, read with xmldom: id, attributes, target and its state, notes. */
function unitsOf(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const list = doc.getElementsByTagNameNS(XLIFF_NS, 'trans-unit');
  return Array.from({ length: list.length }, (_, i) => {
    const unit = list.item(i)!;
    const child = (name: string) =>
      Array.from(unit.childNodes).filter(
        (n): n is Element => n.nodeType === n.ELEMENT_NODE && (n as Element).localName === name,
      );
    const target = child('target')[0];
    return {
      id: unit.getAttribute('id')!,
      attr: (name: string) => unit.getAttribute(name),
      source: child('source')[0]?.textContent ?? null,
      target: target?.textContent ?? null,
      state: target?.getAttribute('state') ?? null,
      notes: child('note').map((n) => n.textContent ?? ''),
    };
  });
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The file as a CAT tool leaves it: each unit's `<source>` followed by a target in `state` (a target
 * already there replaced), for the units `translate` gives a text; ids and everything else kept.
 */
function fillTargets(
  xml: string,
  translate: (id: string, source: string) => string | undefined,
  state = 'translated',
) {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return xml.replace(
    /(<trans-unit id="([^"]+)"[^>]*>\s*<source[^>]*>([^<]*)<\/source>)(\s*<target[^>]*>[^<]*<\/target>)?/g,
    (whole, head: string, id: string, source: string) => {
      const text = translate(id, decode(source));
      return text === undefined
        ? whole
        : `${head}\n      <target xml:lang="fr-FR" state="${state}">${escapeXml(text)}</target>`;
    },
  );
}

const frenchOf = (id: string, source: string) =>
  id === 'signatory.name' || id === 'party.formalName' ? undefined : SAMPLE_FRENCH[source];

describe('the download', () => {
  test('one XLIFF 1.2 file per language, read back by the xliff library: a unit per answer, with its notes', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const page = await c.get(`${draft.url}/translate/fr`);
    expect(hrefs(page.text)).toEqual(
      expect.arrayContaining([`${draft.url}/translate/fr/xliff`, `${draft.url}/translate/fr/xliff/import`]),
    );

    const { res, bytes } = await c.getBytes(`${draft.url}/translate/fr/xliff`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xliff\+xml/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename=translation-bt-en-fr-revision-1.xlf',
    );
    const xml = bytes.toString('utf8');
    // The draft's id is the key to it: never in the file.
    expect(xml).not.toContain(draft.id);

    const js = await xliff12ToJs(xml, { inlineAsString: true });
    expect(js.sourceLanguage).toBe('en-GB');
    expect(js.targetLanguage).toBe('fr-FR');
    const [original, ...others] = Object.keys(js.resources);
    expect(others).toEqual([]);
    expect(original).toMatch(/^draft-[0-9a-f]{16}-revision-1$/);
    const units = js.resources[original!]!;
    // The 11 answers to translate, the signer's name, and the formal name (fixed).
    expect(Object.keys(units)).toHaveLength(13);
    expect(units['signing.place']).toMatchObject({ source: 'Thimphu' });
    expect(units['signing.place']!.target).toBeUndefined();
    expect(units['signing.place']!.note).toEqual([
      `Field: ${expectedString('en', 'fields.signing/place')}`,
      'One line, at most 200 characters.',
    ]);
    expect(units['signatory.name']!.note).toEqual(
      expect.arrayContaining([expectedString('en', 'pages.xliff.notes.personal')]),
    );
    const authority = Object.keys(units).find(
      (k) => units[k]!.source === 'International Cooperation Division',
    );
    expect(authority).toMatch(/^authorities\.[A-Za-z0-9_-]+\.unit$/);
    expect(units[authority!]!.note).toEqual(
      expect.arrayContaining([expect.stringContaining('Office of the Attorney General')]),
    );
    // The UN formal name is a fixed term: not to translate, given as the UN write it.
    expect(units['party.formalName']).toMatchObject({
      target: 'le Royaume du Bhoutan',
      additionalAttributes: expect.objectContaining({ translate: 'no' }) as unknown,
    });

    // What the library does not keep: limits and states (read with xmldom).
    const place = unitsOf(xml).find((u) => u.id === 'signing.place')!;
    expect([place.attr('resname'), place.attr('maxwidth'), place.attr('size-unit')]).toEqual([
      'signing.place',
      '200',
      'char',
    ]);
    expect(unitsOf(xml).find((u) => u.id === 'party.formalName')!.state).toBe('final');
  });

  test('a language that is not a translation of the answers is a page not found', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    for (const lng of ['en', 'xx']) {
      expect((await c.get(`${draft.url}/translate/${lng}/xliff`)).status).toBe(404);
      expect((await c.get(`${draft.url}/translate/${lng}/xliff/import`)).status).toBe(404);
    }
  });
});

describe('the round trip', () => {
  test('targets filled and set "translated" in a CAT tool fill the translations; final French documents are allowed', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const before = await c.get(`${draft.url}/documents?mode=final&doclang=fr`);
    expect(textOf(before.text)).toContain(expectedString('en', 'pages.documents.blockedTitle'));

    const filled = fillTargets(await download(c, draft, 'fr'), frenchOf);
    const res = await importFile(c, draft, 'fr', filled);
    expect(redirectOf(res)).toBe(`${draft.url}/translate/fr?imported=11`);
    const page = await c.get(redirectOf(res));
    expect(notice(page.text)).toEqual({
      title: expectedString('en', 'pages.xliff.done.title'),
      lines: [expectedString('en', 'pages.xliff.done.line_other', { count: 11 })],
    });
    const fr = stored(draft).translations.fr!;
    expect(fr['signing.place']).toEqual({ text: 'Thimphou', source: 'Thimphu' });
    expect(Object.keys(fr)).toHaveLength(11);
    expect(fr['party.formalName']).toBeUndefined();

    const documents = await c.get(`${draft.url}/documents?mode=final&doclang=fr`);
    expect(textOf(documents.text)).not.toContain(expectedString('en', 'pages.documents.blockedTitle'));

    // Exported again, each translated unit says so.
    const again = unitsOf(await download(c, draft, 'fr'));
    expect(again.find((u) => u.id === 'signing.place')).toMatchObject({
      target: 'Thimphou',
      state: 'translated',
    });
  });

  test('a file written back by the xliff library (no states) is read too', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const js = await xliff12ToJs(await download(c, draft, 'fr'), { inlineAsString: true });
    const units = Object.values(js.resources)[0]!;
    for (const [id, unit] of Object.entries(units)) {
      const french = frenchOf(id, String(unit.source));
      if (french !== undefined) unit.target = french;
    }
    const written = await jsToXliff12(js);
    const res = await importFile(c, draft, 'fr', written);
    expect(redirectOf(res)).toBe(`${draft.url}/translate/fr?imported=11`);
    expect(stored(draft).translations.fr?.['signing.place']).toEqual({ text: 'Thimphou', source: 'Thimphu' });
  });

  test('an Arabic target, and a target holding <, & and quotes, are stored as typed; answers holding them are escaped', async () => {
    const tricky = 'Office <A> & "B" of \'C\'';
    const draft = await bhutanDraft((pkg) => {
      (pkg.signing as Record<string, unknown>).place = 'Thimphu & <Paro>';
      pkg.declarations = [{ treaties: ['untoc'], kind: 'other', text: `Line one "quoted" & <b>\nLine two` }];
    });
    const c = new JourneyClient(t.app);
    const xml = await download(c, draft, 'ar');
    expect(xml).toContain('<source xml:lang="en-GB">Thimphu &amp; &lt;Paro&gt;</source>');
    const js = await xliff12ToJs(xml, { inlineAsString: true });
    const units = Object.values(js.resources)[0]!;
    expect(units['signing.place']!.source).toBe('Thimphu & <Paro>');
    const declaration = Object.keys(units).find((k) => k.startsWith('declarations.'))!;
    expect(units[declaration]!.source).toBe('Line one "quoted" & <b>\nLine two');

    const filled = fillTargets(xml, (id) =>
      id === 'signing.place' ? 'تيمفو' : id === declaration ? tricky : undefined,
    ).replace(/xml:lang="fr-FR"/g, 'xml:lang="ar-SA"');
    const res = await importFile(c, draft, 'ar', filled);
    expect(redirectOf(res)).toBe(`${draft.url}/translate/ar?imported=2`);
    const ar = stored(draft).translations.ar!;
    expect(ar['signing.place']).toEqual({ text: 'تيمفو', source: 'Thimphu & <Paro>' });
    expect(ar[declaration]?.text).toBe(tricky);
    // Shown back on the Arabic page, escaped by the page as any answer.
    const page = await c.get(`${draft.url}/translate/ar`);
    expect(page.text).toContain('value="تيمفو"');
  });
});

describe('a stale translation', () => {
  async function translatedThenChanged() {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    redirectOf(await c.submit(`${draft.url}/translate/fr`, { 'signing.place': 'Thimphou' }));
    await changeThroughApi(t.app, draft.id, (pkg) => ({
      ...pkg,
      signing: { ...(pkg.signing as object), place: 'Paro' },
    }));
    return { draft, c };
  }

  test('exported for review with the text it was translated from; imported unchanged it stays stale, set translated it is confirmed', async () => {
    const { draft, c } = await translatedThenChanged();
    const xml = await download(c, draft, 'fr');
    const place = unitsOf(xml).find((u) => u.id === 'signing.place')!;
    expect(place).toMatchObject({ source: 'Paro', target: 'Thimphou', state: 'needs-review-translation' });
    expect(place.notes).toContain(expectedString('en', 'pages.xliff.notes.stale', { text: 'Thimphu' }));

    // Back as it was: nothing changes, and the page says so.
    const unchanged = await importFile(c, draft, 'fr', xml);
    expect(redirectOf(unchanged)).toBe(`${draft.url}/translate/fr?imported=0`);
    expect(stored(draft).translations.fr?.['signing.place']).toEqual({ text: 'Thimphou', source: 'Thimphu' });

    // The reviewer confirms it in the tool.
    const confirmed = xml.replace('state="needs-review-translation"', 'state="translated"');
    expect(redirectOf(await importFile(c, draft, 'fr', confirmed))).toBe(
      `${draft.url}/translate/fr?imported=1`,
    );
    expect(stored(draft).translations.fr?.['signing.place']).toEqual({ text: 'Thimphou', source: 'Paro' });
  });
});

describe('files refused, nothing changed', () => {
  /** Import `content` into the French of `draft`: a 400 page with `message`, the draft unchanged. */
  async function refused(c: JourneyClient, draft: Draft, content: string, message: string, lng = 'fr') {
    const before = stored(draft);
    const res = await importFile(c, draft, lng, content);
    expect(res.status).toBe(400);
    expect(errorSummary(res.text).map((e) => e.text)).toContain(message);
    expect(errorSummary(res.text).every((e) => e.href === '#file')).toBe(true);
    expect(inlineErrors(res.text).get('file')).toBeDefined();
    expect(stored(draft)).toEqual(before);
  }

  test('a file of another draft', async () => {
    const mine = await bhutanDraft();
    const theirs = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const file = fillTargets(await download(c, theirs, 'fr'), frenchOf);
    await refused(c, mine, file, expectedString('en', 'pages.xliff.errors.otherDraft'));
  });

  test('a file of an older revision', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const file = fillTargets(await download(c, draft, 'fr'), frenchOf);
    redirectOf(await c.submit(`${draft.url}/translate/fr`, { 'deposit.place': 'New York' }));
    await refused(
      c,
      draft,
      file,
      expectedString('en', 'pages.xliff.errors.otherRevision', { file: 1, current: 2 }),
    );
  });

  test('a file for another language', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const file = fillTargets(await download(c, draft, 'fr'), frenchOf);
    await refused(
      c,
      draft,
      file,
      expectedString('en', 'pages.xliff.errors.otherLanguage', { found: 'fr-FR', language: 'Spanish' }),
      'es',
    );
  });

  test('not XML, XML that is not XLIFF, a document type (an entity bomb)', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    await refused(
      c,
      draft,
      'Thimphou, Bureau du Procureur général',
      expectedString('en', 'pages.xliff.errors.notXml'),
    );
    await refused(c, draft, '<xliff version="1.2"><file', expectedString('en', 'pages.xliff.errors.notXml'));
    await refused(c, draft, '<html><body/></html>', expectedString('en', 'pages.xliff.errors.notXliff'));
    const xml = await download(c, draft, 'fr');
    const bomb = xml
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
      )
      .replace('>Thimphu</source>', '>Thimphu</source><target state="translated">&c;</target>');
    await refused(c, draft, bomb, expectedString('en', 'pages.xliff.errors.doctype'));
    const external = xml.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0"?><!DOCTYPE xliff SYSTEM "file:///etc/passwd">',
    );
    await refused(c, draft, external, expectedString('en', 'pages.xliff.errors.doctype'));
  });

  test('a unit the draft does not have, and a target too long, each named', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const xml = fillTargets(await download(c, draft, 'fr'), frenchOf);
    const extra = xml.replace(
      '</body>',
      '  <trans-unit id="party.secretName"><source>x</source><target>y</target></trans-unit>\n    </body>',
    );
    await refused(
      c,
      draft,
      extra,
      expectedString('en', 'pages.xliff.errors.unknownUnit', { unit: 'party.secretName' }),
    );

    const long = fillTargets(xml, (id) => (id === 'signing.place' ? 'T'.repeat(201) : undefined));
    await refused(
      c,
      draft,
      long,
      expectedString('en', 'pages.errors.tooLong', {
        label: expectedString('en', 'pages.xliff.errors.unitLabel', {
          field: expectedString('en', 'fields.signing/place'),
          unit: 'signing.place',
        }),
        max: 200,
      }),
    );
  });

  test('no file, and a form without its anti-forgery token', async () => {
    const draft = await bhutanDraft();
    const c = new JourneyClient(t.app);
    const page = await c.get(`${draft.url}/translate/fr/xliff/import`);
    expect(page.status).toBe(200);
    const none = await c.upload(`${draft.url}/translate/fr/xliff/import`, null);
    expect(none.status).toBe(400);
    expect(errorSummary(none.text).map((e) => e.text)).toEqual([
      expectedString('en', 'pages.xliff.errors.noFile'),
    ]);
    const file = fillTargets(await download(c, draft, 'fr'), frenchOf);
    const forged = await c.upload(
      `${draft.url}/translate/fr/xliff/import`,
      { content: file, name: 'f.xlf', type: 'application/xliff+xml' },
      { token: null },
    );
    expect(forged.status).toBe(403);
    expect(stored(draft).translations.fr).toBeUndefined();
  });
});
