// The live simulator of the demo: a believable few events per second, posted through the same
// validated ingest path as real systems. A meeting opens somewhere, its members check in by QR
// over the next minutes, dues trickle in, volunteers log hours. Seeded, so a demo replays alike.

import type { MeetingKind } from '../../../shared/domain.ts';
import { formatInstant, monthOf } from '../../../shared/periods.ts';
import { epochMs, type Clock } from '../../clock.ts';
import { branchAt, type Directory } from '../../store/directory.ts';

export interface SimulatorDeps {
  dir: Directory;
  clock: Clock;
  ingest: (events: unknown[]) => { ok: boolean };
  /** Events per second on average. */
  rate: number;
  seed: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: [MeetingKind, number][] = [
  ['theme_day', 4],
  ['group_meeting', 3],
  ['committee_meeting', 2],
  ['party_lesson', 1],
  ['general_meeting', 1],
  ['study', 1],
];

interface Pending {
  due: number; // tick number at which to send
  event: Record<string, unknown>;
}

export function createSimulator(deps: SimulatorDeps) {
  const rnd = mulberry32(deps.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const weighted = <T>(xs: readonly [T, number][]): T => {
    let r = rnd() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[0][0];
  };
  const TICK_MS = 250;
  let tick = 0;
  let seq = 0;
  // Ids must differ between runs even under a frozen clock, or a restarted demo's events would
  // all be duplicates of the last run's and change nothing.
  let run = `${deps.seed}-${epochMs().toString(36)}`;
  const pending: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  const branches = () => [...deps.dir.orgs.values()].filter((o) => o.type === 'branch' && (deps.dir.staysByBranch.get(o.code)?.size ?? 0) > 0);
  const id = (p: string) => `sim-${run}-${p}-${++seq}`;

  function membersOf(branch: string): string[] {
    const now = deps.clock.now();
    return [...(deps.dir.staysByBranch.get(branch) ?? [])].filter((m) => branchAt(deps.dir.members.get(m)!, now) === branch && !deps.dir.members.get(m)!.leftOn);
  }

  function openMeeting(): void {
    const org = pick(branches());
    const members = membersOf(org.code);
    let kind = weighted(KINDS);
    if (kind === 'group_meeting' && org.groups.length === 0) kind = 'theme_day';
    if (kind === 'committee_meeting' && !org.hasCommittee) kind = 'theme_day';
    const group = kind === 'group_meeting' ? pick(org.groups) : undefined;
    const meetingId = id('mtg');
    const at = formatInstant(deps.clock.now());
    pending.push({ due: tick, event: { id: id('evt'), type: 'meeting.held', at, meetingId, org: org.code, kind, ...(group ? { group } : {}) } });
    const expected = members.filter((m) => {
      const r = deps.dir.members.get(m)!;
      return kind === 'group_meeting' ? r.groupCode === group : kind === 'committee_meeting' ? r.onCommittee : true;
    });
    // QR check-ins spread over the next two minutes; most come, some ask for leave.
    for (const member of expected) {
      const roll = rnd();
      if (roll > 0.93) continue;
      const delay = 1 + Math.floor(rnd() * (120_000 / TICK_MS));
      pending.push({ due: tick + delay, event: { id: id('chk'), type: 'attendance.checked_in', meetingId, member, ...(roll > 0.88 ? { status: 'leave' } : {}) } });
    }
  }

  function payDues(): void {
    const org = pick(branches());
    const member = pick(membersOf(org.code));
    if (!member) return;
    const m = deps.dir.members.get(member)!;
    pending.push({ due: tick, event: { id: id('due'), type: 'dues.paid', member, month: monthOf(deps.clock.now()), amount: m.due || 0.2 } });
  }

  function volunteer(): void {
    const org = pick(branches());
    const member = pick(membersOf(org.code));
    if (!member) return;
    const demo = rnd() < 0.1;
    pending.push({ due: tick, event: { id: id('act'), type: 'activity.logged', member, kind: demo ? 'demo_post' : 'volunteer', ...(demo ? {} : { hours: 1 + Math.floor(rnd() * 6) / 2 }) } });
  }

  function step(): void {
    tick += 1;
    // Keep the average rate: meetings bring ~15 check-ins each, so they are rarer than they look.
    const budget = (deps.rate * TICK_MS) / 1000;
    if (rnd() < budget * 0.05) openMeeting();
    if (rnd() < budget * 0.25) payDues();
    if (rnd() < budget * 0.1) volunteer();
    const ready = pending.filter((p) => p.due <= tick);
    if (!ready.length) return;
    for (const p of ready) pending.splice(pending.indexOf(p), 1);
    const at = formatInstant(deps.clock.now());
    deps.ingest(ready.map((p) => ({ at, ...p.event })));
  }

  return {
    start(): void {
      if (!timer && branches().length) timer = setInterval(step, TICK_MS);
      timer?.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
    /** Runs n steps synchronously (tests and benchmarks). */
    steps(n: number): void {
      for (let i = 0; i < n; i++) step();
    },
    reseed(label: string): void {
      run = label;
    },
  };
}
