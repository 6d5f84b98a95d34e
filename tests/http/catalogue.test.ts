/**
 * The read-only endpoints: GET /api/v1 (what is here), /health, /treaties, /states and /schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { LANGUAGE_CODES } from '../../server/catalogue';
import { openStore } from '../../server/store/store';
import { expectApiError } from './helpers';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const TREATY_IDS = ['untoc', 'tip', 'som', 'fp'];
const UN_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];

describe('GET /api/v1', () => {
  test('lists every endpoint and the languages', async () => {
    const res = await request(t.app).get('/api/v1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({
      endpoints: [
        'GET /api/v1/health',
        'GET /api/v1/openapi.json',
        'GET /api/v1/treaties',
        'GET /api/v1/states',
        'GET /api/v1/schema',
        'GET /api/v1/problems',
        'GET /api/v1/problems/{code}',
        'POST /api/v1/validate',
        'POST /api/v1/documents/instrument',
        'POST /api/v1/documents/notifications',
        'POST /api/v1/documents/full-powers',
        'POST /api/v1/documents/note-verbale',
        'POST /api/v1/documents/checklist',
        'POST /api/v1/documents/bundle',
        'POST /api/v1/documents/authorities',
        'POST /api/v1/drafts',
        'GET /api/v1/drafts/{id}',
        'PUT /api/v1/drafts/{id}',
        'DELETE /api/v1/drafts/{id}',
        'GET /api/v1/drafts/{id}/history',
      ],
      languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
    });
  });

  test('the trailing-slash form answers the same', async () => {
    const res = await request(t.app).get('/api/v1/');
    expect(res.status).toBe(200);
    expect((res.body as { languages: string[] }).languages).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });
});

describe('GET /api/v1/health', () => {
  test('the store answers: status ok, its schema version, the participation data dates', async () => {
    const res = await request(t.app).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      storeSchemaVersion: 4,
      participationAsAt: { untoc: '2014-01-27', tip: '2014-01-27', som: '2021-01-31', fp: '2014-07-10' },
    });
    expect(t.store.schemaVersion()).toBe(4);
  });

  test('the store is a real SQLite file in the temporary folder, at the version health reports', async () => {
    const file = path.join(t.dir, 'test.sqlite');
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    const again = openStore(file);
    try {
      expect(again.schemaVersion()).toBe(4);
      expect(again.healthy()).toBe(true);
    } finally {
      again.close();
    }
  });

  test('a store that no longer answers is reported as 503 unavailable, not as a 500', async () => {
    const broken = createTestApp();
    try {
      broken.store.close();
      const res = await request(broken.app).get('/api/v1/health');
      // A closed database answers 503 unavailable, not a 500.
      expect(res.status).toBe(503);
      expect((res.body as { status?: string }).status).toBe('unavailable');
    } finally {
      broken.close();
    }
  });
});

interface RequirementBody {
  id: string;
  appliesTo: string | null;
  citation: { instrument: string; article: string; label: string };
  label: string;
  supply: string;
  kindLabel: string;
  obligationLabel: string;
  timingLabel: string;
  quote: { text: string; lang: string; source: { id: string; title: string } };
  related?: { citation: { instrument: string; article: string; label: string }; quote: { text: string } }[];
}
interface TreatyBody {
  id: string;
  name: string;
  parent: string | null;
  titles: Record<string, { text: string; verification: string; source: string }>;
  concluded: { place: string; date: string; dateLabel: string };
  participationData: { asAt: string };
  requirements: RequirementBody[];
}
interface CatalogueBody {
  treaties: TreatyBody[];
  packageRequirements: RequirementBody[];
}

describe('GET /api/v1/treaties', () => {
  let en: CatalogueBody;
  let fr: CatalogueBody;
  beforeAll(async () => {
    const [e, f] = await Promise.all([
      request(t.app).get('/api/v1/treaties'),
      request(t.app).get('/api/v1/treaties?lang=fr'),
    ]);
    expect(e.status).toBe(200);
    expect(f.status).toBe(200);
    en = e.body as CatalogueBody;
    fr = f.body as CatalogueBody;
  });

  test('four treaties, the Convention first, the Protocols supplementing it', () => {
    expect(en.treaties.map((x) => x.id)).toEqual(TREATY_IDS);
    expect(en.treaties.map((x) => x.parent)).toEqual([null, 'untoc', 'untoc', 'untoc']);
  });

  test('six titles each, every one with a verification mark and a source', () => {
    for (const treaty of en.treaties) {
      expect(Object.keys(treaty.titles).sort()).toEqual(UN_LANGUAGES);
      for (const title of Object.values(treaty.titles)) {
        expect(title.text.length).toBeGreaterThan(10);
        expect(['verified', 'partly-verified', 'unverified']).toContain(title.verification);
        expect(title.source.length).toBeGreaterThan(0);
      }
    }
  });

  test('the exact English titles, and the marks README names', () => {
    const byId = Object.fromEntries(en.treaties.map((x) => [x.id, x]));
    expect(byId.untoc?.titles.en?.text).toBe(
      'United Nations Convention against Transnational Organized Crime',
    );
    expect(byId.som?.titles.en?.text).toBe(
      'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
    );
    // README: "partly verified (for example the French Firearms Protocol title) or unverified (the Russian
    // TIP title, the Chinese SOM and FP titles)".
    expect(byId.fp?.titles.fr?.verification).toBe('partly-verified');
    expect(byId.tip?.titles.ru?.verification).toBe('unverified');
    expect(byId.som?.titles.zh?.verification).toBe('unverified');
    expect(byId.fp?.titles.zh?.verification).toBe('unverified');
  });

  test('the concluded date and place, with a date label in the request language', () => {
    expect(en.treaties[0]?.concluded).toEqual({
      place: 'New York',
      date: '2000-11-15',
      dateLabel: '15 November 2000',
    });
    expect(fr.treaties[0]?.concluded).toEqual({
      place: 'New York',
      date: '2000-11-15',
      dateLabel: '15 novembre 2000',
    });
  });

  test('requirements carry their article, the quoted treaty text, a label and what to supply', () => {
    const all = [...en.treaties.flatMap((x) => x.requirements), ...en.packageRequirements];
    expect(all.length).toBeGreaterThan(20);
    for (const treaty of en.treaties) {
      expect(treaty.requirements.length).toBeGreaterThan(0);
      for (const r of treaty.requirements) expect(r.appliesTo).toBe(treaty.id);
    }
    for (const r of all) {
      expect(r.citation.article).toMatch(/\S/);
      expect(r.citation.label).toMatch(/\S/);
      expect(r.quote.text.length).toBeGreaterThan(20);
      expect(r.quote.lang).toBe('en');
      expect(r.quote.source.title).toMatch(/\S/);
      expect(r.label).toMatch(/\S/);
      expect(r.supply).toMatch(/\S/);
      // A label that is still an i18next key means a missing translation.
      for (const s of [r.label, r.supply, r.kindLabel, r.obligationLabel, r.timingLabel])
        expect(s).not.toMatch(/^[\w-]+[:.][\w.:-]+$/);
    }
  });

  test('the UNTOC 18(13) requirement cites its article and quotes its text', () => {
    const r = en.treaties[0]?.requirements.find((x) => x.id === 'untoc-18-13');
    expect(r?.citation).toMatchObject({ instrument: 'untoc', article: '18(13)' });
    expect(r?.quote.text).toContain('central authority');
  });

  test('a reservation other than to the dispute clause cites VCLT 19, with the 20(5) text after it', () => {
    const r = en.treaties[0]?.requirements.find((x) => x.id === 'untoc-vclt-19');
    expect(r?.citation).toMatchObject({ instrument: 'vclt', article: '19' });
    expect(r?.quote.text).toContain('incompatible with the object and purpose of the treaty');
    expect(r?.related).toEqual([
      expect.objectContaining({
        citation: expect.objectContaining({ instrument: 'vclt', article: '20(5)' }),
        quote: expect.objectContaining({ text: expect.stringContaining('twelve months') }),
      }),
    ]);
    expect(en.treaties[0]?.requirements.find((x) => x.id === 'untoc-18-13')?.related).toBeUndefined();
  });

  test('FP 13(2) is an identification, not a notification', () => {
    const fp = en.treaties.find((x) => x.id === 'fp')?.requirements.find((x) => x.id === 'fp-13-2');
    expect(fp?.kindLabel).toBe('Identification (no notification required)');
  });

  test('?lang=fr localizes names, labels and what to supply; quotes stay in English', () => {
    expect(fr.treaties[0]?.name).toBe(
      'Convention des Nations Unies contre la criminalité transnationale organisée',
    );
    const enAll = [...en.treaties.flatMap((x) => x.requirements), ...en.packageRequirements];
    const frAll = [...fr.treaties.flatMap((x) => x.requirements), ...fr.packageRequirements];
    expect(frAll.map((r) => r.id)).toEqual(enAll.map((r) => r.id));
    enAll.forEach((e, i) => {
      const f = frAll[i];
      expect(f).toBeDefined();
      if (!f) return;
      expect(f.label).not.toBe(e.label);
      expect(f.supply).not.toBe(e.supply);
      expect(f.obligationLabel).not.toBe(e.obligationLabel);
      expect(f.quote.text).toBe(e.quote.text);
      expect(f.citation.article).toBe(e.citation.article);
    });
  });
});

interface StateBody {
  code: string;
  kind: 'state' | 'reio';
  name: string;
  participation: Record<
    string,
    { signature: string | null; consent: { date: string; type: string | null; asAt: string } | null }
  >;
}

describe('GET /api/v1/states', () => {
  test('197 States and the European Union, with participation per treaty', async () => {
    const res = await request(t.app).get('/api/v1/states');
    expect(res.status).toBe(200);
    const states = (res.body as { states: StateBody[] }).states;
    expect(states).toHaveLength(198);
    expect(states.filter((s) => s.kind === 'state')).toHaveLength(197);
    expect(states.filter((s) => s.kind === 'reio').map((s) => s.code)).toEqual(['EU']);
    expect(new Set(states.map((s) => s.code)).size).toBe(198);
    for (const s of states) expect(Object.keys(s.participation).sort()).toEqual([...TREATY_IDS].sort());
    expect((res.body as { asAt: unknown }).asAt).toEqual({
      untoc: '2014-01-27',
      tip: '2014-01-27',
      som: '2021-01-31',
      fp: '2014-07-10',
    });
  });

  test('Thailand: its name in each language, its UNTOC signature of 13 December 2000', async () => {
    const [en, fr] = await Promise.all([
      request(t.app).get('/api/v1/states'),
      request(t.app).get('/api/v1/states?lang=fr'),
    ]);
    const thEn = (en.body as { states: StateBody[] }).states.find((s) => s.code === 'TH');
    const thFr = (fr.body as { states: StateBody[] }).states.find((s) => s.code === 'TH');
    expect(thEn?.name).toBe('Thailand');
    expect(thFr?.name).toBe('Thaïlande');
    expect(thEn?.participation.untoc?.signature).toBe('2000-12-13');
    expect(thEn?.participation.som?.signature).toBe('2001-12-18');
    expect(thEn?.participation.fp).toEqual({ signature: null, consent: null });
    expect((fr.body as { states: StateBody[] }).states.find((s) => s.code === 'EU')?.name).toBe(
      'Union européenne',
    );
  });

  test('sorted by name in the request language, with the note translated', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const res = await request(t.app).get(`/api/v1/states?lang=${lang}`);
      const names = (res.body as { states: StateBody[] }).states.map((s) => s.name);
      expect(names).toEqual([...names].sort(new Intl.Collator(lang).compare));
    }
    const fr = await request(t.app).get('/api/v1/states?lang=fr');
    expect((fr.body as { note: string }).note).toMatch(/^Les signatures sont complètes/);
    const en = await request(t.app).get('/api/v1/states');
    expect((en.body as { note: string }).note).toMatch(/^Signatures are complete/);
  });
});

describe('GET /api/v1/states?names=', () => {
  const thailand = async (query: string) => {
    const res = await request(t.app).get(`/api/v1/states${query}`);
    expect(res.status).toBe(200);
    const body = res.body as { states: StateBody[]; note: string };
    return {
      name: body.states.find((s) => s.code === 'TH')?.name,
      note: body.note,
      count: body.states.length,
    };
  };

  test('names the States in another language than the messages', async () => {
    const es = await thailand('?names=es');
    expect(es.name).toBe('Tailandia');
    expect(es.note).toMatch(/^Signatures are complete/);
    const frAr = await thailand('?lang=fr&names=ar');
    expect(frAr.name).toBe('تايلاند');
    expect(frAr.note).toMatch(/^Les signatures sont complètes/);
  });

  test('every ISO 639-1 code of the catalogue gives 198 named entries', async () => {
    for (const code of LANGUAGE_CODES) {
      const res = await request(t.app).get(`/api/v1/states?names=${code}`);
      expect({ code, status: res.status }).toEqual({ code, status: 200 });
      const states = (res.body as { states: StateBody[] }).states;
      expect(states).toHaveLength(198);
      for (const s of states) expect(s.name.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/v1/schema', () => {
  type Schema = Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
    required: string[];
  };
  let schema: Schema;
  beforeAll(async () => {
    const res = await request(t.app).get('/api/v1/schema');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
    schema = JSON.parse(res.text) as Schema;
  });

  test('is a JSON Schema draft 2020-12 for an object that requires party and treaties', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('/api/v1/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['party', 'treaties']));
    expect(schema.additionalProperties).toBe(false);
  });

  test('every top-level key of the samples is a property of the schema', () => {
    const keys = Object.keys(schema.properties);
    for (const k of [
      'party',
      'treaties',
      'signatory',
      'fullPowers',
      'signing',
      'extradition',
      'article5',
      'authorities',
      'mlaLanguages',
      'reservations',
      'declarations',
      'competence',
      'lawCopies',
      'deposit',
      'priorConsents',
      'documentLanguage',
    ]) {
      expect(keys).toContain(k);
    }
  });

  test('enumerates the treaty ids wherever a treaty is chosen, and the document languages', () => {
    const treatyEnums: unknown[][] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const e = (node as { enum?: unknown }).enum;
        if (Array.isArray(e) && e.includes('untoc')) treatyEnums.push(e);
        Object.values(node).forEach(visit);
      }
    };
    visit(schema);
    expect(treatyEnums.length).toBeGreaterThanOrEqual(4);
    for (const e of treatyEnums) expect(e).toEqual(TREATY_IDS);
    const item = (
      schema.properties.treaties as {
        items: { properties: { treaty: { enum: string[] }; instrument: unknown }; required: string[] };
      }
    ).items;
    expect(item.properties.treaty.enum).toEqual(TREATY_IDS);
    // The instrument may be left out: null, "none", in a party's later notification (purpose notify).
    expect(item.required).toEqual(['treaty']);
    expect(JSON.stringify(item.properties.instrument)).toMatch(/"accession"/);
    expect(JSON.stringify(item.properties.instrument)).toMatch(/"null"|null/);
    expect(schema.properties.purpose).toMatchObject({ enum: ['join', 'notify'] });
    expect(schema.properties.documentLanguage).toMatchObject({ enum: ['ar', 'zh', 'en', 'fr', 'ru', 'es'] });
  });
});

describe('GET endpoints refuse what they do not read', () => {
  test('an unknown API path is a 404 not_found', async () => {
    expectApiError(await request(t.app).get('/api/v1/nothing-here'), 404, 'not_found');
    expectApiError(await request(t.app).get('/api/v2/treaties'), 404, 'not_found');
    expectApiError(await request(t.app).get('/api/v1/treaties/untoc'), 404, 'not_found');
  });
});
