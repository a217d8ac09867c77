// Tokens and display profiles. Tokens live in a file outside the repo as SHA-256 hashes
// ({ "tokens": [{ "name": "wall-1", "profile": "leader", "sha256": "<hex>" }] }); a request
// without a token is `public`, a wrong token is refused, never downgraded silently.

import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { Profile } from '../../shared/socket.ts';
import { ConfigError } from '../config.ts';
import { HttpError } from './errors.ts';

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
  /** The profile of a token: 'public' for none, null for a token that matches nothing. */
  resolve(token: string | undefined): Profile | null;
  /** Throws 401/403 unless the request's profile reaches `need`. */
  require(req: FastifyRequest, need: Profile): Profile;
  who(req: FastifyRequest): string;
}

export function createAuth(entries: TokenEntry[]): Auth {
  const match = (token: string) => {
    const h = createHash('sha256').update(token, 'utf8').digest();
    return entries.find((e) => timingSafeEqual(e.sha256, h)) ?? null;
  };
  const bearer = (req: FastifyRequest) => {
    const h = req.headers.authorization;
    if (!h) return undefined;
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    if (!m) throw new HttpError(401, 'unauthorized', 'Authorization header must be "Bearer <token>"');
    return m[1];
  };
  return {
    resolve(token) {
      if (token === undefined || token === '') return 'public';
      return match(token)?.profile ?? null;
    },
    require(req, need) {
      const token = bearer(req);
      const entry = token ? match(token) : null;
      if (token && !entry) throw new HttpError(401, 'unauthorized', 'unknown or revoked token');
      const profile: Profile = entry?.profile ?? 'public';
      if (RANK[profile] >= RANK[need]) return profile;
      if (!token) throw new HttpError(401, 'unauthorized', `this needs a ${need} token (Authorization: Bearer <token>)`);
      throw new HttpError(403, 'forbidden', `a ${profile} token cannot do this; it needs ${need}`);
    },
    who(req) {
      const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      return (token && match(token)?.name) || 'anonymous';
    },
  };
}

