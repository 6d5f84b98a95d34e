/**
 * Outputs that said something untrue, each held to what it should say: a reservation of the declarations
 * list was called "Declaration N"; the note under every quote said it came from "six equally authentic
 * texts", the Treaty Handbook's model instruments and the Vienna Convention included; and a package both
 * ratifying and acceding showed a requirement quoting the two models twice, its citation and label repeated.
 */
import { createTestApp, type TestApp } from './test-app';
import { createDraft, JourneyClient, redirectOf, summaryRows, textOf } from './journey-helpers';

let t: TestApp;
let c: JourneyClient;

beforeAll(() => {
  t = createTestApp();
  c = new JourneyClient(t.app);
});
afterAll(() => t.close());

/** The "why we ask" box of a page: each requirement's summary, and its quotes with their model and source. */
function requirements(html: string) {
  expect(html).toContain('<div class="requirements">');
  const details = [...html.matchAll(/<details class="details">([\s\S]*?)<\/details>/g)].map((m) => m[1]!);
  return details.map((d) => ({
    summary: textOf(/<summary[^>]*>([\s\S]*?)<\/summary>/.exec(d)![1]!),
    models: [...d.matchAll(/<p class="quote-model">([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]!)),
    quotes: [...d.matchAll(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/g)].map((m) => textOf(m[1]!)),
    sources: [...d.matchAll(/<p class="source">([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]!)),
  }));
}

describe('a reservation of the declarations list is never called a declaration', () => {
  test('check answers, the list and the removal question name it "Reservation N"', async () => {
    const d = await createDraft(c, 'BT', ['untoc']);
    for (const [kind, text] of [
      ['territorial', 'The Convention applies to the whole territory of the Kingdom.'],
      ['reservation', 'The Kingdom does not consider itself bound by article 99.'],
    ] as const)
      redirectOf(await c.post(`${d.url}/declarations/new`, { treaties: 'untoc', kind, text }));

    const rows = summaryRows((await c.get(`${d.url}/check?lang=en`)).text);
    const keys = rows.map((r) => r.key);
    expect(keys).toContain('Declaration 1: Territorial application');
    expect(keys).toContain('Reservation 2');
    expect(keys.filter((k) => k.startsWith('Declaration 2'))).toEqual([]);
    expect(rows.find((r) => r.key === 'Reservation 2')!.value).toContain(
      'The Kingdom does not consider itself bound by article 99.',
    );

    const list = (await c.get(`${d.url}/declarations?lang=en`)).text;
    expect(list).toContain('Remove<span class="visually-hidden"> Reservation 2</span>');
    expect(list).not.toContain('Declaration 2');

    const row = t.store.drafts.get(d.id)!;
    const id = (JSON.parse(row.data) as { package: { declarations: { id: string }[] } }).package
      .declarations[1]!.id;
    const remove = (await c.get(`${d.url}/declarations/${id}/remove?lang=en`)).text;
    expect(textOf(remove)).toContain('Are you sure you want to remove Reservation 2?');
  });

  test('in French too: « Réserve 2 »', async () => {
    const d = await createDraft(c, 'BT', ['untoc']);
    redirectOf(
      await c.post(`${d.url}/declarations/new`, { treaties: 'untoc', kind: 'other', text: 'A declaration.' }),
    );
    redirectOf(
      await c.post(`${d.url}/declarations/new`, {
        treaties: 'untoc',
        kind: 'reservation',
        text: 'A reservation.',
      }),
    );
    const keys = summaryRows((await c.get(`${d.url}/check?lang=fr`)).text).map((r) => r.key);
    expect(keys).toContain('Réserve 2');
    expect(keys.filter((k) => k.startsWith('Déclaration'))).toEqual(['Déclaration 1 : Autre déclaration']);
  });
});

describe('the note under a quote says what the quoted text is', () => {
  test('a treaty article: one of the six equally authentic texts', async () => {
    const d = await createDraft(c, 'BT', ['untoc']);
    const [languages] = requirements((await c.get(`${d.url}/languages?lang=en`)).text);
    expect(languages!.sources).toHaveLength(1);
    expect(languages!.sources[0]).toMatch(
      /^Quoted from: United Nations Convention against Transnational Organized Crime, English authentic text\. The English text is one of the six equally authentic texts\.$/,
    );
  });

  test('the Vienna Convention: one of its authentic texts, no number', async () => {
    const d = await createDraft(c, 'BT', ['untoc']);
    const all = requirements((await c.get(`${d.url}/signatory?lang=en`)).text);
    expect(all.length).toBeGreaterThan(0);
    for (const r of all)
      for (const s of r.sources) {
        expect(s).toContain("The English text is one of the Vienna Convention's equally authentic texts.");
        expect(s).not.toContain('six');
      }
  });

  test('a Treaty Handbook model: a model instrument, not a treaty text', async () => {
    const d = await createDraft(c, 'BT', ['untoc']);
    const [party] = requirements((await c.get(`${d.url}/party?lang=en`)).text);
    expect(party!.sources).toHaveLength(1);
    expect(party!.sources[0]).toContain(
      'This is a model instrument of the Treaty Section, not a treaty text; it is quoted in English.',
    );
    expect(party!.sources[0]).not.toContain('authentic');
    const fr = requirements((await c.get(`${d.url}/party?lang=fr`)).text);
    expect(fr[0]!.sources[0]).not.toContain('foi');
  });
});

describe('a package both ratifying and acceding shows each model requirement once', () => {
  // Thailand signed the Smuggling of Migrants Protocol (ratification) but never the Firearms Protocol
  // (accession only).
  async function mixed() {
    const d = await createDraft(c, 'TH', ['som', 'fp']);
    redirectOf(
      await c.post(`${d.url}/instruments`, {
        'instrument-som': 'ratification',
        'instrument-fp': 'accession',
      }),
    );
    return d;
  }

  test.each([
    ['party', 'Name of the party'],
    ['signing', 'Place and date of signature'],
  ])('the %s page: one requirement, the two models each under its name', async (page, label) => {
    const d = await mixed();
    const all = requirements((await c.get(`${d.url}/${page}?lang=en`)).text);
    expect(all).toHaveLength(1);
    expect(all[0]!.summary).toContain(label.split(' ')[0]!);
    expect(all[0]!.models).toEqual([
      'Model instrument of ratification, acceptance or approval',
      'Model instrument of accession',
    ]);
    expect(all[0]!.quotes).toHaveLength(2);
    expect(all[0]!.quotes[0]).not.toEqual(all[0]!.quotes[1]);
    expect(all[0]!.sources).toHaveLength(2);
    expect(all[0]!.sources[1]).toContain('model instrument of accession');
  });

  test('a package taking one route quotes its model without a heading', async () => {
    const d = await createDraft(c, 'JP', ['untoc']);
    redirectOf(await c.post(`${d.url}/instruments`, { 'instrument-untoc': 'accession' }));
    const all = requirements((await c.get(`${d.url}/party?lang=en`)).text);
    expect(all).toHaveLength(1);
    expect(all[0]!.models).toEqual([]);
    expect(all[0]!.quotes).toHaveLength(1);
    expect(all[0]!.quotes[0]).toContain('accedes to the same');
  });
});
