/**
 * The note verbale covering the deposit (documents/build-note-verbale.ts), built from real packages and
 * read back from the .docx: the sender (the permanent mission, the ministry, an organization's
 * delegation), the instruments listed with their titles, the enclosures the package has (notifications,
 * full powers), the complimentary close, and the six languages' own diplomatic forms.
 */
import { renderDocx } from '../../server/documents/render-docx';
import { SUPPORTED_LANGUAGES } from '../../server/i18n';
import { assess, assessIn, example, i18n, model, renderText } from './helpers';

const bhutan = example('bhutan-accession');
const thailand = example('thailand-som-ratification');

describe('the note verbale', () => {
  it('from the permanent mission: the instruments, the notifications enclosed, the complimentary close', async () => {
    const text = await renderText(model(assess(bhutan), 'note-verbale', 'en'));
    expect(text).toContain(
      'The Permanent Mission of the Kingdom of Bhutan to the United Nations presents its compliments to the Secretary-General of the United Nations and has the honour to transmit herewith, for deposit, the following instruments of the Government of the Kingdom of Bhutan:',
    );
    expect(text).toContain(
      'the instrument of accession to the United Nations Convention against Transnational Organized Crime',
    );
    expect(text).toContain('The notifications to be made at the time of deposit are also enclosed.');
    // The Bhutan signer is the Minister for Foreign Affairs: no full powers.
    expect(text).not.toContain('full powers');
    expect(text).toContain(
      'The Permanent Mission of the Kingdom of Bhutan to the United Nations avails itself of this opportunity to renew to the Secretary-General of the United Nations the assurances of its highest consideration.',
    );
    expect(text).toContain('Attention: Treaty Section, Office of Legal Affairs');
    // The last instrument ends the sentence.
    expect(text).not.toMatch(/;\s*The notifications/);
  });

  it('from the ministry, one instrument, with full powers enclosed when the signer needs them', async () => {
    const a = assess({
      ...thailand,
      signatory: { name: 'Jane Envoy', title: 'Ambassador', office: 'other' },
      deposit: { ...(thailand.deposit ?? {}), noteBy: 'ministry' },
    });
    const text = await renderText(model(a, 'note-verbale', 'en'));
    expect(text).toContain(
      'The Ministry of Foreign Affairs of the Kingdom of Thailand presents its compliments to the Secretary-General of the United Nations and has the honour to transmit herewith, for deposit, the following instrument of the Government of the Kingdom of Thailand:',
    );
    expect(text).toContain(
      'the instrument of ratification of the Protocol against the Smuggling of Migrants',
    );
    expect(text).toContain('The full powers of the signatory of the instruments are also enclosed.');
    expect(text).toContain(
      'The Ministry of Foreign Affairs of the Kingdom of Thailand avails itself of this opportunity',
    );
  });

  it('for an organization, from its delegation', async () => {
    const a = assess({
      party: { kind: 'reio', code: 'EU', formalName: null },
      treaties: [{ treaty: 'untoc', instrument: 'approval' }],
      competence: [{ treaties: ['untoc'], text: 'The European Union declares its competence.' }],
    });
    const text = await renderText(model(a, 'note-verbale', 'en'));
    expect(text).toContain(
      'The Delegation of the European Union to the United Nations presents its compliments',
    );
  });

  it.each(SUPPORTED_LANGUAGES.map((l) => [l]))(
    'in %s: the opening and the close in that language, the reference blank',
    async (lng) => {
      const m = model(assessIn(bhutan, lng), 'note-verbale', lng);
      const text = await renderText(m);
      const t = i18n.t(lng);
      // The fixed words of the close (the State's name aside) are all there.
      const close = t('documents:noteVerbale.closing.mission', { ofState: '\u0000' }).split('\u0000');
      // (The text read back folds every run of white space, no-break spaces included, to one space.)
      const folded = (s: string) => s.replace(/\s+/g, ' ').trim();
      for (const part of close.map(folded).filter(Boolean)) expect(text).toContain(part);
      expect(text).toContain(folded(t('documents:noteVerbale.attention')));
      expect(m.direction).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      const docx = await renderDocx(m);
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    },
  );
});
