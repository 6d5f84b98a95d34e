/**
 * The path the logs show (server/http/log-path.ts): a draft's id is masked however the path writes it
 * (percent-encoded, double-encoded, in capitals, in full-width letters, under any address, with a stray
 * character inside), a bad escape never throws, and the service's own addresses stay readable.
 */
import type { Request } from 'express';
import fc from 'fast-check';
import { AUTHORITY_LIST_IDS, PAGES } from '../../../server/http/journey/definitions';
import { logPath, maskPath } from '../../../server/http/log-path';
import { DRAFT_ID_PATTERN, newDraftId } from '../../../server/store/drafts';

/** A fixed id, with a letter first and last so that its escapes below are easy to read. */
const ID = 'Abc123_-XyZ987pqRS-_tuvW';

/** Every character as a %XX escape. */
const escaped = (text: string) =>
  [...text].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Escaped `times` times ("%41", "%2541", "%252541"...). */
const escapedTimes = (text: string, times: number) => {
  let out = escaped(text);
  for (let i = 1; i < times; i++) out = out.replace(/%/g, '%25');
  return out;
};

/** The full-width form of ASCII letters and digits (U+FF01 + offset), UTF-8 percent-encoded. */
const fullWidth = (text: string) =>
  encodeURIComponent(
    [...text]
      .map((ch) => (/[A-Za-z0-9]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0x21 + 0xff01) : ch))
      .join(''),
  );

test('the fixed id has the shape of a draft id', () => {
  expect(ID).toMatch(DRAFT_ID_PATTERN);
});

test.each([
  ['the task list', `/drafts/${ID}`, '/drafts/:id'],
  ['a doubled slash', `//drafts/${ID}`, '//drafts/:id'],
  ['an escaped letter in "drafts"', `/%64rafts/${ID}`, '/drafts/:id'],
  ['capitals', `/DRAFTS/${ID}`, '/drafts/:id'],
  ['a page under the draft', `/drafts/${ID}/authorities/x`, '/drafts/:id/authorities/x'],
  ['another address', `/x/${ID}`, '/x/:id'],
  ['the id partly escaped', `/drafts/${escaped(ID.slice(0, 3))}${ID.slice(3)}`, '/drafts/:id'],
  ['the id wholly escaped', `/drafts/${escaped(ID)}`, '/drafts/:id'],
  ['the id escaped in lower case', `/drafts/${escaped(ID).toLowerCase()}`, '/drafts/:id'],
  ['the id escaped twice', `/drafts/${escapedTimes(ID, 2)}`, '/drafts/:id'],
  ['the id escaped six times', `/drafts/${escapedTimes(ID, 6)}`, '/drafts/:id'],
  [
    'the whole path escaped, the id three times',
    `/${escapedTimes(`drafts/${escapedTimes(ID, 2)}`, 1)}`,
    // One segment once escaped ("drafts%2F..."), and masked as such.
    '/:id',
  ],
  ['an escaped slash after the id', `/drafts/${ID}%2Fexport`, '/drafts/:id/export'],
  ['a bad escape before the id', `/drafts/%zz${ID}`, '/drafts/%:id'],
  ['a bad escape inside the id', `/drafts/${ID.slice(0, 12)}%zz${ID.slice(12)}`, '/drafts/:id'],
  ['a lone "%" inside the id', `/drafts/${ID.slice(0, 8)}%${ID.slice(8)}`, '/drafts/:id'],
  // "%87" is an escape: it takes two of the id's characters with it, leaving 22 once decoded.
  [
    'a "%" that makes an escape of two of its characters',
    `/drafts/${ID.slice(0, 12)}%${ID.slice(12)}`,
    '/drafts/:id',
  ],
  [
    'bytes that are not UTF-8 inside the id',
    `/drafts/${ID.slice(0, 12)}%FF%FE${ID.slice(12)}`,
    '/drafts/:id',
  ],
  ['a cut UTF-8 sequence', `/drafts/%E0%A4${ID}`, '/drafts/\uFFFD%:id'],
  ['a stray character inside the id', `/drafts/${ID.slice(0, 12)}.${ID.slice(12)}`, '/drafts/:id'],
  ['full-width letters', `/drafts/${fullWidth(ID)}`, '/drafts/:id'],
  ['a file name after the id', `/drafts/${ID}.json`, '/drafts/:id.json'],
  ['an absolute address', `http://example.org/drafts/${ID}/signing`, 'http://example.org/drafts/:id/signing'],
  ['a longer run', `/x/${ID}${ID}`, '/x/:id'],
])('%s', (_label, path, logged) => {
  expect(maskPath(path)).toBe(logged);
});

test('the query string is left out, and a draft id in it with it', () => {
  const req = { originalUrl: `/drafts/${ID}/signing?lang=fr&return=check&x=${ID}` } as Request;
  expect(logPath(req)).toBe('/drafts/:id/signing');
});

test.each([
  '/',
  '/drafts/new',
  '/drafts/new/treaties',
  '/drafts/import',
  '/drafts',
  '/api/v1/documents/full-powers',
  '/api/v1/validate',
  '/assets/css/site.css',
  '/%zz',
  '/drafts/%',
])('%s stays as it is', (path) => {
  expect(maskPath(path)).toBe(path);
});

test("every page, list and section of the journey stays readable under a draft's address", () => {
  const names = [
    ...PAGES.map((p) => p.id),
    ...AUTHORITY_LIST_IDS,
    'check',
    'documents',
    'checklist',
    'export',
  ];
  for (const name of names) expect(maskPath(`/drafts/${ID}/${name}`)).toBe(`/drafts/:id/${name}`);
});

test('the logged path is at most 200 characters, cut after masking', () => {
  expect(maskPath(`/${'a/'.repeat(300)}`)).toHaveLength(200);
  const logged = maskPath(`${'/a'.repeat(95)}/${ID}${'/b'.repeat(50)}`);
  expect(logged).toHaveLength(200);
  expect(logged).toContain('/:id/');
});

describe('properties', () => {
  const ENCODINGS = [
    (ch: string) => ch,
    (ch: string) => escaped(ch),
    (ch: string) => escaped(ch).toLowerCase(),
    (ch: string) => escaped(ch).replace('%', '%25'),
    (ch: string) => `%${ch}`,
  ];

  test('a real draft id, each character written plainly or escaped, never reaches the log', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('/drafts/', '//drafts/', '/%64rafts/', '/DRAFTS/', '/x/', '/drafts/a/', ''),
        fc.array(fc.integer({ min: 0, max: ENCODINGS.length - 1 }), { minLength: 24, maxLength: 24 }),
        fc.constantFrom('', '/signing', '%2Fexport', '/authorities/0/remove', '?lang=fr', '%zz', '.json'),
        (prefix, encodings, suffix) => {
          const id = newDraftId();
          const written = [...id].map((ch, i) => ENCODINGS[encodings[i]!]!(ch)).join('');
          const logged = logPath({ originalUrl: `${prefix}${written}${suffix}` } as Request);
          // No third of the id (8 characters), in any case, is left.
          for (let start = 0; start <= 16; start += 8)
            expect(logged).not.toContain(id.slice(start, start + 8).toLowerCase());
          expect(logged).toContain(':id');
        },
      ),
      { numRuns: 300 },
    );
  });

  test('any string: no exception, at most 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (path) => {
        expect(maskPath(path).length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 500 },
    );
  });
});
