/**
 * What every document builder needs: the assessed package, the document's language and mode, and the
 * phrases every document shares (the party, the signer, a treaty's title, dates or blank lines), each
 * turning a missing value into a visible marker and recording it.
 */
import type { TFunction } from 'i18next';
import { TREATIES, type TreatyId } from '../catalogue';
import type { IsoDate } from '../catalogue/treaties';
import type { Assessment } from '../domain/validate';
import { formatDate, regionName } from '../i18n/format';
import { LANGUAGE_TAGS, profileOf, type Language } from '../i18n';
import { unFormalName, unLanguageOfFormalName } from '../catalogue/un-names';
import type { Translator } from '../i18n/messages';
import { blank, mergeText, sentence, text } from './inline';
import type { DocumentKind, DocumentModel, Inline, Block } from './model';

export type Mode = 'draft' | 'final';

export interface DocumentContext {
  readonly assessment: Assessment;
  readonly lng: Language;
  readonly mode: Mode;
  readonly t: TFunction;
  readonly tr: Translator;
  /** Today's date, for "prepared on" lines. */
  readonly today: IsoDate;
  /** A "[to be completed: ...]" marker for the missing value `whatKey` (documents:markers.*), recorded. */
  marker(whatKey: string, params?: Record<string, string>): Inline;
  /** The value, or a marker when it is null. */
  value(v: string | null, whatKey: string): Inline;
  /** The labels of the markers made so far. */
  readonly markers: readonly string[];
}

export function createContext(
  assessment: Assessment,
  tr: Translator,
  mode: Mode,
  today: IsoDate,
): DocumentContext {
  const markers: string[] = [];
  const t = tr.t;
  const marker = (whatKey: string, params: Record<string, string> = {}): Inline => {
    const what = t(`documents:markers.${whatKey}`, params);
    markers.push(what);
    return { type: 'marker', text: t('documents:marker', { what }) };
  };
  return {
    assessment,
    lng: tr.lng,
    mode,
    t,
    tr,
    today,
    marker,
    value: (v, whatKey) => (v === null ? marker(whatKey) : text(v)),
    markers,
  };
}

/**
 * The State's formal name in the document's language. The draft's name is the user's; when it is the
 * United Nations' formal name in one of its languages, the document prints the UN formal name in its own
 * language (« le Royaume du Bhoutan » in a French document of a draft that says "the Kingdom of Bhutan").
 */
export function formalNameIn(ctx: DocumentContext): string | null {
  const { party } = ctx.assessment.pkg;
  if (party.formalName === null) return null;
  const inDocument = unFormalName(party.code, ctx.lng);
  return inDocument !== undefined && unLanguageOfFormalName(party.code, party.formalName) !== undefined
    ? inDocument
    : party.formalName;
}

/**
 * The party as the subject of a sentence: "the Government of the Kingdom of Thailand",
 * « le Gouvernement du Royaume de Thaïlande », «Правительство Королевства Бутан», "the European Union".
 */
export function partyPhrase(ctx: DocumentContext): Inline[] {
  const { party } = ctx.assessment.pkg;
  if (party.kind === 'reio') return [text(party.formalName ?? ctx.t('documents:party.europeanUnion'))];
  const name: Inline | string =
    formalNameIn(ctx) ?? ctx.marker('formalName', { shortName: regionName(party.code, ctx.lng) });
  // "of the Kingdom of Thailand": contracted or declined where the language does (languages.ts).
  const of = profileOf(ctx.lng).of;
  const ofName =
    of && typeof name === 'string' ? [text(of(name))] : sentence(ctx.t, 'documents:party.of', { name });
  return sentence(ctx.t, 'documents:party.government', { ofName });
}

/**
 * "of" + the party's name alone (not its Government): "of the Kingdom of Bhutan", « du Royaume du
 * Bhoutan », «Королевства Бутан», "of the European Union": the Permanent Mission of ..., the Ministry of
 * Foreign Affairs of ...
 */
export function ofNamePhrase(ctx: DocumentContext): Inline[] {
  const { party } = ctx.assessment.pkg;
  const name: Inline | string =
    party.kind === 'reio'
      ? (party.formalName ?? ctx.t('documents:party.europeanUnion'))
      : (formalNameIn(ctx) ?? ctx.marker('formalName', { shortName: regionName(party.code, ctx.lng) }));
  const of = profileOf(ctx.lng).of;
  return of && typeof name === 'string' ? [text(of(name))] : sentence(ctx.t, 'documents:party.of', { name });
}

/**
 * The party after "of": "of the Government of ..." in English, « du Gouvernement ... » in French,
 * «Правительства ...» in Russian (the language's profile), or as documents:party.of places it.
 */
export function ofPartyPhrase(ctx: DocumentContext, party: readonly Inline[]): Inline[] {
  const [first, ...rest] = party;
  const of = profileOf(ctx.lng).of;
  if (of && first?.type === 'text') return mergeText([{ ...first, text: of(first.text) }, ...rest]);
  return sentence(ctx.t, 'documents:party.of', { name: party });
}

/** The same inline content with its first letter in capitals, for a sentence that starts with it. */
export function capitalized(content: readonly Inline[]): Inline[] {
  const [first, ...rest] = content;
  if (first?.type !== 'text' || first.text === '') return [...content];
  return [{ ...first, text: first.text.charAt(0).toLocaleUpperCase() + first.text.slice(1) }, ...rest];
}

/**
 * Every phrase a sentence about the party may use: {{party}}, {{Party}} at the start of a sentence
 * ("The Government of ..."), and {{ofParty}} after "of" / « de ».
 */
export function partyParams(ctx: DocumentContext): { party: Inline[]; Party: Inline[]; ofParty: Inline[] } {
  const party = partyPhrase(ctx);
  return { party, Party: capitalized(party), ofParty: ofPartyPhrase(ctx, party) };
}

/**
 * The key of a sentence whose subject is the party, for this party: a regional economic integration
 * organization has its own form of each (`…Organization`: "instrument.nowThereforeOrganization"), the
 * same words in English, because some languages make the verb and pronouns agree with the subject:
 * Arabic says تعيّن حكومة … (a Government, feminine) but يعيّن الاتحاد الأوروبي (the Union, masculine).
 */
export function partyKey(ctx: DocumentContext, key: string): string {
  return ctx.assessment.pkg.party.kind === 'reio' ? `${key}Organization` : key;
}

/** The signer's name and title, "Name, Title", with markers for what is missing. */
export function signerPhrase(
  ctx: DocumentContext,
  person: { name: string | null; title: string | null },
  who: 'signatory' | 'issuer',
): Inline[] {
  return mergeText([
    ctx.value(person.name, `${who}Name`),
    text(', '),
    ctx.value(person.title, `${who}Title`),
  ]);
}

/** The signature block: a line to sign on, then the person's name and title (markers when missing). */
export function signatureBlock(
  ctx: DocumentContext,
  person: { name: string | null; title: string | null },
  who: 'signatory' | 'issuer',
): Block {
  return {
    type: 'signature',
    lines: [[ctx.value(person.name, `${who}Name`)], [ctx.value(person.title, `${who}Title`)]],
  };
}

/** A date written out, or a blank line for completion by hand. */
export function dateOrBlank(ctx: DocumentContext, date: IsoDate | null): Inline {
  return date ? text(formatDate(date, ctx.lng)) : blank(ctx.t('documents:blank.date'));
}

export function placeOrBlank(ctx: DocumentContext, place: string | null): Inline {
  return place ? text(place) : blank(ctx.t('documents:blank.place'));
}

export function treatyTitle(ctx: DocumentContext, treaty: TreatyId): string {
  return TREATIES[treaty].titles[ctx.lng].text;
}

/** i18next context for agreement with the treaty's grammatical gender (French: la Convention, le Protocole). */
export function genderOf(ctx: DocumentContext, treaty: TreatyId): string {
  return ctx.t(`legal:treaties.${treaty}.gender`);
}

/** The place and date of conclusion, "New York" and "15 November 2000". */
export function concluded(ctx: DocumentContext, treaty: TreatyId): { place: string; date: string } {
  const c = TREATIES[treaty].concluded;
  return { place: ctx.t(`legal:places.${c.place}`), date: formatDate(c.date, ctx.lng) };
}

/** Assemble the model once the blocks are built, with the properties every document sets. */
export function finishModel(
  ctx: DocumentContext,
  kind: DocumentKind,
  properties: { title: string; subject: string; keywords?: readonly string[] },
  blocks: readonly Block[],
): DocumentModel {
  return {
    kind,
    lang: ctx.lng,
    languageTag: LANGUAGE_TAGS[ctx.lng],
    direction: profileOf(ctx.lng).direction,
    script: profileOf(ctx.lng).script,
    fonts: profileOf(ctx.lng).fonts,
    mode: ctx.mode,
    properties: {
      title: properties.title,
      subject: properties.subject,
      description: ctx.t(`documents:properties.description.${ctx.mode}`),
      keywords: ['UNTOC', ...(properties.keywords ?? [])].join(', '),
      creator: ctx.t('documents:properties.creator'),
    },
    footer: { page: ctx.t('documents:footer.page'), of: ctx.t('documents:footer.of') },
    markers: [...new Set(ctx.markers)],
    blocks,
  };
}
