/**
 * A party's later notification (purpose "notify") through the API: /validate returns its checklist
 * (what it notifies, due with it; the rest not part of it); an instrument is refused with 422
 * no_instrument; the bundle holds the notifications, the note verbale and the checklist, and no instrument
 * or full powers.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PATHS } from '../../server/paths';
import { attachmentName, docxText, expectApiError, postForBytes, postJson } from './helpers';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

function fixture(kind: 'good' | 'bad', name: string): Record<string, unknown> {
  return JSON.parse(
    fs.readFileSync(
      path.join(PATHS.root, 'tests', 'fixtures', 'packages', kind, name, 'package.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;
}

const thailand = () => fixture('good', 'later-central-authority-change');

interface ChecklistItemBody {
  id: string;
  status: string;
  reason: string | null;
  due: { kind: string; date?: string | null };
}
interface ValidateBody {
  valid: boolean;
  finalAllowed: boolean;
  issues: Array<{ code: string; severity: string }>;
  checklist: { items: ChecklistItemBody[]; missing: string[] };
  entryIntoForce: unknown[];
  package: { purpose: string; treaties: Array<{ treaty: string; instrument: unknown }> };
}

describe('POST /api/v1/validate, a later notification', () => {
  test('returns its checklist: 18(13) due with the notification, the rest not part of it; nothing enters into force', async () => {
    const res = await postJson(t.app, '/api/v1/validate?lang=en', thailand());
    expect(res.status).toBe(200);
    const body = res.body as ValidateBody;
    expect(body.valid).toBe(true);
    expect(body.finalAllowed).toBe(true);
    expect(body.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(body.package.purpose).toBe('notify');
    expect(body.package.treaties).toEqual([expect.objectContaining({ treaty: 'untoc', instrument: null })]);
    const items = new Map(body.checklist.items.map((i) => [i.id, i]));
    expect(items.get('untoc-18-13')).toEqual(
      expect.objectContaining({
        status: 'provided',
        due: { kind: 'with-notification', date: '2027-01-08' },
      }),
    );
    expect(items.get('untoc-18-14')).toEqual(
      expect.objectContaining({ status: 'not-applicable', reason: 'not part of this notification' }),
    );
    expect(items.get('vclt-7-1')?.status).toBe('not-applicable');
    expect(body.checklist.missing).toEqual([]);
    expect(body.entryIntoForce).toEqual([]);
  });

  test('nothing notified: 200 with the error, final refused', async () => {
    const res = await postJson(t.app, '/api/v1/validate', fixture('bad', 'later-nothing-notified'));
    expect(res.status).toBe(200);
    const body = res.body as ValidateBody;
    expect(body.finalAllowed).toBe(false);
    expect(body.issues).toContainEqual(
      expect.objectContaining({ code: 'rules.later.nothingNotified', severity: 'error' }),
    );
  });

  test('an instrument in a notification: 422 invalid_package, the fields named', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/validate', fixture('bad', 'later-with-instrument')),
      422,
      'invalid_package',
    );
    expect(err.issues.map((i) => [i.code, i.path]).sort()).toEqual(
      [
        ['schema.notInNotification', 'fullPowers'],
        ['schema.notInNotification', 'reservations'],
        ['schema.notInNotification', 'treaties[0].instrument'],
        ['schema.notInNotification', 'treaties[0].signedOn'],
      ].sort(),
    );
  });
});

describe('POST /api/v1/documents, a later notification', () => {
  test('an instrument: 422 no_instrument, with or without a treaty', async () => {
    for (const url of ['/api/v1/documents/instrument', '/api/v1/documents/instrument?treaty=untoc']) {
      const err = expectApiError(await postJson(t.app, url, thailand()), 422, 'no_instrument');
      expect(err.detail).toBe(
        'A notification by a party deposits no instrument. Ask for the notifications, the note verbale or the checklist.',
      );
    }
  });

  test('full powers: refused, even for a signer who would need them for an instrument', async () => {
    const pkg = { ...thailand(), signatory: { name: 'Jane Envoy', title: 'Ambassador', office: 'other' } };
    // Regression: full powers to sign an instrument of "null" were produced (200).
    expectApiError(await postJson(t.app, '/api/v1/documents/full-powers', pkg), 422, 'no_instrument');
  });

  test('the notifications, as a party', async () => {
    const { res, bytes } = await postForBytes(
      t.app,
      '/api/v1/documents/notifications?mode=final',
      thailand(),
    );
    expect(res.status).toBe(200);
    const text = await docxText(bytes);
    expect(text).toContain(
      'As a party to the following treaties, the Government of the Kingdom of Thailand makes the notifications below:',
    );
    expect(text).not.toContain('On the deposit of its instruments');
  });

  test('the bundle: notifications, note verbale and checklist; no instrument, no full powers', async () => {
    const pkg = { ...thailand(), signatory: { name: 'Jane Envoy', title: 'Ambassador', office: 'other' } };
    const { res, bytes } = await postForBytes(t.app, '/api/v1/documents/bundle', pkg);
    expect({ status: res.status, body: res.status === 200 ? '' : bytes.toString('utf8') }).toEqual({
      status: 200,
      body: '',
    });
    expect(attachmentName(res)).toBe('bundle-th-en-draft.zip');
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).sort();
    expect(names.filter((n) => n.startsWith('instrument') || n.startsWith('full-powers'))).toEqual([]);
    expect(names).toEqual(
      [
        'notifications-th-en-draft.docx',
        'note-verbale-th-en-draft.docx',
        'checklist-th-en-draft.docx',
        'checklist-th-en-draft.html',
        'document.css',
        'package.json',
      ].sort(),
    );
    const note = await docxText(
      (await zip.file('note-verbale-th-en-draft.docx')?.async('nodebuffer')) ?? Buffer.alloc(0),
    );
    expect(note).toContain('has the honour to transmit herewith the notifications');
    expect(note).not.toContain('for deposit');
  });
});
