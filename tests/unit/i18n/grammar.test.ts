/**
 * Article references as each language cites and writes them (server/i18n/grammar.ts), read through the
 * real locale files: a citation never loses a paragraph or a subparagraph letter.
 */
import { createI18n } from '../../../server/i18n';
import { articleInProse, articleShort } from '../../../server/i18n/grammar';
import { PATHS } from '../../../server/paths';

const i18n = createI18n(PATHS.locales);

describe('articleShort, the article in a citation', () => {
  it.each([
    ['en', '2(j)', '2(j)'],
    ['en', '18(13)', '18(13)'],
    ['en', '16(5)(a)', '16(5)(a)'],
    ['en', '29', '29'],
    ['es', '2(j)', '2, apdo. j)'],
    ['es', '18(13)', '18, párr. 13'],
    ['zh', '2(j)', '第2条(j)项'],
    ['zh', '18(13)', '第18条第13款'],
    ['ar', '2(j)', 'الفقرة الفرعية (ي) من المادة 2'],
    ['ar', '16(5)(a)', 'الفقرة الفرعية (أ) من الفقرة 5 من المادة 16'],
    ['ar', '29', 'المادة 29'],
  ] as const)('%s: %s is written %s', (lng, article, expected) => {
    expect(articleShort(article, i18n.t(lng), lng)).toBe(expected);
  });

  it('keeps the letter of every article the rules cite with a letter and no paragraph (UNTOC 2(j))', () => {
    for (const lng of ['en', 'fr', 'ru', 'es', 'zh', 'ar'] as const)
      expect(articleShort('2(j)', i18n.t(lng), lng)).not.toBe(articleShort('2', i18n.t(lng), lng));
  });

  it('leaves what it does not recognise as it is', () => {
    expect(articleShort('Annex, para. 3', i18n.t('ar'), 'ar')).toBe('Annex, para. 3');
    expect(articleShort('18(13)(aa)', i18n.t('zh'), 'zh')).toBe('18(13)(aa)');
  });

  it('letters Arabic subparagraphs in abjad order past (j): (k) is (ك), (z) is (ض)', () => {
    expect(articleShort('2(k)', i18n.t('ar'), 'ar')).toBe('الفقرة الفرعية (ك) من المادة 2');
    expect(articleShort('1(5)(z)', i18n.t('ar'), 'ar')).toContain('(ض)');
  });
});

describe('articleInProse, the article in running text', () => {
  it('writes paragraph and subparagraph out, and leaves a bare number', () => {
    expect(articleInProse('18(13)', i18n.t('en'), 'en')).toMatch(/18.*13/);
    expect(articleInProse('18(13)', i18n.t('en'), 'en')).not.toBe('18(13)');
    expect(articleInProse('29', i18n.t('fr'), 'fr')).toBe('29');
  });
});
