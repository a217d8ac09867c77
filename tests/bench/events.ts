// Valid live events for the load generators: dues.paid and activity.logged of existing members,
// stamped now in +08:00, with unique ids.
import { formatInstant, monthOf } from '../../shared/periods.ts';

export function makeEvent(id: string, member: string, i: number, at = Date.now()): Record<string, unknown> {
  const stamp = formatInstant(at);
  return i % 2 === 0
    ? { id, type: 'dues.paid', at: stamp, member, month: monthOf(at), amount: 10 }
    : { id, type: 'activity.logged', at: stamp, member, kind: 'volunteer', hours: 1 };
}
