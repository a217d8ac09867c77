// Remote control of named walls and the pairing that allows it. A wall joins the room of its
// name; a remote may send it a place or a tour command only when its session names that wall
// (Identity.drives, from claiming a code the wall showed). Codes reach walls, never remotes.

import { isWallName, TOUR_ACTIONS } from '../../shared/socket.ts';
import { atLeast } from '../http/auth.ts';
import type { Services } from '../services.ts';
import { epochMs, type Clock } from '../clock.ts';
import type { Pairing } from './pairing.ts';
import type { VanguardIo, VSocket } from './socket-plugin.ts';

/** A socket may ask for a new pairing code this often; a code lives five minutes anyway. */
const CODE_INTERVAL_MS = 3000;

export function bindRemoteControl(io: VanguardIo, socket: VSocket, deps: { services: Services; pairing: Pairing }): void {
  const { services, pairing } = deps;
  const profile = socket.data.profile;

  socket.on('wall:join', (msg) => {
    if (isWallName(msg?.wall)) void socket.join(`wall:${msg.wall}`);
  });

  const forbidden = (message: string) => ({ error: 'forbidden', message });
  const tooSoon = () => {
    if (epochMs() - socket.data.lastCodeAt < CODE_INTERVAL_MS) return true;
    socket.data.lastCodeAt = epochMs();
    return false;
  };
  // Only a session from pairing names a wall to drive; a leader token alone drives none.
  const mayDrive = (wall: unknown) => {
    if (!atLeast(profile, 'leader')) return forbidden('remote control needs a leader token');
    if (!isWallName(wall) || socket.data.identity.drives !== wall) return forbidden(`not paired with wall "${String(wall)}": pair with its code first`);
    return null;
  };
  socket.on('wall:navigate', (msg, ack) => {
    const refused = mayDrive(msg?.wall);
    if (refused) return ack?.(refused);
    if (!services.store.dir.orgs.has(msg?.scope)) return ack?.({ error: 'not_found', message: `unknown scope "${msg?.scope}"` });
    io.to(`wall:${msg.wall}`).emit('wall:navigate', { wall: msg.wall, scope: msg.scope });
    ack?.({ ok: true });
  });
  socket.on('wall:tour', (msg, ack) => {
    const refused = mayDrive(msg?.wall);
    if (refused) return ack?.(refused);
    if (!TOUR_ACTIONS.includes(msg?.action)) return ack?.({ error: 'bad_request', message: `unknown tour action "${String(msg?.action)}"` });
    const scene = Number.isInteger(msg.scene) ? { scene: msg.scene } : {};
    io.to(`wall:${msg.wall}`).emit('wall:tour', { wall: msg.wall, action: msg.action, ...scene });
    ack?.({ ok: true });
  });
  socket.on('wall:list', (ack) => {
    if (typeof ack !== 'function') return;
    if (!atLeast(profile, 'leader')) return ack(forbidden('the list of walls needs a leader token'));
    const walls = [...io.sockets.adapter.rooms.keys()].filter((r) => r.startsWith('wall:')).map((r) => r.slice(5));
    ack({ walls: walls.sort() });
  });
  socket.on('pair:request', (msg, ack) => {
    if (typeof ack !== 'function') return;
    if (msg?.wall !== undefined && !isWallName(msg.wall)) return ack({ error: 'bad_request', message: 'a wall name is letters, digits, "_", "." or "-"' });
    if (tooSoon()) return ack({ error: 'too_many_requests', message: 'wait a few seconds before asking for another code' });
    const issued = pairing.issue({ wall: msg?.wall ?? null, socketId: socket.id });
    ack({ code: issued.code, ttlMs: issued.expiresAt - services.clock.now() });
  });
  socket.on('pair:start', (msg, ack) => {
    if (!atLeast(profile, 'leader')) return ack?.(forbidden('pairing with a wall needs a leader token'));
    const wall = msg?.wall;
    if (!isWallName(wall) || !io.sockets.adapter.rooms.has(`wall:${wall}`)) return ack?.({ error: 'not_found', message: `no wall "${String(wall)}" is connected` });
    if (tooSoon()) return ack?.({ error: 'too_many_requests', message: 'wait a few seconds before asking for another code' });
    // The code goes to the wall only: the remote learns it by reading the wall.
    const issued = pairing.issue({ wall, socketId: null });
    const ttlMs = issued.expiresAt - services.clock.now();
    io.to(`wall:${wall}`).emit('pair:code', { code: issued.code, ttlMs });
    ack?.({ ok: true, ttlMs });
  });
  socket.on('disconnect', () => pairing.forget(socket.id));
}

/** Hands a claimed code's session to the wall socket that asked for it, and clears the shown code. */
export function deliverClaims(io: VanguardIo, pairing: Pairing, clock: Clock): () => void {
  return pairing.onClaimed((c) => {
    if (c.socketId && c.wallSession) io.to(c.socketId).emit('pair:granted', { token: c.wallSession.token, profile: 'leader', ttlMs: c.wallSession.expiresAt - clock.now() });
    if (c.wall) io.to(`wall:${c.wall}`).emit('pair:code', null);
  });
}
