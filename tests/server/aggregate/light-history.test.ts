// The rule history behind "red since … because …": a branch whose light goes red, then yellow,
// then green through live events records exactly those three transitions, each at the instant of
// the re-evaluation that saw it and with the reasons the light had then.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { lightHistory } from '../../../server/store/light-history.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { branchB2Alone } from '../../helpers/tiny-dataset.ts';

let s: Services;
afterEach(() => s?.close());

const T0 = parseInstant('2026-04-02T08:00:00+08:00')!;
const T1 = parseInstant('2026-04-02T09:00:00+08:00')!;
const T2 = parseInstant('2026-04-02T10:00:00+08:00')!;

function ingest(items: Record<string, unknown>[]) {
  const res = s.ingest(items);
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return s.live.current().orgs.get('B2')!.light;
}

describe('light history', () => {
  it('red → yellow → green through live events: exactly those transitions, with times and reasons', () => {
    // B2 alone (founded 10 February, one member, no committee or groups), its member paid February.
    const clock = manualClock(T0);
    s = createServices(testConfig(), { clock });
    s.importDataset(branchB2Alone());

    // On 2 April: no organisational life in February or March, no 三会一课 in the first quarter,
    // March unpaid; and a task due 25 March, eight days overdue.
    const red = ingest([{ id: 'e1', type: 'task.created', at: '2026-04-02T07:00:00+08:00', task: 'T9', org: 'B2', title: '整理三会一课台账', dueOn: '2026-03-25' }]);
    expect(red.level).toBe('red');
    expect(red.reasons.map((r) => `${r.rule}:${r.level}`).sort()).toEqual(['3m1l:red', 'dues:red', 'orgLife:red', 'tasks:yellow']);

    // 9:00: the March meetings are reported late and March is paid; only the task is left.
    clock.set(T1);
    const yellow = ingest([
      { id: 'e2', type: 'meeting.held', at: '2026-03-20T15:00:00+08:00', meetingId: 'MG1', org: 'B2', kind: 'general_meeting' },
      { id: 'e3', type: 'meeting.held', at: '2026-03-25T15:00:00+08:00', meetingId: 'ML1', org: 'B2', kind: 'party_lesson' },
      { id: 'e4', type: 'dues.paid', at: '2026-04-02T08:55:00+08:00', member: 'M4', month: '2026-03', amount: 10 },
    ]);
    expect(yellow.level).toBe('yellow');

    // 10:00: the task is done.
    clock.set(T2);
    const green = ingest([{ id: 'e5', type: 'task.completed', at: '2026-04-02T09:58:00+08:00', task: 'T9' }]);
    expect(green.level).toBe('green');

    // Newest first. The first assessment (at import, as of T0) opened the history.
    const history = lightHistory(s.store.db, 'B2');
    expect(history.map((h) => ({ at: h.at, level: h.level, previous: h.previous }))).toEqual([
      { at: T2, level: 'green', previous: 'yellow' },
      { at: T1, level: 'yellow', previous: 'red' },
      { at: T0, level: 'red', previous: null },
    ]);
    // Recorded at import, before the task existed; the task made it no redder, so no record.
    expect(history[2].reasons.map((r) => r.rule).sort()).toEqual(['3m1l', 'dues', 'orgLife']);
    expect(history[1].reasons.map((r) => `${r.rule}:${r.level}`)).toEqual(['tasks:yellow']);
    expect(history[0].reasons).toEqual([]);
  });
});
