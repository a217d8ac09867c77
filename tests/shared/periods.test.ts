// The periods helper: every boundary of the rule book is an Asia/Shanghai one (UTC+8, no daylight
// saving), whatever zone the machine or the sender is in. Tables of the edges.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addMonthsToDate,
  ageOn,
  dateOf,
  formatInstant,
  monthDiff,
  monthEnd,
  monthOf,
  monthRange,
  monthStart,
  nextLocalTime,
  parseDate,
  parseInstant,
  quarterEnd,
  quarterMonths,
  quarterOfMonth,
  yearOf,
} from '../../shared/periods.ts';

const utc = (text: string) => Date.parse(text);

describe('parseInstant', () => {
  it.each([
    // [text, the same instant in UTC]
    ['2026-03-31T23:59:59+08:00', '2026-03-31T15:59:59Z'],
    ['2026-04-01T00:00:00+08:00', '2026-03-31T16:00:00Z'],
    ['2026-04-01T00:30', '2026-03-31T16:30:00Z'], // no offset: Shanghai
    ['2026-04-01 00:30:00', '2026-03-31T16:30:00Z'],
    ['2026-03-31T16:30:00Z', '2026-03-31T16:30:00Z'],
    ['2026-03-31T12:30:00-04:00', '2026-03-31T16:30:00Z'],
    ['2026-04-01T00:30:00+0800', '2026-03-31T16:30:00Z'],
    ['2026-04-01T00:30:00.250+08:00', '2026-03-31T16:30:00.250Z'],
    ['2024-02-29T12:00:00+08:00', '2024-02-29T04:00:00Z'],
  ])('%s is %s', (text, same) => {
    expect(parseInstant(text)).toBe(utc(same));
  });

  it.each(['2026-02-29T12:00:00+08:00', '2026-04-31T00:00:00+08:00', '2026-13-01T00:00:00+08:00', '2026-04-01T24:00:00+08:00', '2026-04-01', 'yesterday', ''])(
    'refuses %j',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );
});

describe('months, days and years are Shanghai ones', () => {
  it.each([
    // [instant, month, date, year]
    ['2026-03-31T15:59:59.999Z', '2026-03', '2026-03-31', 2026], // 23:59:59.999 on 31 March in Shanghai
    ['2026-03-31T16:00:00Z', '2026-04', '2026-04-01', 2026], // midnight: already April there, still March in UTC
    ['2025-12-31T16:00:00Z', '2026-01', '2026-01-01', 2026], // New Year arrives eight hours before UTC's
    ['2025-12-31T15:59:59Z', '2025-12', '2025-12-31', 2025],
    ['2024-02-28T16:00:00Z', '2024-02', '2024-02-29', 2024], // leap day
  ])('%s is in %s, on %s, in %i', (instant, month, date, year) => {
    const ms = utc(instant);
    expect(monthOf(ms)).toBe(month);
    expect(dateOf(ms)).toBe(date);
    expect(yearOf(ms)).toBe(year);
  });

  it('formats in +08:00 and reads back the same instant', () => {
    const ms = utc('2026-03-31T16:00:00Z');
    expect(formatInstant(ms)).toBe('2026-04-01T00:00:00+08:00');
    expect(parseInstant(formatInstant(ms))).toBe(ms);
  });

  it('a date is the start of that day in Shanghai', () => {
    expect(parseDate('2026-04-01')).toBe(utc('2026-03-31T16:00:00Z'));
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-4-1')).toBeNull();
  });
});

describe('month and quarter boundaries', () => {
  it.each([
    // [month, first instant, first instant after it (UTC)]
    ['2026-02', '2026-01-31T16:00:00Z', '2026-02-28T16:00:00Z'],
    ['2024-02', '2024-01-31T16:00:00Z', '2024-02-29T16:00:00Z'],
    ['2026-12', '2026-11-30T16:00:00Z', '2026-12-31T16:00:00Z'],
  ])('%s runs from %s up to (not including) %s', (month, start, end) => {
    expect(monthStart(month)).toBe(utc(start));
    expect(monthEnd(month)).toBe(utc(end));
    // Half-open: the last millisecond belongs to it, the end to the next month.
    expect(monthOf(monthEnd(month) - 1)).toBe(month);
    expect(monthOf(monthEnd(month))).toBe(addMonths(month, 1));
  });

  it.each([
    ['2026-01', '2026-Q1', ['2026-01', '2026-02', '2026-03'], '2026-03-31T16:00:00Z'],
    ['2026-03', '2026-Q1', ['2026-01', '2026-02', '2026-03'], '2026-03-31T16:00:00Z'],
    ['2026-04', '2026-Q2', ['2026-04', '2026-05', '2026-06'], '2026-06-30T16:00:00Z'],
    ['2026-12', '2026-Q4', ['2026-10', '2026-11', '2026-12'], '2026-12-31T16:00:00Z'],
  ])('%s is in %s (%j), which ends at %s', (month, quarter, months, end) => {
    expect(quarterOfMonth(month)).toBe(quarter);
    expect(quarterMonths(quarter)).toEqual(months);
    expect(quarterEnd(quarter)).toBe(utc(end));
  });

  it('month arithmetic crosses years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-04', -12)).toBe('2025-04');
    expect(monthDiff('2025-11', '2026-02')).toBe(3);
    expect(monthDiff('2026-02', '2025-11')).toBe(-3);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-02')).toEqual(['2026-02']);
  });

  it('calendar months added to a date keep its day, clamped to the month (terms, probation)', () => {
    expect(addMonthsToDate('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsToDate('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonthsToDate('2021-03-15', 60)).toBe('2026-03-15');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('ages turn on the birthday', () => {
    expect(ageOn('1980-05-01', '2026-04-30')).toBe(45);
    expect(ageOn('1980-05-01', '2026-05-01')).toBe(46);
  });

  it('the next Shanghai wall-clock time after an instant (the daily tick, the monthly batch)', () => {
    const at = (t: string) => utc(t);
    // 07:59 in Shanghai → 08:00 the same day; 08:00 exactly → the next day's.
    expect(nextLocalTime(at('2026-04-14T23:59:00Z'), '08:00')).toBe(at('2026-04-15T00:00:00Z'));
    expect(nextLocalTime(at('2026-04-15T00:00:00Z'), '08:00')).toBe(at('2026-04-16T00:00:00Z'));
    // 00:05 in Shanghai is 16:05 UTC the day before.
    expect(nextLocalTime(at('2026-04-15T16:00:00Z'), '00:05')).toBe(at('2026-04-15T16:05:00Z'));
  });
});
