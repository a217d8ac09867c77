// Captions name live figures from the district's snapshot; one that is unknown prints "—",
// never a brace.
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import { fillCaption } from '../../../shared/tour.ts';
import { captionValues, FOCUS } from '../../../screen/tour/scene-view.ts';

const snap = fixture as unknown as WallSnapshot;

describe('scene view', () => {
  it('fills captions from the snapshot', () => {
    const v = captionValues(snap, '一支部');
    expect(fillCaption('本月已整改销号红灯 {cleared} 个，{top} 领跑；{name}', v)).toBe(`本月已整改销号红灯 ${snap.clearedThisMonth} 个，${snap.rankings.top[0].name} 领跑；一支部`);
    expect(v.compliance).toMatch(/^\d+\.\d%$/);
  });

  it('the rankings scene emphasises the branch ranking and shows the vanguard leaders', () => {
    expect(FOCUS.rankings).toEqual(['ranking', 'vanguard']);
  });

  it('prints a dash for what is not known, and leaves other text alone', () => {
    expect(fillCaption('{cleared} / {nothing} / {name}', captionValues(null, null))).toBe('— / — / —');
    expect(fillCaption('三会一课', {})).toBe('三会一课');
  });
});
