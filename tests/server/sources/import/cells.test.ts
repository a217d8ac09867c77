import { describe, expect, it } from 'vitest';
import { Invalid, parseInstantText } from '../../../../server/sources/import/cells.ts';
import { escapeFormula, unescapeFormula } from '../../../../server/sources/import/formula-escape.ts';
import { formatInstant, parseInstant } from '../../../../shared/periods.ts';

describe('formula escape', () => {
  it.each([
    ['=HYPERLINK("x")', "'=HYPERLINK(\"x\")"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["'x", "'x"],
    ["'", "'"],
    ['张三', '张三'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j and read back unchanged', (plain, escaped) => {
    expect(escapeFormula(plain)).toBe(escaped);
    expect(unescapeFormula(escaped)).toBe(plain);
  });
});

describe('instants', () => {
  // The canonical-form fast path must agree with parseInstant + formatInstant on every input.
  it.each([
    '2025-03-05T09:00:00+08:00',
    '2024-02-29T23:59:59+08:00',
    '2025-02-29T10:00:00+08:00',
    '1900-02-29T10:00:00+08:00',
    '2000-02-29T10:00:00+08:00',
    '2025-04-31T10:00:00+08:00',
    '2025-00-10T10:00:00+08:00',
    '2025-12-10T24:00:00+08:00',
    '2025-12-10T23:60:00+08:00',
    '2025-12-10T23:00:60+08:00',
    '2025-12-10T23:00:00+09:00',
    '2025-12-10 23:00:00+08:00',
    '2025-12-10T23:00:00Z',
    '2025-12-10T23:00',
    '2025-1a-10T23:00:00+08:00',
    ' 2025-12-10T23:00:00+08:00',
  ])('%j', (text) => {
    const ms = parseInstant(text);
    const got = parseInstantText(text);
    if (ms === null) expect(got).toBeInstanceOf(Invalid);
    else expect(got).toBe(formatInstant(ms));
  });
});
