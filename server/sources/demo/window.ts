// The year of history the demo holds: from the same day of the month one year before the clock
// (00:00 Asia/Shanghai) up to the clock. Nothing is generated after the clock.

import {
  addDaysToDate, addMonths, addMonthsToDate, dateOf, monthOf, monthRange, parseDate,
  type DateStr, type Month,
} from '../../../shared/periods.ts';

export interface HistoryWindow {
  clock: number;
  start: number;
  today: DateStr;
  startDate: DateStr;
  /** Every month touched by the window, oldest first; the last is the current (unfinished) month. */
  months: Month[];
  current: Month;
  lastCompleted: Month;
  year: number;
}

export function historyWindow(clock: number): HistoryWindow {
  const today = dateOf(clock);
  const startDate = addMonthsToDate(today, -12);
  const start = parseDate(startDate)!;
  const current = monthOf(clock);
  return {
    clock,
    start,
    today,
    startDate,
    months: monthRange(monthOf(start), current),
    current,
    lastCompleted: addMonths(current, -1),
    year: Number(today.slice(0, 4)),
  };
}

const MINUTE = 60_000;
const pad = (n: number) => (n < 10 ? '0' : '') + n;

/** Epoch ms of a local (Asia/Shanghai) date and minute of the day. */
export function localMs(date: DateStr, minuteOfDay: number): number {
  return parseDate(date)! + minuteOfDay * MINUTE;
}

/** ISO instant with +08:00 from a local date and second of the day (0 ≤ s < 86 400). */
export function localInstant(date: DateStr, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  return `${date}T${pad(h)}:${pad(m)}:${pad(secondOfDay % 60)}+08:00`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: DateStr): number {
  return new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10))).getUTCDay();
}

export function daysInMonth(month: Month): number {
  return new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();
}

export function dayOfMonth(month: Month, day: number): DateStr {
  return `${month}-${pad(Math.min(day, daysInMonth(month)))}`;
}

/** Moves a weekend date to the Friday before or the Monday after, staying in the same month. */
export function toWeekday(date: DateStr): DateStr {
  const w = weekday(date);
  if (w === 6) return date.slice(8) === '01' ? addDaysToDate(date, 2) : addDaysToDate(date, -1);
  if (w === 0) {
    const monday = addDaysToDate(date, 1);
    return monday.slice(0, 7) === date.slice(0, 7) ? monday : addDaysToDate(date, -2);
  }
  return date;
}
