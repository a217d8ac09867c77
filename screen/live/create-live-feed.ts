// The one feed: subscribes the socket to a scope and keeps the stores in step with the server.
// Invariants: a delta is applied only on top of seq-1; anything older is a duplicate; anything
// newer is held briefly and triggers one resubscribe {scope, lastSeq} so the server can fill the
// gap (with deltas or a fresh snapshot). Every (re)connect resubscribes with lastSeq, because
// the server forgets rooms when a socket drops.
import type { DeltaMsg, HeartbeatMsg, SnapshotMsg, SubscribeMsg } from '../../shared/socket.ts';
import type { FeedItem } from '../../shared/snapshot.ts';
import type { useConnectionStore } from '../stores/connection.ts';
import type { useWallStore } from '../stores/wall.ts';

/** The part of a socket.io-client Socket the feed uses, so tests can pass a fake. */
export interface LiveSocket {
  connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: 'subscribe' | 'unsubscribe', msg: SubscribeMsg): unknown;
}

export interface LiveStores {
  wall: ReturnType<typeof useWallStore>;
  connection: ReturnType<typeof useConnectionStore>;
}

export interface LiveFeedOptions {
  scope: string;
  /** Called once when the server's version differs from the first one heard. */
  reload?: () => void;
  now?: () => number;
  staleAfterMs?: number;
  /** A resubscribe for a gap is repeated at most this often while the gap stays open. */
  resyncAfterMs?: number;
  /** The server does not know the scope (a mistyped /org/<code>): the router falls back. */
  onUnknownScope?: (scope: string) => void;
}

export interface LiveFeed {
  setScope(scope: string): void;
  dispose(): void;
}

const MAX_HELD = 50;

export function createLiveFeed(socket: LiveSocket, stores: LiveStores, opts: LiveFeedOptions): LiveFeed {
  const { wall, connection } = stores;
  const now = opts.now ?? (() => Date.now());
  const staleAfter = opts.staleAfterMs ?? 15_000;
  const resyncAfter = opts.resyncAfterMs ?? 5_000;
  const reload = opts.reload ?? (() => window.location.reload());
  let scope = opts.scope;
  let lastSeq: number | null = null;
  let held = new Map<number, DeltaMsg>();
  let resyncAt: number | null = null;
  let firstVersion: string | null = null;
  let staleTimer: ReturnType<typeof setTimeout> | null = null;
  let reloading = false;

  wall.setScope(scope);

  function subscribe() {
    const msg: SubscribeMsg = lastSeq === null ? { scope } : { scope, lastSeq };
    socket.emit('subscribe', msg);
  }
  function resync() {
    const t = now();
    if (resyncAt !== null && t - resyncAt < resyncAfter) return;
    resyncAt = t;
    subscribe();
  }
  function heard(update: boolean) {
    const t = now();
    if (update) connection.markUpdate(t);
    else connection.markMessage(t);
    connection.setState('live', t);
    armStale();
  }
  function armStale() {
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = setTimeout(() => connection.setState('stale', now()), staleAfter);
  }

  function onConnect() {
    connection.setState('live', now());
    resyncAt = null;
    subscribe();
    armStale();
  }
  function onDisconnect() {
    connection.setState('reconnecting', now());
  }
  function onSnapshot(msg: SnapshotMsg) {
    if (msg.scope !== scope) return;
    if (lastSeq !== null && msg.seq < lastSeq) return;
    lastSeq = msg.seq;
    resyncAt = null;
    wall.replace(msg.data, msg.seq, msg.asOf);
    for (const s of held.keys()) if (s <= msg.seq) held.delete(s);
    drain();
    heard(true);
  }
  function onDelta(msg: DeltaMsg) {
    if (msg.scope !== scope) return;
    if (lastSeq === null) return heard(false); // a snapshot is on its way; it will cover this
    if (msg.seq <= lastSeq) return heard(false);
    if (msg.seq !== lastSeq + 1) {
      if (held.size < MAX_HELD) held.set(msg.seq, msg);
      resync();
      return heard(false);
    }
    apply(msg);
    drain();
    heard(true);
  }
  function apply(msg: DeltaMsg) {
    wall.patch(msg.patches, msg.seq, msg.asOf);
    lastSeq = msg.seq;
    resyncAt = null;
  }
  function drain() {
    while (lastSeq !== null && held.has(lastSeq + 1)) {
      const next = held.get(lastSeq + 1)!;
      held.delete(next.seq);
      apply(next);
    }
    if (held.size > 0) resync();
  }
  function onFeed(msg: { items: FeedItem[] }) {
    wall.pushFeed(msg.items ?? []);
    heard(false);
  }
  function onError(msg: { error?: string; message?: string }) {
    // The server names the scope in its message; one for an earlier scope is old news.
    if (msg?.error === 'not_found' && (msg.message ?? '').includes(`"${scope}"`)) opts.onUnknownScope?.(scope);
  }
  function onHeartbeat(msg: HeartbeatMsg) {
    if (msg.version) {
      if (firstVersion === null) {
        firstVersion = msg.version;
        connection.setVersion(msg.version);
      } else if (msg.version !== firstVersion && !reloading) {
        reloading = true;
        reload();
        return;
      }
    }
    const serverSeq = msg.seq?.[scope];
    if (typeof serverSeq === 'number' && lastSeq !== null && serverSeq > lastSeq) resync();
    heard(false);
  }

  const listeners: [string, (...args: any[]) => void][] = [
    ['connect', onConnect],
    ['disconnect', onDisconnect],
    ['connect_error', onDisconnect],
    ['snapshot', onSnapshot],
    ['delta', onDelta],
    ['feed', onFeed],
    ['heartbeat', onHeartbeat],
    ['error', onError],
  ];
  for (const [event, fn] of listeners) socket.on(event, fn);
  if (socket.connected) onConnect();
  else armStale();

  return {
    setScope(next: string) {
      if (next === scope) return;
      socket.emit('unsubscribe', { scope });
      scope = next;
      lastSeq = null;
      held = new Map();
      resyncAt = null;
      wall.setScope(next);
      if (socket.connected) subscribe();
    },
    dispose() {
      for (const [event, fn] of listeners) socket.off(event, fn);
      if (staleTimer) clearTimeout(staleTimer);
    },
  };
}
