/**
 * A dispute-clause reservation withdrawn in a party's later notification (UNTOC 35(4), TIP 15(4), SOM
 * 20(4), FP 16(4)), read back from the .docx: one numbered paragraph per treaty citing its paragraph 4, in
 * English, French and Arabic (the European Union with the masculine verb), and nothing of it anywhere
 * when no reservation is withdrawn.
 */
import type { PackageInput } from '../../server/domain/package';
import { assess, assessIn, fixture, model, renderText } from './helpers';

const thailand = fixture('good', 'later-withdraws-dispute-reservation');

describe('withdrawing the dispute-clause reservation', () => {
  it('is notified under article 35, paragraph 4, of the Convention', async () => {
    const text = await renderText(model(assess(thailand), 'notifications', 'en'));
    expect(text).toContain(
      'In accordance with article 35, paragraph 4, of the Convention, the Government of the Kingdom of Thailand withdraws the reservation it made in accordance with paragraph 3 of that article.',
    );
    expect(text).toContain('As a party to the following treaties');
  });

  it('cites each Protocol’s own paragraph 4, and only for the reservations withdrawn', async () => {
    const both: PackageInput = {
      ...thailand,
      treaties: [
        { treaty: 'untoc', instrument: null },
        { treaty: 'tip', instrument: null },
      ],
      withdrawnReservations: ['tip-15-3'],
    };
    const text = await renderText(model(assess(both), 'notifications', 'en'));
    expect(text).toMatch(
      /In accordance with article 15, paragraph 4, of the Protocol .*withdraws the reservation/,
    );
    expect(text).not.toContain('article 35, paragraph 4');
  });

  it('in French, from the translation', async () => {
    const text = await renderText(model(assessIn(thailand, 'fr'), 'notifications', 'fr'));
    expect(text).toContain(
      'retire la réserve qu’il a formulée conformément au paragraphe 3 de cet article'.replace('’', "'"),
    );
  });

  it('by the European Union, in Arabic: the masculine verb (يسحب)', async () => {
    const eu: PackageInput = {
      ...thailand,
      party: { kind: 'reio', code: 'EU', formalName: null },
      treaties: [{ treaty: 'som', instrument: null }],
      withdrawnReservations: ['som-20-3'],
      documentLanguage: 'ar',
    };
    const text = await renderText(model(assessIn(eu, 'ar'), 'notifications', 'ar'));
    expect(text).toContain('يسحب');
    expect(text).not.toContain('تسحب');
  });

  it('says nothing of a withdrawal when none is made', async () => {
    const none: PackageInput = {
      ...thailand,
      withdrawnReservations: [],
      mlaLanguages: ['en'],
    };
    const text = await renderText(model(assess(none), 'notifications', 'en'));
    expect(text).not.toContain('withdraws');
    expect(text).toContain('article 18, paragraph 14');
  });
});

describe('extending a treaty to a territory by a later notification (VCLT 29)', () => {
  const newZealand = fixture('good', 'later-extends-to-territory');

  it('is a numbered paragraph under the treaty’s title, followed by the declaration', async () => {
    const text = await renderText(model(assess(newZealand), 'notifications', 'en'));
    expect(text).toContain(
      'With respect to the United Nations Convention against Transnational Organized Crime, the Government of New Zealand makes the following declaration concerning its territorial application:',
    );
    expect(text).toContain('The Convention shall extend to Tokelau.');
    expect(text).not.toContain('has no notification to make');
  });

  it('agrees with the treaty in French: « à l’égard de la Convention », « du Protocole »', async () => {
    const convention = await renderText(model(assessIn(newZealand, 'fr'), 'notifications', 'fr'));
    expect(convention).toContain(
      "À l'égard de la Convention des Nations Unies contre la criminalité transnationale organisée",
    );
    const protocol: PackageInput = {
      ...newZealand,
      treaties: [{ treaty: 'tip', instrument: null }],
      declarations: [
        { treaties: ['tip'], kind: 'territorial', text: 'Le Protocole s’applique aux Tokélaou.' },
      ],
    };
    const text = await renderText(model(assessIn(protocol, 'fr'), 'notifications', 'fr'));
    expect(text).toMatch(/À l'égard du Protocole/);
  });
});
