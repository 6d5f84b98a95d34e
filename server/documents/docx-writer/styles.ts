/**
 * styles.xml and numbering.xml, as render-docx.ts has docx write them: the document defaults carry the
 * language's fonts and language (§17.7.5 docDefaults), the title and headings its fonts, and every other
 * style is the same in all languages. They vary only with the language's profile, so they are written
 * once per profile (parts.ts keeps them).
 */
import type { DocumentModel } from '../model';
import { PARAGRAPH_STYLE_IDS, SIZE, STYLE_IDS } from '../word-layout';
import {
  BUILT_IN_STYLES,
  NUMBERING_ABSTRACT,
  NUMBERING_DEFAULT_NUM,
  STYLES_OPEN,
  TABLE_NORMAL_STYLE,
} from './constant-parts';
import { escapeXml } from './xml';

/** What styles.xml depends on: the language's fonts, its tag, whether it is East Asian or right to left. */
export type StyleProfile = Pick<DocumentModel, 'fonts' | 'languageTag' | 'script' | 'direction'>;

/** A key naming a profile, for keeping its parts. */
export function profileKey(profile: StyleProfile): string {
  const { fonts } = profile;
  return [
    fonts.latin,
    fonts.complexScript,
    fonts.eastAsian,
    profile.languageTag,
    profile.script,
    profile.direction,
  ].join('\u0000');
}

/** The four font slots (§17.3.2.26 rFonts), in the order docx writes them. */
export function runFonts(profile: StyleProfile): string {
  const { fonts } = profile;
  return `<w:rFonts w:ascii="${escapeXml(fonts.latin)}" w:cs="${escapeXml(fonts.complexScript)}" w:eastAsia="${escapeXml(fonts.eastAsian)}" w:hAnsi="${escapeXml(fonts.latin)}"/>`;
}

/** The language of a model's text (§17.3.2.20 lang), also as East Asian or bidirectional text. */
export function languageElement(profile: StyleProfile): string {
  const tag = escapeXml(profile.languageTag);
  return `<w:lang w:val="${tag}"${profile.script === 'han' ? ` w:eastAsia="${tag}"` : ''}${profile.direction === 'rtl' ? ` w:bidi="${tag}"` : ''}/>`;
}

const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const bold = '<w:b/><w:bCs/>';
const italic = '<w:i/><w:iCs/>';

/** A paragraph style (§17.7.4.17 style): its name, what it is based on, its paragraph and run properties. */
function paragraphStyle(
  id: string,
  name: string,
  options: {
    basedOn?: string;
    next?: string;
    quick?: boolean;
    pPr?: string;
    rPr?: string;
    isDefault?: boolean;
  },
): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"${options.isDefault ? ' w:default="1"' : ''}><w:name w:val="${name}"/>` +
    (options.basedOn ? `<w:basedOn w:val="${options.basedOn}"/>` : '') +
    (options.next ? `<w:next w:val="${options.next}"/>` : '') +
    (options.quick ? '<w:qFormat/>' : '') +
    (options.pPr ? `<w:pPr>${options.pPr}</w:pPr>` : '') +
    (options.rPr ? `<w:rPr>${options.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

/** The title and headings: in the language's fonts, bold, black (render-docx.ts packDocx). */
function headingStyle(
  profile: StyleProfile,
  id: string,
  name: string,
  pPr: string,
  emphasis: string,
  halfPoints: number,
): string {
  return paragraphStyle(id, name, {
    basedOn: 'Normal',
    next: 'Normal',
    quick: true,
    pPr,
    rPr: `${runFonts(profile)}${emphasis}<w:color w:val="000000"/>${size(halfPoints)}`,
  });
}

/** styles.xml for a language's profile. */
export function stylesXml(profile: StyleProfile): string {
  const keep = '<w:keepNext/><w:keepLines/>';
  const N = PARAGRAPH_STYLE_IDS;
  const S = STYLE_IDS;
  return (
    STYLES_OPEN +
    `<w:docDefaults><w:rPrDefault><w:rPr>${runFonts(profile)}${size(SIZE.body)}${languageElement(profile)}</w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    TABLE_NORMAL_STYLE +
    headingStyle(
      profile,
      'Title',
      'Title',
      '<w:keepNext/><w:spacing w:after="240" w:before="0"/><w:jc w:val="center"/>',
      bold,
      SIZE.title,
    ) +
    headingStyle(
      profile,
      'Heading1',
      'Heading 1',
      `${keep}<w:spacing w:after="120" w:before="360"/>`,
      bold,
      SIZE.heading1,
    ) +
    headingStyle(
      profile,
      'Heading2',
      'Heading 2',
      `${keep}<w:spacing w:after="120" w:before="240"/>`,
      bold,
      SIZE.heading2,
    ) +
    headingStyle(
      profile,
      'Heading3',
      'Heading 3',
      `${keep}<w:spacing w:after="60" w:before="240"/>`,
      `${bold}${italic}`,
      SIZE.heading3,
    ) +
    BUILT_IN_STYLES +
    paragraphStyle(N.normal, 'Normal', {
      isDefault: true,
      quick: true,
      pPr: '<w:spacing w:after="120"/>',
      rPr: size(SIZE.body),
    }) +
    paragraphStyle(N.recital, 'Recital', {
      basedOn: 'Normal',
      next: N.recital,
      quick: true,
      pPr: '<w:spacing w:after="240"/><w:jc w:val="both"/>',
    }) +
    paragraphStyle(N.quote, 'Quote', {
      basedOn: 'Normal',
      quick: true,
      pPr: '<w:spacing w:after="160"/><w:ind w:left="720" w:right="720"/>',
      rPr: size(SIZE.quote),
    }) +
    paragraphStyle(N.note, 'Note', { basedOn: 'Normal', quick: true, rPr: `${italic}${size(SIZE.note)}` }) +
    paragraphStyle(N.centered, 'Centered', {
      basedOn: 'Normal',
      quick: true,
      pPr: '<w:spacing w:after="240"/><w:jc w:val="center"/>',
    }) +
    paragraphStyle(S.caption, 'Caption', {
      basedOn: 'Normal',
      pPr: '<w:keepNext/><w:spacing w:after="60" w:before="120"/>',
      rPr: bold,
    }) +
    paragraphStyle(S.signature, 'Signature', {
      basedOn: 'Normal',
      pPr: '<w:keepLines/><w:spacing w:after="0"/>',
    }) +
    paragraphStyle(S.tableText, 'Table Text', {
      basedOn: 'Normal',
      pPr: '<w:spacing w:after="40" w:before="40"/>',
    }) +
    paragraphStyle(S.tableHeading, 'Table Heading', {
      basedOn: S.tableText,
      pPr: '<w:keepNext/>',
      rPr: bold,
    }) +
    paragraphStyle(S.tableTextCompact, 'Table Text Compact', {
      basedOn: S.tableText,
      pPr: '<w:spacing w:after="0" w:before="0"/>',
      rPr: size(SIZE.compact),
    }) +
    paragraphStyle(S.listCompact, 'List Compact', {
      basedOn: 'Normal',
      pPr: '<w:spacing w:after="20"/>',
      rPr: size(SIZE.compact),
    }) +
    paragraphStyle(S.tableHeadingCompact, 'Table Heading Compact', {
      basedOn: S.tableTextCompact,
      pPr: '<w:keepNext/>',
      rPr: bold,
    }) +
    paragraphStyle(S.footer, 'Footer', {
      basedOn: 'Normal',
      pPr: '<w:spacing w:after="0"/><w:jc w:val="center"/>',
      rPr: size(SIZE.footer),
    }) +
    // Bold as well as highlighted, so that a marker still shows when printed in black and white. The same
    // yellow as shading too: LibreOffice ignores w:highlight in a character style but shows w:shd.
    `<w:style w:type="character" w:styleId="${S.marker}"><w:name w:val="Marker"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:qFormat/>` +
    `<w:rPr>${bold}<w:highlight w:val="yellow"/><w:shd w:fill="FFFF00" w:color="auto" w:val="clear"/></w:rPr></w:style>` +
    // No spell-checking of the underscores.
    `<w:style w:type="character" w:styleId="${S.blank}"><w:name w:val="Blank"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:noProof/></w:rPr></w:style>` +
    '</w:styles>'
  );
}

/** The numbering id of the document's bullets (docx numbers its own default bullets 1). */
export const BULLETS_NUM_ID = 2;

/** numbering.xml: the bullets' definition, and its concrete numbering when the document has a list. */
export function numberingXml(hasList: boolean): string {
  return (
    NUMBERING_ABSTRACT +
    NUMBERING_DEFAULT_NUM +
    (hasList
      ? `<w:num w:numId="${BULLETS_NUM_ID}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`
      : '') +
    '</w:numbering>'
  );
}
