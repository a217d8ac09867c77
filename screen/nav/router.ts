// Drill-down: the one place that moves the wall between scopes. It keeps three things in step —
// the URL (history API), the live feed's subscription (unsubscribe old, subscribe new) and the
// "why is this red" explanation — so components only ever call go / up / home / explain.
import type { InjectionKey } from 'vue';
import type { WarningItem } from '../../shared/snapshot.ts';
import type { LightHistoryEntry } from '../live/http-sources.ts';
import type { useExplainStore } from '../stores/explain.ts';
import type { useWallStore } from '../stores/wall.ts';
import { parsePlace, placeUrl, type PlaceLocation } from './place.ts';

export interface HistoryLike {
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
}

export interface RouterDeps {
  /** Only setScope is used: the feed unsubscribes the old scope and subscribes the new one.
   * Null (the fixture, no server) keeps the wall where it is. */
  feed: { setScope(code: string): void } | null;
  wall: ReturnType<typeof useWallStore>;
  explain: ReturnType<typeof useExplainStore>;
  root: string;
  location: PlaceLocation;
  history: HistoryLike;
  /** Where popstate comes from (window); omitted in tests that call popped() themselves. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  loadHistory?: (code: string) => Promise<LightHistoryEntry[] | null>;
}

export interface Router {
  go(code: string): void;
  up(): void;
  home(): void;
  /** Opens the reasons of a warning (or the current scope's own light) and fetches its history. */
  explain(item: Pick<WarningItem, 'code' | 'name' | 'level' | 'reasons' | 'since'>): void;
  closeExplain(): void;
  /** The browser moved (back/forward): follow the URL without pushing. */
  popped(): void;
  /** The server does not know this scope: replace the URL with the root's and go there. */
  unknown(code: string): void;
  dispose(): void;
}

export const ROUTER_KEY: InjectionKey<Router> = Symbol('router');

export function createRouter(deps: RouterDeps): Router {
  const { feed, wall, explain, root, location, history } = deps;
  const current = () => wall.scope || root;

  function switchTo(code: string) {
    explain.close();
    if (code !== current()) feed?.setScope(code);
  }
  function go(code: string) {
    // Without a feed (the fixture) there is nothing to switch to: stay, but still explain.
    if (!feed || !code || code === current()) return explain.close();
    history.pushState({ scope: code }, '', placeUrl(code, root, location));
    switchTo(code);
  }
  function popped() {
    switchTo(parsePlace(location) ?? root);
  }
  const onPop = () => popped();
  deps.events?.addEventListener('popstate', onPop);

  return {
    go,
    popped,
    unknown(code) {
      if (code !== current() || code === root) return;
      history.replaceState({ scope: root }, '', placeUrl(root, root, location));
      switchTo(root);
    },
    up() {
      const path = wall.snapshot?.scope.path ?? [];
      if (path.length > 1) go(path[path.length - 2].code);
    },
    home() {
      go(wall.snapshot?.scope.path[0]?.code ?? root);
    },
    explain(item) {
      explain.open(item);
      const load = deps.loadHistory;
      if (!load) return explain.setHistory(item.code, null);
      load(item.code).then(
        (h) => explain.setHistory(item.code, h),
        () => explain.setHistory(item.code, null),
      );
    },
    closeExplain() {
      explain.close();
    },
    dispose() {
      deps.events?.removeEventListener('popstate', onPop);
    },
  };
}
