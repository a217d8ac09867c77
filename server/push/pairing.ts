// Six-digit pairing codes. A code is shown on a wall (the wall asked for it on /pair, or a
// remote asked the wall to show one) and typed on a tablet by someone holding a leader token:
// seeing the code proves they stand in front of that wall. One use, five minutes, and claims
// are rate-limited over HTTP, so guessing one of a million codes in time is out of reach.

import { randomInt } from 'node:crypto';
import type { Clock } from '../clock.ts';

export const CODE_MS = 5 * 60 * 1000;
/** Bounds memory if something floods code requests; old codes go first. */
const MAX_CODES = 1000;

export interface PairTarget {
  /** The wall's name (`?wall=`) that the claimer may then drive; null for a plain login. */
  wall: string | null;
  /** The socket that asked for the code on /pair and is waiting for a session; null when a remote asked. */
  socketId: string | null;
}

/** What a claim handed out: the session for the waiting wall socket (when it asked on /pair). */
export interface Claimed extends PairTarget {
  wallSession: { token: string; expiresAt: number } | null;
}

export interface Pairing {
  issue(target: PairTarget): { code: string; expiresAt: number };
  /** The target of a live code, which is spent by the claim; null for an unknown or expired code. */
  claim(code: string): PairTarget | null;
  /** A socket went away: its codes can no longer deliver a session. */
  forget(socketId: string): void;
  /** The HTTP claim tells the socket side, which owns the sockets, what to deliver. */
  claimed(c: Claimed): void;
  onClaimed(listener: (c: Claimed) => void): () => void;
}

export function createPairing(clock: Clock): Pairing {
  const codes = new Map<string, PairTarget & { expiresAt: number }>();
  const listeners = new Set<(c: Claimed) => void>();
  const sweep = () => {
    const now = clock.now();
    for (const [c, t] of codes) if (t.expiresAt <= now) codes.delete(c);
  };
  const drop = (pred: (t: PairTarget) => boolean) => {
    for (const [c, t] of codes) if (pred(t)) codes.delete(c);
  };
  return {
    issue(target) {
      sweep();
      // One live code per waiting socket and per wall: asking again replaces the old one.
      drop((t) => (target.socketId !== null && t.socketId === target.socketId) || (target.socketId === null && t.socketId === null && t.wall === target.wall));
      while (codes.size >= MAX_CODES) codes.delete(codes.keys().next().value!);
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (codes.has(code));
      const expiresAt = clock.now() + CODE_MS;
      codes.set(code, { ...target, expiresAt });
      return { code, expiresAt };
    },
    claim(code) {
      sweep();
      const t = codes.get(code);
      if (!t) return null;
      codes.delete(code);
      return { wall: t.wall, socketId: t.socketId };
    },
    forget(socketId) {
      drop((t) => t.socketId === socketId);
    },
    claimed(c) {
      for (const l of listeners) l(c);
    },
    onClaimed(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
