// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import OverviewScene from '../../../screen/scenes/OverviewScene.vue';
import { useConnectionStore } from '../../../screen/stores/connection.ts';
import { useWallStore } from '../../../screen/stores/wall.ts';

const snap = fixture as unknown as WallSnapshot;
const statuses = (w: ReturnType<typeof mount>) =>
  Object.fromEntries(w.findAll('[data-panel]').map((p) => [p.attributes('data-panel'), p.attributes('data-status')]));

describe('overview scene', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('every panel is loading before the first snapshot, empty when the link went stale without one', async () => {
    const w = mount(OverviewScene, { props: { centreName: null, use3d: false }, attachTo: document.body });
    const s = statuses(w);
    delete s.header;
    expect(Object.values(s).every((v) => v === 'loading')).toBe(true);
    useConnectionStore().setState('stale', 0);
    await nextTick();
    const e = statuses(w);
    delete e.header;
    expect(Object.values(e).every((v) => v === 'empty')).toBe(true);
    w.unmount();
  });

  it('draws the snapshot, and greys every panel when the link goes stale', async () => {
    const w = mount(OverviewScene, { props: { centreName: null, use3d: false }, attachTo: document.body });
    useWallStore().replace(snap, 1, snap.asOf);
    useConnectionStore().setState('live', 0);
    await nextTick();
    const s = statuses(w);
    delete s.header;
    expect(Object.values(s).every((v) => v === 'ok')).toBe(true);
    expect(w.find('h1').text()).toBe(snap.centreName);
    // No GeoJSON registered: the map says so instead of calling itself a demo map.
    expect(w.find('[data-testid="map-none"]').text()).toBe('未加载地图 · 按经纬度示意');
    useWallStore().setMapName('district');
    await nextTick();
    expect(w.find('[data-testid="map-demo"]').text()).toBe('示意地图（演示数据）');
    useConnectionStore().setState('stale', 0);
    await nextTick();
    const t = statuses(w);
    delete t.header;
    expect(Object.values(t).every((v) => v === 'stale')).toBe(true);
    w.unmount();
  });
});
