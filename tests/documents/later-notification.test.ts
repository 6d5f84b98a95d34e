/**
 * A party's later notification (purpose "notify", no instrument): the notifications, the note verbale
 * and the checklist, built from the fixtures and read back from the .docx. Thailand, a UNTOC party since
 * 17 October 2013 per the data, notifies a new central authority (UNTOC 18(13)); Albania notifies its
 * SOM 8(6) authority after the month; the European Union a modification of its competence (UNTOC 36(3)).
 *
 * The structure is asserted in English; in French, the same openings and the absence of the deposit's
 * wording (« Lors du dépôt », « aux fins de dépôt »).
 */
import { TREATIES } from '../../server/catalogue';
import type { Block } from '../../server/documents/model';
import { renderDocx } from '../../server/documents/render-docx';
import { renderHtml } from '../../server/documents/render-html';
import { SUPPORTED_LANGUAGES } from '../../server/i18n';
import { assess, docxText, fixture, model, renderText } from './helpers';

const thailand = fixture('good', 'later-central-authority-change');

function timelineOf(blocks: readonly Block[]): Extract<Block, { type: 'timeline' }> {
  const found = blocks.find((b): b is Extract<Block, { type: 'timeline' }> => b.type === 'timeline');
  if (!found) throw new Error('no timeline');
  return found;
}

const headingIds = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'heading' && b.id ? [b.id] : []));

describe('the notifications of a party, later', () => {
  it('open as made by a party, give the deposit date of its instrument, and cite 18(13)', async () => {
    const m = model(assess(thailand), 'notifications', 'en');
    const text = await renderText(m);
    expect(text).toContain(
      'As a party to the following treaties, the Government of the Kingdom of Thailand makes the notifications below:',
    );
    expect(text).toContain(
      'the United Nations Convention against Transnational Organized Crime (its instrument deposited on 17 October 2013)',
    );
    expect(text).toContain(
      '1. In accordance with article 18, paragraph 13, of the Convention, the Government of the Kingdom of Thailand designates the following central authority',
    );
    expect(text).toContain('Office of the Attorney General, International Affairs Department');
    expect(text).toContain('Done at Bangkok on 8 January 2027.');
    expect(text).not.toContain('On the deposit of its instruments');
    expect(text).not.toMatch(/instrument of (ratification|acceptance|approval|accession)/);
    // Only what it notifies: no languages, extradition or article 5 paragraph, and no marker for them.
    expect(m.blocks.filter((b) => b.type === 'paragraph' && b.number !== undefined)).toHaveLength(1);
    expect(text).not.toContain('[to be completed');
  });

  it('in French: as a party, the deposit date, the 18(13) paragraph, and nothing of a deposit', async () => {
    const text = await renderText(model(assess(thailand), 'notifications', 'fr'));
    expect(text).toContain(
      'En tant que partie aux traités suivants, le Gouvernement du Royaume de Thaïlande fait les notifications ci-après',
    );
    expect(text).toContain(
      'Convention des Nations Unies contre la criminalité transnationale organisée (instrument déposé le 17 octobre 2013)',
    );
    expect(text).toContain(
      "1. Conformément à l'article 18, paragraphe 13, de la Convention, le Gouvernement du Royaume de Thaïlande désigne l'autorité centrale suivante",
    );
    expect(text).toContain('17 octobre 2013');
    expect(text).not.toContain('Lors du dépôt');
    expect(text).not.toContain('instrument de ratification');
  });

  it('with nothing in them: no letter to sign, and still nothing of a deposit', async () => {
    const text = await renderText(
      model(assess(fixture('bad', 'later-nothing-notified')), 'notifications', 'en'),
    );
    expect(text).toContain(
      'As a party to the following treaties, the Government of the Kingdom of Thailand has no notification to make to the Secretary-General of the United Nations:',
    );
    expect(text).toContain('No notification has been entered yet.');
    // Nothing "due later" to point to in a later notification: it is empty until something is entered.
    expect(text).toContain('nothing to sign or send until the notification holds something to notify');
    expect(text).not.toContain('due later');
    expect(text).not.toContain('Done at');
    expect(text).not.toMatch(/deposit of (its|these) instruments/);
  });

  it('an organization: its modification of competence (UNTOC 36(3)) is the notification, with its text', async () => {
    const eu = fixture('good', 'later-eu-competence-modification');
    const text = await renderText(model(assess(eu), 'notifications', 'en'));
    expect(text).toContain(
      'As a party to the following treaties, the European Union makes the notifications below:',
    );
    expect(text).toContain(
      '1. In accordance with article 36, paragraph 3, of the Convention, the European Union informs the Secretary-General of the United Nations, as depositary, of the following modification in the extent of its competence:',
    );
    expect(text).toContain('its competence now extends to the matters listed in the annex');
    expect(text).not.toContain('has no notification to make');
    // An organization that acceded: 36(4).
    const acceded = await renderText(
      model(
        assess({ ...eu, priorConsents: [{ treaty: 'untoc', depositedOn: '2004-05-21', type: 'accession' }] }),
        'notifications',
        'en',
      ),
    );
    expect(acceded).toContain(
      '1. In accordance with article 36, paragraph 4, of the Convention, the European Union informs',
    );
    // Matters outside its competence were said with its instrument: not said again.
    const outside = await renderText(
      model(assess({ ...eu, outsideCompetence: ['untoc-18-13'] }), 'notifications', 'en'),
    );
    expect(outside).not.toContain('falls outside its competence');
  });
});

describe('the note verbale of a later notification', () => {
  it('transmits notifications under the treaty: not for deposit, no enclosure of notifications or full powers', async () => {
    // A signer who holds none of the three offices would need full powers for an instrument (VCLT 7).
    const a = assess({
      ...thailand,
      signatory: { name: 'Jane Envoy', title: 'Ambassador', office: 'other' },
    });
    const text = await renderText(model(a, 'note-verbale', 'en'));
    expect(text).toContain(
      'The Permanent Mission of the Kingdom of Thailand to the United Nations presents its compliments to the Secretary-General of the United Nations and has the honour to transmit herewith the notifications of the Government of the Kingdom of Thailand under the following treaty: the United Nations Convention against Transnational Organized Crime.',
    );
    expect(text).not.toContain('for deposit');
    expect(text).not.toContain('full powers');
    expect(text).not.toContain('also enclosed');
    expect(text).not.toMatch(/instrument/i);
  });

  it('in French: no « aux fins de dépôt », no full powers', async () => {
    const a = assess({
      ...thailand,
      signatory: { name: 'Jane Envoy', title: 'Ambassadeur', office: 'other' },
    });
    const text = await renderText(model(a, 'note-verbale', 'fr'));
    expect(text).toContain(
      'a l’honneur de lui transmettre ci-joint les notifications du Gouvernement du Royaume de Thaïlande au titre du traité suivant',
    );
    expect(text).not.toContain('aux fins de dépôt');
    expect(text).not.toContain('pleins pouvoirs');
    expect(text).not.toContain('instrument');
  });
});

describe('the checklist of a later notification', () => {
  it('says what is due with this notification, and has no deposit, entry into force or model instrument', async () => {
    const m = model(assess(thailand), 'checklist', 'en');
    const text = await docxText(await renderDocx(m));
    expect(text).toContain('Due with this notification, dated 8 January 2027');
    expect(text).toContain('With this notification, dated 8 January 2027');
    expect(text).toContain('Central authority (mutual legal assistance) (UNTOC 18(13))');
    // Nothing after a deposit, no entry into force claimed, no deposit date or place.
    expect(headingIds(m.blocks)).not.toContain('due-later');
    expect(text).not.toContain('After deposit');
    expect(text).not.toContain('Entry into force');
    expect(text).not.toContain('Planned deposit');
    expect(text).not.toContain('Place of deposit');
    expect(text).not.toContain('plan a deposit date');
    // The notification's own elements quote no model instrument.
    expect(text).not.toContain('IN WITNESS WHEREOF');
    expect(text).not.toContain('NOW THEREFORE');
    expect(text).not.toContain('Instrument wording: the UN Treaty Handbook model');
    // Nor is their heading cited to the Handbook's model instrument.
    expect(text).not.toMatch(/Treaty Handbook, model instrument[^\n]*of the notification/);
    expect(m.blocks.some((b) => b.type === 'heading' && JSON.stringify(b).includes('Handbook'))).toBe(false);
    expect(text).toContain('The elements of the notification itself (name, signer, place and date)');
    // Its own elements are the notification's, not an instrument's; no full powers for its signer.
    expect(text).toContain('Signer of the notification');
    expect(text).toContain('Place and date of signature of the notification');
    expect(text).toContain('Name of the State in the notification');
    expect(text).not.toMatch(/(Signer|Place and date of signature) of the instrument/);
    expect(text).not.toContain('Name of the State in the instrument');
    expect(text).not.toContain('Element of the instrument');
    expect(text).toContain('Kind Element of the notification');
    expect(text).not.toContain('another person with full powers');
    // The summary: the notification's date; the instrument the party deposited earlier.
    const summary = m.blocks.find(
      (b): b is Extract<Block, { type: 'fields' }> =>
        b.type === 'fields' && b.rows.some((r) => r.label === 'Party'),
    );
    expect(summary?.rows.map((r) => r.label)).toEqual(['Party', 'This notification', 'Final documents']);
    const table = m.blocks.find(
      (b): b is Extract<Block, { type: 'table' }> =>
        b.type === 'table' && b.caption === 'Treaties and instruments',
    );
    expect(table?.header).toEqual(['Treaty', 'Instrument', 'Signed']);
    expect(
      table?.rows.map((r) => r.map((cell) => cell.map((i) => ('text' in i ? i.text : '')).join(''))),
    ).toEqual([
      ['United Nations Convention against Transnational Organized Crime', 'ratification', '13 December 2000'],
    ]);
    const tl = timelineOf(m.blocks);
    expect(tl.caption).toBe('This notification and its deadlines');
    expect(tl.events.map((e) => [e.date, e.label])).toEqual([['2027-01-08', 'This notification']]);
    expect(tl.undated).toEqual([]);
  });

  it("at a glance: the notification's own elements are not cited to the Handbook; an instrument's are", async () => {
    const matrixRow = (m: ReturnType<typeof model>, label: string) => {
      const table = m.blocks.find(
        (b): b is Extract<Block, { type: 'table' }> =>
          b.type === 'table' && b.caption === 'Each requirement for each treaty of the draft',
      );
      const row = table?.rows.find((r) => r[0]?.some((i) => 'text' in i && i.text === label));
      return row?.map((cell) => cell.map((i) => ('text' in i ? i.text : '')).join(''));
    };
    const htmlText = (m: ReturnType<typeof model>) =>
      renderHtml(m, { stylesheetHref: 'document.css' })
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');

    const later = model(assess(thailand), 'checklist', 'en');
    const text = await docxText(await renderDocx(later));
    const overview = text.slice(text.indexOf('At a glance'), text.indexOf('Timeline'));
    // The matrix: no article for the name, or for the place and date; the signer keeps VCLT 7(2)(a).
    expect(overview).toContain('Name of the party Provided Notification');
    expect(overview).toContain('Place and date of signature Provided Notification');
    expect(overview).toContain('Signer VCLT 7(2)(a) Provided Notification');
    expect(matrixRow(later, 'Name of the party')).toEqual([
      'Name of the party',
      '',
      'Provided',
      'Notification',
    ]);
    // The list of what is due: the label alone.
    expect(overview).toContain(
      'Provided: Name of the party; Signer (VCLT 7(2)(a)); Place and date of signature; Central authority (mutual legal assistance) (UNTOC 18(13))',
    );
    expect(overview).not.toContain('Handbook');
    // The whole checklist, .docx and HTML alike, cites the Handbook nowhere.
    expect(text).not.toContain('Handbook');
    const html = htmlText(later);
    expect(html).toContain('At a glance');
    expect(html).toContain(
      'Provided: Name of the party; Signer (VCLT 7(2)(a)); Place and date of signature;',
    );
    expect(html).not.toContain('Handbook');
    // In French too.
    const fr = await docxText(await renderDocx(model(assess(thailand), 'checklist', 'fr')));
    expect(fr).not.toMatch(/Handbook|Manuel des traités/);

    // An instrument's elements do follow the Handbook's model: cited, in the matrix and the list.
    const instrument = model(assess(fixture('good', 'korea-ratifies-untoc-tip-fp')), 'checklist', 'en');
    const itext = await docxText(await renderDocx(instrument));
    expect(matrixRow(instrument, 'Name of the party')?.[1]).toBe('Treaty Handbook');
    expect(matrixRow(instrument, 'Place and date of signature')?.[1]).toBe('Treaty Handbook');
    expect(itext).toContain(
      'Provided: Name of the party (Treaty Handbook); Signer (VCLT 7(2)(a)); Place and date of signature (Treaty Handbook);',
    );
    expect(htmlText(instrument)).toContain('Name of the party (Treaty Handbook)');
  });

  it('SOM 8(6) notified after the month: its deadline, then the notification, and the warning', async () => {
    const m = model(assess(fixture('good', 'later-som-8-6-after-month')), 'checklist', 'en');
    const tl = timelineOf(m.blocks);
    expect(tl.events.map((e) => [e.date, e.label])).toEqual([
      ['2026-12-30', 'Deadline: Authority for vessels (smuggling by sea) (SOM Protocol 8(6))'],
      ['2027-01-08', 'This notification'],
    ]);
    const text = await docxText(await renderDocx(m));
    // Made with the notification, not "after deposit".
    expect(text).toMatch(
      /Due with this notification, dated 8 January 2027 Provided: [^.]*Authority for vessels/,
    );
    expect(text).toContain('this notification is dated 8 January 2027, after that date');
    expect(text).not.toContain('After deposit');
  });

  it('undated: "not dated yet" where the deposit would say "not planned"', async () => {
    const m = model(assess(fixture('good', 'later-som-8-6-undated-month-passed')), 'checklist', 'en');
    const text = await docxText(await renderDocx(m));
    expect(text).toContain('Due with this notification (not dated yet)');
    expect(timelineOf(m.blocks).undated).toEqual([{ label: 'This notification', when: 'not dated yet' }]);
    expect(text).not.toContain('not planned');
  });

  it('in French: no deposit heading, field or timeline entry', async () => {
    const m = model(assess(thailand), 'checklist', 'fr');
    const text = await docxText(await renderDocx(m));
    expect(text).not.toContain('Après le dépôt');
    expect(text).not.toContain('Dépôt prévu');
    expect(text).not.toContain('Lieu du dépôt');
    expect(text).not.toContain('Entrée en vigueur');
    expect(timelineOf(m.blocks).caption).toBe('La présente notification et ses échéances');
    expect(text).toContain('Les éléments de la notification elle-même');
    expect(text).toContain('Signataire de la notification');
    expect(text).not.toContain("Signataire de l'instrument");
  });
});

describe('in the six languages', () => {
  it.each(SUPPORTED_LANGUAGES.map((l) => [l]))(
    '%s: the three documents of a later notification render, with the title and no key left untranslated',
    async (lng) => {
      for (const pkg of [thailand, fixture('good', 'later-eu-competence-modification')]) {
        const a = assess(pkg);
        for (const name of ['notifications', 'note-verbale', 'checklist'] as const) {
          const text = await renderText(model(a, name, lng));
          expect({ name, title: text.includes(TREATIES.untoc.titles[lng].text) }).toEqual({
            name,
            title: true,
          });
          expect({ name, keys: text.match(/\b(documents|legal|common):[a-zA-Z]/g) ?? [] }).toEqual({
            name,
            keys: [],
          });
        }
      }
    },
  );
});
