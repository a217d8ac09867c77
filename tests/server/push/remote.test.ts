// Remote control and pairing end to end: real server on port 0, real socket.io-clients. A public
// socket drives nothing, a leader token alone drives nothing, a paired remote drives its wall
// and no other; codes are one use and expire; a wall that asks on /pair receives a session.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock, type ManualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { parseInstant } from '../../../shared/periods.ts';
import type { AckError, PairCodeMsg, PairGrantedMsg, WallNavigateMsg } from '../../../shared/socket.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { connectWall, type TestWall } from '../../helpers/live-client.ts';
import { asLeader, asOperator, LEADER_TOKEN, testTokensFile } from '../../helpers/tokens.ts';

let app: FastifyInstance;
let clock: ManualClock;
let url: string;
const sockets: TestWall[] = [];
beforeEach(async () => {
  clock = manualClock(parseInstant('2026-04-15T12:00:00+08:00')!);
  // A fast heartbeat: it is where sessions that ended are cut from live sockets.
  app = await buildApp(testConfig({ tokensFile: testTokensFile(), heartbeatMs: 100 }), { clock });
  app.services.importDataset(tinyDataset());
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await app.close();
});

const client = async (token?: string) => {
  const c = connectWall(url, { token });
  sockets.push(c);
  await c.waitFor(() => c.socket.connected);
  return c;
};
/** A wall named `name`, recording what the remote sends it. */
const wall = async (name: string) => {
  const c = await client();
  const got = { navigate: [] as WallNavigateMsg[], codes: [] as (PairCodeMsg | null)[] };
  c.socket.on('wall:navigate', (m) => got.navigate.push(m));
  c.socket.on('pair:code', (m) => got.codes.push(m));
  c.socket.emit('wall:join', { wall: name });
  await new Promise((r) => setTimeout(r, 50));
  return { ...c, got };
};
const emit = <T>(c: TestWall, event: 'wall:navigate' | 'pair:start', msg: object) =>
  new Promise<T>((resolve) => (c.socket.emit as (e: string, m: object, ack: (r: T) => void) => void)(event, msg, resolve));
const claim = (code: string, headers: Record<string, string> = asLeader) => app.inject({ method: 'POST', url: '/api/pair', headers, payload: { code } });

/** Pairs a remote with `name` the way the tablet does: ask the wall to show a code, type it in. */
async function pairRemote(w: Awaited<ReturnType<typeof wall>>, name: string) {
  const leader = await client(LEADER_TOKEN);
  const started = await emit<{ ok: true; ttlMs: number }>(leader, 'pair:start', { wall: name });
  expect(started).toEqual({ ok: true, ttlMs: 5 * 60 * 1000 });
  expect(JSON.stringify(started)).not.toMatch(/\d{6}"/); // the code reaches the wall only
  const shown = await w.waitFor(() => w.got.codes.at(-1));
  const res = await claim(shown!.code);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ wall: name, token: expect.stringMatching(/^s\./) });
  return client(res.json().token);
}

describe('remote control', () => {
  it('a public socket cannot drive a wall, nor list or pair walls', async () => {
    const w = await wall('hall-1');
    const pub = await client();
    expect(await emit<AckError>(pub, 'wall:navigate', { wall: 'hall-1', scope: 'B1' })).toMatchObject({ error: 'forbidden' });
    expect(await emit<AckError>(pub, 'pair:start', { wall: 'hall-1' })).toMatchObject({ error: 'forbidden' });
    expect(await new Promise((r) => pub.socket.emit('wall:list', r))).toMatchObject({ error: 'forbidden' });
    await new Promise((r) => setTimeout(r, 100));
    expect(w.got).toEqual({ navigate: [], codes: [] });
  });

  it('a leader token alone drives no wall: only a paired session does, and only its own wall', async () => {
    const one = await wall('hall-1');
    const two = await wall('hall-2');
    const leader = await client(LEADER_TOKEN);
    expect(await new Promise((r) => leader.socket.emit('wall:list', r))).toEqual({ walls: ['hall-1', 'hall-2'] });
    expect(await emit<AckError>(leader, 'wall:navigate', { wall: 'hall-1', scope: 'B1' })).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/not paired/) });

    const remote = await pairRemote(one, 'hall-1');
    await one.waitFor(() => one.got.codes.at(-1) === null); // claimed: the wall hides the code
    expect(await emit(remote, 'wall:navigate', { wall: 'hall-1', scope: 'B1' })).toEqual({ ok: true });
    await one.waitFor(() => one.got.navigate.length === 1);
    expect(one.got.navigate).toEqual([{ wall: 'hall-1', scope: 'B1' }]);
    expect(await emit<AckError>(remote, 'wall:navigate', { wall: 'hall-2', scope: 'B1' })).toMatchObject({ error: 'forbidden' });
    expect(await emit<AckError>(remote, 'wall:navigate', { wall: 'hall-1', scope: 'NOPE' })).toMatchObject({ error: 'not_found' });
    await new Promise((r) => setTimeout(r, 100));
    expect(two.got.navigate).toEqual([]);
  });

  it('a code is spent by its first claim, dies after five minutes, and needs a leader to claim it', async () => {
    const w = await wall('hall-1');
    const leader = await client(LEADER_TOKEN);
    await emit(leader, 'pair:start', { wall: 'hall-1' });
    const { code } = (await w.waitFor(() => w.got.codes.at(-1)))!;
    expect((await app.inject({ method: 'POST', url: '/api/pair', payload: { code } })).statusCode).toBe(401);
    expect((await claim(code)).statusCode).toBe(200);
    expect((await claim(code)).statusCode).toBe(404);

    const pairPage = await client();
    const issued = await new Promise<PairCodeMsg>((r) => pairPage.socket.emit('pair:request', { wall: 'hall-1' }, r as never));
    clock.advance(5 * 60 * 1000 + 1);
    expect((await claim(issued.code, asOperator)).json()).toMatchObject({ error: 'not_found', message: expect.stringMatching(/five minutes/) });
  });

  it('a wall on /pair receives a leader session when its code is claimed, and the claim is audited', async () => {
    const pairPage = await client();
    const granted: PairGrantedMsg[] = [];
    pairPage.socket.on('pair:granted', (m) => granted.push(m));
    const issued = await new Promise<PairCodeMsg>((r) => pairPage.socket.emit('pair:request', {}, r as never));
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(await claim(issued.code)).toMatchObject({ statusCode: 200 });
    const { token, profile } = await pairPage.waitFor(() => granted[0]);
    expect(profile).toBe('leader');
    const login = await app.inject({ method: 'POST', url: '/api/login', payload: { token } });
    expect(login.json()).toEqual({ profile: 'leader', name: 'test-leader (paired wall)' });
    // A paired wall's session reads leader data but writes nothing.
    expect((await app.inject({ url: '/api/orgs/B1/members', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/events', headers: { authorization: `Bearer ${token}` }, payload: [] })).statusCode).toBe(403);
    clock.advance(8 * 60 * 60 * 1000);
    expect((await app.inject({ method: 'POST', url: '/api/login', payload: { token } })).statusCode).toBe(401);
    const audit = (await app.inject({ url: '/api/audit', headers: asOperator })).json().entries;
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ who: 'test-leader', action: 'pair' })]));
  });
});

describe('sessions end', () => {
  it('a paired remote is cut when its session ends, and its token no longer connects', async () => {
    const one = await wall('hall-1');
    const remote = await pairRemote(one, 'hall-1');
    const errors: string[] = [];
    remote.socket.on('connect_error', (e) => errors.push(e.message));
    clock.advance(8 * 60 * 60 * 1000);
    await remote.waitFor(() => errors.includes('invalid token'), 3000);
    expect(remote.socket.connected).toBe(false);
  });
});

describe('POST /api/login', () => {
  it('says whose a token is, refuses an unknown one, and allows ten tries a minute', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/login', payload: { token: LEADER_TOKEN } })).json()).toEqual({ profile: 'leader', name: 'test-leader' });
    const wrong = await app.inject({ method: 'POST', url: '/api/login', payload: { token: 'guess' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'unauthorized' });
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await app.inject({ method: 'POST', url: '/api/login', payload: { token: `guess-${i}` } })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    expect((await app.inject({ method: 'POST', url: '/api/login', payload: { token: LEADER_TOKEN } })).json()).toMatchObject({ error: 'too_many_requests' });
  });
});
