// The activity ticker: applied events and light changes turned into short Chinese lines, kept in
// two bounded rings, one with names masked (public) and one with names (leader and operator).

import { maskName } from '../../shared/mask.ts';
import { parseInstant } from '../../shared/periods.ts';
import type { FeedItem } from '../../shared/snapshot.ts';
import type { Profile } from '../../shared/socket.ts';
import type { LightChange } from '../aggregate/engine.ts';
import type { Directory } from '../store/directory.ts';
import type { LiveEvent } from '../sources/events/schema.ts';
import { KIND_ZH, LIGHT_ZH } from '../labels-zh.ts';

export const FEED_LIMIT = 50;

export interface Feed {
  /** Items oldest first; the lists keep the newest at the front. */
  add(items: FeedPair[]): void;
  list(profile: Profile): FeedItem[];
}

type FeedPair = { public: FeedItem; named: FeedItem };

/** `replay` gives the lines a restarted server starts with; it runs on the feed's first use, not
 * at start-up, since naming people needs the members the directory reads on first use. */
export function createFeed(replay?: () => FeedPair[]): Feed {
  const rings: Record<'public' | 'named', FeedItem[]> = { public: [], named: [] };
  let pending = replay;
  const push = (items: FeedPair[]) => {
    for (const it of items) {
      rings.public.unshift(it.public);
      rings.named.unshift(it.named);
    }
    rings.public.length = Math.min(rings.public.length, FEED_LIMIT);
    rings.named.length = Math.min(rings.named.length, FEED_LIMIT);
  };
  const replayOnce = () => {
    if (!pending) return;
    const first = pending;
    pending = undefined;
    push(first());
  };
  return {
    add(items) {
      replayOnce();
      push(items);
    },
    list(profile) {
      replayOnce();
      return profile === 'public' ? rings.public : rings.named;
    },
  };
}

/** One feed line per applied event worth showing; `mask` decides how people are named. */
export function eventFeedItem(e: LiveEvent, dir: Directory): { public: FeedItem; named: FeedItem } | null {
  const at = parseInstant(e.at)!;
  const base = (kind: FeedItem['kind'], org: string | null) => ({ id: e.id, at, kind, org, orgName: org ? dir.orgs.get(org)?.name ?? null : null });
  const person = (id: string) => dir.members.get(id)?.name ?? '';
  const both = (kind: FeedItem['kind'], org: string | null, text: (name: (id: string) => string) => string) => ({
    public: { ...base(kind, org), text: text((id) => maskName(person(id))) },
    named: { ...base(kind, org), text: text(person) },
  });
  switch (e.type) {
    case 'meeting.held':
      return both('meeting', e.org, () => `${dir.orgs.get(e.org)?.name ?? e.org} 召开${KIND_ZH[e.kind]}`);
    case 'attendance.checked_in': {
      const m = dir.members.get(e.member);
      if (!m || e.status === 'leave') return null;
      return both('checkin', m.org, (n) => `${n(e.member)} 扫码签到 · ${dir.orgs.get(m.org)?.name ?? ''}`);
    }
    case 'dues.paid': {
      const m = dir.members.get(e.member);
      return m ? both('dues', m.org, (n) => `${n(e.member)} 缴纳${e.month.slice(5)}月党费`) : null;
    }
    case 'activity.logged': {
      const m = dir.members.get(e.member);
      if (!m) return null;
      return both('activity', m.org, (n) => (e.kind === 'volunteer' ? `${n(e.member)} 志愿服务 ${e.hours ?? 0} 小时` : `${n(e.member)} 创建党员示范岗`));
    }
    case 'member.joined':
      return both('member', e.org, (n) => `${n(e.member)} 加入 ${dir.orgs.get(e.org)?.name ?? ''}`);
    case 'member.converted': {
      const m = dir.members.get(e.member);
      return m ? both('member', m.org, (n) => `${n(e.member)} 按期转为正式党员`) : null;
    }
    default:
      return null;
  }
}

/** The feed lines of a batch's newest events, oldest first: a batch of 1,000 would push all but
 * the last FEED_LIMIT out of the ring at once, so only those are built. */
export function newestFeedItems(events: readonly LiveEvent[], dir: Directory): { public: FeedItem; named: FeedItem }[] {
  const out: { public: FeedItem; named: FeedItem }[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < FEED_LIMIT; i--) {
    const item = eventFeedItem(events[i], dir);
    if (item) out.push(item);
  }
  return out.reverse();
}

/** A light change as a feed line; `publicName` names the organisation for the public ring
 * (a small branch turning red is not singled out there). */
export function lightFeedItem(c: LightChange, dir: Directory, publicName: (code: string) => string): { public: FeedItem; named: FeedItem } | null {
  if (c.from === null || c.to === 'grey') return null;
  const org = dir.orgs.get(c.code);
  if (!org) return null;
  const why = c.light.reasons.map((r) => r.message).join('；');
  const line = (name: string): FeedItem => ({
    id: `light:${c.code}:${c.at}`,
    at: c.at,
    kind: 'light',
    org: c.code,
    orgName: name,
    text: c.to === 'green' ? `${name} 转为${LIGHT_ZH.green}` : `${name} 转为${LIGHT_ZH[c.to]}：${why}`,
    level: c.to,
  });
  return { public: line(c.to === 'green' ? org.name : publicName(c.code)), named: line(org.name) };
}
