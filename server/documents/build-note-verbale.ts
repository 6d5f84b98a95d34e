/**
 * The note verbale covering the deposit: a third-person note from the permanent mission to the United
 * Nations (or the ministry of foreign affairs; for an organization, its delegation) to the Secretary-
 * General, transmitting the instruments for deposit, with the notifications and the full powers when the
 * package has them, and the complimentary close of diplomatic correspondence.
 *
 * Its wording is this project's model, not the Treaty Handbook's: the Handbook gives model instruments,
 * not a model covering note (LEGAL.md §1; the UNTC lists its notes verbales but no template was seen). The
 * documents page and the document's own description say so. A reservation is never put in the note: it
 * belongs in the instrument, signed by one of the three authorities (LEGAL.md §1.5).
 */
import { fullPowersFor } from '../domain/full-powers';
import type { Package } from '../domain/package';
import { notificationsAreLetter } from './build-notifications';
import {
  concluded,
  dateOrBlank,
  finishModel,
  genderOf,
  ofNamePhrase,
  partyParams,
  placeOrBlank,
  treatyTitle,
  type DocumentContext,
} from './context';
import { sentence, text } from './inline';
import type { Block, DocumentModel } from './model';

/** Who sends the note: an organization's mission is its delegation. */
function sender(pkg: Package): 'mission' | 'ministry' | 'delegation' {
  if (pkg.deposit.noteBy === 'ministry') return 'ministry';
  return pkg.party.kind === 'reio' ? 'delegation' : 'mission';
}

export function buildNoteVerbale(ctx: DocumentContext): DocumentModel {
  const { pkg, facts } = ctx.assessment;
  const t = ctx.t;
  const { ofParty } = partyParams(ctx);
  const ofState = ofNamePhrase(ctx);
  const from = sender(pkg);
  const later = facts.isLaterNotification;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      style: 'normal',
      content: sentence(t, 'documents:noteVerbale.reference', {
        number: { type: 'blank', label: t('documents:noteVerbale.number') },
      }),
    },
    {
      type: 'paragraph',
      style: 'recital',
      // A later notification transmits the notifications themselves, under the treaties they concern.
      content: sentence(
        t,
        `documents:noteVerbale.${later ? 'laterOpening' : 'opening'}.${from}`,
        { ofState, ofParty },
        { count: facts.treaties.length },
      ),
    },
    {
      type: 'list',
      items: facts.treaties.map((f, i) => {
        const adopted = concluded(ctx, f.treaty);
        const item = later
          ? sentence(t, 'documents:noteVerbale.laterTreaty', { title: treatyTitle(ctx, f.treaty) })
          : sentence(
              t,
              `documents:fullPowers.instrument.${f.choice.instrument}`,
              { title: treatyTitle(ctx, f.treaty), place: adopted.place, date: adopted.date },
              { context: genderOf(ctx, f.treaty) },
            );
        if (i < facts.treaties.length - 1) return item;
        // The last item ends the sentence (fullPowers.listEnd: "." or "。").
        const last = item[item.length - 1];
        return last?.type === 'text'
          ? [
              ...item.slice(0, -1),
              { ...last, text: last.text.replace(/\s*[;；؛]\s*$/u, t('documents:fullPowers.listEnd')) },
            ]
          : item;
      }),
    },
  ];
  const enclosed = later
    ? []
    : [
        ...(notificationsAreLetter(ctx) ? [t('documents:noteVerbale.enclosed.notifications')] : []),
        // Full powers go with the instrument when its signer holds none of the three offices (VCLT 7).
        ...(fullPowersFor(facts.pkg) === 'needed' ? [t('documents:noteVerbale.enclosed.fullPowers')] : []),
      ];
  for (const line of enclosed) blocks.push({ type: 'paragraph', style: 'recital', content: [text(line)] });
  blocks.push({
    type: 'paragraph',
    style: 'recital',
    content: sentence(t, `documents:noteVerbale.closing.${from}`, { ofState }),
  });
  blocks.push({
    type: 'paragraph',
    style: 'normal',
    content: sentence(t, 'documents:noteVerbale.placeDate', {
      place: placeOrBlank(ctx, from === 'ministry' ? null : t('documents:noteVerbale.newYork')),
      date: dateOrBlank(ctx, null),
    }),
  });
  blocks.push({
    type: 'paragraph',
    style: 'normal',
    content: [
      text(t('documents:noteVerbale.addressee')),
      { type: 'break' },
      text(t('documents:noteVerbale.attention')),
    ],
  });
  return finishModel(
    ctx,
    'note-verbale',
    {
      title: t('documents:noteVerbale.title'),
      subject: t(`documents:noteVerbale.${later ? 'laterSubject' : 'subject'}`),
    },
    blocks,
  );
}
