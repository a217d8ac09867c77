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
export const TOUR_ACTIONS = ['pause', 'resume', 'next', 'prev', 'start', 'stop'] as const;
export type TourAction = (typeof TOUR_ACTIONS)[number];
/** A wall's name as it appears in `?wall=` (letters of any script, digits, `_ . -`). */
export const isWallName = (name: unknown): name is string => typeof name === 'string' && /^[\p{L}\p{N}_.-]{1,64}$/u.test(name);
export interface WallNavigateMsg {
  wall: string;
  scope: string;
}
export interface WallTourMsg {
  wall: string;
  action: TourAction;
  scene?: number;
}
/** A pairing code for a wall to show in large digits for `ttlMs` — a duration, not an instant,
 * because a wall PC's clock and the server's need not agree. */
export interface PairCodeMsg {
  code: string;
  ttlMs: number;
}
/** A short-lived session handed to a wall that asked for a code on /pair. */
export interface PairGrantedMsg {
  token: string;
  profile: Profile;
  ttlMs: number;
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
  /** To a wall's room when a remote wants to pair (null: claimed, hide it). */
  'pair:code': (msg: PairCodeMsg | null) => void;
  'pair:granted': (msg: PairGrantedMsg) => void;
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
  /** Walls connected now, by name (leader). */
  'wall:list': (ack: (res: { walls: string[] } | AckError) => void) => void;
  /** From a device on /pair: a code to show; whoever claims it gives this socket a session. */
  'pair:request': (msg: { wall?: string }, ack: (res: PairCodeMsg | AckError) => void) => void;
  /** From a remote (leader): ask the named wall to show a code; the code never comes back here. */
  'pair:start': (msg: { wall: string }, ack?: (res: { ok: true; ttlMs: number } | AckError) => void) => void;
}
