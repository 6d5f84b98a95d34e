/**
 * Grammar the templates cannot express alone.
 *
 * French "de" before a noun phrase contracts with the article: de + le = du, de + les = des, and elides
 * before a vowel (d'Israël); "la" and "l'" stay ("de la République", "de l'Union"). Used for
 * "au nom du Gouvernement du Royaume de Thaïlande".
 */
import type { TFunction } from 'i18next';

export function frenchDe(phrase: string): string {
  const p = phrase.trim();
  if (/^le\s/i.test(p)) return `du ${p.slice(3)}`;
  if (/^les\s/i.test(p)) return `des ${p.slice(4)}`;
  if (/^(la\s|l['’])/i.test(p)) return `de ${p}`;
  if (/^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(p)) return `d’${p}`;
  return `de ${p}`;
}

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
