/**
 * Grammar the templates cannot express alone ("of + a name" is each language's profile: languages.ts).
 */
import type { TFunction } from 'i18next';

/**
 * An article reference written out in running text: "18(13)" -> "18, paragraph 13" (en),
 * "18, paragraphe 13" (fr); "16(5)(a)" -> "16, paragraph 5 (a)" / "16, paragraphe 5, alinéa a)".
 * A bare number ("29") or anything else is left as it is.
 */
export function articleInProse(article: string, t: TFunction): string {
  const m = /^(\d+)\((\d+)\)(?:\(([a-z])\))?$/.exec(article);
  if (!m) return article;
  const [, art, paragraph, sub] = m;
  return sub
    ? t('documents:articleProse.subparagraph', { article: art, paragraph, sub })
    : t('documents:articleProse.paragraph', { article: art, paragraph });
}
