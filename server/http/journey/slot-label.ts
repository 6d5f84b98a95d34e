/**
 * The label of a translatable answer (domain/translations.ts TextSlot): its field, and which entry it
 * belongs to where there are several ("Name of the unit: Office of the Attorney General"). Shared by the
 * translation page (translate.ts) and the notes of the XLIFF file (xliff.ts).
 */
import type { TFunction } from 'i18next';
import type { Package } from '../../domain/package';
import { excerpt, type TextSlot } from '../../domain/translations';
import { fieldKey } from '../../i18n/messages';

/** Which entry of its list an answer belongs to, named for a label; null for an answer of no list. */
function entryOf(t: TFunction, pkg: Package, slot: TextSlot): string | null {
  const [list, index] = slot.path;
  if (typeof index !== 'number') return null;
  switch (list) {
    case 'authorities':
      return excerpt(pkg.authorities[index]?.name ?? '', 40);
    case 'declarations':
    case 'competence':
      return t('pages.translate.declaration', { n: index + 1 });
    case 'treaties': {
      const treaty = pkg.treaties[index]?.treaty;
      return treaty ? t(`legal:treaties.${treaty}.name`) : null;
    }
    default:
      return null;
  }
}

export function slotLabel(t: TFunction, pkg: Package, slot: TextSlot): string {
  const [list, , field, sub, line] = slot.path;
  const label =
    list === 'authorities' && sub === 'lines'
      ? t('pages.translate.addressLine', { n: Number(line) + 1 })
      : t(`fields.${fieldKey(slot.path)}`);
  const entry = entryOf(t, pkg, slot);
  // An authority's name names its own entry.
  return entry === null || (list === 'authorities' && field === 'name')
    ? label
    : t('pages.translate.labelWithEntry', { field: label, entry });
}
