// The socket of the small pages (/pair, /remote): same origin and contract as the wall's, no
// feed. A page passes the token it holds; none means `public` (the /pair page).
import { io } from 'socket.io-client';
import type { WallSocket } from './connect.ts';

export function connectControl(token: string | null): WallSocket {
  return io({ path: '/socket.io', auth: token ? { token } : {}, reconnection: true, reconnectionDelayMax: 5000 });
}
