/**
 * Text that cannot change a document, through the API and through the pages: a formal name, a
 * territory or a declaration that looks like the machinery of a sentence (placeholders, i18next syntax,
 * HTML) is either refused with a message naming the field (422 from the API, 400 with the GOV.UK error
 * summary on a page), or produces documents that open and read exactly the text typed. Never a 500.
 */
import JSZip from 'jszip';
import type { Express } from 'express';
import { docxText, expectApiError, postForBytes, postJson } from './helpers';
import {
  createDraft,
  errorSummary,
  expectedString,
  inlineErrors,
  JourneyClient,
  redirectOf,
} from './journey-helpers';
import { DOCX_MIME, createTestApp, samplePackage, type TestApp } from './test-app';

/** Text the schema accepts, whatever it looks like: the documents must read it as typed. */
const ACCEPTED: ReadonlyArray<readonly [label: string, text: string]> = [
  ['an i18next variable', '{{party}}'],
  ['another part of the sentence', '{{ofName}} and {{territory}}'],
  ['i18next nesting', '$t(documents:marker)'],
  ['HTML', '<script>alert(1)</script>'],
  ['an HTML entity', '&amp;'],
  ['XML special characters', '<>&"\''],
  ['replacement patterns', "$& $' $1"],
];

/** Text the schema refuses, with the code and the character its message names. */
const REFUSED: ReadonlyArray<readonly [label: string, text: string, code: string, character: string]> = [
  ['the placeholder of part 0', '\uE0000\uE001', 'schema.privateUse', 'U+E000'],
  ['a private-use character', '\uE000', 'schema.privateUse', 'U+E000'],
  ['a right-to-left override', 'Bhutan\u202E', 'schema.invisibleCharacters', 'U+202E'],
  ['a zero-width space', 'Bhu\u200Btan', 'schema.invisibleCharacters', 'U+200B'],
  ['a control character', 'Bhu\u0007tan', 'schema.controlCharacters', 'U+0007'],
  ['a noncharacter', 'Bhutan\uFFFF', 'schema.noncharacters', 'U+FFFF'],
  ['an unpaired surrogate', 'Bhutan\uD800', 'schema.loneSurrogates', 'U+D800'],
];

const DOCUMENTS = [
  '/api/v1/documents/instrument?treaty=untoc&lang=en&mode=final',
  '/api/v1/documents/notifications?lang=en&mode=final',
  '/api/v1/documents/bundle?lang=en&mode=final',
  '/api/v1/validate?lang=en',
] as const;

/** The Bhutan sample with `text` as its formal name and as the territory of a further central authority. */
function packageWith(text: string): Record<string, unknown> {
  const pkg = samplePackage('bhutan-accession');
  const authorities = pkg.authorities as Record<string, unknown>[];
  return {
    ...pkg,
    party: { kind: 'state', code: 'BT', formalName: text },
    authorities: [
      ...authorities,
      { roles: ['untoc-18-13'], territory: text, name: 'Office of the Territory', email: ['t@example.bt'] },
    ],
  };
}

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

async function documentText(app: Express, url: string, pkg: unknown): Promise<string> {
  const { res, bytes } = await postForBytes(app, url, pkg);
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 200, type: DOCX_MIME });
  return docxText(bytes);
}

describe('the API', () => {
  test.each(ACCEPTED)('%s: every document opens and reads the text as typed', async (_label, text) => {
    const pkg = packageWith(text);
    const validate = await postJson(t.app, '/api/v1/validate?lang=en', pkg);
    expect(validate.status).toBe(200);
    expect((validate.body as { finalAllowed: boolean }).finalAllowed).toBe(true);

    const instrument = await documentText(t.app, DOCUMENTS[0], pkg);
    expect(instrument).toContain(
      `declare that the Government of ${text}, having considered the above mentioned Convention, accedes to the same`,
    );
    const notifications = await documentText(t.app, DOCUMENTS[1], pkg);
    expect(notifications).toContain(
      `the Government of ${text} designates the following distinct central authority for ${text}, a special region or territory`,
    );

    const { res, bytes } = await postForBytes(t.app, DOCUMENTS[2], pkg);
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(bytes);
    const inZip = async (prefix: string) =>
      docxText(
        await zip
          .file(Object.keys(zip.files).find((n) => n.startsWith(prefix) && n.endsWith('.docx'))!)!
          .async('nodebuffer'),
      );
    expect(await inZip('instrument-untoc')).toContain(
      `the Government of ${text} declares that it does not consider itself bound`,
    );
    expect(await inZip('notifications')).toContain(`for ${text}, a special region or territory`);
    // The package in the bundle holds the text as sent.
    const stored = JSON.parse(await zip.file('package.json')!.async('string')) as {
      party: { formalName: string };
    };
    expect(stored.party.formalName).toBe(text);
  });

  test.each(REFUSED)(
    '%s: refused with 422, naming the field, by every document and by /validate',
    async (_label, text, code, character) => {
      for (const url of DOCUMENTS) {
        const { res } = await postForBytes(t.app, url, packageWith(text));
        const error = expectApiError(res, 422, 'invalid_package');
        const issues = error.issues.map((i) => ({ code: i.code, path: i.path, field: i.field }));
        expect(issues).toEqual([
          { code, path: 'party.formalName', field: 'Formal name of the State' },
          {
            code,
            path: 'authorities[3].territory',
            field: 'Special region or territory the authority serves',
          },
        ]);
        for (const issue of error.issues) expect(issue.message).toContain(character);
      }
    },
  );

  test('French messages name the field and the character too', async () => {
    const res = await postJson(t.app, '/api/v1/validate?lang=fr', packageWith('Bhoutan\u202E'));
    const error = expectApiError(res, 422, 'invalid_package');
    expect(error.issues[0]!.message).toBe(
      expectedString('fr', 'schema.invisibleCharacters', {
        field: "Nom officiel de l'État",
        character: 'U+202E',
      }),
    );
  });

  test('a declaration keeps the joiners and direction marks, and refuses an override saying what is kept', async () => {
    const kept =
      'Persian: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645, Arabic: \u0645\u0631\u062D\u0628\u0627\u200F.';
    const pkg = {
      ...samplePackage('bhutan-accession'),
      declarations: [{ treaties: ['untoc'], kind: 'other', text: kept }],
    };
    expect(await documentText(t.app, DOCUMENTS[0], pkg)).toContain(kept);

    const res = await postJson(t.app, '/api/v1/validate?lang=en', {
      ...pkg,
      declarations: [{ treaties: ['untoc'], kind: 'other', text: 'A \u202Edeclaration' }],
    });
    const error = expectApiError(res, 422, 'invalid_package');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      code: 'schema.invisibleCharactersInText',
      path: 'declarations[0].text',
    });
    expect(error.issues[0]!.message).toContain('U+202E');
    expect(error.issues[0]!.message).toContain('ZWNJ and ZWJ (U+200C, U+200D)');
  });

  test('text is stored and printed in NFC', async () => {
    const pkg = packageWith('the Kingdom of Bhu\u0074\u0061\u0302n');
    const instrument = await documentText(t.app, DOCUMENTS[0], pkg);
    expect(instrument).toContain('the Government of the Kingdom of Bhutân,');
    expect(instrument).not.toContain('a\u0302');
  });
});

describe('the pages', () => {
  const en = (key: string, params: Record<string, string> = {}) => expectedString('en', key, params);
  const formalNameLabel = () => en('pages.q.party.formalName.label');

  test.each(REFUSED.filter(([label]) => label !== 'an unpaired surrogate'))(
    '%s in the formal name: the page says what is wrong with the field (400), and nothing is saved',
    async (_label, text, code, character) => {
      const client = new JourneyClient(t.app);
      const draft = await createDraft(client, 'BT', ['untoc']);
      const res = await client.post(`${draft.url}/party`, { formalName: text, documentLanguage: 'en' });
      expect(res.status).toBe(400);
      const message = en(`pages.errors.${code.replace(/^schema\./, '')}`, {
        label: formalNameLabel(),
        character,
      });
      expect(errorSummary(res.text)).toEqual([{ href: '#formalName', text: message }]);
      expect(inlineErrors(res.text).get('formalName')).toBe(message);
      // Nothing was saved: the instrument still has the name the draft started with, the UN's formal name.
      const { bytes } = await client.getBytes(
        `${draft.url}/documents/instrument?treaty=untoc&mode=draft&doclang=en`,
      );
      expect(await docxText(bytes)).toMatch(/the Government of the Kingdom of Bhutan, having considered/);
    },
  );

  test('in French, the page message names the field and the character', async () => {
    const client = new JourneyClient(t.app, { 'Accept-Language': 'fr' });
    const draft = await createDraft(client, 'BT', ['untoc']);
    const res = await client.post(`${draft.url}/party`, {
      formalName: 'le Royaume\u200B du Bhoutan',
      documentLanguage: 'fr',
    });
    expect(res.status).toBe(400);
    expect(errorSummary(res.text)).toEqual([
      {
        href: '#formalName',
        text: expectedString('fr', 'pages.errors.invisibleCharacters', {
          label: expectedString('fr', 'pages.q.party.formalName.label'),
          character: 'U+200B',
        }),
      },
    ]);
  });

  test.each(ACCEPTED)(
    '%s as the formal name and a territory: saved, and the documents read it as typed',
    async (_label, text) => {
      const client = new JourneyClient(t.app);
      const draft = await createDraft(client, 'BT', ['untoc']);
      redirectOf(await client.post(`${draft.url}/party`, { formalName: text, documentLanguage: 'en' }));
      redirectOf(
        await client.post(`${draft.url}/authorities/new?role=untoc-18-13`, {
          roles: 'untoc-18-13',
          name: 'Office of the Territory',
          territory: text,
          email: 't@example.bt',
        }),
      );
      const instrument = await client.getBytes(
        `${draft.url}/documents/instrument?treaty=untoc&mode=draft&doclang=en`,
      );
      expect(instrument.res.status).toBe(200);
      expect(await docxText(instrument.bytes)).toContain(
        `declare that the Government of ${text}, having considered`,
      );
      const notifications = await client.getBytes(
        `${draft.url}/documents/notifications?mode=draft&doclang=en`,
      );
      expect(notifications.res.status).toBe(200);
      expect(await docxText(notifications.bytes)).toContain(
        `central authority for ${text}, a special region or territory`,
      );
    },
  );

  test('a declaration: an override is refused with the message saying what is kept; a joiner is kept', async () => {
    const client = new JourneyClient(t.app);
    const draft = await createDraft(client, 'BT', ['untoc']);
    const refused = await client.post(`${draft.url}/declarations/new`, {
      treaties: 'untoc',
      kind: 'other',
      text: 'A \u202Edeclaration',
    });
    expect(refused.status).toBe(400);
    const message = en('pages.errors.invisibleCharactersInText', {
      label: en('pages.q.declaration.text.label'),
      character: 'U+202E',
    });
    expect(errorSummary(refused.text)).toEqual([{ href: '#text', text: message }]);

    const kept = 'Persian: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.\r\nSecond line.';
    redirectOf(
      await client.post(`${draft.url}/declarations/new`, { treaties: 'untoc', kind: 'other', text: kept }),
    );
    const { bytes } = await client.getBytes(
      `${draft.url}/documents/instrument?treaty=untoc&mode=draft&doclang=en`,
    );
    expect(await docxText(bytes)).toContain('Persian: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.');
  });
});
