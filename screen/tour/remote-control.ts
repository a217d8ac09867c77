// The tour's two socket messages: `wall:tour` from a remote (a leader's tablet, relayed by the
// server to the room of this wall's name) and `tour:config` when an operator replaces the tour.
// The wall joins its room on every connect, because the server forgets rooms when a socket drops.
import type { TourAction, WallTourMsg } from '../../shared/socket.ts';
import type { TourConfig } from '../../shared/tour.ts';

/** The part of a socket.io-client Socket used here, so tests can pass a fake. */
export interface RemoteSocket {
  connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: 'wall:join', msg: { wall: string }): unknown;
}

export interface TourControls {
  command(action: TourAction, scene?: number): void;
  setConfig(next: TourConfig): void;
}

export function bindRemoteControl(socket: RemoteSocket, tour: TourControls, wallName: string): () => void {
  const join = () => socket.emit('wall:join', { wall: wallName });
  const onTour = (msg: WallTourMsg) => {
    if (msg?.wall === wallName) tour.command(msg.action, msg.scene);
  };
  const onConfig = (next: TourConfig) => tour.setConfig(next);
  socket.on('connect', join);
  socket.on('wall:tour', onTour);
  socket.on('tour:config', onConfig);
  if (socket.connected) join();
  return () => {
    socket.off('connect', join);
    socket.off('wall:tour', onTour);
    socket.off('tour:config', onConfig);
  };
}
