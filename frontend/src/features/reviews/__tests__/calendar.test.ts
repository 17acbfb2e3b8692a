import { numberSeparators } from '../../../i18n/numberInput';
import { dayIn, daysBetween, reviewState } from '../calendar';

describe('the country calendar', () => {
  it('takes today in the country’s time zone, not in UTC', () => {
    // 20:30 UTC on 31 March is already 1 April in Almaty (UTC+5) and still 31 March in Paris.
    const at = new Date('2026-03-31T20:30:00Z');
    expect(dayIn('Asia/Almaty', at)).toBe('2026-04-01');
    expect(dayIn('Europe/Paris', at)).toBe('2026-03-31');
  });

  it('counts whole days between calendar days, across a month and a change of clocks', () => {
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5);
    expect(daysBetween('2026-04-02', '2026-03-28')).toBe(-5);
  });

  it.each([
    [undefined, { kind: 'NONE' }],
    ['2026-05-10', { kind: 'DUE' }],
    ['2026-05-07', { kind: 'OVERDUE', days: 3 }],
    ['2026-05-17', { kind: 'SCHEDULED', days: 7 }],
  ] as const)('judges a review on %s against 10 May as %j', (next, expected) => {
    expect(reviewState(next, '2026-05-10')).toEqual(expected);
  });
});

describe('number inputs', () => {
  it.each([
    ['en', '.'],
    ['ru', ','],
    ['fr', ','],
    ['kk', ','],
    ['ky', ','],
  ])('use the decimal separator of %s from Intl', (language, separator) => {
    expect(numberSeparators(language).decimalSeparator).toBe(separator);
  });

  it('keep Latin digits and a separator the keyboard has in Arabic', () => {
    expect(numberSeparators('ar').decimalSeparator).toMatch(/^[.,٫]$/);
  });
});
