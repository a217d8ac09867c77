// Cell parsers, one per kind of column in the import contract. Each is built once per column
// (at module load, in schema.ts), so the hot loop over millions of cells runs no regex
// compilation and allocates nothing on the success path except the value itself.
import { formatInstant, isMonth, parseDate, parseInstant } from '../../../shared/periods.ts';

/** Drives how a workbook cell becomes text and how an export writes the value back. */
export type CellKind = 'text' | 'date' | 'instant' | 'month' | 'number' | 'bool';

/** A refused cell; only made on the error path. */
export class Invalid {
  constructor(readonly reason: string) {}
}

export interface Column<T> {
  kind: CellKind;
  required: boolean;
  /** The value of an empty optional cell (null, false, or an enum default). */
  empty: T | undefined;
  /** Parses a non-empty cell whose export escape has already been removed. */
  parse(text: string): T | Invalid;
}

const CONTROL = /[\x00-\x1f\x7f]/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

function col<T>(kind: CellKind, required: boolean, empty: T | undefined, parse: (s: string) => T | Invalid): Column<T> {
  return { kind, required, empty, parse };
}

function parseId(s: string): string | Invalid {
  const t = s.trim();
  if (t.length > 64) return new Invalid('id longer than 64 characters');
  if (CONTROL.test(t)) return new Invalid('id contains control characters');
  return t;
}

export const id = (): Column<string> => col('text', true, undefined, parseId);
export const optId = (): Column<string | null> => col<string | null>('text', false, null, parseId);

/** Free text keeps its spaces: a name is the user's, and a round trip must not change it. */
function parseText(max: number) {
  return (s: string): string | Invalid => (s.length > max ? new Invalid(`longer than ${max} characters`) : s);
}
export const text = (max: number): Column<string> => col('text', true, undefined, parseText(max));
export const optText = (max: number): Column<string | null> => col<string | null>('text', false, null, parseText(max));

function parseEnum<T extends string>(values: readonly T[]) {
  const set = new Set<string>(values);
  const reason = `not one of ${values.join(', ')}`;
  return (s: string): T | Invalid => {
    const t = s.trim();
    return set.has(t) ? (t as T) : new Invalid(reason);
  };
}
export const oneOf = <T extends string>(values: readonly T[]): Column<T> => col('text', true, undefined, parseEnum(values));
export const optOneOf = <T extends string, E extends T | null>(values: readonly T[], empty: E): Column<T | E> =>
  col<T | E>('text', false, empty, parseEnum(values));

function parseDateText(s: string): string | Invalid {
  const t = s.trim();
  return parseDate(t) === null ? new Invalid('not a valid date (YYYY-MM-DD)') : t;
}
export const date = (): Column<string> => col('date', true, undefined, parseDateText);
export const optDate = (): Column<string | null> => col<string | null>('date', false, null, parseDateText);

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at i as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * True when s is already in formatInstant's form, 'YYYY-MM-DDTHH:mm:ss+08:00', and a real
 * moment. Exports and the demo write exactly this form, and parseInstant + formatInstant cost
 * ~2 µs a cell — the largest share of reading two million attendance rows — so this form is
 * checked with char arithmetic and kept as is. Every other form goes through parseInstant.
 * tests/server/sources/import/cells.test.ts holds this to parseInstant's answers.
 */
function isCanonicalInstant(s: string): boolean {
  if (s.length !== 25 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || !s.endsWith('+08:00')) return false;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  if (hi < 0 || lo < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]) return false;
  const y = hi * 100 + lo;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59;
}

/** Instants are normalised to the API's form (+08:00, whole seconds) so the store sees one spelling. */
export function parseInstantText(s: string): string | Invalid {
  if (isCanonicalInstant(s)) return s;
  const ms = parseInstant(s);
  return ms === null ? new Invalid('not a valid ISO 8601 instant') : formatInstant(ms);
}
export const instant = (): Column<string> => col('instant', true, undefined, parseInstantText);
export const optInstant = (): Column<string | null> => col<string | null>('instant', false, null, parseInstantText);

export const month = (): Column<string> =>
  col('month', true, undefined, (s) => {
    const t = s.trim();
    return isMonth(t) ? t : new Invalid('not a valid month (YYYY-MM)');
  });

/** Booleans are 0/1 only (CONTRACTS §1); an empty cell is false. */
export const bool = (): Column<boolean> =>
  col('bool', false, false, (s) => {
    const t = s.trim();
    return t === '1' ? true : t === '0' ? false : new Invalid('not 0 or 1');
  });

interface NumberRule {
  min: number;
  max?: number;
  /** true: the value must be strictly greater than min. */
  above?: boolean;
  integer?: boolean;
}

function parseNumber(rule: NumberRule) {
  const max = rule.max ?? Infinity;
  const range = rule.above ? `greater than ${rule.min}` : rule.max === undefined ? `of ${rule.min} or more` : `from ${rule.min} to ${max}`;
  const reason = rule.integer ? `not a whole number ${range}` : `not a number ${range}`;
  return (s: string): number | Invalid => {
    const t = s.trim();
    if (!NUMBER.test(t)) return new Invalid(reason);
    const n = Number(t);
    if (!Number.isFinite(n) || n > max || (rule.above ? n <= rule.min : n < rule.min)) return new Invalid(reason);
    if (rule.integer && !Number.isInteger(n)) return new Invalid(reason);
    return n;
  };
}
export const num = (rule: NumberRule): Column<number> => col('number', true, undefined, parseNumber(rule));
export const optNum = (rule: NumberRule): Column<number | null> => col<number | null>('number', false, null, parseNumber(rule));
