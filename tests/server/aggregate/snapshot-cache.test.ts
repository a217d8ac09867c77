// The live snapshots keep what they worked out between builds (branch views per evaluation, the
// ranking order, the scope's shape) and move it by what changed. Whatever happens (check-ins,
// payments, members moving, time passing), a build from the kept cache must equal a build from
// nothing, for every scope and profile, at every step.
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { buildSnapshot, scopeMemberFacts, type SnapshotExtras } from '../../../server/aggregate/snapshot.ts';
import { SnapshotCache } from '../../../server/aggregate/snapshot-cache.ts';
import { createServices } from '../../../server/services.ts';
import { createSimulator } from '../../../server/sources/simulator/simulator.ts';
import { generateDemo } from '../../../server/sources/demo/index.ts';
import { parseInstant } from '../../../shared/periods.ts';
import type { Profile } from '../../../shared/socket.ts';
import type { Structure } from '../../../shared/snapshot.ts';

const clock = manualClock(parseInstant('2026-06-18T10:00:00+08:00')!);
const s = createServices(testConfig(), { clock });
s.importDataset(generateDemo({ seed: 7, scale: 'small', clock: clock.now() }).dataset);
afterAll(() => s.close());

const PROFILES: Profile[] = ['public', 'leader', 'operator'];

function extras(profile: Profile, cache: SnapshotCache | undefined): SnapshotExtras {
  const asOf = s.live.current().asOf;
  return {
    centreName: '测试中心',
    rules: s.rules(),
    checkins: s.store.reader.checkins('2026-06-18'),
    applicants: [],
    lightSince: new Map(),
    clearedThisMonth: () => 0,
    reportsSent: () => null,
    feed: [],
    prescription: (rule, level) => ({ label: rule, text: level }),
    map: { demo: true, mapName: 'demo' },
    // Small enough that some red branches are generalised on the public wall.
    smallBranchSize: profile === 'public' ? 40 : null,
    structure: () => ({}) as Structure,
    members: (scope) => scopeMemberFacts(s.store.dir, scope, asOf),
    pipeline: (_scope, compute) => compute(),
    vanguardLeaders: (_scope, compute) => compute(),
    cache,
  };
}

describe('snapshot cache', () => {
  it('builds what a fresh build does, step after step, for every scope and profile', () => {
    const caches = new Map(PROFILES.map((p) => [p, new SnapshotCache()]));
    const scopes = [...s.store.dir.orgs.keys()];
    const sim = createSimulator({ dir: s.store.dir, clock, ingest: s.ingest, rate: 80, seed: 11 });
    let compared = 0;
    let generalised = 0;
    for (let step = 0; step < 25; step++) {
      if (step > 0) sim.steps(40);
      if (step === 12) clock.set(parseInstant('2026-06-19T09:00:00+08:00')!); // a new day
      const ev = s.live.current();
      for (const scope of scopes) {
        for (const p of PROFILES) {
          const kept = buildSnapshot(ev, s.store.dir, scope, p, extras(p, caches.get(p)));
          const fresh = buildSnapshot(ev, s.store.dir, scope, p, extras(p, undefined));
          expect(kept, `${scope} ${p} at step ${step}`).toEqual(fresh);
          compared += 1;
          if (p === 'public') generalised += kept.rankings.bottom.filter((r) => r.name.endsWith('下属支部')).length;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(generalised, 'some small branch is named by its parent on the public wall').toBeGreaterThan(0);
  });
});
