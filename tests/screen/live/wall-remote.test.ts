// The wall's side of the remote with a fake socket: it joins its room on every connect, follows
// only messages for its own name, passes tour commands on, and shows a pairing code until it expires.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bindWallRemote, wallName, type WallRemoteDeps } from '../../../screen/live/wall-remote.ts';
import { fakeSocket } from '../../helpers/fake-socket.ts';

afterEach(() => vi.useRealTimers());

function setup(connected = true) {
  const socket = fakeSocket(connected);
  const go = vi.fn();
  const command = vi.fn();
  const codes: unknown[] = [];
  const off = bindWallRemote({ socket: socket as unknown as WallRemoteDeps['socket'], wall: 'hall-1', router: { go }, tour: { command }, showCode: (c) => codes.push(c) });
  return { socket, go, command, codes, off };
}

describe('wall remote', () => {
  it('reads a valid wall name from the URL only', () => {
    expect([wallName('?wall=hall-1'), wallName('?wall=一号厅'), wallName('?wall=<b>'), wallName('')]).toEqual(['hall-1', '一号厅', null, null]);
  });

  it('joins its room now and after every reconnect', () => {
    const { socket } = setup();
    socket.fire('connect');
    expect(socket.sent).toEqual([{ event: 'wall:join', msg: { wall: 'hall-1' } }, { event: 'wall:join', msg: { wall: 'hall-1' } }]);
    expect(setup(false).socket.sent).toEqual([]);
  });

  it('follows navigation and tour commands for its own name only', () => {
    const { socket, go, command, off } = setup();
    socket.fire('wall:navigate', { wall: 'hall-2', scope: 'B2' });
    socket.fire('wall:navigate', { wall: 'hall-1', scope: 'B1' });
    socket.fire('wall:tour', { wall: 'hall-1', action: 'next', scene: 3 });
    socket.fire('wall:tour', { wall: 'hall-2', action: 'pause' });
    expect(go.mock.calls).toEqual([['B1']]);
    expect(command.mock.calls).toEqual([['next', 3]]);
    off();
    socket.fire('wall:navigate', { wall: 'hall-1', scope: 'B2' });
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('shows a pairing code until it is claimed or expires', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { socket, codes } = setup();
    socket.fire('pair:code', { code: '123456', ttlMs: 300_000 });
    socket.fire('pair:code', null);
    socket.fire('pair:code', { code: '654321', ttlMs: 300_000 });
    vi.advanceTimersByTime(299_999);
    expect(codes).toEqual([{ code: '123456', ttlMs: 300_000 }, null, { code: '654321', ttlMs: 300_000 }]);
    vi.advanceTimersByTime(1);
    expect(codes.at(-1)).toBeNull();
  });
});
