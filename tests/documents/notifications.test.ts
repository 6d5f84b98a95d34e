/**
 * The notifications document, the full powers and the checklist, built from real packages and read back
 * from the .docx. The law's conditions must show: 16(5)(a) only when extradition is conditional on a
 * treaty, 5(3) only when domestic law requires an organized criminal group or an act in furtherance,
 * a further central authority only for a named territory.
 */
import { renderDocx } from '../../server/documents/render-docx';
import { renderHtmlBody } from '../../server/documents/render-html';
import { assess, assessIn, docxPart, example, model, renderText } from './helpers';

const bhutan = example('bhutan-accession');

describe('notifications', () => {
  it('numbers one paragraph per notification that applies, citing its article, with directory entries', async () => {
    const text = await renderText(model(assess(bhutan), 'notifications', 'en', { mode: 'final' }));
    expect(text).toContain('NOTIFICATIONS TO THE SECRETARY-GENERAL OF THE UNITED NATIONS');
    expect(text).toContain(
      '1. In accordance with article 18, paragraph 13, of the Convention, the Government of the Kingdom of Bhutan designates the following central authority',
    );
    expect(text).toContain('Name Office of the Attorney General Unit International Cooperation Division');
    expect(text).toContain('E-mail mla@example.bt');
    expect(text).toContain('Time zone Asia/Thimphu (UTC+06:00)');
    expect(text).toContain('Urgent requests through INTERPOL accepted, in urgent circumstances');
    expect(text).toContain(
      '2. In accordance with article 18, paragraph 14, of the Convention, the Government of the Kingdom of Bhutan notifies that the following languages are acceptable to it for requests for mutual legal assistance: Dzongkha and English.',
    );
    expect(text).toContain(
      '3. In accordance with article 16, paragraph 5 (a), of the Convention, the Government of the Kingdom of Bhutan, which makes extradition conditional on the existence of a treaty, informs the Secretary-General of the United Nations that it will take the Convention as the legal basis for cooperation on extradition',
    );
    expect(text).toContain(
      'its domestic law requires an act in furtherance of the agreement for purposes of the offences',
    );
    expect(text).toContain('5. In accordance with article 31, paragraph 6, of the Convention');
    expect(text).toContain(
      '6. In accordance with article 8, paragraph 6, of the Protocol against the Smuggling of Migrants by Land, Sea and Air',
    );
    expect(text).toContain('Date of designation 4 January 2027');
    // Copies of laws "to follow" are not notified now.
    expect(text).not.toContain('article 6, paragraph 2 (d)');
  });

  it('leaves out 16(5)(a) when extradition is not conditional on a treaty, and 5(3) when neither element is required', async () => {
    const a = assess({
      ...bhutan,
      extradition: { conditionalOnTreaty: false, conventionAsLegalBasis: null },
      article5: { requiresOrganizedCriminalGroup: false, requiresActInFurtherance: false },
    });
    const text = await renderText(model(a, 'notifications', 'en'));
    expect(text).not.toContain('article 16, paragraph 5 (a)');
    expect(text).not.toContain('article 5, paragraph 3');
    expect(text).not.toContain('[to be completed');
  });

  it('marks unanswered conditions in a draft instead of guessing', async () => {
    const a = assess({
      ...bhutan,
      extradition: { conditionalOnTreaty: null },
      article5: {},
      authorities: [],
      mlaLanguages: [],
    });
    const text = await renderText(model(a, 'notifications', 'en'));
    expect(text).toContain('[to be completed: the central authority for mutual legal assistance]');
    expect(text).toContain('[to be completed: the languages acceptable for requests]');
    expect(text).toContain(
      '[to be completed: whether extradition is conditional on the existence of a treaty (article 16, paragraph 5 (a))]',
    );
    expect(text).toContain(
      '[to be completed: whether domestic law requires an organized criminal group or an act in furtherance (article 5, paragraph 3)]',
    );
  });

  it('prints the channel rows (diplomatic channels, INTERPOL, oral requests) under a central authority only', async () => {
    const channels = { diplomaticOnly: true, interpolForUrgent: true, oralForUrgent: false };
    const a = assess({
      ...bhutan,
      authorities: [
        ...(bhutan.authorities ?? []).filter((x) => !x.roles?.includes('som-8-6')),
        {
          roles: ['som-8-6'],
          name: 'Maritime Desk',
          email: ['sea@example.bt'],
          designatedOn: '2027-01-04',
          channels,
        },
      ],
    });
    const text = await renderText(model(a, 'notifications', 'en'));
    const maritime = text.slice(text.indexOf('Name Maritime Desk'));
    expect(maritime).toContain('E-mail sea@example.bt');
    // Regression: "Diplomatic channels ..." and "Urgent requests through INTERPOL ..." printed under 8(6).
    expect(maritime).not.toContain('Diplomatic channels');
    expect(maritime).not.toContain('INTERPOL');
    expect(text).toContain('Urgent requests through INTERPOL accepted, in urgent circumstances');
  });

  it("prints each authority's address in the order of its country: Canada's city before the postcode, the United Kingdom's postcode on a line of its own", async () => {
    const a = assess({
      ...bhutan,
      authorities: [
        ...(bhutan.authorities ?? []).filter((x) => !x.roles?.includes('untoc-18-13')),
        {
          roles: ['untoc-18-13'],
          name: 'International Assistance Group',
          email: ['iag@example.ca'],
          address: {
            lines: ['284 Wellington Street'],
            city: 'Ottawa ON',
            postcode: 'K1A 0H8',
            country: 'CA',
          },
        },
        {
          roles: ['untoc-18-13'],
          territory: 'Territory of Example',
          name: 'Territorial Justice Office',
          email: ['ca@example.org'],
          address: { lines: ['102 Petty France'], city: 'London', postcode: 'SW1H 9AJ', country: 'GB' },
        },
      ],
    });
    const docx = await renderDocx(model(a, 'notifications', 'en', { mode: 'final' }));
    // The body's text with a line per paragraph and per break (mammoth's raw text drops the breaks).
    const xml = await docxPart(docx, 'word/document.xml');
    const value = xml
      .replace(/<w:br\/>|<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&');
    const lines = value.split('\n').map((line) => line.trim());
    // Each address line is a line of its own, in the country's order.
    const after = (first: string, n: number) => lines.slice(lines.indexOf(first), lines.indexOf(first) + n);
    expect(after('284 Wellington Street', 3)).toEqual([
      '284 Wellington Street',
      'Ottawa ON K1A 0H8',
      'Canada',
    ]);
    expect(after('102 Petty France', 3)).toEqual(['102 Petty France', 'London', 'SW1H 9AJ']);
    expect(value).not.toContain('K1A 0H8 Ottawa');
  });

  it('designates a distinct central authority for a named special region or territory', async () => {
    const a = assess({
      ...bhutan,
      authorities: [
        ...(bhutan.authorities ?? []),
        {
          roles: ['untoc-18-13'],
          territory: 'Territory of Example',
          name: 'Territorial Justice Office',
          email: ['ca@example.org'],
        },
      ],
    });
    const text = await renderText(model(a, 'notifications', 'en'));
    expect(text).toContain(
      'designates the following distinct central authority for Territory of Example, a special region or territory with a separate system of mutual legal assistance:',
    );
  });

  it('is complete in French, with the French treaty titles and the passive for the legal basis', async () => {
    const a = assess({
      ...bhutan,
      party: { kind: 'state', code: 'BT', formalName: 'le Royaume du Bhoutan' },
      documentLanguage: 'fr',
    });
    const docx = await renderDocx(model(a, 'notifications', 'fr', { mode: 'final' }));
    const text = await renderText(model(a, 'notifications', 'fr', { mode: 'final' }));
    expect(text).toContain("NOTIFICATIONS AU SECRÉTAIRE GÉNÉRAL DE L'ORGANISATION DES NATIONS UNIES");
    expect(text).toContain(
      "Conformément à l'article 18, paragraphe 13, de la Convention, le Gouvernement du Royaume du Bhoutan désigne",
    );
    expect(text).toContain("Conformément à l'article 16, paragraphe 5, alinéa a), de la Convention");
    expect(text).toContain('que la Convention sera considérée comme la base légale');
    expect(text).toContain('du Protocole contre le trafic illicite de migrants par terre, air et mer');
    expect(text).toContain('dzongkha et anglais');
    expect(text).toContain('Date de désignation 4 janvier 2027');
    expect(await docxPart(docx, 'word/styles.xml')).toContain('w:val="fr-FR"');
  });

  it('says so when no notification is due (a Protocol joined by a party to the Convention)', async () => {
    const a = assess({
      party: { kind: 'state', code: 'TH', formalName: 'the Kingdom of Thailand' },
      treaties: [{ treaty: 'som', instrument: 'ratification' }],
    });
    const text = await renderText(model(a, 'notifications', 'en'));
    expect(text).toContain('No notification is due on the deposit of these instruments.');
    // Regression: it said "makes the notifications below:" followed by nothing, then "Done at" and a
    // signature block: a letter nobody would send.
    expect(text).not.toContain('makes the notifications below');
    expect(text).toContain(
      'On the deposit of its instruments concerning the following treaties, the Government of the Kingdom of Thailand has no notification to make to the Secretary-General of the United Nations:',
    );
    expect(text).toContain('there is nothing to sign or send');
    expect(text).not.toContain('Done at');
  });

  it('never says "makes the notifications below" followed by nothing, in any mode or language', async () => {
    const th = {
      party: { kind: 'state', code: 'TH', formalName: 'the Kingdom of Thailand' },
      treaties: [{ treaty: 'som', instrument: 'ratification' }],
    };
    for (const mode of ['draft', 'final'] as const) {
      const text = await renderText(model(assess(th), 'notifications', 'fr', { mode }));
      expect(text).not.toContain('fait les notifications ci-après');
      expect(text).toContain("n'a aucune notification à faire");
    }
  });

  it('keeps an 8(6) authority that is named but incomplete, marked, rather than dropping it', async () => {
    const a = assess({
      ...bhutan,
      authorities: [
        ...(bhutan.authorities ?? []).filter((x) => !x.roles?.includes('som-8-6')),
        { roles: ['som-8-6'], name: 'Department of Immigration', designatedOn: '2027-01-04' },
      ],
    });
    expect(a.finalAllowed).toBe(false);
    expect(a.checklist.missing.map((i) => i.id)).toEqual(['som-8-6']);
    const text = await renderText(model(a, 'notifications', 'en'));
    expect(text).toContain('of the Protocol against the Smuggling of Migrants by Land, Sea and Air');
    expect(text).toContain(
      '[to be completed: an address, telephone number or e-mail address of Department of Immigration]',
    );
  });
});

describe('full powers', () => {
  const withFullPowers = {
    ...bhutan,
    signatory: {
      name: 'K. Example',
      title: 'Permanent Representative of the Kingdom of Bhutan to the United Nations',
      office: 'other',
    },
    fullPowers: {
      issuer: {
        name: 'Pema Example',
        title: 'Minister for Foreign Affairs and External Trade',
        office: 'minister-for-foreign-affairs',
      },
      place: 'Thimphu',
      date: null,
    },
  } as const;

  it('authorizes the signer to sign each instrument, issued by one of the three offices', async () => {
    const text = await renderText(model(assess(withFullPowers), 'full-powers', 'en', { mode: 'final' }));
    expect(text).toContain('FULL POWERS');
    expect(text).toContain('I, Pema Example, Minister for Foreign Affairs and External Trade,');
    expect(text).toContain(
      'HEREBY AUTHORIZE K. Example, Permanent Representative of the Kingdom of Bhutan to the United Nations, to sign on behalf of the Government of the Kingdom of Bhutan the following instruments:',
    );
    expect(text).toContain(
      'the instrument of accession to the United Nations Convention against Transnational Organized Crime, adopted at New York on 15 November 2000;',
    );
    expect(text).toContain(
      'the instrument of accession to the Protocol to Prevent, Suppress and Punish Trafficking in Persons',
    );
    expect(text).toMatch(/Done at Thimphu on _{10,}\./);
  });

  it('ends the list of instruments with a full stop, not ";", in every language', async () => {
    const ends: Record<string, RegExp> = {
      en: /Organized Crime, adopted at New York on 15 November 2000\. Done at/,
      fr: /adopté à New York le 15 novembre 2000\. Fait à/,
      zh: /。\s*\S*订于/,
    };
    for (const [lng, end] of Object.entries(ends)) {
      const text = await renderText(model(assess(withFullPowers), 'full-powers', lng as 'en'));
      // Regression: the last instrument listed ended with ";" before "Done at".
      expect(text).toMatch(end);
      expect(text).not.toMatch(/[;；]\s*(Done at|Fait à)/);
    }
    const one = await renderText(
      model(
        assess({ ...withFullPowers, treaties: [{ treaty: 'untoc', instrument: 'accession' }] }),
        'full-powers',
        'en',
      ),
    );
    expect(one).toContain('adopted at New York on 15 November 2000. Done at');
  });

  it('in French, « au Protocole » and « à la Convention »', async () => {
    const text = await renderText(model(assess(withFullPowers), 'full-powers', 'fr'));
    expect(text).toContain('PLEINS POUVOIRS');
    expect(text).toContain(
      "l'instrument d'adhésion à la Convention des Nations Unies contre la criminalité transnationale organisée, adoptée à New York le 15 novembre 2000 ;",
    );
    expect(text).toContain(
      "l'instrument d'adhésion au Protocole contre le trafic illicite de migrants par terre, air et mer",
    );
  });

  it('the checklist marks full powers provided, and missing when the issuer is not given', () => {
    const provided = assess(withFullPowers).checklist.items.find((i) => i.id === 'vclt-7-1');
    expect(provided?.status).toBe('provided');
    const missing = assess({ ...withFullPowers, fullPowers: null });
    expect(missing.checklist.items.find((i) => i.id === 'vclt-7-1')?.status).toBe('missing');
    expect(missing.finalAllowed).toBe(false);
  });
});

describe('checklist', () => {
  it('lists every requirement with its article, status, due date and quoted text', async () => {
    const text = await renderText(model(assess(bhutan), 'checklist', 'en'));
    expect(text).toContain('Notification checklist');
    expect(text).toContain('Final documents can be produced');
    expect(text).toContain(
      'UNTOC art. 18(13): Central authority for mutual legal assistance Status Provided',
    );
    expect(text).toContain(
      '“Each State Party shall designate a central authority that shall have the responsibility and power',
    );
    expect(text).toContain(
      'UNTOC art. 31(6): Authority that can assist in developing measures to prevent transnational organized crime Status Provided',
    );
    expect(text).toContain(
      'UNTOC art. 6(2)(d): Copies of the laws against money-laundering Status To follow (not due at deposit) (the copies will follow after deposit)',
    );
    expect(text).toContain('Smuggling Protocol art. 8(6): Authority for requests concerning vessels');
    expect(text).toContain('Within one month of the designation on 4 January 2027: by 4 February 2027');
    expect(text).toContain(
      'UNTOC art. 36(3): Declaration of the extent of competence (ratification, acceptance or approval) Status Not applicable (only for regional economic integration organizations)',
    );
    expect(text).toContain('UNTOC art. 35(3): Reservation: not bound by article 35(2)');
    expect(text).toContain(
      // The Protocols' reservations quote the same words: one card for both, each named.
      'TIP Protocol art. 15(3): Reservation: not bound by article 15(2) (arbitration and the International Court of Justice); Smuggling Protocol art. 20(3): Reservation: not bound by article 20(2) (arbitration and the International Court of Justice) Status Optional, not made',
    );
    expect(text).toContain(
      '14 February 2027: the thirtieth day after deposit on 15 January 2027 (UNTOC art. 38(2))',
    );
    expect(text).toContain('Sources and verification');
  });

  describe("the Handbook model it quotes follows the package's instruments", () => {
    const OPERATIVE = {
      ratification: '[ratifies, accepts, approves] the same and undertakes faithfully',
      accession:
        'having considered the above-mentioned [treaty, convention, agreement, etc.], accedes to the same',
    };
    const WITNESS = {
      ratification:
        'I have signed this instrument of [ratification, acceptance, approval] at [place] on [date].',
      accession: 'I have signed this instrument of accession at [place] on [date].',
    };
    const korea = {
      party: { kind: 'state', code: 'KR', formalName: 'the Republic of Korea' },
      treaties: [
        { treaty: 'untoc', instrument: 'ratification' },
        { treaty: 'som', instrument: 'accession' },
      ],
    };
    /** The checklist's text read back from the .docx, and from the HTML (tags dropped, white space folded). */
    async function both(input: unknown): Promise<string[]> {
      const m = model(assess(input), 'checklist', 'en');
      const html = renderHtmlBody(m)
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/\s+/g, ' ');
      return [await renderText(m), html];
    }

    it('an accession quotes the model of accession, marked unverified', async () => {
      for (const text of await both(bhutan)) {
        expect(text).toContain(OPERATIVE.accession);
        expect(text).toContain(WITNESS.accession);
        expect(text).not.toContain(OPERATIVE.ratification);
        expect(text).not.toContain(WITNESS.ratification);
        expect(text).toContain(
          'Source: UN Treaty Handbook (Treaty Section, OLA, revised edition 2012), model instrument of accession;',
        );
        expect(text).toContain('Not verified: this text is from memory, not read in a copy of its source.');
      }
    });

    it('a ratification quotes the model of ratification, partly verified', async () => {
      for (const text of await both(example('thailand-som-ratification'))) {
        expect(text).toContain(OPERATIVE.ratification);
        expect(text).toContain(WITNESS.ratification);
        expect(text).not.toContain(OPERATIVE.accession);
        expect(text).not.toContain(WITNESS.accession);
        expect(text).toContain(
          'Partly verified: the beginning of this text was read in a copy of its source; the rest is from memory.',
        );
        expect(text).not.toContain('model instrument of accession');
      }
    });

    it('a package that ratifies one treaty and accedes to another quotes both, ratification first', async () => {
      for (const text of await both(korea)) {
        expect(text.indexOf(OPERATIVE.ratification)).toBeGreaterThan(-1);
        expect(text.indexOf(OPERATIVE.accession)).toBeGreaterThan(text.indexOf(OPERATIVE.ratification));
        expect(text).toContain(WITNESS.ratification);
        expect(text).toContain(WITNESS.accession);
      }
    });

    it('in French, the quotes stay English and the marks are French', async () => {
      const text = await renderText(model(assess(bhutan), 'checklist', 'fr'));
      expect(text).toContain(OPERATIVE.accession);
      expect(text).toContain(
        "Non vérifié : ce texte est cité de mémoire et n'a pas été lu dans une copie de sa source.",
      );
    });
  });

  it('says why each condition does or does not apply', async () => {
    const a = assess({
      ...bhutan,
      extradition: { conditionalOnTreaty: false },
      article5: { requiresOrganizedCriminalGroup: false, requiresActInFurtherance: false },
    });
    const text = await renderText(model(a, 'checklist', 'en'));
    expect(text).toContain(
      'UNTOC art. 16(5)(a): The Convention as legal basis for extradition Status Not applicable (extradition is not conditional on a treaty)',
    );
    expect(text).toContain(
      'UNTOC art. 5(3): Participation offences: organized criminal group or act in furtherance Status Not applicable (domestic law requires neither an organized criminal group nor an act in furtherance)',
    );
  });

  it("lists what blocks final documents, and the rules' errors", async () => {
    const a = assess({
      party: { kind: 'state', code: 'BT' },
      treaties: [{ treaty: 'untoc', instrument: 'ratification' }],
    });
    const text = await renderText(model(a, 'checklist', 'en'));
    expect(text).toContain('cannot be produced yet');
    expect(text).toContain('Missing: to complete before final documents');
    expect(text).toContain(
      'UNTOC art. 18(13): Central authority for mutual legal assistance (designate a central authority)',
    );
    expect(text).toContain('Errors');
    expect(text).toContain(
      'the UN Treaty Collection records no signature by this party, so it cannot deposit an instrument of ratification',
    );
  });

  it('in French, marks the English quotations and the partly verified French title of the Firearms Protocol', async () => {
    const a = assessIn(
      { ...bhutan, treaties: [...bhutan.treaties, { treaty: 'fp', instrument: 'accession' }] },
      'fr',
    );
    const m = model(a, 'checklist', 'fr');
    const docx = await renderDocx(m);
    const text = await renderText(m);
    expect(text).toContain('Liste de contrôle des notifications');
    expect(text).toContain("CTO, art. 18(13) : Autorité centrale pour l'entraide judiciaire");
    expect(text).toContain(
      'Titre officiel (Protocole relatif aux armes à feu) dans cette langue : partiellement vérifié',
    );
    expect(text).toContain('Les textes des traités sont cités dans le texte authentique anglais');
    // The answers are English, not yet translated: marked, and said.
    expect(text).toContain(
      'Les réponses rédigées en anglais et non encore traduites sont signalées par « à traduire »',
    );
    expect(text).toContain('[à traduire : Office of the Attorney General]');
    // The English quotations are marked as English for Word's proofing.
    expect(await docxPart(docx, 'word/document.xml')).toContain('w:val="en-GB"');
  });
});
