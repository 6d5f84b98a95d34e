/**
 * The competent-authorities directory export (server/documents/directory.ts): POST
 * /api/v1/documents/authorities?format=csv|json and the documents page's links. Fixtures exported as CSV
 * and JSON are read back (the CSV with csv-parse, an independent RFC 4180 reader) and each record checked
 * against the package: which authorities, in which order, with which values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import request from 'supertest';
import { DESIGNATION_IDS, DESIGNATIONS, designationTreaty } from '../../server/catalogue/designations';
import { neutralizeFormula } from '../../server/documents/directory';
import { expectApiError, postForBytes, postJson } from './helpers';
import { createTestApp, type TestApp } from './test-app';
import { hrefs, htmlLangDir, textOf, decodeEntities } from './journey-helpers';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

type Pkg = Record<string, unknown> & {
  party: { kind: string; code: string };
  treaties: { treaty: string }[];
  authorities?: Authority[];
  outsideCompetence?: string[];
};
interface Authority {
  roles: string[];
  name: string;
  territory?: string | null;
  unit?: string | null;
  phone?: string[];
  email?: string[];
  fax?: string[];
  designatedOn?: string | null;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'packages', 'good');
function fixture(name: string): Pkg {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'package.json'), 'utf8')) as Pkg;
}

interface Exported {
  language: string;
  fieldList: { verified: boolean; source: string };
  fields: { key: string; label: string }[];
  records: Record<string, unknown>[];
}

/** The CSV read back by csv-parse: the rows as arrays (the header first). */
function readCsv(bytes: Buffer): Promise<string[][]> {
  return new Promise((resolve, reject) =>
    parse(bytes.toString('utf8'), { bom: true, relax_column_count: false }, (err, rows: string[][]) =>
      err ? reject(err) : resolve(rows),
    ),
  );
}

/** A CSV cell as the JSON value: the apostrophe before = + - @ tab CR removed. */
const unneutralized = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** The authorities a package's export holds, in order: by designation, the whole State's first. */
function expectedRecords(pkg: Pkg): { designation: string; authority: Authority }[] {
  const treaties = new Set(pkg.treaties.map((c) => c.treaty));
  const out: { designation: string; authority: Authority }[] = [];
  for (const id of DESIGNATION_IDS) {
    if (!treaties.has(designationTreaty(id)) || (pkg.outsideCompetence ?? []).includes(id)) continue;
    const holders = (pkg.authorities ?? []).filter((a) => a.roles.includes(id));
    const ordered = DESIGNATIONS[id].perTerritory
      ? [...holders.filter((a) => !a.territory), ...holders.filter((a) => a.territory)]
      : holders;
    for (const authority of ordered) out.push({ designation: id, authority });
  }
  return out;
}

async function exportAs(pkg: unknown, format: string, query = '') {
  const { res, bytes } = await postForBytes(
    t.app,
    `/api/v1/documents/authorities?format=${format}${query}`,
    pkg,
  );
  return { res, bytes };
}

const CASES = [
  'central-authorities-for-named-territories',
  'eu-approves-untoc-fp-with-competence',
  'eu-approves-untoc-outside-competence',
  'later-central-authority-change',
  'later-som-8-6-within-month',
  'korea-ratifies-untoc-tip-fp',
];

describe.each(CASES)('%s exported', (name) => {
  const pkg = fixture(name);
  const expected = expectedRecords(pkg);

  test('as JSON: one record per designated authority, with the package’s values', async () => {
    const { res, bytes } = await exportAs(pkg, 'json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="?authorities-[a-z]+-en-draft\.json"?$/,
    );
    const body = JSON.parse(bytes.toString('utf8')) as Exported;
    expect(body.fieldList.verified).toBe(false);
    expect(body.fieldList.source).toMatch(/unverified/);
    expect(body.fields.map((f) => f.key)).toContain('legalBasis');
    expect(body.records.map((r) => [r.designation, r.name])).toEqual(
      expected.map((e) => [e.designation, e.authority.name]),
    );
    body.records.forEach((record, i) => {
      const { designation, authority } = expected[i]!;
      expect(Object.keys(record)).toEqual(body.fields.map((f) => f.key));
      expect(record).toMatchObject({
        countryCode: pkg.party.code,
        territory: authority.territory ?? null,
        unit: authority.unit ?? null,
        phone: authority.phone ?? [],
        email: authority.email ?? [],
        fax: authority.fax ?? [],
        designatedOn: DESIGNATIONS[designation as keyof typeof DESIGNATIONS].dated
          ? (authority.designatedOn ?? null)
          : null,
        lastUpdated: '2026-12-01',
      });
      expect(String(record.legalBasis)).toContain(String(record.article));
      // The channels and languages are the central authority's (18(13), 18(14)) only.
      if (!DESIGNATIONS[designation as keyof typeof DESIGNATIONS].channels) {
        expect(record).toMatchObject({
          interpol: null,
          oralRequests: null,
          diplomaticChannels: null,
          languages: [],
        });
      }
    });
    if (pkg.party.kind === 'reio')
      expect(body.records.every((r) => r.countryNameStatus === 'not-in-un-data')).toBe(true);
    else
      expect(
        body.records.every((r) =>
          ['verified', 'partly-verified', 'unverified'].includes(String(r.countryNameStatus)),
        ),
      ).toBe(true);
  });

  test('as CSV: RFC 4180 with a BOM, a header row of labels, a row per record that says what the JSON says', async () => {
    const [csv, json] = await Promise.all([exportAs(pkg, 'csv'), exportAs(pkg, 'json')]);
    expect(csv.res.status).toBe(200);
    expect(csv.res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8').endsWith('\r\n')).toBe(true);
    const body = JSON.parse(json.bytes.toString('utf8')) as Exported;
    const [header, ...rows] = await readCsv(csv.bytes);
    expect(header!.slice(0, body.fields.length)).toEqual(body.fields.map((f) => f.label));
    expect(header).toHaveLength(body.fields.length + 1);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const record = body.records[i]!;
      const cell = (key: string) => unneutralized(row[body.fields.findIndex((f) => f.key === key)]!);
      expect(cell('name')).toBe(expected[i]!.authority.name);
      expect(cell('designation')).toBe(expected[i]!.designation);
      expect(cell('phone')).toBe((record.phone as string[]).join('; '));
      expect(cell('email')).toBe((record.email as string[]).join('; '));
      expect(cell('formattedAddress')).toBe((record.formattedAddress as string[]).join('\n'));
      expect(cell('legalBasis')).toBe(record.legalBasis);
      expect(cell('country')).toBe(record.country);
      expect(row[row.length - 1]).toBe(body.fieldList.source);
    });
  });
});

describe('POST /api/v1/documents/authorities', () => {
  const cn = fixture('central-authorities-for-named-territories');

  test('the whole State’s central authority, then each territory’s (UNTOC 18(13)), then 31(6)', async () => {
    const body = JSON.parse((await exportAs(cn, 'json')).bytes.toString('utf8')) as Exported;
    expect(body.records.map((r) => [r.designation, r.territory])).toEqual([
      ['untoc-18-13', null],
      ['untoc-18-13', 'Hong Kong Special Administrative Region'],
      ['untoc-18-13', 'Macao Special Administrative Region'],
      ['untoc-31-6', null],
    ]);
    expect(body.records[0]).toMatchObject({
      country: 'China',
      legalBasis: 'UNTOC art. 18(13)',
      treaty: 'United Nations Convention against Transnational Organized Crime',
      article: '18(13)',
      languages: ['English'],
      languageCodes: ['en'],
      diplomaticChannels: false,
      interpol: true,
      oralRequests: true,
      timeZone: 'Asia/Seoul',
      utcOffset: 'UTC+09:00',
      addressLines: ['1 Justice Street'],
      city: 'Capital',
      postcode: '10000',
    });
  });

  test('in the document language: French labels and legal basis, values as typed', async () => {
    const { res, bytes } = await exportAs(cn, 'csv', '&lang=fr');
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe('fr');
    const [header, first] = await readCsv(bytes);
    expect(header![0]).toBe('Pays');
    expect(first![0]).toBe('Chine');
    expect(first).toContain('Ministry of Justice, International Cooperation Division');
    expect(first).toContain('Autorité centrale pour l’entraide judiciaire'.replace('’', "'"));
    expect(res.headers['content-disposition']).toContain('authorities-cn-fr-draft.csv');
  });

  test('a value a spreadsheet would run as a formula is written as text (a leading apostrophe)', async () => {
    const pkg = {
      ...cn,
      authorities: [
        {
          roles: ['untoc-18-13'],
          name: '=HYPERLINK("http://evil.example","click")',
          unit: '@SUM(A1:A9)',
          officerTitle: '-2+3',
          officeHours: '+1 9:00-17:00',
          phone: ['+82 2 000 0000'],
        },
      ],
    };
    const json = JSON.parse((await exportAs(pkg, 'json')).bytes.toString('utf8')) as Exported;
    expect(json.records[0]).toMatchObject({
      name: '=HYPERLINK("http://evil.example","click")',
      unit: '@SUM(A1:A9)',
      officer: '-2+3',
      phone: ['+82 2 000 0000'],
    });
    const [header, row] = await readCsv((await exportAs(pkg, 'csv')).bytes);
    const cell = (key: string) => row![json.fields.findIndex((f) => f.key === key)]!;
    expect(header).toHaveLength(json.fields.length + 1);
    expect(cell('name')).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(cell('unit')).toBe("'@SUM(A1:A9)");
    expect(cell('officer')).toBe("'-2+3");
    expect(cell('officeHours')).toBe("'+1 9:00-17:00");
    expect(cell('phone')).toBe("'+82 2 000 0000");
    // No cell of the file begins with a formula character.
    for (const c of row!) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("every character a spreadsheet starts a formula with, the schema's trimming aside", () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(neutralizeFormula(`${c}1`)).toBe(`'${c}1`);
    for (const v of ['Ministry', '1 Street', "'quoted", ' =x', '']) expect(neutralizeFormula(v)).toBe(v);
  });

  test('values as typed: a translation typed for the language, else the source, never a marker', async () => {
    const pkg = {
      ...cn,
      authorities: [{ ...cn.authorities![0]!, id: 'a1', unit: 'International Cooperation Division' }],
      translations: {
        fr: {
          'authorities.a1.name': {
            text: 'Ministère de la justice',
            source: 'Ministry of Justice, International Cooperation Division',
          },
        },
      },
    };
    const inFrench = JSON.parse((await exportAs(pkg, 'json', '&lang=fr')).bytes.toString('utf8')) as Exported;
    expect(inFrench.records[0]).toMatchObject({
      name: 'Ministère de la justice',
      unit: 'International Cooperation Division',
    });
    const inSpanish = JSON.parse(
      (await exportAs(pkg, 'json', '&lang=es')).bytes.toString('utf8'),
    ) as Exported;
    expect(inSpanish.records[0]).toMatchObject({
      name: 'Ministry of Justice, International Cooperation Division',
      country: 'China',
    });
  });

  test('a package with no authority: the headers and no record', async () => {
    const pkg = { ...cn, authorities: [] };
    const rows = await readCsv((await exportAs(pkg, 'csv')).bytes);
    expect(rows).toHaveLength(1);
    const json = JSON.parse((await exportAs(pkg, 'json')).bytes.toString('utf8')) as Exported;
    expect(json.records).toEqual([]);
    expect(json.fields.length).toBe(rows[0]!.length - 1);
  });

  test('refusals and errors as the other document routes', async () => {
    expectApiError(
      await postJson(t.app, '/api/v1/documents/authorities?format=docx', cn),
      400,
      'invalid_parameter',
    );
    expectApiError(await postJson(t.app, '/api/v1/documents/authorities', cn), 400, 'missing_parameter');
    expectApiError(
      await postJson(t.app, '/api/v1/documents/authorities?format=csv&lang=xx', cn),
      400,
      'invalid_parameter',
    );
    expectApiError(
      await postJson(t.app, '/api/v1/documents/authorities?format=csv&lang=ar,en', cn),
      400,
      'invalid_parameter',
    );
    expectApiError(
      await postJson(t.app, '/api/v1/documents/authorities?format=json', { party: 'nope' }),
      422,
      'invalid_package',
    );
    // Final while something is missing: refused, as every final document.
    const incomplete = { ...cn, signatory: { name: null, title: null, office: null } };
    expectApiError(
      await postJson(t.app, '/api/v1/documents/authorities?format=csv&mode=final', incomplete),
      422,
      'final_refused',
    );
    const finalOk = await exportAs(cn, 'json', '&mode=final');
    expect(finalOk.res.status).toBe(200);
    expect(finalOk.res.headers['content-disposition']).toContain('authorities-cn-en.json');
    expect((await request(t.app).get('/api/v1/documents/authorities')).status).toBe(405);
  });

  test('every format in every document language', async () => {
    for (const lang of ['en', 'fr', 'ar', 'zh', 'ru', 'es'])
      for (const format of ['csv', 'json']) {
        const { res } = await exportAs(cn, format, `&lang=${lang}`);
        expect([lang, format, res.status]).toEqual([lang, format, 200]);
      }
  });

  test('the API index lists it', async () => {
    const res = await request(t.app).get('/api/v1');
    expect(res.body.endpoints).toContain('POST /api/v1/documents/authorities');
  });
});

describe('the documents page', () => {
  const cn = fixture('central-authorities-for-named-territories');

  async function draftOf(pkg: unknown): Promise<string> {
    const res = await postJson(t.app, '/api/v1/drafts', pkg);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  test('links each format, which downloads the export of the draft', async () => {
    const id = await draftOf(cn);
    const page = await request(t.app).get(`/drafts/${id}/documents?mode=draft&doclang=fr`);
    expect(page.status).toBe(200);
    const links = hrefs(page.text).filter((h) => h.includes('/documents/authorities'));
    expect(links).toEqual([
      `/drafts/${id}/documents/authorities?mode=draft&doclang=fr&format=csv`,
      `/drafts/${id}/documents/authorities?mode=draft&doclang=fr&format=json`,
    ]);
    expect(textOf(page.text)).toMatch(/unverified/);
    const csv = await request(t.app).get(links[0]!).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const rows = await readCsv(Buffer.from(csv.text, 'utf8'));
    expect(rows).toHaveLength(1 + 4);
    expect(rows[0]![0]).toBe('Pays');
    const json = await request(t.app).get(links[1]!);
    expect(json.status).toBe(200);
    const body = JSON.parse(json.text) as Exported;
    expect(body.language).toBe('fr');
    // The draft's last save: its date.
    expect(body.records.every((r) => r.lastUpdated === '2026-12-01')).toBe(true);
    // No format: no such file.
    expect((await request(t.app).get(`/drafts/${id}/documents/authorities`)).status).toBe(404);
  });

  test('says when nothing is designated, and reads right to left in Arabic', async () => {
    const id = await draftOf({ ...cn, authorities: [] });
    const page = await request(t.app).get(`/drafts/${id}/documents?mode=draft&doclang=en&lang=ar`);
    expect(page.status).toBe(200);
    expect(htmlLangDir(page.text)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(decodeEntities(page.text)).toContain('لم تُعيَّن أي سلطة بعد');
    expect(hrefs(page.text).filter((h) => h.includes('/documents/authorities'))).toHaveLength(2);
  });
});
