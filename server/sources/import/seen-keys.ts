// Duplicate keys within one file, found in one pass over millions of rows. A file is nearly always
// in key order (every export is), and then a key can only repeat the key just before it: while the
// keys keep rising, each is compared with the last one and kept in a plain array, with no hashing
// and no key string built per row. The first key out of order turns the array into the map every
// key would otherwise have gone into, so the answers are those of the map from then on.

export class SeenKeys {
  private map: Map<string, number> | null = null;
  private firsts: string[] = [];
  private seconds: string[] = [];
  private lines: number[] = [];

  /** pair: keys of two columns (attendance); otherwise `second` is always ''. */
  constructor(private readonly pair: boolean) {}

  /** The line that first held this key, or 0 when it is new (it is then remembered at `line`). */
  firstLine(first: string, second: string, line: number): number {
    if (this.map === null) {
      const n = this.firsts.length;
      const lastFirst = n > 0 ? this.firsts[n - 1] : '';
      const lastSecond = n > 0 ? this.seconds[n - 1] : '';
      if (n === 0 || first > lastFirst || (first === lastFirst && second > lastSecond)) {
        this.firsts.push(first);
        this.seconds.push(second);
        this.lines.push(line);
        return 0;
      }
      if (first === lastFirst && second === lastSecond) return this.lines[n - 1];
      this.map = new Map();
      for (let i = 0; i < n; i++) this.map.set(this.key(this.firsts[i], this.seconds[i]), this.lines[i]);
      this.firsts = this.seconds = [];
      this.lines = [];
    }
    const key = this.key(first, second);
    const seen = this.map.get(key);
    if (seen !== undefined) return seen;
    this.map.set(key, line);
    return 0;
  }

  private key(first: string, second: string): string {
    return this.pair ? `${first}\u0001${second}` : first;
  }
}
