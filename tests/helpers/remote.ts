// A remote paired with a named wall the way the tablet pairs (server/push/remote-control.ts): a
// leader asks the wall to show a code, the code is read where the wall shows it (its room) and
// claimed with the leader token; the session that comes back may drive that wall, and only it.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PairCodeMsg, ServerToClientEvents } from '../../shared/socket.ts';
import { asLeader, LEADER_TOKEN } from './tokens.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const connected = (url: string, token?: string): Promise<Client> =>
  new Promise((resolve, reject) => {
    const socket: Client = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

export async function pairedRemote(url: string, wall: string): Promise<Client> {
  const watcher = await connected(url); // public, in the wall's room like the wall itself
  const leader = await connected(url, LEADER_TOKEN);
  try {
    const shown = new Promise<string>((resolve) => watcher.on('pair:code', (m: PairCodeMsg | null) => m && resolve(m.code)));
    watcher.emit('wall:join', { wall });
    await new Promise((r) => setTimeout(r, 100)); // the join reaches the server before the request
    const started = await new Promise<unknown>((resolve) => leader.emit('pair:start', { wall }, resolve));
    if (!(started as { ok?: boolean }).ok) throw new Error(`pair:start ${wall}: ${JSON.stringify(started)}`);
    const res = await fetch(`${url}/api/pair`, { method: 'POST', headers: { ...asLeader, 'content-type': 'application/json' }, body: JSON.stringify({ code: await shown }) });
    if (!res.ok) throw new Error(`POST /api/pair: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    return await connected(url, token);
  } finally {
    watcher.close();
    leader.close();
  }
}
