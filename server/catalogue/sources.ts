/**
 * Where the legal facts in the catalogue come from. Every quote, title and date in the catalogue names
 * one of these sources, so a legal adviser can check it. Copied from ../shared/LEGAL.md (§2, §3, §4).
 */
export const SOURCES = {
  'nl-untoc': {
    title: 'United Nations Convention against Transnational Organized Crime, English authentic text',
    where:
      'Netherlands treaty database BWBV0001668, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-tip': {
    title: 'Trafficking in Persons Protocol, English authentic text',
    where:
      'Netherlands treaty database BWBV0001749, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-som': {
    title: 'Smuggling of Migrants Protocol, English authentic text',
    where:
      'Netherlands treaty database BWBV0001750, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-fp': {
    title: 'Firearms Protocol, English authentic text',
    where:
      'Netherlands treaty database BWBV0001710, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'nl-vclt': {
    title: 'Vienna Convention on the Law of Treaties (1969), English authentic text, 1155 UNTS 331',
    where:
      'Netherlands treaty database BWBV0003441, mirrored in github.com/statengeneraal/laws-markdown (HEAD 91556a80a2)',
  },
  'untc-status': {
    title: 'UN Treaty Collection, status pages of MTDSG chapter XVIII-12, -12-a, -12-b, -12-c',
    where: 'https://treaties.un.org/Pages/ShowMTDSGDetails.aspx?src=UNTSONLINE&mtdsg_no=XVIII-12&chapter=18',
  },
  'treaty-handbook': {
    title: 'UN Treaty Handbook (Treaty Section, OLA, revised edition 2012), model instruments',
    where:
      'model of ratification reproduced by the CBD Biosafety Clearing-House (bch.cbd.int/protocol/ratification.shtml); the rest from memory, unverified',
  },
  'treaty-handbook-accession': {
    title: 'UN Treaty Handbook (Treaty Section, OLA, revised edition 2012), model instrument of accession',
    where:
      'the Handbook annex named by the CBD Biosafety Clearing-House (bch.cbd.int/protocol/ratification.shtml); its text from memory, unverified: the model of ratification without the recital of signature',
  },
  'untc-2014': {
    title: 'UN Treaty Collection participant tables, scraped by github.com/zmjones/untreaties',
    where: 'commits b85e1e21be32 (2014-01-27) and 65551eafcd15 (2014-07-10)',
  },
  'seed-annex-3': {
    title:
      'Bali Process RSO / UNODC ROSEAP publication on the Smuggling of Migrants Protocol, Annex 3 (States parties, January 2021)',
    where: 'source: https://treaties.un.org, as printed in the publication',
  },
} as const;

export type SourceId = keyof typeof SOURCES;
