// Indicator ids with a period in them ('meetings.theme_day.2026-03', 'dues.rate.2026-03'). An
// evaluation asks for the same few hundred ids for every branch, so each is built once: the
// string is then shared, and keying an object by it needs no fresh hashing.

const made = new Map<string, Map<string, string>>();

export function periodId(prefix: string, period: string): string {
  let byPeriod = made.get(prefix);
  if (!byPeriod) made.set(prefix, (byPeriod = new Map()));
  let id = byPeriod.get(period);
  if (id === undefined) {
    if (byPeriod.size > 1000) byPeriod.clear();
    id = `${prefix}.${period}`;
    byPeriod.set(period, id);
  }
  return id;
}
