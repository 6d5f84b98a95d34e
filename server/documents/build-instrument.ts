/**
 * The instrument of ratification, acceptance, approval or accession for one treaty, in the UN Treaty
 * Handbook model (LEGAL.md §1.2-1.3): heading naming the act; WHEREAS recital with the treaty's title,
 * place and date of adoption; for ratification, acceptance or approval an AND WHEREAS recital with the
 * signature date; the NOW THEREFORE operative clause; the reservations and declarations made in the
 * instrument itself (the Treaty Section does not accept reservations made only in a covering note),
 * each under the words that say what it is, a dispute-clause reservation followed by the party's
 * explanation when it gives one; IN WITNESS WHEREOF with place and date (blank lines when left for
 * completion by hand); signature.
 */
import { TREATIES, disputeReservationId, type TreatyId } from '../catalogue';
import type { TreatyFacts } from '../domain/facts';
import { formatDate } from '../i18n/format';
import { articleInProse } from '../i18n/grammar';
import {
  concluded,
  dateOrBlank,
  finishModel,
  genderOf,
  partyKey,
  partyParams,
  placeOrBlank,
  signatureBlock,
  signerPhrase,
  treatyTitle,
  type DocumentContext,
} from './context';
import { sentence, text } from './inline';
import type { Block, DocumentModel } from './model';

export function buildInstrument(ctx: DocumentContext, treaty: TreatyId): DocumentModel {
  const { pkg, facts } = ctx.assessment;
  const t = ctx.t;
  const treatyFacts = facts.treaties.find((f) => f.treaty === treaty);
  if (!treatyFacts) throw new Error(`treaty ${treaty} is not in the package`);
  const type = treatyFacts.choice.instrument;
  const context = genderOf(ctx, treaty);
  const title = treatyTitle(ctx, treaty);
  const noun = t(`legal:treaties.${treaty}.noun`);
  const parties = partyParams(ctx);
  const { party, ofParty } = parties;
  const adopted = concluded(ctx, treaty);
  const blocks: Block[] = [{ type: 'title', text: t(`documents:instrument.heading.${type}`) }];
  const recital = (key: string, params: Parameters<typeof sentence>[2]) =>
    blocks.push({ type: 'paragraph', style: 'recital', content: sentence(t, key, params, { context }) });

  recital('documents:instrument.whereas', { title, place: adopted.place, date: adopted.date });
  if (type !== 'accession') {
    const signedOn = treatyFacts.signedOn
      ? text(formatDate(treatyFacts.signedOn, ctx.lng))
      : ctx.marker('signedOn');
    recital('documents:instrument.andWhereas', { noun, party, ofParty, date: signedOn });
  }
  recital(partyKey(ctx, 'documents:instrument.nowTherefore'), {
    signer: signerPhrase(ctx, pkg.signatory, 'signatory'),
    party,
    ofParty,
    noun,
    act: t(partyKey(ctx, `documents:instrument.act.${type}`), { context }),
  });

  blocks.push(...reservationsAndDeclarations(ctx, treatyFacts, parties, noun, context));

  recital('documents:instrument.inWitness', {
    type: t(`documents:instrument.typeOf.${type}`),
    place: placeOrBlank(ctx, pkg.signing.place),
    date: dateOrBlank(ctx, pkg.signing.date),
  });
  blocks.push(signatureBlock(ctx, pkg.signatory, 'signatory'));

  return finishModel(
    ctx,
    'instrument',
    {
      title: t('legal:titled', {
        before: t(`documents:instrument.heading.${type}`),
        after: t(`legal:treaties.${treaty}.name`),
      }),
      subject: title,
      keywords: [TREATIES[treaty].untcChapter, t(`legal:instrumentTypes.${type}`)],
    },
    blocks,
  );
}

/** Reservations and declarations for this treaty, each a paragraph of the instrument. */
function reservationsAndDeclarations(
  ctx: DocumentContext,
  choice: TreatyFacts,
  parties: ReturnType<typeof partyParams>,
  noun: string,
  context: string,
): Block[] {
  const { party, ofParty } = parties;
  const { pkg, facts } = ctx.assessment;
  const t = ctx.t;
  const blocks: Block[] = [];
  const para = (key: string, params: Parameters<typeof sentence>[2]) =>
    blocks.push({ type: 'paragraph', style: 'recital', content: sentence(t, key, params, { context }) });
  const quoted = (body: string) => blocks.push({ type: 'paragraph', style: 'quote', content: [text(body)] });
  const treaty = choice.treaty;
  const data = TREATIES[treaty];

  // VCLT 23(2): a reservation made on signature is maintained only if confirmed here.
  for (const reservation of choice.choice.signatureReservations.filter((r) => r.confirm === true)) {
    para(partyKey(ctx, 'documents:instrument.confirmsReservation'), {
      ...parties,
      date: choice.signedOn ? formatDate(choice.signedOn, ctx.lng) : ctx.marker('signedOn'),
    });
    quoted(reservation.text);
  }

  // UNTOC 35(3), TIP 15(3), SOM 20(3), FP 16(3).
  if ((pkg.reservations as readonly string[]).includes(disputeReservationId(treaty))) {
    para('documents:instrument.disputeReservation', {
      party,
      ofParty,
      noun,
      paragraph3: articleInProse(`${data.disputeArticle}(3)`, t, ctx.lng),
      article: data.disputeArticle,
      // French agreement: « lié » for a Government, « liée » for the Union.
      bound: t(`documents:instrument.bound.${pkg.party.kind}`),
    });
    // The party's own explanation of the reservation, after it (translated like any free-text answer).
    const explanation = pkg.reservationExplanations[treaty];
    if (explanation !== undefined) {
      para(partyKey(ctx, 'documents:instrument.reservationExplanation'), { ...parties, noun });
      quoted(explanation);
    }
  }

  // Competence of a regional economic integration organization (UNTOC 36(3)/(4) and equivalents).
  if (facts.isOrganization) {
    const article =
      choice.choice.instrument === 'accession'
        ? data.consentArticles.accession
        : data.consentArticles.ratification;
    const entry = pkg.competence.find((c) => c.treaties.includes(treaty));
    para('documents:instrument.competence', {
      party,
      ofParty,
      noun,
      article: articleInProse(article, t, ctx.lng),
    });
    blocks.push({
      type: 'paragraph',
      style: 'quote',
      content: [entry ? text(entry.text) : ctx.marker('competence')],
    });
  }

  // Each statement under the words that say what it is: "makes the following reservation" (VCLT 2(1)(d)),
  // "interpretative declaration", "declaration concerning the territorial application", "declaration".
  for (const declaration of pkg.declarations.filter((d) => d.treaties.includes(treaty))) {
    para(partyKey(ctx, `documents:instrument.declaration.${declaration.kind}`), { ...parties, noun });
    quoted(declaration.text);
  }
  return blocks;
}
