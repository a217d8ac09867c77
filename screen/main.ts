// Start-up: stores, fonts, visibility, then either the fixture (?fixture=1, no server) or the
// live feed, then the router that keeps the URL (/org/<code>), the feed's subscription and the
// explanation overlay in step, then the tour; a wall named by ?wall=<name> also follows its paired
// remote. URL flags: ?fixture=1, ?scope=<code>, ?lang=en, ?layout=…, ?gl=0, ?tour=1|0, ?scene=N,
// ?wall=<name>.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import type { WallSnapshot } from '../shared/snapshot.ts';
import App from './App.vue';
import { registerMapOnce } from './charts/setup.ts';
import { connectLive, readToken } from './live/connect.ts';
import { loadConfig, loadLightHistory, loadMap, loadOrgDetail, loadRootScope } from './live/http-sources.ts';
import { createOrgDetailSource } from './live/org-detail-source.ts';
import type { LiveFeed } from './live/create-live-feed.ts';
import { bindWallRemote, wallName } from './live/wall-remote.ts';
import { bindKeys } from './nav/keyboard.ts';
import { parsePlace } from './nav/place.ts';
import { createRouter, ROUTER_KEY, type Router } from './nav/router.ts';
import { hasWebGL } from './panels/webgl.ts';
import { useConnectionStore } from './stores/connection.ts';
import { useExplainStore } from './stores/explain.ts';
import { useOrgDetailStore } from './stores/org-detail.ts';
import { useUiStore } from './stores/ui.ts';
import { useWallStore } from './stores/wall.ts';
import { installTour, readTourStart } from './tour/install.ts';
import { useTourStore } from './tour/tour-store.ts';
import './styles.css';

const MAP_NAME = 'district';
const params = new URLSearchParams(window.location.search);
const fixture = params.get('fixture') === '1';
const pinia = createPinia();
const ui = useUiStore(pinia);
const wall = useWallStore(pinia);
const connection = useConnectionStore(pinia);
const explain = useExplainStore(pinia);
const orgDetail = useOrgDetailStore(pinia);

ui.setFixture(fixture);
if (params.get('lang') === 'en') ui.setLang('en');
// Motion stops while the tab is hidden and for viewers who asked for reduced motion (numbers jump).
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
const syncPaused = () => ui.setPaused(document.hidden || !!reducedMotion?.matches);
document.addEventListener('visibilitychange', syncPaused);
reducedMotion?.addEventListener('change', syncPaused);
syncPaused();
// Charts wait for the CJK font; a wall must still draw if the font promise never settles.
Promise.race([document.fonts?.ready ?? Promise.resolve(), new Promise((r) => setTimeout(r, 4000))]).then(() => ui.setFontsReady());

const use3d = params.get('gl') !== '0' && hasWebGL();
const forced = params.get('layout');
const tourStart = readTourStart(params, window.sessionStorage);

async function start(): Promise<{ centreName: string | null; root: string; feed: LiveFeed | null; live: ReturnType<typeof connectLive> | null }> {
  if (fixture) {
    const [snap, geo] = await Promise.all([
      import('../tests/fixtures/snapshot.district.json').then((m) => m.default as unknown as WallSnapshot),
      import('../tests/fixtures/map.demo.json').then((m) => m.default),
    ]);
    registerMapOnce(MAP_NAME, geo);
    wall.setMapName(MAP_NAME);
    wall.setScope(snap.scope.code);
    wall.replace(snap, 1, snap.asOf);
    connection.setState('live', Date.now());
    connection.markUpdate(Date.now());
    return { centreName: null, root: snap.scope.code, feed: null, live: null };
  }
  const [config, geo] = await Promise.all([loadConfig(), loadMap()]);
  if (geo) {
    registerMapOnce(MAP_NAME, geo);
    wall.setMapName(MAP_NAME);
  }
  const root = config.scope ?? (await loadRootScope()) ?? 'root';
  const live = connectLive(parsePlace(window.location) ?? root, (code) => router?.unknown(code), { publicOnly: tourStart.plan.mode !== 'off' });
  return { centreName: config.centreName, root, feed: live.feed, live };
}

// Set once the app starts; the socket cannot answer before then (it is still connecting).
let router: Router | null = null;

start().then(({ centreName, root, feed, live }) => {
  router = createRouter({
    feed,
    wall,
    explain,
    root,
    location: window.location,
    history: window.history,
    events: window,
    loadHistory: fixture ? undefined : (code) => loadLightHistory(code),
  });
  bindKeys(window, router, () => explain.target !== null);
  if (live) {
    installTour({ pinia, socket: live.socket, router, root, start: tourStart, withToken: live.withToken });
    const name = wallName(window.location.search);
    if (name) bindWallRemote({ socket: live.socket, wall: name, router, tour: useTourStore(pinia), showCode: ui.setPairCode });
  }
  // The fixture has no server: its organisation panels show no data.
  if (feed) createOrgDetailSource({ wall, store: orgDetail, root, load: (code) => loadOrgDetail(code, readToken()) });
  const app = createApp(App, { centreName, use3d, root, forceLayout: forced === 'wall' || forced === 'wide16x9' ? forced : undefined });
  app.provide(ROUTER_KEY, router);
  app.use(pinia);
  app.mount('#app');
});
