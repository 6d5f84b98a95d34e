/**
 * Reservations and declarations of every kind in the instrument, read back from the .docx: each under the
 * words that say what it is ("makes the following reservation", "interpretative declaration"), the
 * dispute-clause reservation followed by the party's explanation, a reservation made on signature
 * confirmed as a reservation (VCLT 23(2)); in English and in French, from the translations. And the
 * checklist quotes VCLT 19 with VCLT 20(5) after it.
 */
import { assess, assessIn, fixture, model, renderText } from './helpers';

const freeText = fixture('good', 'free-text-reservation');
const withExplanation = fixture('good', 'dispute-reservation-with-explanation');
const RESERVATION =
  'The Republic of Korea does not consider itself bound by article 16, paragraph 10, with respect to its own nationals.';
/** Its first line (a line break is kept in the .docx, which mammoth reads back with no space). */
const EXPLANATION = 'The Republic of Korea settles its disputes with other States by negotiation.';

describe('a reservation made in free text', () => {
  it('prints under "makes the following reservation", apart from the interpretative declaration', async () => {
    const text = await renderText(model(assess(freeText), 'instrument', 'en', { treaty: 'untoc' }));
    expect(text).toContain(
      `The Government of the Republic of Korea makes the following reservation: ${RESERVATION}`,
    );
    expect(text).toContain(
      'The Government of the Republic of Korea makes the following interpretative declaration: The Republic understands article 5 as follows.',
    );
    expect(text).not.toContain('makes the following declaration:');
    // Before IN WITNESS WHEREOF: it is part of the instrument.
    expect(text.indexOf('makes the following reservation')).toBeLessThan(text.indexOf('IN WITNESS WHEREOF'));
  });

  it('is printed in each treaty it names, and only those', async () => {
    const tip = await renderText(model(assess(freeText), 'instrument', 'en', { treaty: 'tip' }));
    expect(tip).toContain(`makes the following reservation: ${RESERVATION}`);
    expect(tip).not.toContain('interpretative declaration');
  });

  it('in French: « formule la réserve suivante », with the translation of its text', async () => {
    const translated =
      'La République de Corée ne se considère pas liée par le paragraphe 10 de l’article 16.';
    const a = assessIn(
      {
        ...freeText,
        translations: {
          fr: {
            'declarations.d1.text': { text: translated, source: RESERVATION },
            'declarations.d2.text': {
              text: 'La République interprète l’article 5 comme suit.',
              source: 'The Republic understands article 5 as follows.',
            },
          },
        },
      },
      'fr',
    );
    const text = await renderText(model(a, 'instrument', 'fr', { treaty: 'untoc' }));
    expect(text).toContain(`formule la réserve suivante : ${translated}`);
    expect(text).toContain('fait la déclaration interprétative suivante : La République interprète');
  });
});

describe('the dispute-clause reservation with an explanation', () => {
  it('prints the explanation after the reservation it explains', async () => {
    const text = await renderText(model(assess(withExplanation), 'instrument', 'en', { treaty: 'untoc' }));
    const reservation =
      'the Government of the Republic of Korea declares that it does not consider itself bound by paragraph 2 of article 35.';
    expect(text).toContain(reservation);
    expect(text).toContain(
      `The Government of the Republic of Korea gives the following explanation of this reservation: ${EXPLANATION}`,
    );
    expect(text).toContain('It accepts the jurisdiction of the International Court of Justice case by case.');
    expect(text.indexOf(reservation)).toBeLessThan(text.indexOf('gives the following explanation'));
    expect(text.indexOf('gives the following explanation')).toBeLessThan(text.indexOf('IN WITNESS WHEREOF'));
  });

  it('is given for one treaty only: the other reservation has none', async () => {
    const tip = await renderText(model(assess(withExplanation), 'instrument', 'en', { treaty: 'tip' }));
    expect(tip).toContain('does not consider itself bound by paragraph 2 of article 15.');
    expect(tip).not.toContain('explanation');
  });

  it('in French, from its translation; untranslated, a draft marks it to be translated', async () => {
    const translated =
      'La République de Corée règle ses différends avec les autres États par la négociation.';
    const a = assessIn(
      {
        ...withExplanation,
        translations: {
          fr: {
            'reservationExplanations.untoc': {
              text: translated,
              source: withExplanation.reservationExplanations!.untoc!,
            },
          },
        },
      },
      'fr',
    );
    const text = await renderText(model(a, 'instrument', 'fr', { treaty: 'untoc' }));
    expect(text).toContain("déclare ne pas se considérer lié par le paragraphe 2 de l'article 35.");
    expect(text).toContain(`assortit cette réserve de l'explication suivante : ${translated}`);

    const untranslated = await renderText(
      model(assessIn(withExplanation, 'fr'), 'instrument', 'fr', { treaty: 'untoc' }),
    );
    expect(untranslated).toContain("assortit cette réserve de l'explication suivante :");
    expect(untranslated).toMatch(/traduire/);
  });
});

describe('a reservation made on signature (VCLT 23(2))', () => {
  it('confirmed, prints as a reservation; not confirmed, not at all', async () => {
    const signed = (confirm: boolean) =>
      assess({
        ...withExplanation,
        reservations: [],
        reservationExplanations: {},
        treaties: [
          {
            treaty: 'untoc',
            instrument: 'ratification',
            signatureReservations: [{ text: 'A reservation made on signature.', confirm }],
          },
        ],
      });
    const confirmed = await renderText(model(signed(true), 'instrument', 'en', { treaty: 'untoc' }));
    expect(confirmed).toMatch(
      /formally confirms the following reservation, made upon signature on [^:]+: A reservation made on signature\./,
    );
    const dropped = await renderText(model(signed(false), 'instrument', 'en', { treaty: 'untoc' }));
    expect(dropped).not.toContain('A reservation made on signature.');
  });
});

describe('the checklist', () => {
  it('quotes VCLT 19 for a free-text reservation, then VCLT 20(5), and lists it as supplied', async () => {
    const text = await renderText(model(assess(freeText), 'checklist', 'en'));
    expect(text).toContain('the reservation is incompatible with the object and purpose of the treaty.');
    expect(text).toMatch(/See also VCLT art\. 20\(5\):/);
    expect(text).toContain(
      'by the end of a period of twelve months after it was notified of the reservation',
    );
    expect(text).toContain(`Reservation: ${RESERVATION}`);
    expect(text).toContain('Interpretative declaration: The Republic understands article 5 as follows.');
  });

  it('calls FP 13(2) an identification, with no notification', async () => {
    const a = assess({
      ...withExplanation,
      treaties: [...(withExplanation.treaties ?? []), { treaty: 'fp', instrument: 'ratification' }],
    });
    const text = await renderText(model(a, 'checklist', 'en'));
    expect(text).toContain('Identification (no notification required)');
  });
});
