// Socket.IO attached to fastify.server (our own small plugin: fastify-socket.io supports
// Fastify 4 only). Rooms per scope and profile, so a profile's data never reaches a weaker room;
// deltas coalesced per window; heartbeat for staleness; remote control of named walls, which a
// remote may drive only after pairing with that wall (its session names the wall it drives).

import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, Profile, ServerToClientEvents } from '../../shared/socket.ts';
import type { ChangeNotice } from '../aggregate/live-state.ts';
import type { Services } from '../services.ts';
import { ScopeChannel } from './scope-channel.ts';
import { epochMs } from '../clock.ts';
import type { Identity } from '../http/sessions.ts';
import type { Pairing } from './pairing.ts';
import { bindRemoteControl, deliverClaims } from './remote-control.ts';

/** A channel nobody watches is kept (and updated) this long, so a wall that blinks gets deltas, not a snapshot. */
const IDLE_CHANNEL_MS = 60_000;

export type VanguardIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type VSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export interface SocketData {
  profile: Profile;
  identity: Identity;
  lastCodeAt: number;
}

export interface PushOptions {
  services: Services;
  identify: (token: string | undefined) => Identity | null;
  pairing: Pairing;
  /** Hands the server to routes that broadcast to every wall (a plugin's decorations stay inside it). */
  onIo?: (io: VanguardIo) => void;
}

export async function pushPlugin(app: FastifyInstance, opts: PushOptions): Promise<void> {
  const { services, identify, pairing } = opts;
  const io: VanguardIo = new Server(app.server, { path: '/socket.io', serveClient: false, cors: { origin: false } });
  const channels = new Map<string, ScopeChannel>();
  const dirty = new Set<string>();
  let dirtyAll = false;
  let timer: NodeJS.Timeout | null = null;

  // What walls are shown: the evaluation with every write in it, except while the re-evaluation
  // paces itself under heavy ingest (live-state.ts BUSY_FACTOR), where walls get it as it stands;
  // the paced step's own notice then sends the next delta.
  const forWalls = () => {
    services.live.flush({ unlessBusy: true });
    return services.live.latest();
  };
  const channel = (scope: string, profile: Profile) => {
    const key = `${profile}:${scope}`;
    let ch = channels.get(key);
    if (!ch) channels.set(key, (ch = new ScopeChannel(scope, profile, () => services.snapshot(scope, profile, forWalls()), epochMs())));
    return ch;
  };

  let lastFlush = 0;
  const flush = () => {
    timer = null;
    lastFlush = performance.now();
    // Run any pending re-evaluation first: its notice marks what this delta must carry. Run by the
    // first snapshot below, that notice came mid-loop and was cleared with the rest, so the scopes
    // it named (another scope's wall too) waited for a later change to be sent.
    forWalls();
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
    // The first change after a quiet spell goes out at once; changes that follow it within the
    // window are gathered into the next delta, so a busy district sends one per window.
    if (!timer) timer = setTimeout(flush, Math.max(0, lastFlush + services.config.deltaWindowMs - performance.now()));
  });

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    const identity = identify(typeof token === 'string' ? token : undefined);
    if (!identity) return next(new Error('invalid token'));
    socket.data.profile = identity.profile;
    socket.data.identity = identity;
    socket.data.lastCodeAt = 0;
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
    bindRemoteControl(io, socket, { services, pairing });
  });

  const offClaimed = deliverClaims(io, pairing, services.clock);

  const heartbeat = setInterval(() => {
    // The daily tick first: deadline rules move with the calendar, not with events.
    services.live.tick();
    // A session checked at the handshake must also end on a socket that stays connected:
    // closing the transport makes the client reconnect, and its expired token is refused then.
    const now = services.clock.now();
    for (const socket of io.sockets.sockets.values()) {
      const ends = socket.data.identity.expiresAt;
      if (ends !== null && ends <= now) socket.conn.close();
    }
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
    offClaimed();
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
