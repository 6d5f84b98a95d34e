/**
 * Where the legal facts in the catalogue come from. Every quote, title and date in the catalogue names
 * one of these sources, so a legal adviser can check it. Copied from ../shared/LEGAL.md (§2, §3, §4).
 *
 * `kind` says what a text quoted from the source is, for the note that goes with the quote:
 *   treaty  an authentic text of the Convention or a Protocol (Arabic, Chinese, English, French, Russian
 *           and Spanish texts equally authentic, UNTOC art. 41(2))
 *   vclt    an authentic text of the Vienna Convention on the Law of Treaties
 *   model   a model instrument of the Treaty Handbook: a model to follow, not a treaty
 *   data    the depositary's records (participation data), never quoted as a requirement
 */
export const SOURCES = {
  'nl-untoc': {
    kind: 'treaty',
    title: 'United Nations Convention against Transnational Organized Crime, English authentic text',
    where:
      'Netherlands treaty database BWBV0001668, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-tip': {
    kind: 'treaty',
    title: 'Trafficking in Persons Protocol, English authentic text',
    where:
      'Netherlands treaty database BWBV0001749, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-som': {
    kind: 'treaty',
    title: 'Smuggling of Migrants Protocol, English authentic text',
    where:
      'Netherlands treaty database BWBV0001750, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-fp': {
    kind: 'treaty',
    title: 'Firearms Protocol, English authentic text',
    where:
      'Netherlands treaty database BWBV0001710, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-vclt': {
    kind: 'vclt',
    title: 'Vienna Convention on the Law of Treaties (1969), English authentic text, 1155 UNTS 331',
    where:
      'Netherlands treaty database BWBV0003441, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'untc-status': {
    kind: 'data',
    title: 'UN Treaty Collection, status pages of MTDSG chapter XVIII-12, -12-a, -12-b, -12-c',
    where: 'https://treaties.un.org/Pages/ShowMTDSGDetails.aspx?src=UNTSONLINE&mtdsg_no=XVIII-12&chapter=18',
  },
  'treaty-handbook': {
    kind: 'model',
    title: 'UN Treaty Handbook (Treaty Section, OLA, revised edition 2012), model instruments',
    where:
      'model of ratification reproduced by the CBD Biosafety Clearing-House (bch.cbd.int/protocol/ratification.shtml); the rest from memory, unverified',
  },
  'treaty-handbook-accession': {
    kind: 'model',
    title: 'UN Treaty Handbook (Treaty Section, OLA, revised edition 2012), model instrument of accession',
    where:
      'the Handbook annex named by the CBD Biosafety Clearing-House (bch.cbd.int/protocol/ratification.shtml); its text from memory, unverified: the model of ratification without the recital of signature',
  },
  'untc-2014': {
    kind: 'data',
    title: 'UN Treaty Collection participant tables, scraped by github.com/zmjones/untreaties',
    where: 'commits b85e1e21be32 (2014-01-27) and 65551eafcd15 (2014-07-10)',
  },
  'seed-annex-3': {
    kind: 'data',
    title:
      'Bali Process RSO / UNODC ROSEAP publication on the Smuggling of Migrants Protocol, Annex 3 (States parties, January 2021)',
    where: 'source: https://treaties.un.org, as printed in the publication',
  },
} as const;

export type SourceId = keyof typeof SOURCES;
export type SourceKind = (typeof SOURCES)[SourceId]['kind'];
