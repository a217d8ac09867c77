// Calendar arithmetic in Asia/Shanghai (UTC+8, no daylight saving since 1991), so a fixed
// offset is exact and needs no time-zone database. Every period boundary in the rule book is
// computed here and nowhere else.

import { memoized } from './memo.ts';

export type Month = string; // 'YYYY-MM'
export type DateStr = string; // 'YYYY-MM-DD'
export type Instant = string; // ISO 8601 with offset

const OFFSET_MS = 8 * 3600 * 1000;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The canonical form 'YYYY-MM-DDTHH:MM:SS+08:00' read by position: imports hold millions of these. */
function parseCanonical(t: string): number | null {
  if (t.length !== 25 || t.charCodeAt(10) !== 84 || !t.endsWith('+08:00') || t[4] !== '-' || t[7] !== '-' || t[13] !== ':' || t[16] !== ':') return null;
  for (let k = 0; k < DIGIT_AT.length; k++) {
    const d = digit(t, DIGIT_AT[k]);
    if (d < 0 || d > 9) return null;
  }
  const y = two(t, 0) * 100 + two(t, 2);
  const mo = two(t, 5);
  const d = two(t, 8);
  const h = two(t, 11);
  const mi = two(t, 14);
  const sec = two(t, 17);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return null;
  // Day-of-month checked by table, not by a Date per call (imports parse millions of these).
  if (d > MONTH_DAYS[mo - 1] && !(mo === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec) - OFFSET_MS;
}

/** Parses an ISO instant; no offset means Asia/Shanghai. Returns epoch ms or null. */
export function parseInstant(text: string): number | null {
  const fast = parseCanonical(text);
  if (fast !== null) return fast;
  const m = INSTANT_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
  const check = new Date(local);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
    return null;
  }
  if (!zone) return local - OFFSET_MS;
  if (zone === 'Z') return local;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return local - sign * (Number(digits.slice(0, 2)) * 3600_000 + Number(digits.slice(2)) * 60_000);
}

/** Parses 'YYYY-MM-DD' as the start of that day in Asia/Shanghai. */
export function parseDate(text: string): number | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(utc).getUTCDate() !== +m[3]) return null;
  return utc - OFFSET_MS;
}

export function isMonth(text: string): boolean {
  return MONTH_RE.test(text);
}

function shifted(ms: number): Date {
  return new Date(ms + OFFSET_MS);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const DAY_MS = 86_400_000;

/**
 * A day's name and its month's, kept by day number (UTC+8 has no DST, so a day is 86,400 s):
 * an import folds millions of check-ins that each fall on one of a few hundred days, and
 * formatting a Date per check-in was a visible share of it. Bounded like memoized().
 */
function dayNames(): (ms: number) => { date: DateStr; month: Month } {
  const kept = new Map<number, { date: DateStr; month: Month }>();
  return (ms) => {
    const day = Math.floor((ms + OFFSET_MS) / DAY_MS);
    let names = kept.get(day);
    if (names === undefined) {
      const d = shifted(ms);
      const month = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
      if (kept.size >= 100_000) kept.clear();
      kept.set(day, (names = { date: `${month}-${pad(d.getUTCDate())}`, month }));
    }
    return names;
  };
}
const namesOf = dayNames();

export const monthOf = (ms: number): Month => namesOf(ms).month;

export const dateOf = (ms: number): DateStr => namesOf(ms).date;

export function yearOf(ms: number): number {
  return shifted(ms).getUTCFullYear();
}

/** Formats an instant as ISO 8601 in +08:00, the form the API answers with. */
export function formatInstant(ms: number): Instant {
  const d = shifted(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`
  );
}

export function monthParts(month: Month): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** The first instant of a month (Asia/Shanghai) in epoch ms. */
export const monthStart: (month: Month) => number = memoized((month) => {
  const { year, month: m } = monthParts(month);
  return Date.UTC(year, m - 1, 1) - OFFSET_MS;
});

/** The first instant after a month: months are half-open intervals [start, end). */
export const monthEnd: (month: Month) => number = memoized((month) => monthStart(addMonths(month, 1)));

/** Months as a count since year 0, and back. */
const monthIndex = memoized((month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1);
const MONTH_NAMES: Month[] = [];
function monthAt(idx: number): Month {
  return (MONTH_NAMES[idx] ??= `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`);
}

export function addMonths(month: Month, n: number): Month {
  return monthAt(monthIndex(month) + n);
}

/** Whole months from a to b (b − a); negative when b is earlier. */
export function monthDiff(a: Month, b: Month): number {
  return monthIndex(b) - monthIndex(a);
}

/** Inclusive list of months from a to b. */
export function monthRange(a: Month, b: Month): Month[] {
  const out: Month[] = [];
  for (let i = 0, n = monthDiff(a, b); i <= n; i++) out.push(addMonths(a, i));
  return out;
}

export type Quarter = string; // 'YYYY-Qn'
export function quarterOfMonth(month: Month): Quarter {
  const { year, month: m } = monthParts(month);
  return `${year}-Q${Math.floor((m - 1) / 3) + 1}`;
}
export function quarterMonths(q: Quarter): Month[] {
  const year = Number(q.slice(0, 4));
  const n = Number(q.slice(6));
  const first = `${year}-${pad((n - 1) * 3 + 1)}`;
  return [first, addMonths(first, 1), addMonths(first, 2)];
}
export function quarterEnd(q: Quarter): number {
  return monthEnd(quarterMonths(q)[2]);
}

/** A date plus whole calendar months, clamped to the month's last day (2025-08-31 + 6 → 2026-02-28). */
export function addMonthsToDate(date: DateStr, n: number): DateStr {
  const target = addMonths(date.slice(0, 7), n);
  const { year, month } = monthParts(target);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${target}-${pad(Math.min(Number(date.slice(8, 10)), last))}`;
}

export function addDaysToDate(date: DateStr, n: number): DateStr {
  const ms = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + n * 86400_000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Age in whole years on a given date. */
export function ageOn(birth: DateStr, on: DateStr): number {
  let age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) age -= 1;
  return age;
}

/** The first instant strictly after `after` whose Asia/Shanghai wall-clock time is "HH:MM"
 * (a fixed +08:00 offset: China has kept no daylight saving time since 1991). */
export function nextLocalTime(after: number, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  const DAY = 86_400_000;
  const localMidnight = Math.floor((after + OFFSET_MS) / DAY) * DAY - OFFSET_MS;
  const today = localMidnight + (h * 60 + m) * 60_000;
  return today > after ? today : today + DAY;
}
