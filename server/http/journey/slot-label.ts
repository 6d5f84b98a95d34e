/**
 * The label of a translatable answer (domain/translations.ts TextSlot): its field, and which entry it
 * belongs to where there are several ("Name of the unit: Office of the Attorney General"). Shared by the
 * translation page (translate.ts) and the notes of the XLIFF file (xliff.ts).
 */
import type { TFunction } from 'i18next';
import type { Package } from '../../domain/package';
import { excerpt, type TextSlot } from '../../domain/translations';
import { fieldKey } from '../../i18n/messages';

export function slotLabel(t: TFunction, pkg: Package, slot: TextSlot): string {
  const [list, index, , sub, line] = slot.path;
  const field =
    list === 'authorities' && sub === 'lines'
      ? t('pages.translate.addressLine', { n: Number(line) + 1 })
      : t(`fields.${fieldKey(slot.path)}`);
  const entry =
    list === 'authorities' && typeof index === 'number'
      ? excerpt(pkg.authorities[index]?.name ?? '', 40)
      : list === 'declarations' && typeof index === 'number'
        ? t('pages.translate.declaration', { n: index + 1 })
        : list === 'treaties' && typeof index === 'number'
          ? t(`legal:treaties.${pkg.treaties[index]?.treaty ?? 'untoc'}.name`)
          : list === 'competence' && typeof index === 'number'
            ? t('pages.translate.declaration', { n: index + 1 })
            : null;
  return entry === null || (list === 'authorities' && slot.path[2] === 'name')
    ? field
    : t('pages.translate.labelWithEntry', { field, entry });
}
