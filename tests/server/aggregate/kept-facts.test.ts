// The live evaluation keeps each member's facts between evaluations and refreshes only what
// writes touched. Whatever happens — check-ins, payments paid late and out of order, members
// joining, moving, converting and leaving, time passing a conversion date and a month end — it
// must equal an evaluation built from scratch.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateAll, type Evaluation } from '../../../server/aggregate/engine.ts';
import { loadBranchFacts } from '../../../server/aggregate/load-facts.ts';
import { manualClock, type ManualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { createSimulator } from '../../../server/sources/simulator/simulator.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

let s: Services;
let clock: ManualClock;
afterEach(() => s?.close());

const at = (text: string) => parseInstant(text)!;
const plain = (ev: Evaluation) => JSON.parse(JSON.stringify({ orgs: [...ev.orgs], members: [...ev.members] }));

/** From scratch: every member's facts rebuilt, every branch evaluated. */
function fromScratch(): Evaluation {
  return evaluateAll(
    { loadFacts: (asOf, branches) => loadBranchFacts(s.store.reader, s.store.dir, asOf, branches), dir: s.store.dir, rules: () => s.rules() },
    clock.now(),
  );
}

function expectLiveEqualsScratch() {
  s.live.tick(); // as the daily timer does when the clock has moved to another day
  expect(plain(s.live.current())).toEqual(plain(fromScratch()));
  // The kept facts themselves, not only what the rules make of them.
  const facts = (m: Map<string, unknown>) => JSON.parse(JSON.stringify([...m]));
  expect(facts(s.liveFacts(clock.now()))).toEqual(facts(loadBranchFacts(s.store.reader, s.store.dir, clock.now())));
  s.live.reevaluateAll(); // a full evaluation over the kept facts
  expect(plain(s.live.current())).toEqual(plain(fromScratch()));
}

function ingest(events: Record<string, unknown>[]) {
  const res = s.ingest(events);
  expect(res.ok, JSON.stringify(res)).toBe(true);
}

describe('kept member facts', () => {
  it('equal facts built from scratch through writes, member changes and time', () => {
    clock = manualClock(at('2026-04-15T15:00:00+08:00'));
    s = createServices(testConfig(), { clock });
    s.importDataset(tinyDataset());
    expectLiveEqualsScratch();

    createSimulator({ dir: s.store.dir, clock, ingest: s.ingest, rate: 50, seed: 5 }).steps(400);
    expectLiveEqualsScratch();

    clock.set(at('2026-04-15T16:00:00+08:00'));

    ingest([
      { id: 'j1', type: 'member.joined', at: '2026-04-15T15:10:00+08:00', member: 'M9', name: '孙九', org: 'B2', status: 'probationary', probation_started_on: '2026-04-15' },
      { id: 'p2', type: 'dues.paid', at: '2026-04-15T15:11:00+08:00', member: 'M3', month: '2026-03', amount: 6 },
      { id: 'p1', type: 'dues.paid', at: '2026-04-15T15:05:00+08:00', member: 'M3', month: '2026-03', amount: 4 },
    ]);
    expectLiveEqualsScratch();

    ingest([{ id: 't1', type: 'member.transferred', at: '2026-04-15T15:20:00+08:00', member: 'M2', org: 'B2' }]);
    expectLiveEqualsScratch();

    ingest([{ id: 'c1', type: 'member.converted', at: '2026-04-15T15:30:00+08:00', member: 'M3' }]);
    ingest([{ id: 'l1', type: 'member.left', at: '2026-04-15T15:40:00+08:00', member: 'M4', reason: '迁出' }]);
    expectLiveEqualsScratch();

    // An evaluation of another instant in between must not disturb the live one.
    s.live.at(at('2026-03-20T12:00:00+08:00'));
    expectLiveEqualsScratch();

    clock.set(at('2026-04-30T23:59:59+08:00'));
    expectLiveEqualsScratch();
    clock.set(at('2026-05-01T00:00:00+08:00')); // a month end: the window moves
    expectLiveEqualsScratch();
    clock.set(at('2026-05-03T09:00:00+08:00'));
    createSimulator({ dir: s.store.dir, clock, ingest: s.ingest, rate: 50, seed: 6 }).steps(300);
    expectLiveEqualsScratch();
  });

  it('see each figure of a member month changed alone, a visitor\'s points in their own branch too', () => {
    clock = manualClock(at('2026-04-15T15:00:00+08:00'));
    s = createServices(testConfig(), { clock });
    s.importDataset(tinyDataset());
    expectLiveEqualsScratch();
    const stamp = (m: number) => `2026-04-15T14:${String(m).padStart(2, '0')}:00+08:00`;
    const steps: Record<string, unknown>[][] = [
      // expected (every B1 member), then present and points, excused (leave), points alone (M4
      // of B2 visits: not expected, and their own branch B2 must be re-evaluated for it),
      // volunteer hours, demo posts, and dues paid in full.
      [{ id: 's1', type: 'meeting.held', at: stamp(1), meetingId: 'MT9', org: 'B1', kind: 'party_lesson' }],
      [{ id: 's2', type: 'attendance.checked_in', at: stamp(2), meetingId: 'MT9', member: 'M2' }],
      [{ id: 's3', type: 'attendance.checked_in', at: stamp(3), meetingId: 'MT9', member: 'M3', status: 'leave' }],
      [{ id: 's4', type: 'attendance.checked_in', at: stamp(4), meetingId: 'MT9', member: 'M4' }],
      [{ id: 's5', type: 'activity.logged', at: stamp(5), member: 'M2', kind: 'volunteer', hours: 2 }],
      [{ id: 's6', type: 'activity.logged', at: stamp(6), member: 'M2', kind: 'demo_post' }],
      [{ id: 's7', type: 'dues.paid', at: stamp(7), member: 'M2', month: '2026-04', amount: 1000 }],
    ];
    for (const events of steps) {
      ingest(events);
      expectLiveEqualsScratch();
    }
  });
});
