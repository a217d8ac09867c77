// Tokens and display profiles. Tokens live in a file outside the repo as SHA-256 hashes
// ({ "tokens": [{ "name": "wall-1", "profile": "leader", "sha256": "<hex>" }] }); a request
// without a token is `public`, a wrong token is refused, never downgraded silently.

import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { Profile } from '../../shared/socket.ts';
import { ConfigError } from '../config.ts';
import { HttpError } from './errors.ts';
import type { Identity, Sessions } from './sessions.ts';

export interface TokenEntry {
  name: string;
  profile: Exclude<Profile, 'public'>;
  sha256: Buffer;
}

const RANK: Record<Profile, number> = { public: 0, leader: 1, operator: 2 };

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A missing file means no tokens yet (everyone is `public`), never open access. */
export function loadTokens(file: string | null): TokenEntry[] {
  if (!file || !existsSync(file)) return [];
  let json: { tokens?: { name?: unknown; profile?: unknown; sha256?: unknown }[] };
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`tokens file ${file}: ${(err as Error).message}`);
  }
  return (json.tokens ?? []).map((t, i) => {
    if (typeof t.name !== 'string' || (t.profile !== 'leader' && t.profile !== 'operator') || typeof t.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(t.sha256)) {
      throw new ConfigError(`tokens file ${file}: tokens[${i}] needs name, profile (leader|operator) and sha256 (64 hex digits)`);
    }
    return { name: t.name, profile: t.profile, sha256: Buffer.from(t.sha256, 'hex') };
  });
}

export interface Auth {
  /** Who a token is: `public` for none, null for a token that matches nothing (or has expired). */
  identify(token: string | undefined): Identity | null;
  /** The identity of a request; throws 401 for a bad token. */
  identifyRequest(req: FastifyRequest): Identity;
  /** Throws 401/403 unless the request's profile reaches `need`. */
  require(req: FastifyRequest, need: Profile): Identity;
  who(req: FastifyRequest): string;
}

const PUBLIC: Identity = { profile: 'public', name: 'anonymous', drives: null, expiresAt: null };

export function atLeast(profile: Profile, need: Profile): boolean {
  return RANK[profile] >= RANK[need];
}

/** Tokens from the file (devices and people), then short-lived sessions from pairing. */
export function createAuth(entries: TokenEntry[], sessions?: Sessions): Auth {
  const identify = (token: string | undefined): Identity | null => {
    if (token === undefined || token === '') return PUBLIC;
    const h = createHash('sha256').update(token, 'utf8').digest();
    const entry = entries.find((e) => timingSafeEqual(e.sha256, h));
    if (entry) return { profile: entry.profile, name: entry.name, drives: null, expiresAt: null };
    return sessions?.lookup(token) ?? null;
  };
  const identifyRequest = (req: FastifyRequest) => {
    const h = req.headers.authorization;
    if (!h) return PUBLIC;
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    if (!m) throw new HttpError(401, 'unauthorized', 'Authorization header must be "Bearer <token>"');
    const who = identify(m[1]);
    if (!who) throw new HttpError(401, 'unauthorized', 'unknown, revoked or expired token');
    return who;
  };
  return {
    identify,
    identifyRequest,
    require(req, need) {
      const who = identifyRequest(req);
      if (atLeast(who.profile, need)) return who;
      if (who.profile === 'public') throw new HttpError(401, 'unauthorized', `this needs a ${need} token (Authorization: Bearer <token>)`);
      throw new HttpError(403, 'forbidden', `a ${who.profile} token cannot do this; it needs ${need}`);
    },
    who(req) {
      try {
        return identifyRequest(req).name;
      } catch {
        return 'anonymous';
      }
    },
  };
}
