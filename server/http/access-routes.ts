// Login and pairing over HTTP. POST /api/login checks a pasted token and says whose it is, so
// the screen never stores a token the server would refuse. POST /api/pair spends a code shown
// on a wall: the wall (if it asked on /pair) receives a leader session over its socket, and the
// claimer receives a session that may drive that wall and no other.

import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pairing } from '../push/pairing.ts';
import type { Auth } from './auth.ts';
import { HttpError } from './errors.ts';
import { accessRateLimit } from './hardening.ts';
import { SESSION_MS, type Sessions } from './sessions.ts';

const LoginBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }) });
const PairBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) });

export interface AccessOptions {
  auth: Auth;
  sessions: Sessions;
  pairing: Pairing;
  audit: (req: FastifyRequest, action: string, rows: number, detail?: unknown) => void;
}

export async function accessRoutes(app: FastifyInstance, opts: AccessOptions): Promise<void> {
  const { auth, sessions, pairing, audit } = opts;

  app.post<{ Body: Static<typeof LoginBody> }>('/api/login', { schema: { body: LoginBody }, config: accessRateLimit }, async (req) => {
    const who = auth.identify(req.body.token);
    if (!who || who.profile === 'public') throw new HttpError(401, 'unauthorized', 'unknown, revoked or expired token');
    return { profile: who.profile, name: who.name };
  });

  app.post<{ Body: Static<typeof PairBody> }>('/api/pair', { schema: { body: PairBody }, config: accessRateLimit }, async (req) => {
    const who = auth.require(req, 'leader');
    const target = pairing.claim(req.body.code);
    if (!target) throw new HttpError(404, 'not_found', 'no such pairing code: it is wrong, used or older than five minutes');
    // A paired wall only ever shows (leader view); it drives nothing and writes nothing.
    const wallSession = target.socketId ? sessions.grant({ profile: 'leader', name: `${who.name} (paired wall)`, drives: null }) : null;
    const remote = target.wall ? sessions.grant({ profile: 'leader', name: who.name, drives: target.wall }) : null;
    pairing.claimed({ ...target, wallSession });
    audit(req, 'pair', 1, { wall: target.wall, wallSession: wallSession !== null });
    return { wall: target.wall, token: remote?.token ?? null, ttlMs: remote ? SESSION_MS : null };
  });
}
