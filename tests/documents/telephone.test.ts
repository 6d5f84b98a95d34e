/**
 * A telephone number with an extension is kept, as stored (" ext. N"), in the documents that print the
 * authority's details (the notifications), in every language, and in both columns of a bilingual one.
 */
import { assessIn, docxText, fixture, i18n, renderText, model } from './helpers';
import { documentDocx } from '../../server/documents';
import { SUPPORTED_LANGUAGES } from '../../server/i18n';

const pkg = fixture('good', 'telephone-extension');
const numbers = [
  '+82 2 000 0000 ext. 5',
  '+82 2 000 0001 ext. 12',
  '+82 2 000 0002 ext. 345',
  '+82 2 000 0003 ext. 6',
];

describe('telephone extensions in the documents', () => {
  it.each(SUPPORTED_LANGUAGES)('the notifications keep each number with its extension (%s)', async (lng) => {
    const text = await renderText(model(assessIn(pkg, lng), 'notifications', lng, { mode: 'final' }));
    for (const n of numbers) expect(text).toContain(n);
  });

  it('the bilingual notifications keep them in both columns', async () => {
    const bilingual = await documentDocx(assessIn(pkg, 'ar'), 'notifications', {
      tr: { lng: 'ar', t: i18n.t('ar') },
      mode: 'draft',
      today: '2026-12-01',
      parallel: { assessment: assessIn(pkg, 'en'), tr: { lng: 'en', t: i18n.t('en') } },
    });
    const text = await docxText(bilingual);
    for (const n of numbers) expect(text.split(n).length - 1).toBe(2);
  });
});
