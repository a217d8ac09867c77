// The wall's side of the remote: join the room of the wall's name (?wall=), then follow what the
// paired remote sends — a place (through the router, so URL, subscription and overlay stay in
// step), a tour command, or a pairing code to show. The server has already checked the sender.
import type { Socket } from 'socket.io-client';
import { isWallName, type ClientToServerEvents, type PairCodeMsg, type ServerToClientEvents, type TourAction } from '../../shared/socket.ts';

/** Whatever runs the tour (the tour store); the wall accepts any object with this shape. */
export interface TourCommands {
  command(action: TourAction, scene?: number): void;
}

export interface WallRemoteDeps {
  socket: Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'on' | 'off' | 'emit' | 'connected'>;
  wall: string;
  router: { go(code: string): void };
  /** Null until a tour exists on this wall: tour commands are then ignored. */
  tour: TourCommands | null;
  showCode(code: PairCodeMsg | null): void;
}

/** The wall's name from its URL, or null (then it is no remote's target). */
export function wallName(search: string): string | null {
  const name = new URLSearchParams(search).get('wall');
  return isWallName(name) ? name : null;
}

export function bindWallRemote(deps: WallRemoteDeps): () => void {
  const { socket, wall, router, tour, showCode } = deps;
  // Rooms do not survive a reconnect (a new socket on the server): join on every connect.
  const join = () => socket.emit('wall:join', { wall });
  const onNavigate = (msg: { wall: string; scope: string }) => {
    if (msg.wall === wall) router.go(msg.scope);
  };
  const onTour = (msg: { wall: string; action: TourAction; scene?: number }) => {
    if (msg.wall === wall) tour?.command(msg.action, msg.scene);
  };
  let hide: ReturnType<typeof setTimeout> | undefined;
  const onCode = (msg: PairCodeMsg | null) => {
    clearTimeout(hide);
    showCode(msg);
    // The code dies after five minutes on the server; it leaves the wall then too.
    if (msg) hide = setTimeout(() => showCode(null), msg.ttlMs);
  };
  socket.on('connect', join);
  socket.on('wall:navigate', onNavigate);
  socket.on('wall:tour', onTour);
  socket.on('pair:code', onCode);
  if (socket.connected) join();
  return () => {
    clearTimeout(hide);
    socket.off('connect', join);
    socket.off('wall:navigate', onNavigate);
    socket.off('wall:tour', onTour);
    socket.off('pair:code', onCode);
  };
}
