// `tour:config`: an operator replaced the tour (PUT /api/tour) and every wall plays the new one.
// Remote commands (`wall:tour`) reach the tour through the wall's paired-remote binding
// (screen/live/wall-remote.ts), which the server lets only the paired remote drive.
import type { TourConfig } from '../../shared/tour.ts';

/** The part of a socket.io-client Socket used here, so tests can pass a fake. */
export interface ConfigSocket {
  on(event: 'tour:config', listener: (next: TourConfig) => void): unknown;
  off(event: 'tour:config', listener: (next: TourConfig) => void): unknown;
}

export function bindTourConfig(socket: ConfigSocket, tour: { setConfig(next: TourConfig): void }): () => void {
  const onConfig = (next: TourConfig) => tour.setConfig(next);
  socket.on('tour:config', onConfig);
  return () => socket.off('tour:config', onConfig);
}
