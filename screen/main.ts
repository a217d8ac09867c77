// Start-up: stores, fonts, visibility, then either the fixture (?fixture=1, no server) or the
// live feed. URL flags: ?fixture=1, ?scope=<code>, ?lang=en, ?layout=wall|wide16x9, ?gl=0.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import type { WallSnapshot } from '../shared/snapshot.ts';
import App from './App.vue';
import { registerMapOnce } from './charts/setup.ts';
import { connectLive } from './live/connect.ts';
import { loadConfig, loadMap, loadRootScope } from './live/http-sources.ts';
import { hasWebGL } from './panels/webgl.ts';
import { useConnectionStore } from './stores/connection.ts';
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

ui.setFixture(fixture);
if (params.get('lang') === 'en') ui.setLang('en');
const syncHidden = () => ui.setPaused(document.hidden);
document.addEventListener('visibilitychange', syncHidden);
syncHidden();
// Charts wait for the CJK font; a wall must still draw if the font promise never settles.
Promise.race([document.fonts?.ready ?? Promise.resolve(), new Promise((r) => setTimeout(r, 4000))]).then(() => ui.setFontsReady());

const use3d = params.get('gl') !== '0' && hasWebGL();
const forced = params.get('layout');

async function start() {
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
    return { centreName: null };
  }
  const [config, geo] = await Promise.all([loadConfig(), loadMap()]);
  if (geo) {
    registerMapOnce(MAP_NAME, geo);
    wall.setMapName(MAP_NAME);
  }
  const scope = params.get('scope') ?? config.scope ?? (await loadRootScope()) ?? 'root';
  connectLive(scope);
  return { centreName: config.centreName };
}

start().then(({ centreName }) => {
  const app = createApp(App, { centreName, use3d, forceLayout: forced === 'wall' || forced === 'wide16x9' ? forced : undefined });
  app.use(pinia);
  app.mount('#app');
});
