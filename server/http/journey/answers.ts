/**
 * An answer in words, as check answers and the conflict page show it: a date written out, an option's
 * label, each line of a text. A blank answer is "not answered yet", or what blank means once its page was
 * saved ("None: no reservation").
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { FieldDef } from '../forms';

export function answerLines(
  reader: { t: TFunction; lng: Language },
  f: FieldDef,
  value: unknown,
  saved: boolean,
): string[] {
  const { t, lng } = reader;
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    return [saved && f.blank ? f.blank : t('pages.common.notAnswered')];
  }
  const label = (v: string) => f.options?.find((o) => o.value === v)?.label ?? v;
  switch (f.kind) {
    case 'yesno':
      return [t(value === true ? 'pages.common.yes' : 'pages.common.no')];
    case 'date':
      return [formatDate(value as string, lng)];
    case 'checkboxes':
      return (value as string[]).map(label);
    case 'radios':
    case 'select':
      return [label(value as string)];
    case 'list':
      return (value as string[]).map(String);
    default:
      return String(value).split('\n');
  }
}

/**
 * The name of an entry of the package's `declarations` list, by its place in the list (from 1): "Declaration
 * 2", but "Reservation 2" for a reservation, which is never called a declaration (VCLT art. 2(1)(d)).
 * Its card on the list page, its row on check answers, the removal question and the history use it.
 */
export function declarationName(t: TFunction, declaration: { kind: string } | undefined, n: number): string {
  const key = declaration?.kind === 'reservation' ? 'reservationItem' : 'item';
  return t(`pages.declarations.${key}`, { n });
}
