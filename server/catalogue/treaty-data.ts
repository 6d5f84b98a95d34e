/**
 * The four treaties as data: UNTC chapter, official titles in the six UN languages (each with how far it
 * was verified), place and date of conclusion, adopting resolution, general entry into force, the
 * signature period and the articles the rules cite. Source: ../shared/LEGAL.md §0, §3, §4, §7.
 *
 * Adding a treaty means adding an entry here and its requirements in requirement-data.ts. This module
 * is data only (no function reads it here), so that a test can swap it for data extended with another
 * treaty (tests/unit/catalogue/fifth-treaty.test.ts); the functions over it are in treaties.ts.
 */
import { UN_LANGUAGE_CODES } from '../i18n/languages';
import type { SourceId } from './sources';

export const TREATY_IDS = ['untoc', 'tip', 'som', 'fp'] as const;
export type TreatyId = (typeof TREATY_IDS)[number];

/** The six languages the treaties are authentic in (UNTOC art. 41(2)), from the language list. */
export const UN_LANGUAGES = UN_LANGUAGE_CODES;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/**
 * How far a title was checked (LEGAL.md §4.2): `verified` = exact wording seen in a source;
 * `partly-verified` = a short form was seen and the tail ("supplementing ...") completed from memory;
 * `unverified` = from memory.
 */
export const VERIFICATION = ['verified', 'partly-verified', 'unverified'] as const;
export type Verification = (typeof VERIFICATION)[number];

export interface OfficialTitle {
  readonly text: string;
  readonly verification: Verification;
  readonly source: string;
}

/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Treaty {
  readonly id: TreatyId;
  /** MTDSG chapter in the UN Treaty Collection. */
  readonly untcChapter: string;
  /** The Convention a Protocol supplements; null for the Convention itself. */
  readonly parent: TreatyId | null;
  readonly titles: Readonly<Record<UnLanguage, OfficialTitle>>;
  /** "New York, 15 November 2000" as UNTC gives it. The place is a key into locales (places.*). */
  readonly concluded: { readonly place: 'new-york'; readonly date: IsoDate };
  readonly adoptedBy: { readonly resolution: string; readonly date: IsoDate };
  /** General entry into force, and the article under which it happened. */
  readonly entryIntoForce: { readonly date: IsoDate; readonly article: string };
  /** Signature window. `opened` for the Firearms Protocol is computed (30th day after adoption). */
  readonly signature: {
    readonly opened: IsoDate;
    readonly openedVerified: boolean;
    readonly closed: IsoDate;
    readonly article: string;
  };
  /** The article opening the treaty to ratification/acceptance/approval and to accession. */
  readonly consentArticles: { readonly ratification: string; readonly accession: string };
  /** The article for entry into force for a State joining later (the thirtieth-day rule). */
  readonly laterEntryIntoForceArticle: string;
  /** The settlement-of-disputes article whose paragraph 2 may be excluded by reservation. */
  readonly disputeArticle: string;
  readonly unts: { readonly volume: number; readonly page: number; readonly verified: boolean };
  readonly registration: string;
  readonly textDocument: string;
  readonly untcUrl: string;
  /** The source of the treaty's English authentic text (for quotes). */
  readonly textSource: SourceId;
  /**
   * Who signed and joined it (participation.ts): a file of ./data and its source, and a later snapshot
   * that adds consents the first lacks (the Smuggling Protocol's 2021 annex).
   */
  readonly participation: {
    readonly file: string;
    readonly source: SourceId;
    readonly later?: { readonly file: string; readonly source: SourceId };
  };
}

const SUPPLEMENTING_EN = 'supplementing the United Nations Convention against Transnational Organized Crime';

export const TREATIES: Readonly<Record<TreatyId, Treaty>> = {
  untoc: {
    id: 'untoc',
    untcChapter: 'XVIII-12',
    parent: null,
    titles: {
      en: {
        text: 'United Nations Convention against Transnational Organized Crime',
        verification: 'verified',
        source: 'UNTC XVIII-12; Netherlands treaty database text',
      },
      fr: {
        text: 'Convention des Nations Unies contre la criminalité transnationale organisée',
        verification: 'verified',
        source: 'UNODC directory of competent national authorities, ST/NAR.5/2011/2',
      },
      es: {
        text: 'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
        verification: 'verified',
        source: 'UNTC certified text 18-12S.doc; CNA directory',
      },
      ru: {
        text: 'Конвенция Организации Объединенных Наций против транснациональной организованной преступности',
        verification: 'verified',
        source: 'A/RES/55/25 Russian text as reproduced at fanyjok.com and hro-uz.narod.ru',
      },
      zh: {
        text: '联合国打击跨国有组织犯罪公约',
        verification: 'verified',
        source: 'UNODC Chinese edition; Macao Official Gazette (traditional characters)',
      },
      ar: {
        text: 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
        verification: 'verified',
        source: 'embedded in the Arabic title of the Firearms Protocol (decree.om)',
      },
    },
    concluded: { place: 'new-york', date: '2000-11-15' },
    adoptedBy: { resolution: 'A/RES/55/25', date: '2000-11-15' },
    entryIntoForce: { date: '2003-09-29', article: '38' },
    signature: { opened: '2000-12-12', openedVerified: true, closed: '2002-12-12', article: '36(1)' },
    consentArticles: { ratification: '36(3)', accession: '36(4)' },
    laterEntryIntoForceArticle: '38(2)',
    disputeArticle: '35',
    unts: { volume: 2225, page: 209, verified: true },
    registration: 'No. 39574',
    textDocument: 'A/55/383',
    untcUrl:
      'https://treaties.un.org/Pages/ShowMTDSGDetails.aspx?src=UNTSONLINE&mtdsg_no=XVIII-12&chapter=18',
    textSource: 'nl-untoc',
    participation: { file: 'participants-untoc.csv', source: 'untc-2014' },
  },
  tip: {
    id: 'tip',
    untcChapter: 'XVIII-12-a',
    parent: 'untoc',
    titles: {
      en: {
        text: `Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, ${SUPPLEMENTING_EN}`,
        verification: 'verified',
        source: 'UNTC XVIII-12-a',
      },
      fr: {
        text: 'Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants',
        verification: 'verified',
        source: 'French pages derived from fr.wikipedia; matches the UN French title from memory',
      },
      es: {
        text: 'Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
        verification: 'partly-verified',
        source: 'short form seen (bolsadecaracas.com quoting UNODA); the rest from memory',
      },
      ru: {
        text: 'Протокол о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за нее, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
        verification: 'unverified',
        source: 'from memory',
      },
      zh: {
        text: '联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书',
        verification: 'verified',
        source: 'Macao Official Gazette 2010/17 (traditional characters)',
      },
      ar: {
        text: 'بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
        verification: 'partly-verified',
        source: 'short form seen (DBpedia Arabic abstract); the rest from memory',
      },
    },
    concluded: { place: 'new-york', date: '2000-11-15' },
    adoptedBy: { resolution: 'A/RES/55/25', date: '2000-11-15' },
    entryIntoForce: { date: '2003-12-25', article: '17' },
    signature: { opened: '2000-12-12', openedVerified: true, closed: '2002-12-12', article: '16(1)' },
    consentArticles: { ratification: '16(3)', accession: '16(4)' },
    laterEntryIntoForceArticle: '17(2)',
    disputeArticle: '15',
    unts: { volume: 2237, page: 319, verified: true },
    registration: 'No. 39574',
    textDocument: 'A/55/383',
    untcUrl:
      'https://treaties.un.org/Pages/ShowMTDSGDetails.aspx?src=UNTSONLINE&mtdsg_no=XVIII-12-a&chapter=18',
    textSource: 'nl-tip',
    participation: { file: 'participants-tip.csv', source: 'untc-2014' },
  },
  som: {
    id: 'som',
    untcChapter: 'XVIII-12-b',
    parent: 'untoc',
    titles: {
      en: {
        text: `Protocol against the Smuggling of Migrants by Land, Sea and Air, ${SUPPLEMENTING_EN}`,
        verification: 'verified',
        source: 'UNTC XVIII-12-b',
      },
      // French order is "terre, air et mer", unlike the English "Land, Sea and Air" (LEGAL.md §4.2).
      fr: {
        text: 'Protocole contre le trafic illicite de migrants par terre, air et mer, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
        verification: 'verified',
        source: 'French pages (LEGAL.md §4.2)',
      },
      es: {
        text: 'Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
        verification: 'verified',
        source: 'whatconvention.org/es/ratifications/311 (accents restored)',
      },
      ru: {
        text: 'Протокол против незаконного ввоза мигрантов по суше, морю и воздуху, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
        verification: 'verified',
        source: 'pavlodar.com (upper case in the source)',
      },
      zh: {
        text: '联合国打击跨国有组织犯罪公约关于打击陆、海、空偷运移民的补充议定书',
        verification: 'unverified',
        source: 'from memory',
      },
      ar: {
        text: 'بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
        verification: 'partly-verified',
        source: 'short form seen (DBpedia Arabic abstract); the rest from memory',
      },
    },
    concluded: { place: 'new-york', date: '2000-11-15' },
    adoptedBy: { resolution: 'A/RES/55/25', date: '2000-11-15' },
    entryIntoForce: { date: '2004-01-28', article: '22' },
    signature: { opened: '2000-12-12', openedVerified: true, closed: '2002-12-12', article: '21(1)' },
    consentArticles: { ratification: '21(3)', accession: '21(4)' },
    laterEntryIntoForceArticle: '22(2)',
    disputeArticle: '20',
    unts: { volume: 2241, page: 507, verified: false },
    registration: 'No. 39574',
    textDocument: 'A/55/383',
    untcUrl:
      'https://treaties.un.org/Pages/ShowMTDSGDetails.aspx?src=UNTSONLINE&mtdsg_no=XVIII-12-b&chapter=18',
    textSource: 'nl-som',
    participation: {
      file: 'participants-som.csv',
      source: 'untc-2014',
      later: { file: 'participants-som-annex3-2021.csv', source: 'seed-annex-3' },
    },
  },
  fp: {
    id: 'fp',
    untcChapter: 'XVIII-12-c',
    parent: 'untoc',
    titles: {
      en: {
        text: `Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, ${SUPPLEMENTING_EN}`,
        verification: 'verified',
        source: 'UNTC XVIII-12-c (capitalisation "Their Parts" as UNTC)',
      },
      fr: {
        text: "Protocole contre la fabrication et le trafic illicites d'armes à feu, de leurs pièces, éléments et munitions, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée",
        verification: 'partly-verified',
        source: 'short form seen (French pages); the rest from memory',
      },
      es: {
        text: 'Protocolo contra la fabricación y el tráfico ilícitos de armas de fuego, sus piezas y componentes y municiones, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
        verification: 'partly-verified',
        source: 'short form seen (bolsadecaracas.com quoting UNODA); the rest from memory',
      },
      ru: {
        text: 'Протокол против незаконного изготовления и оборота огнестрельного оружия, его составных частей и компонентов, а также боеприпасов к нему, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
        verification: 'verified',
        source: 'zaki.ru',
      },
      zh: {
        text: '联合国打击跨国有组织犯罪公约关于打击非法制造和贩运枪支及其零部件和弹药的补充议定书',
        verification: 'unverified',
        source: 'from memory',
      },
      ar: {
        text: 'بروتوكول مكافحة صنع الأسلحة النارية وأجزائها ومكوناتها والذخيرة والاتجار بها بصورة غير مشروعة، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
        verification: 'verified',
        source: 'decree.om/?p=10977',
      },
    },
    concluded: { place: 'new-york', date: '2001-05-31' },
    adoptedBy: { resolution: 'A/RES/55/255', date: '2001-05-31' },
    entryIntoForce: { date: '2005-07-03', article: '18(1)' },
    // FP 17(1): open "from the thirtieth day after its adoption": computed as 30 June 2001; UNTC's own
    // wording of that date was not seen (LEGAL.md §3.4 note).
    signature: { opened: '2001-06-30', openedVerified: false, closed: '2002-12-12', article: '17(1)' },
    consentArticles: { ratification: '17(3)', accession: '17(4)' },
    laterEntryIntoForceArticle: '18(2)',
    disputeArticle: '16',
    unts: { volume: 2326, page: 209, verified: true },
    registration: 'No. 39574',
    textDocument: 'A/55/383/Add.2',
    untcUrl:
      'https://treaties.un.org/Pages/ShowMTDSGDetails.aspx?src=UNTSONLINE&mtdsg_no=XVIII-12-c&chapter=18',
    textSource: 'nl-fp',
    participation: { file: 'participants-fp.csv', source: 'untc-2014' },
  },
};
