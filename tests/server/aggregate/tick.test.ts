// Deadline rules move with the calendar, not with events: when the day changes, the daily tick
// re-evaluates, records light changes in the history, and puts them on the feed.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { lightHistory } from '../../../server/store/light-history.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { branchB2Alone, tinyDataset } from '../../helpers/tiny-dataset.ts';

let s: Services;
afterEach(() => s?.close());

describe('daily tick', () => {
  it('does nothing within the same day', () => {
    const clock = manualClock(parseInstant('2026-04-15T12:00:00+08:00')!);
    s = createServices(testConfig(), { clock });
    s.importDataset(tinyDataset());
    clock.advance(3600_000);
    expect(s.live.tick()).toBe(null);
  });

  it('a task passing 30 days overdue turns its reason red on the day it does, with history and feed', () => {
    const clock = manualClock(parseInstant('2026-04-15T12:00:00+08:00')!);
    s = createServices(testConfig(), { clock });
    const ds = tinyDataset();
    // Make B2 otherwise green-able: only the task matters for this test.
    ds.tasks = [{ id: 'T2', org_code: 'B1', title: '整改台账', due_on: '2026-04-10', completed_on: null }];
    s.importDataset(ds);
    const reason = () => s.live.current().orgs.get('B1')!.light.reasons.find((r) => r.rule === 'tasks')!;
    expect(reason().level).toBe('yellow'); // 5 days overdue
    clock.set(parseInstant('2026-05-11T08:00:00+08:00')!); // 31 days overdue
    const notice = s.live.tick();
    expect(notice?.all).toBe(true);
    expect(reason().level).toBe('red');
  });

  it('a light that changes records the transition and a feed line', () => {
    // B2 alone, founded 10 February, its member paid February. On 5 March: one month without
    // organisational life → yellow. On 2 April: two months → red.
    const clock = manualClock(parseInstant('2026-03-05T12:00:00+08:00')!);
    s = createServices(testConfig(), { clock });
    s.importDataset(branchB2Alone());
    expect(s.live.current().orgs.get('B2')!.light.level).toBe('yellow');
    clock.set(parseInstant('2026-04-02T08:00:00+08:00')!);
    s.live.tick();
    expect(s.live.current().orgs.get('B2')!.light.level).toBe('red');
    const history = lightHistory(s.store.db, 'B2');
    expect(history[0]).toMatchObject({ level: 'red', previous: 'yellow', at: parseInstant('2026-04-02T08:00:00+08:00') });
    expect(history[0].reasons.map((r) => r.rule)).toContain('orgLife');
    expect(s.feed.list('leader').map((f) => f.text)).toContainEqual(expect.stringMatching(/^东湖社区第二支部 转为红灯：.*组织生活/));
    // B2 has one member: the public ticker names it by its parent (privacy.smallBranchSize).
    expect(s.feed.list('public').map((f) => f.text)).toContainEqual(expect.stringMatching(/^东湖街道党工委下属支部 转为红灯：.*组织生活/));
  });
});
