/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day.
 */
import type { IsoDate } from '../catalogue/treaties';

function toUtc(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** `days` calendar days after `date` (the day of `date` itself is day 0). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * The same day `months` later; when that month is shorter, its last day (31 January + 1 month =
 * 28 or 29 February). Used for "within one month of the designation" (SOM 8(6)).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtc(target);
}

/** The latest of the dates given (ISO dates compare as strings). */
export function latest(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((a, b) => (b > a ? b : a), first);
}

/** Today's date in UTC from a clock. */
export function isoToday(now: Date): IsoDate {
  return fromUtc(now);
}
