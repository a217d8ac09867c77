import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MEETING_KINDS } from '../../../../shared/domain.ts';
import { parseInstant } from '../../../../shared/periods.ts';
import { generateDemo, summariseDataset } from '../../../../server/sources/demo/index.ts';
import { pointInPolygon } from '../../../../server/sources/demo/map.ts';
import { readLights, referenceProblems } from './check.ts';

const CLOCK = parseInstant('2026-06-18T10:00:00+08:00')!;
const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('demo generator, small scale', () => {
  const demo = generateDemo({ seed: 7, scale: 'small', clock: CLOCK });
  const { dataset } = demo;

  it('is a pure function of seed, scale and clock', () => {
    const again = generateDemo({ seed: 7, scale: 'small', clock: CLOCK });
    expect(sha(again.dataset)).toBe(sha(dataset));
    expect(sha(again.map)).toBe(sha(demo.map));
    expect(sha(again.meta)).toBe(sha(demo.meta));
    expect(sha(generateDemo({ seed: 8, scale: 'small', clock: CLOCK }).dataset)).not.toBe(sha(dataset));
    expect(sha(generateDemo({ seed: 7, scale: 'small', clock: CLOCK + 86_400_000 }).dataset)).not.toBe(sha(dataset));
  });

  it('is one plant: a committee, eight branches, about 325 members', () => {
    const s = summariseDataset(dataset);
    expect(s.orgsByType).toEqual({ district: 1, committee: 1, branch: 8 });
    expect(s.members.total).toBeGreaterThanOrEqual(300);
    expect(s.members.total).toBeLessThanOrEqual(350);
    expect(s.members.probationary).toBeGreaterThan(0);
    expect(dataset.groups.length).toBeGreaterThan(0);
    expect(s.rows.attendance).toBeGreaterThan(5000);
  });

  it('has valid references and nothing after the clock', () => {
    expect(referenceProblems(dataset, CLOCK)).toEqual([]);
  });

  it('stays valid for a clock in early January and at a month boundary', () => {
    for (const at of ['2026-01-02T09:00:00+08:00', '2026-03-01T00:30:00+08:00', '2025-12-31T23:50:00+08:00']) {
      const clock = parseInstant(at)!;
      expect(referenceProblems(generateDemo({ seed: 3, scale: 'small', clock }).dataset, clock), at).toEqual([]);
    }
  });

  it('holds every kind of meeting', () => {
    const kinds = new Set(dataset.meetings.map((m) => m.kind));
    for (const kind of MEETING_KINDS) expect(kinds.has(kind), kind).toBe(true);
  });

  it('places organisations inside their region on the demo map', () => {
    expect(demo.map.features).toHaveLength(demo.meta.regions.length);
    const ring = new Map(demo.map.features.map((f) => [f.properties.name, f.geometry.coordinates[0]]));
    for (const f of demo.map.features) expect(f.properties.demo).toBe(true);
    for (const o of dataset.orgs) {
      if (o.lng == null) continue;
      expect(pointInPolygon(ring.get(o.region!)!, [o.lng, o.lat!]), o.code).toBe(true);
    }
    for (const r of demo.meta.regions) expect(pointInPolygon(ring.get(r.name)!, [r.lng, r.lat]), r.name).toBe(true);
  });

  it('is mostly healthy: only planted branches and the big retiree branch light up', () => {
    const lights = readLights(dataset, CLOCK);
    const planted = new Map(demo.meta.planted.map((p) => [p.code, p.issue]));
    for (const [code, reading] of lights) {
      const expected = planted.get(code);
      if (!expected || expected === 'chronicPayer') {
        const rules = Object.keys(reading.rules);
        expect(rules.filter((r) => r !== 'structure'), code).toEqual([]);
      }
    }
    expect(lights.get(demo.meta.planted.find((p) => p.issue === 'orgLife2')!.code)!.rules.orgLife).toBe('red');
  });
});
