// The socket contract (CONTRACTS §4), typed once and used by `new Server<…>()` and `io()` alike.

import type { FeedItem, Patch, WallSnapshot } from './snapshot.ts';
import type { TourConfig } from './tour.ts';

export type Profile = 'public' | 'leader' | 'operator';

export interface SnapshotMsg {
  scope: string;
  seq: number;
  asOf: number;
  data: WallSnapshot;
}
export interface DeltaMsg {
  scope: string;
  seq: number;
  asOf: number;
  patches: Patch[];
}
export interface HeartbeatMsg {
  asOf: number;
  /** Latest seq per subscribed scope of this socket. */
  seq: Record<string, number>;
  version: string;
}
export interface SubscribeMsg {
  scope: string;
  lastSeq?: number;
}
export type TourAction = 'pause' | 'resume' | 'next' | 'prev' | 'start' | 'stop';
export interface WallNavigateMsg {
  wall: string;
  scope: string;
}
export interface WallTourMsg {
  wall: string;
  action: TourAction;
  scene?: number;
}
export interface AckError {
  error: string;
  message: string;
}

export interface ServerToClientEvents {
  snapshot: (msg: SnapshotMsg) => void;
  delta: (msg: DeltaMsg) => void;
  feed: (msg: { items: FeedItem[] }) => void;
  heartbeat: (msg: HeartbeatMsg) => void;
  'wall:navigate': (msg: WallNavigateMsg) => void;
  'wall:tour': (msg: WallTourMsg) => void;
  /** The operator replaced the tour (PUT /api/tour): every wall plays the new one. */
  'tour:config': (msg: TourConfig) => void;
  error: (msg: AckError) => void;
}

export interface ClientToServerEvents {
  subscribe: (msg: SubscribeMsg, ack?: (res: { ok: true } | AckError) => void) => void;
  unsubscribe: (msg: { scope: string }) => void;
  'wall:join': (msg: { wall: string }) => void;
  'wall:navigate': (msg: WallNavigateMsg, ack?: (res: { ok: true } | AckError) => void) => void;
  'wall:tour': (msg: WallTourMsg, ack?: (res: { ok: true } | AckError) => void) => void;
}
