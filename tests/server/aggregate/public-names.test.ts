// The public wall does not single out a small branch by name where its light is red or yellow:
// not in the warnings, not on the map, not in the breadcrumbs of its own scene. Leaders see names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { publicOrgName } from '../../../server/aggregate/public-name.ts';
import { lightFeedItem } from '../../../server/push/feed.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

let s: Services;
beforeAll(() => {
  s = createServices(testConfig(), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
  s.importDataset(tinyDataset());
});
afterAll(() => s.close());

const REAL = '东湖社区第二支部'; // B2: one member, no meetings since it was founded in February
const GENERAL = '东湖街道党工委下属支部';

describe('small branches on the public wall', () => {
  it('B2 is small and not green, so the rule applies to it', () => {
    const b2 = s.live.current().orgs.get('B2')!;
    expect(b2.counts.members).toBeLessThan(s.rules().privacy.smallBranchSize);
    expect(['red', 'yellow']).toContain(b2.light.level);
  });

  it('are generalised in warnings, rankings, map points and breadcrumbs for public', () => {
    const district = s.snapshot('D', 'public');
    expect(district.warnings.find((w) => w.code === 'B2')?.name).toBe(GENERAL);
    expect(district.map.points.find((p) => p.code === 'B2')?.name).toBe(GENERAL);
    const own = s.snapshot('B2', 'public');
    expect(own.scope.name).toBe(GENERAL);
    expect(own.scope.path.at(-1)?.name).toBe(GENERAL);
    expect(JSON.stringify([district, own])).not.toContain(REAL);
  });

  it('keep their names for leaders; organisations above branches keep theirs for everyone', () => {
    expect(JSON.stringify(s.snapshot('B2', 'leader'))).toContain(REAL);
    expect(s.snapshot('B2', 'public').scope.path.map((p) => p.name).slice(0, 2)).toEqual(['示范区委', '东湖街道党工委']);
  });

  it('are generalised in the public ticker when they turn red; the named ticker names them', () => {
    const ev = s.live.current();
    const change = { code: 'B2', at: ev.asOf, from: 'green' as const, to: 'red' as const, light: ev.orgs.get('B2')!.light };
    const line = lightFeedItem(change, s.store.dir, (code) => publicOrgName(s.store.dir, ev, code, s.rules().privacy.smallBranchSize))!;
    expect(line.public.orgName).toBe(GENERAL);
    expect(line.public.text).toMatch(new RegExp(`^${GENERAL} 转为红灯`));
    expect(line.public.text).not.toContain(REAL);
    expect(line.named.text).toContain(REAL);
  });
});
