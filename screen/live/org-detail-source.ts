// Keeps the organisation detail store in step with the wall's scope: fetched when the scope
// changes (below the district root; the overview does not show it), and again after the
// scope's deltas, at most once per `throttleMs`, since every delta is a changed figure and
// a busy branch gets several a second. A scope the wall moves to was shown to it by the server
// (a row, a point, a crumb), so its fetch runs beside the socket's subscribe; the start-up
// scope comes from a URL that may be mistyped, so it waits for the server's first snapshot.
import { watch } from 'vue';
import type { OrgDetail } from '../../shared/org-detail.ts';
import type { useOrgDetailStore } from '../stores/org-detail.ts';
import type { useWallStore } from '../stores/wall.ts';

export interface OrgDetailSourceDeps {
  wall: ReturnType<typeof useWallStore>;
  store: ReturnType<typeof useOrgDetailStore>;
  root: string;
  load: (code: string) => Promise<OrgDetail>;
  throttleMs?: number;
  now?: () => number;
}

export function createOrgDetailSource(deps: OrgDetailSourceDeps): { dispose(): void } {
  const { wall, store, root } = deps;
  const throttle = deps.throttleMs ?? 2000;
  const now = deps.now ?? (() => Date.now());
  let lastFetch = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  function fetchNow(code: string) {
    cancel();
    lastFetch = now();
    deps.load(code).then(
      (d) => store.receive(d),
      () => store.failed(code),
    );
  }
  let awaitingSnapshot = false;
  function follow(code: string, previous: string | undefined) {
    cancel();
    const inScene = code !== '' && code !== root;
    store.reset(inScene ? code : '');
    awaitingSnapshot = inScene && previous === undefined && wall.snapshot?.scope.code !== code;
    if (inScene && !awaitingSnapshot) fetchNow(code);
  }
  function refresh() {
    const code = store.code;
    if (!code || timer) return;
    const wait = lastFetch + throttle - now();
    if (wait <= 0) fetchNow(code);
    else timer = setTimeout(() => fetchNow(code), wait);
  }

  const stopScope = watch(() => wall.scope, follow, { immediate: true });
  const stopSnapshot = watch(
    () => wall.snapshot?.scope.code,
    (code) => {
      if (awaitingSnapshot && code === store.code) {
        awaitingSnapshot = false;
        fetchNow(code);
      }
    },
  );
  // A new seq on top of one already held is a delta (or a resync) of this scope; the first
  // snapshot after a scope change is not news to a fetch made at that change.
  const stopSeq = watch(
    () => wall.seq,
    (seq, prev) => {
      if (seq !== null && prev !== null && prev !== undefined) refresh();
    },
  );
  return {
    dispose() {
      cancel();
      stopScope();
      stopSnapshot();
      stopSeq();
    },
  };
}
