// One scope as seen by one profile: its latest snapshot, its sequence number and a ring of recent
// deltas, so a client that reconnects gets exactly what it missed, or a fresh snapshot if the
// ring no longer reaches back that far.

import { diffSnapshots } from '../../shared/patches.ts';
import type { DeltaMsg, Profile, SnapshotMsg } from '../../shared/socket.ts';
import type { WallSnapshot } from '../../shared/snapshot.ts';

export const RING_SIZE = 256;

export class ScopeChannel {
  /**
   * Starts at wall-time ms: a channel rebuilt later (or by a restarted server) numbers past any
   * seq an old client holds, so a stale lastSeq always gets a snapshot, never foreign deltas.
   */
  seq: number;
  /** When someone last watched this channel (wall-time ms); idle channels are dropped. */
  lastWatched: number;
  private snap: WallSnapshot | null = null;
  private ring: DeltaMsg[] = [];

  constructor(
    readonly scope: string,
    readonly profile: Profile,
    private readonly build: () => WallSnapshot,
    seqBase: number,
  ) {
    this.seq = seqBase;
    this.lastWatched = seqBase;
  }

  get room(): string {
    return `scope:${this.profile}:${this.scope}`;
  }

  snapshotMsg(): SnapshotMsg {
    if (!this.snap) this.snap = this.build();
    return { scope: this.scope, seq: this.seq, asOf: this.snap.asOf, data: this.snap };
  }

  /** Deltas after lastSeq if the ring still holds all of them, else null (send a snapshot). */
  since(lastSeq: number): DeltaMsg[] | null {
    if (!this.snap || lastSeq > this.seq) return null;
    if (lastSeq === this.seq) return [];
    const first = this.ring[0]?.seq ?? Infinity;
    if (lastSeq + 1 < first) return null;
    return this.ring.filter((d) => d.seq > lastSeq);
  }

  /** Rebuilds the snapshot; returns the delta to broadcast, or null when nothing visible changed. */
  update(): DeltaMsg | null {
    if (!this.snap) return null;
    const next = this.build();
    const patches = diffSnapshots(this.snap, next);
    this.snap = next;
    if (patches.length === 0) return null;
    this.seq += 1;
    const delta: DeltaMsg = { scope: this.scope, seq: this.seq, asOf: next.asOf, patches };
    this.ring.push(delta);
    if (this.ring.length > RING_SIZE) this.ring.shift();
    return delta;
  }
}
