/**
 * Every error status and code of README's table, each as RFC 9457 problem details
 * (application/problem+json, the deprecated `error` member alike: helpers.ts); methods the API does not
 * support; and what must never be a 500.
 */
import zlib from 'node:zlib';
import request from 'supertest';
import { expectApiError, expectErrorShape, postJson, postRaw } from './helpers';
import { createTestApp, samplePackage, type TestApp } from './test-app';
import { inFrench } from '../support/translations';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const JSON_TYPE = { 'Content-Type': 'application/json' };

describe('400 malformed_json', () => {
  test('a body that is not JSON, on /validate and on a document', async () => {
    for (const url of [
      '/api/v1/validate',
      '/api/v1/documents/instrument?treaty=untoc',
      '/api/v1/documents/bundle',
    ]) {
      const err = expectApiError(await postRaw(t.app, url, '{bad', JSON_TYPE), 400, 'malformed_json');
      expect(err.detail).toMatch(/^The request body is not valid JSON: /);
      expect(err.issues).toEqual([]);
    }
  });

  test.each(['{"party": ', '{"a": 1} trailing', "{'party': 1}", '{"a": tru}', '\u0000'])(
    '%j is malformed JSON',
    async (body) => {
      expectApiError(await postRaw(t.app, '/api/v1/validate', body, JSON_TYPE), 400, 'malformed_json');
    },
  );

  test('in French with ?lang=fr', async () => {
    const res = await postRaw(t.app, '/api/v1/validate?lang=fr', '{bad', JSON_TYPE);
    const err = expectApiError(res, 400, 'malformed_json');
    expect(err.detail).toMatch(/^Le corps de la requête n'est pas du JSON valide : /);
    expect(res.headers['content-language']).toBe('fr');
  });

  test('in French with Accept-Language: fr-CH, fr;q=0.9', async () => {
    const res = await postRaw(t.app, '/api/v1/validate', '{bad', {
      ...JSON_TYPE,
      'Accept-Language': 'fr-CH, fr;q=0.9',
    });
    const err = expectApiError(res, 400, 'malformed_json');
    expect(err.detail).toMatch(/^Le corps de la requête n'est pas du JSON valide : /);
    expect(res.headers['content-language']).toBe('fr');
  });

  test('a compressed body that does not decompress is a client error, not a 500', async () => {
    const res = await postRaw(t.app, '/api/v1/validate', '{"party": {}}', {
      ...JSON_TYPE,
      'Content-Encoding': 'gzip',
    });
    // body-parser reports a broken gzip/deflate/br stream as an http-error with status 400 and no type.
    expect(res.status).toBe(400);
    expectErrorShape(res);
  });

  test('a correctly gzipped package is read', async () => {
    const body = zlib.gzipSync(JSON.stringify(samplePackage('thailand-som-ratification')));
    const res = await postRaw(t.app, '/api/v1/validate', body, { ...JSON_TYPE, 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect((res.body as { valid: boolean }).valid).toBe(true);
  });
});

describe('400 invalid_parameter', () => {
  const pkg = samplePackage('bhutan-accession');
  test.each([
    ['mode=xyz', 'mode', 'draft, final'],
    ['lang=de', 'lang', 'ar, zh, en, fr, ru, es'],
    ['lang=../../etc', 'lang', 'ar, zh, en, fr, ru, es'],
    ['lang=..%2F..%2Fetc%2Fpasswd', 'lang', 'ar, zh, en, fr, ru, es'],
    ['treaty=zz', 'treaty', 'untoc, tip, som, fp'],
    ['mode=draft&mode=final', 'mode', 'draft, final'],
    ['lang=en&lang=fr', 'lang', 'ar, zh, en, fr, ru, es'],
    ['treaty=untoc&treaty=tip', 'treaty', 'untoc, tip, som, fp'],
    // An instrument is a .docx or its PDF (pdf.test.ts); the checklist also has format=html (documents.test.ts).
    ['format=rtf', 'format', 'docx, pdf'],
    ['format=html', 'format', 'docx, pdf'],
    ['mode=', 'mode', 'draft, final'],
    ['mode=finale', 'mode', 'draft, final'],
  ])('?%s on a document', async (query, name, allowed) => {
    const err = expectApiError(
      await postJson(t.app, `/api/v1/documents/instrument?${query}`, pkg),
      400,
      'invalid_parameter',
    );
    expect(err.detail).toBe(`The parameter ${name} must be one of: ${allowed}.`);
    expect(err.issues).toEqual([]);
  });

  test('the parameters are checked before the body: a bad parameter with a bad package is a 400', async () => {
    expectApiError(
      await postJson(t.app, '/api/v1/documents/checklist?mode=xyz', { party: 1 }),
      400,
      'invalid_parameter',
    );
    expectApiError(await postJson(t.app, '/api/v1/documents/bundle?lang=de', {}), 400, 'invalid_parameter');
  });

  test('in French', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/instrument?mode=xyz&lang=fr', pkg),
      400,
      'invalid_parameter',
    );
    expect(err.detail).toBe("Le paramètre mode doit valoir l'une des valeurs suivantes : draft, final.");
  });

  test('?names= on /states must be a language code', async () => {
    expectApiError(await request(t.app).get('/api/v1/states?names=xx'), 400, 'invalid_parameter');
    expectApiError(await request(t.app).get('/api/v1/states?names=../../etc'), 400, 'invalid_parameter');
  });
});

describe('400 missing_parameter', () => {
  test('an instrument of a multi-treaty package without ?treaty=', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/instrument', samplePackage('bhutan-accession')),
      400,
      'missing_parameter',
    );
    expect(err.detail).toBe('The parameter treaty is required here; it must be one of: untoc, tip, som.');
    const fr = expectApiError(
      await postJson(t.app, '/api/v1/documents/instrument?lang=fr', samplePackage('bhutan-accession')),
      400,
      'missing_parameter',
    );
    expect(fr.detail).toBe(
      "Le paramètre treaty est requis ici ; il doit valoir l'une des valeurs suivantes : untoc, tip, som.",
    );
  });

  test('a single-treaty package defaults to its treaty', async () => {
    const res = await postJson(
      t.app,
      '/api/v1/documents/instrument',
      samplePackage('thailand-som-ratification'),
    );
    expect(res.status).toBe(200);
  });
});

describe('404 outside the API: a page, not JSON', () => {
  test.each([
    ['GET', '/no-such-page'],
    ['GET', '/index.html'],
    ['POST', '/'],
  ])('%s %s is the "Page not found" page', async (method, url) => {
    const res =
      method === 'GET'
        ? await request(t.app).get(url)
        : await request(t.app).post(url).type('form').send('a=1');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<h1 class="heading-l">Page not found</h1>');
  });
});

describe('404 not_found', () => {
  test.each([
    ['GET', '/api/v1/nope', "There is nothing at this address. GET /api/v1 lists the API's addresses."],
    ['GET', '/api/v1/documents', "There is nothing at this address. GET /api/v1 lists the API's addresses."],
  ])('%s %s', async (method, url, message) => {
    const res =
      method === 'GET'
        ? await request(t.app).get(url)
        : await request(t.app).post(url).set(JSON_TYPE).send('{}');
    const err = expectApiError(res, 404, 'not_found');
    expect(err.detail).toBe(message);
  });

  test('an unknown document name, with a valid package', async () => {
    for (const name of ['nope', 'instruments', 'full_powers', 'bundle.zip', '..%2Fvalidate']) {
      expectApiError(
        await postJson(t.app, `/api/v1/documents/${name}`, samplePackage('bhutan-accession')),
        404,
        'not_found',
      );
    }
  });

  test('an unknown API path with JSON, in French', async () => {
    const err = expectApiError(await postJson(t.app, '/api/v1/nothing?lang=fr', {}), 404, 'not_found');
    expect(err.detail).toBe(
      "Il n'y a rien à cette adresse. GET /api/v1 donne la liste des adresses de l'API.",
    );
  });

  test('a missing asset is a 404, not a 500', async () => {
    const res = await request(t.app).get('/assets/css/no-such.css');
    // express.static (fallthrough: false) passes an http-error with status 404 to the error handler.
    expectApiError(res, 404, 'not_found');
  });

  test('a path that climbs out of /assets is refused without a 500 and without the file', async () => {
    for (const url of [
      '/assets/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/css/%2e%2e/%2e%2e/README.md',
    ]) {
      const res = await request(t.app).get(url);
      expect(res.text).not.toContain('"dependencies"');
      expect(res.text).not.toContain('# Accession instrument drafting assistant');
      // serve-static answers 403 for a path that climbs out; the API reports it as not found.
      expect([403, 404]).toContain(res.status);
      expectErrorShape(res);
    }
  });
});

describe('413 payload_too_large', () => {
  let small: TestApp;
  beforeAll(() => {
    small = createTestApp({ bodyLimitBytes: 2048 });
  });
  afterAll(() => small.close());

  test('a body over the limit, on /validate and on a document', async () => {
    const big = { ...samplePackage('bhutan-accession'), padding: 'x'.repeat(4000) };
    for (const url of ['/api/v1/validate', '/api/v1/documents/bundle']) {
      const err = expectApiError(await postJson(small.app, url, big), 413, 'payload_too_large');
      expect(err.detail).toBe(
        'The request body is larger than 2 kB. A package is much smaller: check what is being sent.',
      );
    }
  });

  test('in French', async () => {
    const err = expectApiError(
      await postJson(small.app, '/api/v1/validate?lang=fr', { padding: 'x'.repeat(4000) }),
      413,
      'payload_too_large',
    );
    expect(err.detail).toBe(
      'Le corps de la requête dépasse 2\u202fko. Un dossier est bien plus petit : vérifiez ce qui est envoyé.',
    );
  });

  test('the limit applies to the decompressed body: a small gzip of a large body is refused', async () => {
    const bomb = zlib.gzipSync(JSON.stringify({ padding: ' '.repeat(1024 * 1024) }));
    expect(bomb.length).toBeLessThan(2048);
    expectApiError(
      await postRaw(small.app, '/api/v1/validate', bomb, { ...JSON_TYPE, 'Content-Encoding': 'gzip' }),
      413,
      'payload_too_large',
    );
  });

  test('a body under the limit is read', async () => {
    const res = await postJson(small.app, '/api/v1/validate', samplePackage('thailand-som-ratification'));
    expect(res.status).toBe(200);
  });

  test('the default limit (256 KB) lets a package with long texts through and stops 300 KB', async () => {
    const ok = {
      ...samplePackage('bhutan-accession'),
      declarations: [{ treaties: ['untoc'], kind: 'other', text: 'x'.repeat(4000) }],
    };
    expect((await postJson(t.app, '/api/v1/validate', ok)).status).toBe(200);
    expectApiError(
      await postJson(t.app, '/api/v1/validate', { padding: 'x'.repeat(300 * 1024) }),
      413,
      'payload_too_large',
    );
  });
});

describe('415 unsupported_media_type', () => {
  const body = JSON.stringify(samplePackage('thailand-som-ratification'));
  test.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['form-encoded', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'Content-Type': 'multipart/form-data; boundary=xyz' }],
    ['text/json', { 'Content-Type': 'text/json' }],
    ['application/xml', { 'Content-Type': 'application/xml' }],
    ['an unsupported charset', { 'Content-Type': 'application/json; charset=latin1' }],
  ])('%s', async (_label, headers) => {
    for (const url of ['/api/v1/validate', '/api/v1/documents/checklist']) {
      const err = expectApiError(await postRaw(t.app, url, body, headers), 415, 'unsupported_media_type');
      expect(err.detail).toBe('Send the package as JSON, with the header Content-Type: application/json.');
    }
  });

  test('no content type at all', async () => {
    const res = await request(t.app).post('/api/v1/validate');
    expectApiError(res, 415, 'unsupported_media_type');
    const withBody = await request(t.app).post('/api/v1/validate').send(Buffer.from(body));
    expectApiError(withBody, 415, 'unsupported_media_type');
  });

  test('an unknown content encoding', async () => {
    expectApiError(
      await postRaw(t.app, '/api/v1/validate', body, { ...JSON_TYPE, 'Content-Encoding': 'x-unknown' }),
      415,
      'unsupported_media_type',
    );
  });

  test('in French', async () => {
    const err = expectApiError(
      await postRaw(t.app, '/api/v1/validate?lang=fr', 'a=1', {
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
      415,
      'unsupported_media_type',
    );
    expect(err.detail).toBe("Envoyez le dossier en JSON, avec l'en-tête Content-Type: application/json.");
  });

  test('application/json with a charset of utf-8 is JSON', async () => {
    const res = await postRaw(t.app, '/api/v1/validate', body, {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(res.status).toBe(200);
  });
});

describe('422 invalid_package', () => {
  test('"2021-02-31" is schema.dateNotReal at signing.date, with its field label', async () => {
    const pkg = { ...samplePackage('bhutan-accession'), signing: { place: 'Thimphu', date: '2021-02-31' } };
    const err = expectApiError(await postJson(t.app, '/api/v1/validate', pkg), 422, 'invalid_package');
    expect(err.detail).toBe(
      'The package has 1 problem to correct before anything can be checked or produced.',
    );
    expect(err.issues).toEqual([
      {
        severity: 'error',
        code: 'schema.dateNotReal',
        message:
          'Date of signature of the instrument: this date does not exist in the calendar (check the day and the month).',
        path: 'signing.date',
        field: 'Date of signature of the instrument',
        source: null,
      },
    ]);
  });

  test('every issue is listed, in French with ?lang=fr', async () => {
    const pkg = {
      ...samplePackage('bhutan-accession'),
      party: { kind: 'state', code: 'XX' },
      signing: { date: '2021-02-31' },
      extra: true,
    };
    const err = expectApiError(
      await postJson(t.app, '/api/v1/validate?lang=fr', pkg),
      422,
      'invalid_package',
    );
    expect(err.detail).toBe(
      `Le dossier comporte ${err.issues.length} problèmes à corriger avant toute vérification ou production.`,
    );
    expect(err.issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['schema.state', 'party.code'],
        ['schema.dateNotReal', 'signing.date'],
      ]),
    );
    expect(err.issues.find((i) => i.path === 'signing.date')?.message).toBe(
      "Date de signature de l'instrument : cette date n'existe pas dans le calendrier (vérifiez le jour et le mois).",
    );
    expect(err.issues.some((i) => i.code === 'schema.unknownField')).toBe(true);
  });

  test('each document refuses an invalid package the same way', async () => {
    const pkg = { ...samplePackage('bhutan-accession'), deposit: { plannedOn: '15/01/2027' } };
    for (const name of [
      'instrument?treaty=untoc',
      'notifications',
      'full-powers',
      'checklist',
      'checklist?format=html',
      'bundle',
    ]) {
      const err = expectApiError(
        await postJson(t.app, `/api/v1/documents/${name}`, pkg),
        422,
        'invalid_package',
      );
      expect(err.issues.map((i) => [i.code, i.path])).toEqual([['schema.dateFormat', 'deposit.plannedOn']]);
    }
  });

  test("a document's 422 is /validate's, word for word, in the caller's language", async () => {
    const bad = { ...samplePackage('bhutan-accession'), signing: { date: '2021-02-31' }, extra: true };
    for (const body of [bad, [], 'x']) {
      const validate = await postJson(t.app, '/api/v1/validate?lang=fr', body);
      const bundle = await postJson(t.app, '/api/v1/documents/bundle?lang=fr', body);
      expectApiError(bundle, 422, 'invalid_package');
      expect(bundle.body).toEqual(validate.body);
    }
  });

  test('a body that is not an object has a readable issue message', async () => {
    for (const body of ['[]', '"x"', '42', 'null']) {
      const err = expectApiError(
        await postRaw(t.app, '/api/v1/validate', body, JSON_TYPE),
        422,
        'invalid_package',
      );
      expect(err.issues).toHaveLength(1);
      // Regression: a root issue's message was ": the value is of the wrong type." (an empty field label
      // then ": "); it must name the package, e.g. "The package: the value is of the wrong type."
      expect(err.issues[0]?.message).not.toMatch(/^\s*:/);
    }
  });
});

describe('422 final_refused', () => {
  /** Bhutan, with an unnamed signer and a ratification it cannot make (it never signed). */
  const incomplete = () => ({
    ...samplePackage('bhutan-accession'),
    treaties: [{ treaty: 'untoc', instrument: 'ratification' }],
    signatory: { name: null, title: 'Minister for Foreign Affairs', office: 'minister-for-foreign-affairs' },
  });

  test('lists the missing checklist items with their requirement ids, then the rule errors', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/instrument?treaty=untoc&mode=final', incomplete()),
      422,
      'final_refused',
    );
    expect(err.detail).toBe(
      'Final documents cannot be produced yet (1 item missing; 1 error). Produce a draft, or complete the package.',
    );
    expect(err.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'checklist.missing',
        requirement: 'vclt-7-2-a',
        path: 'signatory',
        message: "VCLT art. 7(2)(a): Signer of the instrument: enter the signer's name",
        source: expect.objectContaining({ instrument: 'vclt', article: '7(2)(a)' }),
      }),
      expect.objectContaining({
        severity: 'error',
        code: 'rules.instrumentType.notSignatory',
        path: 'treaties[0].instrument',
        field: 'Type of instrument',
        source: expect.objectContaining({ instrument: 'untoc', article: '36(4)' }),
      }),
    ]);
  });

  test('every document refuses final mode; draft mode still renders', async () => {
    for (const name of ['instrument', 'notifications', 'checklist', 'checklist?format=html&x=1', 'bundle']) {
      const url = `/api/v1/documents/${name}${name.includes('?') ? '&' : '?'}mode=final`;
      expectApiError(await postJson(t.app, url, incomplete()), 422, 'final_refused');
    }
    expect((await postJson(t.app, '/api/v1/documents/instrument', incomplete())).status).toBe(200);
    expect((await postJson(t.app, '/api/v1/documents/bundle', incomplete())).status).toBe(200);
  });

  test('in French, message and issues, with French typography', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/instrument?mode=final&lang=fr', inFrench(incomplete())),
      422,
      'final_refused',
    );
    expect(err.detail).toBe(
      'Les documents définitifs ne peuvent pas encore être produits (1 élément manquant ; 1 erreur). Produisez un projet ou complétez le dossier.',
    );
    const missing = err.issues.find((i) => i.code === 'checklist.missing');
    expect(missing?.requirement).toBe('vclt-7-2-a');
    expect(missing?.message).toMatch(/^CVDT, art\. 7\(2\)\(a\) : Signataire de l'instrument : /);
    expect(err.issues.find((i) => i.code === 'rules.instrumentType.notSignatory')?.field).toBe(
      "Type d'instrument",
    );
  });

  test('the issues are in the same language as the message', async () => {
    // An English package, a French reader (Accept-Language), no ?lang=.
    const res = await postJson(t.app, '/api/v1/documents/instrument?mode=final', incomplete(), {
      'Accept-Language': 'fr',
    });
    const err = expectApiError(res, 422, 'final_refused');
    expect(err.detail).toMatch(/^Les documents définitifs/);
    // The issues speak the request's language (fr), like the message, not the document's (en).
    expect(err.issues[0]?.message).toMatch(/^CVDT/);
  });

  test('full powers in final mode while their issuer is missing', async () => {
    const pkg = {
      ...samplePackage('bhutan-accession'),
      signatory: { name: 'Jane Envoy', title: 'Ambassador', office: 'other' },
    };
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/full-powers?mode=final', pkg),
      422,
      'final_refused',
    );
    expect(err.issues.map((i) => i.requirement)).toContain('vclt-7-1');
    expect((await postJson(t.app, '/api/v1/documents/full-powers', pkg)).status).toBe(200);
  });
});

describe('422 treaty_not_in_package and full_powers_not_needed', () => {
  test('an instrument for a treaty the package does not include', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/instrument?treaty=fp', samplePackage('bhutan-accession')),
      422,
      'treaty_not_in_package',
    );
    expect(err.detail).toBe(
      'The package does not include the treaty fp: add it to the package, or ask for one of: untoc, tip, som.',
    );
    const fr = expectApiError(
      await postJson(
        t.app,
        '/api/v1/documents/instrument?treaty=untoc&lang=fr',
        samplePackage('thailand-som-ratification'),
      ),
      422,
      'treaty_not_in_package',
    );
    expect(fr.detail).toBe(
      "Le dossier ne comprend pas le traité untoc : ajoutez-le au dossier, ou demandez l'un des suivants : som.",
    );
  });

  test('full powers for a Minister for Foreign Affairs', async () => {
    const err = expectApiError(
      await postJson(t.app, '/api/v1/documents/full-powers', samplePackage('bhutan-accession')),
      422,
      'full_powers_not_needed',
    );
    expect(err.detail).toBe(
      'Full powers are not needed: the signer is the Minister for Foreign Affairs, who represents the State without full powers (VCLT art. 7(2)(a)).',
    );
  });
});

describe('methods the API does not support', () => {
  test.each([
    ['put', '/api/v1/validate'],
    ['delete', '/api/v1/treaties'],
    ['patch', '/api/v1/documents/bundle'],
    ['delete', '/api/v1/documents/instrument'],
    ['put', '/api/v1'],
  ] as const)('%s %s is not a 500, and answers in the error shape', async (method, url) => {
    const res = await request(t.app)[method](url).set(JSON_TYPE).send('{}');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectErrorShape(res);
  });

  test.each([
    ['put', '/api/v1/validate', 'POST'],
    ['delete', '/api/v1/treaties', 'GET'],
    ['get', '/api/v1/validate', 'POST'],
  ] as const)('%s %s is 405 method_not_allowed', async (method, url, allow) => {
    const res = await request(t.app)[method](url).set(JSON_TYPE).send('{}');
    const err = expectApiError(res, 405, 'method_not_allowed');
    expect(err.detail).toMatch(
      new RegExp(`^This address does not accept ${method.toUpperCase()}; it accepts ${allow}`),
    );
    expect(res.headers.allow).toContain(allow);
  });

  test('OPTIONS names the methods an address accepts', async () => {
    const res = await request(t.app).options('/api/v1/validate');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('POST, OPTIONS');
  });

  test('HEAD on a GET endpoint answers like GET without a body', async () => {
    const res = await request(t.app).head('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('the error shape', () => {
  test('no error response is sent as HTML or text, and none leaks a stack', async () => {
    const responses = await Promise.all([
      postRaw(t.app, '/api/v1/validate', '{bad', JSON_TYPE),
      postRaw(t.app, '/api/v1/validate', 'x', { 'Content-Type': 'text/plain' }),
      request(t.app).get('/api/nope'),
      postJson(t.app, '/api/v1/validate', { party: null }),
      postJson(t.app, '/api/v1/documents/instrument?mode=xyz', {}),
    ]);
    for (const res of responses) {
      expectErrorShape(res);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(res.text).not.toContain('node_modules');
    }
  });
});
