// What a device holds, in sessionStorage (gone when the tab closes, never in the URL):
// `vanguard.token` — the wall's or tablet's token (the wall's socket reads it, live/connect.ts);
// `vanguard.remote` — the session a remote got by pairing, naming the one wall it may drive.
import type { Profile } from '../../shared/socket.ts';

export const TOKEN_KEY = 'vanguard.token';
const REMOTE_KEY = 'vanguard.remote';

export interface RemoteSession {
  wall: string;
  token: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const store = (): Store | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
};

export const getToken = (s = store()) => s?.getItem(TOKEN_KEY) ?? null;
export const setToken = (token: string, s = store()) => s?.setItem(TOKEN_KEY, token);
export const clearToken = (s = store()) => s?.removeItem(TOKEN_KEY);

/** Expiry is the server's to judge (clocks differ): a refused session is dropped on connect. */
export function getRemote(s = store()): RemoteSession | null {
  try {
    const r = JSON.parse(s?.getItem(REMOTE_KEY) ?? 'null') as RemoteSession | null;
    return r && typeof r.token === 'string' && typeof r.wall === 'string' ? r : null;
  } catch {
    return null;
  }
}
export const setRemote = (r: RemoteSession, s = store()) => s?.setItem(REMOTE_KEY, JSON.stringify(r));
export const clearRemote = (s = store()) => s?.removeItem(REMOTE_KEY);

/** Only a path on this site: `?next=//evil.example` or `?next=https://…` must not send a token holder away. */
export function safeNext(next: string | null, fallback = '/'): string {
  return next && /^\/(?![/\\])/.test(next) ? next : fallback;
}

export type LoginResult = { ok: true; profile: Profile; name: string } | { ok: false; reason: 'invalid' | 'limited' | 'network' };

export async function login(token: string, fetcher: typeof fetch = fetch): Promise<LoginResult> {
  try {
    const res = await fetcher('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    if (res.status === 429) return { ok: false, reason: 'limited' };
    if (!res.ok) return { ok: false, reason: 'invalid' };
    const body = (await res.json()) as { profile: Profile; name: string };
    return { ok: true, profile: body.profile, name: body.name };
  } catch {
    return { ok: false, reason: 'network' };
  }
}

export type PairResult = { ok: true; wall: string | null; remote: RemoteSession | null } | { ok: false; reason: 'invalid' | 'limited' | 'unauthorized' | 'network' };

/** Claims a code shown on a wall with the holder's token (POST /api/pair). */
export async function claimCode(code: string, token: string, fetcher: typeof fetch = fetch): Promise<PairResult> {
  try {
    const res = await fetcher('/api/pair', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ code }) });
    if (res.status === 429) return { ok: false, reason: 'limited' };
    if (res.status === 401 || res.status === 403) return { ok: false, reason: 'unauthorized' };
    if (!res.ok) return { ok: false, reason: 'invalid' };
    const body = (await res.json()) as { wall: string | null; token: string | null };
    const remote = body.wall && body.token ? { wall: body.wall, token: body.token } : null;
    return { ok: true, wall: body.wall, remote };
  } catch {
    return { ok: false, reason: 'network' };
  }
}
