// What a device keeps, and where /login may send a token holder afterwards.
import { describe, expect, it } from 'vitest';
import { claimCode, getRemote, login, safeNext } from '../../../screen/access/session.ts';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};
const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('safeNext', () => {
  it.each([
    ['/remote', '/remote'],
    ['/org/B1?wall=hall-1', '/org/B1?wall=hall-1'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    [null, '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('login and pairing answers', () => {
  it('maps the server\'s statuses to what the page says', async () => {
    expect(await login('t', answer(200, { profile: 'leader', name: 'wall-1' }))).toEqual({ ok: true, profile: 'leader', name: 'wall-1' });
    expect(await login('t', answer(401, {}))).toEqual({ ok: false, reason: 'invalid' });
    expect(await login('t', answer(429, {}))).toEqual({ ok: false, reason: 'limited' });
    expect(await login('t', (async () => { throw new Error('offline'); }) as unknown as typeof fetch)).toEqual({ ok: false, reason: 'network' });
    expect(await claimCode('123456', 't', answer(200, { wall: 'hall-1', token: 's.x', ttlMs: 1 }))).toEqual({ ok: true, wall: 'hall-1', remote: { wall: 'hall-1', token: 's.x' } });
    expect(await claimCode('123456', 't', answer(404, {}))).toEqual({ ok: false, reason: 'invalid' });
    expect(await claimCode('123456', 't', answer(401, {}))).toEqual({ ok: false, reason: 'unauthorized' });
  });

  it('reads back only a well-formed remote session', () => {
    const s = memory();
    expect(getRemote(s)).toBeNull();
    s.setItem('vanguard.remote', '{"wall":"hall-1"}');
    expect(getRemote(s)).toBeNull();
    s.setItem('vanguard.remote', 'not json');
    expect(getRemote(s)).toBeNull();
    s.setItem('vanguard.remote', '{"wall":"hall-1","token":"s.x"}');
    expect(getRemote(s)).toEqual({ wall: 'hall-1', token: 's.x' });
  });
});
