// What the wall shows for one scope, built once per scope from the evaluation (never per
// client). The public profile's rules are applied here, on the server: a public room never
// receives anything it should not show.

import type { Light } from '../../shared/domain.ts';
import { maskName } from '../../shared/mask.ts';
import type { ApplicantFacts, MemberFacts, OrgEvaluation, RuleCode } from '../../shared/model.ts';
import { addMonths, monthOf, monthRange, yearOf } from '../../shared/periods.ts';
import type { FeedItem, MapPoint, MeasureItem, Pipeline, RankRow, Structure, WallSnapshot, WarningItem } from '../../shared/snapshot.ts';
import type { Profile } from '../../shared/socket.ts';
import { pipelineCounts, rankBranches, type RulesConfig } from '../../shared/rules/index.ts';
import { SnapshotCache, type BranchView } from './snapshot-cache.ts';
import { ancestors, type Directory } from '../store/directory.ts';
import type { Evaluation } from './engine.ts';
import { statusAt } from './load-facts.ts';
import { publicOrgName } from './public-name.ts';
import { branchesOf, currentMembers } from './structure.ts';
import { scopeLeaders, type ScopeLeader } from './vanguard-leaders.ts';

export interface SnapshotExtras {
  centreName: string;
  rules: RulesConfig;
  checkins: Map<string, number>;
  applicants: ApplicantFacts[];
  lightSince: Map<string, number>;
  clearedThisMonth: (codes: Set<string>) => number;
  reportsSent: (codes: Set<string>) => WallSnapshot['reportsSent'];
  feed: FeedItem[];
  prescription: (rule: RuleCode, level: 'red' | 'yellow') => { label: string; text: string };
  map: { demo: boolean; mapName: string };
  /** Public profile: branches smaller than this are not named in negative contexts (null = off). */
  smallBranchSize: number | null;
  /** Structure counts, cached by the caller (they change with the directory, not with events). */
  structure: (scope: string) => Structure;
  /** The scope's current members as the pipeline needs them; cached by the caller like structure. */
  members: (scope: string) => MemberFacts[];
  /** Keeps the scope's pipeline counts while applicants, members, rules and the day are unchanged. */
  pipeline: (scope: string, compute: () => Pipeline) => Pipeline;
  /** Keeps the scope's vanguard leaders while its members' points are unchanged. */
  vanguardLeaders: (scope: string, compute: () => ScopeLeader[]) => ScopeLeader[];
  /** What the last builds worked out (the live snapshots keep one); without, everything afresh. */
  cache?: SnapshotCache;
}

/** Current members of the scope's branches, reduced to what the pipeline reads. */
export function scopeMemberFacts(dir: Directory, scope: string, asOf: number): MemberFacts[] {
  return currentMembers(dir, branchesOf(dir, scope), asOf).map(
    (m) => ({ id: m.id, status: statusAt(m, asOf), probationStartedOn: m.probationStartedOn, current: true }) as MemberFacts,
  );
}

const ratio = (e: OrgEvaluation | undefined, key: string): number | null => {
  const r = e?.ratios[key];
  return r && r.den > 0 ? r.num / r.den : null;
};

export function buildSnapshot(ev: Evaluation, dir: Directory, scope: string, profile: Profile, x: SnapshotExtras): WallSnapshot {
  const cache = x.cache ?? new SnapshotCache();
  const node = dir.orgs.get(scope)!;
  const e = ev.orgs.get(scope);
  const asOf = ev.asOf;
  const { codes, codeSet, branches } = cache.shape(dir, scope);
  const year = yearOf(asOf);
  const month = monthOf(asOf);
  const months = monthRange(`${year}-01`, month);
  const lastMonth = addMonths(month, -1);
  const memberFacts = x.members(scope);
  const publicWall = profile === 'public';

  const nameOf = (code: string): string => (publicWall ? publicOrgName(dir, ev, code, x.smallBranchSize) : dir.orgs.get(code)!.name);
  /** A name shown beside its light: generalised like nameOf when that light is red or yellow. */
  const nameBesideLight = (code: string): string => {
    const level = ev.orgs.get(code)?.light.level;
    return level === 'red' || level === 'yellow' ? nameOf(code) : dir.orgs.get(code)!.name;
  };
  const naming = { key: publicWall ? `public:${x.smallBranchSize}` : 'named', nameOf, nameBesideLight };

  // One pass over the branches: their views (kept per evaluation), lights, measures, map, check-ins.
  const views = branches.map((code) => cache.view(dir, code, ev.orgs.get(code), naming));
  const lights = { red: 0, yellow: 0, green: 0, grey: 0 };
  const measureCounts = new Map<string, MeasureItem>();
  const points: MapPoint[] = [];
  const regionMap = new Map<string, { name: string; lng: number; lat: number; n: number; red: number; yellow: number }>();
  let checkinsToday = 0;
  for (const v of views) {
    lights[v.light] += 1;
    for (const r of v.e?.light.reasons ?? []) {
      const key = `${r.rule}|${r.level}`;
      const item = measureCounts.get(key);
      if (item) item.branches += 1;
      else {
        const p = x.prescription(r.rule, r.level);
        measureCounts.set(key, { rule: r.rule, level: r.level, branches: 1, label: p.label, prescription: p.text });
      }
    }
    checkinsToday += x.checkins.get(v.code) ?? 0;
    const p = v.point;
    if (!p) continue;
    points.push(p);
    if (!p.region) continue;
    let r = regionMap.get(p.region);
    if (!r) regionMap.set(p.region, (r = { name: p.region, lng: 0, lat: 0, n: 0, red: 0, yellow: 0 }));
    r.lng += p.lng;
    r.lat += p.lat;
    r.n += 1;
    if (p.light === 'red') r.red += 1;
    if (p.light === 'yellow') r.yellow += 1;
  }
  const measures = [...measureCounts.values()].sort((a, b) => (a.level === b.level ? b.branches - a.branches : a.level === 'red' ? -1 : 1));

  const ranked = cache.ranking(`${scope}|${naming.key}`, branches, views);
  const rankRow = (v: BranchView, i: number, name: string): RankRow => ({ rank: i + 1, code: v.code, name, parentName: v.parentName, score: v.score!, light: v.light });
  const top = ranked.slice(0, 50).map((v, i) => rankRow(v, i, v.name));
  const from = Math.max(0, ranked.length - 10);
  const bottom = ranked.slice(from).map((v, i) => rankRow(v, from + i, v.bottomName));

  const flagged: { c: string; o: OrgEvaluation }[] = [];
  for (const c of codes) {
    if (c === scope && node.type !== 'branch') continue;
    const o = ev.orgs.get(c);
    if (o && (o.light.level === 'red' || o.light.level === 'yellow')) flagged.push({ c, o });
  }
  const warnings: WarningItem[] = flagged
    .sort((a, b) => (a.o.light.level === b.o.light.level ? b.o.light.reasons.length - a.o.light.reasons.length || (a.c < b.c ? -1 : 1) : a.o.light.level === 'red' ? -1 : 1))
    .slice(0, 60)
    .map(({ c, o }) => cache.warning(c, o, x.lightSince.get(c) ?? null, naming));

  return {
    scope: {
      code: scope,
      name: nameBesideLight(scope),
      type: node.type,
      path: [...ancestors(dir, scope).reverse(), scope].map((c) => ({ code: c, name: nameBesideLight(c), type: dir.orgs.get(c)!.type })),
    },
    asOf,
    centreName: x.centreName,
    kpis: {
      orgs: codes.length,
      branches: branches.length,
      members: memberFacts.length,
      probationary: cache.probationary(memberFacts),
      compliance3m1l: ratio(e, 'compliance.3m1l'),
      complianceThemeDay: ratio(e, 'compliance.theme_day'),
      duesRate: ratio(e, `dues.rate.${lastMonth}`),
      duesYtd: ratio(e, 'dues.rate.ytd'),
      attendanceRate: ratio(e, 'attendance.rate'),
      lights,
      checkinsToday,
      score: e?.score ?? null,
    },
    structure: x.structure(scope),
    pipeline: x.pipeline(scope, () => pipelineCounts(x.applicants.filter((a) => codeSet.has(a.orgCode)), memberFacts, asOf, x.rules)),
    meetings: {
      months,
      counts: Object.fromEntries(
        (['general_meeting', 'committee_meeting', 'group_meeting', 'party_lesson', 'theme_day'] as const).map((k) => [
          k,
          months.map((m) => e?.indicators[`meetings.${k}.${m}`] ?? 0),
        ]),
      ),
      compliance3m1l: months.map((m) => ratio(e, `compliance.3m1l.${m}`)),
      complianceThemeDay: months.map((m) => ratio(e, `compliance.theme_day.${m}`)),
    },
    dues: {
      month: lastMonth,
      rate: ratio(e, `dues.rate.${lastMonth}`),
      onTimeRate: ratio(e, `dues.onTime.${lastMonth}`),
      ytd: ratio(e, 'dues.rate.ytd'),
      onTimeYtd: ratio(e, 'dues.onTime.ytd'),
      // Completed months only: the current month's rate climbs all month and would read as a collapse.
      trend: { months: months.filter((m) => m < month), rate: months.filter((m) => m < month).map((m) => ratio(e, `dues.rate.${m}`)) },
    },
    map: {
      demo: x.map.demo,
      mapName: x.map.mapName,
      points,
      regions: [...regionMap.values()].map((r) => ({ name: r.name, lng: r.lng / r.n, lat: r.lat / r.n, branches: r.n, red: r.red, yellow: r.yellow })),
    },
    rankings: { total: ranked.length, top, bottom },
    vanguardLeaders: x
      .vanguardLeaders(scope, () => scopeLeaders(ev, branches))
      .map((l) => ({ rank: l.rank, name: publicWall ? maskName(l.name) : l.name, orgName: nameBesideLight(l.org), points: l.points })),
    children: rankChildren(ev, dir, scope).map((r) => ({ ...r, name: nameBesideLight(r.code) })),
    warnings,
    measures,
    feed: x.feed.filter((f) => f.org === null || codeSet.has(f.org)).slice(0, 50),
    clearedThisMonth: x.clearedThisMonth(codeSet),
    reportsSent: x.reportsSent(codeSet),
  };
}

function rankChildren(ev: Evaluation, dir: Directory, scope: string): RankRow[] {
  const node = dir.orgs.get(scope)!;
  const rows = node.children
    .map((c) => ({ code: c, e: ev.orgs.get(c) }))
    .filter((r): r is { code: string; e: OrgEvaluation } => !!r.e && r.e.score !== null)
    .map((r) => ({ code: r.code, name: dir.orgs.get(r.code)!.name, parentName: node.name, score: r.e.score!, light: r.e.light.level }));
  return rankBranches(rows);
}
