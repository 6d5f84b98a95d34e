/**
 * Packages with their answers translated, as a translator would leave them (domain/translations.ts): a
 * package's `translations` filled for one language from a dictionary of source text → translation.
 *
 * The dictionaries are the sample packages' (examples/*.json) answers in French and in Arabic, written
 * for these tests: a source text missing from a dictionary throws, so a sample that changes cannot silently
 * leave an answer untranslated in a test that expects none.
 */
import { slotStatuses } from '../../server/domain/translations';
import { parsePackage } from '../../server/domain/validate';
import type { Language } from '../../server/i18n';

/** The French of the sample packages' answers (names of people and the UN formal names aside). */
export const SAMPLE_FRENCH: Readonly<Record<string, string>> = {
  'Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan':
    'Ministre des affaires étrangères et du commerce extérieur du Royaume du Bhoutan',
  'Minister for Foreign Affairs': 'Ministre des affaires étrangères',
  'Minister for Foreign Affairs and External Trade':
    'Ministre des affaires étrangères et du commerce extérieur',
  'Ambassador and Permanent Representative of the Kingdom of Bhutan to the United Nations':
    "Ambassadrice et Représentante permanente du Royaume du Bhoutan auprès de l'Organisation des Nations Unies",
  Thimphu: 'Thimphou',
  'Office of the Attorney General': 'Bureau du Procureur général',
  'International Cooperation Division': 'Division de la coopération internationale',
  'Post Box 1045': 'Boîte postale 1045',
  'Monday to Friday, 09:00 to 17:00': 'Du lundi au vendredi, de 9 h à 17 h',
  'Royal Bhutan Police, Crime Prevention Unit':
    'Police royale du Bhoutan, Service de prévention de la criminalité',
  'Chang Lam': 'Chang Lam',
  'Department of Immigration': "Département de l'immigration",
  'Minister of Foreign Affairs of the Kingdom of Thailand':
    'Ministre des affaires étrangères du Royaume de Thaïlande',
  Bangkok: 'Bangkok',
  'Royal Thai Navy, Maritime Enforcement Command Center':
    'Marine royale thaïlandaise, Centre de commandement de la police maritime',
  'Wichai Prasit Fort': 'Fort Wichai Prasit',
};

/**
 * The Arabic of the sample packages' answers (names of people and the UN formal names aside): test data
 * written for these tests by the project, not a reviewed translation.
 */
export const SAMPLE_ARABIC: Readonly<Record<string, string>> = {
  'Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan':
    'وزير الخارجية والتجارة الخارجية لمملكة بوتان',
  'Minister for Foreign Affairs': 'وزير الخارجية',
  'Minister for Foreign Affairs and External Trade': 'وزير الخارجية والتجارة الخارجية',
  'Ambassador and Permanent Representative of the Kingdom of Bhutan to the United Nations':
    'السفيرة والممثلة الدائمة لمملكة بوتان لدى الأمم المتحدة',
  Thimphu: 'تيمفو',
  'Office of the Attorney General': 'مكتب النائب العام',
  'International Cooperation Division': 'شعبة التعاون الدولي',
  'Post Box 1045': 'صندوق البريد 1045',
  'Monday to Friday, 09:00 to 17:00': 'من الاثنين إلى الجمعة، من الساعة 09:00 إلى الساعة 17:00',
  'Royal Bhutan Police, Crime Prevention Unit': 'شرطة بوتان الملكية، وحدة منع الجريمة',
  'Chang Lam': 'شانغ لام',
  'Department of Immigration': 'إدارة الهجرة',
};

/**
 * `pkg` (as sent: JSON) with every printed answer translated into `lng` by `translate` (names of people
 * left as typed unless `options.people`; the
 * UN formal name, fixed, never). Throws if the package does not parse.
 */
export function translatedPackage(
  pkg: Record<string, unknown>,
  lng: Language,
  translate: (source: string) => string | undefined,
  options: { people?: boolean } = {},
): Record<string, unknown> {
  const parsed = parsePackage(pkg);
  if (!parsed.ok) throw new Error('the package does not parse');
  const texts: Record<string, { text: string; source: string }> = {};
  for (const { slot, state } of slotStatuses(parsed.pkg, lng)) {
    // The UN formal name is printed as the UN write it in each language: not a translator's text.
    if (state === 'fixed' || state === 'source' || (slot.personal && !options.people)) continue;
    const text = translate(slot.source);
    if (text === undefined) continue;
    texts[slot.key] = { text, source: slot.source };
  }
  const before = (pkg.translations ?? {}) as Record<string, unknown>;
  return { ...pkg, translations: { ...before, [lng]: texts } };
}

/** `pkg` with every printed answer translated into French from SAMPLE_FRENCH; throws on a text it lacks. */
export function inFrench(pkg: Record<string, unknown>): Record<string, unknown> {
  return translatedPackage(pkg, 'fr', (source) => {
    const text = SAMPLE_FRENCH[source];
    if (text === undefined) throw new Error(`no French for "${source}" in tests/support/translations.ts`);
    return text;
  });
}

/** How many of a package's printed answers need a translation into `lng` (none in its own language). */
export function textsToTranslate(pkg: Record<string, unknown>, lng: Language): number {
  const parsed = parsePackage(pkg);
  if (!parsed.ok) throw new Error('the package does not parse');
  return slotStatuses(parsed.pkg, lng).filter((s) => s.state === 'untranslated' || s.state === 'stale')
    .length;
}

/** `pkg` with every printed answer translated into Arabic from SAMPLE_ARABIC; throws on a text it lacks. */
export function inArabic(pkg: Record<string, unknown>): Record<string, unknown> {
  return translatedPackage(pkg, 'ar', (source) => {
    const text = SAMPLE_ARABIC[source];
    if (text === undefined) throw new Error(`no Arabic for "${source}" in tests/support/translations.ts`);
    return text;
  });
}
