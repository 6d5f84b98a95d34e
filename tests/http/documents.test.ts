/**
 * POST /api/v1/documents/{instrument,notifications,full-powers,checklist,bundle}: each document in draft
 * and final, in English and French, opened with mammoth (and the bundle with jszip) to read what it says.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import { PATHS } from '../../server/paths';
import { attachmentName, docxText, expectApiError, paragraphs, postForBytes, postJson } from './helpers';
import { bhutanWithFullPowers, createTestApp, DOCX_MIME, samplePackage, type TestApp } from './test-app';
import { inFrench } from '../support/translations';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

type Treaty = 'untoc' | 'tip' | 'som' | 'fp';
type Lang = 'en' | 'fr';
type Mode = 'draft' | 'final';

/** The official titles, as the UN Treaty Collection writes them. */
const TITLES: Record<Lang, Record<Treaty, string>> = {
  en: {
    untoc: 'United Nations Convention against Transnational Organized Crime',
    tip: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
    som: 'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
    fp: 'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the United Nations Convention against Transnational Organized Crime',
  },
  fr: {
    untoc: 'Convention des Nations Unies contre la criminalité transnationale organisée',
    tip: 'Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants',
    som: 'Protocole contre le trafic illicite de migrants par terre, air et mer, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
    fp: '', // not used: no sample accedes to the Firearms Protocol
  },
};

const WORDING: Record<
  Lang,
  {
    accession: string;
    ratification: string;
    whereas: string;
    andWhereas: string;
    nowTherefore: string;
    witness: string;
    marker: string;
  }
> = {
  en: {
    accession: 'INSTRUMENT OF ACCESSION',
    ratification: 'INSTRUMENT OF RATIFICATION',
    whereas: 'WHEREAS',
    andWhereas: 'AND WHEREAS',
    nowTherefore: 'NOW THEREFORE I,',
    witness: 'IN WITNESS WHEREOF',
    marker: '[to be completed:',
  },
  fr: {
    accession: "INSTRUMENT D'ADHÉSION",
    ratification: 'INSTRUMENT DE RATIFICATION',
    whereas: 'CONSIDÉRANT QUE',
    andWhereas: 'ET CONSIDÉRANT QUE',
    nowTherefore: 'EN CONSÉQUENCE, je,',
    witness: 'EN FOI DE QUOI',
    marker: '[à compléter :',
  },
};

/** Bhutan's sample with French free text, for documents in French. */
function bhutanInFrench(): Record<string, unknown> {
  return {
    ...samplePackage('bhutan-accession'),
    party: { kind: 'state', code: 'BT', formalName: 'le Royaume du Bhoutan' },
    signatory: {
      name: 'Pema Example',
      title: 'ministre des affaires étrangères et du commerce extérieur du Royaume du Bhoutan',
      office: 'minister-for-foreign-affairs',
    },
    documentLanguage: 'fr',
  };
}

/** POST for a .docx: checks the status, the type and the file name, and returns the document's text. */
async function getDocx(
  url: string,
  body: unknown,
  expectedFile: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const { res, bytes } = await postForBytes(t.app, url, body, headers);
  expect({ status: res.status, body: res.status === 200 ? '' : bytes.toString('utf8') }).toEqual({
    status: 200,
    body: '',
  });
  expect(res.headers['content-type']).toBe(DOCX_MIME);
  expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  expect(attachmentName(res)).toBe(expectedFile);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  return docxText(bytes);
}

describe('instrument', () => {
  const cases: Array<[Treaty, Lang, Mode]> = [];
  for (const treaty of ['untoc', 'tip', 'som'] as const)
    for (const lang of ['en', 'fr'] as const)
      for (const mode of ['draft', 'final'] as const) cases.push([treaty, lang, mode]);

  test.each(cases)('Bhutan accedes to %s, in %s, %s', async (treaty, lang, mode) => {
    const pkg = lang === 'fr' ? bhutanInFrench() : samplePackage('bhutan-accession');
    const text = await getDocx(
      `/api/v1/documents/instrument?treaty=${treaty}&lang=${lang}&mode=${mode}`,
      pkg,
      `instrument-${treaty}-accession-bt-${lang}${mode === 'draft' ? '-draft' : ''}.docx`,
    );
    const w = WORDING[lang];
    const paras = paragraphs(text);
    expect(paras[0]).toBe(w.accession);
    expect(paras[1]).toMatch(new RegExp(`^${w.whereas} `));
    expect(paras[1]).toContain(TITLES[lang][treaty]);
    expect(text).toContain(w.nowTherefore);
    expect(text).toContain('Pema Example');
    expect(text).toContain(
      lang === 'en' ? 'the Government of the Kingdom of Bhutan' : 'le Gouvernement du Royaume du Bhoutan',
    );
    expect(text).toContain(w.witness);
    expect(text).toContain('Thimphu');
    expect(text).not.toContain(w.marker);
    expect(text).not.toContain(w.andWhereas); // Bhutan never signed: no signature recital
  });

  test("the Convention's instrument reads as README quotes it", async () => {
    const readme = fs.readFileSync(path.join(PATHS.root, 'README.md'), 'utf8');
    const quoted = /Its instrument for the Convention reads:\n\n((?:>.*\n)+)/.exec(readme)?.[1];
    expect(quoted).toBeDefined();
    const expected = paragraphs(
      (quoted ?? '')
        .split('\n')
        .map((l) => l.replace(/^> ?/, ''))
        .join('\n')
        .replace(/\n(?!\n)/g, ' '),
    ).map((p) => p.replace(/\\_/g, '_').replace(/_+/g, '_'));
    const text = await getDocx(
      '/api/v1/documents/instrument?treaty=untoc',
      samplePackage('bhutan-accession'),
      'instrument-untoc-accession-bt-en-draft.docx',
    );
    const actual = paragraphs(text).map((p) => p.replace(/_+/g, '_'));
    expect(actual.slice(0, expected.length)).toEqual(expected);
  });

  test('a single-treaty package needs no treaty parameter: Thailand ratifies the Smuggling Protocol, with the signature recital', async () => {
    const text = await getDocx(
      '/api/v1/documents/instrument?mode=final',
      samplePackage('thailand-som-ratification'),
      'instrument-som-ratification-th-en.docx',
    );
    const paras = paragraphs(text);
    expect(paras[0]).toBe('INSTRUMENT OF RATIFICATION');
    expect(paras[1]).toBe(`WHEREAS the ${TITLES.en.som} was adopted at New York on 15 November 2000,`);
    expect(paras[2]).toBe(
      'AND WHEREAS the said Protocol has been signed on behalf of the Government of the Kingdom of Thailand on 18 December 2001,',
    );
    expect(text).toContain('ratifies the same');
    expect(text).toContain(
      'IN WITNESS WHEREOF, I have signed this instrument of ratification at Bangkok on 8 January 2027.',
    );
  });

  test('in French, the ratification recites the signature in French', async () => {
    const pkg = {
      ...samplePackage('thailand-som-ratification'),
      party: { kind: 'state', code: 'TH', formalName: 'le Royaume de Thaïlande' },
      documentLanguage: 'fr',
    };
    const text = await getDocx(
      '/api/v1/documents/instrument?lang=fr',
      pkg,
      'instrument-som-ratification-th-fr-draft.docx',
    );
    const paras = paragraphs(text);
    expect(paras[0]).toBe('INSTRUMENT DE RATIFICATION');
    expect(paras[1]).toContain(TITLES.fr.som);
    expect(paras[2]).toBe(
      'ET CONSIDÉRANT QUE ledit Protocole a été signé au nom du Gouvernement du Royaume de Thaïlande le 18 décembre 2001,',
    );
    expect(text).toContain('EN FOI DE QUOI');
    expect(text).toContain('le 8 janvier 2027');
  });

  test('a draft shows a visible marker for what is missing, in the document language', async () => {
    const pkg = { ...samplePackage('thailand-som-ratification'), signatory: { office: 'other' } };
    const en = await getDocx(
      '/api/v1/documents/instrument',
      pkg,
      'instrument-som-ratification-th-en-draft.docx',
    );
    expect(en).toContain(
      "NOW THEREFORE I, [to be completed: the signer's name], [to be completed: the signer's title], declare",
    );
    const fr = await getDocx(
      '/api/v1/documents/instrument?lang=fr',
      pkg,
      'instrument-som-ratification-th-fr-draft.docx',
    );
    expect(fr).toContain('[à compléter : nom du signataire]');
  });

  test('without ?lang=, a document is in the package language', async () => {
    const text = await getDocx(
      '/api/v1/documents/instrument?treaty=untoc',
      bhutanInFrench(),
      'instrument-untoc-accession-bt-fr-draft.docx',
    );
    expect(paragraphs(text)[0]).toBe("INSTRUMENT D'ADHÉSION");
  });

  test('Content-Language names the language of the document returned', async () => {
    // A French package, no ?lang=: the document is French.
    const fr = await postForBytes(t.app, '/api/v1/documents/instrument?treaty=untoc', bhutanInFrench());
    expect(fr.res.status).toBe(200);
    expect(paragraphs(await docxText(fr.bytes))[0]).toBe("INSTRUMENT D'ADHÉSION");
    // An English package asked with Accept-Language: fr: the document stays English.
    const en = await postForBytes(
      t.app,
      '/api/v1/documents/instrument?treaty=untoc',
      samplePackage('bhutan-accession'),
      { 'Accept-Language': 'fr' },
    );
    expect(paragraphs(await docxText(en.bytes))[0]).toBe('INSTRUMENT OF ACCESSION');
    // The header names the language of the document returned, not the request's.
    expect([fr.res.headers['content-language'], en.res.headers['content-language']]).toEqual(['fr', 'en']);
  });
});

describe('notifications', () => {
  test.each([
    ['en', 'draft'],
    ['en', 'final'],
    ['fr', 'draft'],
    ['fr', 'final'],
  ] as Array<[Lang, Mode]>)('Bhutan, in %s, %s', async (lang, mode) => {
    const pkg = lang === 'fr' ? bhutanInFrench() : samplePackage('bhutan-accession');
    const text = await getDocx(
      `/api/v1/documents/notifications?lang=${lang}&mode=${mode}`,
      pkg,
      `notifications-bt-${lang}${mode === 'draft' ? '-draft' : ''}.docx`,
    );
    const paras = paragraphs(text);
    expect(paras[0]).toBe(
      lang === 'en'
        ? 'NOTIFICATIONS TO THE SECRETARY-GENERAL OF THE UNITED NATIONS'
        : "NOTIFICATIONS AU SECRÉTAIRE GÉNÉRAL DE L'ORGANISATION DES NATIONS UNIES",
    );
    for (const treaty of ['untoc', 'tip', 'som'] as const) expect(text).toContain(TITLES[lang][treaty]);
    for (const s of [
      'Office of the Attorney General',
      'International Cooperation Division',
      'mla@example.bt',
      '+975 2 000 000',
      'Royal Bhutan Police, Crime Prevention Unit',
      'Department of Immigration',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain(lang === 'en' ? 'article 18, paragraph 13' : "l'article 18, paragraphe 13");
    expect(text).not.toContain(WORDING[lang].marker);
  });
});

describe('full powers', () => {
  test.each([
    ['en', 'draft'],
    ['en', 'final'],
    ['fr', 'draft'],
    ['fr', 'final'],
  ] as Array<[Lang, Mode]>)(
    'a signer of another office with full powers gets them, in %s, %s',
    async (lang, mode) => {
      // The French documents print the answers' French translations.
      const text = await getDocx(
        `/api/v1/documents/full-powers?lang=${lang}&mode=${mode}`,
        lang === 'fr' ? inFrench(bhutanWithFullPowers()) : bhutanWithFullPowers(),
        `full-powers-bt-${lang}${mode === 'draft' ? '-draft' : ''}.docx`,
      );
      const paras = paragraphs(text);
      expect(paras[0]).toBe(lang === 'en' ? 'FULL POWERS' : 'PLEINS POUVOIRS');
      expect(text).toContain(
        lang === 'en'
          ? 'I, Pema Example, Minister for Foreign Affairs and External Trade,'
          : 'Je, Pema Example, Ministre des affaires étrangères et du commerce extérieur,',
      );
      expect(text).toContain(
        lang === 'en' ? 'HEREBY AUTHORIZE Jane Envoy' : 'AUTORISE PAR LES PRÉSENTES Jane Envoy',
      );
      for (const treaty of ['untoc', 'tip', 'som'] as const) expect(text).toContain(TITLES[lang][treaty]);
      expect(text).toContain(
        lang === 'en' ? 'Done at Thimphu on 5 January 2027.' : 'Fait à Thimphou, le 5 janvier 2027.',
      );
      if (lang === 'fr') expect(text).not.toMatch(/Minister|Ambassador|Thimphu|traduire/);
    },
  );

  test('French answers not yet translated: the draft marks each with its English, final is refused naming each', async () => {
    const text = await getDocx(
      '/api/v1/documents/full-powers?lang=fr&mode=draft',
      bhutanWithFullPowers(),
      'full-powers-bt-fr-draft.docx',
    );
    expect(text).toContain(
      'Je, Pema Example, [à traduire\u00a0: Minister for Foreign Affairs and External Trade],',
    );
    expect(text).toContain('Fait à [à traduire\u00a0: Thimphu], le 5 janvier 2027.');
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/full-powers?lang=fr&mode=final', bhutanWithFullPowers()),
      422,
      'final_refused',
    );
    const untranslated = err.issues.filter((i) => i.code === 'translation.untranslated');
    expect(untranslated.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'signatory.title',
        'fullPowers.issuer.title',
        'fullPowers.place',
        'signing.place',
      ]),
    );
    // The names of people are printed as typed; the UN formal name is printed as the UN write it.
    expect(untranslated.map((i) => i.path)).not.toEqual(
      expect.arrayContaining(['signatory.name', 'fullPowers.issuer.name', 'party.formalName']),
    );
    expect(untranslated.find((i) => i.path === 'fullPowers.place')?.message).toContain('Thimphu');
  });

  test.each([
    [
      'minister-for-foreign-affairs',
      'the Minister for Foreign Affairs',
      'le ministre des affaires étrangères',
    ],
    ['head-of-state', 'the Head of State', "le chef de l'État"],
    ['head-of-government', 'the Head of Government', 'le chef du gouvernement'],
  ])(
    'a signer who is %s needs none: 422 full_powers_not_needed naming the office',
    async (office, en, fr) => {
      const pkg = {
        ...samplePackage('bhutan-accession'),
        signatory: { name: 'Pema Example', title: 'Title', office },
      };
      const resEn = await postJson(t.app, '/api/v1/documents/full-powers', pkg);
      expect(expectApiError(resEn, 422, 'full_powers_not_needed').detail).toContain(`the signer is ${en},`);
      const resFr = await postJson(t.app, '/api/v1/documents/full-powers?lang=fr', pkg);
      expect(expectApiError(resFr, 422, 'full_powers_not_needed').detail).toContain(
        `le signataire est ${fr},`,
      );
    },
  );
});

describe('full powers for the European Union', () => {
  const eu = () => ({
    party: { kind: 'reio', code: 'EU', formalName: null },
    treaties: [{ treaty: 'som', instrument: 'approval' }],
    signatory: { name: 'D. Example', title: 'High Representative', office: 'other' },
    fullPowers: {
      issuer: {
        name: 'A. Example',
        title: 'Minister for Foreign Affairs',
        office: 'minister-for-foreign-affairs',
      },
      place: 'Brussels',
      date: '2027-01-05',
    },
  });

  test('the bundle leaves them out, with a warning that VCLT 7 full powers are for States', async () => {
    const validated = await postJson(t.app, '/api/v1/validate', eu());
    expect(validated.status).toBe(200);
    expect((validated.body as { issues: Array<{ code: string }> }).issues.map((i) => i.code)).toContain(
      'rules.fullPowers.notForOrganization',
    );
    const { res, bytes } = await postForBytes(t.app, '/api/v1/documents/bundle', eu());
    expect(res.status).toBe(200);
    expect(Object.keys((await JSZip.loadAsync(bytes)).files).some((n) => n.startsWith('full-powers'))).toBe(
      false,
    );
  });

  test('the single document is refused the same way', async () => {
    const res = await postJson(t.app, '/api/v1/documents/full-powers', eu());
    // Consistent with the bundle, which leaves full powers out for an organization.
    expectApiError(res, 422, 'full_powers_not_needed');
  });
});

describe('checklist', () => {
  test.each([
    ['en', 'draft'],
    ['en', 'final'],
    ['fr', 'draft'],
    ['fr', 'final'],
  ] as Array<[Lang, Mode]>)(
    'Bhutan, .docx, in %s, %s: dated by the clock, with entry into force',
    async (lang, mode) => {
      const text = await getDocx(
        `/api/v1/documents/checklist?lang=${lang}&mode=${mode}`,
        lang === 'fr' ? inFrench(samplePackage('bhutan-accession')) : samplePackage('bhutan-accession'),
        `checklist-bt-${lang}${mode === 'draft' ? '-draft' : ''}.docx`,
      );
      const paras = paragraphs(text);
      if (lang === 'en') {
        expect(paras[0]).toBe('Notification checklist');
        expect(paras[1]).toBe('Bhutan: prepared on 1 December 2026');
        expect(text).toContain(
          '14 February 2027: the thirtieth day after deposit on 15 January 2027 (UNTOC art. 38(2))',
        );
      } else {
        expect(paras[0]).toBe('Liste de contrôle des notifications');
        expect(paras[1]).toContain('1er décembre 2026');
        expect(text).toContain('14 février 2027');
      }
      expect(text).toContain(TITLES[lang].untoc);
      expect(text).not.toContain(WORDING[lang].marker);
    },
  );

  test('?format=html: a page in the document language, styled by the served stylesheet', async () => {
    const res = await postJson(
      t.app,
      '/api/v1/documents/checklist?format=html',
      samplePackage('bhutan-accession'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.text).toMatch(/^<!DOCTYPE html>\s*<html lang="en" dir="ltr">/);
    expect(res.text).toContain('<title>Notification checklist: Bhutan</title>');
    expect(res.text).toContain('<h1 class="title">Notification checklist</h1>');
    expect(res.text).toContain('prepared on 1 December 2026');
    expect(res.text).toContain('class="document document-checklist document-draft"');
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(res.text)?.[1];
    expect(href).toBe('/assets/css/document.css');
    const css = await request(t.app).get(href ?? '');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  test('?format=html&lang=fr&mode=final: in French, without the draft marking', async () => {
    const res = await postJson(
      t.app,
      '/api/v1/documents/checklist?format=html&lang=fr&mode=final',
      inFrench(samplePackage('bhutan-accession')),
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="fr" dir="ltr">');
    expect(res.text).toContain('Liste de contrôle des notifications');
    // The summary's table names each treaty's instrument type; the overview opens the checklist.
    expect(res.text).toMatch(
      /<td dir="auto">Protocole relatif au trafic illicite de migrants[^<]*<\/td>\s*<td dir="auto">adhésion<\/td>/,
    );
    expect(res.text).toContain('<h2 id="overview">En un coup d&#x27;œil</h2>');
    expect(res.text).not.toContain('document-draft');
    expect(res.text).not.toMatch(/<script/i);
  });

  test('?format=rtf is a 400 invalid_parameter', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/checklist?format=rtf', samplePackage('bhutan-accession')),
      400,
      'invalid_parameter',
    );
    expect(err.detail).toBe('The parameter format must be one of: docx, html, pdf.');
  });

  test('?format=pdf without LibreOffice (this app has no converter) is a 501 pdf_unavailable', async () => {
    expectApiError(
      await postJson(t.app, '/api/v1/documents/checklist?format=pdf', samplePackage('bhutan-accession')),
      501,
      'pdf_unavailable',
    );
  });
});

describe('bundle', () => {
  async function getBundle(url: string, body: unknown, expectedFile: string): Promise<JSZip> {
    const { res, bytes } = await postForBytes(t.app, url, body);
    expect({ status: res.status, body: res.status === 200 ? '' : bytes.toString('utf8') }).toEqual({
      status: 200,
      body: '',
    });
    expect(res.headers['content-type']).toBe('application/zip');
    expect(attachmentName(res)).toBe(expectedFile);
    return JSZip.loadAsync(bytes);
  }

  test('draft, English: one instrument per treaty, notifications, checklist .docx and .html, document.css, package.json', async () => {
    const zip = await getBundle(
      '/api/v1/documents/bundle',
      samplePackage('bhutan-accession'),
      'bundle-bt-en-draft.zip',
    );
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        'instrument-untoc-accession-bt-en-draft.docx',
        'instrument-tip-accession-bt-en-draft.docx',
        'instrument-som-accession-bt-en-draft.docx',
        'notifications-bt-en-draft.docx',
        'note-verbale-bt-en-draft.docx',
        'checklist-bt-en-draft.docx',
        'checklist-bt-en-draft.html',
        'document.css',
        'package.json',
      ].sort(),
    );
  });

  test('a download says its length and carries no ETag: the bytes are never hashed, a document is never served from a cache', async () => {
    const { res, bytes } = await postForBytes(
      t.app,
      '/api/v1/documents/bundle',
      samplePackage('bhutan-accession'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(bytes.length);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('package.json is the parsed package, as /validate returns it', async () => {
    const pkg = samplePackage('bhutan-accession');
    const zip = await getBundle('/api/v1/documents/bundle?mode=final', pkg, 'bundle-bt-en.zip');
    const inZip = JSON.parse((await zip.file('package.json')?.async('string')) ?? 'null') as unknown;
    const validated = await postJson(t.app, '/api/v1/validate', pkg);
    expect(inZip).toEqual((validated.body as { package: unknown }).package);
    expect(inZip).toMatchObject(pkg);
  });

  test('every .docx inside opens and says what it is; the HTML checklist uses the stylesheet beside it', async () => {
    const zip = await getBundle(
      '/api/v1/documents/bundle?mode=final',
      samplePackage('bhutan-accession'),
      'bundle-bt-en.zip',
    );
    const texts: Record<string, string> = {};
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.docx'))) {
      const bytes = await zip.file(name)?.async('nodebuffer');
      expect(bytes).toBeDefined();
      texts[name] = await docxText(bytes ?? Buffer.alloc(0));
    }
    expect(Object.keys(texts)).toHaveLength(6);
    for (const treaty of ['untoc', 'tip', 'som'] as const) {
      const text = texts[`instrument-${treaty}-accession-bt-en.docx`] ?? '';
      expect(paragraphs(text)[0]).toBe('INSTRUMENT OF ACCESSION');
      expect(text).toContain(TITLES.en[treaty]);
      expect(text).toContain('IN WITNESS WHEREOF');
    }
    expect(texts['notifications-bt-en.docx']).toContain('NOTIFICATIONS TO THE SECRETARY-GENERAL');
    expect(texts['checklist-bt-en.docx']).toContain('Notification checklist');
    const html = (await zip.file('checklist-bt-en.html')?.async('string')) ?? '';
    expect(html).toContain('<link rel="stylesheet" href="document.css">');
    expect(html).toContain('Notification checklist');
    const css = (await zip.file('document.css')?.async('string')) ?? '';
    expect(css).toBe(fs.readFileSync(path.join(PATHS.public, 'css', 'document.css'), 'utf8'));
  });

  test("files are dated by the clock's day", async () => {
    const zip = await getBundle(
      '/api/v1/documents/bundle',
      samplePackage('thailand-som-ratification'),
      'bundle-th-en-draft.zip',
    );
    for (const file of Object.values(zip.files))
      expect(file.date.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  test('in French, final, with full powers for a signer who needs them', async () => {
    const pkg = {
      ...bhutanWithFullPowers(),
      party: { kind: 'state', code: 'BT', formalName: 'le Royaume du Bhoutan' },
      documentLanguage: 'fr',
    };
    const zip = await getBundle('/api/v1/documents/bundle?lang=fr&mode=final', pkg, 'bundle-bt-fr.zip');
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        'instrument-untoc-accession-bt-fr.docx',
        'instrument-tip-accession-bt-fr.docx',
        'instrument-som-accession-bt-fr.docx',
        'notifications-bt-fr.docx',
        'full-powers-bt-fr.docx',
        'note-verbale-bt-fr.docx',
        'checklist-bt-fr.docx',
        'checklist-bt-fr.html',
        'document.css',
        'package.json',
      ].sort(),
    );
    const instrument = await docxText(
      (await zip.file('instrument-tip-accession-bt-fr.docx')?.async('nodebuffer')) ?? Buffer.alloc(0),
    );
    expect(paragraphs(instrument)[0]).toBe("INSTRUMENT D'ADHÉSION");
    expect(instrument).toContain('CONSIDÉRANT QUE');
    expect(instrument).toContain(TITLES.fr.tip);
    expect(instrument).toContain('EN CONSÉQUENCE, je, Jane Envoy,');
    const fullPowers = await docxText(
      (await zip.file('full-powers-bt-fr.docx')?.async('nodebuffer')) ?? Buffer.alloc(0),
    );
    expect(paragraphs(fullPowers)[0]).toBe('PLEINS POUVOIRS');
    const html = (await zip.file('checklist-bt-fr.html')?.async('string')) ?? '';
    expect(html).toContain('<html lang="fr" dir="ltr">');
  });
});
