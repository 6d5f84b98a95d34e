/**
 * An authority's address on the pages, in the order of its country (server/catalogue/address-formats.ts):
 * check answers (one line, comma-separated) and the list of central authorities (a line each) print a
 * Canadian address city first, "Ottawa ON K1A 0H8", and a British one with the postcode after the city.
 */
import { JourneyClient, textOf } from './journey-helpers';
import { createTestApp, draftThroughApi, samplePackage, type TestApp } from './test-app';

let t: TestApp;
let c: JourneyClient;
beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

test('check answers and the list of central authorities print each address in its country order', async () => {
  const pkg = samplePackage('bhutan-accession');
  const authorities = (pkg.authorities as Record<string, unknown>[]).filter(
    (a) => !(a.roles as string[]).includes('untoc-18-13'),
  );
  const draft = await draftThroughApi(t.app, {
    ...pkg,
    authorities: [
      ...authorities,
      {
        roles: ['untoc-18-13'],
        name: 'International Assistance Group',
        email: ['iag@example.ca'],
        address: { lines: ['284 Wellington Street'], city: 'Ottawa ON', postcode: 'K1A 0H8', country: 'CA' },
      },
      {
        roles: ['untoc-18-13'],
        territory: 'Territory of Example',
        name: 'Territorial Justice Office',
        email: ['tjo@example.org'],
        address: { lines: ['102 Petty France'], city: 'London', postcode: 'SW1H 9AJ', country: 'GB' },
      },
    ],
  });
  const check = textOf((await c.get(`${draft.url}/check`)).text);
  expect(check).toContain('284 Wellington Street, Ottawa ON K1A 0H8, Canada');
  expect(check).toContain('102 Petty France, London, SW1H 9AJ, United Kingdom');
  const list = textOf((await c.get(`${draft.url}/central-authorities`)).text);
  expect(list).toContain('284 Wellington Street Ottawa ON K1A 0H8 Canada');
  expect(list).toContain('102 Petty France London SW1H 9AJ United Kingdom');
  for (const text of [check, list]) expect(text).not.toContain('K1A 0H8 Ottawa');
});
