// The organisation detail follows the wall's scope: fetched on a scope change below the root,
// refetched after the scope's deltas at most once per throttle window, answers for an earlier
// scope dropped.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import type { OrgDetail } from '../../../shared/org-detail.ts';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import { createOrgDetailSource } from '../../../screen/live/org-detail-source.ts';
import { useOrgDetailStore } from '../../../screen/stores/org-detail.ts';
import { useWallStore } from '../../../screen/stores/wall.ts';

const detailOf = (code: string, asOf = 1) => ({ org: { code, name: code, type: 'branch', parentCode: null }, asOf }) as unknown as OrgDetail;
const snap = { scope: { code: 'B1' } } as WallSnapshot;

describe('organisation detail source', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  function setup(start = 'D') {
    const wall = useWallStore();
    const store = useOrgDetailStore();
    const calls: string[] = [];
    const answers = new Map<string, (d: OrgDetail) => void>();
    wall.setScope(start);
    const source = createOrgDetailSource({
      wall,
      store,
      root: 'D',
      throttleMs: 2000,
      now: () => Date.now(),
      load: (code) => {
        calls.push(code);
        return new Promise((resolve) => answers.set(code, resolve));
      },
    });
    return { wall, store, calls, answers, source };
  }

  it('nothing at the root; a scope below it is fetched at once and the store empties meanwhile', async () => {
    const { wall, store, calls, answers } = setup();
    expect(calls).toEqual([]);
    expect(store.status).toBe('idle');
    wall.setScope('B1');
    await nextTick();
    expect(calls).toEqual(['B1']);
    expect(store.status).toBe('loading');
    answers.get('B1')!(detailOf('B1'));
    await Promise.resolve();
    expect(store.detail?.org.code).toBe('B1');
    wall.setScope('D');
    await nextTick();
    expect(store.detail).toBeNull();
    expect(store.status).toBe('idle');
  });

  it('the start-up scope (from a URL, maybe mistyped) waits for the server’s snapshot of it', async () => {
    const { wall, calls } = setup('B9');
    await nextTick();
    expect(calls).toEqual([]); // an unknown code would only earn a 404; the server says not_found on the socket
    wall.replace({ scope: { code: 'B9' } } as WallSnapshot, 3, 0);
    await nextTick();
    expect(calls).toEqual(['B9']);
  });

  it('deltas refetch, throttled to one per 2 s; the first snapshot does not', async () => {
    const { wall, calls } = setup();
    wall.setScope('B1');
    await nextTick();
    wall.replace(snap, 10, 0); // first snapshot after the scope change
    await nextTick();
    expect(calls).toEqual(['B1']);
    for (let seq = 11; seq <= 15; seq++) {
      wall.replace(snap, seq, 0);
      await nextTick();
      vi.advanceTimersByTime(100);
    }
    expect(calls).toEqual(['B1']); // within 2 s of the first fetch: one refetch waits
    vi.advanceTimersByTime(1600);
    expect(calls).toEqual(['B1', 'B1']);
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(['B1', 'B1']); // nothing new, nothing fetched
  });

  it('a late answer for the previous scope, or an older one, is dropped', async () => {
    const { wall, store, answers } = setup();
    wall.setScope('B1');
    await nextTick();
    wall.setScope('B2');
    await nextTick();
    answers.get('B1')!(detailOf('B1'));
    await Promise.resolve();
    expect(store.detail).toBeNull();
    store.receive(detailOf('B2', 5));
    store.receive(detailOf('B2', 4));
    expect(store.detail?.asOf).toBe(5);
  });
});
