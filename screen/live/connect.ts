// The only io() in the screen: same origin (Vite proxies in dev, Fastify serves in production),
// a device token from sessionStorage when the wall holds one, reconnecting forever.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket.ts';
import { useConnectionStore } from '../stores/connection.ts';
import { useWallStore } from '../stores/wall.ts';
import { createLiveFeed, type LiveFeed, type LiveSocket } from './create-live-feed.ts';

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function readToken(storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): string | null {
  try {
    return storage?.getItem('vanguard.token') ?? null;
  } catch {
    return null;
  }
}

function forgetToken(storage: Pick<Storage, 'removeItem'> | undefined = globalThis.sessionStorage): void {
  try {
    storage?.removeItem('vanguard.token');
  } catch {
    /* storage disabled: nothing was kept */
  }
}

/** `publicOnly`: connect without the wall's token, as a tour must (it always shows the public profile). */
export function connectLive(
  scope: string,
  onUnknownScope?: (scope: string) => void,
  opts: { publicOnly?: boolean } = {},
): { socket: WallSocket; feed: LiveFeed; withToken: boolean } {
  const token = opts.publicOnly ? null : readToken();
  const socket: WallSocket = io({
    path: '/socket.io',
    auth: token ? { token } : {},
    reconnection: true,
    reconnectionDelayMax: 10_000,
  });
  // A token the server refuses (a pairing session that expired, a revoked device token) would
  // leave the wall dark: drop it and carry on as `public`, which never needs one.
  socket.on('connect_error', (err) => {
    if (err.message !== 'invalid token' || !token) return;
    forgetToken();
    socket.auth = {};
    socket.connect();
  });
  const feed = createLiveFeed(socket as unknown as LiveSocket, { wall: useWallStore(), connection: useConnectionStore() }, { scope, onUnknownScope });
  return { socket, feed, withToken: token !== null };
}
