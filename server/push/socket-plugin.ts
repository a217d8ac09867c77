// Socket.IO attached to fastify.server (our own small plugin: fastify-socket.io supports
// Fastify 4 only). Rooms per scope and profile, so a profile's data never reaches a weaker room;
// deltas coalesced per window; heartbeat for staleness; remote control of named walls.

import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, Profile, ServerToClientEvents } from '../../shared/socket.ts';
import type { ChangeNotice } from '../aggregate/live-state.ts';
import type { Services } from '../services.ts';
import { ScopeChannel } from './scope-channel.ts';
import { epochMs } from '../clock.ts';

/** A channel nobody watches is kept (and updated) this long, so a wall that blinks gets deltas, not a snapshot. */
const IDLE_CHANNEL_MS = 60_000;

export type VanguardIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { profile: Profile; walls: Set<string> }>;
type VSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { profile: Profile; walls: Set<string> }>;

export interface PushOptions {
  services: Services;
  resolveProfile: (token: string | undefined) => Profile | null;
  /** Hands the server to routes that broadcast to every wall (a plugin's decorations stay inside it). */
  onIo?: (io: VanguardIo) => void;
}

export async function pushPlugin(app: FastifyInstance, opts: PushOptions): Promise<void> {
  const { services, resolveProfile } = opts;
  const io: VanguardIo = new Server(app.server, { path: '/socket.io', serveClient: false, cors: { origin: false } });
  const channels = new Map<string, ScopeChannel>();
  const dirty = new Set<string>();
  let dirtyAll = false;
  let timer: NodeJS.Timeout | null = null;

  const channel = (scope: string, profile: Profile) => {
    const key = `${profile}:${scope}`;
    let ch = channels.get(key);
    if (!ch) channels.set(key, (ch = new ScopeChannel(scope, profile, () => services.snapshot(scope, profile), epochMs())));
    return ch;
  };

  const flush = () => {
    timer = null;
    for (const ch of channels.values()) {
      if (!dirtyAll && !dirty.has(ch.scope)) continue;
      if ((io.sockets.adapter.rooms.get(ch.room)?.size ?? 0) > 0) ch.lastWatched = epochMs();
      else if (epochMs() - ch.lastWatched > IDLE_CHANNEL_MS) {
        channels.delete(`${ch.profile}:${ch.scope}`);
        continue;
      }
      const delta = ch.update();
      if (delta) io.to(ch.room).emit('delta', delta);
    }
    dirty.clear();
    dirtyAll = false;
  };

  const offChange = services.live.onChange((n: ChangeNotice) => {
    if (n.all) dirtyAll = true;
    for (const c of n.codes) dirty.add(c);
    // The feed changes with every event, and it is part of every scope's snapshot.
    if (!timer) timer = setTimeout(flush, services.config.deltaWindowMs);
  });

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    const profile = resolveProfile(typeof token === 'string' ? token : undefined);
    if (!profile) return next(new Error('invalid token'));
    socket.data.profile = profile;
    socket.data.walls = new Set();
    next();
  });

  io.on('connection', (socket: VSocket) => {
    const profile = socket.data.profile;
    void socket.join(`profile:${profile}`);
    socket.on('subscribe', (msg, ack) => {
      const scope = typeof msg?.scope === 'string' ? msg.scope : '';
      if (!services.store.dir.orgs.has(scope)) {
        const err = { error: 'not_found', message: `unknown scope "${scope}"` };
        socket.emit('error', err);
        return ack?.(err);
      }
      const ch = channel(scope, profile);
      ch.lastWatched = epochMs();
      void socket.join(ch.room);
      const missed = typeof msg.lastSeq === 'number' ? ch.since(msg.lastSeq) : null;
      if (missed) for (const d of missed) socket.emit('delta', d);
      else socket.emit('snapshot', ch.snapshotMsg());
      ack?.({ ok: true });
    });
    socket.on('unsubscribe', (msg) => {
      if (typeof msg?.scope === 'string') void socket.leave(`scope:${profile}:${msg.scope}`);
    });
    socket.on('wall:join', (msg) => {
      if (typeof msg?.wall !== 'string' || !msg.wall) return;
      socket.data.walls.add(msg.wall);
      void socket.join(`wall:${msg.wall}`);
    });
    socket.on('wall:navigate', (msg, ack) => {
      if (profile === 'public') return ack?.({ error: 'forbidden', message: 'remote control needs a leader token' });
      if (!services.store.dir.orgs.has(msg?.scope)) return ack?.({ error: 'not_found', message: `unknown scope "${msg?.scope}"` });
      io.to(`wall:${msg.wall}`).emit('wall:navigate', { wall: msg.wall, scope: msg.scope });
      ack?.({ ok: true });
    });
    socket.on('wall:tour', (msg, ack) => {
      if (profile === 'public') return ack?.({ error: 'forbidden', message: 'remote control needs a leader token' });
      io.to(`wall:${msg.wall}`).emit('wall:tour', msg);
      ack?.({ ok: true });
    });
  });

  const heartbeat = setInterval(() => {
    // The daily tick first: deadline rules move with the calendar, not with events.
    services.live.tick();
    for (const profile of ['public', 'leader', 'operator'] as const) {
      const seq: Record<string, number> = {};
      for (const ch of channels.values()) if (ch.profile === profile) seq[ch.scope] = ch.seq;
      io.to(`profile:${profile}`).emit('heartbeat', { asOf: services.clock.now(), seq, version: services.version });
    }
  }, services.config.heartbeatMs);
  heartbeat.unref();

  app.decorate('io', io);
  opts.onIo?.(io);
  // Close transports rather than disconnecting sockets: a server-side disconnect tells
  // socket.io clients not to come back, and a wall must come back when we restart.
  app.addHook('preClose', async () => {
    for (const socket of io.sockets.sockets.values()) socket.conn.close();
  });
  app.addHook('onClose', async () => {
    offChange();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
    await io.close();
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    io: VanguardIo;
  }
}
