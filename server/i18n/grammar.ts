/**
 * Grammar the templates cannot express alone ("of + a name" is each language's profile: languages.ts).
 */
import type { TFunction } from 'i18next';
import { profileOf, type Language } from './languages';

/**
 * An article reference written out in running text: "18(13)" -> "18, paragraph 13" (en),
 * "18, paragraphe 13" (fr); "16(5)(a)" -> "16, paragraph 5 (a)" / "16, paragraphe 5, alinéa a)".
 * A bare number ("29") or anything else is left as it is.
 */
export function articleInProse(article: string, t: TFunction, lng: Language): string {
  const m = /^(\d+)\((\d+)\)(?:\(([a-z])\))?$/.exec(article);
  if (!m) return article;
  const [, art, paragraph, sub] = m;
  const letter = profileOf(lng).letter ?? ((l: string) => l);
  return sub
    ? t('documents:articleProse.subparagraph', { article: art, paragraph, sub: letter(sub) })
    : t('documents:articleProse.paragraph', { article: art, paragraph });
}

/**
 * An article reference as a citation writes it in the language (legal:articleShort): "18(13)" in
 * English, "18, párr. 13" in Spanish, "第18条第13款" in Chinese, "الفقرة 13 من المادة 18" in Arabic.
 * "N(x)" is a subparagraph of an article with no paragraphs (UNTOC 2(j), the definitions). Anything
 * else is left as it is.
 */
export function articleShort(article: string, t: TFunction, lng: Language): string {
  const m = /^(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$/.exec(article);
  if (!m) return article;
  const [, art, paragraph, sub] = m;
  const letter = profileOf(lng).letter ?? ((l: string) => l);
  if (paragraph === undefined)
    return sub
      ? t('legal:articleShort.letter', { article: art, sub: letter(sub) })
      : t('legal:articleShort.plain', { article: art });
  return sub
    ? t('legal:articleShort.subparagraph', { article: art, paragraph, sub: letter(sub) })
    : t('legal:articleShort.paragraph', { article: art, paragraph });
}
