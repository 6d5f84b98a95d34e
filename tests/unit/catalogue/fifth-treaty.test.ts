/**
 * Issue 11, "The law, wider and as data": a fictitious fifth treaty (a Protocol supplementing UNTOC,
 * tests/fixtures/catalogue/fifth-treaty) is defined through the catalogue's data alone, and the real
 * code gives it its checklist items, its entry into force, its instrument and its notification paragraph
 * with no code change, and its section of the guided journey, with its list page rendered by the real app.
 *
 * Only the catalogue's DATA modules are swapped (treaty-data, requirement-data, designation-data,
 * sources: each holds data and no function), for the same data extended from the fixture; every module
 * that reads them (the catalogue's functions, the domain, the documents) is the real one, loaded afresh
 * in an isolated module registry so that it reads the extended data. Its strings are added to the real
 * i18n instance (addResourceBundle), its participation table read by the real loader from a folder that
 * holds the real tables and the fixture's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import request from 'supertest';
import type * as App from '../../../server/app';
import type * as Catalogue from '../../../server/catalogue';
import type * as DesignationData from '../../../server/catalogue/designation-data';
import type * as RequirementData from '../../../server/catalogue/requirement-data';
import type { Requirement } from '../../../server/catalogue/requirements';
import type * as Sources from '../../../server/catalogue/sources';
import type * as TreatyData from '../../../server/catalogue/treaty-data';
import type * as Documents from '../../../server/documents';
import type * as Draft from '../../../server/domain/draft';
import type * as RenderDocx from '../../../server/documents/render-docx';
import type * as Package from '../../../server/domain/package';
import type * as Validate from '../../../server/domain/validate';
import type * as Journey from '../../../server/http/journey/definitions';
import type * as I18n from '../../../server/i18n';
import type * as Logger from '../../../server/logger';
import type * as Paths from '../../../server/paths';
import type * as Store from '../../../server/store/store';
import { decodeEntities } from '../../http/helpers';

const FIXTURE = path.join(__dirname, '../../fixtures/catalogue/fifth-treaty');
const TODAY = '2026-12-01';

interface Fixture {
  readonly treaty: TreatyData.Treaty & { readonly id: string };
  readonly sources: Record<string, { kind: string; title: string; where: string }>;
  readonly requirements: readonly Requirement[];
  readonly designations: Record<string, DesignationData.Designation>;
  readonly strings: Record<string, Record<string, Record<string, unknown>>>;
}

const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'catalogue.json'), 'utf8')) as Fixture;
const input: unknown = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'package.json'), 'utf8'));
const XP = fixture.treaty.id as TreatyData.TreatyId;
/** The fifth treaty's designation (its article 7(2)), as the real code types a designation's id. */
const XP_DESIGNATION = 'xp-7-2' as DesignationData.DesignationId;

const SERVER = '../../../server';

/** The .docx's text as mammoth reads it, with runs of white space folded to one space. */
async function docxText(docx: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: docx });
  return value.replace(/\s+/g, ' ').trim();
}

interface Loaded {
  readonly catalogue: typeof Catalogue;
  readonly pkg: typeof Package;
  readonly validate: typeof Validate;
  readonly documents: typeof Documents;
  readonly renderDocx: typeof RenderDocx.renderDocx;
  readonly i18n: typeof I18n;
  readonly paths: typeof Paths;
  readonly draft: typeof Draft;
  readonly journey: typeof Journey;
  readonly app: typeof App;
  readonly store: typeof Store;
  readonly logger: typeof Logger;
}

/** The real modules, in a registry where the catalogue's data modules hold the fixture's data too. */
function loadWithFifthTreaty(): Loaded {
  let loaded: Loaded | undefined;
  jest.isolateModules(() => {
    jest.doMock(`${SERVER}/catalogue/treaty-data`, () => {
      const actual = jest.requireActual<typeof TreatyData>(`${SERVER}/catalogue/treaty-data`);
      return {
        ...actual,
        TREATY_IDS: [...actual.TREATY_IDS, XP],
        TREATIES: { ...actual.TREATIES, [XP]: fixture.treaty },
      };
    });
    jest.doMock(`${SERVER}/catalogue/requirement-data`, () => {
      const actual = jest.requireActual<typeof RequirementData>(`${SERVER}/catalogue/requirement-data`);
      return { ...actual, REQUIREMENTS: [...actual.REQUIREMENTS, ...fixture.requirements] };
    });
    jest.doMock(`${SERVER}/catalogue/designation-data`, () => {
      const actual = jest.requireActual<typeof DesignationData>(`${SERVER}/catalogue/designation-data`);
      return {
        ...actual,
        DESIGNATION_IDS: [...actual.DESIGNATION_IDS, ...Object.keys(fixture.designations)],
        DESIGNATIONS: { ...actual.DESIGNATIONS, ...fixture.designations },
      };
    });
    jest.doMock(`${SERVER}/catalogue/sources`, () => {
      const actual = jest.requireActual<typeof Sources>(`${SERVER}/catalogue/sources`);
      return { ...actual, SOURCES: { ...actual.SOURCES, ...fixture.sources } };
    });
    /* eslint-disable @typescript-eslint/no-require-imports */
    loaded = {
      catalogue: require(`${SERVER}/catalogue`) as typeof Catalogue,
      pkg: require(`${SERVER}/domain/package`) as typeof Package,
      validate: require(`${SERVER}/domain/validate`) as typeof Validate,
      documents: require(`${SERVER}/documents`) as typeof Documents,
      renderDocx: (require(`${SERVER}/documents/render-docx`) as typeof RenderDocx).renderDocx,
      i18n: require(`${SERVER}/i18n`) as typeof I18n,
      paths: require(`${SERVER}/paths`) as typeof Paths,
      draft: require(`${SERVER}/domain/draft`) as typeof Draft,
      journey: require(`${SERVER}/http/journey/definitions`) as typeof Journey,
      app: require(`${SERVER}/app`) as typeof App,
      store: require(`${SERVER}/store/store`) as typeof Store,
      logger: require(`${SERVER}/logger`) as typeof Logger,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  if (!loaded) throw new Error('modules not loaded');
  return loaded;
}

/** The real participation tables and the fixture's, in one folder, as the real loader reads them. */
function participationFolder(real: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fifth-treaty-'));
  for (const file of fs.readdirSync(real)) fs.symlinkSync(path.join(real, file), path.join(dir, file));
  fs.copyFileSync(
    path.join(FIXTURE, fixture.treaty.participation.file),
    path.join(dir, fixture.treaty.participation.file),
  );
  return dir;
}

describe('a fifth treaty defined as catalogue data alone', () => {
  const m = loadWithFifthTreaty();
  const dataDir = participationFolder(m.paths.PATHS.participationData);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const participation = m.catalogue.loadParticipation(dataDir);
  const i18n = m.i18n.createI18n(m.paths.PATHS.locales);
  for (const [lng, namespaces] of Object.entries(fixture.strings))
    for (const [ns, bundle] of Object.entries(namespaces))
      i18n.instance.addResourceBundle(lng, ns, bundle, true, false);

  const parsed = m.validate.parsePackage(input);
  const assessment = () => {
    if (!parsed.ok) throw new Error(`package does not parse: ${JSON.stringify(parsed.issues)}`);
    return m.validate.assessPackage(parsed.pkg, { participation, today: TODAY });
  };
  const docx = async (
    name: 'instrument' | 'notifications' | 'checklist' | 'note-verbale',
    treaty?: TreatyData.TreatyId,
    lng: 'en' | 'fr' = 'en',
  ) =>
    docxText(
      await m.renderDocx(
        m.documents.buildModel(assessment(), name, {
          tr: { lng, t: i18n.t(lng) },
          mode: 'draft',
          today: TODAY,
          ...(treaty ? { treaty } : {}),
        }),
      ),
    );

  it('is in the catalogue: a Protocol of the Convention, with its dispute-clause reservation', () => {
    expect(m.catalogue.TREATY_IDS).toContain(XP);
    expect(m.catalogue.isTreatyId(XP)).toBe(true);
    expect(m.catalogue.isProtocol(XP)).toBe(true);
    expect(m.catalogue.conventionOf(XP)).toBe(m.catalogue.CONVENTION);
    expect(m.catalogue.DISPUTE_RESERVATION_IDS).toContain('xp-18-3');
    expect(m.catalogue.designationsOf(XP).map((d) => d.id)).toEqual(['xp-7-2']);
    expect(participation[XP].records.get('AL')?.consent?.date).toBe('2025-02-03');
  });

  it('is offered by the package schema', () => {
    const schema = JSON.stringify(m.pkg.packageJsonSchema());
    expect(schema).toContain('"xp"');
    expect(schema).toContain('"xp-18-3"');
    expect(schema).toContain('"xp-7-2"');
  });

  it('parses a package joining the Convention and the fifth treaty', () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('gives its checklist items, with their article and quote', () => {
    const a = assessment();
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const items = a.checklist.items.filter((i) => i.requirement.appliesTo === XP);
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ['xp-18-3', 'provided'],
      ['xp-7-2', 'provided'],
      ['xp-untoc-37-2', 'provided'],
    ]);
    expect(a.checklist.items.find((i) => i.id === 'xp-untoc-37-2')?.supplied).toEqual([
      { key: 'checklist.supplied.conventionInPackage' },
    ]);
    for (const item of items) {
      const req = fixture.requirements.find((r) => r.id === item.id)!;
      expect(item.requirement.citation).toEqual(req.citation);
      expect(item.quotes.map((q) => q.text)).toEqual([req.quote.text]);
    }
    expect(a.checklist.missing).toEqual([]);
  });

  it('computes its entry into force: the thirtieth day after deposit (its article 20(2))', () => {
    expect(assessment().entryIntoForce.find((e) => e.treaty === XP)).toEqual({
      treaty: XP,
      deposit: '2027-01-15',
      date: '2027-02-14',
      basis: 'thirtieth-day',
      citation: { instrument: XP, article: '20(2)' },
    });
  });

  it('produces its instrument, with its title and its dispute-clause reservation', async () => {
    const text = await docx('instrument', XP);
    expect(text).toContain('INSTRUMENT OF ACCESSION');
    expect(text).toContain(
      `WHEREAS the ${fixture.treaty.titles.en.text} was adopted at New York on 15 March 2024,`,
    );
    expect(text).toContain('having considered the above mentioned Protocol, accedes to the same');
    expect(text).toContain('In accordance with article 18, paragraph 3, of the Protocol');
  });

  it('gives its instrument in another language its official title in that language', async () => {
    expect(await docx('instrument', XP, 'fr')).toContain(fixture.treaty.titles.fr.text);
  });

  it('prints its paragraph in the notifications, with the contact point designated', async () => {
    const text = await docx('notifications');
    expect(text).toContain(fixture.treaty.titles.en.text);
    expect(text).toMatch(
      /In accordance with article 7, paragraph 2, .* designates the following contact point for example practices:/,
    );
    expect(text).toContain('Example Practices Liaison Office');
  });

  it('transmits its instrument with the note verbale', async () => {
    expect(await docx('note-verbale')).toContain(fixture.treaty.titles.en.text);
  });

  it('lists its items in the checklist document, with their quotes', async () => {
    const text = await docx('checklist');
    expect(text).toContain('Contact point for example practices (fictitious)');
    for (const req of fixture.requirements) expect(text).toContain(req.quote.text);
  });

  describe('for an organization (UNTOC 2(j))', () => {
    /** The EU, a party to the Convention per the data, approving the fifth treaty. */
    const organization = (extra: Record<string, unknown>) =>
      m.validate.parsePackage({
        party: { kind: 'reio', code: 'EU', formalName: 'the European Union' },
        treaties: [{ treaty: XP, instrument: 'approval' }],
        signatory: { name: 'A. Example', title: 'President of the European Commission', office: null },
        deposit: { plannedOn: '2027-01-15' },
        ...extra,
      });

    it('may declare its designation outside its competence: the checklist and the notifications say so', async () => {
      const parsed = organization({ outsideCompetence: ['xp-7-2'] });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const a = m.validate.assessPackage(parsed.pkg, { participation, today: TODAY });
      const item = a.checklist.items.find((i) => i.id === 'xp-7-2');
      expect(item?.status).toBe('not-applicable');
      expect(item?.reason?.key).toBe('checklist.reasons.outsideCompetence');
      // UNTOC 37(2): a party to the Convention per the data.
      const convention = a.checklist.items.find((i) => i.id === 'xp-untoc-37-2');
      expect(convention?.status).toBe('provided');
      expect(convention?.supplied.map((s) => s.key)).toEqual(['checklist.supplied.conventionPartyPerData']);
      const text = await docxText(
        await m.renderDocx(
          m.documents.buildModel(a, 'notifications', {
            tr: { lng: 'en', t: i18n.t('en') },
            mode: 'draft',
            today: TODAY,
          }),
        ),
      );
      expect(text).toMatch(/As regards article 7, paragraph 2, .* falls outside its competence/);
      expect(text).not.toContain('designates the following contact point for example practices');
    });

    it('is told when it both names the contact point and declares it outside its competence', () => {
      const parsed = organization({
        outsideCompetence: ['xp-7-2'],
        authorities: [{ roles: ['xp-7-2'], name: 'Example Practices Unit', email: ['xp@example.eu'] }],
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const a = m.validate.assessPackage(parsed.pkg, { participation, today: TODAY });
      expect(
        a.issues.filter((i) => i.code === 'rules.competence.answeredOutside').map((i) => i.source),
      ).toEqual([{ instrument: XP, article: '7(2)' }]);
    });
  });

  it("takes a party's later notification from its participation data (Albania, per the fixture's table)", async () => {
    const later = m.validate.parsePackage({
      purpose: 'notify',
      party: { kind: 'state', code: 'AL', formalName: 'the Republic of Albania' },
      treaties: [{ treaty: XP }],
      signatory: {
        name: 'A. Example',
        title: 'Minister for Europe and Foreign Affairs',
        office: 'minister-for-foreign-affairs',
      },
      authorities: [{ roles: ['xp-7-2'], name: 'Example Practices Office', email: ['xp@example.al'] }],
    });
    if (!later.ok) throw new Error(JSON.stringify(later.issues));
    const a = m.validate.assessPackage(later.pkg, { participation, today: TODAY });
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(a.facts.treaties[0]?.earlierConsent).toMatchObject({ date: '2025-02-03', origin: 'data' });
    expect(a.checklist.items.find((i) => i.id === 'xp-7-2')?.status).toBe('provided');
    const text = await docxText(
      await m.renderDocx(
        m.documents.buildModel(a, 'notifications', {
          tr: { lng: 'en', t: i18n.t('en') },
          mode: 'draft',
          today: TODAY,
        }),
      ),
    );
    expect(text).toContain('3 February 2025');
    expect(text).toContain('designates the following contact point for example practices:');
    expect(text).toContain('Example Practices Office');
  });

  describe('its section of the journey', () => {
    const designation = fixture.designations['xp-7-2']!;
    const LIST = designation.list;
    const joining = () => {
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return parsed.pkg;
    };
    /** The fixture's party joining the Convention alone. */
    const conventionOnly = () => {
      const p = m.validate.parsePackage({
        ...(input as Record<string, unknown>),
        treaties: [{ treaty: 'untoc', instrument: 'accession' }],
        reservations: [],
        authorities: [],
      });
      if (!p.ok) throw new Error(JSON.stringify(p.issues));
      return p.pkg;
    };
    const ctx = { t: i18n.t('en'), lng: 'en' as const, participation };

    it("opens its designation's list page as a section, after the other Protocols' designations", () => {
      const ids = m.journey.SECTIONS.map((s) => s.id as string);
      expect(ids).toEqual([...m.draft.SECTION_IDS]);
      // The four real designations keep their sections, in their order; the new one comes after the
      // Protocols' (SOM 8(6), FP 13(2)), before the copies of laws.
      expect(
        ids.filter((id) => ['central-authorities', 'prevention', 'maritime', 'firearms', LIST].includes(id)),
      ).toEqual(['central-authorities', 'prevention', 'maritime', 'firearms', LIST]);
      expect(ids[ids.indexOf(LIST) + 1]).toBe('law-copies');
      const section = m.journey.SECTIONS.find((s) => s.id === LIST);
      expect(section).toMatchObject({
        requirements: ['xp-7-2'],
        notifies: true,
        dueAtDeposit: false,
        absentBecause: LIST,
      });
      // A draft may record it as visited.
      expect(m.draft.DraftSchema.safeParse({ package: input, visited: [LIST] }).success).toBe(true);
    });

    it('applies to a package joining the fifth treaty, and is completed by its contact point', () => {
      const pkg = joining();
      const section = m.journey.applicableSections(pkg).find((s) => s.id === LIST);
      expect(section).toBeDefined();
      expect(m.journey.sectionStatus(section!, m.draft.DraftSchema.parse({ package: input }))).toBe(
        'completed',
      );
      const none = {
        ...pkg,
        authorities: pkg.authorities.filter((a) => !a.roles.includes(XP_DESIGNATION)),
      };
      expect(section!.complete(none, true)).toBe(false);
      expect(section!.started(none)).toBe(false);
      expect(m.journey.applicableRoles(pkg)).toContain('xp-7-2');
    });

    it('does not apply to a package without the fifth treaty', () => {
      const pkg = conventionOnly();
      expect(m.journey.applicableSections(pkg).map((s) => s.id)).not.toContain(LIST);
      expect(m.journey.applicableRoles(pkg)).not.toContain('xp-7-2');
    });

    it('has its list page, showing the authorities holding its designation', () => {
      const list = m.journey.LIST_PAGES.find((l) => l.id === LIST);
      expect(list).toMatchObject({
        section: LIST,
        collection: 'authorities',
        role: 'xp-7-2',
        extra: null,
        texts: `pages.lists.${LIST}`,
      });
      expect(list!.requirements(joining())).toEqual(['xp-7-2']);
      expect((m.journey.AUTHORITY_LISTS as Record<string, string>)[LIST]).toBe('xp-7-2');
      expect(m.journey.listForRole(XP_DESIGNATION)).toBe(LIST);
      expect(m.journey.pageForPath(['authorities'], 'xp-7-2', joining())).toBe(LIST);
    });

    it('is offered on the treaties page', () => {
      const options = m.journey.treatyOptions(joining(), ctx);
      expect(options.map((o) => o.value)).toContain(XP);
      expect(options.find((o) => o.value === XP)?.label).toBe('Example Practices Protocol');
    });

    describe('through the real app', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fifth-treaty-app-'));
      const store = m.store.openStore(path.join(dir, 'test.sqlite'));
      afterAll(() => {
        store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      });
      const app = m.app.createApp({
        i18n,
        participation,
        store,
        logger: m.logger.createMemoryLogger(),
        clock: () => new Date(`${TODAY}T12:00:00Z`),
        bodyLimitBytes: 262144,
        requestLog: false,
        trustProxy: false,
        draftCreateLimit: { limit: 0, windowMinutes: 10 },
        draftRetentionDays: 365,
        databaseMaxBytes: 1024 * 1024 * 1024,
      });
      const draft = async (pkg: unknown) => {
        const res = await request(app)
          .post('/api/v1/drafts')
          .set('Content-Type', 'application/json')
          .send(pkg as object);
        expect(res.status).toBe(201);
        return `/drafts/${(res.body as { id: string }).id}`;
      };
      const text = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

      it('lists the section in the task list of a draft joining the fifth treaty', async () => {
        const url = await draft(input);
        const res = await request(app).get(url);
        expect(res.status).toBe(200);
        expect(res.text).toContain(`href="${url}/${LIST}"`);
        expect(text(res.text)).toContain('Example Practices Protocol: contact point (article 7(2))');
      });

      it('renders its list page, with its title and the contact point designated', async () => {
        const url = await draft(input);
        const res = await request(app).get(`${url}/${LIST}`);
        expect(res.status).toBe(200);
        expect(/<title>([^<]*)<\/title>/.exec(res.text)?.[1]).toContain(
          'Contact point for example practices',
        );
        expect(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(res.text)?.[1]).toContain(
          'Contact point for example practices',
        );
        expect(text(res.text)).toContain('Example Practices Liaison Office');
        expect(decodeEntities(res.text)).toContain(`${url}/authorities/new?role=xp-7-2`);
      });

      it('offers its designation on the form that adds an authority', async () => {
        const url = await draft(input);
        const res = await request(app).get(`${url}/authorities/new?role=xp-7-2`);
        expect(res.status).toBe(200);
        expect(text(res.text)).toContain(
          'Contact point for example practices (Example Practices Protocol, article 7(2))',
        );
      });

      it('answers 404 for its list page in a draft without the fifth treaty, and says why it is absent', async () => {
        const url = await draft({
          ...(input as Record<string, unknown>),
          treaties: [{ treaty: 'untoc', instrument: 'accession' }],
          reservations: [],
          authorities: [],
        });
        expect((await request(app).get(`${url}/${LIST}`)).status).toBe(404);
        const tasks = await request(app).get(url);
        expect(text(tasks.text)).toContain(
          'The contact point of article 7(2): only when joining the Example Practices Protocol.',
        );
      });
    });
  });
});
