/**
 * Full powers (VCLT 2(1)(c), 7(1)(a)) for a signer who is not Head of State, Head of Government or
 * Minister for Foreign Affairs, issued by one of the three. Model: UN Treaty Handbook annex (LEGAL.md
 * §1.4, from memory, unverified; the checklist says so): "I, [name and title], HEREBY AUTHORIZE [name
 * and title] to [sign ...] the [title and date of treaty] on behalf of the Government of [State].
 * Done at [place] on [date]. [Signature]".
 */
import {
  concluded,
  dateOrBlank,
  finishModel,
  genderOf,
  partyParams,
  placeOrBlank,
  signatureBlock,
  signerPhrase,
  treatyTitle,
  type DocumentContext,
} from './context';
import { sentence } from './inline';
import type { Block, DocumentModel, Inline } from './model';

/** The list's last item ends the sentence: its separator (";", "；", "؛") becomes the language's full stop. */
function endList(ctx: DocumentContext, item: Inline[]): Inline[] {
  const last = item.length - 1;
  const end = item[last];
  if (end?.type !== 'text' || !LIST_SEPARATOR.test(end.text)) return item;
  return [
    ...item.slice(0, last),
    { ...end, text: end.text.replace(LIST_SEPARATOR, ctx.t('documents:fullPowers.listEnd')) },
  ];
}
const LIST_SEPARATOR = /\s*[;；؛]\s*$/u;

export function buildFullPowers(ctx: DocumentContext): DocumentModel {
  const { pkg, facts } = ctx.assessment;
  const t = ctx.t;
  const { party, ofParty } = partyParams(ctx);
  const issuer = pkg.fullPowers?.issuer ?? { name: null, title: null };
  const blocks: Block[] = [{ type: 'title', text: t('documents:fullPowers.heading') }];
  blocks.push({
    type: 'paragraph',
    style: 'recital',
    content: sentence(t, 'documents:fullPowers.issuer', { issuer: signerPhrase(ctx, issuer, 'issuer') }),
  });
  blocks.push({
    type: 'paragraph',
    style: 'recital',
    content: sentence(
      t,
      'documents:fullPowers.authorize',
      { signer: signerPhrase(ctx, pkg.signatory, 'signatory'), party, ofParty },
      { count: facts.treaties.length },
    ),
  });
  const items = facts.treaties.map((f) => {
    const adopted = concluded(ctx, f.treaty);
    return sentence(
      t,
      `documents:fullPowers.instrument.${f.choice.instrument}`,
      { title: treatyTitle(ctx, f.treaty), place: adopted.place, date: adopted.date },
      { context: genderOf(ctx, f.treaty) },
    );
  });
  blocks.push({
    type: 'list',
    items: items.map((item, i) => (i === items.length - 1 ? endList(ctx, item) : item)),
  });
  blocks.push({
    type: 'paragraph',
    style: 'recital',
    content: sentence(t, 'documents:fullPowers.done', {
      place: placeOrBlank(ctx, pkg.fullPowers?.place ?? null),
      date: dateOrBlank(ctx, pkg.fullPowers?.date ?? null),
    }),
  });
  blocks.push(signatureBlock(ctx, issuer, 'issuer'));
  return finishModel(
    ctx,
    'full-powers',
    { title: t('documents:fullPowers.heading'), subject: t('documents:fullPowers.subject') },
    blocks,
  );
}
