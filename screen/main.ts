// Start-up: stores, fonts, visibility, then either the fixture (?fixture=1, no server) or the
// live feed, then the router that keeps the URL (/org/<code>), the feed's subscription and the
// explanation overlay in step. URL flags: ?fixture=1, ?scope=<code>, ?lang=en, ?layout=…, ?gl=0.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import type { WallSnapshot } from '../shared/snapshot.ts';
import App from './App.vue';
import { registerMapOnce } from './charts/setup.ts';
import { connectLive } from './live/connect.ts';
import { loadConfig, loadLightHistory, loadMap, loadRootScope } from './live/http-sources.ts';
import type { LiveFeed } from './live/create-live-feed.ts';
import { bindKeys } from './nav/keyboard.ts';
import { parsePlace } from './nav/place.ts';
import { createRouter, ROUTER_KEY, type Router } from './nav/router.ts';
import { hasWebGL } from './panels/webgl.ts';
import { useConnectionStore } from './stores/connection.ts';
import { useExplainStore } from './stores/explain.ts';
import { useUiStore } from './stores/ui.ts';
import { useWallStore } from './stores/wall.ts';
import './styles.css';

const MAP_NAME = 'district';
const params = new URLSearchParams(window.location.search);
const fixture = params.get('fixture') === '1';
const pinia = createPinia();
const ui = useUiStore(pinia);
const wall = useWallStore(pinia);
const connection = useConnectionStore(pinia);
const explain = useExplainStore(pinia);

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

async function start(): Promise<{ centreName: string | null; root: string; feed: LiveFeed | null }> {
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
    return { centreName: null, root: snap.scope.code, feed: null };
  }
  const [config, geo] = await Promise.all([loadConfig(), loadMap()]);
  if (geo) {
    registerMapOnce(MAP_NAME, geo);
    wall.setMapName(MAP_NAME);
  }
  const root = config.scope ?? (await loadRootScope()) ?? 'root';
  const { feed } = connectLive(parsePlace(window.location) ?? root, (code) => router?.unknown(code));
  return { centreName: config.centreName, root, feed };
}

// Set once the app starts; the socket cannot answer before then (it is still connecting).
let router: Router | null = null;

start().then(({ centreName, root, feed }) => {
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
  const app = createApp(App, { centreName, use3d, forceLayout: forced === 'wall' || forced === 'wide16x9' ? forced : undefined });
  app.provide(ROUTER_KEY, router);
  app.use(pinia);
  app.mount('#app');
});
