// Wires the tour into a live wall: the tour file, the remote and config messages, the director,
// the watchdog, and how it starts (a soft reload's saved place, else ?tour / ?scene). A tour
// always shows the public profile: a wall holding a token that is told to tour reloads without it.
import type { Pinia } from 'pinia';
import { watch } from 'vue';
import { loadTour } from '../live/http-sources.ts';
import type { WallSocket } from '../live/connect.ts';
import type { Router } from '../nav/router.ts';
import { useConnectionStore } from '../stores/connection.ts';
import { useWallStore } from '../stores/wall.ts';
import { createTourDirector } from './director.ts';
import { bindTourConfig, type ConfigSocket } from './remote-control.ts';
import { saveWall, startPlan, takeSavedWall, type SavedWall, type StartPlan } from './start-state.ts';
import { useTourStore } from './tour-store.ts';
import { chromiumHeapMb, createWatchdog, type ReloadReason } from './watchdog.ts';

const RETRY_MS = 10_000;

export interface TourStart {
  plan: StartPlan;
  saved: SavedWall | null;
}

/** Read before connecting: a wall that starts touring connects without its token. */
export function readTourStart(params: URLSearchParams, storage: Storage): TourStart {
  const saved = takeSavedWall(storage, Date.now());
  return { plan: startPlan(params, saved), saved };
}

export interface TourDeps {
  pinia: Pinia;
  socket: WallSocket;
  router: Router;
  root: string;
  start: TourStart;
  /** The socket carries a leader or operator token: a tour must not run on it. */
  withToken: boolean;
}

export function installTour(deps: TourDeps): void {
  const { pinia, socket, router, root, start } = deps;
  const tour = useTourStore(pinia);
  const wall = useWallStore(pinia);
  const connection = useConnectionStore(pinia);

  function softReload(reason: ReloadReason | 'public-profile') {
    const active = tour.mode !== 'off';
    saveWall(sessionStorage, { at: Date.now(), tour: active ? { mode: tour.mode === 'held' ? 'held' : 'playing', index: tour.index } : null, scope: wall.scope || null });
    console.info(`vanguard: soft reload (${reason})`);
    window.location.reload();
  }

  let plan: StartPlan | null = start.plan;
  const fetchTour = () =>
    loadTour().then((next) => {
      if (!next) return void setTimeout(fetchTour, RETRY_MS);
      tour.setConfig(next);
      if (plan && plan.mode !== 'off') {
        tour.command('start', plan.scene);
        if (plan.mode === 'held') tour.command('pause');
      }
      plan = null;
    });
  if (start.saved?.scope && start.saved.scope !== wall.scope) router.go(start.saved.scope);
  createTourDirector({ tour, wall, router, root });
  bindTourConfig(socket as unknown as ConfigSocket, tour);
  void fetchTour();
  if (deps.withToken) {
    watch(
      () => tour.active,
      (active) => active && softReload('public-profile'),
      { immediate: true },
    );
  }
  createWatchdog({
    settings: () => tour.config?.watchdog ?? null,
    heapUsedMb: chromiumHeapMb,
    connection,
    reachable: () => fetch('/api/health').then((r) => r.ok),
    reload: softReload,
  });
}
