/**
 * Calendar arithmetic (server/domain/dates.ts) and the schema's "date that exists" check: the
 * thirtieth day after deposit (UNTOC 38(2)), "within one month of the designation" (SOM 8(6)).
 */
import { addDays, addMonths, isoToday, latest } from '../../../server/domain/dates';
import { isRealDate } from '../../../server/domain/package';

describe('addMonths: "within one month of the designation" (SOM 8(6))', () => {
  it.each([
    ['2027-01-04', '2027-02-04'],
    ['2027-01-31', '2027-02-28'], // no 31 February; 2027 is not a leap year
    ['2028-01-31', '2028-02-29'], // leap year
    ['2100-01-31', '2100-02-28'], // 2100 is not a leap year (divisible by 100, not by 400)
    ['2000-01-31', '2000-02-29'], // 2000 is (divisible by 400)
    ['2027-03-31', '2027-04-30'],
    ['2027-12-15', '2028-01-15'], // across the year
    ['2027-02-28', '2027-03-28'],
  ])('%s + one month = %s', (from, to) => {
    expect(addMonths(from, 1)).toBe(to);
  });
});

describe('addDays', () => {
  it.each([
    ['2004-05-27', 30, '2004-06-26'],
    ['2027-12-15', 30, '2028-01-14'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2003-07-01', 90, '2003-09-29'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris'])(
    'does not shift a day with TZ=%s (computed in UTC)',
    (tz) => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        expect(addDays('2027-03-27', 1)).toBe('2027-03-28'); // the European daylight-saving change
        expect(addDays('2004-05-27', 30)).toBe('2004-06-26');
        expect(addMonths('2027-10-31', 1)).toBe('2027-11-30');
        expect(isoToday(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    },
  );
});

describe('latest', () => {
  it('is the latest ISO date', () => {
    expect(latest('2003-09-29', '2003-12-25', '2003-10-01')).toBe('2003-12-25');
    expect(latest('2003-09-29')).toBe('2003-09-29');
  });
});

describe('isRealDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2027-12-31', '2000-11-15'])('%s exists', (d) =>
    expect(isRealDate(d)).toBe(true),
  );
  it.each([
    '2021-02-31',
    '2023-02-29',
    '1900-02-29',
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '27-01-01',
    '2027-1-1',
  ])('%s does not', (d) => expect(isRealDate(d)).toBe(false));
});
