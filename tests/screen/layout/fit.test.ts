import { describe, expect, it } from 'vitest';
import { createRedrawQueue } from '../../../screen/charts/redraw-queue.ts';
import { chartPixelRatio, chooseLayout, fitCanvas, MAX_CANVAS_SIDE } from '../../../screen/layout/fit.ts';
import { ORG_RECTS, PANEL_RECTS } from '../../../screen/layout/panels.ts';
import { DESIGN } from '../../../screen/layout/fit.ts';

describe('fitCanvas', () => {
  it('chooses the 16:9 arrangement below 2:1', () => {
    expect(chooseLayout(5760, 1920)).toBe('wall');
    expect(chooseLayout(1920, 640)).toBe('wall');
    expect(chooseLayout(1920, 1080)).toBe('wide16x9');
    expect(chooseLayout(1024, 768)).toBe('wide16x9');
  });

  it('scales uniformly and letterboxes in the centre', () => {
    const f = fitCanvas(3840, 1920, 1); // wider than 3:1 would need → pillarbox
    expect(f.layout).toBe('wall');
    expect(f.scale).toBeCloseTo(3840 / 5760);
    expect(f.top).toBeCloseTo((1920 - 1920 * f.scale) / 2);
    expect(f.left).toBe(0);
    const g = fitCanvas(1920, 1080, 2);
    expect(g.width).toBe(3840);
    expect(g.scale).toBe(0.5);
    expect(g.pixelRatio).toBe(1); // 2 physical px per CSS px × 0.5 scale
  });

  it('caps a chart pixel ratio so its canvas stays under the browser limit', () => {
    expect(chartPixelRatio(3, 2720, 920) * 2720).toBeLessThan(MAX_CANVAS_SIDE);
    expect(chartPixelRatio(0.5, 1000, 500)).toBe(0.5);
  });

  it('panels fit their canvas and do not overlap, in both arrangements of both scenes', () => {
    for (const [layout, rects] of [...Object.entries(PANEL_RECTS), ...Object.entries(ORG_RECTS)]) {
      const size = DESIGN[layout as keyof typeof DESIGN];
      const list = Object.entries(rects);
      for (const [id, r] of list) {
        expect(r.x + r.w, `${layout}.${id}`).toBeLessThanOrEqual(size.width);
        expect(r.y + r.h, `${layout}.${id}`).toBeLessThanOrEqual(size.height);
      }
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const [, a] = list[i];
          const [, b] = list[j];
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${layout}: ${list[i][0]} × ${list[j][0]}`).toBe(false);
        }
    }
  });
});

describe('redraw queue', () => {
  it('runs one chart per frame and coalesces a chart queued twice', () => {
    const frames: (() => void)[] = [];
    const q = createRedrawQueue((cb) => frames.push(cb));
    const ran: string[] = [];
    const a = {};
    const b = {};
    q.schedule(a, () => ran.push('a1'));
    q.schedule(b, () => ran.push('b'));
    q.schedule(a, () => ran.push('a2'));
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(ran).toEqual(['a2']);
    frames.shift()!();
    expect(ran).toEqual(['a2', 'b']);
    frames.shift()!();
    expect(frames).toHaveLength(0);
    expect(q.size).toBe(0);
  });
});
