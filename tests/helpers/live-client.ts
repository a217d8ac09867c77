// A socket.io-client that records what a wall would receive, for integration tests.
import { io, type Socket } from 'socket.io-client';
import { applyPatches } from '../../shared/patches.ts';
import type { ClientToServerEvents, DeltaMsg, ServerToClientEvents, SnapshotMsg } from '../../shared/socket.ts';
import type { WallSnapshot } from '../../shared/snapshot.ts';

export interface TestWall {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  snapshots: SnapshotMsg[];
  deltas: DeltaMsg[];
  raw: string[];
  state(): WallSnapshot | null;
  seq(): number;
  waitFor<T>(pred: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): void;
}

export function connectWall(url: string, opts: { token?: string; scope?: string } = {}): TestWall {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    auth: opts.token ? { token: opts.token } : {},
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  const snapshots: SnapshotMsg[] = [];
  const deltas: DeltaMsg[] = [];
  const raw: string[] = [];
  let state: WallSnapshot | null = null;
  let seq = -1;
  socket.onAny((event, payload) => raw.push(`${event} ${JSON.stringify(payload)}`));
  socket.on('snapshot', (m) => {
    snapshots.push(m);
    state = m.data;
    seq = m.seq;
  });
  socket.on('delta', (d) => {
    deltas.push(d);
    if (state && d.seq === seq + 1) {
      state = applyPatches(state, d.patches);
      seq = d.seq;
    } else if (opts.scope) {
      socket.emit('subscribe', { scope: opts.scope, lastSeq: seq });
    }
  });
  socket.on('connect', () => {
    if (opts.scope) socket.emit('subscribe', seq >= 0 ? { scope: opts.scope, lastSeq: seq } : { scope: opts.scope });
  });
  return {
    socket,
    snapshots,
    deltas,
    raw,
    state: () => state,
    seq: () => seq,
    async waitFor(pred, timeoutMs = 5000) {
      const start = Date.now();
      for (;;) {
        const v = pred();
        if (v) return v as never;
        if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => socket.close(),
  };
}
