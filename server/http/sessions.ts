// Short-lived tokens handed out by pairing: a wall that was paired gets a `leader` view for a
// working day, a remote gets the right to drive the one wall it paired with. Kept in memory
// only (hashed, like the tokens file): a restart ends every session and devices pair again.

import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Profile } from '../../shared/socket.ts';

/** Who a connection is: its profile, a name for the audit, and the wall it may drive (if any). */
export interface Identity {
  profile: Profile;
  name: string;
  drives: string | null;
  /** When a pairing session ends (server clock); null for tokens from the file and `public`. */
  expiresAt: number | null;
}

/** A briefing or an inspection lasts a day at most; a wall kept longer holds a device token. */
export const SESSION_MS = 8 * 60 * 60 * 1000;

export interface Sessions {
  grant(identity: Omit<Identity, 'expiresAt'>): { token: string; expiresAt: number };
  /** The identity of a live session token, null when unknown or expired. */
  lookup(token: string): Identity | null;
}

export function createSessions(clock: Clock): Sessions {
  const live = new Map<string, Identity & { expiresAt: number }>();
  const key = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
  const sweep = () => {
    const now = clock.now();
    for (const [k, s] of live) if (s.expiresAt <= now) live.delete(k);
  };
  return {
    grant(identity) {
      sweep();
      const token = `s.${randomBytes(32).toString('base64url')}`;
      const expiresAt = clock.now() + SESSION_MS;
      live.set(key(token), { ...identity, expiresAt });
      return { token, expiresAt };
    },
    lookup(token) {
      const s = live.get(key(token));
      if (!s || s.expiresAt <= clock.now()) return null;
      return { profile: s.profile, name: s.name, drives: s.drives, expiresAt: s.expiresAt };
    },
  };
}
