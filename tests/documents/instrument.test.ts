/**
 * The instrument per treaty, built from real packages and read back from the .docx: it must read like
 * the UN Treaty Handbook model (LEGAL.md §1.2-1.3), with the treaty's exact title, place and date, the
 * right act, the signature recital only for ratification, acceptance or approval, and the reservations.
 */
import { TREATIES } from '../../server/catalogue';
import { renderDocx } from '../../server/documents/render-docx';
import { assess, docxPart, example, model, renderText } from './helpers';

const bhutan = example('bhutan-accession');
const thailand = example('thailand-som-ratification');

describe('instrument of accession (Bhutan, UNTOC)', () => {
  const a = assess(bhutan);

  it('reads like the Treaty Handbook model, sentence by sentence', async () => {
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'untoc', mode: 'final' }));
    expect(text).toContain('INSTRUMENT OF ACCESSION');
    expect(text).toContain(
      'WHEREAS the United Nations Convention against Transnational Organized Crime was adopted at New York on 15 November 2000,',
    );
    expect(text).toContain(
      'NOW THEREFORE I, Pema Example, Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan, declare that the Government of the Kingdom of Bhutan, having considered the above mentioned Convention, accedes to the same and undertakes faithfully to perform and carry out the stipulations therein contained.',
    );
    expect(text).toMatch(
      /IN WITNESS WHEREOF, I have signed this instrument of accession at Thimphu on _{10,}\./,
    );
    // Order: heading, WHEREAS, NOW THEREFORE, reservation, IN WITNESS WHEREOF, signature.
    const order = [
      'INSTRUMENT OF ACCESSION',
      'WHEREAS',
      'NOW THEREFORE',
      'article 35, paragraph 3',
      'IN WITNESS WHEREOF',
      'Pema Example',
    ];
    const positions = order.map((s) => text.lastIndexOf(s));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('has no signature recital: an accession recites no signature', async () => {
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'untoc' }));
    expect(text).not.toContain('AND WHEREAS');
  });

  it('makes the dispute-clause reservation of article 35(3) in the instrument itself', async () => {
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'untoc' }));
    expect(text).toContain(
      'In accordance with article 35, paragraph 3, of the Convention, the Government of the Kingdom of Bhutan declares that it does not consider itself bound by paragraph 2 of article 35.',
    );
    // The reservation was made for the Convention only: the Protocols' instruments do not carry it.
    const tip = await renderText(model(a, 'instrument', 'en', { treaty: 'tip' }));
    expect(tip).not.toContain('does not consider itself bound');
  });

  it('gives each Protocol its exact title', async () => {
    for (const treaty of ['tip', 'som'] as const) {
      const text = await renderText(model(a, 'instrument', 'en', { treaty }));
      expect(text).toContain(
        `WHEREAS the ${TREATIES[treaty].titles.en.text} was adopted at New York on 15 November 2000,`,
      );
      expect(text).toContain('having considered the above mentioned Protocol, accedes to the same');
    }
  });

  it('sets the document properties and the language', async () => {
    const docx = await renderDocx(model(a, 'instrument', 'en', { treaty: 'untoc' }));
    const core = await docxPart(docx, 'docProps/core.xml');
    expect(core).toContain(
      'INSTRUMENT OF ACCESSION: United Nations Convention against Transnational Organized Crime',
    );
    expect(core).toContain(
      '<dc:subject>United Nations Convention against Transnational Organized Crime</dc:subject>',
    );
    expect(await docxPart(docx, 'word/styles.xml')).toContain('w:val="en-GB"');
  });
});

describe('instrument of ratification (Thailand, Smuggling of Migrants Protocol)', () => {
  const a = assess(thailand);

  it('recites the signature on behalf of the Government, with the date from the UNTC data', async () => {
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'som', mode: 'final' }));
    expect(text).toContain('INSTRUMENT OF RATIFICATION');
    expect(text).toContain(
      'WHEREAS the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime was adopted at New York on 15 November 2000,',
    );
    expect(text).toContain(
      'AND WHEREAS the said Protocol has been signed on behalf of the Government of the Kingdom of Thailand on 18 December 2001,',
    );
    expect(text).toContain(
      'having considered the above mentioned Protocol, ratifies the same and undertakes faithfully',
    );
    expect(text).toContain(
      'IN WITNESS WHEREOF, I have signed this instrument of ratification at Bangkok on 8 January 2027.',
    );
  });

  it('in French: « terre, air et mer », agreement with « le Protocole », the French formal name contracted after « de »', async () => {
    const fr = assess({
      ...thailand,
      party: { kind: 'state', code: 'TH', formalName: 'le Royaume de Thaïlande' },
      documentLanguage: 'fr',
    });
    const text = await renderText(model(fr, 'instrument', 'fr', { treaty: 'som', mode: 'final' }));
    expect(text).toContain('INSTRUMENT DE RATIFICATION');
    expect(text).toContain(
      'CONSIDÉRANT QUE le Protocole contre le trafic illicite de migrants par terre, air et mer, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée a été adopté à New York le 15 novembre 2000,',
    );
    expect(text).toContain(
      'ET CONSIDÉRANT QUE ledit Protocole a été signé au nom du Gouvernement du Royaume de Thaïlande le 18 décembre 2001,',
    );
    expect(text).toContain(
      'déclare que le Gouvernement du Royaume de Thaïlande, ayant examiné le Protocole susmentionné, le ratifie',
    );
    expect(text).toContain(
      "EN FOI DE QUOI, j'ai signé le présent instrument de ratification à Bangkok, le 8 janvier 2027.",
    );
    expect(text).not.toMatch(/Land, Sea and Air/);
  });
});

describe('acceptance, approval and the Firearms Protocol', () => {
  // Japan signed UNTOC on 12 December 2000 and had not consented as at the 2014 data: a signatory that
  // may ratify, accept or approve. Its free text is in English, so the French instrument keeps it as is.
  const base = {
    party: { kind: 'state', code: 'JP', formalName: 'Japan' },
    signatory: {
      name: 'A. Example',
      title: 'Minister for Foreign Affairs of Japan',
      office: 'minister-for-foreign-affairs',
    },
  } as const;

  it('uses "accepts" for an acceptance, with the signature date from the data', async () => {
    const a = assess({ ...base, treaties: [{ treaty: 'untoc', instrument: 'acceptance' }] });
    expect(a.facts.treaties[0]!.signedPerData).toBe('2000-12-12');
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'untoc' }));
    expect(text).toContain('INSTRUMENT OF ACCEPTANCE');
    expect(text).toContain(
      'AND WHEREAS the said Convention has been signed on behalf of the Government of Japan on 12 December 2000,',
    );
    expect(text).toContain('accepts the same and undertakes faithfully');
    expect(text).toContain('IN WITNESS WHEREOF, I have signed this instrument of acceptance at');
  });

  it('recites the Firearms Protocol as adopted at New York on 31 May 2001, in both languages', async () => {
    const a = assess({
      party: { kind: 'state', code: 'BT', formalName: 'the Kingdom of Bhutan' },
      treaties: [
        { treaty: 'untoc', instrument: 'accession' },
        { treaty: 'fp', instrument: 'accession' },
      ],
    });
    const en = await renderText(model(a, 'instrument', 'en', { treaty: 'fp' }));
    expect(en).toContain(`WHEREAS the ${TREATIES.fp.titles.en.text} was adopted at New York on 31 May 2001,`);
    const fr = await renderText(model(a, 'instrument', 'fr', { treaty: 'fp' }));
    expect(fr).toContain(
      `CONSIDÉRANT QUE le ${TREATIES.fp.titles.fr.text} a été adopté à New York le 31 mai 2001,`,
    );
    expect(fr).toContain('y adhère');
  });

  it('uses "approves" for an approval', async () => {
    const a = assess({ ...base, treaties: [{ treaty: 'untoc', instrument: 'approval' }] });
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'untoc' }));
    expect(text).toContain('INSTRUMENT OF APPROVAL');
    expect(text).toContain('approves the same');
    const fr = await renderText(model(a, 'instrument', 'fr', { treaty: 'untoc' }));
    expect(fr).toContain("INSTRUMENT D'APPROBATION");
    expect(fr).toContain("la Convention susmentionnée, l'approuve");
    // The draft's formal name is the UN's English one ("Japan"): the French document prints the UN's French
    // formal name, contracted (« du Japon »).
    expect(fr).toContain(
      'ladite Convention a été signée au nom du Gouvernement du Japon le 12 décembre 2000,',
    );
  });

  it('prints a formal name the drafter typed otherwise as typed, in every language', async () => {
    const a = assess({
      ...base,
      party: { kind: 'state', code: 'JP', formalName: 'the State of Japan' },
      treaties: [{ treaty: 'untoc', instrument: 'approval' }],
    });
    const fr = await renderText(model(a, 'instrument', 'fr', { treaty: 'untoc' }));
    expect(fr).toContain('au nom du Gouvernement de the State of Japan');
  });
});

describe('draft markers and blanks', () => {
  it('shows a visible marker for every missing value, and lists it', async () => {
    const a = assess({
      party: { kind: 'state', code: 'BT' },
      treaties: [{ treaty: 'untoc', instrument: 'accession' }],
    });
    const m = model(a, 'instrument', 'en', { treaty: 'untoc' });
    const text = await renderText(m);
    expect(text).toContain(
      "the Government of [to be completed: the State's formal name, with its article (short name: Bhutan)]",
    );
    expect(text).toContain(
      "NOW THEREFORE I, [to be completed: the signer's name], [to be completed: the signer's title], declare",
    );
    expect(m.markers).toEqual(
      expect.arrayContaining([
        "the State's formal name, with its article (short name: Bhutan)",
        "the signer's name",
        "the signer's title",
      ]),
    );
    // The place and date are blank lines for completion by hand, not markers.
    expect(text).toMatch(/at _{10,} on _{10,}\./);
    const fr = await renderText(model(a, 'instrument', 'fr', { treaty: 'untoc' }));
    expect(fr).toContain(
      "le Gouvernement de [à compléter : nom officiel de l'État, avec son article (nom court : Bhoutan)]",
    );
  });

  it('keeps text that looks like markup literally', async () => {
    const a = assess({
      party: { kind: 'state', code: 'BT', formalName: 'the <b>Kingdom</b> & "Bhutan"' },
      treaties: [{ treaty: 'untoc', instrument: 'accession' }],
    });
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'untoc' }));
    expect(text).toContain('the Government of the <b>Kingdom</b> & "Bhutan"');
  });
});

describe('reservations and declarations', () => {
  const signed = {
    party: { kind: 'state', code: 'TH', formalName: 'the Kingdom of Thailand' },
    signatory: {
      name: 'S. Example',
      title: 'Minister of Foreign Affairs',
      office: 'minister-for-foreign-affairs',
    },
  } as const;

  it('confirms a reservation made on signature only when the package says so (VCLT 23(2))', async () => {
    const a = assess({
      ...signed,
      treaties: [
        {
          treaty: 'som',
          instrument: 'ratification',
          signatureReservations: [
            { text: 'Reservation A as made on signature.', confirm: true },
            { text: 'Reservation B, let go.', confirm: false },
          ],
        },
      ],
    });
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'som' }));
    expect(text).toContain(
      'The Government of the Kingdom of Thailand formally confirms the following reservation, made upon signature on 18 December 2001:',
    );
    expect(text).toContain('Reservation A as made on signature.');
    expect(text).not.toContain('Reservation B');
  });

  it('prints declarations under their own formula, for the treaties they name', async () => {
    const a = assess({
      ...signed,
      treaties: [{ treaty: 'som', instrument: 'ratification' }],
      declarations: [
        { treaties: ['som'], kind: 'territorial', text: 'The Protocol shall not apply to territory X.' },
        { treaties: ['som'], kind: 'interpretative', text: 'The Kingdom understands article 6 as follows.' },
      ],
    });
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'som' }));
    expect(text).toContain(
      'The Government of the Kingdom of Thailand makes the following declaration concerning the territorial application of the Protocol: The Protocol shall not apply to territory X.',
    );
    expect(text).toContain(
      'makes the following interpretative declaration: The Kingdom understands article 6 as follows.',
    );
    const fr = await renderText(model(a, 'instrument', 'fr', { treaty: 'som' }));
    expect(fr).toContain("concernant l'application territoriale du Protocole :");
  });

  it('has the organization declare its competence, and agrees « liée » in French', async () => {
    const a = assess({
      party: { kind: 'reio', code: 'EU' },
      treaties: [{ treaty: 'untoc', instrument: 'approval' }],
      signatory: { name: 'N. Example', title: 'President of the Council' },
      competence: [{ treaties: ['untoc'], text: 'Declaration text.' }],
      reservations: ['untoc-35-3'],
    });
    const text = await renderText(model(a, 'instrument', 'en', { treaty: 'untoc' }));
    expect(text).toContain(
      'AND WHEREAS the said Convention has been signed on behalf of the European Union on 12 December 2000,',
    );
    expect(text).toContain(
      'In accordance with article 36, paragraph 3, of the Convention, the European Union declares the extent of its competence with respect to the matters governed by the Convention as follows: Declaration text.',
    );
    const fr = await renderText(model(a, 'instrument', 'fr', { treaty: 'untoc' }));
    expect(fr).toContain(
      "l'Union européenne déclare ne pas se considérer liée par le paragraphe 2 de l'article 35.",
    );
    expect(fr).toContain("signée au nom de l'Union européenne le 12 décembre 2000");
  });
});
