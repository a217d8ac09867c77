// SeenKeys answers as a map of every key to its first line would, in order or not.
import { describe, expect, it } from 'vitest';
import { SeenKeys } from '../../../../server/sources/import/seen-keys.ts';

/** The answers of the plain map SeenKeys stands in for. */
function mapAnswers(keys: [string, string][], pair: boolean): number[] {
  const seen = new Map<string, number>();
  return keys.map(([a, b], i) => {
    const key = pair ? `${a}\u0001${b}` : a;
    const first = seen.get(key);
    if (first !== undefined) return first;
    seen.set(key, i + 2);
    return 0;
  });
}

const cases: [string, [string, string][]][] = [
  ['in order', [['a', ''], ['b', ''], ['c', '']]],
  ['a repeat of the last key', [['a', ''], ['b', ''], ['b', ''], ['b', ''], ['c', '']]],
  ['a repeat of an earlier key', [['a', ''], ['b', ''], ['c', ''], ['a', ''], ['d', ''], ['c', '']]],
  ['out of order, no repeat', [['b', ''], ['a', ''], ['c', '']]],
  ['pairs in order with repeats', [['m1', 'x'], ['m1', 'y'], ['m1', 'y'], ['m2', 'a']]],
  ['pairs out of order', [['m2', 'a'], ['m1', 'y'], ['m2', 'a'], ['m1', 'y'], ['m1', 'x']]],
];

describe('SeenKeys', () => {
  it.each(cases)('%s', (_, keys) => {
    const pair = keys.some(([, b]) => b !== '');
    const seen = new SeenKeys(pair);
    expect(keys.map(([a, b], i) => seen.firstLine(a, b, i + 2))).toEqual(mapAnswers(keys, pair));
  });
});
