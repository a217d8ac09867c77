// @vitest-environment happy-dom
// Drill-down with the real live feed on a fake socket: the URL, the subscription (unsubscribe the
// old scope, subscribe the new one) and the explanation move together.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import { createLiveFeed, type LiveSocket } from '../../../screen/live/create-live-feed.ts';
import type { LightHistoryEntry } from '../../../screen/live/http-sources.ts';
import { bindKeys } from '../../../screen/nav/keyboard.ts';
import { parsePlace, placeUrl } from '../../../screen/nav/place.ts';
import { createRouter } from '../../../screen/nav/router.ts';
import { useConnectionStore } from '../../../screen/stores/connection.ts';
import { useExplainStore } from '../../../screen/stores/explain.ts';
import { useWallStore } from '../../../screen/stores/wall.ts';
import { fakeSocket } from '../../helpers/fake-socket.ts';

const district = fixture as unknown as WallSnapshot;
const D = { code: 'D01', name: '锦江区', type: 'district' as const };
const C = { code: 'C1', name: '东湖街道党工委', type: 'committee' as const };
const B = { code: 'B1', name: '东湖社区第一支部', type: 'branch' as const };
const snapOf = (path: (typeof D | typeof C | typeof B)[]): WallSnapshot => {
  const last = path[path.length - 1];
  return { ...district, scope: { code: last.code, name: last.name, type: last.type, path } };
};


/** A history that moves a fake location, as the browser would. */
function fakeBrowser(start: string) {
  const location = { pathname: '/', search: '' };
  const stack: string[] = [];
  let at = -1;
  const setUrl = (url: string) => {
    const u = new URL(url, 'http://wall');
    location.pathname = u.pathname;
    location.search = u.search;
  };
  const history = {
    pushState(_d: unknown, _u: string, url: string) {
      stack.splice(at + 1);
      stack.push(url);
      at++;
      setUrl(url);
    },
    replaceState(_d: unknown, _u: string, url: string) {
      stack[at] = url;
      setUrl(url);
    },
  };
  history.pushState(null, '', start);
  return { location, history, stack, back: () => setUrl(stack[--at]), forward: () => setUrl(stack[++at]) };
}

function setup(start = '/', loadHistory?: (code: string) => Promise<LightHistoryEntry[] | null>) {
  setActivePinia(createPinia());
  const wall = useWallStore();
  const explain = useExplainStore();
  const socket = fakeSocket();
  const browser = fakeBrowser(start);
  const feed = createLiveFeed(socket, { wall, connection: useConnectionStore() }, { scope: parsePlace(browser.location) ?? 'D01' });
  socket.fire('connect');
  const router = createRouter({ feed, wall, explain, root: 'D01', location: browser.location, history: browser.history, loadHistory });
  return { wall, explain, socket, browser, router, feed };
}

describe('place in the URL', () => {
  it('reads /org/<code> and the older ?scope=<code>, and nothing from /', () => {
    expect(parsePlace({ pathname: '/org/B1', search: '' })).toBe('B1');
    expect(parsePlace({ pathname: '/org/D01-C03-B03/', search: '?lang=en' })).toBe('D01-C03-B03');
    expect(parsePlace({ pathname: '/', search: '?scope=C1' })).toBe('C1');
    expect(parsePlace({ pathname: '/', search: '?lang=en' })).toBeNull();
    expect(parsePlace({ pathname: '/remote', search: '' })).toBeNull();
  });
  it('writes /org/<code>, / for the root, keeps the other flags and drops ?scope', () => {
    expect(placeUrl('B1', 'D01', { pathname: '/', search: '' })).toBe('/org/B1');
    expect(placeUrl('B1', 'D01', { pathname: '/', search: '?scope=C1&lang=en' })).toBe('/org/B1?lang=en');
    expect(placeUrl('D01', 'D01', { pathname: '/org/B1', search: '?gl=0' })).toBe('/?gl=0');
  });
});

describe('router', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('go: pushes /org/<code>, unsubscribes the old scope, subscribes the new one, and shows its snapshot', () => {
    const { socket, wall, browser, router } = setup();
    expect(socket.sent).toEqual([{ event: 'subscribe', msg: { scope: 'D01' } }]);
    socket.fire('snapshot', { scope: 'D01', seq: 3, asOf: 1, data: snapOf([D]) });
    router.go('B1');
    expect(browser.location.pathname).toBe('/org/B1');
    expect(socket.sent.slice(1)).toEqual([
      { event: 'unsubscribe', msg: { scope: 'D01' } },
      { event: 'subscribe', msg: { scope: 'B1' } }, // no lastSeq: a fresh snapshot for the new scope
    ]);
    expect(wall.scope).toBe('B1');
    expect(wall.snapshot).toBeNull(); // panels show loading, never the old scope's numbers
    socket.fire('snapshot', { scope: 'D01', seq: 4, asOf: 2, data: snapOf([D]) }); // late, old scope
    expect(wall.snapshot).toBeNull();
    socket.fire('snapshot', { scope: 'B1', seq: 1, asOf: 3, data: snapOf([D, C, B]) });
    expect(wall.snapshot?.scope.code).toBe('B1');
    router.go('B1'); // already there: nothing sent, nothing pushed
    expect(socket.sent).toHaveLength(3);
    expect(browser.stack).toEqual(['/', '/org/B1']);
  });

  it('up goes to the parent in the breadcrumbs, home to the district; back/forward follow the URL', () => {
    const { socket, wall, browser, router } = setup('/org/B1');
    expect(socket.sent).toEqual([{ event: 'subscribe', msg: { scope: 'B1' } }]); // a reload lands on B1
    socket.fire('snapshot', { scope: 'B1', seq: 1, asOf: 1, data: snapOf([D, C, B]) });
    router.up();
    expect(browser.location.pathname).toBe('/org/C1');
    socket.fire('snapshot', { scope: 'C1', seq: 1, asOf: 1, data: snapOf([D, C]) });
    router.home();
    expect(browser.location.pathname).toBe('/');
    expect(wall.scope).toBe('D01');
    socket.fire('snapshot', { scope: 'D01', seq: 9, asOf: 1, data: snapOf([D]) });
    router.up(); // at the root: nowhere to go
    expect(browser.stack).toEqual(['/org/B1', '/org/C1', '/']);

    socket.sent.length = 0;
    browser.back();
    router.popped();
    expect(wall.scope).toBe('C1');
    expect(socket.sent).toEqual([
      { event: 'unsubscribe', msg: { scope: 'D01' } },
      { event: 'subscribe', msg: { scope: 'C1' } },
    ]);
    browser.forward();
    router.popped();
    expect(wall.scope).toBe('D01');
    expect(browser.stack).toHaveLength(3); // popstate never pushes
  });

  it('explain opens the reasons at once and fills the light history when it arrives; navigating closes it', async () => {
    const history: LightHistoryEntry[] = [{ at: '2026-05-02T09:00:00+08:00', level: 'red', previous: 'yellow', reasons: [] }];
    const load = vi.fn(async () => history);
    const { explain, router, socket } = setup('/', load);
    socket.fire('snapshot', { scope: 'D01', seq: 1, asOf: 1, data: snapOf([D]) });
    const w = district.warnings[0];
    router.go(w.code);
    router.explain(w);
    expect(explain.target?.code).toBe(w.code);
    expect(explain.historyStatus).toBe('loading');
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledWith(w.code);
    expect(explain.history).toEqual(history);
    expect(explain.historyStatus).toBe('ok');
    router.up();
    router.closeExplain();
    expect(explain.target).toBeNull();
  });

  it('keys: Escape closes an explanation first, then goes up; Backspace goes up; Home goes to the district', () => {
    const { socket, router, browser, explain } = setup('/org/B1');
    socket.fire('snapshot', { scope: 'B1', seq: 1, asOf: 1, data: snapOf([D, C, B]) });
    const target = new EventTarget() as unknown as Window;
    const unbind = bindKeys(target, router, () => explain.target !== null);
    const press = (key: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
    router.explain({ code: 'B1', name: B.name, level: 'red', reasons: [], since: null });
    press('Escape');
    expect(explain.target).toBeNull();
    expect(browser.location.pathname).toBe('/org/B1');
    press('Escape');
    expect(browser.location.pathname).toBe('/org/C1');
    socket.fire('snapshot', { scope: 'C1', seq: 1, asOf: 1, data: snapOf([D, C]) });
    press('Home');
    expect(browser.location.pathname).toBe('/');
    browser.back();
    router.popped();
    socket.fire('snapshot', { scope: 'C1', seq: 2, asOf: 1, data: snapOf([D, C]) });
    press('Backspace');
    expect(browser.location.pathname).toBe('/');
    unbind();
  });

  it('an unknown scope in the URL (the server says not_found) falls back to the root, replacing the URL', () => {
    setActivePinia(createPinia());
    const wall = useWallStore();
    const explain = useExplainStore();
    const socket = fakeSocket();
    const browser = fakeBrowser('/org/NOPE?lang=en');
    let router: ReturnType<typeof createRouter> | null = null;
    const feed = createLiveFeed(socket, { wall, connection: useConnectionStore() }, { scope: 'NOPE', onUnknownScope: (c) => router?.unknown(c) });
    router = createRouter({ feed, wall, explain, root: 'D01', location: browser.location, history: browser.history });
    socket.fire('connect');
    socket.fire('error', { error: 'not_found', message: 'unknown scope "OTHER"' }); // not ours: ignored
    expect(wall.scope).toBe('NOPE');
    socket.fire('error', { error: 'not_found', message: 'unknown scope "NOPE"' });
    expect(wall.scope).toBe('D01');
    expect(browser.stack).toEqual(['/?lang=en']);
    expect(socket.sent.slice(-2)).toEqual([
      { event: 'unsubscribe', msg: { scope: 'NOPE' } },
      { event: 'subscribe', msg: { scope: 'D01' } },
    ]);
  });

  it('without a feed (the fixture) the wall stays where it is', () => {
    setActivePinia(createPinia());
    const wall = useWallStore();
    wall.setScope('D01');
    const browser = fakeBrowser('/');
    const router = createRouter({ feed: null, wall, explain: useExplainStore(), root: 'D01', location: browser.location, history: browser.history });
    router.go('B1');
    expect(wall.scope).toBe('D01');
    expect(browser.stack).toEqual(['/']);
  });
});
